"""Maintenance commands through app.cli.main.run: exit codes 0/1/2, one line on stderr, --db before the command."""

from __future__ import annotations

import json
import os
from contextlib import closing

import pytest
import sqlalchemy as sa

from app.db import schema
from app.paths import resolve
from app.services import backup, goal_bank, users
from app.services.context import ServiceContext
from app.services.school import list_terms
from tests.conftest import ON_SERVER, connect_db, open_test_store, run_as, unchanged
from tests.populate import add_records

INIT = [
    "init",
    "--school",
    "青山县特殊教育学校",
    "--term-name",
    "2026秋季学期",
    "--term-start",
    "2026-09-01",
    "--term-end",
    "2027-01-22",
    "--admin-user",
    "admin",
    "--admin-password",
    "admin-pass",
]


def untouched(db):
    """The database and the folders a command could write (backups, exports) stay as they were."""
    where = resolve(db)
    return unchanged(db, where.backup_dir, where.export_dir)


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("songjiao: error:") and "Traceback" not in err, err
    return err


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "cli.sqlite3")


def test_init_sets_up_the_school_with_holidays_and_refuses_a_second_time(db, capsys):
    assert run_as(["--db", db, *INIT]) == 0
    assert "administrator 'admin'" in capsys.readouterr().out
    store = open_test_store(resolve(db))
    try:
        ctx = ServiceContext(store)
        term = list_terms(ctx)[0]
        names = {d.name for d in term.days}
        assert "国庆节" in names and any(d.kind == "workday" for d in term.days)
        assert users.authenticate(ctx, "admin", "admin-pass").role == "admin"
        bank = goal_bank.list_goal_bank(ctx)  # the shipped goal bank, not an empty one
        assert "学习汉语拼音" in [g.text for g in bank] and all(g.objectives for g in bank)
    finally:
        store.dispose()
    with untouched(db):
        assert run_as(["--db", db, *INIT]) == 2
    _one_line_error(capsys)


def test_init_bad_input_is_refused_in_one_line(db, capsys):
    bad_date = [*INIT[:6], "2026-13-01", *INIT[7:]]
    with unchanged(db, resolve(db).data_dir):
        assert run_as(["--db", db, *bad_date]) == 2
    assert "--term-start" in _one_line_error(capsys)


def test_init_short_password_is_refused_and_creates_nothing(db, capsys):
    short = [*INIT[:-1], "123"]
    with unchanged(db, resolve(db).data_dir):
        assert run_as(["--db", db, *short]) == 2
    assert "password" in _one_line_error(capsys)


