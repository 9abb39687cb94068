"""Visit records as the teacher: from the planned visit, sign on the pad, finish (locks), amend; cancel + make-up."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from app.services import attachments, ieps, plans, visits
from tests.ui.editors_helpers import press_save
from tests.ui.helpers import wait_idle


def approved_plan(school):
    t1, office = school.as_(school.t1), school.as_(school.office)
    student = school.students[0]
    iep = ieps.get_or_create_iep(t1, student, school.term.id)
    goal = ieps.add_goal(t1, iep.id, "生活自理", "能独立进餐")
    objective = ieps.add_objective(t1, goal, {"text": "能用勺子舀起食物"})
    plan = plans.save_plan(
        t1,
        student,
        "2026-11",
        {
            "objective_ids": [objective],
            "visits": [
                {
                    "date": "2026-11-18",
                    "time_slot": "09:00-10:30",
                    "lessons": 2,
                    "content": [
                        {"subject": "生活适应", "content": "用勺子吃饭", "objective_ids": [objective]}
                    ],
                }
            ],
        },
    )
    plan = plans.submit_plan(t1, plan.id)
    plan = plans.decide_plan(office, plan.id, plan.plan_revision, True)
    return plan, objective


def sign(pad) -> None:
    """A caregiver's scrawl, dragged with the mouse."""
    points = [(40, 90), (70, 60), (100, 110), (130, 60), (160, 100), (200, 80)]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[0]))
    for x, y in points[1:]:
        QTest.mouseMove(pad, QPoint(x, y))
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(*points[-1]))


def test_record_from_planned_visit_sign_finish_amend(qtbot, school, make_session):
    from app.ui.editors.visit_editor import VisitEditor, start_from_planned

    plan, objective = approved_plan(school)
    session = make_session(school.t1)
    visit = start_from_planned(session.ctx, school.students[0], plan.visits[0].id)
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    editor.resize(900, 1200)
    editor.show()
    # Prefilled from the approved plan.
    wait_idle(qtbot, session)
    assert editor.form.value("date") == "2026-11-18" and editor.form.value("start_time") == "09:00"
    assert editor.lessons.rowCount() == 2 and editor.lessons.item(0, 1).text() == "用勺子吃饭"
    assert editor.progress.rowCount() == 1
    assert "No approved plan" not in editor.flags.text()  # started from the approved plan

    names = {editor.teachers.item(i).text(): editor.teachers.item(i) for i in range(editor.teachers.count())}
    assert names["张老师"].checkState() == Qt.CheckState.Checked  # the recorder is present by default
    names["陈老师"].setCheckState(Qt.CheckState.Checked)  # a co-teacher came along
    editor.form.widgets["place"].setText("学生家中")
    editor.lessons.item(1, 1).setText("认识水果")
    editor.progress.set_result(0, "2")
    editor.notes.widgets["family_guidance"].setPlainText("每天练习用勺子")
    editor.notes.widgets["homework"].setPlainText("饭前洗手")
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    assert not editor.pad.is_empty() and editor.is_dirty()
    press_save(qtbot, editor, editor.form.widgets["place"])
    wait_idle(qtbot, session)
    assert not editor.is_dirty()
    saved = visits.get_visit(session.ctx, visit.id)
    assert saved.values["place"] == "学生家中" and saved.signature_id
    assert sorted(saved.values["teacher_ids"]) == sorted([school.t1.id, school.t2.id])
    assert [p.result for p in saved.progress] == ["2"]
    mime, png = attachments.fetch_bytes(session.ctx, saved.signature_id)
    assert mime == "image/png" and png.startswith(b"\x89PNG")

    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert editor.detail.status == "done"
    assert not editor.form.widgets["place"].isEnabled() and editor.pad.is_read_only()
    assert editor.amend_button.isVisible() and not editor.finish_button.isVisible()

    # A correction after finishing is an amendment with a reason; the original value is kept.
    qtbot.mouseClick(editor.amend_button, Qt.MouseButton.LeftButton)
    editor.notes.widgets["homework"].setPlainText("饭前洗手，饭后擦嘴")
    editor.save()
    dialog = editor.dialog
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)  # no reason: refused beside the field
    wait_idle(qtbot, session)
    assert dialog.isVisible() and dialog.form.error("reason")
    dialog.form.set_value("reason", "家长补充了作业要求")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert not dialog.isVisible()
    amended = visits.get_visit(session.ctx, visit.id)
    assert amended.values["homework"] == "饭前洗手，饭后擦嘴"
    assert [(a.field, a.old_value, a.reason) for a in amended.amendments] == [
        ("homework", "饭前洗手", "家长补充了作业要求")
    ]
    wait_idle(qtbot, session)
    assert "家长补充了作业要求" in editor.amendments.text()


def test_cancel_with_reason_and_schedule_makeup(qtbot, school, make_session):
    from app.ui.editors.visit_editor import VisitEditor

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-17"})
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    # No plan for November, but the flag is for finished visits only (plans.lacks_approved_plan): a planned
    # visit shows no flag at all, and it says so before anything else is checked.
    assert editor.detail.status == "planned" and editor.flags.text() == ""
    qtbot.mouseClick(editor.cancel_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    dialog.form.set_value("cause", "school")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert dialog.isVisible() and dialog.form.error("reason")
    dialog.form.set_value("reason", "教师生病")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert editor.detail.status == "cancelled" and "教师生病" in editor.flags.text()
    assert editor.makeup_button.isVisible() and not editor.cancel_button.isVisible()

    made = []
    editor.makeup_created.connect(made.append)
    qtbot.mouseClick(editor.makeup_button, Qt.MouseButton.LeftButton)
    dialog = editor.dialog
    dialog.form.set_value("date", "2026-11-16")  # before the cancelled visit: refused beside the date
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert dialog.form.error("date")
    dialog.form.set_value("date", "2026-11-19")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert len(made) == 1 and made[0].makeup_of_id == visit.id and made[0].status == "planned"
    makeup_editor = VisitEditor(session, made[0].id)
    qtbot.addWidget(makeup_editor)
    wait_idle(qtbot, session)
    assert "Make-up" in makeup_editor.flags.text()
