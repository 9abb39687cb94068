"""One window per database: a second start hands its file over and exits; .sjb imports, .sjj joins."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from app.paths import resolve
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.instance import SingleInstance, server_name
from app.ui.pages.exchange import ExchangePage
from app.ui.tasks import SyncRunner
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


def test_the_name_is_a_hash_of_the_database_not_its_path(tmp_path):
    db = tmp_path / "学校" / "school.sqlite3"
    name = server_name(db)
    assert (
        name.startswith("songjiao-") and "学校" not in name and "school" not in name.removeprefix("songjiao-")
    )
    assert server_name(tmp_path / "学校" / ".." / "学校" / "school.sqlite3") == name  # same file, same name
    assert server_name(tmp_path / "other.sqlite3") != name


def test_a_second_start_on_the_same_database_hands_over_its_file_and_exits(tmp_path, qtbot):
    db = tmp_path / "school.sqlite3"
    first = SingleInstance(db)
    assert first.listen()
    bundle = tmp_path / "from-office.sjb"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", SONGJIAO_DATA_DIR=str(tmp_path))
    with qtbot.waitSignal(first.message, timeout=60000) as got:
        second = subprocess.Popen([sys.executable, "-m", "app", "--db", str(db), "gui", str(bundle)], env=env)
    assert second.wait(timeout=60) == 0
    assert got.args == [bundle]
    assert not db.exists()  # the second start never opened the database
    first.close()


def test_another_database_gets_its_own_window(tmp_path, qapp):
    first = SingleInstance(tmp_path / "a.sqlite3")
    assert first.listen()
    assert SingleInstance(tmp_path / "b.sqlite3").hand_over(None) is False
    first.close()
    assert SingleInstance(tmp_path / "a.sqlite3").hand_over(None) is False  # closed: nobody to hand over to


class LoginAs(Controller):
    def __init__(self, paths, username: str, password: str) -> None:
        super().__init__(paths, SyncRunner(), today=TODAY)
        self.username, self.password = username, password
        self.dialogs: list[QDialog] = []

    def exec_dialog(self, dialog: QDialog) -> int:
        self.dialogs.append(dialog)
        if not isinstance(dialog, LoginDialog):
            return QDialog.DialogCode.Rejected
        for row in range(dialog.users.count()):
            if dialog.users.item(row).data(0x0100) == self.username:
                dialog.users.setCurrentRow(row)
        dialog.password.setText(self.password)
        dialog.try_login()
        return dialog.result()


def test_a_bundle_given_at_start_is_imported_on_the_exchange_page_after_login(
    school, paths, qtbot, monkeypatch
):
    received: list[list[Path]] = []
    monkeypatch.setattr(
        ExchangePage, "receive", lambda self, files, confirm_deletes=False: received.append(files)
    )
    controller = LoginAs(paths, "office", "password1")
    controller.store = school.ctx.store
    bundle = paths.data_dir / "t01.sjb"
    controller.on_message(bundle)  # before login: kept until the window is there
    assert received == [] and controller.pending_file == bundle
    assert controller.login()
    qtbot.addWidget(controller.window)
    assert received == [[bundle]]
    assert controller.window.current_page().objectName() == "page_exchange"
    controller.on_message(bundle)  # a later double-click while the window is open: imported at once
    assert received == [[bundle], [bundle]]
    assert controller.pending_file is None


def test_a_join_file_on_a_new_laptop_opens_the_join_dialog_filled_in(tmp_path, qapp):
    paths = resolve(tmp_path / "new.sqlite3")
    controller = LoginAs(paths, "t01", "")
    join_file = tmp_path / "songjiao-join-t01.sjj"
    controller.pending_file = join_file
    assert controller.start() is False  # the test gives up at each dialog
    from app.ui.dialogs.exchange_join import JoinSchoolDialog
    from app.ui.dialogs.first_run import FirstRunWizard

    join, wizard = controller.dialogs
    assert isinstance(join, JoinSchoolDialog) and join.file.text() == str(join_file)
    assert isinstance(wizard, FirstRunWizard)  # given up: the first-run wizard as usual
    assert controller.pending_file is None
    controller.store.dispose()


def test_a_file_opened_by_the_system_reaches_the_controller(tmp_path, qapp):
    from PySide6.QtGui import QFileOpenEvent

    from app.ui.app import FileOpenFilter

    controller = LoginAs(resolve(tmp_path / "x.sqlite3"), "t01", "")
    qapp.installEventFilter(FileOpenFilter(controller))
    bundle = tmp_path / "from-office.sjb"
    qapp.sendEvent(qapp, QFileOpenEvent(str(bundle)))  # what macOS sends for a double-clicked document
    assert controller.pending_file == bundle  # no window yet: opened after login


def test_the_log_in_after_a_join_shows_the_teachers_user_name(school, tmp_path, qtbot, english, answers):
    """A new laptop started with a join file: the teacher types the passphrase and their password once in the
    join dialog; the log-in that follows knows whose laptop it is (the user name filled, the cursor in the
    password), so they type only the password again. Real buttons, the real ThreadRunner."""
    from PySide6.QtCore import Qt

    from app.services import exchange
    from app.ui.dialogs.exchange_join import JoinSchoolDialog
    from tests.ui.helpers import click

    made = exchange.make_join_file(school.ctx, "t1", tmp_path / "t1.sjj")
    laptop = resolve(tmp_path / "laptop" / "songjiao.sqlite3")

    class JoinThenLogIn(Controller):
        def __init__(self) -> None:
            super().__init__(laptop, today=TODAY)  # the real ThreadRunner
            self.login_showed: tuple[bool, str, bool] | None = None

        def exec_dialog(self, dialog: QDialog) -> int:
            dialog.show()
            if isinstance(dialog, JoinSchoolDialog):
                qtbot.keyClicks(dialog.passphrase, made.passphrase)
                qtbot.keyClicks(dialog.password, "password1")
                click(qtbot, dialog, "Join")
                qtbot.waitUntil(
                    lambda: dialog.result_ is not None or dialog.buttons.isEnabled(), timeout=60_000
                )
            elif isinstance(dialog, LoginDialog):
                qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
                focused = QApplication.focusWidget() is dialog.password
                self.login_showed = (dialog.name.isVisible(), dialog.name.text(), focused)
                qtbot.keyClicks(dialog.password, "password1")
                qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
                qtbot.waitUntil(lambda: dialog.actor is not None or dialog.error.isVisible(), timeout=60_000)
            else:
                dialog.done(QDialog.DialogCode.Rejected)
            return dialog.result()

    controller = JoinThenLogIn()
    controller.pending_file = made.path
    try:
        assert controller.start()
        assert controller.login_showed == (True, "t1", True)
        assert controller.session is not None and controller.session.actor.id == school.t1.id
    finally:
        if controller.window is not None:
            controller.window.close()
        controller.runner.shutdown()
        if controller.store is not None:
            controller.store.dispose()
