"""Settings › Backups restores a backup made under another key (before a key change, or at another office): it
asks for that backup's password or recovery key, checks the backup with it before anything is swapped, and
refuses a wrong one with every file unchanged. The restored database opens with the backup's own passwords."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from app.paths import resolve
from app.services import backup, keyring, setup, throttle
from app.services import school as school_service
from app.services.context import ServiceContext
from app.ui.app import Controller
from app.ui.dialogs.backup_key import BackupKeyDialog
from app.ui.dialogs.login import LoginDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TERM, TODAY, unchanged
from tests.ui.helpers import Button, click, wait_idle

OTHER_KEY = bytes(range(100, 132))


@pytest.fixture
def other_backup(tmp_path):
    """A backup of another school database under its own key, with its own administrator password and
    recovery key: (backup file, recovery key)."""
    paths = resolve(tmp_path / "other" / "office.sqlite3")
    store = setup.open_store(paths, key=OTHER_KEY)
    try:
        ctx = ServiceContext(store)
        admin = setup.initialize_school(
            ctx,
            {
                "school_name": "另一所学校",
                "term": TERM,
                "admin": {"username": "admin", "display_name": "老管理员", "password": "old-admin-pass"},
            },
        )
        recovery = setup.make_recovery_key(ctx.as_actor(admin))
        made = backup.make_backup(paths, key=OTHER_KEY)
    finally:
        store.dispose()
    assert recovery is not None
    return made.path, recovery


class LoggingIn(Controller):
    """Logs in as the administrator with ``password`` whenever the login dialog shows."""

    def __init__(self, paths) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY, language="en")
        self.password = "admin-pass"
        self.logins = 0

    def exec_dialog(self, dialog: QDialog) -> int:
        assert isinstance(dialog, LoginDialog)
        for row in range(dialog.users.count()):
            if dialog.users.item(row).data(0x0100) == "admin":
                dialog.users.setCurrentRow(row)
        dialog.password.setText(self.password)
        dialog.try_login()
        self.logins += 1
        return dialog.result()


def _ask_for_the_key(qtbot, controller, file) -> BackupKeyDialog:
    window = controller.window
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.backups_tab)
    wait_idle(qtbot, controller)
    click(qtbot, page.backups_tab, "Restore from a file…")
    dialog = page.backups_tab.key_dialog
    assert isinstance(dialog, BackupKeyDialog) and dialog.isVisible()
    return dialog


def test_a_backup_under_another_key_asks_for_its_key_and_opens_with_its_own_passwords(
    school, paths, other_backup, qtbot, english, answers, monkeypatch
):
    file, recovery = other_backup
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(file), "")))
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 0.2)
    controller = LoggingIn(paths)
    controller.store = school.ctx.store
    assert controller.login()
    assert not backup.opens_with(file, controller.opened.key)
    wal = paths.db_path.with_name(paths.db_path.name + "-wal")
    guarded = (paths.key_file, wal, paths.backup_dir, file.parent)
    dialog = _ask_for_the_key(qtbot, controller, file)
    # The current administrator's password is not the backup's: refused, held, nothing changed.
    with unchanged(paths.db_path, *guarded):
        qtbot.keyClicks(dialog.username, "admin")
        for free in (True, False):  # the first slip in a row costs nothing, the second holds the button
            qtbot.keyClicks(dialog.password, "admin-pass")
            click(qtbot, dialog, "Check the backup")
            assert dialog.error.text() == (
                "Wrong user name or password.\nThe backup was not restored; nothing was changed."
            )
            assert dialog.key is None and dialog.isVisible() and dialog.ok_button.isEnabled() is free
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
        # The backup's own password opens it; asked to confirm, the administrator says No: nothing happens.
        answers.question("passwords and the recovery key they had", Button.No)
        qtbot.keyClicks(dialog.password, "old-admin-pass")
        click(qtbot, dialog, "Check the backup")
        assert dialog.key == OTHER_KEY and not dialog.isVisible()
    assert controller.logins == 1
    # Again, with the backup's recovery key (a wrong one first), and restored.
    dialog = _ask_for_the_key(qtbot, controller, file)
    click(qtbot, dialog, "With the recovery key")
    with unchanged(paths.db_path, *guarded):
        dialog.recovery.key.setText(keyring.new_recovery_text())
        click(qtbot, dialog, "Check the backup")
        assert dialog.error.text().startswith("The recovery key does not open this database.")
        qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=5000)
    answers.question("Replace the current records", Button.Yes)
    controller.password = "old-admin-pass"  # the restored records come back with their own passwords
    dialog.recovery.key.setText(recovery.lower().replace("-", " "))
    click(qtbot, dialog, "Check the backup")
    wait_idle(qtbot, controller)
    assert controller.logins == 2 and controller.window is not None
    qtbot.addWidget(controller.window)
    assert controller.opened.key == OTHER_KEY
    assert school_service.get_school(ServiceContext(controller.opened)).name == "另一所学校"
    # The replaced database was kept first, under its own key.
    safety = next(b for b in backup.list_backups(paths) if b.reason == "pre-restore")
    assert backup.opens_with(safety.path, bytes(range(32))) and not backup.opens_with(safety.path, OTHER_KEY)
    controller.window.close()
    controller.runner.shutdown()
    controller.opened.dispose()


def test_a_backup_of_this_database_restores_without_asking_for_a_key(
    school, paths, qtbot, english, answers, monkeypatch
):
    """The session's key opens the school's own backups: no key dialog, straight to the confirmation."""
    made = backup.make_backup(paths, key=school.ctx.store.key)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(made.path), "")))
    controller = LoggingIn(paths)
    controller.store = school.ctx.store
    assert controller.login()
    page = controller.window.show_page("settings")
    page.tabs.setCurrentWidget(page.backups_tab)
    wait_idle(qtbot, controller)
    answers.question("Replace the current records", Button.No)
    click(qtbot, page.backups_tab, "Restore from a file…")
    assert page.backups_tab.key_dialog is None
    assert "passwords and the recovery key" not in answers.asked[-1]
    qtbot.addWidget(controller.window)
    controller.runner.shutdown()
