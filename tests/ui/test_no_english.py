"""Nothing English shows in the Chinese UI: the texts are read from the real widgets, not from the .ts files.

Every page (as office, teacher, leader and admin on a small demo school), the student page's tabs, the editors
and their dialogs, the first-run wizard page by page, login, the settings tabs and Qt's own (non-native) file
dialogs are opened in zh_CN; their window titles, labels, buttons, tooltips, accessible names, placeholders,
combo items, tab texts, table headers and the cells shown are collected, and any Latin word that is not an id,
a unit, a file pattern or one of a few proper nouns fails the test. So English hard-coded outside tr(), a
string never extracted into a .ts file, a service message without a catalogue text and a Qt string missing
from Qt's own Chinese catalogue all fail, not only English left in the .ts files.

The sessions use the synchronous runner: this walks widgets to read them (every load done before the texts are
read), it does not test a workflow.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
    QWizard,
)

from app.services import backup, demo, users
from app.ui.session import AppSession
from app.ui.tasks import SyncRunner
from tests.conftest import TEST_KEY, TODAY
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)

# Latin words a Chinese screen may show: abbreviations people use as they are, units, file kinds, key names.
ALLOWED = {
    "english",  # the language switch names each language in itself: 中文, English
    "songjiao",  # the program's name in file names and folders
    "id",  # ID 号: the word the forms use
    "iep",  # as schools write it: IEP评估
    "wps",  # programs people know by these names (a file open in WPS or Excel)
    "excel",
    # file kinds and units, as people see them in file names and sizes
    "pdf",
    "png",
    "jpeg",
    "jpg",
    "csv",
    "xlsx",
    "sjb",
    "sjj",
    "kb",
    "mb",
    # key names and date/time formats in hints
    "ctrl",
    "shift",
    "delete",
    "yyyy",
    "mm",
    "dd",
    "hh",
}
WORD = re.compile(r"[A-Za-z]{2,}")
STRIP = (
    re.compile(r"<[^>]+>"),  # rich-text tags
    re.compile(r"&[a-z]+;"),  # HTML entities
    re.compile(r"\*\.[A-Za-z0-9]+"),  # file patterns
    re.compile(r"[\w.-]+\.(?:sjj|sjb|pdf|xlsx|xls|csv|json|sqlite3|png|jpe?g|zip|log)\b"),  # file names
    re.compile(r"\b[\w.+-]+@[\w.-]+\b"),  # user@host
    re.compile(r"(?:[A-Za-z]:|~)?(?:[/\\][\w.~-]+){2,}"),  # paths (two parts or more: not "phone/notice")
    re.compile(r"\b[A-Za-z]*\d[\w-]*"),  # codes and ids with digits: SJ0002, t1, 0001_initial
    re.compile(r"\b(?:X{4,}-?)+\b"),  # input masks: XXXXX-XXXXX
)


def english_words(text: str, data: frozenset[str] = frozenset()) -> list[str]:
    """The words of ``text`` that are English (not allowed, not data such as a user name)."""
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    for item in sorted(data, key=len, reverse=True):
        text = text.replace(item, " ")
    return [w for w in WORD.findall(text) if w.lower() not in ALLOWED and w not in data]


def _model_texts(view: QAbstractItemView, rows: int = 40) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    root = view.rootIndex()
    columns = model.columnCount(root)
    for orientation in (Qt.Orientation.Horizontal,):
        for c in range(columns):
            yield str(model.headerData(c, orientation, Qt.ItemDataRole.DisplayRole) or "")
            yield str(model.headerData(c, orientation, Qt.ItemDataRole.ToolTipRole) or "")
    for r in range(min(rows, model.rowCount(root))):
        for c in range(columns):
            index = model.index(r, c, root)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def widget_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a person can see or hear on ``root`` and its children."""
    for w in (root, *root.findChildren(QWidget)):
        where = f"{type(w).__name__}({w.objectName()})"
        yield where, w.windowTitle() if w.isWindow() else ""
        yield where, w.toolTip()
        yield where, w.accessibleName()
        yield where, w.accessibleDescription()
        yield where, w.statusTip()
        if isinstance(w, QLabel | QAbstractButton):
            yield where, w.text()
        if isinstance(w, QGroupBox):
            yield where, w.title()
        if isinstance(w, QLineEdit | QPlainTextEdit | QTextEdit):
            yield where, w.placeholderText()
        if isinstance(w, QPlainTextEdit | QTextEdit) and w.isReadOnly():
            yield where, w.toPlainText()
        if isinstance(w, QAbstractSpinBox):
            yield where, w.specialValueText()
            yield where, getattr(w, "suffix", lambda: "")()
            yield where, getattr(w, "prefix", lambda: "")()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        if isinstance(w, QTabBar):
            for i in range(w.count()):
                yield where, w.tabText(i)
                yield where, w.tabToolTip(i)
        if isinstance(w, QListWidget):
            for i in range(w.count()):
                yield where, w.item(i).text()
        if isinstance(w, QAbstractItemView) and not isinstance(w, QListWidget):
            for text in _model_texts(w):
                yield where, text
        if isinstance(w, QMenu):
            yield where, w.title()
        if isinstance(w, QWizard):
            for page_id in w.pageIds():
                yield where, w.page(page_id).title()
                yield where, w.page(page_id).subTitle()
            for button in (
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
                QWizard.WizardButton.FinishButton,
                QWizard.WizardButton.CancelButton,
            ):
                yield where, w.buttonText(button)
        for action in w.actions():
            yield where, action.text()
            yield where, action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                yield where, action.text()
                menu = action.menu()
                if menu is not None:
                    for item in menu.actions():
                        yield where, item.text()


