"""Finishing a visit that would not count: the editor says why and asks; the home page says why the week is
not met. Buttons pressed on the real worker thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services import visits
from app.services.errors import ConflictError
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)

THIN = [{"subject": "生活语文", "content": "", "minutes": 30}]  # 1 课时, nothing said of what was taught


def open_editor(qtbot, session, visit_id):
    from app.ui.editors.visit_editor import VisitEditor

    editor = VisitEditor(session, visit_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None and editor.finish_button.isEnabled(), timeout=5000)
    return editor


def test_finish_says_why_the_visit_would_not_count(qtbot, school, make_session, answers, english):  # noqa: F811
    session = make_session(school.t1, ThreadRunner())
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-16", "lessons": THIN})
    editor = open_editor(qtbot, session, visit.id)

    answers.append(QMessageBox.StandardButton.No)
    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=5000)
    asked = answers.asked[0]
    assert "Only 1 lessons of at least 30 minutes: the rule needs 2 per visit" in asked
    assert "No lesson says what was taught." in asked and "The caregiver has not signed." in asked
    qtbot.wait(200)  # nothing follows a No
    assert visits.get_visit(session.ctx, visit.id).status == "planned" and editor.detail.status == "planned"

    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)  # asked again; this time Yes
    qtbot.waitUntil(lambda: editor.detail.status == "done", timeout=5000)
    assert len(answers.asked) == 2 and visits.get_visit(session.ctx, visit.id).status == "done"

    window = _home(qtbot, school, make_session)
    cell = _status_cell(window, school.students[0])
    assert cell.startswith("Not met yet") and "too few lessons" in cell


def test_a_complete_record_finishes_unasked(qtbot, school, make_session, answers, english):  # noqa: F811
    session = make_session(school.t1, ThreadRunner())
    lessons = [
        {"subject": "生活语文", "content": "认读a o e", "minutes": 30},
        {"subject": "康复训练", "content": "手指操", "minutes": 30},
    ]
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-16", "lessons": lessons})
    visits.set_signature(session.ctx, visit.id, _png())
    editor = open_editor(qtbot, session, visit.id)
    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail.status == "done", timeout=5000)
    assert answers.asked == []
    window = _home(qtbot, school, make_session)
    assert _status_cell(window, school.students[0]) == "Met"


def test_the_service_refuses_a_finish_whose_concerns_the_user_did_not_see(school):
    t1 = school.as_(school.t1)
    visit = visits.create_visit(t1, school.students[0], {"date": "2026-11-16", "lessons": THIN})
    assert [c.code for c in visits.finish_concerns(t1, visit.id)] == [
        "too_few_lessons",
        "no_content",
        "no_signature",
    ]
    with pytest.raises(ConflictError):
        visits.finish_visit(t1, visit.id, confirmed=("too_few_lessons", "no_content"))
    assert visits.get_visit(t1, visit.id).status == "planned"
    assert (
        visits.finish_visit(t1, visit.id, confirmed=("too_few_lessons", "no_content", "no_signature")).status
        == "done"
    )


def _home(qtbot, school, make_session):
    from app.ui.main_window import MainWindow

    window = MainWindow(make_session(school.t1, ThreadRunner()))
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("home")
    qtbot.waitUntil(lambda: page.data is not None and page.table.rowCount() > 0, timeout=5000)
    return page


def _status_cell(page, student_id) -> str:
    for row in range(page.table.rowCount()):
        if page.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == student_id:
            return page.table.item(row, 1).text()
    raise AssertionError("student not listed")


def _png() -> bytes:
    from tests.services.test_visits import png_bytes

    return png_bytes()
