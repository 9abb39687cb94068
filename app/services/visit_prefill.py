"""What a new visit record already knows (教育部 2025 减负: each fact entered once, at its source).

From the month's plan: the teachers, the family task (as homework) and the next planned visit; from the
student's last finished visit: the place and the caregivers who were there, and, on request ("as last
visit"), its lessons. Used by visits.create_visit inside its transaction and by the editor's typed read.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import MonthlyPlan, PlannedVisit, User, Visit, VisitLesson
from app.services.access import student_for_read
from app.services.context import ServiceContext, reading
from app.services.users import is_live_teacher


@dataclass(frozen=True)
class LessonPrefill:
    subject: str
    content: str
    minutes: int
    objective_ids: tuple[str, ...]
    lesson_plan_id: str | None


def _last_done(session: Session, student_id: str, before: dt.date) -> Visit | None:
    return session.scalar(
        select(Visit)
        .where(
            Visit.student_id == student_id,
            Visit.status == "done",
            Visit.deleted_at.is_(None),
            Visit.date <= before,
        )
        .order_by(Visit.date.desc(), Visit.created_at.desc())
        .limit(1)
    )


def _next_planned(session: Session, student_id: str, after: dt.date) -> dt.date | None:
    return session.scalar(
        select(PlannedVisit.date)
        .join(MonthlyPlan, MonthlyPlan.id == PlannedVisit.plan_id)
        .where(
            MonthlyPlan.student_id == student_id,
            MonthlyPlan.deleted_at.is_(None),
            PlannedVisit.deleted_at.is_(None),
            PlannedVisit.date > after,
        )
        .order_by(PlannedVisit.date)
        .limit(1)
    )


def _active_teachers(session: Session, ids: list[str]) -> list[str]:
    result = []
    for teacher_id in dict.fromkeys(ids):
        user = session.get(User, teacher_id)
        if is_live_teacher(user) and user.active:
            result.append(teacher_id)
    return result


def carried_over(
    session: Session, student_id: str, day: dt.date, plan: MonthlyPlan | None, recorder_id: str
) -> dict[str, Any]:
    """Values for a new visit on ``day`` (keys as visits.update_visit takes them); empty ones left out."""
    values: dict[str, Any] = {}
    last = _last_done(session, student_id, day)
    if last is not None:
        for key in ("place", "caregivers_present"):
            if getattr(last, key):
                values[key] = getattr(last, key)
    if plan is not None:
        teachers = _active_teachers(session, [plan.teacher_id, *(plan.co_teacher_ids or [])])
        if recorder_id not in teachers:
            teachers.insert(0, recorder_id)
        values["teacher_ids"] = teachers
        if plan.family_tasks:
            values["homework"] = plan.family_tasks
    following = _next_planned(session, student_id, day)
    if following is not None:
        values["next_visit_on"] = following
    return values


def last_visit_lessons(ctx: ServiceContext, student_id: str, before: dt.date) -> list[LessonPrefill]:
    """The lessons of the student's last finished visit up to ``before`` ("as last visit": the recurring
    lessons a teacher repeats each week); empty when there is none."""
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        last = _last_done(session, student_id, before)
        if last is None:
            return []
        lessons = session.scalars(
            select(VisitLesson)
            .where(VisitLesson.visit_id == last.id, VisitLesson.deleted_at.is_(None))
            .order_by(VisitLesson.position)
        )
        return [
            LessonPrefill(x.subject, x.content, x.minutes, tuple(x.objective_ids or ()), x.lesson_plan_id)
            for x in lessons
        ]
