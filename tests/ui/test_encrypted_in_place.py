"""A plaintext database from before encryption, opened by the desktop app: the first log-in encrypts it in place
with that user's slot; Settings › Users marks the users without a slot and the administrator's reset writes
theirs; such a user's log-in says to ask the administrator."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.db.engine import is_encrypted
from app.paths import resolve
from app.services import keyring, setup, users
from app.services.context import ServiceContext
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.dialogs.recovery import RecoveryKeyDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TERM, TODAY, unchanged
from tests.ui.helpers import click, wait_idle

NO_SLOT = (
    "Wrong user name or password. If your account was made before the database was encrypted, ask the "
    "administrator to set a new password for you."
)


@pytest.fixture
def plaintext_school(tmp_path):
    """A school in a plaintext database, as versions before encryption left it: an administrator, two
    teachers (their passwords known only as hashes)."""
    paths = resolve(tmp_path / "old" / "school.sqlite3")
    store = setup.open_store(paths, plaintext=True)
    try:
        ctx = ServiceContext(store)
        admin = setup.initialize_school(
            ctx,
            {
                "school_name": "青山县特殊教育学校",
                "term": TERM,
                "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
            },
        )
        for username, name in (("t1", "张老师"), ("t2", "陈老师")):
            users.create_user(
                ctx.as_actor(admin),
                {"username": username, "display_name": name, "role": "teacher", "password": "password1"},
            )
    finally:
        store.dispose()
    assert not is_encrypted(paths.db_path) and not paths.key_file.exists()
    return paths


class FirstStart(Controller):
    """The administrator logs in by the dialog's button; the recovery key shown once is kept."""

    def __init__(self, paths, qtbot) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY, language="en")
        self.qtbot = qtbot
        self.recovery_key = ""

    def exec_dialog(self, dialog: QDialog) -> int:
        dialog.show()
        if isinstance(dialog, RecoveryKeyDialog):
            self.recovery_key = dialog.key_text
            click(self.qtbot, dialog, "I have kept it safe")
            return dialog.result()
        assert isinstance(dialog, LoginDialog)
        for row in range(dialog.users.count()):
            if dialog.users.item(row).data(0x0100) == "admin":
                dialog.users.setCurrentRow(row)
        dialog.password.setText("admin-pass")
        click(self.qtbot, dialog, "Log in")
        return dialog.result()


def _users_tab(qtbot, controller):
    page = controller.window.show_page("settings")
    page.tabs.setCurrentWidget(page.users_tab)
    wait_idle(qtbot, controller)
    return page.users_tab


def _marks(tab) -> dict[str, str]:
    return {tab.table.item(r, 0).text(): tab.table.item(r, 4).text() for r in range(tab.table.rowCount())}


def test_the_first_log_in_encrypts_and_settings_marks_the_users_who_need_a_new_password(
    plaintext_school, qtbot, english, answers
):
    paths = plaintext_school
    answers.warning("The records are encrypted now")
    controller = FirstStart(paths, qtbot)
    assert controller.start()
    qtbot.addWidget(controller.window)
    assert is_encrypted(paths.db_path) and controller.opened.key is not None
    assert keyring.unlock_recovery(paths.db_path, controller.recovery_key) == controller.opened.key
    tab = _users_tab(qtbot, controller)
    assert _marks(tab) == {"admin": "", "t1": "Needs a new password", "t2": "Needs a new password"}
    assert tab.slot_hint.isVisible()
    # The administrator sets t1's password: that writes t1's slot, and the mark goes.
    tab.table.selectRow(next(r for r in range(tab.table.rowCount()) if tab.table.item(r, 0).text() == "t1"))
    click(qtbot, tab, "Reset password…")
    reset = tab.password_dialog
    assert reset is not None and reset.isVisible() and "6" in reset.rule.text()
    # Too short, then a typo in the repetition: each named under the fields, the dialog stays, nothing written.
    with unchanged(paths.db_path, paths.key_file):
        qtbot.keyClicks(reset.new_password.password, "abc")
        qtbot.keyClicks(reset.new_password.confirm, "abc")
        click(qtbot, reset, "Set password")
        assert reset.isVisible() and "at least 6 characters" in reset.new_password.error.text()
        for field, text in (
            (reset.new_password.password, "new-t1-pass"),
            (reset.new_password.confirm, "new-t1-psas"),
        ):
            field.clear()
            qtbot.keyClicks(field, text)
        click(qtbot, reset, "Set password")
        assert reset.isVisible() and "differ" in reset.new_password.error.text()
        wait_idle(qtbot, controller)
    reset.new_password.confirm.clear()
    qtbot.keyClicks(reset.new_password.confirm, "new-t1-pass")
    click(qtbot, reset, "Set password")
    assert not reset.isVisible()
    wait_idle(qtbot, controller)
    qtbot.waitUntil(lambda: _marks(tab)["t1"] == "", timeout=5000)
    assert _marks(tab)["t2"] == "Needs a new password" and tab.slot_hint.isVisible()
    assert keyring.unlock_user(paths.db_path, "t1", "new-t1-pass") == controller.opened.key
    controller.window.close()
    controller.runner.shutdown()
    controller.opened.dispose()
    # The next start: t2, still without a slot, is told to ask the administrator; nothing changes.
    dialog = LoginDialog(today=TODAY, paths=paths)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("t2")
    dialog.password.setText("password1")
    with unchanged(paths.db_path, paths.key_file):
        click(qtbot, dialog, "Log in")
    assert dialog.actor is None and dialog.error.text() == NO_SLOT
    dialog.password.setText("new-t1-pass")
    dialog.name.setText("t1")
    click(qtbot, dialog, "Log in")
    assert dialog.actor is not None and dialog.store is not None
    dialog.store.dispose()


def test_a_user_without_a_slot_who_logs_in_while_the_database_is_open_gets_one(
    plaintext_school, qtbot, english
):
    """After a log-out (the database still open), the password is checked against its hash: then the slot can
    be written, and the account opens the database at the next start too."""
    paths = plaintext_school
    store, _actor = setup.unlock_store(paths, "admin", "admin-pass")  # encrypted in place here
    try:
        assert not keyring.has_user(paths.db_path, "t2")
        dialog = LoginDialog(store, last_user="t2", today=TODAY)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.password.setText("password1")
        click(qtbot, dialog, "Log in")
        assert dialog.actor is not None and dialog.store is store
        assert keyring.unlock_user(paths.db_path, "t2", "password1") == store.key
    finally:
        store.dispose()
