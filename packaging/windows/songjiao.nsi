; Windows installer for Songjiao (送教上门). Built by `python packaging/build.py --installer`, which passes
;   /DVERSION=<pyproject version> /DSOURCE=<dist\Songjiao> /DOUTFILE=<setup.exe> /DROOT=<checkout>
;   [/DSIGN=<signing command with %1>] (when a certificate is configured) [/DCHECK_ONLY] (CI on Linux)
;
; For the school's IT (README, "For the school's IT"):
;   Songjiao-<v>-setup.exe                      wizard (中文 / English), per user, no administrator rights
;   Songjiao-<v>-setup.exe /S                    silent, for this user
;   Songjiao-<v>-setup.exe /S /ALLUSERS          silent, every user of the laptop (Program Files; run elevated)
;   Songjiao-<v>-setup.exe /S /ALLUSERS /DESKTOP also a desktop shortcut (the wizard offers it as a choice)
;   /D=C:\Path\Songjiao                          another program folder (last argument, no quotes)
;   "<program folder>\uninstall.exe" /S           silent uninstall; keeps every user's data
;   "<program folder>\uninstall.exe" /S /DELETEDATA   ... and deletes the data of the user running it
; Installing again upgrades in place: the program folder is replaced, the data (%LOCALAPPDATA%\Songjiao of
; each user: database, backups, logs) is never touched by install or upgrade.

Unicode true
ManifestDPIAware true
!ifdef CHECK_ONLY
  SetCompress off  ; CI only proves the script compiles around the Linux-built folder: no time on compression
!else
  SetCompressor /SOLID lzma
!endif

!ifndef VERSION
  !error "pass /DVERSION=x.y.z (packaging/build.py reads it from pyproject.toml)"
!endif
!ifndef SOURCE
  !error "pass /DSOURCE=<the frozen folder dist\Songjiao>"
!endif
!ifndef ROOT
  !define ROOT "..\.."
!endif
!ifndef OUTFILE
  !define OUTFILE "Songjiao-${VERSION}-setup.exe"
!endif

; One identity for every version: upgrades find the earlier install by these.
!define APP_ID "{6B1C3F7E-2D4A-4E0B-9C55-5A0C1E7D3B21}"
!define APP_NAME "Songjiao"
!define APP_DISPLAY "送教上门 Songjiao"
!define APP_EXE "Songjiao.exe"
!define REG_APP "Software\Songjiao"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

Name "${APP_DISPLAY}"
OutFile "${OUTFILE}"
BrandingText "${APP_DISPLAY} ${VERSION}"

!ifdef SIGN
  ; Code signing (packaging/build.py passes this only when a certificate is configured).
  !finalize '${SIGN}'
  !uninstfinalize '${SIGN}'
!endif

; Per user by default; /ALLUSERS (or the wizard's choice, for an administrator) installs for every user.
!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_INSTALLMODE_DEFAULT_CURRENTUSER
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP_NAME}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${REG_APP}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_MUI
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include Sections.nsh

!define MUI_ICON "${ROOT}\resources\icons\songjiao.ico"
!define MUI_UNICON "${ROOT}\resources\icons\songjiao.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT SHCTX
!define MUI_LANGDLL_REGISTRY_KEY "${REG_APP}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}\LICENSE"
!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Chinese first: the language chooser preselects the system's, Simplified Chinese on a Chinese Windows.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString SEC_PROGRAM ${LANG_SIMPCHINESE} "送教上门程序（必需）"
LangString SEC_PROGRAM ${LANG_ENGLISH} "Songjiao program (required)"
LangString SEC_STARTMENU ${LANG_SIMPCHINESE} "开始菜单快捷方式"
LangString SEC_STARTMENU ${LANG_ENGLISH} "Start menu shortcut"
LangString SEC_DESKTOP ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_FILES ${LANG_SIMPCHINESE} "用送教上门打开交换文件（.sjb）和加入文件（.sjj）"
LangString SEC_FILES ${LANG_ENGLISH} "Open exchange (.sjb) and join (.sjj) files with Songjiao"
LangString TYPE_BUNDLE ${LANG_SIMPCHINESE} "送教上门交换文件"
LangString TYPE_BUNDLE ${LANG_ENGLISH} "Songjiao exchange file"
LangString TYPE_JOIN ${LANG_SIMPCHINESE} "送教上门加入文件"
LangString TYPE_JOIN ${LANG_ENGLISH} "Songjiao join file"
LangString ASK_DELETE_DATA ${LANG_SIMPCHINESE} "是否同时删除本用户的送教上门数据（数据库、备份和日志）？$\r$\n$\r$\n$LOCALAPPDATA\Songjiao$\r$\n$\r$\n选“否”则保留数据，重新安装后可继续使用。"
LangString ASK_DELETE_DATA ${LANG_ENGLISH} "Also delete this user's Songjiao data (database, backups and logs)?$\r$\n$\r$\n$LOCALAPPDATA\Songjiao$\r$\n$\r$\nChoose No to keep it for a later installation."
LangString RUNNING ${LANG_SIMPCHINESE} "送教上门正在运行。请先关闭它，然后点击“重试”。"
LangString RUNNING ${LANG_ENGLISH} "Songjiao is running. Please close it, then choose Retry."

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_DISPLAY}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_DISPLAY} setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "MIT License"

