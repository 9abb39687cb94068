"""Monthly plans (月送教计划): edit, submit, approve or return; an approval covers exactly one revision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, select
from sqlalchemy.orm import Session

from app.db import server
from app.db.base import utcnow
from app.db.models import (
    Goal,
    Iep,
    MonthlyPlan,
    Objective,
    PlannedVisit,
    PlanRevision,
    Student,
    User,
    Visit,
)
from app.domain import approval
from app.services import evidence, forms, ieps, students
from app.services.access import main_teacher, student_for_read, student_for_write, visible_students
from app.services.context import ServiceContext, get_live, reading, transaction
from app.services.context import live as _live
from app.services.errors import ConflictError, PermissionDenied, ValidationError
from app.services.users import checked_teachers

PLAN_TEXT = {"materials": 4000, "family_tasks": 4000, "safety_notes": 4000}
PLAN_FIELDS = (*PLAN_TEXT, "objective_ids", "co_teacher_ids", "visits", "teacher_id")
VISIT_FIELDS = ("date", "time_slot", "lessons", "content")
LESSON_FIELDS = ("subject", "content", "objective_ids")
AWAITING = (approval.PlanStatus.SUBMITTED.value, approval.PlanStatus.RESUBMITTED.value)
# Refusals of the approval rules that are about who acts (403) rather than the plan's state (409).
_PERMISSION_REFUSALS = {
    approval.UNKNOWN_ROLE,
    approval.SUBMIT_ROLE,
    approval.SUBMIT_NOT_AUTHOR,
    approval.DECIDE_ROLE,
    approval.DECIDE_OWN_PLAN,
}
_REFUSAL_TEXT = {
    approval.UNKNOWN_ROLE: "Your role does not allow this.",
    approval.SUBMIT_ROLE: "School leaders read plans but do not submit them.",
    approval.SUBMIT_NOT_AUTHOR: "Only the plan's author submits it.",
    approval.SUBMIT_ALREADY_SUBMITTED: "The plan is already waiting for a decision.",
    approval.SUBMIT_ALREADY_APPROVED: "The plan is already approved.",
    approval.DECIDE_ROLE: "Only the academic affairs office approves or returns plans.",
    approval.DECIDE_OWN_PLAN: "Nobody decides on their own plan.",
    approval.DECIDE_NOT_SUBMITTED: "The plan is not waiting for a decision.",
    approval.DECIDE_STALE_REVISION: "The plan changed since you opened it; reload it and decide again.",
}


@dataclass(frozen=True)
class LessonContent:
    subject: str
    content: str
    objective_ids: tuple[str, ...]


@dataclass(frozen=True)
class PlannedVisitInfo:
    id: str
    date: dt.date
    time_slot: str
    lessons: int
    content: tuple[LessonContent, ...]


@dataclass(frozen=True, kw_only=True)
class PlanDetail:
    id: str
    revision: int  # row revision (optimistic concurrency)
    student_id: str
    month: str
    teacher_id: str
    status: str
    plan_revision: int  # the number a decision must name
    approved_revision: int | None
    is_approved: bool  # approved and covering the current content
    objective_ids: tuple[str, ...]
    materials: str
    family_tasks: str
    safety_notes: str
    co_teacher_ids: tuple[str, ...]
    visits: tuple[PlannedVisitInfo, ...]
    first_submitted_at: dt.datetime | None
    last_comment: str


@dataclass(frozen=True, kw_only=True)
class PlanSummary:
    id: str
    student_id: str
    student_code: str
    student_name: str
    month: str
    teacher_id: str
    teacher_name: str
    status: str
    plan_revision: int
    submitted_at: dt.datetime | None  # of the latest revision
    visits_planned: int


@dataclass(frozen=True, kw_only=True)
class RevisionInfo:
    number: int
    submitted_at: dt.datetime
    submitted_by: str
    decision: str | None
    reviewer_id: str | None
    reviewer_name: str
    decided_at: dt.datetime | None
    comment: str
    snapshot: dict[str, Any]


def _state(plan: MonthlyPlan) -> approval.PlanState:
    return approval.PlanState(plan.status, plan.plan_revision, plan.approved_revision, plan.teacher_id)


def _apply(plan: MonthlyPlan, state: approval.PlanState) -> None:
    plan.status, plan.plan_revision, plan.approved_revision = (
        state.status,
        state.revision,
        state.approved_revision,
    )


def _refuse(message_id: str) -> None:
    error = PermissionDenied if message_id in _PERMISSION_REFUSALS else ConflictError
    raise error(message_id, _REFUSAL_TEXT.get(message_id, "This step is not allowed now."))


def _visit_info(v: PlannedVisit) -> PlannedVisitInfo:
    content = tuple(
        LessonContent(
            str(c.get("subject", "")), str(c.get("content", "")), tuple(c.get("objective_ids") or ())
        )
        for c in v.content or []
    )
    return PlannedVisitInfo(v.id, v.date, v.time_slot, v.lessons, content)


def _detail(plan: MonthlyPlan) -> PlanDetail:
    revisions = _live(plan.revisions)
    comment = next((r.comment for r in reversed(revisions) if r.decision), "")
    return PlanDetail(
        id=plan.id,
        revision=plan.revision,
        student_id=plan.student_id,
        month=plan.month,
        teacher_id=plan.teacher_id,
        status=plan.status,
        plan_revision=plan.plan_revision,
        approved_revision=plan.approved_revision,
        is_approved=approval.is_approved(_state(plan)),
        objective_ids=tuple(plan.objective_ids or ()),
        materials=plan.materials,
        family_tasks=plan.family_tasks,
        safety_notes=plan.safety_notes,
        co_teacher_ids=tuple(plan.co_teacher_ids or ()),
        visits=tuple(_visit_info(v) for v in _live(plan.planned_visits)),
        first_submitted_at=plan.first_submitted_at,
        last_comment=comment,
    )


def snapshot(plan: MonthlyPlan) -> dict[str, Any]:
    """The plan as a reviewer sees it: what a decision covers (dates as ISO text, JSON-safe)."""
    return {
        "month": plan.month,
        "teacher_id": plan.teacher_id,
        "objective_ids": list(plan.objective_ids or []),
        "materials": plan.materials,
        "family_tasks": plan.family_tasks,
        "safety_notes": plan.safety_notes,
        "co_teacher_ids": list(plan.co_teacher_ids or []),
        "visits": [
            {
                "date": v.date.isoformat(),
                "time_slot": v.time_slot,
                "lessons": v.lessons,
                "content": list(v.content or []),
            }
            for v in _live(plan.planned_visits)
        ],
    }


# --- validation -----------------------------------------------------------------------------------------


def _student_objectives(session: Session, student_id: str) -> set[str]:
    return set(
        session.scalars(
            select(Objective.id)
            .join(Goal, Goal.id == Objective.goal_id)
            .join(Iep, Iep.id == Goal.iep_id)
            .where(
                Iep.student_id == student_id,
                Objective.deleted_at.is_(None),
                Goal.deleted_at.is_(None),
                Iep.deleted_at.is_(None),
            )
        )
    )


def check_objectives(session: Session, student_id: str, ids: Any, key: str) -> list[str]:
    """Objective ids must be the student's own (from any of their IEPs)."""
    ids = list(dict.fromkeys(str(i) for i in (ids or [])))
    if ids and not set(ids) <= _student_objectives(session, student_id):
        raise ValidationError(
            "objective.foreign", "An objective does not belong to this student's IEP.", field=key
        )
    return ids


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    first = dt.date.fromisoformat(month + "-01")
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _clean_visits(session: Session, student_id: str, month: str, raw: Any) -> list[dict[str, Any]]:
    first, last = _month_bounds(month)
    visits = []
    for entry in raw or []:
        forms.unknown_keys(entry, VISIT_FIELDS)
        day = forms.parse_date(entry.get("date"), "visits.date", required=True)
        assert day is not None
        if not first <= day <= last:
            raise ValidationError(
                "plan.visit_outside_month", f"{day.isoformat()} is not in {month}.", field="visits.date"
            )
        lessons = forms.parse_int(entry.get("lessons", 2), "visits.lessons", low=1, high=8, required=True)
        content = []
        for lesson in entry.get("content") or []:
            forms.unknown_keys(lesson, LESSON_FIELDS)
            content.append(
                {
                    "subject": forms.text(lesson, "subject", max_len=40),
                    "content": forms.text(lesson, "content", max_len=2000),
                    "objective_ids": check_objectives(
                        session, student_id, lesson.get("objective_ids"), "visits.content.objective_ids"
                    ),
                }
            )
        visits.append(
            {
                "date": day,
                "time_slot": forms.text(entry, "time_slot", max_len=20),
                "lessons": lessons,
                "content": content,
            }
        )
    return sorted(visits, key=lambda v: v["date"])


