"""Monthly plans end to end: the teacher writes and submits, the office approves or returns, the teacher resubmits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ieps, plans
from app.services.errors import PermissionDenied
from tests.ui.editors_helpers import press_save
from tests.ui.helpers import wait_idle

MONTH = "2026-12"


@pytest.fixture
def iep_objective(school):
    """The student's IEP with one goal and objective, written by the teacher."""
    t1 = school.as_(school.t1)
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    goal = ieps.add_goal(t1, iep.id, "生活自理", "能独立完成简单的生活自理")
    return ieps.add_objective(t1, goal, {"text": "能自己用勺子吃饭"})


def write_plan(qtbot, session, student_id):
    from app.ui.editors.plan_editor import PlanEditor

    editor = PlanEditor(session, student_id, MONTH)
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    return editor


def test_teacher_writes_submits_office_approves(qtbot, school, make_session, iep_objective):
    from app.ui.pages.plans_queue import PlanQueue

    teacher = make_session(school.t1)
    editor = write_plan(qtbot, teacher, school.students[0])
    assert editor.detail is None and editor.objectives.count() == 1
    qtbot.mouseClick(editor.add_visit, Qt.MouseButton.LeftButton)
    table = editor.visits
    for column, text in enumerate(("2026-12-03", "09:00-10:30", "2", "生活语文", "认识水果\n用勺子吃饭")):
        table.item(0, column).setText(text)
    editor.objectives.item(0).setCheckState(Qt.CheckState.Checked)  # for the selected (first) visit only
    qtbot.mouseClick(editor.add_visit, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, teacher)
    assert editor.objectives.item(0).checkState() == Qt.CheckState.Unchecked  # the new visit has none yet
    for column, text in enumerate(("2026-12-10", "", "2", "生活数学", "数一数")):
        table.item(1, column).setText(text)
    editor.form.widgets["materials"].insertPlainText("水果卡片")
    wait_idle(qtbot, teacher)
    assert editor.is_dirty()
    press_save(qtbot, editor, editor.form.widgets["materials"])
    wait_idle(qtbot, teacher)
    assert not editor.is_dirty() and editor.detail.status == "draft"
    assert editor.submit_button.isEnabled()
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, teacher)
    assert editor.detail.status == "submitted"
    stored = plans.get_plan(teacher.ctx, editor.detail.id)
    assert [c.content for c in stored.visits[0].content] == ["认识水果", "用勺子吃饭"]
    assert stored.objective_ids == (iep_objective,)
    assert stored.visits[0].content[0].objective_ids == (iep_objective,)
    assert stored.visits[1].content[0].objective_ids == ()

    # A teacher opening the queue sees no decision buttons, and the service refuses anyway.
    as_teacher = PlanQueue(teacher)
    qtbot.addWidget(as_teacher)
    as_teacher.open_plan(stored.id)
    wait_idle(qtbot, teacher)
    assert not as_teacher.approve_button.isVisible() and not as_teacher.approve_button.isEnabled()
    with pytest.raises(PermissionDenied):
        plans.decide_plan(teacher.ctx, stored.id, stored.plan_revision, True)

    office = make_session(school.office)
    queue = PlanQueue(office)
    qtbot.addWidget(queue)
    queue.show()
    wait_idle(qtbot, office)
    assert queue.table.rowCount() == 1
    assert "认识水果" in queue.plan_view.toPlainText() and "能自己用勺子吃饭" in queue.iep_view.toPlainText()
    assert queue.approve_button.isEnabled()
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, office)
    assert plans.get_plan(office.ctx, stored.id).is_approved
    assert queue.table.rowCount() == 0
    history = plans.plan_history(office.ctx, stored.id)
    assert [(h.number, h.decision) for h in history] == [(1, "approved")]


def test_returned_plan_comment_edit_resubmit(qtbot, school, make_session, iep_objective):
    from app.ui.pages.plans_queue import PlanQueue

    teacher = make_session(school.t1)
    detail = plans.save_plan(
        teacher.ctx, school.students[0], MONTH, {"visits": [{"date": "2026-12-03", "lessons": 2}]}
    )
    plans.submit_plan(teacher.ctx, detail.id)

    office = make_session(school.office)
    queue = PlanQueue(office)
    qtbot.addWidget(queue)
    queue.show()
    wait_idle(qtbot, office)
    qtbot.mouseClick(queue.return_button, Qt.MouseButton.LeftButton)  # no comment yet: refused, says why
    wait_idle(qtbot, office)
    assert queue.message.text() and plans.get_plan(office.ctx, detail.id).status == "submitted"
    queue.comment.setPlainText("请写明每课时的内容")
    qtbot.mouseClick(queue.return_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, office)
    assert plans.get_plan(office.ctx, detail.id).status == "returned"

    editor = write_plan(qtbot, teacher, school.students[0])
    assert not editor.comment.isHidden() and "请写明每课时的内容" in editor.comment.text()
    assert editor.submit_button.text().replace("&", "") == "Resubmit"
    editor.visits.item(0, 4).setText("认识水果")
    qtbot.mouseClick(editor.submit_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, teacher)
    assert editor.detail.status == "resubmitted"
    lines = [editor.history.item(i).text() for i in range(editor.history.count())]
    assert len(lines) == 2 and "Returned" in lines[0] and "请写明每课时的内容" in lines[0]

    queue.refresh()
    wait_idle(qtbot, office)
    assert queue.table.rowCount() == 1 and "认识水果" in queue.plan_view.toPlainText()
    qtbot.mouseClick(queue.approve_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, office)
    assert plans.get_plan(office.ctx, detail.id).is_approved


def test_office_never_decides_own_plan_buttons():
    """The office cannot author plans through the services, so the own-plan rule is checked on the button logic."""
    from types import SimpleNamespace

    from app.ui.pages.plans_queue import may_decide

    office = SimpleNamespace(id="o1", role="academic_affairs")
    assert may_decide(office, SimpleNamespace(teacher_id="t1", status="submitted"))
    assert not may_decide(office, SimpleNamespace(teacher_id="o1", status="submitted"))
    assert not may_decide(
        SimpleNamespace(id="t2", role="teacher"), SimpleNamespace(teacher_id="t1", status="submitted")
    )