class Leaks:
    """English found so far, by surface, so one run reports every miss at once."""

    def __init__(self, data: frozenset[str]) -> None:
        self.data = data
        self.found: dict[str, set[str]] = {}
        self.surfaces = 0
        self.chinese = 0

    def check(self, name: str, widget: QWidget) -> None:
        self.surfaces += 1
        for where, text in widget_texts(widget):
            if not text:
                continue
            if re.search(r"[\u4e00-\u9fff]", text):
                self.chinese += 1
            if english_words(text, self.data):
                self.found.setdefault(name, set()).add(f"{where}: {text[:120]!r}")

    def assert_none(self, at_least: int) -> None:
        report = "\n".join(f"{name}:\n  " + "\n  ".join(sorted(t)) for name, t in sorted(self.found.items()))
        assert not self.found, f"English in the Chinese UI:\n{report}"
        assert self.surfaces >= at_least and self.chinese > 0, (self.surfaces, self.chinese)


@pytest.fixture
def demo_school(ctx, chinese):
    """The demo school at its smallest (a whole term with visits, plans, IEPs, contacts) and its logins."""
    ctx.today_override = TODAY
    result = demo.generate(ctx, students=3, terms=1, today=TODAY)
    for reason in ("manual", "pre-migration"):  # the backups tab lists why each was made
        backup.make_backup(ctx.store.paths, reason, key=TEST_KEY)
    logins = {role: (user, password) for user, password, role in result.logins}
    names = frozenset(u.username for u in users.list_users(ctx, include_inactive=True))
    return ctx, logins, names


def _session(ctx, actor) -> AppSession:
    return AppSession(ctx.store, SyncRunner(), actor, language="zh_CN", today=TODAY)


def test_the_detector_tells_english_from_what_may_stay() -> None:
    assert english_words("&Look in:") == ["Look", "in"]
    assert english_words("Files of &type:") == ["Files", "of", "type"]
    assert english_words("A visit in the future cannot be finished yet.")
    assert english_words("计划 · revision 2") == ["revision"]
    assert english_words("第2版 · 2026年11月20日 09:30") == []
    assert english_words("电子表格 (*.xlsx *.csv);;所有文件 (*)") == []
    assert english_words("IEP 评估 · PDF 12 MB · Ctrl+S") == []
    assert english_words("教师 t1 (teacher01)", frozenset({"teacher01"})) == []
    assert english_words("<b>张老师</b>&nbsp;已签名") == []


