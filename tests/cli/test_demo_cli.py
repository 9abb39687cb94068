"""`songjiao demo`: writes a school into an empty file, prints the logins, refuses a file that has one."""

from __future__ import annotations

import json

from app.cli.main import run


def test_demo_writes_prints_logins_and_refuses_a_second_school(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    code = run(
        ["--db", db, "demo", "--students", "5", "--terms", "1", "--seed", "3", "--today", "2026-11-20"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert "2026秋季学期" in out
    for login in ("admin    admin123", "office   office123", "leader   leader123", "t01      teacher123"):
        assert login in out
    code = run(["--db", db, "compliance", "--today", "2026-11-20", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert code == 0 and len(doc["students"]) == 5
    assert sum(s["totals"]["visits_done"] for s in doc["students"]) > 30
    code = run(["--db", db, "demo", "--students", "5"])
    _, err = capsys.readouterr()
    assert code == 2 and len(err.splitlines()) == 1 and "already holds a school" in err


def test_demo_rejects_bad_numbers_and_dates(tmp_path, capsys):
    db = str(tmp_path / "demo.sqlite3")
    for argv in (["--students", "0"], ["--terms", "99"], ["--today", "2026-13-01"]):
        code = run(["--db", db, "demo", *argv])
        _, err = capsys.readouterr()
        assert code == 2 and len(err.splitlines()) == 1 and err.startswith("songjiao: error: ")
