#!/bin/sh
# Installs the system packages Fangtan needs and a bare Linux machine may lack.
#
#   setup/system-packages.sh [--check] venv [PYTHON]
#       Before .venv exists: makes `PYTHON -m venv` work (it needs ensurepip, which
#       Debian and Ubuntu ship apart, in python3.X-venv). PYTHON defaults to python3.
#   setup/system-packages.sh [--check] [--ldd FILE] qt [PYTHON]
#       After pip install: the libraries that Qt's platform plugins (xcb, offscreen) and
#       Qt's own libraries link against, found with ldd, and a font for Chinese.
#       PYTHON is the venv's interpreter; it defaults to .venv/bin/python.
#   setup/system-packages.sh [--check] [--postgresql-lib DIR] postgresql
#       Before the tests: PostgreSQL's server programs (initdb and pg_ctl, on PATH or in
#       /usr/lib/postgresql/*/bin, where Debian puts them), which the tests that need a
#       database server start a throwaway cluster with. As root the cluster runs as the
#       postgres user, which the package creates.
#   setup/system-packages.sh [--check] test-tools
#       Before the tests: poppler-utils, whose pdftoppm the tests render the pages of
#       written reports (PDF) with.
#
# On Debian and Ubuntu (apt-get) it installs what is missing with `apt-get install`,
# through sudo when not root, after one line saying what and why. Elsewhere it prints the
# command to run and exits 1. It prints nothing when nothing is missing.
#
#   --check     install nothing: print the packages it would install and exit 1, or
#               print "nothing missing"
#   --ldd FILE  read ldd's output from FILE instead of running ldd on Qt's libraries
#   --postgresql-lib DIR
#               look for PostgreSQL's server in DIR/*/bin instead of /usr/lib/postgresql/*/bin
set -eu

program=setup/system-packages.sh
check=""
ldd_output=""
postgresql_lib=/usr/lib/postgresql
mode=""
python=""
apt_updated=""

fail() {
  echo "$program: $*" >&2
  exit 1
}

while [ "$#" -gt 0 ]; do
  case $1 in
    --check) check=1 ;;
    --ldd)
      [ "$#" -ge 2 ] || fail "--ldd needs a file"
      ldd_output=$2
      shift
      ;;
    --postgresql-lib)
      [ "$#" -ge 2 ] || fail "--postgresql-lib needs a folder"
      postgresql_lib=$2
      shift
      ;;
    venv | qt | postgresql | test-tools) [ -z "$mode" ] || fail "one mode at a time"; mode=$1 ;;
    -*) fail "unknown option $1" ;;
    *) [ -z "$python" ] || fail "unexpected argument $1"; python=$1 ;;
  esac
  shift
done
[ -n "$mode" ] || fail "usage: $program [--check] [--ldd FILE] [--postgresql-lib DIR] venv|qt|postgresql|test-tools [PYTHON]"
[ "$mode" != postgresql ] || [ -z "$python" ] || fail "postgresql takes no PYTHON"
[ "$mode" != test-tools ] || [ -z "$python" ] || fail "test-tools takes no PYTHON"

have() {
  command -v "$1" >/dev/null 2>&1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo "$@"
  fi
}

# The command prefix that gives root, as the user would type it.
root_prefix() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "sudo "
  fi
}

# Runs a command with its output kept aside, and shows that output only if it fails.
quietly() {
  log=$(mktemp)
  if "$@" >"$log" 2>&1; then
    rm -f "$log"
  else
    cat "$log" >&2
    rm -f "$log"
    fail "this failed: $*"
  fi
}

apt_update_once() {
  if [ -z "$apt_updated" ]; then
    quietly as_root apt-get -o DPkg::Lock::Timeout=120 update
    apt_updated=1
  fi
}

# apt_install REASON PACKAGE...: says what it installs and why, then installs it.
apt_install() {
  reason=$1
  shift
  if [ "$(id -u)" -ne 0 ] && ! have sudo; then
    fail "$reason. Run as root: apt-get update && apt-get install -y $*"
  fi
  echo "Installing $* with $(root_prefix)apt-get: $reason."
  apt_update_once
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 \
    install -y --no-install-recommends "$@"
}

# --- venv: python -m venv needs ensurepip -------------------------------------------

venv_works() {
  "$python" -c 'import ensurepip, venv' >/dev/null 2>&1
}

