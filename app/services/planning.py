"""Typed reads that save the teacher typing: next month's plan copied from the last one, the rule's check.

Nothing here writes: the plan editor shows the copy, the teacher looks, then saves or submits it as usual
(plans.save_plan / submit_plan), so the copy goes through the same checks as a typed plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.db.models import MonthlyPlan, PlannedVisit
from app.domain import planning
from app.domain.calendar import TermCalendar
from app.domain.rules import VisitRule
from app.services import forms, plans, school
from app.services.access import student_for_read
from app.services.context import ServiceContext, reading
from app.services.errors import NotFound


@dataclass(frozen=True)
class MonthFrame:
    """What the plan editor needs to say whether a month's plan is enough for the rule."""

    month: str
    calendar: TermCalendar | None  # None: no term covers the month (nothing to check)
    rule: VisitRule
    planned_elsewhere: tuple[dt.date, ...]  # other months' planned visits in this month's edge weeks

    def shortfall(self, planned: list[dt.date]) -> list[planning.Shortfall]:
        if self.calendar is None:
            return []
        return planning.shortfall(planned, self.month, self.calendar, self.rule, self.planned_elsewhere)


@dataclass(frozen=True)
class PlanCopy:
    """Next month's plan as copied from ``source_month``; not saved."""

    source_month: str
    visits: tuple[plans.PlannedVisitInfo, ...]  # ids empty: new planned visits
    objective_ids: tuple[str, ...]
    materials: str
    family_tasks: str
    safety_notes: str
    co_teacher_ids: tuple[str, ...]


def previous_month(month: str) -> str:
    first = dt.date.fromisoformat(f"{month}-01")
    return (first - dt.timedelta(days=1)).strftime("%Y-%m")


def _edge_visits(ctx: ServiceContext, student_id: str, month: str) -> tuple[dt.date, ...]:
    """Planned visits of the neighbouring months' plans within a week of this month's edges."""
    first, last = planning.month_bounds(month)
    with reading(ctx) as session:
        days = session.scalars(
            select(PlannedVisit.date)
            .join(MonthlyPlan, MonthlyPlan.id == PlannedVisit.plan_id)
            .where(
                MonthlyPlan.student_id == student_id,
                MonthlyPlan.month != month,
                MonthlyPlan.deleted_at.is_(None),
                PlannedVisit.deleted_at.is_(None),
                PlannedVisit.date >= first - dt.timedelta(days=7),
                PlannedVisit.date <= last + dt.timedelta(days=7),
            )
        )
        return tuple(sorted(days))


def month_frame(ctx: ServiceContext, student_id: str, month: str) -> MonthFrame:
    month = forms.month_key(month)
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        rule = school.rule_of(school.school_row(session))
    first, last = planning.month_bounds(month)
    term = school.term_for_date(ctx, first) or school.term_for_date(ctx, last)
    return MonthFrame(month, term.calendar() if term else None, rule, _edge_visits(ctx, student_id, month))


def copy_last_month(ctx: ServiceContext, student_id: str, month: str) -> PlanCopy:
    """The previous month's plan with its visits moved to the same weekdays of ``month`` (see
    :func:`app.domain.planning.copy_forward`): as many as the rule needs, holidays skipped."""
    month = forms.month_key(month)
    source = plans.find_plan(ctx, student_id, previous_month(month))
    if source is None or not source.visits:
        raise NotFound("plan.nothing_to_copy", "There is no plan for the month before to copy.")
    frame = month_frame(ctx, student_id, month)
    if frame.calendar is None:
        raise NotFound("term.none_for_month", "No term covers this month: add it in Settings first.")
    copied = planning.copy_forward(
        [v.date for v in source.visits], month, frame.calendar, frame.rule, frame.planned_elsewhere
    )
    visits = tuple(
        plans.PlannedVisitInfo(
            "",
            c.date,
            source.visits[c.source].time_slot,
            source.visits[c.source].lessons,
            source.visits[c.source].content,
        )
        for c in copied
    )
    return PlanCopy(
        source.month,
        visits,
        source.objective_ids,
        source.materials,
        source.family_tasks,
        source.safety_notes,
        source.co_teacher_ids,
    )
