"""Data for the paper forms and tables: one visit or plan form, the term summary, the spreadsheet rows."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.db.models import Assignment, Contact, MonthlyPlan, Student, Term, User, Visit, VisitLesson
from app.domain.rules import ComplianceResult, VisitRule
from app.services import plans
from app.services.access import main_assignments, student_for_read
from app.services.archive import packet
from app.services.archive.sheets import PlanSheet, VisitSheet
from app.services.compliance import term_compliance
from app.services.context import ServiceContext, get_live, reading, require_role
from app.services.errors import NotFound
from app.services.school import TermInfo, get_term, school_row


@dataclass(frozen=True)
class FormHeader:
    """Who a form is about; the child's name is printed on paper, never used in a file name."""

    school_name: str
    code: str
    name: str
    grade_class: str
    disability: tuple[int | None, int | None]
    teachers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class VisitForm:
    header: FormHeader
    visit: VisitSheet


@dataclass(frozen=True)
class PlanForm:
    header: FormHeader
    plan: PlanSheet


def _term_containing(session: Any, day: dt.date) -> TermInfo | None:
    term = session.scalar(
        select(Term).where(Term.start_date <= day, Term.end_date >= day, Term.deleted_at.is_(None))
    )
    return None if term is None else TermInfo(term.id, term.name, term.start_date, term.end_date, term.locked)


def _header(session: Any, student: Student, names: dict[str, str]) -> FormHeader:
    teachers = tuple(
        (names.get(a.teacher_id, ""), a.role)
        for a in session.scalars(
            select(Assignment)
            .where(
                Assignment.student_id == student.id,
                Assignment.deleted_at.is_(None),
                Assignment.end_date.is_(None),
            )
            .order_by(Assignment.role.desc())
        )
    )
    return FormHeader(
        school_row(session).name,
        student.code,
        student.name,
        student.grade_class,
        (student.disability_category, student.disability_grade),
        teachers,
    )


def gather_visit_form(ctx: ServiceContext, visit_id: str) -> VisitForm:
    with reading(ctx) as session:
        visit: Visit = get_live(session, Visit, visit_id, "visit")
        student = student_for_read(session, ctx, visit.student_id)
        names = packet.user_names(session)
        term = _term_containing(session, visit.date) or TermInfo("", "", visit.date, visit.date, False)
        _, labels = packet.iep_sheet(session, student.id, term.id)
        sheets = packet.visit_sheets(session, student.id, term, names, labels, only=visit_id)
        return VisitForm(_header(session, student, names), sheets[0])


def gather_plan_form(ctx: ServiceContext, plan_id: str) -> PlanForm:
    with reading(ctx) as session:
        plan: MonthlyPlan = get_live(session, MonthlyPlan, plan_id, "plan")
        student = student_for_read(session, ctx, plan.student_id)
        names = packet.user_names(session)
        first = dt.date(int(plan.month[:4]), int(plan.month[5:7]), 1)
        term = (
            _term_containing(session, first)
            or _term_containing(session, first + dt.timedelta(days=27))
            or TermInfo("", "", first, first + dt.timedelta(days=27), False)
        )
        _, labels = packet.iep_sheet(session, student.id, term.id)
        sheets = packet.plan_sheets(session, student.id, term, names, labels, only=plan_id)
        if not sheets:
            raise NotFound("plan.not_found", "The plan does not exist or was deleted.")
        return PlanForm(_header(session, student, names), sheets[0])


@dataclass(frozen=True)
class SummaryRow:
    code: str
    name: str
    category: int | None
    grade: int | None
    teacher: str
    result: ComplianceResult


@dataclass(frozen=True, kw_only=True)
class TermSummary:
    """The school's term figures for the education management center (教育管理中心)."""

    school_name: str
    school_code: str
    term: TermInfo
    rule: VisitRule
    today: dt.date
    rows: tuple[SummaryRow, ...]
    teachers: int
    plans: int
    plans_approved: int
    contacts: int


