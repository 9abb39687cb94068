"""Semester teacher assessment: figures counted from real records, manual items, weights and grades."""

from __future__ import annotations

import datetime as dt

import pytest

from app.db.models import MonthlyPlan
from app.services import assessment, contacts, ieps, plans, visits
from app.services import school as school_service
from app.services.context import transaction
from app.services.errors import PermissionDenied, ValidationError
from tests.services.test_visits import png_bytes


@pytest.fixture
def term_records(school):
    t1, office = school.as_(school.t1), school.as_(school.office)
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    goal = ieps.add_goal(t1, iep.id, "生活语文", "学习拼音")
    passed = ieps.add_objective(t1, goal, {"text": "认读a o e"})
    ieps.add_objective(t1, goal, {"text": "认读b p m f"})  # never reviewed: not counted
    ieps.add_review(t1, passed, "2026-11-16", "P")
    lesson = {"subject": "生活语文", "content": "认读a o e", "minutes": 30, "objective_ids": [passed]}
    complete = visits.create_visit(
        t1, school.students[0], {"date": "2026-11-16", "lessons": [lesson, lesson]}
    )
    visits.set_signature(t1, complete.id, png_bytes())
    visits.finish_visit(t1, complete.id)
    unsigned = visits.create_visit(
        t1,
        school.students[1],
        {"date": "2026-11-17", "lessons": [{"subject": "康复训练", "content": "手指操", "minutes": 30}] * 2},
    )
    visits.finish_visit(t1, unsigned.id)
    plan = plans.save_plan(t1, school.students[0], "2026-12", {"visits": [{"date": "2026-12-02"}]})
    plans.submit_plan(t1, plan.id)
    plans.decide_plan(office, plan.id, 1, approve=True)
    late = plans.save_plan(t1, school.students[1], "2026-11", {"visits": [{"date": "2026-11-17"}]})
    plans.submit_plan(t1, late.id)
    with transaction(school.ctx) as session:  # submitted dates as they were in the term (the clock is real)
        session.get(MonthlyPlan, plan.id).first_submitted_at = dt.datetime(2026, 11, 25, 9, 0)
        session.get(MonthlyPlan, late.id).first_submitted_at = dt.datetime(2026, 11, 3, 9, 0)
    for day in ("2026-11-10 19:00", "2026-11-12 19:00"):
        contacts.log_contact(t1, school.students[0], {"at": day, "channel": "phone"})
    return school


def test_figures_from_records(term_records):
    school = term_records
    fig = assessment.compute_figures(school.as_(school.office), school.t1.id, school.term.id)
    assert fig.teaching_weeks > 15
    assert (fig.visits_done, fig.lessons_delivered, fig.minutes_delivered) == (2, 4, 120)
    assert fig.student_weeks_met == 2 and fig.student_weeks_due > fig.student_weeks_met
    assert fig.minutes_required == fig.lessons_required * 30
    assert (fig.done_visits, fig.complete_visits) == (2, 1)
    assert (fig.plans_total, fig.plans_submitted_before_month, fig.plans_approved_before_first_visit) == (
        2,
        1,
        1,
    )
    assert (fig.contacts, fig.student_months) == (2, 6)  # two students, September to November
    assert (fig.objectives_reviewed, fig.objectives_passed) == (1, 1)
    assert assessment.compute_figures(school.as_(school.t1), school.t1.id) == fig  # a teacher reads their own
    with pytest.raises(PermissionDenied):
        assessment.compute_figures(school.as_(school.t2), school.t1.id)


def test_manual_items_grade_and_weights(term_records):
    school = term_records
    office = school.as_(school.office)
    before = assessment.get_assessment(office, school.t1.id)
    assert before.grade is None and "conduct" in before.excluded and before.revision is None
    saved = assessment.save_assessment(
        office,
        school.t1.id,
        school.term.id,
        {"conduct": 1, "satisfaction": "0.8", "comment": "工作认真", "grade": "good"},
    )
    assert saved.manual == {"conduct": 1.0, "satisfaction": 0.8} and saved.grade == "good"
    assert saved.grade_label_zh == "良好" and saved.decided_by == school.office.id and saved.revision == 1
    assert "conduct" not in saved.excluded and saved.score != before.score
    # Only records-complete weighted: half the done visits are complete, so the score is 50.
    school_service.update_school(
        office,
        {
            "assessment_weights": {
                "weeks_met": 0,
                "lessons": 0,
                "records_complete": 1,
                "plans_on_time": 0,
                "plans_approved_first": 0,
                "contacts": 0,
                "objectives_passed": 0,
                "conduct": 0,
                "satisfaction": 0,
                "grade_pass": 50,
            }
        },
    )
    weighted = assessment.get_assessment(office, school.t1.id)
    assert weighted.score == pytest.approx(50.0) and weighted.suggested_grade == "pass"
    rows = assessment.list_assessments(school.as_(school.leader))
    assert {r.teacher_id for r in rows} == {school.t1.id, school.t2.id}


def test_refusals_change_nothing(term_records):
    school = term_records
    office = school.as_(school.office)
    for actor in (school.t1, school.leader, school.admin):
        with pytest.raises(PermissionDenied):
            assessment.save_assessment(school.as_(actor), school.t1.id, None, {"grade": "excellent"})
    for data, field in (
        ({"conduct": 2}, "conduct"),
        ({"satisfaction": "good"}, "satisfaction"),
        ({"grade": "A+"}, "grade"),
        ({"bonus": 1}, "bonus"),
    ):
        with pytest.raises(ValidationError) as error:
            assessment.save_assessment(office, school.t1.id, None, data)
        assert error.value.field == field
    with pytest.raises(ValidationError):
        assessment.save_assessment(office, school.office.id, None, {"grade": "good"})
    with pytest.raises(PermissionDenied):
        assessment.list_assessments(school.as_(school.t1))
    assert assessment.get_assessment(office, school.t1.id).revision is None