def _teachers(session: Session, ids: Any, key: str) -> list[str]:
    return checked_teachers(session, ids, "plan.not_teacher", "Only teachers can be listed as teachers.", key)


# --- use cases ------------------------------------------------------------------------------------------


def save_plan(
    ctx: ServiceContext,
    student_id: str,
    month: str,
    data: dict[str, Any],
    expected_revision: int | None = None,
) -> PlanDetail:
    """Create or edit the student's plan for a month; ``visits`` (if given) replaces the planned visits.

    Only the author edits. Editing a submitted or approved plan makes a new revision (approval.after_edit).
    """
    month = forms.month_key(month)
    forms.unknown_keys(data, PLAN_FIELDS)
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        plan = session.scalar(
            select(MonthlyPlan).where(
                MonthlyPlan.student_id == student_id,
                MonthlyPlan.month == month,
                MonthlyPlan.deleted_at.is_(None),
            )
        )
        if plan is None:
            author = (
                ctx.actor.id
                if ctx.actor.is_teacher
                else (data.get("teacher_id") or main_teacher(session, student_id))
            )
            if not author:
                raise ValidationError(
                    "plan.no_teacher", "Choose the teacher who writes this plan.", field="teacher_id"
                )
            _teachers(session, [author], "teacher_id")
            plan = MonthlyPlan(
                student_id=student_id, month=month, teacher_id=author, objective_ids=[], co_teacher_ids=[]
            )
            session.add(plan)
            before: dict[str, Any] | None = None
        else:
            if ctx.actor.id != plan.teacher_id and ctx.actor.role != "system":
                raise PermissionDenied("plan.not_author", "Only the plan's author edits it.")
            if expected_revision is not None and expected_revision != plan.revision:
                raise ConflictError(
                    "record.changed", "Someone else saved this plan first; reload and try again."
                )
            before = snapshot(plan)  # to tell a real change (new revision) from a save without edits
        for key, max_len in PLAN_TEXT.items():
            if key in data:
                setattr(plan, key, forms.text(data, key, max_len=max_len))
        if "objective_ids" in data:
            plan.objective_ids = check_objectives(session, student_id, data["objective_ids"], "objective_ids")
        if "co_teacher_ids" in data:
            plan.co_teacher_ids = _teachers(session, data["co_teacher_ids"], "co_teacher_ids")
        if "visits" in data:
            visits = _clean_visits(session, student_id, month, data["visits"])
            for old in _live(plan.planned_visits):
                session.delete(old)
            session.flush()
            for visit in visits:
                session.add(PlannedVisit(plan_id=plan.id, **visit))
            session.flush()
            session.expire(plan, ["planned_visits"])
        session.flush()
        session.expire(plan, ["planned_visits"])
        if before is not None and snapshot(plan) != before:
            _after_edit(session, plan)
        session.flush()
        return _detail(plan)


