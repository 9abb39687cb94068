#!/usr/bin/env bash
# Prepare a machine for the tests: the system libraries Qt needs (offscreen and on an X11 desktop), poppler
# for page pictures, a venv. `--system-only`: the system libraries alone (the release workflow's Linux runner).
set -euo pipefail
cd "$(dirname "$0")/.."
# Qt offscreen (the tests) and the tools the tests use:
QT_LIBS="libegl1 libgl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 poppler-utils"
# The window on an X11 desktop (Qt's xcb platform plugin). Found by running `songjiao gui --check` under Xvfb
# on a bare Debian 12 and reading `ldd` of libqxcb.so and libQt6XcbQpa.so: without libxcb-cursor0,
# libxcb-icccm4 and libxcb-keysyms1 the window does not start at all ("no Qt platform plugin").
QT_LIBS="$QT_LIBS libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1"
QT_LIBS="$QT_LIBS libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1"
QT_LIBS="$QT_LIBS libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0"
# Building the Windows installer script on Linux (CI proves it compiles), an X server for the window check,
# the freedesktop validators for packaging/linux (tests/packaging/test_linux_files.py).
QT_LIBS="$QT_LIBS nsis xvfb xauth desktop-file-utils appstream"
# packaging/build.py thins the bundled ICU data with ICU's own tools (icupkg, genccode) and gcc/binutils.
QT_LIBS="$QT_LIBS icu-devtools gcc binutils"
# A throwaway PostgreSQL server the tests start themselves (issue 13: every backend tested).
QT_LIBS="$QT_LIBS postgresql"
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = "0" ]; then
  need=""
  for pkg in $QT_LIBS; do
    # Debian 13 renamed some libraries (…t64); either name will do.
    dpkg -s "$pkg" >/dev/null 2>&1 || dpkg -s "${pkg}t64" >/dev/null 2>&1 || need="$need $pkg"
  done
  if [ -n "$need" ]; then
    apt-get update -qq
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null; then
      for pkg in $need; do
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null \
          || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkg}t64" >/dev/null \
          || echo "setup-test-env: could not install $pkg" >&2
      done
    fi
  fi
fi
[ "${1:-}" = "--system-only" ] && exit 0
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
