"""Monthly plans: authoring, submission, decisions on exact revisions, queue and history; refusals change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import ieps, plans
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

VISITS = [
    {
        "date": "2026-12-03",
        "time_slot": "09:00-10:30",
        "lessons": 2,
        "content": [
            {"subject": "生活语文", "content": "认读a o e"},
            {"subject": "康复训练", "content": "手指操"},
        ],
    },
    {"date": "2026-12-10", "time_slot": "09:00-10:30", "lessons": 2},
]


@pytest.fixture
def plan(school):
    return plans.save_plan(
        school.as_(school.t1), school.students[0], "2026-12", {"materials": "拼音卡片", "visits": VISITS}
    )


def test_create_and_edit_draft(school, plan):
    assert plan.status == "draft" and plan.teacher_id == school.t1.id and len(plan.visits) == 2
    assert plan.visits[0].content[0].subject == "生活语文"
    edited = plans.save_plan(
        school.as_(school.t1), school.students[0], "2026-12", {"family_tasks": "每天读拼音"}
    )
    assert edited.id == plan.id and edited.plan_revision == 1 and edited.family_tasks == "每天读拼音"
    assert plans.find_plan(school.as_(school.t1), school.students[0], "2026-12").id == plan.id


def test_objectives_must_be_the_students(school, plan):
    iep = ieps.get_or_create_iep(school.as_(school.t2), school.students[2], school.term.id)
    goal = ieps.add_goal(school.as_(school.t2), iep.id, "认知", "x")
    foreign = ieps.add_objective(school.as_(school.t2), goal, {"text": "y"})
    with pytest.raises(ValidationError) as error:
        plans.save_plan(school.as_(school.t1), school.students[0], "2026-12", {"objective_ids": [foreign]})
    assert error.value.field == "objective_ids"
    own_iep = ieps.get_or_create_iep(school.as_(school.t1), school.students[0], school.term.id)
    own = ieps.add_objective(
        school.as_(school.t1), ieps.add_goal(school.as_(school.t1), own_iep.id, "认知", "g"), {"text": "o"}
    )
    saved = plans.save_plan(school.as_(school.t1), school.students[0], "2026-12", {"objective_ids": [own]})
    assert saved.objective_ids == (own,)


def test_bad_input_refused_and_nothing_changed(school, plan):
    t1 = school.as_(school.t1)
    bad = [
        ({"visits": [{"date": "2027-01-05"}]}, "visits.date"),
        ({"visits": [{"date": "2026-12-05", "lessons": 0}]}, "visits.lessons"),
        ({"visits": [{"date": "2026-12-32"}]}, "visits.date"),
        ({"co_teacher_ids": [school.office.id]}, "co_teacher_ids"),
        ({"nonsense": 1}, "nonsense"),
    ]
    for data, field in bad:
        with pytest.raises(ValidationError) as error:
            plans.save_plan(t1, school.students[0], "2026-12", data)
        assert error.value.field == field
    with pytest.raises(ValidationError):
        plans.save_plan(t1, school.students[0], "2026-13", {})
    assert plans.get_plan(t1, plan.id) == plan


def test_teacher_cannot_touch_another_teachers_student(school, plan):
    with pytest.raises(NotFound):
        plans.save_plan(school.as_(school.t2), school.students[0], "2026-12", {"materials": "x"})
    with pytest.raises(NotFound):
        plans.get_plan(school.as_(school.t2), plan.id)
    with pytest.raises(NotFound):
        plans.submit_plan(school.as_(school.t2), plan.id)
    assert plans.get_plan(school.as_(school.t1), plan.id).materials == "拼音卡片"


def test_full_workflow_with_return_and_resubmission(school, plan):
    t1, office = school.as_(school.t1), school.as_(school.office)
    submitted = plans.submit_plan(t1, plan.id)
    assert submitted.status == "submitted" and submitted.first_submitted_at is not None
    queue = plans.office_queue(office)
    assert [q.id for q in queue] == [plan.id] and queue[0].visits_planned == 2
    assert plans.office_queue(t1) == queue  # a teacher sees their own waiting plans
    returned = plans.decide_plan(
        office, plan.id, submitted.plan_revision, approve=False, comment="补充家庭任务"
    )
    assert returned.status == "returned" and returned.last_comment == "补充家庭任务"
    assert plans.office_queue(office) == []
    plans.save_plan(t1, school.students[0], "2026-12", {"family_tasks": "每天练习"})
    again = plans.submit_plan(t1, plan.id)
    assert again.status == "resubmitted" and again.plan_revision == 2
    approved = plans.decide_plan(office, plan.id, 2, approve=True)
    assert approved.is_approved and approved.approved_revision == 2
    assert plans.plan_status_for(t1, school.students[0], dt.date(2026, 12, 3)) == "approved"
    assert plans.plan_status_for(t1, school.students[0], dt.date(2027, 1, 3)) is None
    history = plans.plan_history(office, plan.id)
    assert [(h.number, h.decision) for h in history] == [(1, "returned"), (2, "approved")]
    assert history[0].reviewer_name == "教务王老师" and history[1].snapshot["family_tasks"] == "每天练习"
    assert history[0].snapshot["family_tasks"] == ""


def test_only_academic_affairs_decides_and_never_on_own_plan(school, plan):
    t1, office = school.as_(school.t1), school.as_(school.office)
    plans.submit_plan(t1, plan.id)
    for actor in (school.t1, school.t2, school.leader, school.admin):
        with pytest.raises((PermissionDenied, NotFound)):
            plans.decide_plan(school.as_(actor), plan.id, 1, approve=True)
    own = plans.save_plan(
        office, school.students[1], "2026-12", {"teacher_id": school.t1.id, "visits": VISITS[:1]}
    )
    assert own.teacher_id == school.t1.id  # the office writes on behalf of the main teacher
    office_plan = plans.save_plan(office, school.students[2], "2027-01", {"teacher_id": school.t2.id})
    assert office_plan.teacher_id == school.t2.id
    assert plans.get_plan(office, plan.id).status == "submitted"


def test_office_cannot_approve_own_plan(school):
    office = school.as_(school.office)
    # An office clerk who also teaches may author a plan; written directly, as the UI never offers them the
    # approve button on it, so that the service's own refusal is what is tested.
    from app.db.models import MonthlyPlan
    from app.services.context import transaction

    with transaction(school.ctx) as session:
        row = MonthlyPlan(
            student_id=school.students[0],
            month="2026-12",
            teacher_id=school.office.id,
            status="submitted",
            plan_revision=1,
            objective_ids=[],
            co_teacher_ids=[],
        )
        session.add(row)
        session.flush()
        plan_id = row.id
    with pytest.raises(PermissionDenied) as error:
        plans.decide_plan(office, plan_id, 1, approve=True)
    assert error.value.message_id == "plan.decide.own_plan"
    assert plans.get_plan(office, plan_id).status == "submitted"


def test_stale_revision_refused_and_approval_lost_on_edit(school, plan):
    t1, office = school.as_(school.t1), school.as_(school.office)
    plans.submit_plan(t1, plan.id)
    # The teacher edits while the office has revision 1 on screen.
    edited = plans.save_plan(t1, school.students[0], "2026-12", {"materials": "图卡"})
    assert edited.status == "submitted" and edited.plan_revision == 2
    with pytest.raises(ConflictError) as error:
        plans.decide_plan(office, plan.id, 1, approve=True)
    assert error.value.message_id == "plan.decide.stale_revision"
    assert plans.get_plan(office, plan.id).status == "submitted"
    approved = plans.decide_plan(office, plan.id, 2, approve=True)
    assert approved.is_approved
    after = plans.save_plan(t1, school.students[0], "2026-12", {"visits": VISITS[:1]})
    assert after.status == "draft" and after.plan_revision == 3 and not after.is_approved
    assert after.approved_revision == 2
    assert plans.plan_status_for(t1, school.students[0], dt.date(2026, 12, 3)) == "draft"
    plans.submit_plan(t1, plan.id)
    assert plans.decide_plan(office, plan.id, 3, approve=True).is_approved


def test_submit_refusals(school, plan):
    t1 = school.as_(school.t1)
    empty = plans.save_plan(t1, school.students[1], "2026-12", {})
    with pytest.raises(ValidationError):
        plans.submit_plan(t1, empty.id)
    plans.submit_plan(t1, plan.id)
    with pytest.raises(ConflictError):
        plans.submit_plan(t1, plan.id)
    with pytest.raises(ValidationError):
        plans.decide_plan(school.as_(school.office), plan.id, 1, approve=False, comment="")
    assert plans.get_plan(t1, plan.id).status == "submitted"
    with pytest.raises(ConflictError):
        plans.delete_plan(t1, plan.id)
    plans.delete_plan(t1, empty.id)
    assert plans.find_plan(t1, school.students[1], "2026-12") is None


def test_list_per_student(school, plan):
    plans.save_plan(school.as_(school.t1), school.students[0], "2027-01", {})
    listed = plans.list_plans(school.as_(school.leader), school.students[0])
    assert [p.month for p in listed] == ["2027-01", "2026-12"] and listed[1].teacher_name == "张老师"


def test_summaries_count_and_date_each_plan_on_its_own(school, plan):
    """The list's visit count and latest submission are per plan (correlated), not mixed between plans."""
    t1, office = school.as_(school.t1), school.as_(school.office)
    other = plans.save_plan(t1, school.students[0], "2027-01", {"visits": [{"date": "2027-01-05"}]})
    plans.submit_plan(t1, plan.id)
    returned = plans.decide_plan(
        office, plan.id, plans.get_plan(t1, plan.id).plan_revision, approve=False, comment="改"
    )
    plans.submit_plan(t1, plan.id)  # a second revision: the summary shows the newer submission
    history = plans.plan_history(t1, plan.id)
    rows = {s.month: s for s in plans.list_plans(t1, school.students[0])}
    assert returned.status == "returned" and len(history) == 2
    assert rows["2026-12"].visits_planned == 2 and rows["2026-12"].submitted_at == history[-1].submitted_at
    assert rows["2027-01"].id == other.id and rows["2027-01"].visits_planned == 1
    assert rows["2027-01"].submitted_at is None
    plans.save_plan(t1, school.students[0], "2027-01", {"visits": []})  # replaced visits are not counted
    assert [s.visits_planned for s in plans.list_plans(t1, school.students[0]) if s.month == "2027-01"] == [0]