def _after_edit(session: Session, plan: MonthlyPlan) -> None:
    before = plan.plan_revision
    _apply(plan, approval.after_edit(_state(plan)))
    if plan.status in AWAITING and plan.plan_revision != before:
        # Still awaiting a decision: the reviewer must see (and decide on) the new content.
        _add_revision(session, plan, plan.teacher_id)


def _add_revision(session: Session, plan: MonthlyPlan, by: str) -> None:
    session.flush()
    session.expire(plan, ["planned_visits", "revisions"])
    session.add(
        PlanRevision(
            plan_id=plan.id,
            number=plan.plan_revision,
            snapshot=snapshot(plan),
            submitted_at=utcnow(),
            submitted_by=by,
        )
    )


def submit_plan(ctx: ServiceContext, plan_id: str) -> PlanDetail:
    with transaction(ctx) as session:
        plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
        student_for_write(session, ctx, plan.student_id)
        state = _state(plan)
        acting_id, role = ctx.actor.id, ctx.actor.role
        if role == "system":  # maintenance and demo data act for the author
            acting_id, role = plan.teacher_id, "teacher"
        refusal = approval.can_submit(state, acting_id, role)
        if refusal:
            _refuse(refusal)
        if not _live(plan.planned_visits):
            raise ValidationError(
                "plan.no_visits", "Plan at least one visit before submitting.", field="visits"
            )
        _apply(plan, approval.after_submit(state))
        numbers = {r.number for r in plan.revisions}
        if plan.plan_revision in numbers:
            # A returned plan resubmitted: a fresh number, so each decision names one snapshot.
            plan.plan_revision = max(numbers) + 1
        plan.first_submitted_at = plan.first_submitted_at or utcnow()
        _add_revision(session, plan, acting_id)
        session.flush()
        session.expire(plan, ["revisions"])
        return _detail(plan)


