"""Keyboard (issue 9 bug 11), window titles (bug 12) and empty states (bug 13), used as a person does."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from app.services import visits
from app.ui.item_models.compliance import COLOURS
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import activate, answers, strict_callbacks  # noqa: F401 (autouse fixtures)


def home_of(qtbot, make_window, actor, runner=None):
    window = make_window(actor, runner or ThreadRunner())
    home = window.show_page("home")
    qtbot.waitUntil(lambda: home.data is not None, timeout=5000)
    return window, home


def test_tab_leaves_the_students_table_and_enter_opens_the_student(qtbot, school, make_window):
    window, home = home_of(qtbot, make_window, school.t1)
    table = home.table
    assert table.rowCount() == 2
    activate(qtbot, window)
    table.setFocus()
    table.setCurrentCell(1, 0)
    QTest.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table  # Tab went on to the next control
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.detail is not None, timeout=5000)
    assert window.detail.student_id == table.item(1, 0).data(Qt.ItemDataRole.UserRole)


def mnemonics(widget):
    """The Alt+letter of every visible button and label (a label's is its buddy's)."""
    letters = []
    for child in (*widget.findChildren(QAbstractButton), *widget.findChildren(QLabel)):
        if child.isVisibleTo(widget):
            found = re.search(r"&(\w)", child.text().replace("&&", ""))
            if found:
                letters.append((found.group(1).upper(), child.text()))
    return letters


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_visit_editor_has_one_control_per_mnemonic(qtbot, school, make_session, language, request):
    from app.ui.editors.visit_editor import VisitEditor

    request.getfixturevalue("chinese" if language == "zh_CN" else "english")

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    letters = [letter for letter, _text in mnemonics(editor)]
    assert len(letters) > 15
    assert sorted(letters) == sorted(set(letters)), mnemonics(editor)


def test_ctrl_q_in_an_editor_closes_it_and_the_main_window(qtbot, school, make_window):
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.windows import open_window, open_windows

    window = make_window(school.t1)
    editor = open_window(PlanEditor(window.session, school.students[0], "2026-12"), "plan")
    activate(qtbot, editor)
    QTest.keyClick(editor, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)
    assert editor not in open_windows() or not editor.isVisible()


def test_the_window_title_names_the_page_not_the_app_twice(qtbot, school, make_window):
    window = make_window(school.t1)
    window.show_page("students")
    assert window.windowTitle() == next(s for s in window.specs if s.key == "students").translated_title()
    assert QApplication.applicationDisplayName() not in window.windowTitle()


def test_an_empty_school_says_what_to_do_not_that_everyone_is_on_track(qtbot, ctx, qapp):
    from app.services import users
    from app.services.context import Actor
    from app.services.setup import initialize_school
    from app.ui.main_window import MainWindow
    from app.ui.session import AppSession
    from app.ui.tasks import SyncRunner
    from tests.conftest import TERM, TODAY

    admin = initialize_school(
        ctx,
        {
            "school_name": "空校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    info = users.create_user(
        ctx.as_actor(admin),
        {"username": "office", "display_name": "教务", "role": "academic_affairs", "password": "password1"},
    )
    session = AppSession(ctx.store, SyncRunner(), Actor(info.id, info.role, info.display_name), today=TODAY)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    home = window.show_page("home")
    assert home.data is not None and not home.data.rows
    assert not home.subtitle.text().rstrip().endswith("·")
    assert home.empty.isVisible() and home.empty.text() == home.tr(
        "No students yet: add or import them on the Students page."
    )
    behind = home.sections["teachers_behind"]
    assert behind.empty.text() == behind.tr("No teacher has students yet.")
    students = window.show_page("students")
    qtbot.waitUntil(students.empty_hint.isVisible, timeout=3000)
    assert "Ctrl+N" in students.empty_hint.text()


def test_the_office_list_does_not_show_students_owing_make_ups_as_green(qtbot, school, make_window):
    t1 = school.as_(school.t1)
    cancelled = visits.create_visit(t1, school.students[0], {"date": "2026-11-10"})
    visits.cancel_visit(t1, cancelled.id, "教师培训", "school")
    lessons = [{"subject": "生活语文", "content": "认字", "minutes": 30} for _ in range(2)]
    done = visits.create_visit(t1, school.students[0], {"date": "2026-11-17", "lessons": lessons})
    visits.finish_visit(t1, done.id)
    _window, home = home_of(qtbot, make_window, school.office)
    rows = [
        r
        for r in range(home.table.rowCount())
        if home.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == school.students[0]
    ]
    assert rows, "the student owing a make-up is listed"
    cell = home.table.item(rows[0], 1)
    assert cell.background().color() != QColor(COLOURS["met"])
    assert cell.background().color() == QColor(COLOURS["missed_owed"])