Function un.onInit
  !insertmacro MULTIUSER_UNINIT
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "!$(SEC_PROGRAM)" SecProgram
  SectionIn RO
  ; Upgrade in place: the old program files go (a module removed in the new version must not linger);
  ; the data is elsewhere (%LOCALAPPDATA%\Songjiao) and is not touched.
  retry:
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  ${If} ${Errors}
  ${AndIf} ${FileExists} "$INSTDIR\${APP_EXE}"
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY retry
    Abort
  ${EndIf}
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr SHCTX "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${REG_APP}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayName" "${APP_DISPLAY}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "Publisher" "Songjiao"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD SHCTX "${REG_UNINSTALL}" "EstimatedSize" $0
SectionEnd

Section "$(SEC_STARTMENU)" SecStartMenu
  ; SHCTX and $SMPROGRAMS follow the install mode: this user's Start menu, or every user's.
  CreateShortcut "$SMPROGRAMS\${APP_DISPLAY}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section /o "$(SEC_DESKTOP)" SecDesktop
  CreateShortcut "$DESKTOP\${APP_DISPLAY}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

Section "$(SEC_FILES)" SecFiles
  WriteRegStr SHCTX "Software\Classes\.sjb" "" "Songjiao.Bundle"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Bundle" "" "$(TYPE_BUNDLE)"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Bundle\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Bundle\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\.sjj" "" "Songjiao.Join"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Join" "" "$(TYPE_JOIN)"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Join\DefaultIcon" "" "$INSTDIR\${APP_EXE},0"
  WriteRegStr SHCTX "Software\Classes\Songjiao.Join\shell\open\command" "" '"$INSTDIR\${APP_EXE}" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'  ; SHCNE_ASSOCCHANGED
SectionEnd

Function .onInit
  !insertmacro MULTIUSER_INIT
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1  ; any spelling (MultiUser.nsh itself looks for /AllUsers)
  ${IfNot} ${Errors}
    ${If} $MultiUser.Privileges == "Admin"
    ${OrIf} $MultiUser.Privileges == "Power"
      Call MultiUser.InstallMode.AllUsers
    ${Else}
      MessageBox MB_OK|MB_ICONSTOP "${MULTIUSER_INIT_TEXT_ALLUSERSNOTPOSSIBLE}" /SD IDOK
      SetErrorLevel 5  ; ERROR_ACCESS_DENIED, for deployment tools
      Quit
    ${EndIf}
  ${EndIf}
  ; The desktop shortcut is a choice in the wizard (off by default); /DESKTOP turns it on, e.g. silently.
  ClearErrors
  ${GetOptions} $R0 "/DESKTOP" $R1
  ${IfNot} ${Errors}
    SectionSetFlags ${SecDesktop} ${SF_SELECTED}
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(SEC_PROGRAM)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} "$(SEC_STARTMENU)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESKTOP)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecFiles} "$(SEC_FILES)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_DISPLAY}.lnk"
  Delete "$DESKTOP\${APP_DISPLAY}.lnk"
  ReadRegStr $0 SHCTX "Software\Classes\.sjb" ""
  ${If} $0 == "Songjiao.Bundle"
    DeleteRegKey SHCTX "Software\Classes\.sjb"
  ${EndIf}
  ReadRegStr $0 SHCTX "Software\Classes\.sjj" ""
  ${If} $0 == "Songjiao.Join"
    DeleteRegKey SHCTX "Software\Classes\.sjj"
  ${EndIf}
  DeleteRegKey SHCTX "Software\Classes\Songjiao.Bundle"
  DeleteRegKey SHCTX "Software\Classes\Songjiao.Join"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\songjiao-cli.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${REG_UNINSTALL}"
  DeleteRegKey SHCTX "${REG_APP}"
  ; The data stays unless asked: /DELETEDATA silently, or Yes to the question (default No). It is the data
  ; of the user running the uninstaller (%LOCALAPPDATA% of that user, also in all-users mode).
  SetShellVarContext current
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    RMDir /r "$LOCALAPPDATA\Songjiao"
  ${Else}
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "$(ASK_DELETE_DATA)" /SD IDNO IDNO keep
    RMDir /r "$LOCALAPPDATA\Songjiao"
    keep:
  ${EndIf}
SectionEnd
