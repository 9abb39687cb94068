"""A student's timeline: visits, guardian contacts, plan decisions and IEP events, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import (
    Contact,
    Goal,
    Iep,
    MonthlyPlan,
    Objective,
    ObjectiveReview,
    PlanRevision,
    Term,
    Visit,
)
from app.domain.clock import local_time
from app.services.access import student_for_read
from app.services.context import ServiceContext, reading

KINDS = (
    "visit",
    "contact",
    "plan_submitted",
    "plan_decided",
    "iep_created",
    "iep_review",
    "objective_review",
)


@dataclass(frozen=True)
class TimelineEvent:
    """One entry; ``kind`` and ``status`` are keys the UI translates, ``summary`` is the record's own text."""

    at: dt.datetime
    kind: str
    record_id: str  # the visit, contact, plan, IEP or objective to open
    status: str
    summary: str


def _day(day: dt.date, clock: dt.time | None = None) -> dt.datetime:
    return dt.datetime.combine(day, clock or dt.time())


def _events(session: Session, student_id: str) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    # Lessons in one IN query, not one lazy load per visit (~160 queries for a student of the demo school).
    for v in session.scalars(
        select(Visit)
        .options(selectinload(Visit.lessons))
        .where(Visit.student_id == student_id, Visit.deleted_at.is_(None))
    ):
        summary = (
            v.cancel_reason
            if v.status == "cancelled"
            else "、".join(x.subject or x.content[:20] for x in v.lessons if x.deleted_at is None)
        )
        events.append(TimelineEvent(_day(v.date, v.start_time), "visit", v.id, v.status, summary))
    for c in session.scalars(
        select(Contact).where(Contact.student_id == student_id, Contact.deleted_at.is_(None))
    ):
        events.append(
            TimelineEvent(
                c.at,
                "contact",
                c.id,
                "answered" if c.answered else "unanswered",
                f"{c.channel}/{c.purpose}: {c.summary[:60]}",
            )
        )
    rows = session.execute(
        select(PlanRevision, MonthlyPlan.month)
        .join(MonthlyPlan, MonthlyPlan.id == PlanRevision.plan_id)
        .where(
            MonthlyPlan.student_id == student_id,
            MonthlyPlan.deleted_at.is_(None),
            PlanRevision.deleted_at.is_(None),
        )
    )
    for revision, month in rows:
        events.append(
            TimelineEvent(
                local_time(revision.submitted_at),
                "plan_submitted",
                revision.plan_id,
                f"r{revision.number}",
                month,
            )
        )
        if revision.decision and revision.decided_at:
            events.append(
                TimelineEvent(
                    local_time(revision.decided_at),
                    "plan_decided",
                    revision.plan_id,
                    revision.decision,
                    f"{month} r{revision.number} {revision.comment[:60]}".strip(),
                )
            )
    for iep, term_name in session.execute(
        select(Iep, Term.name)
        .join(Term, Term.id == Iep.term_id)
        .where(Iep.student_id == student_id, Iep.deleted_at.is_(None))
    ):
        events.append(TimelineEvent(iep.created_at, "iep_created", iep.id, iep.status, term_name))
        if iep.review_date:
            events.append(
                TimelineEvent(
                    _day(iep.review_date), "iep_review", iep.id, iep.status, iep.review_summary[:60]
                )
            )
    reviews = session.execute(
        select(ObjectiveReview, Objective.text)
        .join(Objective, Objective.id == ObjectiveReview.objective_id)
        .join(Goal, Goal.id == Objective.goal_id)
        .join(Iep, Iep.id == Goal.iep_id)
        .where(
            Iep.student_id == student_id,
            Iep.deleted_at.is_(None),
            ObjectiveReview.deleted_at.is_(None),
            Objective.deleted_at.is_(None),
        )
    )
    for review, text in reviews:
        events.append(
            TimelineEvent(
                _day(review.date), "objective_review", review.objective_id, review.result, text[:60]
            )
        )
    return events


def count_events(ctx: ServiceContext, student_id: str) -> int:
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        return len(_events(session, student_id))


def student_timeline(
    ctx: ServiceContext,
    student_id: str,
    *,
    offset: int = 0,
    limit: int | None = 50,
    kinds: tuple[str, ...] | None = None,
) -> list[TimelineEvent]:
    """A page of the student's events, newest first (one student's history fits in memory)."""
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        events = _events(session, student_id)
    if kinds:
        events = [e for e in events if e.kind in kinds]
    events.sort(key=lambda e: (e.at, e.kind, e.record_id), reverse=True)
    return events[offset : None if limit is None else offset + limit]
