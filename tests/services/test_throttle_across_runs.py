"""The growing delay after wrong passwords outlives the process: each command-line run is a process of its own
and the desktop app can be restarted, so the count starts from the refusals noted beside the database since it
was last opened. The right password (an opening) ends the run of wrong tries."""

from __future__ import annotations

import pytest

from app.services import keyring, setup, throttle
from app.services.errors import AuthError
from tests.conftest import PASSWORDS, run_as, sqlite_only


@pytest.fixture
def waits(monkeypatch) -> list[float]:
    waited: list[float] = []
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 0.5)
    monkeypatch.setattr(keyring.time, "sleep", waited.append)
    return waited


def _new_process(monkeypatch) -> None:
    monkeypatch.setattr(keyring, "_failures", [0])  # what a new command-line run starts with


@sqlite_only  # key files and SQLCipher: a server database has neither
def test_wrong_passwords_on_the_command_line_wait_longer_run_after_run(school, paths, monkeypatch, waits):
    school.ctx.store.dispose()
    db = str(paths.db_path)
    for _ in range(4):
        _new_process(monkeypatch)
        assert run_as(["--db", db, "students", "list"], password="a guess") == 2
    assert waits == [0.5, 1.0, 2.0]  # the first slip free, then throttle's doubling curve
    assert len(keyring.noted_failures(paths.db_path)) == 4
    _new_process(monkeypatch)
    assert run_as(["--db", db, "students", "list"]) == 0  # the right password opens: the run ends
    assert keyring.noted_failures(paths.db_path) == []
    _new_process(monkeypatch)
    assert run_as(["--db", db, "students", "list"], password="a guess") == 2
    assert waits == [0.5, 1.0, 2.0]  # a slip after a log-in is free again


@sqlite_only  # key files and SQLCipher: a server database has neither
def test_a_restarted_app_holds_the_button_after_earlier_wrong_tries_and_recovery_keys_count(
    school, paths, monkeypatch, waits
):
    school.ctx.store.dispose()
    for _ in range(2):
        with pytest.raises(AuthError):
            setup.unwrap_key(paths.db_path, "t1", "a guess", wait=False)
    _new_process(monkeypatch)  # the app closed and started again
    with pytest.raises(AuthError):
        setup.unwrap_recovery(paths.db_path, keyring.new_recovery_text())
    assert keyring.failure_delay() == 1.0 and waits == []  # the desktop holds its button this long
    store, _actor = setup.unlock_store(paths, "admin", PASSWORDS["admin"])
    store.dispose()
    assert keyring.failure_delay() == 0 and keyring.noted_failures(paths.db_path) == []
