"""The home page's work lists: each kind appears when it should and not otherwise, and only for one's own students."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import ieps, plans, students, visits, worklist
from app.services.errors import PermissionDenied
from tests.services.test_visits import png_bytes

LESSONS = [
    {"subject": "生活语文", "content": "认读a o e", "minutes": 30},
    {"subject": "康复训练", "content": "手指操", "minutes": 30},
]


def kinds(items, student_id=None):
    return sorted(i.kind for i in items if student_id is None or i.student_id == student_id)


@pytest.fixture
def t1(school):
    return school.as_(school.t1)


def test_an_empty_week_asks_only_for_next_months_plans(school, t1):
    work = worklist.teacher_worklist(t1)
    assert work.week_start == dt.date(2026, 11, 16) and work.week_end == dt.date(2026, 11, 22)
    assert work.next_month == "2026-12"
    assert work.this_week == () and work.unfinished == () and work.coming_due == ()
    assert {(i.kind, i.student_id, i.detail) for i in work.plans} == {
        ("plan_missing", school.students[0], "2026-12"),
        ("plan_missing", school.students[1], "2026-12"),
    }


def test_visits_this_week_and_unfinished_records(school, t1):
    s0 = school.students[0]
    coming = visits.create_visit(t1, s0, {"date": "2026-11-21"})
    forgotten = visits.create_visit(t1, s0, {"date": "2026-11-17"})
    visits.create_visit(t1, s0, {"date": "2026-11-30"})  # next week: not this week's business
    bare = visits.create_visit(t1, s0, {"date": "2026-11-18", "lessons": LESSONS})
    visits.finish_visit(t1, bare.id)
    work = worklist.teacher_worklist(t1)
    assert [(i.kind, i.record_id) for i in work.this_week] == [("visit", coming.id)]
    by_id = {i.record_id: i for i in work.unfinished}
    assert by_id[forgotten.id].kind == "not_recorded"
    assert by_id[bare.id].kind == "incomplete" and by_id[bare.id].missing == ("objectives", "signature")
    assert len(by_id) == 2

    # Signed and linked to an objective: the record is complete and leaves the list.
    iep = ieps.get_or_create_iep(t1, s0, school.term.id)
    goal = ieps.add_goal(t1, iep.id, "认知", "认识拼音")
    objective = ieps.add_objective(t1, goal, {"text": "认读单韵母", "end_date": "2027-01-10"})
    full = visits.create_visit(
        t1,
        s0,
        {
            "date": "2026-11-19",
            "lessons": [
                {"subject": "生活语文", "content": "认读", "minutes": 60, "objective_ids": [objective]}
            ],
        },
    )
    visits.set_signature(t1, full.id, png_bytes())
    visits.finish_visit(t1, full.id)
    assert full.id not in {i.record_id for i in worklist.teacher_worklist(t1).unfinished}


def test_planned_dates_without_a_record_show_this_week(school, t1):
    s0 = school.students[0]
    plan = plans.save_plan(
        t1, s0, "2026-11", {"visits": [{"date": "2026-11-21", "time_slot": "09:00-10:30"}]}
    )
    work = worklist.teacher_worklist(t1)
    assert [(i.kind, i.record_id, i.detail) for i in work.this_week] == [
        ("planned_visit", plan.id, "09:00-10:30")
    ]
    visits.create_visit(t1, s0, planned_visit_id=plan.visits[0].id)
    assert kinds(worklist.teacher_worklist(t1).this_week) == ["visit"]


def test_plans_to_write_and_returned_plans_with_the_comment(school, t1):
    s0, s1 = school.students[:2]
    draft = plans.save_plan(t1, s0, "2026-12", {"visits": [{"date": "2026-12-02"}]})
    assert kinds(worklist.teacher_worklist(t1).plans, s0) == ["plan_draft"]
    plans.submit_plan(t1, draft.id)
    assert kinds(worklist.teacher_worklist(t1).plans, s0) == []
    plans.decide_plan(school.as_(school.office), draft.id, 1, approve=False, comment="请补充家庭任务")
    returned = [i for i in worklist.teacher_worklist(t1).plans if i.student_id == s0]
    assert [(i.kind, i.record_id, i.detail) for i in returned] == [
        ("plan_returned", draft.id, "请补充家庭任务")
    ]
    plans.submit_plan(t1, draft.id)  # resubmitted: waiting for the office again, nothing for the teacher
    assert kinds(worklist.teacher_worklist(t1).plans) == ["plan_missing"]
    assert worklist.teacher_worklist(t1).plans[0].student_id == s1


def test_objective_reviews_and_certificates_coming_due(school, t1):
    s0, s1 = school.students[:2]
    iep = ieps.get_or_create_iep(t1, s0, school.term.id)
    goal = ieps.add_goal(t1, iep.id, "生活自理", "提高进食能力")
    soon = ieps.add_objective(t1, goal, {"text": "能用勺子进食", "end_date": "2026-11-30"})
    ieps.add_objective(t1, goal, {"text": "能用杯子喝水", "end_date": "2026-12-20"})  # 30 days away
    work = worklist.teacher_worklist(t1)
    assert [(i.kind, i.record_id, i.detail) for i in work.coming_due] == [
        ("objective_due", iep.id, "能用勺子进食")
    ]
    ieps.add_review(t1, soon, "2026-11-20", "P")
    assert worklist.teacher_worklist(t1).coming_due == ()

    admin = school.as_(school.admin)
    students.update_student(admin, s0, {"certificate_valid_until": "2027-01-10"})  # 51 days
    students.update_student(admin, s1, {"certificate_valid_until": "2026-10-01"})  # expired
    due = {(i.kind, i.student_id) for i in worklist.teacher_worklist(t1).coming_due}
    assert due == {("certificate_due", s0), ("certificate_expired", s1)}
    students.update_student(admin, s0, {"certificate_valid_until": "2027-02-10"})  # 82 days: not yet
    assert {i.kind for i in worklist.teacher_worklist(t1).coming_due} == {"certificate_expired"}


def test_a_teacher_sees_only_assigned_students(school, t1):
    other = school.students[2]  # 小刚, t2's student
    visits.create_visit(school.as_(school.t2), other, {"date": "2026-11-17"})
    students.update_student(school.as_(school.admin), other, {"certificate_valid_until": "2026-10-01"})
    work = worklist.teacher_worklist(t1)
    everything = work.this_week + work.plans + work.unfinished + work.coming_due
    assert other not in {i.student_id for i in everything}
    work2 = worklist.teacher_worklist(school.as_(school.t2))
    assert {i.kind for i in work2.unfinished + work2.coming_due} == {"not_recorded", "certificate_expired"}


def test_teachers_behind_for_the_office(school, t1):
    rows = worklist.teachers_behind(school.as_(school.office))
    by_teacher = {r.teacher_id: r for r in rows}
    assert by_teacher[school.t1.id].students == 2 and by_teacher[school.t2.id].students == 1
    # No visits at all this term: every past teaching week is owed, none met.
    assert by_teacher[school.t1.id].owed_makeups == 2 * by_teacher[school.t2.id].owed_makeups > 0
    assert by_teacher[school.t1.id].met_ratio == 0 and by_teacher[school.t1.id].behind
    assert rows[0].teacher_id == school.t1.id and by_teacher[school.t2.id].name == "陈老师"
    with pytest.raises(PermissionDenied):
        worklist.teachers_behind(t1)
