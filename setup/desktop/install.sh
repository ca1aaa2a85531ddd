#!/bin/sh
# Puts Fangtan in the desktop's menus for the current user, with its icon, and makes it
# the program that opens project files (*.fangtan):
#
#   setup/desktop/install.sh EXECUTABLE [DATA_DIR]
#
# EXECUTABLE is the `fangtan` to start (dist/fangtan/fangtan or .venv/bin/fangtan); its
# absolute path goes into the menu entry. DATA_DIR defaults to $XDG_DATA_HOME, or
# ~/.local/share. The desktop's caches are refreshed when their tools are installed.
set -eu

program=setup/desktop/install.sh
here=$(cd "$(dirname "$0")" && pwd)
icons=$here/../../resources/icons

if [ "$#" -lt 1 ] || [ "$#" -gt 2 ]; then
  echo "usage: $program EXECUTABLE [DATA_DIR]" >&2
  exit 2
fi
executable=$1
case $executable in
  /*) ;;
  *) executable=$(pwd)/$executable ;;
esac
[ -x "$executable" ] || { echo "$program: $executable is not an executable" >&2; exit 1; }
data=${2:-${XDG_DATA_HOME:-$HOME/.local/share}}

mkdir -p "$data/applications" "$data/mime/packages" \
  "$data/icons/hicolor/scalable/apps" "$data/icons/hicolor/256x256/apps"

# In Exec the program is quoted (its path may hold spaces): inside the quotes \ " ` $ take
# a backslash, which as a string value is written twice; % is written %%.
FANGTAN_EXEC=$(printf '%s' "$executable" | sed -e 's/%/%%/g' -e 's/[\\"`$]/\\\\&/g') \
FANGTAN_TRY=$(printf '%s' "$executable" | sed -e 's/\\/\\\\/g') \
  awk '/^Exec=/ { print "Exec=\"" ENVIRON["FANGTAN_EXEC"] "\" gui %f"; next }
       /^TryExec=/ { print "TryExec=" ENVIRON["FANGTAN_TRY"]; next }
       { print }' "$here/fangtan.desktop" >"$data/applications/fangtan.desktop"
cp "$here/fangtan-mime.xml" "$data/mime/packages/fangtan.xml"
cp "$icons/fangtan.svg" "$data/icons/hicolor/scalable/apps/fangtan.svg"
cp "$icons/fangtan-256.png" "$data/icons/hicolor/256x256/apps/fangtan.png"

if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database "$data/mime"
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$data/applications"
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data/icons/hicolor/index.theme" ]; then
  gtk-update-icon-cache --quiet "$data/icons/hicolor"
fi
echo "Installed the menu entry $data/applications/fangtan.desktop (starts $executable)."
