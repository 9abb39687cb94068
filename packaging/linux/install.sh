#!/bin/sh
# Install the unpacked Songjiao tarball for this user (default) or, as root, for every user:
#   ./install.sh            -> ~/.local/opt/Songjiao, menu entry and file types in ~/.local/share
#   sudo ./install.sh       -> /opt/Songjiao, /usr/local/share; `Songjiao` and `songjiao-cli` in /usr/local/bin
#   ./install.sh --user     -> for the user even when run as root
#   ./install.sh --uninstall [--user]   -> removes what the same install put there
# Upgrade: run the new version's install.sh the same way (the program folder is replaced in place).
# Data is never touched: it lives in ~/.local/share/Songjiao of each user, uninstalled or not.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
uninstall=no
user=no
for arg in "$@"; do
  case "$arg" in
    --uninstall) uninstall=yes ;;
    --user) user=yes ;;
    *) echo "install.sh: unknown option $arg (--user, --uninstall)" >&2; exit 2 ;;
  esac
done
if [ "$(id -u)" = "0" ] && [ "$user" = "no" ]; then
  opt=/opt; share=/usr/local/share; bin=/usr/local/bin
else
  opt="$HOME/.local/opt"; share="${XDG_DATA_HOME:-$HOME/.local/share}"; bin="$HOME/.local/bin"
fi
if [ "$uninstall" = "yes" ]; then
  rm -rf "$opt/Songjiao"
  rm -f "$bin/Songjiao" "$bin/songjiao-cli" "$share/applications/org.songjiao.Songjiao.desktop" \
    "$share/metainfo/org.songjiao.Songjiao.metainfo.xml" "$share/mime/packages/songjiao.xml" \
    "$share/icons/hicolor/scalable/apps/org.songjiao.Songjiao.svg" \
    "$share/icons/hicolor/256x256/apps/org.songjiao.Songjiao.png"
  command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
  echo "Songjiao removed from $opt (the data in each user's ~/.local/share/Songjiao is kept)"
  exit 0
fi
mkdir -p "$opt" "$bin" "$share/applications" "$share/metainfo" "$share/mime/packages" \
  "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps"
rm -rf "$opt/Songjiao.new" && cp -a "$here/Songjiao" "$opt/Songjiao.new"
rm -rf "$opt/Songjiao" && mv "$opt/Songjiao.new" "$opt/Songjiao"  # upgrade in place: the program only
ln -sf "$opt/Songjiao/Songjiao" "$bin/Songjiao"
ln -sf "$opt/Songjiao/songjiao-cli" "$bin/songjiao-cli"
sed "s|^Exec=Songjiao|Exec=$opt/Songjiao/Songjiao|; s|^TryExec=Songjiao|TryExec=$opt/Songjiao/Songjiao|" \
  "$here/share/applications/org.songjiao.Songjiao.desktop" > "$share/applications/org.songjiao.Songjiao.desktop"
cp "$here/share/metainfo/org.songjiao.Songjiao.metainfo.xml" "$share/metainfo/"
cp "$here/share/mime/packages/songjiao.xml" "$share/mime/packages/"
cp "$here/share/icons/hicolor/scalable/apps/org.songjiao.Songjiao.svg" "$share/icons/hicolor/scalable/apps/"
cp "$here/share/icons/hicolor/256x256/apps/org.songjiao.Songjiao.png" "$share/icons/hicolor/256x256/apps/"
command -v update-mime-database >/dev/null && update-mime-database "$share/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$share/applications" || true
echo "Songjiao installed in $opt/Songjiao"