def test_users_add_list_passwd(db, capsys):
    assert run_as(["--db", db, *INIT]) == 0
    assert (
        run_as(
            [
                "--db",
                db,
                "users",
                "add",
                "t1",
                "--name",
                "张老师",
                "--role",
                "teacher",
                "--password",
                "password1",
            ]
        )
        == 0
    )
    with untouched(db):
        assert run_as(["--db", db, "users", "add", "t1", "--role", "teacher", "--password", "password1"]) == 2
    assert "taken" in _one_line_error(capsys)
    assert run_as(["--db", db, "users", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {(u["username"], u["role"]) for u in listed} == {("admin", "admin"), ("t1", "teacher")}
    assert run_as(["--db", db, "users", "passwd", "t1", "--password", "new-secret"]) == 0
    with untouched(db):
        assert run_as(["--db", db, "users", "passwd", "nobody", "--password", "new-secret"]) == 2
    _one_line_error(capsys)
    store = open_test_store(resolve(db))
    try:
        assert users.authenticate(ServiceContext(store), "t1", "new-secret").role == "teacher"
    finally:
        store.dispose()
    with untouched(db):
        assert run_as(["--db", db, "users"]) == 2
    _one_line_error(capsys)


def test_dump_and_load_through_the_cli(school, paths, tmp_path, capsys):
    add_records(school)
    db = paths.db_option
    out = tmp_path / "dump.json"
    assert run_as(["--db", db, "dump", "--plaintext", "--out", str(out)]) == 0
    assert "NOT encrypted" in capsys.readouterr().err
    assert run_as(["--db", db, "dump", "--plaintext"]) == 0  # standard output by default
    assert json.loads(capsys.readouterr().out)["tables"] == json.loads(out.read_text("utf-8"))["tables"]
    target = tmp_path / "copy" / "new.sqlite3"
    assert run_as(["--db", str(target), "load", str(out)]) == 0
    capsys.readouterr()
    assert run_as(["--db", str(target), "check"]) == 0
    capsys.readouterr()
    with untouched(str(target)):
        assert run_as(["--db", str(target), "load", str(out)]) == 2  # not empty any more
    assert "not empty" in _one_line_error(capsys)
    broken = tmp_path / "broken.json"
    broken.write_text(out.read_text("utf-8")[:-200], encoding="utf-8")
    fresh = tmp_path / "fresh.sqlite3"
    with untouched(str(fresh)):
        assert run_as(["--db", str(fresh), "load", str(broken)]) == 2
    assert "not valid JSON" in _one_line_error(capsys)
    assert not fresh.exists()  # nothing created for a refused load
    with untouched(str(fresh)):
        assert run_as(["--db", str(fresh), "load", str(tmp_path / "missing.json")]) == 2
    _one_line_error(capsys)


def test_migrate_down_and_up_with_a_backup_first(school, paths, capsys):
    add_records(school)
    school.ctx.store.dispose()
    db = paths.db_option
    assert run_as(["--db", db, "migrate"]) == 0
    assert "already" in capsys.readouterr().out
    assert run_as(["--db", db, "migrate", "--to", "base"]) == 0
    # A server's database has no file to copy: pg_dump is its backup (docs/postgres.md).
    assert [b.reason for b in backup.list_backups(paths)] == ([] if ON_SERVER else ["pre-migration"])
    assert run_as(["--db", db, "migrate"]) == 0
    assert schema.current_revision(school.ctx.store.engine) == schema.head_revision()
    school.ctx.store.dispose()
    with untouched(db):
        assert run_as(["--db", db, "migrate", "--to", "nonsense"]) == 2
    assert "unknown revision" in _one_line_error(capsys)
    if ON_SERVER:
        engine = sa.create_engine(db, poolclass=sa.pool.NullPool)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_newer'")
    else:
        with closing(connect_db(db, read_only=False)) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_newer'")
            conn.commit()
    for command in (["migrate"], ["check"], ["dump"], ["backup"]):
        with untouched(db):
            assert run_as(["--db", db, *command]) == 2, command
        assert "newer version" in _one_line_error(capsys)


def test_commands_on_a_missing_database_do_not_create_one(tmp_path, capsys):
    missing = tmp_path / "none.sqlite3"
    for command in (["check"], ["dump"], ["backup"], ["users", "list"]):
        with untouched(str(missing)):
            assert run_as(["--db", str(missing), *command]) == 2, command
        assert "no database" in _one_line_error(capsys)
    assert not missing.exists()


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_dump_file_is_readable_by_its_owner_only(school, paths, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SONGJIAO_DUMP_PASSPHRASE", "a long passphrase")
    out = tmp_path / "dump.json"
    assert run_as(["--db", paths.db_option, "dump", "--out", str(out)]) == 0
    assert out.stat().st_mode & 0o777 == 0o600
    assert not (tmp_path / "dump.json.partial").exists()


def test_an_interrupted_dump_or_load_leaves_no_file_and_no_rows(school, paths, tmp_path, capsys, monkeypatch):
    """Ctrl-C while the CLI shows progress (here: at the first update) keeps nothing, whole or half."""
    from app.cli import maintenance as cli_maintenance
    from app.services.dump import write as write_module
    from app.services.progress import TaskState

    add_records(school)
    monkeypatch.setenv("SONGJIAO_DUMP_PASSPHRASE", "a long passphrase")  # encrypted, as by default
    db = paths.db_option
    out = tmp_path / "dump.json"
    assert run_as(["--db", db, "dump", "--out", str(out)]) == 0

    def interrupt(_done: int, _total: int, _label: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(write_module, "PROGRESS_EVERY", 5)
    monkeypatch.setattr(cli_maintenance, "terminal_progress", lambda: TaskState(interrupt))
    again = tmp_path / "again.json"
    assert run_as(["--db", db, "dump", "--out", str(again)]) == 130
    assert not again.exists() and not (tmp_path / "again.json.partial").exists()
    assert run_as(["--db", db, "dump", "--plaintext", "--out", str(again)]) == 130
    assert not again.exists() and not (tmp_path / "again.json.partial").exists()
    target = tmp_path / "copy" / "new.sqlite3"
    assert run_as(["--db", str(target), "load", str(out)]) == 130
    assert not target.exists()  # the new database it would have made is gone too
    assert "interrupted" in capsys.readouterr().err
