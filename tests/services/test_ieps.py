"""IEP service: one per student and term, goals and objectives, reviews, goal bank; refusals change nothing."""

from __future__ import annotations

import pytest

from app.services import ieps
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from app.services.school import save_term


@pytest.fixture
def iep(school):
    return ieps.get_or_create_iep(school.as_(school.t1), school.students[0], school.term.id)


def test_one_iep_per_student_and_term(school, iep):
    again = ieps.get_or_create_iep(school.as_(school.t1), school.students[0], school.term.id)
    assert again.id == iep.id and again.status == "draft"
    assert [s.id for s in ieps.list_ieps(school.as_(school.office), school.students[0])] == [iep.id]
    assert ieps.find_iep(school.as_(school.t1), school.students[1], school.term.id) is None


def test_teacher_of_another_student_is_refused(school, iep):
    with pytest.raises(NotFound):
        ieps.get_iep(school.as_(school.t2), iep.id)
    with pytest.raises(NotFound):
        ieps.update_iep(school.as_(school.t2), iep.id, {"strengths": "x"})
    with pytest.raises(PermissionDenied):
        ieps.update_iep(school.as_(school.leader), iep.id, {"strengths": "x"})
    assert ieps.get_iep(school.as_(school.t1), iep.id).values["strengths"] == ""


def test_fields_scores_goals_objectives_reviews(school, iep):
    ctx = school.as_(school.t1)
    detail = ieps.update_iep(
        ctx,
        iep.id,
        {
            "assessment_tool": "培智评估量表",
            "assessment_date": "2026-09-10",
            "strengths": "喜欢音乐",
            "subjects": ["生活语文", "康复训练"],
            "visits_per_week": 1,
            "lessons_per_visit": 2,
        },
    )
    assert detail.values["subjects"] == ["生活语文", "康复训练"] and detail.revision == 2
    ieps.set_scores(
        ctx,
        iep.id,
        [
            {"domain": "认知", "score": 12, "max_score": 40},
            {"domain": "感知觉", "score": 20, "max_score": 40},
        ],
    )
    goal = ieps.add_goal(ctx, iep.id, "生活自理", "提高进食能力")
    o1 = ieps.add_objective(
        ctx,
        goal,
        {
            "text": "能用勺子进食",
            "start_date": "2026-09-15",
            "end_date": "2026-10-30",
            "criterion": "5次中4次",
            "method": "O",
        },
    )
    o2 = ieps.add_objective(ctx, goal, {"text": "能用杯子喝水", "method": "P"})
    ieps.reorder_objectives(ctx, goal, [o2, o1])
    ieps.add_review(ctx, o1, "2026-10-30", "p", "独立完成")
    detail = ieps.get_iep(ctx, iep.id)
    assert [s.domain for s in detail.scores] == ["感知觉", "认知"]
    objectives = detail.goals[0].objectives
    assert [o.id for o in objectives] == [o2, o1]
    assert objectives[1].latest_result == "P" and objectives[0].latest_result is None


def test_bad_input_refused_and_nothing_changed(school, iep):
    ctx = school.as_(school.t1)
    goal = ieps.add_goal(ctx, iep.id, "认知", "认识颜色")
    cases = [
        (lambda: ieps.update_iep(ctx, iep.id, {"subjects": ["数学"]}), "subjects"),
        (lambda: ieps.update_iep(ctx, iep.id, {"assessment_date": "2001-01-01"}), "assessment_date"),
        (lambda: ieps.add_goal(ctx, iep.id, "飞行", "x"), "domain"),
        (lambda: ieps.add_objective(ctx, goal, {"text": "x", "method": "Z"}), "method"),
        (
            lambda: ieps.add_objective(
                ctx, goal, {"text": "x", "start_date": "2026-10-01", "end_date": "2026-09-01"}
            ),
            "end_date",
        ),
        (lambda: ieps.add_objective(ctx, goal, {"text": "x", "end_date": "2030-01-01"}), "end_date"),
        (lambda: ieps.set_scores(ctx, iep.id, [{"domain": "认知", "score": 50, "max_score": 40}]), "score"),
    ]
    for call, field in cases:
        with pytest.raises(ValidationError) as error:
            call()
        assert error.value.field == field
    objective = ieps.add_objective(ctx, goal, {"text": "能指认红色"})
    with pytest.raises(ValidationError):
        ieps.add_review(ctx, objective, "2026-11-21", "P")  # tomorrow
    with pytest.raises(ValidationError):
        ieps.add_review(ctx, objective, "2026-11-01", "X")
    detail = ieps.get_iep(ctx, iep.id)
    assert detail.values["subjects"] == [] and detail.scores == ()
    assert [len(g.objectives) for g in detail.goals] == [1]
    assert detail.goals[0].objectives[0].reviews == ()


