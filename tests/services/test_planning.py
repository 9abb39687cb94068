"""Typed reads that save typing (copy last month, the rule's check, a visit's carried-over values) and
approving several plans in one call."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import planning, plans, visit_prefill, visits
from app.services.errors import ConflictError, NotFound


def plan_for(school, student, month, days, family_tasks="每天练习"):
    t1 = school.as_(school.t1)
    detail = plans.save_plan(
        t1,
        student,
        month,
        {
            "visits": [
                {
                    "date": d,
                    "time_slot": "14:30-15:40",
                    "lessons": 2,
                    "content": [{"subject": "生活语文", "content": "认字"}],
                }
                for d in days
            ],
            "family_tasks": family_tasks,
            "co_teacher_ids": [school.t2.id],
        },
    )
    return plans.submit_plan(t1, detail.id)


def test_copy_last_month_moves_visits_to_the_same_weekdays_and_reads_only(school):
    student = school.students[0]
    plan_for(school, student, "2026-09", ["2026-09-29"])  # a Tuesday
    t1 = school.as_(school.t1)
    copy = planning.copy_last_month(t1, student, "2026-10")
    # 国庆 (Oct 1-7 off): no October school day in the first week; the week of Oct 5 moves to Thursday the 8th.
    assert [v.date for v in copy.visits] == [
        dt.date(2026, 10, 8),
        dt.date(2026, 10, 13),
        dt.date(2026, 10, 20),
        dt.date(2026, 10, 27),
    ]
    assert copy.visits[0].time_slot == "14:30-15:40" and copy.visits[0].content[0].content == "认字"
    assert copy.family_tasks == "每天练习" and copy.co_teacher_ids == (school.t2.id,)
    assert plans.find_plan(t1, student, "2026-10") is None  # nothing written
    frame = planning.month_frame(t1, student, "2026-10")
    assert frame.shortfall([v.date for v in copy.visits]) == []
    assert [s.start for s in frame.shortfall([dt.date(2026, 10, 8)])] == [
        dt.date(2026, 10, 12),
        dt.date(2026, 10, 19),
        dt.date(2026, 10, 26),
    ]
    with pytest.raises(NotFound):
        planning.copy_last_month(t1, student, "2026-12")  # November has no plan


def test_approve_plans_is_all_or_none(school):
    first = plan_for(school, school.students[0], "2026-11", ["2026-11-10"])
    second = plan_for(school, school.students[1], "2026-11", ["2026-11-11"])
    office = school.as_(school.office)
    with pytest.raises(ConflictError):
        plans.approve_plans(office, [(first.id, first.plan_revision), (second.id, second.plan_revision + 1)])
    assert not plans.get_plan(office, first.id).is_approved  # the stale second kept the first waiting too
    done = plans.approve_plans(office, [(first.id, first.plan_revision), (second.id, second.plan_revision)])
    assert [d.is_approved for d in done] == [True, True] and plans.office_queue(office) == []


def test_a_new_visit_carries_over_the_plan_and_the_last_visit(school):
    student = school.students[0]
    t1 = school.as_(school.t1)
    last = visits.create_visit(
        t1,
        student,
        {
            "date": "2026-11-03",
            "place": "村委会活动室",
            "caregivers_present": "妈妈",
            "lessons": [{"subject": "康复训练", "content": "抓握", "minutes": 30}],
        },
    )
    visits.finish_visit(t1, last.id)
    plan = plan_for(school, student, "2026-11", ["2026-11-10", "2026-11-17"], family_tasks="练习用勺")
    plan = plans.decide_plan(school.as_(school.office), plan.id, plan.plan_revision, True)
    made = visits.create_visit(t1, student, planned_visit_id=plan.visits[0].id)
    assert made.values["place"] == "村委会活动室" and made.values["caregivers_present"] == "妈妈"
    assert made.values["homework"] == "练习用勺" and made.values["next_visit_on"] == dt.date(2026, 11, 17)
    assert sorted(made.values["teacher_ids"]) == sorted([school.t1.id, school.t2.id])
    assert [x.content for x in made.lessons] == ["认字", ""]  # two planned lessons, the second not described
    assert [x.content for x in visit_prefill.last_visit_lessons(t1, student, made.date)] == ["抓握"]
    # What the teacher types wins over what is carried over.
    typed = visits.create_visit(t1, student, {"date": "2026-11-18", "place": "家中"})
    assert typed.values["place"] == "家中" and typed.values["caregivers_present"] == "妈妈"
