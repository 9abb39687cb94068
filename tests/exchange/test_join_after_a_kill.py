"""A join killed half-way (the laptop switched off, the terminal closed) leaves a new database whose key file has
no slot yet: nobody can open it and it holds no school. Typing the command again joins: the command line opened
an existing file with the teacher's password first, which such a file refuses, so every later try was refused
until someone deleted the files by hand."""

from __future__ import annotations

from app.paths import resolve
from app.services import exchange, keyring
from app.services.setup import open_store
from tests.conftest import DEFAULT_PASSWORD, run_as


def test_the_command_joins_over_a_database_a_killed_join_left(net, tmp_path, capsys):
    office, _join = net
    made = exchange.make_join_file(office.ctx, "t1", tmp_path / "t1.sjj")
    db = tmp_path / "laptop" / "songjiao.sqlite3"
    open_store(
        resolve(db)
    ).dispose()  # what a join killed before its commit leaves: a key file without a slot
    assert db.exists() and keyring.load(db).slots == []
    argv = ["--db", str(db), "exchange", "join", str(made.path), "--passphrase", made.passphrase]
    capsys.readouterr()
    assert run_as(argv, user="t1", password=DEFAULT_PASSWORD) == 0, capsys.readouterr().err
    assert "joined:" in capsys.readouterr().out
    assert run_as(["--db", str(db), "students", "list"], user="t1", password=DEFAULT_PASSWORD) == 0


def test_demo_runs_again_over_a_school_a_killed_demo_left(tmp_path, capsys):
    """The same for `songjiao demo` (and init, load): killed before its accounts' slots were written, the file
    was refused for want of a log-in that nothing can give."""
    db = tmp_path / "demo" / "songjiao.sqlite3"
    open_store(resolve(db)).dispose()
    assert run_as(["--db", str(db), "demo", "--students", "2", "--terms", "1"]) == 0, capsys.readouterr().err
    assert run_as(["--db", str(db), "students", "list"], user="admin", password="admin123") == 0
