"""The short ways through (issue 9): copy last month's plan, visit from the plan, approve in a row.

Buttons are pressed with qtbot.mouseClick on the real ThreadRunner, as a person uses the app.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from app.services import ieps, plans, visits
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)


@pytest.fixture
def objective(school):
    t1 = school.as_(school.t1)
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    goal = ieps.add_goal(t1, iep.id, "生活自理", "能独立完成简单的生活自理")
    return ieps.add_objective(t1, goal, {"text": "能自己用勺子吃饭"})


def approved_plan(school, student_id, month, days, objective, teacher=None):
    """A plan with a visit on each of ``days`` (two lessons of different subjects), submitted and approved."""
    author = school.as_(teacher or school.t1)
    visits = [
        {
            "date": day,
            "time_slot": "09:00-10:30",
            "lessons": 2,
            "content": [
                {"subject": "生活语文", "content": "认识水果", "objective_ids": [objective]},
                {"subject": "生活适应", "content": "用勺子吃饭", "objective_ids": [objective]},
            ],
        }
        for day in days
    ]
    detail = plans.save_plan(
        author,
        student_id,
        month,
        {
            "visits": visits,
            "objective_ids": [objective],
            "materials": "水果卡片",
            "family_tasks": "每天练习用勺子",
        },
    )
    detail = plans.submit_plan(author, detail.id)
    return plans.decide_plan(school.as_(school.office), detail.id, detail.plan_revision, True, "")


def test_copy_last_month_fills_the_new_plan_and_submit_sends_it(qtbot, school, make_session, objective):
    from app.ui.editors.plan_editor import PlanEditor

    approved_plan(school, school.students[0], "2026-11", ["2026-11-03", "2026-11-10"], objective)
    session = make_session(school.t1, ThreadRunner())
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.frame is not None and editor.objectives.count() == 1, timeout=5000)
    assert editor.rule_warning.isVisible()  # an empty plan is short of the rule in every week
    assert editor.copy_button.isVisible()
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.visits.rowCount() > 0, timeout=5000)
    dates = [editor.visits.item(n, 0).text() for n in range(editor.visits.rowCount())]
    # Tuesdays of December, one a week as the rule needs (more than November's two), none on a holiday.
    assert dates == ["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"]
    assert editor.visits.item(0, 3).text() == "生活语文\n生活适应"
    assert not editor.rule_warning.isVisible()
    assert editor.is_dirty() and editor.form.value("materials") == "水果卡片"
    assert editor.submit_button.isEnabled()
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.detail is not None and editor.detail.status == "submitted", timeout=5000)
    stored = plans.find_plan(session.ctx, school.students[0], "2026-12")
    assert [v.date for v in stored.visits][:2] == [dt.date(2026, 12, 1), dt.date(2026, 12, 8)]
    assert [(c.subject, c.content) for c in stored.visits[0].content] == [
        ("生活语文", "认识水果"),
        ("生活适应", "用勺子吃饭"),
    ]
    assert stored.visits[0].content[0].objective_ids == (objective,)


def test_removing_a_visit_warns_that_the_rule_is_not_met(qtbot, school, make_session, objective):
    from app.ui.editors.plan_editor import PlanEditor

    approved_plan(school, school.students[0], "2026-11", ["2026-11-03"], objective)
    session = make_session(school.t1, ThreadRunner())
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.frame is not None, timeout=5000)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.visits.rowCount() == 5, timeout=5000)
    assert not editor.rule_warning.isVisible()
    editor.visits.setCurrentCell(2, 0)
    qtbot.mouseClick(editor.remove_visit, Qt.MouseButton.LeftButton)
    assert editor.rule_warning.isVisible()
    assert "2026年12月14日" in editor.rule_warning.text() or "2026-12-14" in editor.rule_warning.text()


def test_copy_without_a_plan_last_month_says_so_and_changes_nothing(qtbot, school, make_session, objective):
    from app.ui.editors.plan_editor import PlanEditor

    session = make_session(school.t1, ThreadRunner())
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.frame is not None, timeout=5000)
    qtbot.mouseClick(editor.copy_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.banner.isVisible, timeout=5000)
    assert editor.visits.rowCount() == 0 and not editor.is_dirty()
    assert plans.find_plan(session.ctx, school.students[0], "2026-12") is None


def finished_visit(school, student_id, day):
    t1 = school.as_(school.t1)
    lessons = [
        {"subject": "康复训练", "content": "手部抓握", "minutes": 30},
        {"subject": "生活语文", "content": "认读名字", "minutes": 30},
    ]
    visit = visits.create_visit(
        t1,
        student_id,
        {
            "date": day,
            "place": "家中",
            "caregivers_present": "奶奶",
            "lessons": lessons,
            "start_time": "09:00",
            "end_time": "10:10",
        },
    )
    return visits.finish_visit(t1, visit.id)


def test_visit_from_the_plan_opens_prefilled_and_as_last_visit_copies_lessons(
    qtbot, school, make_session, objective
):
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.student_tabs import VisitsTab

    t2 = school.t2
    finished_visit(school, school.students[0], "2026-11-02")
    plan = approved_plan(
        school, school.students[0], "2026-11", ["2026-11-10", "2026-11-17", "2026-11-24"], objective
    )
    plans.save_plan(
        school.as_(school.t1), school.students[0], "2026-11", {"co_teacher_ids": [t2.id]}, plan.revision
    )
    plan = plans.find_plan(school.ctx, school.students[0], "2026-11")
    session = make_session(school.t1, ThreadRunner())
    tab = VisitsTab(session, school.students[0])
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.planned.count() == 3, timeout=5000)
    # Today is 2026-11-20: the visit of the 17th (just made) is offered, not the older one or the next.
    assert tab.planned.currentData() == plan.visits[1].id
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: isinstance(tab.editor, VisitEditor) and tab.editor.detail is not None, timeout=5000
    )
    editor = tab.editor
    qtbot.addWidget(editor)
    assert editor.form.value("date") == "2026-11-17"
    assert (editor.form.value("start_time"), editor.form.value("end_time")) == ("09:00", "10:30")
    assert editor.form.value("place") == "家中" and editor.form.value("caregivers_present") == "奶奶"
    assert editor.notes.value("homework") == "每天练习用勺子"
    assert editor.notes.value("next_visit_on") == "2026-11-24"
    from app.ui.widgets.check_list import checked_keys

    assert sorted(checked_keys(editor.teachers)) == sorted([school.t1.id, t2.id])
    assert [(x["subject"], x["content"], x["objective_ids"]) for x in editor.lessons.lessons()] == [
        ("生活语文", "认识水果", [objective]),
        ("生活适应", "用勺子吃饭", [objective]),
    ]
    qtbot.mouseClick(editor.as_last, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.lessons.lessons()[0]["subject"] == "康复训练", timeout=5000)
    assert [x["content"] for x in editor.lessons.lessons()] == ["手部抓握", "认读名字"]
    assert editor.is_dirty()


def submitted_plans(school, objective, count):
    """``count`` plans waiting (students 0 and 1 are t1's), one month each."""
    t1 = school.as_(school.t1)
    result = []
    for n in range(count):
        student = school.students[n % 2]
        month = f"2026-{10 + n // 2:02d}"
        detail = plans.save_plan(t1, student, month, {"visits": [{"date": f"{month}-20", "lessons": 2}]})
        result.append(plans.submit_plan(t1, detail.id))
    return result


def test_office_approves_and_the_next_plan_opens_with_its_iep_count_in_the_navigation(
    qtbot, school, make_window, objective
):
    waiting = submitted_plans(school, objective, 3)
    window = make_window(school.office, ThreadRunner())
    plans_row = next(r for r, s in enumerate(window.specs) if s.key == "plans")
    qtbot.waitUntil(lambda: window.nav.item(plans_row).text().endswith("(3)"), timeout=5000)
    window.show_page("plans")
    queue = window.pages["plans"].queue
    qtbot.waitUntil(lambda: queue.plan is not None, timeout=5000)
    first = queue.plan.id
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    # The next plan is shown at once (the row under the selection changed, the current cell did not).
    qtbot.waitUntil(lambda: queue.plan is not None and queue.plan.id != first, timeout=5000)
    assert queue.plan.id == queue._rows[queue.table.currentRow()].id
    assert queue.iep_view.toPlainText()  # its IEP beside it
    assert plans.get_plan(school.ctx, first).is_approved
    qtbot.waitUntil(lambda: window.nav.item(plans_row).text().endswith("(2)"), timeout=5000)
    second = queue.plan.id
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: queue.plan is not None and queue.plan.id not in (first, second), timeout=5000)
    assert plans.get_plan(school.ctx, second).is_approved
    assert {p.id for p in waiting} - {first, second} == {queue.plan.id}