venv_mode() {
  python=${python:-python3}
  have "$python" || fail "$python not found: Fangtan needs Python 3.11 or newer"
  venv_works && return 0
  versioned=$("$python" -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')
  system_python=$("$python" -c 'import sys; print(sys.base_prefix == "/usr")')
  reason="$python -m venv needs ensurepip, which is missing"
  if ! have apt-get || [ "$system_python" != True ]; then
    fail "$reason: install the venv module of $python (on Debian and Ubuntu: $(root_prefix)apt-get install $versioned)"
  fi
  if [ -n "$check" ]; then
    echo "would install: $versioned"
    exit 1
  fi
  package=$versioned
  if have apt-cache && ! apt-cache show "$package" >/dev/null 2>&1; then
    apt_update_once
    apt-cache show "$package" >/dev/null 2>&1 || package=python3-venv
  fi
  apt_install "$reason" "$package"
  venv_works || fail "$reason, even after installing $package"
}

# --- qt: the libraries Qt loads, and a Chinese font ---------------------------------

# The Debian package holding a library, by the name ldd reports; empty when unknown.
debian_package() {
  case $1 in
    libxcb.so.1) echo libxcb1 ;;
    # Every other library of the xcb family follows Debian's naming rule:
    # libxcb-NAME.so.N is in libxcb-NAMEN, or libxcb-NAME-N when NAME ends in a digit.
    libxcb-*.so.*)
      name=${1#libxcb-}
      version=${name##*.so.}
      name=${name%%.so.*}
      case $name in
        *[0-9]) echo "libxcb-$name-$version" ;;
        *) echo "libxcb-$name$version" ;;
      esac
      ;;
    libxkbcommon.so.0) echo libxkbcommon0 ;;
    libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
    libX11.so.6) echo libx11-6 ;;
    libX11-xcb.so.1) echo libx11-xcb1 ;;
    libXau.so.6) echo libxau6 ;;
    libXdmcp.so.6) echo libxdmcp6 ;;
    libXext.so.6) echo libxext6 ;;
    libXrender.so.1) echo libxrender1 ;;
    libICE.so.6) echo libice6 ;;
    libSM.so.6) echo libsm6 ;;
    libEGL.so.1) echo libegl1 ;;
    libGL.so.1) echo libgl1 ;;
    libGLX.so.0) echo libglx0 ;;
    libOpenGL.so.0) echo libopengl0 ;;
    libGLdispatch.so.0) echo libglvnd0 ;;
    libfontconfig.so.1) echo libfontconfig1 ;;
    libfreetype.so.6) echo libfreetype6 ;;
    libpng16.so.16) echo libpng16-16 ;;
    libz.so.1) echo zlib1g ;;
    libzstd.so.1) echo libzstd1 ;;
    libdbus-1.so.3) echo libdbus-1-3 ;;
    libglib-2.0.so.0 | libgthread-2.0.so.0 | libgobject-2.0.so.0 | libgio-2.0.so.0)
      echo libglib2.0-0
      ;;
    libgssapi_krb5.so.2) echo libgssapi-krb5-2 ;;
    libstdc++.so.6) echo libstdc++6 ;;
    libgcc_s.so.1) echo libgcc-s1 ;;
    libwayland-client.so.0) echo libwayland-client0 ;;
    libwayland-cursor.so.0) echo libwayland-cursor0 ;;
    libwayland-egl.so.1) echo libwayland-egl1 ;;
    *)
      if have apt-file; then
        apt-file search --package-only --regexp "/$1\$" 2>/dev/null | head -n 1
      fi
      ;;
  esac
}

qt_folder() {
  "$python" -c 'import importlib.util, pathlib
spec = importlib.util.find_spec("PySide6")
print(pathlib.Path(spec.origin).parent / "Qt" if spec else "")' 2>/dev/null || true
}

# The libraries ldd cannot find, one per line, for the files Qt loads to open a window
# (xcb, or wayland in a Wayland session) or to run offscreen.
missing_libraries() {
  if [ -n "$ldd_output" ]; then
    cat -- "$ldd_output"
  else
    for file in "$qt/plugins/platforms/libqxcb.so" \
      "$qt/plugins/platforms/libqoffscreen.so" \
      "$qt/plugins/xcbglintegrations/"*.so \
      "$qt/lib/libQt6Gui.so"* "$qt/lib/libQt6Widgets.so"* "$qt/lib/libQt6XcbQpa.so"*; do
      if [ -f "$file" ]; then
        ldd "$file" 2>/dev/null || true
      fi
    done
    if [ -n "${WAYLAND_DISPLAY:-}" ] && [ -f "$qt/plugins/platforms/libqwayland.so" ]; then
      ldd "$qt/plugins/platforms/libqwayland.so" 2>/dev/null || true
    fi
  fi | awk '$2 == "=>" && $3 == "not" && $4 == "found" { print $1 }' | sort -u
}

