"""Nothing English shows in the Chinese UI: the texts are read from the real widgets, not from the .ts files.

Every page (as office, teacher, leader and admin on a small demo school), the student page's tabs, the editors
and their dialogs, the first-run wizard page by page, login, the settings tabs and Qt's own (non-native) file
dialogs are opened in zh_CN; their window titles, labels, buttons, tooltips, accessible names, placeholders,
combo items, tab texts, table headers and the cells shown are collected, and any Latin word that is not an id,
a unit, a file pattern or one of a few proper nouns fails the test. So English hard-coded outside tr(), a
string never extracted into a .ts file, a service message without a catalogue text and a Qt string missing
from Qt's own Chinese catalogue all fail, not only English left in the .ts files.

The walk is tests/ui/walk.py's (shared with the accessibility audit).
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

from tests.ui import walk
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
    # Key fingerprints (CFBC-89F2-1D47-15F0): a random group of hex letters only read as an English word
    # (before the codes with digits below, which would take the groups after it).
    re.compile(r"\b[0-9A-F]{4}(?:-[0-9A-F]{4}){3,}\b"),
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


def test_every_page_in_chinese(demo_school, qtbot, chinese) -> None:
    leaks = Leaks(demo_school[2])
    for name, widget in walk.pages(demo_school, qtbot):
        leaks.check(name, widget)
    leaks.assert_none(at_least=20)


def test_every_editor_and_dialog_in_chinese(make_session, school, qtbot, chinese) -> None:
    leaks = Leaks(frozenset({"admin", "office", "leader", "t1", "t2"}))
    for name, widget in walk.record_editors(make_session, school, qtbot):
        widget.show()
        leaks.check(name, widget)
    leaks.assert_none(at_least=18)


def test_editors_on_demo_records_in_chinese(demo_school, qtbot, chinese) -> None:
    leaks = Leaks(demo_school[2])
    for name, widget in walk.demo_editors(demo_school, qtbot):
        leaks.check(name, widget)
    leaks.assert_none(at_least=10)


def test_wizard_login_and_small_dialogs_in_chinese(make_session, school, tmp_path, qtbot, chinese) -> None:
    leaks = Leaks(frozenset({"admin", "office", "leader", "t1", "t2", walk.SMALL_PASSPHRASE}))
    for name, widget in walk.small_dialogs(make_session, school, tmp_path, qtbot):
        leaks.check(name, widget)
    leaks.assert_none(at_least=6)


def test_first_run_wizard_page_by_page_in_chinese(tmp_path, qtbot, chinese) -> None:
    leaks = Leaks(frozenset({"admin"}))
    for name, wizard in walk.wizard(tmp_path, qtbot):
        leaks.check(name, wizard)
        if name == "wizard refusal":  # a refusal on the last page (a password too short) is shown in Chinese
            assert "密码至少需要 6 个字符。" in {t for _, t in widget_texts(wizard)}
    leaks.assert_none(at_least=6)


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