def test_every_page_in_chinese(demo_school, qtbot) -> None:
    from app.ui.main_window import MainWindow
    from app.ui.pages.student import StudentPage

    ctx, logins, names = demo_school
    leaks = Leaks(names)
    teacher = next(u for u in users.list_users(ctx) if u.role == "teacher")
    actors = [users.authenticate(ctx, *logins[role]) for role in ("academic_affairs", "leader", "admin")]
    actors.append(users.authenticate(ctx, teacher.username, "teacher123"))
    for actor in actors:
        session = _session(ctx, actor)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        for spec in window.specs:
            page = window.show_page(spec.key)
            tabs = page.findChildren(QTabBar)
            for bar in tabs:  # every tab built and shown (settings, student tabs)
                for index in range(bar.count()):
                    bar.setCurrentIndex(index)
            leaks.check(f"{actor.role} · {spec.key}", window)
        students = window.show_page("students")
        student_id = _first_student(session)
        student = StudentPage(session, student_id, window)
        window.open_detail(student)
        for bar in student.findChildren(QTabBar):
            for index in range(bar.count()):
                bar.setCurrentIndex(index)
                leaks.check(f"{actor.role} · student tab {index}", student)
        assert students is not None
        session.runner.shutdown()
    leaks.assert_none(at_least=20)


def _first_student(session: AppSession) -> str:
    from app.services import students

    listed = students.list_students(session.ctx)
    return listed[0].id


def test_every_editor_and_dialog_in_chinese(make_session, school, qtbot, chinese) -> None:
    from tests.ui.test_editors_translations import _surfaces

    leaks = Leaks(frozenset({"admin", "office", "leader", "t1", "t2"}))
    for name, widget in _surfaces(make_session, school, qtbot):
        widget.show()
        leaks.check(name, widget)
    leaks.assert_none(at_least=18)


def test_editors_on_demo_records_in_chinese(demo_school, qtbot) -> None:
    """The editors on records of every state the demo has: finished, cancelled and planned visits, approved and
    returned plans with their history, IEPs with scores, contacts, lesson plans; and their dialogs."""
    from app.services import plans, visit_list
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.plans_queue import PlanQueue

    ctx, logins, names = demo_school
    leaks = Leaks(names)
    office = _session(ctx, users.authenticate(ctx, *logins["academic_affairs"]))
    teacher_info = next(u for u in users.list_users(ctx) if u.role == "teacher")
    teacher = _session(ctx, users.authenticate(ctx, teacher_info.username, "teacher123"))

    def check(name: str, widget: QWidget) -> None:
        qtbot.addWidget(widget)
        widget.show()
        for bar in widget.findChildren(QTabBar):
            for index in range(bar.count()):
                bar.setCurrentIndex(index)
                leaks.check(f"{name} tab {index}", widget)
        leaks.check(name, widget)

    visits = visit_list.list_visits(teacher.ctx, limit=None)
    by_status = {v.status: v for v in visits}
    assert {"done", "cancelled", "planned"} <= by_status.keys()
    # A finished visit corrected twice: the editor lists each amendment with the field it changed.
    from app.services import visits as visit_service

    done = by_status["done"].id
    visit_service.amend_visit(teacher.ctx, done, {"place": "学校资源教室"}, "地点写错了")
    visit_service.amend_visit(teacher.ctx, done, {"homework": "每天读绘本"}, "补充作业")
    for status, visit in sorted(by_status.items()):
        editor = VisitEditor(teacher, visit.id)
        check(f"visit editor ({status})", editor)
        if status == "cancelled" and visit.cancel_cause == "school":
            editor.schedule_makeup()
            check("make-up dialog", editor.dialog)
        if status == "planned":
            editor.cancel_visit()
            check("cancel dialog", editor.dialog)
    student_id = visits[0].student_id
    for summary in {p.status: p for p in plans.list_plans(teacher.ctx, student_id)}.values():
        check(f"plan editor ({summary.status})", PlanEditor(teacher, student_id, summary.month))
    check("plan editor (new month)", PlanEditor(teacher, student_id, "2027-01"))
    check("IEP editor", IepEditor(teacher, student_id))
    check("contacts", ContactsPanel(teacher, student_id))
    check("lesson plans", LessonPlanLibrary(teacher))
    check("approval queue", PlanQueue(office))
    leaks.assert_none(at_least=10)
    for session in (office, teacher):
        session.runner.shutdown()