has_chinese_font() {
  if have fc-list; then
    [ -n "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]
  elif have dpkg-query; then
    dpkg-query -W -f '${Status}\n' fonts-wqy-microhei fonts-wqy-zenhei fonts-noto-cjk \
      fonts-arphic-uming fonts-arphic-ukai 2>/dev/null | grep -q "install ok installed"
  else
    true  # no way to tell: Qt falls back to whatever fontconfig has
  fi
}

# Why packages are needed, in one phrase, from $libraries and $font.
reason() {
  list=$(printf '%s\n' "$libraries" | paste -s -d ' ' -)
  if [ -n "$list" ] && [ -n "$font" ]; then
    echo "Qt needs $list, and Chinese text needs a font (fc-list :lang=zh finds none)"
  elif [ -n "$list" ]; then
    echo "Qt needs $list"
  else
    echo "Chinese text needs a font (fc-list :lang=zh finds none)"
  fi
}

# Without apt-get: prints the command that installs what is missing, and exits 1.
print_other_command() {
  if have dnf; then
    suffix=""
    [ "$(getconf LONG_BIT 2>/dev/null)" != 64 ] || suffix="()(64bit)"
    line=""
    for library in $libraries; do
      line="$line '$library$suffix'"
    done
    [ -z "$font" ] || line="$line 'font(:lang=zh-cn)'"
    fail "$(reason); run: $(root_prefix)dnf install$line"
  fi
  fail "$(reason); install the packages of your system that provide them"
}

qt_mode() {
  [ "$(uname -s)" = Linux ] || return 0  # Qt's wheels for macOS and Windows bring everything
  python=${python:-.venv/bin/python}
  if [ -z "$ldd_output" ]; then
    qt=$(qt_folder)
    if [ -z "$qt" ] || [ ! -d "$qt" ]; then fail "no PySide6 in $python: run make first"; fi
    have ldd || fail "ldd not found: cannot tell which libraries Qt lacks"
  fi
  installed=""
  while :; do
    libraries=$(missing_libraries)
    font=""
    has_chinese_font || font=1
    if [ -z "$libraries" ] && [ -z "$font" ]; then
      [ -z "$check" ] || echo "nothing missing"
      return 0
    fi
    have apt-get || print_other_command

    packages=""
    unknown=""
    for library in $libraries; do
      package=$(debian_package "$library")
      if [ -n "$package" ]; then
        case " $packages " in *" $package "*) ;; *) packages="$packages $package" ;; esac
      else
        unknown="$unknown $library"
      fi
    done
    [ -z "$font" ] || packages="$packages fonts-wqy-microhei"
    packages=${packages# }
    unknown=${unknown# }

    if [ -n "$check" ]; then
      [ -z "$packages" ] || echo "would install: $packages"
      [ -z "$unknown" ] || echo "no Debian package known for: $unknown"
      exit 1
    fi
    [ -n "$packages" ] || fail "Qt needs $unknown, and no Debian package is known for it: install apt-file, or the package that provides it"

    new=""
    for package in $packages; do
      case " $installed " in *" $package "*) ;; *) new="$new $package" ;; esac
    done
    [ -n "$new" ] || fail "$(reason), even after installing $installed"

    # shellcheck disable=SC2086  # one word per package
    apt_install "$(reason)" $new
    installed="${installed:+$installed }${new# }"
  done
}

# --- postgresql: the server programs the tests start a cluster with ---------------

postgresql_found() {
  have initdb && have pg_ctl && return 0
  for folder in "$postgresql_lib"/*/bin; do
    [ -x "$folder/initdb" ] && [ -x "$folder/pg_ctl" ] && return 0
  done
  return 1
}

postgresql_mode() {
  if postgresql_found; then
    [ -z "$check" ] || echo "nothing missing"
    return 0
  fi
  reason="the tests need PostgreSQL's server (initdb and pg_ctl), which is missing"
  if ! have apt-get; then
    have dnf && fail "$reason; run: $(root_prefix)dnf install postgresql-server"
    have brew && fail "$reason; run: brew install postgresql"
    fail "$reason; install the PostgreSQL server package of your system"
  fi
  if [ -n "$check" ]; then
    echo "would install: postgresql"
    exit 1
  fi
  apt_install "$reason" postgresql
  postgresql_found || fail "$reason, even after installing postgresql"
  id -u postgres >/dev/null 2>&1 ||
    fail "the postgresql package created no postgres user, which runs the tests' cluster as root"
}

# --- test-tools: the programs the tests check written files with -------------------

test_tools_mode() {
  if have pdftoppm; then
    [ -z "$check" ] || echo "nothing missing"
    return 0
  fi
  reason="the tests render report pages with pdftoppm, which is missing"
  if ! have apt-get; then
    have dnf && fail "$reason; run: $(root_prefix)dnf install poppler-utils"
    have brew && fail "$reason; run: brew install poppler"
    fail "$reason; install the poppler utilities package of your system"
  fi
  if [ -n "$check" ]; then
    echo "would install: poppler-utils"
    exit 1
  fi
  apt_install "$reason" poppler-utils
  have pdftoppm || fail "$reason, even after installing poppler-utils"
}

case $mode in
  venv) venv_mode ;;
  qt) qt_mode ;;
  postgresql) postgresql_mode ;;
  test-tools) test_tools_mode ;;
esac
