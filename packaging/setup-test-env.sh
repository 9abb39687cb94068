#!/usr/bin/env bash
# Prepare a machine for the tests: the system libraries Qt needs offscreen, poppler for page pictures, a venv.
set -euo pipefail
cd "$(dirname "$0")/.."
QT_LIBS="libegl1 libgl1 libglib2.0-0 libxkbcommon0 libfontconfig1 libdbus-1-3 poppler-utils"
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
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
