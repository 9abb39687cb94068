"""`songjiao demo`: writes a school into an empty file, prints the logins, refuses a file that has one."""

from __future__ import annotations

import json

import pytest

from app.paths import resolve
from tests.conftest import run_as, unchanged


def test_demo_writes_prints_logins_and_refuses_a_second_school(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    code = run_as(
        ["--db", db, "demo", "--students", "5", "--terms", "1", "--seed", "3", "--today", "2026-11-20"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "2026秋季学期" in out
    for login in ("admin    admin123", "office   office123", "leader   leader123", "t01      teacher123"):
        assert login in out
    code = run_as(["--db", db, "compliance", "--today", "2026-11-20", "--json"], password="admin123")
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and len(doc["students"]) == 5
    assert sum(s["totals"]["visits_done"] for s in doc["students"]) > 30
    with unchanged(db, resolve(db).backup_dir):
        code = run_as(["--db", db, "demo", "--students", "5"], password="admin123")
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and "already holds a school" in err


def test_demo_rejects_a_bad_date_and_creates_nothing(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    with unchanged(db, resolve(db).data_dir):  # no database, no data folder made for a refusal
        code = run_as(["--db", db, "demo", "--today", "2026-13-01"])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("songjiao: error: ")


@pytest.mark.parametrize("argv", [["--students", "0"], ["--terms", "99"]])
def test_demo_rejects_bad_numbers_and_creates_nothing(tmp_path, capsys, argv):
    db = str(tmp_path / "demo.sqlite3")
    with unchanged(db, resolve(db).data_dir):
        code = run_as(["--db", db, "demo", *argv])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("songjiao: error: ")
