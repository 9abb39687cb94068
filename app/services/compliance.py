"""The visit rule applied to the database: week statuses and term totals per student."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Assignment, Pause, Student, Visit, VisitLesson
from app.domain.calendar import TermCalendar, periods, unknown_years
from app.domain.rules import (
    CancelCause,
    ComplianceResult,
    Span,
    StudentFacts,
    VisitFact,
    VisitRule,
    VisitState,
    evaluate,
)
from app.services import holidays
from app.services.access import visible_students
from app.services.context import ServiceContext, reading
from app.services.school import TermInfo, resolve_term, rule_of, school_row

ENDED = ("returned", "transferred", "graduated")


@dataclass(frozen=True)
class StudentCompliance:
    student_id: str
    code: str
    name: str
    teacher_ids: tuple[str, ...]
    result: ComplianceResult


@dataclass(frozen=True)
class TermCompliance:
    term: TermInfo
    rule: VisitRule
    today: dt.date
    students: tuple[StudentCompliance, ...]
    # Years of the term whose official holidays nobody here knows (no package data, no imported file):
    # the week and holiday counting may be wrong there, and the page says so.
    unknown_holiday_years: tuple[int, ...] = ()


def _enrolment(student: Student, calendar: TermCalendar) -> Span:
    start = student.enrolled_on or calendar.start
    end = None
    if student.status in ENDED and student.status_since:
        end = student.status_since - dt.timedelta(days=1)
    return Span(start, end)


def _pauses(student: Student, pauses: list[Pause]) -> tuple[Span, ...]:
    spans = [Span(p.start_date, p.end_date, p.reason) for p in pauses]
    if student.status == "paused":
        spans.append(Span(student.status_since or dt.date.min, None, "paused"))
    return tuple(spans)


# Above this many students, filter visits by date only and drop other students in Python: one range scan
# on the date index beats hundreds of IN-list lookups, and the lesson minutes come in one joined query.
_FEW_STUDENTS = 50


def facts_for(session: Session, students: list[Student], calendar: TermCalendar) -> dict[str, StudentFacts]:
    """Load, in a few set-based queries, what the rule needs for many students."""
    ids = [s.id for s in students]
    wanted = set(ids)
    # Make-ups may happen after the term's last day for a visit inside it; allow a few weeks.
    window_end = calendar.end + dt.timedelta(days=28)
    where = [Visit.deleted_at.is_(None), Visit.date >= calendar.start, Visit.date <= window_end]
    if len(ids) <= _FEW_STUDENTS:
        where.append(Visit.student_id.in_(ids))
    visit_rows = session.execute(
        select(
            Visit.id,
            Visit.student_id,
            Visit.date,
            Visit.status,
            Visit.cancel_cause,
            Visit.cancel_reason,
            Visit.makeup_of_id,
        ).where(*where)
    ).all()
    minutes: dict[str, list[int]] = defaultdict(list)
    for visit_id, lesson_minutes in session.execute(
        select(VisitLesson.visit_id, VisitLesson.minutes)
        .join(Visit, Visit.id == VisitLesson.visit_id)
        .where(*where, Visit.status == "done", VisitLesson.deleted_at.is_(None))
    ):
        minutes[visit_id].append(lesson_minutes)
    visits: dict[str, list[VisitFact]] = defaultdict(list)
    states = {state.value: state for state in VisitState}
    causes = {cause.value: cause for cause in CancelCause}
    no_minutes: list[int] = []
    for visit_id, student_id, date, status, cause, reason, makeup_of in visit_rows:
        if student_id in wanted:
            visits[student_id].append(
                VisitFact(
                    visit_id,
                    date,
                    states[status],
                    tuple(minutes.get(visit_id, no_minutes)),
                    causes.get(cause) if cause else None,
                    reason or "",
                    makeup_of,
                )
            )
    pauses: dict[str, list[Pause]] = defaultdict(list)
    pause_query = select(Pause).where(Pause.deleted_at.is_(None), Pause.start_date <= calendar.end)
    for pause in session.scalars(pause_query):
        if pause.student_id in wanted:
            pauses[pause.student_id].append(pause)
    return {
        s.id: StudentFacts(
            _enrolment(s, calendar),
            _pauses(s, pauses[s.id]),
            tuple(sorted(visits[s.id], key=lambda v: (v.date, v.id))),
        )
        for s in students
    }


def term_compliance(
    ctx: ServiceContext,
    term_ref: str | None = None,
    *,
    student_ids: list[str] | None = None,
    teacher_id: str | None = None,
) -> TermCompliance:
    """Week (or month) statuses for every visible student of a term, optionally narrowed."""
    term = resolve_term(ctx, term_ref)
    calendar = term.calendar()
    today = ctx.today()
    with reading(ctx) as session:
        school = school_row(session)
        rule = rule_of(school)
        unknown = tuple(unknown_years(term.start, term.end, holidays.decode(school.official_holidays)))
        query = visible_students(ctx).order_by(Student.code)
        if student_ids is not None:
            query = query.where(Student.id.in_(student_ids))
        if teacher_id:
            query = query.where(
                Student.id.in_(
                    select(Assignment.student_id).where(
                        Assignment.teacher_id == teacher_id, Assignment.deleted_at.is_(None)
                    )
                )
            )
        students = [s for s in session.scalars(query) if not (s.enrolled_on and s.enrolled_on > calendar.end)]
        teachers: dict[str, list[str]] = defaultdict(list)
        for student_id, t_id in session.execute(
            select(Assignment.student_id, Assignment.teacher_id)
            .where(Assignment.deleted_at.is_(None))
            .order_by(Assignment.role.desc())
        ):
            teachers[student_id].append(t_id)
        facts = facts_for(session, students, calendar)
        # Plain values before the session closes: reading() rolls back, which expires ORM instances.
        rows = [(s.id, s.code, s.name) for s in students]
    # The term's weeks are the same for every student: split the calendar once, not once per child.
    term_periods = periods(calendar, rule.period)
    results = tuple(
        StudentCompliance(
            sid,
            code,
            name,
            tuple(teachers.get(sid, ())),
            evaluate(calendar, rule, facts[sid], today, term_periods),
        )
        for sid, code, name in rows
    )
    return TermCompliance(term, rule, today, results, unknown)


def to_json(result: TermCompliance, *, names: bool = False) -> dict[str, object]:
    """The `compliance --json` document. Names are left out unless asked for (privacy)."""
    return {
        "term": {
            "id": result.term.id,
            "name": result.term.name,
            "start": result.term.start.isoformat(),
            "end": result.term.end.isoformat(),
        },
        "rule": {
            "period": result.rule.period,
            "visits_per_period": result.rule.visits_per_period,
            "lessons_per_visit": result.rule.lessons_per_visit,
            "minutes_per_lesson": result.rule.minutes_per_lesson,
            "yearly_min_lessons": result.rule.yearly_min_lessons,
        },
        "today": result.today.isoformat(),
        "unknown_holiday_years": list(result.unknown_holiday_years),
        "students": [
            {
                "id": s.student_id,
                "code": s.code,
                **({"name": s.name} if names else {}),
                "periods": [
                    {
                        "start": p.period.start.isoformat(),
                        "end": p.period.end.isoformat(),
                        "status": str(p.status),
                        "reason": p.reason,
                        "visits": p.visits_counted,
                        "owed": p.owed,
                    }
                    for p in s.result.periods
                ],
                "totals": {
                    "teaching_periods": s.result.totals.teaching_periods,
                    "met": s.result.totals.met,
                    "met_by_makeup": s.result.totals.met_by_makeup,
                    "missed_owed": s.result.totals.missed_owed,
                    "missed_excused": s.result.totals.missed_excused,
                    "paused": s.result.totals.paused,
                    "future": s.result.totals.future,
                    "visits_done": s.result.totals.visits_done,
                    "lessons_delivered": s.result.totals.lessons_delivered,
                    "minutes_delivered": s.result.totals.minutes_delivered,
                    "lessons_required": s.result.totals.lessons_required,
                    "owed_makeups": s.result.totals.owed_makeups,
                },
            }
            for s in result.students
        ],
    }
