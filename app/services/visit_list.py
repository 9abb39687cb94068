"""The visit list: filtered, sorted and paged in SQL for a lazy table of tens of thousands of visits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app.db.models import Student, User, Visit, VisitLesson
from app.domain.rules import VisitState
from app.services import forms, plans
from app.services.access import visible_students
from app.services.context import ServiceContext, reading

STATUSES = tuple(state.value for state in VisitState)


@dataclass(frozen=True, kw_only=True)
class VisitSummary:
    """One row of the visit list: light, fetched a page at a time."""

    id: str
    student_id: str
    student_code: str
    student_name: str
    teacher_id: str
    teacher_name: str
    date: dt.date
    start_time: dt.time | None
    status: str
    lessons: int
    minutes: int
    without_approved_plan: bool
    makeup_of_id: str | None
    cancel_cause: str | None
    has_signature: bool


SORT_COLUMNS = {
    "date": Visit.date,
    "student_code": Student.code,
    "student_name": Student.name,
    "teacher": User.display_name,
    "status": Visit.status,
}


def _filtered(
    ctx: ServiceContext,
    *,
    student_id: str | None = None,
    teacher_id: str | None = None,
    status: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    flagged: bool | None = None,
    makeups: bool | None = None,
    search: str = "",
) -> Any:
    query = (
        select(Visit.id)
        .join(Student, Student.id == Visit.student_id)
        .join(User, User.id == Visit.teacher_id)
        .where(Visit.deleted_at.is_(None), Student.deleted_at.is_(None))
    )
    if not ctx.actor.reads_all:
        # Only for teachers: an IN list would stop SQLite walking the date index in order for the office (that
        # index, ix_visit_date_cover, holds every visit column this query and its count read: app/db/models).
        query = query.where(Visit.student_id.in_(visible_students(ctx).with_only_columns(Student.id)))
    if student_id:
        query = query.where(Visit.student_id == student_id)
    if teacher_id:
        query = query.where(Visit.teacher_id == teacher_id)
    if status:
        query = query.where(Visit.status == forms.choice(status, "status", STATUSES))
    if date_from:
        query = query.where(Visit.date >= date_from)
    if date_to:
        query = query.where(Visit.date <= date_to)
    if flagged is not None:
        flag = plans.lacks_approved_plan()
        query = query.where(flag if flagged else ~flag)
    if makeups is not None:
        query = query.where(Visit.makeup_of_id.is_not(None) if makeups else Visit.makeup_of_id.is_(None))
    if search.strip():
        like = f"%{search.strip()}%"
        query = query.where(Student.name.like(like) | Student.code.like(like))
    return query


def count_visits(ctx: ServiceContext, **filters: Any) -> int:
    with reading(ctx) as session:
        return session.scalar(select(func.count()).select_from(_filtered(ctx, **filters).subquery())) or 0


def list_visits(
    ctx: ServiceContext,
    *,
    offset: int = 0,
    limit: int | None = 200,
    sort: str = "date",
    descending: bool = True,
    **filters: Any,
) -> list[VisitSummary]:
    """A page of visits, filtered and sorted in SQL.

    Two steps: the page's ids (walking an index, cheap even deep into 50 000 rows), then the rows and
    their lesson totals for those ids only.
    """
    column = SORT_COLUMNS.get(sort, Visit.date)
    page = (
        _filtered(ctx, **filters).order_by(column.desc() if descending else column, Visit.id).offset(offset)
    )
    if limit is not None:
        page = page.limit(limit)
    lessons = (
        select(func.count(VisitLesson.id))
        .where(VisitLesson.visit_id == Visit.id, VisitLesson.deleted_at.is_(None))
        .scalar_subquery()
    )
    minutes = (
        select(func.coalesce(func.sum(VisitLesson.minutes), 0))
        .where(VisitLesson.visit_id == Visit.id, VisitLesson.deleted_at.is_(None))
        .scalar_subquery()
    )
    with reading(ctx) as session:
        ids = list(session.scalars(page))
        rows = {}
        for chunk in range(0, len(ids), 500):
            query = (
                select(
                    Visit.id,
                    Visit.student_id,
                    Student.code,
                    Student.name,
                    Visit.teacher_id,
                    User.display_name,
                    Visit.date,
                    Visit.start_time,
                    Visit.status,
                    lessons,
                    minutes,
                    plans.lacks_approved_plan(),
                    Visit.makeup_of_id,
                    Visit.cancel_cause,
                    Visit.signature_id,
                )
                .join(Student, Student.id == Visit.student_id)
                .join(User, User.id == Visit.teacher_id)
                .where(Visit.id.in_(ids[chunk : chunk + 500]))
            )
            rows.update({r[0]: r for r in session.execute(query)})
        return [
            VisitSummary(
                id=r[0],
                student_id=r[1],
                student_code=r[2],
                student_name=r[3],
                teacher_id=r[4],
                teacher_name=r[5],
                date=r[6],
                start_time=r[7],
                status=r[8],
                lessons=r[9] or 0,
                minutes=r[10] or 0,
                without_approved_plan=bool(r[11]),
                makeup_of_id=r[12],
                cancel_cause=r[13],
                has_signature=r[14] is not None,
            )
            for r in (rows[i] for i in ids)
        ]