def decide_plan(
    ctx: ServiceContext, plan_id: str, revision_seen: int, approve: bool, comment: str = ""
) -> PlanDetail:
    """Approve or return exactly the revision the reviewer saw; returning needs a comment."""
    comment = forms.text({"comment": comment}, "comment", required=not approve, max_len=2000)
    with transaction(ctx) as session:
        return _decide(session, ctx, plan_id, revision_seen, approve, comment)


def approve_plans(ctx: ServiceContext, seen: list[tuple[str, int]]) -> list[PlanDetail]:
    """Approve several plans at once, each exactly at the revision the reviewer read: all or none (one
    transaction, so a plan changed meanwhile leaves every plan of the batch waiting)."""
    with transaction(ctx) as session:
        return [_decide(session, ctx, plan_id, revision, True, "") for plan_id, revision in seen]


def _decide(
    session: Session, ctx: ServiceContext, plan_id: str, revision_seen: int, approve: bool, comment: str
) -> PlanDetail:
    plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
    student_for_read(session, ctx, plan.student_id)
    state = _state(plan)
    role = "academic_affairs" if ctx.actor.role == "system" else ctx.actor.role
    refusal = approval.can_decide(state, ctx.actor.id, role, revision_seen)
    if refusal:
        _refuse(refusal)
    revision = next((r for r in plan.revisions if r.number == plan.plan_revision), None)
    if revision is None or revision.decision is not None:
        raise ConflictError(approval.DECIDE_NOT_SUBMITTED, _REFUSAL_TEXT[approval.DECIDE_NOT_SUBMITTED])
    office = evidence.office_identity(session)
    if office is None:
        raise ConflictError("plan.decide.not_office", "Plans are decided at the office, not on a laptop.")
    _apply(plan, approval.after_decision(state, approve))
    revision.decision = "approved" if approve else "returned"
    revision.reviewer_id = None if ctx.actor.role == "system" else ctx.actor.id
    revision.decided_at = utcnow()
    revision.comment = comment
    evidence.sign_decision(revision, office)  # what the reviewer decided, on what content, provably
    session.flush()
    return _detail(plan)


