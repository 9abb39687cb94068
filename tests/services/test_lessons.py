"""Lesson plans: own library, shared templates, copies, links from visit lessons."""

from __future__ import annotations

import pytest

from app.services import ieps, lessons, visits
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

PLAN = {
    "title": "认识单韵母",
    "subject": "生活语文",
    "minutes": 35,
    "key_points": "a o e 的发音",
    "process": {
        "导入": "唱拼音歌",
        "新授": "出示卡片",
        "练习": "指认",
        "小结": "复习",
        "家庭延伸": "每天读三遍",
    },
}


def test_crud_and_visibility(school):
    t1, t2 = school.as_(school.t1), school.as_(school.t2)
    plan = lessons.create_lesson_plan(t1, {**PLAN, "student_id": school.students[0], "date": "2026-11-18"})
    assert plan.teacher_id == school.t1.id and plan.process["导入"] == "唱拼音歌"
    updated = lessons.update_lesson_plan(t1, plan.id, {"reflection": "孩子注意力好"}, expected_revision=1)
    assert updated.reflection == "孩子注意力好" and updated.revision == 2
    with pytest.raises(ConflictError):
        lessons.update_lesson_plan(t1, plan.id, {"reflection": "x"}, expected_revision=1)
    with pytest.raises(NotFound):
        lessons.get_lesson_plan(t2, plan.id)
    with pytest.raises(NotFound):
        lessons.update_lesson_plan(t2, plan.id, {"title": "x"})
    assert lessons.get_lesson_plan(school.as_(school.leader), plan.id).title == "认识单韵母"
    assert [p.id for p in lessons.list_lesson_plans(t1)] == [plan.id]
    assert lessons.list_lesson_plans(t2) == []
    lessons.delete_lesson_plan(t1, plan.id)
    assert lessons.list_lesson_plans(t1) == []


def test_validation_changes_nothing(school):
    t1 = school.as_(school.t1)
    iep = ieps.get_or_create_iep(school.as_(school.t2), school.students[2], school.term.id)
    foreign = ieps.add_objective(
        school.as_(school.t2), ieps.add_goal(school.as_(school.t2), iep.id, "认知", "g"), {"text": "o"}
    )
    bad = [
        ({"subject": "x"}, "title"),
        ({**PLAN, "minutes": 2}, "minutes"),
        ({**PLAN, "process": {"复习": "x"}}, "复习"),
        ({**PLAN, "objective_ids": [foreign]}, "objective_ids"),
        ({**PLAN, "student_id": school.students[0], "objective_ids": [foreign]}, "objective_ids"),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as error:
            lessons.create_lesson_plan(t1, data)
        assert error.value.field == field
    with pytest.raises(NotFound):
        lessons.create_lesson_plan(t1, {**PLAN, "student_id": school.students[2]})
    with pytest.raises(PermissionDenied):
        lessons.create_lesson_plan(school.as_(school.leader), PLAN)
    assert lessons.list_lesson_plans(school.as_(school.office)) == []


def test_templates_are_shared_and_copied(school):
    t1, t2 = school.as_(school.t1), school.as_(school.t2)
    template = lessons.create_lesson_plan(t1, {**PLAN, "is_template": True})
    assert [p.id for p in lessons.list_lesson_plans(t2, templates=True)] == [template.id]
    with pytest.raises(PermissionDenied):
        lessons.update_lesson_plan(t2, template.id, {"title": "改"})
    copy = lessons.copy_lesson_plan(t2, template.id, {"student_id": school.students[2], "date": "2026-11-19"})
    assert copy.teacher_id == school.t2.id and not copy.is_template and copy.process == template.process
    assert copy.student_id == school.students[2] and copy.title == template.title
    assert lessons.get_lesson_plan(t1, template.id).revision == 1


def test_link_to_visit_lesson(school):
    t1 = school.as_(school.t1)
    plan = lessons.create_lesson_plan(t1, {**PLAN, "student_id": school.students[0]})
    other = lessons.create_lesson_plan(t1, {**PLAN, "student_id": school.students[1]})
    visit = visits.create_visit(
        t1, school.students[0], {"date": "2026-11-18", "lessons": [{"subject": "生活语文", "minutes": 35}]}
    )
    lesson_id = visit.lessons[0].id
    with pytest.raises(ValidationError):
        lessons.link_to_visit_lesson(t1, lesson_id, other.id)
    lessons.link_to_visit_lesson(t1, lesson_id, plan.id)
    assert visits.get_visit(t1, visit.id).lessons[0].lesson_plan_id == plan.id
    visits.finish_visit(t1, visit.id)
    with pytest.raises(ConflictError):
        lessons.link_to_visit_lesson(t1, lesson_id, None)
    assert visits.get_visit(t1, visit.id).lessons[0].lesson_plan_id == plan.id
