"""A student's timeline: every kind of event, newest first, paged, and only for visible students."""

from __future__ import annotations

import pytest

from app.services import contacts, ieps, plans, timeline, visits
from app.services.errors import NotFound


def test_timeline_merges_events_newest_first(school):
    t1, office = school.as_(school.t1), school.as_(school.office)
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    objective = ieps.add_objective(t1, ieps.add_goal(t1, iep.id, "认知", "认识颜色"), {"text": "指认红色"})
    ieps.add_review(t1, objective, "2026-11-13", "C")
    visit = visits.create_visit(
        t1,
        school.students[0],
        {"date": "2026-11-16", "start_time": "09:00", "lessons": [{"subject": "生活语文", "minutes": 30}]},
    )
    cancelled = visits.create_visit(t1, school.students[0], {"date": "2026-11-11"})
    visits.cancel_visit(t1, cancelled.id, "孩子住院", "family")
    contacts.log_contact(
        t1, school.students[0], {"at": "2026-11-14 18:00", "channel": "phone", "answered": False}
    )
    plan = plans.save_plan(t1, school.students[0], "2026-12", {"visits": [{"date": "2026-12-02"}]})
    plans.submit_plan(t1, plan.id)
    plans.decide_plan(office, plan.id, 1, approve=False, comment="请补充材料")
    events = timeline.student_timeline(t1, school.students[0], limit=None)
    kinds = [e.kind for e in events]
    assert set(kinds) == {
        "visit",
        "contact",
        "plan_submitted",
        "plan_decided",
        "iep_created",
        "objective_review",
    }
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    dated = [(e.kind, e.status) for e in events if e.at.year == 2026 and e.at.month == 11 and e.at.day <= 16]
    assert dated == [
        ("visit", "planned"),
        ("contact", "unanswered"),
        ("objective_review", "C"),
        ("visit", "cancelled"),
    ]
    assert timeline.count_events(t1, school.students[0]) == len(events) == 7
    assert timeline.student_timeline(t1, school.students[0], offset=2, limit=2) == events[2:4]
    assert [e.record_id for e in timeline.student_timeline(t1, school.students[0], kinds=("visit",))] == [
        visit.id,
        cancelled.id,
    ]
    with pytest.raises(NotFound):
        timeline.student_timeline(school.as_(school.t2), school.students[0])
