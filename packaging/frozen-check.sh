#!/usr/bin/env bash
# Build the frozen app exactly as a release does and smoke-test it (run by .ci/run after the tests):
#   a venv from packaging/requirements-build.txt (hashes required), the project without its dependencies,
#   python packaging/build.py, packaging/smoke.py against dist/Songjiao, the NSIS script compiled around it.
set -euo pipefail
cd "$(dirname "$0")/.."
venv="$PWD/build/frozen-venv"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --require-hashes --no-deps -r packaging/requirements-build.txt
"$venv/bin/python" -m pip install -q --no-deps --no-build-isolation --force-reinstall .
"$venv/bin/python" packaging/build.py
cli=$("$venv/bin/python" packaging/build.py --print-cli)
gui=$("$venv/bin/python" packaging/build.py --print-gui)
# The same smoke command as .github/workflows/release.yml's, from a folder outside the checkout.
(cd "$(mktemp -d)" && "$venv/bin/python" "$OLDPWD/packaging/smoke.py" "$cli" --gui "$gui")
# The tests about the build just made (its table of modules holds every module under app/cli, the size
# budget, one OpenSSL): in the suite they skip, having no build to look at.
if [ -x .venv/bin/python ]; then
  .venv/bin/python -m pytest -q -p no:cacheprovider tests/packaging/test_frozen_build.py
fi
if command -v xvfb-run >/dev/null 2>&1; then  # the real X11 window too (the libraries setup-test-env.sh installs)
  tmp=$(mktemp -d)
  SONGJIAO_DATA_DIR="$tmp" QT_QPA_PLATFORM=xcb xvfb-run -a "$gui" --db "$tmp/x.sqlite3" --check
  rm -rf "$tmp"
fi
if command -v makensis >/dev/null 2>&1; then
  SONGJIAO_NSIS_ON_LINUX=1 "$venv/bin/python" packaging/build.py --installer-only
  rm -f dist/Songjiao-*-setup.exe
fi
