"""Joining a laptop with a wrong teacher password (or another teacher's account) is refused and leaves no file
behind: the new database it had begun would hold a key no slot opens, and every later try would be refused."""

from __future__ import annotations

import pytest

from app.paths import resolve
from app.services import exchange, keyring
from app.services.errors import AuthError
from tests.conftest import DEFAULT_PASSWORD, run_as


def test_a_wrong_password_or_account_at_join_leaves_nothing_and_the_right_one_then_joins(net, tmp_path):
    office, _join = net
    made = exchange.make_join_file(office.ctx, "t1", tmp_path / "t1.sjj")
    folder = tmp_path / "laptop"
    target = resolve(folder / "songjiao.sqlite3")
    for username, password in (("t1", "not her password"), ("t2", DEFAULT_PASSWORD)):
        with pytest.raises(AuthError) as refused:
            exchange.join_from_file(target, made.path, made.passphrase, password, username)
        assert refused.value.message_id == "login.failed"
        assert not folder.exists(), "a refused join left files behind"
    joined = exchange.join_from_file(target, made.path, made.passphrase, DEFAULT_PASSWORD, "t1")
    assert joined.records > 0
    assert keyring.unlock_user(target.db_path, "t1", DEFAULT_PASSWORD)


def test_on_the_command_line_a_mistyped_password_can_be_typed_again(net, tmp_path, capsys):
    office, _join = net
    made = exchange.make_join_file(office.ctx, "t1", tmp_path / "t1.sjj")
    folder = tmp_path / "laptop"
    db = folder / "songjiao.sqlite3"
    argv = ["--db", str(db), "exchange", "join", str(made.path), "--passphrase", made.passphrase]
    capsys.readouterr()
    assert run_as(argv, user="t1", password="not her password") == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert not folder.exists()
    assert run_as(argv, user="t1", password=DEFAULT_PASSWORD) == 0
    assert "joined:" in capsys.readouterr().out
    assert run_as(["--db", str(db), "students", "list"], user="t1", password=DEFAULT_PASSWORD) == 0
