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


def test_cached_login_shows_before_the_database_opens(school, paths, qtbot, english):
    """The second start: the list comes from the cache, the password is checked once the open is done."""
    from app.ui.dialogs.login import login_cache
    from app.ui.opener import StoreOpener

    cache = login_cache(school.ctx.store)
    assert ["t1", "张老师", "teacher"] in cache["users"] and cache["school"] == "青山县特殊教育学校"
    opener = StoreOpener(paths)
    dialog = LoginDialog(opener=opener, cached=cache, last_user="t1", today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.store is None and dialog.username() == "t1"
    assert dialog.heading.text() == "青山县特殊教育学校"
    opener.start()
    dialog.password.setText("password1")
    dialog.try_login()  # waits for the background open
    assert dialog.actor is not None and dialog.actor.id == school.t1.id
    opener.store.dispose()


def test_cached_login_on_a_newer_database_explains_and_refuses(paths, qtbot, english):
    from app.services.setup import open_store
    from app.ui.opener import StoreOpener

    open_store(paths).dispose()
    with sqlite3.connect(paths.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    before = paths.db_path.read_bytes()
    opener = StoreOpener(paths)
    dialog = LoginDialog(opener=opener, cached={"users": [["admin", "管理员", "admin"]]}, today=TODAY)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(opener.finished, timeout=10000):
        opener.start()
    assert dialog.actor is None and dialog.open_error is not None
    assert "newer version of Songjiao" in dialog.error.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert paths.db_path.read_bytes() == before