def delete_plan(ctx: ServiceContext, plan_id: str) -> None:
    """Only a draft never submitted may be deleted; anything the office saw stays on record."""
    with transaction(ctx) as session:
        plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
        student_for_write(session, ctx, plan.student_id)
        if ctx.actor.id != plan.teacher_id and ctx.actor.role != "system":
            raise PermissionDenied("plan.not_author", "Only the plan's author deletes it.")
        if plan.revisions:
            raise ConflictError("plan.submitted_once", "A plan that was submitted cannot be deleted.")
        session.delete(plan)  # never shared with anyone: no tombstone needed, and the month is free again


def get_plan(ctx: ServiceContext, plan_id: str) -> PlanDetail:
    with reading(ctx) as session:
        plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
        student_for_read(session, ctx, plan.student_id)
        return _detail(plan)


def find_plan(ctx: ServiceContext, student_id: str, month: str) -> PlanDetail | None:
    month = forms.month_key(month)
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        plan = session.scalar(
            select(MonthlyPlan).where(
                MonthlyPlan.student_id == student_id,
                MonthlyPlan.month == month,
                MonthlyPlan.deleted_at.is_(None),
            )
        )
        return None if plan is None else _detail(plan)


def plan_status_in(session: Session, student_id: str, day: dt.date) -> str | None:
    """Within a transaction: 'approved' only when the approval covers the current revision; None if no plan."""
    plan = session.scalar(
        select(MonthlyPlan).where(
            MonthlyPlan.student_id == student_id,
            MonthlyPlan.month == day.strftime("%Y-%m"),
            MonthlyPlan.deleted_at.is_(None),
        )
    )
    if plan is None:
        return None
    return (
        approval.PlanStatus.APPROVED.value
        if approval.is_approved(_state(plan))
        else (approval.PlanStatus.DRAFT.value if plan.status == approval.PlanStatus.APPROVED else plan.status)
    )


def lacks_approved_plan() -> ColumnElement[bool]:
    """SQL, over ``Visit``: a finished visit whose month has no approved plan (DOMAIN: allowed, but flagged).

    The one definition of the flag, computed whenever it is read (list, editor, packet, ledger): a plan approved
    after the visit clears it everywhere at once. A flag stored when the visit was finished kept
    "[无已批准月计划]" in the packet after the approval. A month counts as planned once any revision of its plan
    was approved: later edits wait for a new approval, but the visits made under the approved one were planned.
    """
    approved = exists().where(
        MonthlyPlan.student_id == Visit.student_id,
        MonthlyPlan.month == server.year_month(Visit.date),
        MonthlyPlan.deleted_at.is_(None),
        MonthlyPlan.approved_revision.is_not(None),
    )
    return and_(Visit.status == "done", ~approved)


def visit_lacks_approved_plan(session: Session, visit_id: str) -> bool:
    """Within a transaction: :func:`lacks_approved_plan` for one visit."""
    return bool(session.scalar(select(lacks_approved_plan()).where(Visit.id == visit_id)))


def plan_status_for(ctx: ServiceContext, student_id: str, day: dt.date) -> str | None:
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        return plan_status_in(session, student_id, day)


def _summaries(session: Session, query: Any) -> list[PlanSummary]:
    # Correlated per plan (both use the plan_id indexes): grouped subqueries over every revision and planned
    # visit of the school cost ~50 ms even when listing one student's plans.
    latest = (
        select(func.max(PlanRevision.submitted_at))
        .where(PlanRevision.plan_id == MonthlyPlan.id)
        .correlate(MonthlyPlan)
        .scalar_subquery()
    )
    visits = (
        select(func.count())
        .where(PlannedVisit.plan_id == MonthlyPlan.id, PlannedVisit.deleted_at.is_(None))
        .correlate(MonthlyPlan)
        .scalar_subquery()
    )
    rows = session.execute(
        query.add_columns(Student.code, Student.name, User.display_name, latest, visits)
        .join(Student, Student.id == MonthlyPlan.student_id)
        .join(User, User.id == MonthlyPlan.teacher_id)
    )
    return [
        PlanSummary(
            id=p.id,
            student_id=p.student_id,
            student_code=code,
            student_name=name,
            month=p.month,
            teacher_id=p.teacher_id,
            teacher_name=teacher,
            status=p.status,
            plan_revision=p.plan_revision,
            submitted_at=at,
            visits_planned=n or 0,
        )
        for p, code, name, teacher, at, n in rows
    ]


