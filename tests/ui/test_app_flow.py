"""The app's moves: real worker thread delivery, switching language, making and restoring a backup."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox

from app.services import backup, students
from app.services import school as school_service
from app.services.context import ServiceContext
from app.services.progress import Cancelled
from app.ui import i18n
from app.ui.app import Controller
from app.ui.dialogs.login import LoginDialog
from app.ui.tasks import ThreadRunner
from tests.conftest import TODAY
from tests.ui.helpers import wait_idle


class ScriptedController(Controller):
    """Logs in as ``username`` whenever the login dialog would be shown."""

    def __init__(self, paths, username: str, password: str) -> None:
        super().__init__(paths, ThreadRunner(), today=TODAY)
        self.username, self.password = username, password
        self.logins = 0

    def exec_dialog(self, dialog: QDialog) -> int:
        assert isinstance(dialog, LoginDialog)
        for row in range(dialog.users.count()):
            if dialog.users.item(row).data(0x0100) == self.username:
                dialog.users.setCurrentRow(row)
        dialog.password.setText(self.password)
        dialog.try_login()
        self.logins += 1
        return dialog.result()


def test_worker_thread_delivers_on_the_main_thread(make_session, school, qtbot, english):
    import threading

    runner = ThreadRunner()
    session = make_session(school.t1, runner)
    seen: dict[str, object] = {}

    def on_done(result):
        seen["thread"] = threading.current_thread()
        seen["result"] = result

    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        session.read(students.count_students, on_done=on_done)
    assert seen == {"thread": threading.main_thread(), "result": 2}

    def slow(progress):
        for step in range(1000):
            progress.update(step, 1000)
            progress.check()
            threading.Event().wait(0.005)
        return "finished"

    errors: list[BaseException] = []
    task = runner.submit(slow, with_progress=True, on_error=errors.append)
    task.progress.cancel()
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        pass
    assert len(errors) == 1 and isinstance(errors[0], Cancelled)

    failures: list[BaseException] = []
    with qtbot.waitSignal(runner.task_finished, timeout=5000):
        session.write(students.update_student, school.students[2], {"name": "x"}, on_error=failures.append)
    assert failures and failures[0].message_id == "student.not_found"  # t1 cannot see t2's student


def test_write_announces_changes_on_the_bus(make_session, school, qtbot):
    session = make_session(school.admin)
    received = []
    session.bus.data_changed.connect(lambda changes, initiator: received.append((changes, initiator)))
    asker = object()
    session.write(students.update_student, school.students[0], {"phone": "13800138000"}, initiator=asker)
    wait_idle(qtbot, session)
    [(changes, initiator)] = received
    assert "student" in changes.tables and changes.ids("student") == {school.students[0]}
    assert initiator is asker


def test_language_switch_rebuilds_the_window_in_chinese(school, paths, qtbot):
    from app.services import users

    users.update_user(school.as_(school.admin), school.admin.id, {"language": "en"})  # the user's own choice
    controller = ScriptedController(paths, "admin", "admin-pass")
    controller.store = school.ctx.store
    assert controller.login()
    window = controller.window  # not given to qtbot: the controller deletes it when it rebuilds the window
    window.show_page("settings")
    wait_idle(qtbot, controller)
    assert window.nav.item(0).text() == "This week"
    controller.on_language("zh_CN")
    wait_idle(qtbot, controller)
    new_window = controller.window
    qtbot.addWidget(new_window)
    assert new_window is not window
    assert new_window.nav.item(0).text() == "本周"
    assert new_window.current_page().objectName() == "page_settings"
    assert users.get_user(ServiceContext(school.ctx.store), school.admin.id).language == "zh_CN"
    i18n.install_translators("en")


def test_backup_and_restore_through_settings(school, paths, qtbot, english):
    controller = ScriptedController(paths, "admin", "admin-pass")
    controller.store = school.ctx.store
    assert controller.login()
    window = controller.window  # not given to qtbot: the restore deletes it
    page = window.show_page("settings")
    wait_idle(qtbot, controller)
    assert [b.reason for b in backup.list_backups(paths)] == ["scheduled"]  # made at login: none was due
    page.backups_tab.make()
    wait_idle(qtbot, controller)
    assert page.backups_tab.table.rowCount() == 2
    made = backup.list_backups(paths)[0]
    assert made.reason == "manual"
    # A change after the backup: the restore must take it away.
    school_service.update_school(school.as_(school.admin), {"name": "改过的名字"})
    controller.on_restore(made.path)
    wait_idle(qtbot, controller)
    assert controller.logins == 2  # logged in again on the reopened database
    qtbot.addWidget(controller.window)
    info = school_service.get_school(ServiceContext(controller.store))
    assert info.name == "青山县特殊教育学校"
    assert any(b.reason == "pre-restore" for b in backup.list_backups(paths))
    controller.window.close()
    controller.store.dispose()


def test_progress_dialog_runs_and_cancels(make_session, school, qtbot):
    from PySide6.QtWidgets import QWidget

    from app.ui.widgets.progress import run_with_progress

    parent = QWidget()
    qtbot.addWidget(parent)
    runner = ThreadRunner()
    make_session(school.admin, runner)  # shuts the runner down at the end
    results: list[object] = []
    started = __import__("threading").Event()

    def long_job(progress):
        started.set()
        for step in range(2000):
            progress.update(step, 2000, "step")
            progress.check()
            __import__("time").sleep(0.002)
        return "done"

    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        task = run_with_progress(
            parent, runner, long_job, title="Working", on_done=results.append, on_error=results.append
        )
        started.wait(5)
        task.progress.cancel()
    assert results == [] and isinstance(task.error, Cancelled)  # cancelled: no callback, no error box
    with qtbot.waitSignal(runner.task_finished, timeout=10000):
        run_with_progress(parent, runner, lambda progress: 42, title="Quick", on_done=results.append)
    assert results == [42]


def _open_changed_record(window, school, qtbot, name: str):
    """The student's record open in the window with its name changed and not saved."""
    from app.ui.pages.student import StudentPage

    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    page.basic.form.set_value("name", name)
    assert page.has_unsaved_changes()
    return page


