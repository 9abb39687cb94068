; Inno Setup script for the Windows installer (build the PyInstaller folder first).
; Installs per user (no admin rights on school laptops); data stays in %LOCALAPPDATA%\Songjiao.
[Setup]
AppName=送教上门 Songjiao
AppVersion=0.1.0
DefaultDirName={localappdata}\Programs\Songjiao
PrivilegesRequired=lowest
OutputBaseFilename=Songjiao-Setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\dist\Songjiao\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{userprograms}\送教上门"; Filename: "{app}\Songjiao.exe"
Name: "{userdesktop}\送教上门"; Filename: "{app}\Songjiao.exe"
