"""The approval queue on the real worker thread: after a decision the next waiting plan shows with its IEP."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import ieps, plans
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)


def submitted_plans(school) -> list[str]:
    """Two students' December plans waiting, each student with an IEP goal of its own to tell them apart."""
    t1 = school.as_(school.t1)
    ids = []
    for student, (goal, content) in zip(
        school.students[:2], (("能独立洗手", "认识水果"), ("能自己穿鞋", "数一数")), strict=True
    ):
        iep = ieps.get_or_create_iep(t1, student, school.term.id)
        ieps.add_goal(t1, iep.id, "生活自理", goal)
        detail = plans.save_plan(
            t1,
            student,
            "2026-12",
            {
                "visits": [
                    {
                        "date": "2026-12-03",
                        "lessons": 2,
                        "content": [{"subject": "生活语文", "content": content}],
                    }
                ]
            },
        )
        plans.submit_plan(t1, detail.id)
        ids.append(detail.id)
    return ids


def open_queue(qtbot, make_session, school):
    from app.ui.pages.plans_queue import PlanQueue

    office = make_session(school.office, ThreadRunner())
    queue = PlanQueue(office)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitUntil(lambda: queue.plan is not None and queue.approve_button.isEnabled(), timeout=5000)
    return office, queue


def shows(queue, plan_id: str, content: str, goal: str) -> bool:
    return (
        queue.plan is not None
        and queue.plan.id == plan_id
        and content in queue.plan_view.toPlainText()
        and goal in queue.iep_view.toPlainText()
        and queue.approve_button.isEnabled()
    )


def test_approve_shows_the_next_plan_with_its_iep_and_approves_it(qtbot, school, make_session, english):
    first, second = submitted_plans(school)
    office, queue = open_queue(qtbot, make_session, school)
    assert shows(queue, first, "认识水果", "能独立洗手")

    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: queue.table.rowCount() == 1 and shows(queue, second, "数一数", "能自己穿鞋"), timeout=5000
    )
    assert queue.table.currentRow() == 0
    assert plans.get_plan(office.ctx, first).is_approved

    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)  # the second plan, not the first again
    qtbot.waitUntil(lambda: queue.table.rowCount() == 0, timeout=5000)
    qtbot.waitUntil(lambda: queue.plan is None, timeout=5000)
    assert plans.get_plan(office.ctx, second).is_approved
    assert queue.message.text() == ""  # no "not waiting" refusal on the way
    assert not queue.approve_button.isEnabled()


def test_return_shows_the_next_plan_with_its_iep(qtbot, school, make_session, english):
    first, second = submitted_plans(school)
    office, queue = open_queue(qtbot, make_session, school)
    queue.comment.insertPlainText("请写明每课时的目标")  # QTest types Latin-1 only; Chinese comes from an IME
    qtbot.mouseClick(queue.return_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: queue.table.rowCount() == 1 and shows(queue, second, "数一数", "能自己穿鞋"), timeout=5000
    )
    assert plans.get_plan(office.ctx, first).status == "returned"
    assert queue.comment.toPlainText() == ""
