"""Later starts: the login dialog, the guarded open of a newer database."""

from __future__ import annotations

from contextlib import closing

from app.services import throttle
from app.ui.app import open_store_or_explain
from app.ui.dialogs.login import LoginDialog
from tests.conftest import TEST_KEY, TODAY, connect_db, db_digest, open_test_store


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


def _make_newer(paths) -> None:
    with closing(connect_db(paths.db_path, read_only=False)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
        conn.commit()


def test_newer_database_is_refused_with_a_message_and_left_alone(paths, qapp, english):
    open_test_store(paths).dispose()
    _make_newer(paths)
    before = paths.db_path.read_bytes()
    alerts: list[tuple[str, str]] = []
    assert open_store_or_explain(paths, lambda title, text: alerts.append((title, text)), TEST_KEY) is None
    assert alerts and "newer version of Songjiao" in alerts[0][1] and "Nothing was changed" in alerts[0][1]
    assert paths.db_path.read_bytes() == before


def test_cached_login_shows_before_the_database_opens(school, paths, qtbot, english):
    """The second start: the list comes from the cache, the password is checked once the open is done."""
    from app.ui.dialogs.login import login_cache
    from app.ui.opener import StoreOpener

    cache = login_cache(school.ctx.store)
    assert ["t1", "张老师", "teacher"] in cache["users"] and cache["school"] == "青山县特殊教育学校"
    opener = StoreOpener(paths)
    dialog = LoginDialog(opener=opener, cached=cache, last_user="t1", today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.store is None and dialog.username() == "t1"
    assert dialog.heading.text() == "青山县特殊教育学校"
    opener.start()
    dialog.password.setText("password1")
    dialog.try_login()  # waits for the background start, then opens the encrypted database with the password
    assert opener.locked and opener.store is None
    assert dialog.actor is not None and dialog.actor.id == school.t1.id
    assert dialog.store.key == TEST_KEY
    dialog.store.dispose()


def test_an_encrypted_database_opens_with_a_typed_user_name_and_refuses_a_wrong_password(
    school, paths, qtbot, english, monkeypatch
):
    """No cached list: the user name is typed (the first field to fill); a wrong password changes no byte; the
    first slip is free, the second holds the button and says for how long, counting down."""
    school.ctx.store.dispose()
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 0.2)
    dialog = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.users.isVisible() and not dialog.who_label.isVisible() and dialog.name.isVisible()
    assert dialog.focusWidget() is dialog.name
    qtbot.keyClicks(dialog.name, "t2")
    files = [paths.key_file, paths.db_path.with_name(paths.db_path.name + "-wal")]
    before = db_digest(paths.db_path, *files)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    dialog.password.setText("not-the-password")
    dialog.try_login()
    assert dialog.actor is None and dialog.store is None and ok.isEnabled()  # one slip costs nothing
    assert dialog.error.text() == "Wrong user name or password."
    dialog.password.setText("not-it-either")
    dialog.try_login()
    assert dialog.actor is None and dialog.store is None and not ok.isEnabled()
    # The wait is said (the button only went grey before, and Enter did nothing, with no word why).
    assert dialog.error.text() == "Wrong user name or password. Too many wrong passwords: try again in 1 s."
    assert db_digest(paths.db_path, *files) == before
    qtbot.waitUntil(ok.isEnabled, timeout=3000)
    assert dialog.error.text() == "Wrong user name or password."  # the countdown ends, the reason stays
    dialog.password.setText("password1")
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.id == school.t2.id
    dialog.store.dispose()


def test_cached_login_on_a_newer_database_explains_and_refuses(school, paths, qtbot, english):
    from app.ui.opener import StoreOpener

    school.ctx.store.dispose()
    _make_newer(paths)
    before = paths.db_path.read_bytes()
    opener = StoreOpener(paths)
    dialog = LoginDialog(
        opener=opener, cached={"users": [["admin", "管理员", "admin"]]}, today=TODAY, paths=paths
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(opener.finished, timeout=10000):
        opener.start()
    dialog.password.setText("admin-pass")
    dialog.try_login()  # the key opens it; what it holds is then refused
    assert dialog.actor is None
    assert "newer version of Songjiao" in dialog.error.text()
    assert paths.db_path.read_bytes() == before
