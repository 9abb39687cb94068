"""A new recovery key from the desktop app: Settings › Users and roles (confirm, the password again, the new
sheet), and offered at once after a recovery-key log-in; refused for a wrong password, a plaintext database
and non-administrators. Real buttons, the real worker thread."""

from __future__ import annotations

from contextlib import closing

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from app.services import keyring, setup
from app.services.context import ServiceContext
from app.services.errors import AuthError
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.recovery import RecoveryKeyDialog
from app.ui.dialogs.recovery_login import RecoveryLoginDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TEST_KEY, TODAY, connect_db, sqlite_only, unchanged
from tests.ui.helpers import Button, click, find_button, wait_idle

pytestmark = sqlite_only  # the key file beside the SQLite database (PostgreSQL has none)


@pytest.fixture
def old_key(school):
    text = setup.make_recovery_key(school.as_(school.admin))
    assert text is not None
    return text


def _audit(db_path) -> list[tuple]:
    with closing(connect_db(db_path)) as conn:
        return conn.execute(
            "SELECT user_id, entity, entity_id, action FROM audit_entry "
            "WHERE entity IN ('recovery_key', 'login') ORDER BY at, id"
        ).fetchall()


def _box(qtbot, window):
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.users_tab)
    wait_idle(qtbot, window)
    return page.users_tab.recovery_box


def test_settings_makes_a_new_recovery_key_after_the_password_again(
    make_window, school, paths, old_key, qtbot, english, answers, tmp_path, monkeypatch
):
    window = make_window(school.admin)
    box = _box(qtbot, window)
    assert box.new_button.isEnabled() and not box.reason.isVisible()
    # Asked first; "No" changes nothing.
    answers.question("The current recovery sheet stops opening the records", Button.No)
    with unchanged(paths.db_path, paths.key_file):
        click(qtbot, box, "Make a new recovery key…")
    assert box.password_dialog is None
    answers.question("The current recovery sheet stops opening the records", Button.Yes)
    click(qtbot, box, "Make a new recovery key…")
    dialog = box.password_dialog
    assert dialog is not None and dialog.isVisible()
    # A wrong password: refused in the dialog, the key file as it was, the refusal audited.
    before = paths.key_file.read_bytes()
    qtbot.keyClicks(dialog.password, "not-my-password")
    click(qtbot, dialog, "Make the new key")
    wait_idle(qtbot, window)
    assert dialog.isVisible() and dialog.error.text() == (
        "The password is wrong: the recovery key was not changed."
    )
    assert paths.key_file.read_bytes() == before and box.key_dialog is None
    assert keyring.unlock_recovery(paths.db_path, old_key) == TEST_KEY
    # The right one: the new key made and shown as the set-up's was, with the sheet to save.
    qtbot.waitUntil(dialog.make_button.isEnabled, timeout=5000)
    qtbot.keyClicks(dialog.password, "admin-pass")
    click(qtbot, dialog, "Make the new key")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: box.key_dialog is not None, timeout=5000)
    shown = box.key_dialog
    assert isinstance(shown, RecoveryKeyDialog) and shown.isVisible() and not dialog.isVisible()
    new = shown.key_text
    assert "The earlier recovery key no longer opens the records" in " ".join(
        label.text() for label in shown.findChildren(type(shown.key))
    )
    assert keyring.unlock_recovery(paths.db_path, new) == TEST_KEY
    with pytest.raises(AuthError):
        keyring.unlock_recovery(paths.db_path, old_key)
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(sheet), "")))
    click(qtbot, shown, "Save the recovery sheet…")
    assert sheet.read_bytes().startswith(b"%PDF")
    assert keyring.read_recovery_file(sheet.with_suffix(".txt")) == new
    click(qtbot, shown, "I have kept it safe")
    assert box.key_dialog is None
    assert _audit(paths.db_path) == [
        (school.admin.id, "recovery_key", "", "refused"),
        (school.admin.id, "recovery_key", "", "replaced"),
    ]