def gather_summary(ctx: ServiceContext, term_id: str) -> TermSummary:
    """Office, leaders and admins only: it lists every student."""
    require_role(ctx, "academic_affairs", "leader", "admin")

    compliance = term_compliance(ctx, term_id)
    term = compliance.term
    with reading(ctx) as session:
        school = school_row(session)
        school_name, school_code = school.name, school.code
        names = packet.user_names(session)
        ids = [s.student_id for s in compliance.students]
        disability = {
            sid: (cat, grade)
            for sid, cat, grade in session.execute(
                select(Student.id, Student.disability_category, Student.disability_grade).where(
                    Student.id.in_(ids)
                )
            )
        }
        main: dict[str, str] = {}
        for student_id, teacher_id in session.execute(main_assignments(term.start)):
            main[student_id] = names.get(teacher_id, "")
        months = packet.term_months(term)
        plan_states = Counter(
            session.scalars(
                select(MonthlyPlan.status).where(
                    MonthlyPlan.month.in_(months), MonthlyPlan.deleted_at.is_(None)
                )
            )
        )
        contacts = len(
            session.scalars(
                select(Contact.id).where(
                    Contact.deleted_at.is_(None),
                    Contact.at >= dt.datetime.combine(term.start, dt.time.min),
                    Contact.at <= dt.datetime.combine(term.end, dt.time.max),
                )
            ).all()
        )
    rows = tuple(
        SummaryRow(s.code, s.name, *disability[s.student_id], main.get(s.student_id, ""), s.result)
        for s in compliance.students
    )
    return TermSummary(
        school_name=school_name,
        school_code=school_code,
        term=term,
        rule=compliance.rule,
        today=compliance.today,
        rows=rows,
        teachers=len(set(main.values())),
        plans=sum(plan_states.values()),
        plans_approved=plan_states.get("approved", 0),
        contacts=contacts,
    )


@dataclass(frozen=True, kw_only=True)
class LedgerRow:
    date: dt.date
    code: str
    name: str
    teacher: str
    status: str
    start: dt.time | None
    end: dt.time | None
    lessons: int
    minutes: int
    content: str
    cancel_cause: str | None
    cancel_reason: str
    makeup_of: dt.date | None
    without_approved_plan: bool
    signed: bool


def visit_ledger(ctx: ServiceContext, term_id: str) -> list[LedgerRow]:
    """Every visit of the term the actor may see, in date order (the visits ledger spreadsheet)."""
    from app.services.access import visible_students

    term = get_term(ctx, term_id)
    with reading(ctx) as session:
        names = packet.user_names(session)
        visible = visible_students(ctx).with_only_columns(Student.id)
        students = dict(session.execute(select(Student.id, Student.code)).all())
        student_names = dict(session.execute(select(Student.id, Student.name)).all())
        # Plain column rows, not ORM objects: a term of a big school has thousands of visits.
        visits = session.execute(
            select(
                Visit.id,
                Visit.date,
                Visit.student_id,
                Visit.teacher_id,
                Visit.status,
                Visit.start_time,
                Visit.end_time,
                Visit.cancel_cause,
                Visit.cancel_reason,
                Visit.makeup_of_id,
                plans.lacks_approved_plan().label("without_approved_plan"),
                Visit.signature_id,
                Visit.signature_kind,
            )
            .where(
                Visit.deleted_at.is_(None),
                Visit.date >= term.start,
                Visit.date <= term.end,
                Visit.student_id.in_(visible),
            )
            .order_by(Visit.date, Visit.start_time)
        ).all()
        dates = {v.id: v.date for v in visits}
        lessons: dict[str, list[tuple[int, str, str]]] = {}
        for visit_id, minutes, subject, content in session.execute(
            select(VisitLesson.visit_id, VisitLesson.minutes, VisitLesson.subject, VisitLesson.content)
            .join(Visit, Visit.id == VisitLesson.visit_id)
            .where(VisitLesson.deleted_at.is_(None), Visit.date >= term.start, Visit.date <= term.end)
            .order_by(VisitLesson.position)
        ):
            lessons.setdefault(visit_id, []).append((minutes, subject, content))
        return [
            LedgerRow(
                date=v.date,
                code=students.get(v.student_id, ""),
                name=student_names.get(v.student_id, ""),
                teacher=names.get(v.teacher_id, ""),
                status=v.status,
                start=v.start_time,
                end=v.end_time,
                lessons=len(lessons.get(v.id, [])),
                minutes=sum(m for m, _, _ in lessons.get(v.id, [])),
                content="；".join(f"{s}：{c}" if s else c for _, s, c in lessons.get(v.id, [])),
                cancel_cause=v.cancel_cause,
                cancel_reason=v.cancel_reason,
                makeup_of=dates.get(v.makeup_of_id or ""),
                without_approved_plan=v.without_approved_plan,
                signed=v.signature_id is not None or v.signature_kind is not None,
            )
            for v in visits
        ]


def teacher_ids_for_term(ctx: ServiceContext) -> list[tuple[str, str]]:
    """(id, username) of active teachers, for per-teacher assessment forms and file names."""
    with reading(ctx) as session:
        return [
            (u.id, u.username)
            for u in session.scalars(
                select(User)
                .where(User.role == "teacher", User.active.is_(True), User.deleted_at.is_(None))
                .order_by(User.username)
            )
        ]
