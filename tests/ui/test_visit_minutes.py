"""Lessons follow the school's rule (minutes per 课时), the visit's span is checked against its lessons, and
the plan editor names the child. On the real worker thread, with the editors' own buttons and keys."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import school as school_service
from app.services import visits
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)


def editor_for(qtbot, session, visit_id):
    from app.ui.editors.visit_editor import VisitEditor

    editor = VisitEditor(session, visit_id)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=5000)
    return editor


def type_into(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def test_a_new_lesson_has_the_rules_minutes_and_the_span_is_checked(qtbot, school, make_session, english):
    school_service.update_school(
        school.as_(school.admin), {"rule": {"lessons_per_visit": 2, "minutes_per_lesson": 35}}
    )
    session = make_session(school.t1, ThreadRunner())
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-16"})
    editor = editor_for(qtbot, session, visit.id)
    qtbot.waitUntil(lambda: editor.rule.minutes_per_lesson == 35, timeout=5000)  # the school's rule read
    for _ in range(2):
        qtbot.mouseClick(editor.add_lesson, Qt.MouseButton.LeftButton)
    assert [editor.lessons.item(n, 2).text() for n in range(editor.lessons.rowCount())] == ["35", "35"]

    type_into(qtbot, editor.form.widgets["start_time"], "09:00")
    type_into(qtbot, editor.form.widgets["end_time"], "09:30")
    warning = editor.form.error("end_time")
    assert "70 minutes" in warning and "30" in warning
    assert editor.focusWidget() is editor.form.widgets["end_time"]  # the warning did not move the cursor
    type_into(qtbot, editor.form.widgets["end_time"], "10:30")
    assert editor.form.error("end_time") == ""
    editor.lessons.item(1, 2).setText("60")  # 95 minutes in a 90-minute visit
    assert "95 minutes" in editor.form.error("end_time")


def test_the_plan_editor_names_the_student(qtbot, school, make_session, english):
    from app.ui.editors.plan_editor import PlanEditor

    session = make_session(school.t1, ThreadRunner())
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()  # a window of its own, as the editors open
    qtbot.waitUntil(lambda: "S001 小明" in editor.title.text(), timeout=5000)
    assert "Plan for 2026-12" in editor.title.text()
    assert "S001 小明" in editor.windowTitle()