def test_wizard_login_and_small_dialogs_in_chinese(make_session, school, tmp_path, qtbot, chinese) -> None:
    from app.services.exchange import JoinFile
    from app.ui.dialogs.exchange_join import JoinSchoolDialog, PassphraseDialog
    from app.ui.dialogs.guardian import GuardianDialog
    from app.ui.dialogs.login import LoginDialog
    from app.ui.dialogs.new_student import NewStudentDialog
    from app.ui.pages.settings_admin import UserDialog

    leaks = Leaks(frozenset({"admin", "office", "leader", "t1", "t2", "ABCDE-FGHJK-LMNPQ-RSTUV"}))
    session = make_session(school.admin)
    made = JoinFile(tmp_path / "songjiao-join-t1.sjj", "ABCDE-FGHJK-LMNPQ-RSTUV", "device", "AB12 CD34", 1)
    for dialog in (
        GuardianDialog(session, school.students[0], None),
        NewStudentDialog(session),
        UserDialog(session),
        LoginDialog(school.ctx.store, today=TODAY),
        PassphraseDialog(made, "t1"),
        JoinSchoolDialog(school.ctx.store.paths, runner=SyncRunner()),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        leaks.check(type(dialog).__name__, dialog)
    leaks.assert_none(at_least=6)


def test_first_run_wizard_page_by_page_in_chinese(tmp_path, qtbot, chinese) -> None:
    from app.paths import resolve
    from app.ui.dialogs.first_run import FirstRunWizard
    from tests.conftest import open_test_store

    store = open_test_store(resolve(str(tmp_path / "new.sqlite3"), str(tmp_path / "data")))
    try:
        wizard = FirstRunWizard(store, today=TODAY)
        qtbot.addWidget(wizard)
        wizard.show()
        leaks = Leaks(frozenset({"admin"}))
        wizard.form(1).set_value("school_name", "青山县特殊教育学校")  # what a person types before Next
        seen = []
        for _ in range(len(wizard.pageIds())):
            seen.append(wizard.currentId())
            leaks.check(f"wizard page {wizard.currentId()}", wizard)
            wizard.next()
        assert seen == wizard.pageIds()
        # A refusal on the last page (a password too short) is shown in Chinese too.
        admin = wizard.form(wizard.pageIds()[-1])
        admin.set_value("display_name", "管理员")
        admin.set_value("password", "abc")
        admin.set_value("confirm", "abc")
        assert not wizard.validateCurrentPage()
        leaks.check("wizard refusal", wizard)
        assert "密码至少需要 6 个字符。" in {t for _, t in widget_texts(wizard)}
        leaks.assert_none(at_least=6)
    finally:
        store.dispose()


@pytest.mark.parametrize(
    ("mode", "accept"),
    [
        (QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen),
        (QFileDialog.FileMode.ExistingFiles, QFileDialog.AcceptMode.AcceptOpen),
        (QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
        (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen),
    ],
)
def test_qt_file_dialogs_in_chinese(mode, accept, tmp_path, qtbot, chinese) -> None:
    """Qt's own dialog (what Linux shows without a desktop portal) in both views: Qt's strings translated too."""
    folder = Path(tmp_path) / "空文件夹"
    folder.mkdir()
    dialog = QFileDialog(None, "选择文件", str(folder), "电子表格 (*.xlsx *.csv);;所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setFileMode(mode)
    dialog.setAcceptMode(accept)
    qtbot.addWidget(dialog)
    leaks = Leaks(frozenset({Path.home().name}))  # the sidebar shows the home folder's name
    for view in (QFileDialog.ViewMode.Detail, QFileDialog.ViewMode.List):
        dialog.setViewMode(view)
        dialog.show()
        leaks.check(f"file dialog {mode.name} {view.name}", dialog)
    leaks.assert_none(at_least=2)


def test_a_service_refusal_reaches_the_chinese_ui_in_chinese(
    make_session,
    school,
    qtbot,
    chinese,
    answers,  # noqa: F811
) -> None:
    """Finish on a visit dated after today, pressed as a teacher presses it on the real worker thread: the
    refusal shows next to the date in Chinese (it showed the service's English before the catalogue)."""
    from app.services import messages, visits
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.tasks import ThreadRunner

    session = make_session(school.t1, ThreadRunner())
    lesson = {"subject": "生活语文", "content": "认识水果", "minutes": 30}
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-27", "lessons": [lesson]})
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=10_000)
    # Finish first names what keeps the record from counting (one 课时, no signature); the teacher goes on.
    answers.question("完成这份记录")
    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)
    expected = messages.MESSAGES["visit.future"][1]
    shown = lambda: [t for _, t in widget_texts(editor) if t == expected]  # noqa: E731
    qtbot.waitUntil(lambda: bool(shown()), timeout=10_000)
    assert visits.get_visit(session.ctx, visit.id).status == "planned"
    assert not [t for _, t in widget_texts(editor) if "future" in t]