def test_no_new_recovery_key_for_those_who_are_not_administrators(make_window, school, qtbot, english):
    window = make_window(school.office)  # the office clerk sees Settings, not its users and keys
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    assert page.users_tab is None
    with pytest.raises(AssertionError, match="no visible button"):
        find_button(page, "Make a new recovery key…")


def test_a_plaintext_database_says_why_there_is_no_recovery_key(qapp, qtbot, tmp_path, english):
    from app.paths import resolve
    from app.services.setup import initialize_school, open_store
    from app.ui.main_window import MainWindow
    from app.ui.session import AppSession
    from tests.conftest import TERM

    plain = resolve(tmp_path / "plain.sqlite3")
    store = open_store(plain, plaintext=True)
    admin = initialize_school(
        ServiceContext(store),
        {
            "school_name": "学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    session = AppSession(store, ThreadRunner(), admin, language="en", today=TODAY)
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        box = _box(qtbot, window)
        assert not box.new_button.isEnabled()
        assert box.reason.isVisible() and box.reason.text() == (
            "This database is not encrypted yet, so it has no recovery key: it is encrypted at an "
            "administrator's log-in."
        )
        window.close()
    finally:
        session.runner.shutdown()
        store.dispose()
    assert not plain.key_file.exists()


class RecoveryLogIn(Controller):
    """Every password lost: the recovery-key link at the login, then whatever the app shows next, answered by
    the dialogs' own buttons; the recovery key dialogs it meets are kept."""

    def __init__(self, paths, key_text: str, qtbot) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY, language="en")
        self.key_text, self.qtbot = key_text, qtbot
        self.shown: list[RecoveryKeyDialog] = []

    def exec_dialog(self, dialog: QDialog) -> int:
        dialog.show()
        if isinstance(dialog, RecoveryKeyDialog):
            self.shown.append(dialog)
            click(self.qtbot, dialog, "I have kept it safe")
            return dialog.result()
        assert isinstance(dialog, LoginDialog)
        click(self.qtbot, dialog, "Forgot the password? Use the recovery key")
        recovery = dialog.recovery
        assert isinstance(recovery, RecoveryLoginDialog)
        recovery.key.setText(self.key_text)
        click(self.qtbot, recovery, "Open")
        recovery.password.setText("new-admin-pass")
        recovery.confirm.setText("new-admin-pass")
        click(self.qtbot, recovery, "Set the password and log in")
        return dialog.result()


@pytest.mark.parametrize("accept", [True, False], ids=["replaced at once", "postponed"])
def test_after_a_recovery_log_in_a_new_recovery_key_is_offered(
    school, paths, old_key, qtbot, english, answers, accept
):
    school.ctx.store.dispose()
    answers.question("You logged in with the school's recovery key", Button.Yes if accept else Button.No)
    controller = RecoveryLogIn(paths, old_key, qtbot)
    assert controller.start()
    qtbot.addWidget(controller.window)
    wait_idle(qtbot, controller)
    try:
        assert controller.session is not None and controller.session.actor.id == school.admin.id
        recovered = (None, "login", school.admin.id, "recovered")
        if accept:
            [shown] = controller.shown
            assert keyring.unlock_recovery(paths.db_path, shown.key_text) == controller.opened.key
            with pytest.raises(AuthError):
                keyring.unlock_recovery(paths.db_path, old_key)  # the used key is dead
            assert _audit(paths.db_path) == [recovered, (school.admin.id, "recovery_key", "", "replaced")]
        else:
            assert controller.shown == []
            assert keyring.unlock_recovery(paths.db_path, old_key) == controller.opened.key
            assert _audit(paths.db_path) == [recovered]
            # Postponed: Settings still offers it.
            assert _box(qtbot, controller.window).new_button.isEnabled()
    finally:
        controller.window.close()
        controller.runner.shutdown()
        controller.opened.dispose()