def test_the_language_switch_asks_about_the_unsaved_record_and_saves_it(
    school, paths, qtbot, english, answers
):
    """Menu View › Language with a changed record open: it used to rebuild the window at once and lose the
    change. Now the record asks (in the admin's Chinese); Save saves it, then the window is rebuilt in
    English."""
    controller = ScriptedController(paths, "admin", "admin-pass")
    controller.store = school.ctx.store
    assert controller.login()
    window = controller.window
    _open_changed_record(window, school, qtbot, "小明明")
    answers.question("离开前保存", QMessageBox.StandardButton.Save)
    assert window.nav.item(0).text() == "本周"
    window.findChild(QAction, "act_lang_en").trigger()
    qtbot.waitUntil(lambda: controller.window is not window, timeout=10_000)
    wait_idle(qtbot, controller)
    qtbot.addWidget(controller.window)
    assert controller.window.nav.item(0).text() == "This week"
    assert students.get_student(school.ctx, school.students[0]).values["name"] == "小明明"


def test_logout_asks_about_the_unsaved_record_and_discards_it(school, paths, qtbot, english, answers):
    controller = ScriptedController(paths, "admin", "admin-pass")
    controller.store = school.ctx.store
    assert controller.login() and controller.logins == 1
    window = controller.window
    before = students.get_student(school.ctx, school.students[0]).values["name"]
    _open_changed_record(window, school, qtbot, "小明明")
    answers.question("离开前保存", QMessageBox.StandardButton.Cancel)  # first: stay
    window.findChild(QAction, "act_logout").trigger()
    assert controller.window is window and controller.logins == 1
    answers.question("离开前保存", QMessageBox.StandardButton.Discard)
    window.findChild(QAction, "act_logout").trigger()
    assert controller.logins == 2 and controller.window is not window  # logged in again, a new window
    qtbot.addWidget(controller.window)
    wait_idle(qtbot, controller)
    assert students.get_student(school.ctx, school.students[0]).values["name"] == before
