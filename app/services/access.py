"""Who may see which student: teachers only their assigned students, the office everyone."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Assignment, Student
from app.services.context import ServiceContext, get_live, transaction
from app.services.errors import NotFound, PermissionDenied


def _active_assignment(teacher_id: str, on: dt.date | None = None) -> Select[str]:
    query = select(Assignment.student_id).where(
        Assignment.teacher_id == teacher_id, Assignment.deleted_at.is_(None)
    )
    if on is not None:
        query = query.where(or_(Assignment.end_date.is_(None), Assignment.end_date >= on))
    return query


def main_teacher(session: Session, student_id: str) -> str | None:
    """Whom a student's new records default to: the main teacher (主教) in charge now, else an assistant."""
    return session.scalar(
        select(Assignment.teacher_id)
        .where(
            Assignment.student_id == student_id,
            Assignment.deleted_at.is_(None),
            Assignment.end_date.is_(None),
        )
        .order_by(Assignment.role.desc())  # "main" before "assistant"
    )


def main_assignments(since: dt.date) -> Select[str, str]:
    """(student id, teacher id) of the main-teacher assignments in force on or after ``since``, oldest first
    (a dict built from the rows keeps each student's latest main teacher)."""
    return (
        select(Assignment.student_id, Assignment.teacher_id)
        .where(
            Assignment.role == "main",
            Assignment.deleted_at.is_(None),
            or_(Assignment.end_date.is_(None), Assignment.end_date >= since),
        )
        .order_by(Assignment.start_date)
    )


def visible_students(ctx: ServiceContext) -> Select[Student]:
    """A query of the live students this actor may read."""
    query = select(Student).where(Student.deleted_at.is_(None))
    if not ctx.actor.reads_all:
        query = query.where(Student.id.in_(_active_assignment(ctx.actor.id, ctx.today())))
    return query


def visible_student_ids(session: Session, ctx: ServiceContext) -> set[str]:
    return set(session.scalars(visible_students(ctx).with_only_columns(Student.id)))


def student_for_read(session: Session, ctx: ServiceContext, student_id: str) -> Student:
    student: Student = get_live(session, Student, student_id, "student")
    if ctx.actor.reads_all:
        return student
    if (
        session.scalar(
            _active_assignment(ctx.actor.id, ctx.today()).where(Assignment.student_id == student_id)
        )
        is None
    ):
        # Same message as a missing student: a teacher must not learn who else is on the roll.
        raise NotFound("student.not_found", "The student does not exist or was deleted.")
    return student


def student_for_write(session: Session, ctx: ServiceContext, student_id: str) -> Student:
    """Teachers write their assigned students' records; academic affairs and admins any; leaders read only."""
    student = student_for_read(session, ctx, student_id)
    if ctx.actor.role == "leader":
        raise PermissionDenied("role.read_only", "School leaders can read records but not change them.")
    return student


def soft_delete(ctx: ServiceContext, model: type[Any], record_id: str, what: str) -> None:
    """Remove one of a student's records (a guardian, a pause, a contact) if the actor may write that student's
    records: the row stays, marked deleted, with its revision, author and audit entry."""
    with transaction(ctx) as session:
        row = get_live(session, model, record_id, what)
        student_for_write(session, ctx, row.student_id)
        row.deleted_at = utcnow()