def test_status_flow_and_archived_is_read_only(school, iep):
    ctx = school.as_(school.t1)
    with pytest.raises(ConflictError):
        ieps.set_status(ctx, iep.id, "reviewed")
    ieps.set_status(ctx, iep.id, "active")
    ieps.set_status(ctx, iep.id, "reviewed")
    with pytest.raises(PermissionDenied):
        ieps.set_status(ctx, iep.id, "archived")
    ieps.set_status(school.as_(school.office), iep.id, "archived")
    with pytest.raises(ConflictError):
        ieps.add_goal(ctx, iep.id, "认知", "x")
    assert ieps.get_iep(ctx, iep.id).goals == ()


def test_delete_goal_and_reorder(school, iep):
    ctx = school.as_(school.t1)
    a = ieps.add_goal(ctx, iep.id, "认知", "A")
    b = ieps.add_goal(ctx, iep.id, "认知", "B")
    ieps.reorder_goals(ctx, iep.id, [b, a])
    assert [g.text for g in ieps.get_iep(ctx, iep.id).goals] == ["B", "A"]
    with pytest.raises(ValidationError):
        ieps.reorder_goals(ctx, iep.id, [b])
    ieps.delete_goal(ctx, b)
    assert [g.text for g in ieps.get_iep(ctx, iep.id).goals] == ["A"]


def test_goal_bank_seed_and_use(school, iep):
    office = school.as_(school.office)
    # The school was set up with the shipped bank; seeding again adds nothing (idempotent by text).
    assert len(ieps.list_goal_bank(office)) == 14
    assert ieps.seed_goal_bank(office) == 0
    texts = [g.text for g in ieps.list_goal_bank(office)]
    assert "学习汉语拼音" in texts and "认识常用汉字100个，会写50个" in texts
    assert any("普通话" in t for t in texts) and any(
        "生活自理" in g.domain for g in ieps.list_goal_bank(office)
    )
    self_care = ieps.list_goal_bank(office, "生活自理")
    assert {g.domain for g in self_care} == {"生活自理"} and self_care[0].objectives
    t1 = school.as_(school.t1)
    goal_id = ieps.add_goal_from_bank(t1, iep.id, self_care[0].id)
    goal = ieps.get_iep(t1, iep.id).goals[0]
    assert goal.id == goal_id and [o.text for o in goal.objectives] == [
        o.text for o in self_care[0].objectives
    ]
    mine = ieps.add_bank_item(t1, "认知", "认识形状")
    ieps.add_bank_item(t1, "认知", "能指认圆形", parent_id=mine)
    with pytest.raises(PermissionDenied):
        ieps.remove_bank_item(school.as_(school.t2), mine)
    with pytest.raises(PermissionDenied):
        ieps.seed_goal_bank(t1)
    ieps.remove_bank_item(t1, mine)
    assert "认识形状" not in [g.text for g in ieps.list_goal_bank(t1, "认知")]


def test_teacher_summary_kept_in_extra(school, iep):
    ctx = school.as_(school.t1)
    assert iep.values["teacher_summary"] == ""
    detail = ieps.update_iep(ctx, iep.id, {"teacher_summary": "  本学期进步明显。 ", "strengths": "爱笑"})
    assert detail.values["teacher_summary"] == "本学期进步明显。" and detail.values["strengths"] == "爱笑"
    assert ieps.get_iep(school.as_(school.office), iep.id).values["teacher_summary"] == "本学期进步明显。"
    # Other fields saved later leave the summary alone.
    ieps.update_iep(ctx, iep.id, {"needs": "精细动作"})
    assert ieps.get_iep(ctx, iep.id).values["teacher_summary"] == "本学期进步明显。"
    with pytest.raises(ValidationError) as error:
        ieps.update_iep(ctx, iep.id, {"teacher_summary": "字" * 4001})
    assert error.value.field == "teacher_summary"
    with pytest.raises(NotFound):
        ieps.update_iep(school.as_(school.t2), iep.id, {"teacher_summary": "x"})
    with pytest.raises(PermissionDenied):
        ieps.update_iep(school.as_(school.leader), iep.id, {"teacher_summary": "x"})
    term = school.term
    save_term(
        school.as_(school.office),
        {"name": term.name, "start": term.start, "end": term.end, "locked": True},
        term.id,
    )
    with pytest.raises(ConflictError) as conflict:
        ieps.update_iep(ctx, iep.id, {"teacher_summary": "x"})
    assert conflict.value.message_id == "term.locked"
    assert ieps.get_iep(ctx, iep.id).values["teacher_summary"] == "本学期进步明显。"