def test_several_read_plans_are_approved_with_one_button_unread_ones_refused(
    qtbot, school, make_window, objective
):
    from PySide6.QtTest import QTest

    submitted_plans(school, objective, 3)
    window = make_window(school.office, ThreadRunner())
    queue = window.show_page("plans").queue
    qtbot.waitUntil(lambda: queue.plan is not None and len(queue._rows) == 3, timeout=5000)
    table = queue.table

    def ctrl_click(row):
        centre = table.visualRect(table.model().index(row, 0)).center()
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier, centre
        )

    # Shift+click selects all three, but only the first was read: nothing is approved.
    centre = table.visualRect(table.model().index(2, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, centre)
    qtbot.waitUntil(lambda: queue.plan is not None and queue.plan.id == queue._rows[2].id, timeout=5000)
    assert len(queue.selected_rows()) == 3
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    assert queue.message.text() and len(plans.office_queue(school.as_(school.office))) == 3
    ctrl_click(1)  # reading the middle one (ctrl+click toggles it off; again to select and open it)
    ctrl_click(1)
    qtbot.waitUntil(lambda: queue.plan is not None and queue.plan.id == queue._rows[1].id, timeout=5000)
    assert len(queue.selected_rows()) == 3 and "3" in queue.approve_button.text()
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not queue._rows, timeout=5000)
    assert plans.office_queue(school.as_(school.office)) == []


def test_a_planned_visits_lessons_are_typed_one_line_each_in_the_cell(qtbot, school, make_session, objective):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    from app.ui.editors.plan_editor import PlanEditor

    session = make_session(school.t1)
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    qtbot.mouseClick(editor.add_visit, Qt.MouseButton.LeftButton)
    table = editor.visits
    centre = table.visualRect(table.model().index(0, 4)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    box = table.viewport().findChild(QPlainTextEdit)  # the cell's editor (focus needs an active window)
    assert isinstance(box, QPlainTextEdit) and box.isVisible()
    QTest.keyClicks(box, "count")
    QTest.keyClick(box, Qt.Key.Key_Return)  # a new line, not the end of editing
    QTest.keyClicks(box, "sort")
    QTest.keyClick(box, Qt.Key.Key_Tab)
    assert table.item(0, 4).text() == "count\nsort"
    assert [len(v["content"]) for v in editor.values()["visits"]] == [2]
