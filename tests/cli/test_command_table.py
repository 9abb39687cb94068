"""The light command table in app/cli/main.py is what the modules really register, and --help stays light."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys

import pytest

from app.cli import main
from tests.conftest import PASSWORDS, sqlite_only


def _registered(module_name: str) -> dict[str, str]:
    sub = argparse.ArgumentParser().add_subparsers()
    importlib.import_module(module_name).register(sub)
    return {action.dest: action.help or "" for action in sub._choices_actions}


def test_table_lists_every_command_each_module_registers_with_its_help():
    for module_name in main.COMMAND_MODULES:
        table = {name: help_line for name, (mod, help_line) in main.COMMANDS.items() if mod == module_name}
        assert _registered(module_name) == table, module_name


def test_every_module_under_app_cli_with_commands_is_in_the_table():
    from pathlib import Path

    folder = Path(main.__file__).parent
    with_register = {
        f"app.cli.{path.stem}"
        for path in folder.glob("*.py")
        if "\ndef register(" in path.read_text(encoding="utf-8")
    }
    assert with_register == set(main.COMMAND_MODULES)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--db", "x.sqlite3", "export", "packet"], "export"),
        (["--verbose", "--data-dir", "d", "dump"], "dump"),
        (["--db", "gui"], None),  # "gui" is --db's value here, not the command
        ([], None),
    ],
)
def test_command_in_skips_global_options_and_their_values(argv, expected):
    assert main.command_in(argv) == expected


def test_help_imports_no_command_module_nor_sqlalchemy():
    code = (
        "import sys\nfrom app.cli.main import run\n"
        "try:\n    run(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in sys.modules if m.startswith(('sqlalchemy', 'PySide6', 'reportlab', 'app.cli.', 'app.services'))"
        " and m != 'app.cli.main']\n"
        "print(heavy, file=sys.stderr)\nsys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "export" in done.stdout


def test_a_command_imports_its_own_module_only(tmp_path):
    code = (
        "import sys\nfrom app.cli.main import run\n"
        f"code = run(['--db', {str(tmp_path / 't.sqlite3')!r}, 'terms', 'list'])\n"
        "others = [m for m in ('app.cli.export', 'app.cli.exchange', 'app.cli.maintenance', 'reportlab') if m in sys.modules]\n"
        # A missing --db: the read command refuses it (exit 2) after parsing, without creating a database.
        "print(others, file=sys.stderr)\nsys.exit((code != 2) or (1 if others or 'app.cli.records' not in sys.modules else 0))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--db", "x.sqlite3", "--check"], ["--db", "x.sqlite3", "gui", "--check"]),
        (["--data-dir=d", "--verbose", "a.sjb"], ["--data-dir=d", "--verbose", "gui", "a.sjb"]),
        (["gui", "a.sjj"], ["gui", "a.sjj"]),
        ([], ["gui"]),
    ],
)
def test_the_gui_launcher_always_runs_gui_keeping_global_options_in_front(monkeypatch, argv, expected):
    import app.__main__ as entry

    seen: list[list[str]] = []
    monkeypatch.setattr(entry, "main", lambda given: seen.append(given) or 0)
    monkeypatch.setattr(sys, "argv", ["songjiao-gui", *argv])
    assert entry.gui_main() == 0
    assert seen == [expected]


@sqlite_only
def test_compliance_json_on_a_laptop_loads_no_printing_server_or_worker_modules(school, tmp_path):
    """`compliance --json` on a SQLite file: no PDF library, no PostgreSQL dialect (its asyncpg, pg8000 and
    psycopg2 modules), no multiprocessing: each was tens of milliseconds of the command's start."""
    db = school.ctx.store.paths.db_option
    school.ctx.store.dispose()
    code = (
        "import json, sys\nfrom app.__main__ import main\n"
        f"code = main(['--db', {db!r}, '--user', 'admin', 'compliance', '--json'])\n"
        "heavy = [m for m in sys.modules if m.startswith(('reportlab', 'PIL', 'openpyxl', 'PySide6', "
        "'sqlalchemy.dialects.postgresql', 'psycopg', 'multiprocessing', 'app.reports'))]\n"
        "print(json.dumps(heavy), file=sys.stderr)\nsys.exit(code or (1 if heavy else 0))"
    )
    env = {**os.environ, "SONGJIAO_PASSWORD": PASSWORDS["admin"], "SONGJIAO_DATA_DIR": str(tmp_path / "d")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert '"students"' in done.stdout
