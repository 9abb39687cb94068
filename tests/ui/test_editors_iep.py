"""The IEP editor as a teacher: create the term's IEP, add a goal from the goal bank, set an objective, save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTableWidgetItem

from app.services import ieps
from tests.ui.editors_helpers import dialog_of, press_save
from tests.ui.helpers import wait_idle


def test_teacher_writes_goal_from_goal_bank(qtbot, school, make_session):
    ieps.seed_goal_bank(school.as_(school.office))
    from app.ui.editors.iep_editor import IepEditor

    session = make_session(school.t1)
    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    assert editor.create_button.isVisible()
    qtbot.mouseClick(editor.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert editor.detail is not None and editor.detail.status == "draft"

    panel = editor.goals
    editor.tabs.setCurrentWidget(panel)
    qtbot.mouseClick(panel.from_bank, Qt.MouseButton.LeftButton)
    picker = dialog_of(panel)
    picker.domain.setCurrentIndex(picker.domain.findData("生活自理"))
    wait_idle(qtbot, session)
    assert picker.tree.topLevelItemCount() >= 1
    chosen = picker.selected_goal_id()
    wait_idle(qtbot, session)
    bank_goal = next(g for g in ieps.list_goal_bank(session.ctx) if g.id == chosen)
    qtbot.mouseClick(picker.ok_button, Qt.MouseButton.LeftButton)

    wait_idle(qtbot, session)
    detail = ieps.get_iep(session.ctx, editor.detail.id)
    assert [g.text for g in detail.goals] == [bank_goal.text]
    assert [o.text for o in detail.goals[0].objectives] == [o.text for o in bank_goal.objectives]
    assert panel.tree.topLevelItemCount() == 1

    # Edit the first objective: a wrong date shows next to its field, then a good one saves.
    objective = detail.goals[0].objectives[0]
    panel.select(objective.id)
    qtbot.mouseClick(panel.edit, Qt.MouseButton.LeftButton)
    dialog = dialog_of(panel)
    dialog.form.set_value("start_date", "2026-13-01")
    dialog.form.set_value("criterion", "连续3次独立完成")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert dialog.isVisible() and dialog.form.error("start_date")
    dialog.form.set_value("start_date", "2026-11-01")
    dialog.form.set_value("end_date", "2026-12-31")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert not dialog.isVisible()
    saved = ieps.get_iep(session.ctx, editor.detail.id).goals[0].objectives[0]
    assert saved.criterion == "连续3次独立完成" and saved.start_date.isoformat() == "2026-11-01"

    # The main form: type, Ctrl+S saves, scores too.
    editor.tabs.setCurrentWidget(editor.level_form)
    strengths = editor.level_form.widgets["strengths"]
    strengths.setFocus()
    QTest.keyClicks(strengths, "likes music ")  # QTest types ASCII only; Chinese arrives via the input method
    strengths.insertPlainText("喜欢音乐")
    wait_idle(qtbot, session)
    assert editor.is_dirty()
    editor.scores.setItem(6, 0, QTableWidgetItem("12"))
    editor.scores.setItem(6, 1, QTableWidgetItem("40"))
    press_save(qtbot, editor, strengths)
    wait_idle(qtbot, session)
    assert not editor.is_dirty(), editor.banner.label.text()
    stored = ieps.get_iep(session.ctx, editor.detail.id)
    assert stored.values["strengths"] == "likes music 喜欢音乐"
    assert [(s.domain, s.score, s.max_score) for s in stored.scores] == [("生活自理", 12.0, 40.0)]


def test_bad_field_shows_error_beside_it_and_second_window_is_told(qtbot, school, make_session):
    from app.ui.editors.iep_editor import IepEditor

    session = make_session(school.t1)
    first = IepEditor(session, school.students[0])
    qtbot.addWidget(first)
    wait_idle(qtbot, session)
    first.create_iep()
    wait_idle(qtbot, session)
    second = IepEditor(session, school.students[0])
    qtbot.addWidget(second)
    wait_idle(qtbot, session)
    assert second.detail is not None and second.detail.id == first.detail.id

    first.assessment_form.set_value("assessment_date", "not a date")
    first.mark_dirty()
    first.save()
    wait_idle(qtbot, session)
    assert first.field_error("assessment_date")
    assert first.is_dirty()

    first.assessment_form.set_value("assessment_date", "2026-09-10")
    first.save()
    wait_idle(qtbot, session)
    assert not first.field_error("assessment_date") and not first.is_dirty()

    second.level_form.set_value("needs", "需要练习抓握")
    second.mark_dirty()
    second.save()
    wait_idle(qtbot, session)
    assert second.is_dirty()  # nothing was overwritten
    assert not second.banner.isHidden() and "Someone else saved" in second.banner.label.text()
    assert ieps.get_iep(session.ctx, first.detail.id).values["needs"] == ""


def test_switch_term_reads_another_terms_iep(qtbot, school, make_session):
    from app.services import school as school_service
    from app.ui.editors.iep_editor import IepEditor

    spring = school_service.save_term(
        school.as_(school.admin),
        {"name": "2027春季学期", "start": "2027-02-22", "end": "2027-07-09", "days": []},
    )
    session = make_session(school.t1)
    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    wait_idle(qtbot, session)
    editor.create_iep()
    wait_idle(qtbot, session)
    editor.level_form.set_value("strengths", "爱笑")
    editor.mark_dirty()
    editor.save()
    wait_idle(qtbot, session)
    assert editor.term.count() == 2 and editor.term.currentData() == school.term.id
    index = editor.term.findData(spring.id)
    editor.term.setCurrentIndex(index)
    editor._term_chosen(index)
    wait_idle(qtbot, session)
    assert editor.detail is None and editor.level_form.value("strengths") == ""
    assert editor.create_button.isVisibleTo(editor)


def test_teacher_shares_a_goal_with_the_bank(qtbot, school, make_session):
    from app.ui.editors.iep_editor import IepEditor

    session = make_session(school.t1)
    iep = ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)
    goal = ieps.add_goal(session.ctx, iep.id, "认知", "能按颜色分类物品")
    ieps.add_objective(session.ctx, goal, {"text": "能分出红色和蓝色积木"})
    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    wait_idle(qtbot, session)
    editor.goals.select(goal)
    qtbot.mouseClick(editor.goals.to_bank, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    shared = [g for g in ieps.list_goal_bank(session.ctx, "认知") if g.text == "能按颜色分类物品"]
    assert [[o.text for o in g.objectives] for g in shared] == [["能分出红色和蓝色积木"]]


def test_teacher_types_term_summary_on_review_tab(qtbot, school, make_session):
    from app.ui.editors.iep_editor import IepEditor

    session = make_session(school.t1)
    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    qtbot.mouseClick(editor.create_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    editor.tabs.setCurrentWidget(editor.sign_form)
    summary = editor.sign_form.widgets["teacher_summary"]
    wait_idle(qtbot, session)
    assert summary.isEnabled()
    summary.setFocus()
    QTest.keyClicks(summary, "Good term. ")
    summary.insertPlainText("进步明显")
    wait_idle(qtbot, session)
    assert editor.is_dirty()
    press_save(qtbot, editor, summary)
    wait_idle(qtbot, session)
    assert not editor.is_dirty(), editor.banner.label.text()
    assert ieps.get_iep(session.ctx, editor.detail.id).values["teacher_summary"] == "Good term. 进步明显"

    # A fresh editor shows the stored summary.
    again = IepEditor(session, school.students[0])
    qtbot.addWidget(again)
    wait_idle(qtbot, session)
    assert again.sign_form.widgets["teacher_summary"].toPlainText() == "Good term. 进步明显"
