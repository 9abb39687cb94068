"""Every password lost: the login dialog's recovery-key link opens the database with the school's recovery key
and sets a new administrator password (a new key slot); a wrong key is refused, held, and changes nothing."""

from __future__ import annotations

from contextlib import closing

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from app.services import keyring, setup, throttle
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.recovery_login import RecoveryLoginDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TODAY, connect_db, unchanged
from tests.ui.helpers import Button, click, wait_idle


@pytest.fixture
def recovery(school):
    """The school's recovery key, as set-up shows it; the database then closed (a later start)."""
    text = setup.make_recovery_key(school.as_(school.admin))
    assert text is not None
    school.ctx.store.dispose()
    return text


def _as_typed_from_paper(text: str) -> str:
    """The key as someone types it from the printed sheet: small letters, spaces for the dashes."""
    return "  " + text.lower().replace("-", " ") + " "


def _wal(paths):
    return paths.db_path.with_name(paths.db_path.name + "-wal")


def _link(qtbot, dialog: LoginDialog) -> RecoveryLoginDialog:
    assert dialog.recovery_link.isVisible()
    qtbot.mouseClick(dialog.recovery_link, Qt.MouseButton.LeftButton)
    recovery = dialog.recovery
    assert isinstance(recovery, RecoveryLoginDialog) and recovery.isVisible()
    return recovery


class RecoveringController(Controller):
    """At the login dialog, the administrator has lost every password: the recovery-key link, the key typed
    from the sheet, a new password, by the dialogs' own buttons."""

    def __init__(self, paths, key_text: str, qtbot) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY)
        self.key_text, self.qtbot = key_text, qtbot

    def exec_dialog(self, dialog: QDialog) -> int:
        assert isinstance(dialog, LoginDialog)
        dialog.show()
        recovery = _link(self.qtbot, dialog)
        self.qtbot.keyClicks(recovery.key, _as_typed_from_paper(self.key_text))
        click(self.qtbot, recovery, "Open")
        assert recovery.pages.currentIndex() == 1, recovery.error.text()
        assert recovery.admins.count() == 1 and recovery.admins.currentText() == "管理员  (admin)"
        self.qtbot.keyClicks(recovery.password, "new-admin-pass")
        self.qtbot.keyClicks(recovery.confirm, "new-admin-pass")
        click(self.qtbot, recovery, "Set the password and log in")
        return dialog.result()


def test_the_recovery_key_opens_the_database_and_sets_a_new_administrator_password(
    school, paths, recovery, qtbot, english, answers
):
    # A new recovery key is offered next (tests/ui/test_new_recovery_key.py): postponed here.
    answers.question("You logged in with the school's recovery key", Button.No)
    controller = RecoveringController(paths, recovery, qtbot)
    assert controller.start()
    window = controller.window
    assert window is not None
    qtbot.addWidget(window)
    wait_idle(qtbot, controller)
    assert controller.session is not None and controller.session.actor.id == school.admin.id
    # The new password wrote the administrator's slot; the lost one no longer opens anything.
    assert keyring.unlock_user(paths.db_path, "admin", "new-admin-pass") == controller.opened.key
    with pytest.raises(Exception, match="Wrong user name or password"):
        keyring.unlock_user(paths.db_path, "admin", "admin-pass", wait=False)
    # Audited as a recovery log-in by the system: the account's id, no name.
    with closing(connect_db(paths.db_path)) as conn:
        rows = conn.execute(
            "SELECT user_id, entity_id, fields FROM audit_entry WHERE entity = 'login' AND action = 'recovered'"
        ).fetchall()
    assert rows == [(None, school.admin.id, "[]")]
    # The next start remembers the administrator as the last user.
    from app.ui.prefs import load_prefs

    assert load_prefs(paths)["last_user"] == "admin"
    window.close()
    controller.runner.shutdown()
    controller.opened.dispose()


def test_a_wrong_recovery_key_is_refused_held_and_changes_nothing(
    school, paths, recovery, qtbot, english, monkeypatch
):
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 0.2)
    dialog = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog_recovery = _link(qtbot, dialog)
    # A key of the right form that is not this school's, then one mistyped past recognition.
    wrong = keyring.new_recovery_text()
    for free, typed in ((True, wrong), (False, recovery[:-5])):
        with unchanged(paths.db_path, paths.key_file, _wal(paths)):
            dialog_recovery.key.setText(typed)
            click(qtbot, dialog_recovery, "Open")
        assert dialog_recovery.error.text() == (
            "The recovery key does not open this database. Nothing was changed."
        )
        assert dialog_recovery.store is None and dialog_recovery.pages.currentIndex() == 0
        # Held like a wrong password (app.services.throttle): the first slip is free, then the growing delay,
        # the window live.
        assert dialog_recovery.open_button.isEnabled() is free
        qtbot.waitUntil(dialog_recovery.open_button.isEnabled, timeout=5000)
    assert keyring.failure_delay() == pytest.approx(0.2)  # the second refusal in a row waits one unit
    assert dialog.actor is None and dialog.store is None
    # The refusals are audited at the next opening (times only).
    dialog_recovery.key.setText(recovery)
    click(qtbot, dialog_recovery, "Open")
    assert dialog_recovery.pages.currentIndex() == 1
    assert keyring.failure_delay() == 0  # the right key ends the run of wrong tries
    with closing(connect_db(paths.db_path)) as conn:
        refused = conn.execute(
            "SELECT count(*) FROM audit_entry WHERE entity = 'login' AND action = 'refused'"
        ).fetchone()[0]
    assert refused == 2
    click(qtbot, dialog_recovery, "Cancel")  # given up: what it opened is closed, nothing set
    assert dialog_recovery.store is None and dialog.actor is None
    assert keyring.unlock_user(paths.db_path, "admin", "admin-pass", wait=False)


def test_the_recovery_file_is_read_and_the_new_password_is_checked(
    school, paths, recovery, qtbot, english, tmp_path, monkeypatch
):
    from app.reports.export import export_recovery_sheet

    written = export_recovery_sheet("青山县特殊教育学校", recovery, tmp_path / "sheet.pdf")
    text_file = next(p for p in written if p.suffix == ".txt")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(text_file), "")))
    dialog = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    recovery_dialog = _link(qtbot, dialog)
    click(qtbot, recovery_dialog, "Read from the recovery file…")  # read, then opened at once
    assert recovery_dialog.pages.currentIndex() == 1
    with unchanged(paths.db_path, paths.key_file):
        recovery_dialog.password.setText("new-admin-pass")
        recovery_dialog.confirm.setText("new-admin-typo")
        click(qtbot, recovery_dialog, "Set the password and log in")
        assert recovery_dialog.error.text() == "The two passwords differ."
        recovery_dialog.password.setText("abc")
        recovery_dialog.confirm.setText("abc")
        click(qtbot, recovery_dialog, "Set the password and log in")
        assert recovery_dialog.error.text() == "The password needs at least 6 characters."
    assert dialog.actor is None
    recovery_dialog.password.setText("new-admin-pass")
    recovery_dialog.confirm.setText("new-admin-pass")
    click(qtbot, recovery_dialog, "Set the password and log in")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.id == school.admin.id
    assert dialog.username() == "admin" and dialog.store is not None
    dialog.store.dispose()


def test_no_recovery_link_for_a_plaintext_database(qtbot, tmp_path, english):
    from app.paths import resolve
    from app.services.setup import open_store

    paths = resolve(tmp_path / "plain.sqlite3")
    store = open_store(paths, plaintext=True)
    try:
        dialog = LoginDialog(store, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        assert not dialog.recovery_link.isVisible()
    finally:
        store.dispose()
