"""`songjiao dump` / `load` encrypted by default: the passphrase from the environment, refusals exit 2."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.paths import is_server_url
from app.services import keyring, sealed
from tests.conftest import PASSWORDS, TEST_KEY, connect_db, run_as, sqlite_only, unchanged
from tests.exchange.conftest import Site, join_laptop
from tests.populate import add_records

ENV = "SONGJIAO_DUMP_PASSPHRASE"


def _one_line(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("songjiao: error:") and "Traceback" not in err, err
    return err


def _names(db) -> list[str]:
    """The students' names in ``db``: a SQLite file or a server's URL (SONGJIAO_TEST_DB=postgresql)."""
    if is_server_url(db):
        engine = sa.create_engine(db, poolclass=sa.pool.NullPool)
        with engine.connect() as conn:
            return sorted(row[0] for row in conn.exec_driver_sql("SELECT name FROM student"))
    with closing(connect_db(db, read_only=False)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT name FROM student"))


def test_dump_is_encrypted_by_default_and_loads_with_its_passphrase(
    school, paths, tmp_path, capsys, monkeypatch
):
    add_records(school)
    db = paths.db_option
    out = tmp_path / "school.sjdump"
    monkeypatch.delenv(ENV, raising=False)
    with unchanged(str(out)):  # no passphrase and no terminal to ask on: refused, nothing written
        assert run_as(["--db", db, "dump", "--out", str(out)]) == 2
    assert ENV in _one_line(capsys)
    assert not out.exists() and not (tmp_path / "school.sjdump.partial").exists()
    monkeypatch.setenv(ENV, "short")
    assert run_as(["--db", db, "dump", "--out", str(out)]) == 2
    assert "at least 8" in _one_line(capsys)
    monkeypatch.setenv(ENV, "the school's long passphrase")
    assert run_as(["--db", db, "dump", "--out", str(out)]) == 0
    assert "(encrypted)" in capsys.readouterr().out
    data = out.read_bytes()
    assert data.startswith(sealed.MAGIC)
    assert "小明".encode() not in data
    target = tmp_path / "copy.sqlite3"
    monkeypatch.setenv(ENV, "a wrong passphrase")
    with unchanged(str(target), out):
        assert run_as(["--db", str(target), "load", str(out)]) == 2
    assert "passphrase is wrong" in _one_line(capsys)
    assert not target.exists()
    out.write_bytes(data[:-10])
    monkeypatch.setenv(ENV, "the school's long passphrase")
    with unchanged(str(target)):
        assert run_as(["--db", str(target), "load", str(out)]) == 2
    assert "damaged" in _one_line(capsys)
    assert not target.exists()
    out.write_bytes(data)
    assert run_as(["--db", str(target), "load", str(out)]) == 0
    assert _names(str(target)) == _names(db)


def test_dump_to_standard_output_is_encrypted_too(school, paths, capsysbinary, monkeypatch):
    monkeypatch.setenv(ENV, "the school's long passphrase")
    assert run_as(["--db", paths.db_option, "dump"]) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(sealed.MAGIC)
    assert "小明".encode() not in captured.out


def test_plaintext_only_when_asked_and_with_a_warning(school, paths, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    out = tmp_path / "plain.json"
    assert run_as(["--db", paths.db_option, "dump", "--plaintext", "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "warning: --plaintext" in err and "NOT encrypted" in err
    assert json.loads(out.read_text("utf-8"))["format"] == "songjiao-dump"
    target = tmp_path / "from-plain.sqlite3"  # an old plaintext dump loads without a passphrase
    assert run_as(["--db", str(target), "load", str(out)]) == 0
    assert _names(str(target)) == _names(paths.db_option)


@sqlite_only  # a laptop joined to the office: both SQLite files with key files (tests/exchange)
def test_to_office_needs_exchange_and_opens_with_the_office_database(school, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    office_db = school.ctx.store.paths.db_option
    out = tmp_path / "laptop.sjdump"
    stores: list = []
    try:
        laptop = join_laptop(Site("office", school.ctx, tmp_path), tmp_path, "t1", stores)
        laptop_db = str(laptop.db_path)
        assert run_as(["--db", laptop_db, "dump", "--to-office", "--out", str(out)], user="t1") == 0
        capsys.readouterr()
        target = tmp_path / "at-office.sqlite3"
        with unchanged(str(target)):
            assert run_as(["--db", str(target), "load", str(out)]) == 2
        assert "--office-db" in _one_line(capsys)
        # The same log-in opens the --office-db: here the laptop's, given an administrator's slot for it.
        keyring.set_user(laptop.db_path, TEST_KEY, "admin", PASSWORDS["admin"])
        with unchanged(str(target)):
            assert run_as(["--db", str(target), "load", str(out), "--office-db", laptop_db]) == 2
        assert "not the office" in _one_line(capsys)
        # --user opens the office database and is the loaded school's first slot: a teacher the laptop holds.
        keyring.set_user(Path(office_db), TEST_KEY, "t1", "password1")
        loaded = ["--db", str(target), "load", str(out), "--office-db", office_db]
        assert run_as(loaded, user="t1", password="password1") == 0
        assert _names(str(target)) == _names(laptop_db)
    finally:
        for store in stores:
            store.dispose()


def test_to_office_without_exchange_is_refused(school, paths, tmp_path, capsys):
    out = tmp_path / "office.sjdump"
    with unchanged(paths.db_option, out):
        assert run_as(["--db", paths.db_option, "dump", "--to-office", "--out", str(out)]) == 2
    assert "office key" in _one_line(capsys)


def test_plaintext_and_office_exclude_each_other(school, paths, capsys):
    with pytest.raises(SystemExit) as usage:  # argparse's own usage error: exit 2, one line
        run_as(["--db", paths.db_option, "dump", "--plaintext", "--to-office"])
    assert usage.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_an_encrypted_dump_is_not_poured_onto_a_terminal(school, paths, capsys, monkeypatch):
    monkeypatch.setenv(ENV, "the school's long passphrase")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run_as(["--db", paths.db_option, "dump"]) == 2
    captured = capsys.readouterr()
    assert "--out FILE" in captured.err and captured.out == ""
