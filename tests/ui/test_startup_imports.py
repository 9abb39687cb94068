"""The usual start shows the login dialog before anything it does not need is loaded or started.

`songjiao gui --check` in a fresh process, after a login left its user list (the usual start): at the moment
the dialog is shown, no database layer, service, report or window module is imported, nothing a crash or a
frozen build alone needs (multiprocessing, secrets), and the background open has not started (its imports
would hold the GIL while the dialog is built). benchmarks/bench_startup.py measures the time; this keeps the
reasons for it from coming back one import at a time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.ui.dialogs.login import login_cache
from app.ui.prefs import save_prefs
from tests.conftest import sqlite_only

ROOT = Path(__file__).resolve().parents[2]
# Runs `python -m app` with the check's dialog hook wrapped: what is loaded when the dialog is on screen.
PROBE = """
import json, sys, threading
import app.ui.app as ui_app
shown = ui_app._CheckController.exec_dialog
def exec_dialog(self, dialog):
    dialog.show()
    seen = {"modules": sorted(sys.modules), "threads": [t.name for t in threading.enumerate()]}
    print("PROBE " + json.dumps(seen))
    return shown(self, dialog)
ui_app._CheckController.exec_dialog = exec_dialog
from app.__main__ import main
sys.exit(main())
"""
NOT_BEFORE_THE_DIALOG = (
    "sqlalchemy",
    "alembic",
    "reportlab",
    "openpyxl",
    "sqlcipher3",
    "argon2",
    "cryptography",
    "app.db",
    "app.reports",
    "app.ui.main_window",
    "app.ui.pages",
    "app.ui.session",
    "multiprocessing",  # only a frozen build's workers need freeze_support
    "secrets",  # only an unexpected error's reference number
    "platformdirs",  # --db given: the default data folder is never asked for
    "app.services.messages",  # the message catalogue: only when the dialog has an error to say
)
# The services the dialog module and the task runner use (the progress protocol); nothing else of app.services.
ALLOWED_SERVICES = {"app.services", "app.services.progress"}


@sqlite_only
def test_the_usual_start_shows_the_login_dialog_before_the_heavy_modules(school, paths, tmp_path):
    save_prefs(paths, login_cache=login_cache(school.ctx.store))
    school.ctx.store.dispose()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "SONGJIAO_DATA_DIR": str(tmp_path / "data"),  # never the machine's own
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(paths.db_path), "gui", "--check"],
        env=env,
        cwd=ROOT,  # `python -c` imports from the working folder first: this tree's app/
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "LoginDialog shown" in done.stdout  # the usual start: the cached list, no first-run wizard
    probe = json.loads(next(line for line in done.stdout.splitlines() if line.startswith("PROBE "))[6:])
    early = [
        m for m in probe["modules"] if m.startswith(NOT_BEFORE_THE_DIALOG) and m.split(".")[0] != "app"
    ] + [
        m
        for m in probe["modules"]
        if m.startswith(tuple(p for p in NOT_BEFORE_THE_DIALOG if p.startswith("app.")))
        or (m.startswith("app.services") and m not in ALLOWED_SERVICES)
    ]
    assert early == []
    assert "songjiao-open" not in probe["threads"]  # the open starts once the dialog is up
