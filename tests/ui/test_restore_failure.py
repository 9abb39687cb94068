"""A restore that fails for any reason brings the login back: never a process left running without a window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from app.services import backup
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TEST_KEY, TODAY


class Recording(Controller):
    """Logs in as the administrator whenever asked; records the alerts instead of showing them."""

    def __init__(self, paths) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY)
        self.alerts: list[tuple[str, str]] = []
        self.logins = 0

    def alert(self, title: str, text: str) -> None:
        self.alerts.append((title, text))

    def exec_dialog(self, dialog: QDialog) -> int:
        assert isinstance(dialog, LoginDialog)
        for row in range(dialog.users.count()):
            if dialog.users.item(row).data(0x0100) == "admin":
                dialog.users.setCurrentRow(row)
        dialog.password.setText("admin-pass")
        dialog.try_login()
        self.logins += 1
        return dialog.result()


@pytest.mark.parametrize(
    "failure",
    [PermissionError(13, "Permission denied"), OSError(28, "No space left on device"), RuntimeError()],
)
def test_a_failed_restore_says_why_and_logs_in_again(school, paths, qtbot, monkeypatch, failure):
    controller = Recording(paths)
    controller.store = school.ctx.store
    assert controller.login()
    made = backup.make_backup(paths, key=TEST_KEY)

    def fails(*_args, **_kwargs):
        raise failure

    monkeypatch.setattr(backup, "restore", fails)
    controller.on_restore(made.path)
    assert controller.window is not None and controller.logins == 2
    qtbot.addWidget(controller.window)
    ((title, text),) = controller.alerts
    assert title and (getattr(failure, "strerror", None) or "RuntimeError") in text
    controller.window.close()
    controller.runner.shutdown()
    controller.store.dispose()
