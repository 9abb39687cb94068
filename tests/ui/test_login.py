"""Later starts: the login dialog, the guarded open of a newer database."""

from __future__ import annotations

import sqlite3

from app.ui.app import open_store_or_explain
from app.ui.dialogs.login import LoginDialog
from tests.conftest import TODAY


def _login(school, qtbot, username: str) -> LoginDialog:
    dialog = LoginDialog(school.ctx.store, last_user=username, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_login_refuses_a_wrong_password(school, qtbot, english):
    dialog = _login(school, qtbot, "t1")
    assert dialog.username() == "t1"
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.try_login()
    assert dialog.actor is None
    assert dialog.error.isVisible() and dialog.error.text() == "Wrong user name or password."
    assert dialog.password.text() == ""  # cleared for the next try


def test_login_accepts_the_right_password(school, qtbot, english):
    dialog = _login(school, qtbot, "t1")
    qtbot.keyClicks(dialog.password, "password1")
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.id == school.t1.id
    assert dialog.result() == LoginDialog.DialogCode.Accepted


def test_newer_database_is_refused_with_a_message_and_left_alone(paths, qapp, english):
    from app.services.setup import open_store

    open_store(paths).dispose()
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    before = paths.db_path.read_bytes()
    alerts: list[tuple[str, str]] = []
    assert open_store_or_explain(paths, lambda title, text: alerts.append((title, text))) is None
    assert alerts and "newer version of Songjiao" in alerts[0][1] and "Nothing was changed" in alerts[0][1]
    assert paths.db_path.read_bytes() == before