def office_queue(ctx: ServiceContext) -> list[PlanSummary]:
    """Plans waiting for a decision, oldest submission first."""
    with reading(ctx) as session:
        visible = visible_students(ctx).with_only_columns(Student.id)
        query = select(MonthlyPlan).where(
            MonthlyPlan.deleted_at.is_(None),
            MonthlyPlan.status.in_(AWAITING),
            MonthlyPlan.student_id.in_(visible),
        )
        result = _summaries(session, query)
        return sorted(result, key=lambda s: (s.submitted_at or dt.datetime.max, s.month, s.student_code))


def list_plans(ctx: ServiceContext, student_id: str) -> list[PlanSummary]:
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        query = select(MonthlyPlan).where(
            MonthlyPlan.deleted_at.is_(None), MonthlyPlan.student_id == student_id
        )
        return sorted(_summaries(session, query), key=lambda s: s.month, reverse=True)


def list_visible_plans(ctx: ServiceContext, since_month: str | None = None) -> list[PlanSummary]:
    """Every plan of the students this user sees (a teacher: their own), newest month first, in one query.

    Added for the desktop Plans page ("my plans"), which otherwise had to ask student by student.
    """
    with reading(ctx) as session:
        visible = visible_students(ctx).with_only_columns(Student.id)
        query = select(MonthlyPlan).where(
            MonthlyPlan.deleted_at.is_(None), MonthlyPlan.student_id.in_(visible)
        )
        if since_month:
            query = query.where(MonthlyPlan.month >= forms.month_key(since_month))
        return sorted(_summaries(session, query), key=lambda s: (s.month, s.student_code), reverse=True)


def plan_history(ctx: ServiceContext, plan_id: str) -> list[RevisionInfo]:
    """Every submitted revision with its decision, oldest first."""
    with reading(ctx) as session:
        plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
        student_for_read(session, ctx, plan.student_id)
        names = {uid: name for uid, name in session.execute(select(User.id, User.display_name))}
        return [
            RevisionInfo(
                number=r.number,
                submitted_at=r.submitted_at,
                submitted_by=r.submitted_by,
                decision=r.decision,
                reviewer_id=r.reviewer_id,
                reviewer_name=names.get(r.reviewer_id or "", ""),
                decided_at=r.decided_at,
                comment=r.comment,
                snapshot=dict(r.snapshot),
            )
            for r in _live(plan.revisions)
        ]


@dataclass(frozen=True)
class PlanEditing:
    """Everything the plan editor shows, read in one call (the UI used to chain three reads)."""

    detail: PlanDetail | None  # None: the month's plan is not written yet
    objectives: tuple[tuple[str, str], ...]  # (objective id, "goal › objective") of the term's IEP
    history: tuple[RevisionInfo, ...]  # every submitted revision with its decision, oldest first
    student: str  # "S001 小明": the header names the child (several plan windows may be open)


def plan_for_editing(ctx: ServiceContext, student_id: str, month: str) -> PlanEditing:
    detail = find_plan(ctx, student_id, month)
    return PlanEditing(
        detail=detail,
        objectives=tuple(ieps.current_objectives(ctx, student_id)),
        history=tuple(plan_history(ctx, detail.id)) if detail is not None else (),
        student=students.student_label(ctx, student_id),
    )
