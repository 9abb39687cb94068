"""The semester teacher assessment (学期考核): figures from the records, manual items, score and grade."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import (
    Contact,
    Goal,
    Iep,
    MonthlyPlan,
    Objective,
    ObjectiveReview,
    PlanRevision,
    School,
    TeacherAssessment,
    User,
    Visit,
)
from app.domain import assessment as rules
from app.domain.calendar import teaching_weeks
from app.services import forms
from app.services.compliance import term_compliance
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import ConflictError, PermissionDenied, ValidationError
from app.services.ieps import PASSED_RESULTS
from app.services.school import TermInfo, resolve_term

GRADES = tuple(rules.GRADE_LABELS_ZH)  # excellent good pass fail


@dataclass(frozen=True, kw_only=True)
class AssessmentInfo:
    teacher_id: str
    teacher_name: str
    term_id: str
    term_name: str
    figures: rules.TeacherFigures
    indicators: dict[str, float | None]
    manual: dict[str, float]
    score: float
    parts: dict[str, float | None]
    excluded: tuple[str, ...]
    suggested_grade: str
    grade: str | None  # decided by academic affairs; None until then
    comment: str
    decided_by: str | None
    decided_at: dt.datetime | None
    revision: int | None  # of the stored manual record, None when none was saved yet

    @property
    def grade_label_zh(self) -> str:
        return rules.GRADE_LABELS_ZH[self.grade or self.suggested_grade]


def school_weights(settings: dict[str, Any]) -> tuple[rules.Weights, rules.GradeThresholds, float]:
    """Weights, grade thresholds and the contacts target from School.assessment_weights (flat numbers).

    Keys: the Weights field names, ``grade_excellent``, ``grade_good``, ``grade_pass``, ``contacts_target``.
    """
    known = rules.Weights().as_dict()
    weights = rules.Weights(**{k: float(v) for k, v in settings.items() if k in known})
    defaults = rules.GradeThresholds()
    thresholds = rules.GradeThresholds(
        float(settings.get("grade_excellent", defaults.excellent)),
        float(settings.get("grade_good", defaults.good)),
        float(settings.get("grade_pass", defaults.passed)),
    )
    return weights, thresholds, float(settings.get("contacts_target", 1.0)) or 1.0


def _months(start: dt.date, end: dt.date) -> list[str]:
    months, day = [], start.replace(day=1)
    while day <= end:
        months.append(day.strftime("%Y-%m"))
        day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return months


def _check_reader(ctx: ServiceContext, teacher_id: str) -> None:
    if ctx.actor.is_teacher and ctx.actor.id != teacher_id:
        raise PermissionDenied("assessment.other_teacher", "Teachers see only their own assessment.")


def compute_figures(
    ctx: ServiceContext, teacher_id: str, term_ref: str | None = None
) -> rules.TeacherFigures:
    """Count a teacher's term from the records: visit rule compliance, records, plans, contacts, objectives."""
    _check_reader(ctx, teacher_id)
    term = resolve_term(ctx, term_ref)
    compliance = term_compliance(ctx, term.id, teacher_id=teacher_id)
    student_ids = [s.student_id for s in compliance.students]
    totals = [s.result.totals for s in compliance.students]
    with reading(ctx) as session:
        get_live(session, User, teacher_id, "user")
        records = _record_figures(session, teacher_id, term, student_ids, ctx.today())
    lessons_required = sum(t.lessons_required for t in totals)
    return rules.TeacherFigures(
        teaching_weeks=len(teaching_weeks(term.calendar())),
        student_weeks_due=sum(t.due_periods for t in totals),
        student_weeks_met=sum(t.met + t.met_by_makeup for t in totals),
        visits_done=sum(t.visits_done for t in totals),
        lessons_delivered=sum(t.lessons_delivered for t in totals),
        lessons_required=lessons_required,
        minutes_delivered=sum(t.minutes_delivered for t in totals),
        minutes_required=lessons_required * compliance.rule.minutes_per_lesson,
        owed_makeups_outstanding=sum(t.owed_makeups for t in totals),
        **records,
    )


def _record_figures(
    session: Session, teacher_id: str, term: TermInfo, student_ids: list[str], today: dt.date
) -> dict[str, int]:
    done = list(
        session.scalars(
            select(Visit).where(
                Visit.teacher_id == teacher_id,
                Visit.status == "done",
                Visit.deleted_at.is_(None),
                Visit.date >= term.start,
                Visit.date <= term.end,
            )
        )
    )
    complete = 0
    for visit in done:
        lessons = [x for x in visit.lessons if x.deleted_at is None]
        # Complete = what was taught, toward which objectives, and the caregiver's signature.
        if (
            visit.signature_id
            and lessons
            and all(x.content.strip() for x in lessons)
            and any(x.objective_ids for x in lessons)
        ):
            complete += 1
    months = _months(term.start, term.end)
    plans = list(
        session.scalars(
            select(MonthlyPlan).where(
                MonthlyPlan.teacher_id == teacher_id,
                MonthlyPlan.deleted_at.is_(None),
                MonthlyPlan.month.in_(months),
            )
        )
    )
    on_time = approved_first = 0
    for plan in plans:
        first_day = dt.date.fromisoformat(plan.month + "-01")
        if plan.first_submitted_at and plan.first_submitted_at.date() < first_day:
            on_time += 1
        approved_at = session.scalar(
            select(PlanRevision.decided_at)
            .where(PlanRevision.plan_id == plan.id, PlanRevision.decision == "approved")
            .order_by(PlanRevision.decided_at)
        )
        if approved_at is None:
            continue
        first_visit = session.scalar(
            select(Visit.date)
            .where(
                Visit.student_id == plan.student_id,
                Visit.status == "done",
                Visit.deleted_at.is_(None),
                Visit.date >= first_day,
                Visit.date <= _month_end(first_day),
            )
            .order_by(Visit.date)
        )
        if first_visit is None or approved_at.date() <= first_visit:
            approved_first += 1
    contacts = len(
        session.scalars(
            select(Contact.id).where(
                Contact.recorder_id == teacher_id,
                Contact.deleted_at.is_(None),
                Contact.at >= dt.datetime.combine(term.start, dt.time()),
                Contact.at < dt.datetime.combine(term.end + dt.timedelta(days=1), dt.time()),
            )
        ).all()
    )
    months_so_far = _months(term.start, min(term.end, today)) if today >= term.start else []
    reviewed = passed = 0
    objectives = session.scalars(
        select(Objective)
        .join(Goal, Goal.id == Objective.goal_id)
        .join(Iep, Iep.id == Goal.iep_id)
        .where(
            Iep.term_id == term.id,
            Iep.student_id.in_(student_ids),
            Iep.deleted_at.is_(None),
            Goal.deleted_at.is_(None),
            Objective.deleted_at.is_(None),
        )
    )
    for objective in objectives:
        reviews: list[ObjectiveReview] = [r for r in objective.reviews if r.deleted_at is None]
        if reviews:
            reviewed += 1
            passed += reviews[-1].result in PASSED_RESULTS
    return {
        "done_visits": len(done),
        "complete_visits": complete,
        "plans_total": len(plans),
        "plans_submitted_before_month": on_time,
        "plans_approved_before_first_visit": approved_first,
        "contacts": contacts,
        "student_months": len(student_ids) * len(months_so_far),
        "objectives_reviewed": reviewed,
        "objectives_passed": passed,
    }


def _month_end(first_day: dt.date) -> dt.date:
    return (first_day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def get_assessment(ctx: ServiceContext, teacher_id: str, term_ref: str | None = None) -> AssessmentInfo:
    term = resolve_term(ctx, term_ref)
    figures = compute_figures(ctx, teacher_id, term.id)
    with reading(ctx) as session:
        teacher: User = get_live(session, User, teacher_id, "user")
        school = session.scalar(select(School).where(School.deleted_at.is_(None)))
        weights, thresholds, target = school_weights(dict(school.assessment_weights or {}) if school else {})
        row = session.scalar(
            select(TeacherAssessment).where(
                TeacherAssessment.teacher_id == teacher_id,
                TeacherAssessment.term_id == term.id,
                TeacherAssessment.deleted_at.is_(None),
            )
        )
        manual = {k: float(v) for k, v in (row.manual if row else {}).items() if k in rules.MANUAL_ITEMS}
        details = rules.score_details(figures, weights, manual, target)
        return AssessmentInfo(
            teacher_id=teacher_id,
            teacher_name=teacher.display_name,
            term_id=term.id,
            term_name=term.name,
            figures=figures,
            indicators=rules.indicators(figures, target),
            manual=manual,
            score=details.score,
            parts=details.parts,
            excluded=details.excluded,
            suggested_grade=rules.suggest_grade(details.score, thresholds),
            grade=row.grade if row else None,
            comment=row.comment if row else "",
            decided_by=row.decided_by if row else None,
            decided_at=row.decided_at if row else None,
            revision=row.revision if row else None,
        )


def list_assessments(ctx: ServiceContext, term_ref: str | None = None) -> list[AssessmentInfo]:
    """Every active teacher's assessment for the term (office and leaders)."""
    require_role(ctx, "academic_affairs", "leader", "admin")
    term = resolve_term(ctx, term_ref)
    with reading(ctx) as session:
        teacher_ids = list(
            session.scalars(
                select(User.id)
                .where(User.role == "teacher", User.active.is_(True), User.deleted_at.is_(None))
                .order_by(User.display_name)
            )
        )
    return [get_assessment(ctx, teacher_id, term.id) for teacher_id in teacher_ids]


def save_assessment(
    ctx: ServiceContext,
    teacher_id: str,
    term_ref: str | None,
    data: dict[str, Any],
    expected_revision: int | None = None,
) -> AssessmentInfo:
    """Academic affairs rates the manual items (0..1), writes the comment and sets the grade."""
    require_role(ctx, "academic_affairs")
    forms.unknown_keys(data, (*rules.MANUAL_ITEMS, "comment", "grade"))
    manual: dict[str, float] = {}
    for key in rules.MANUAL_ITEMS:
        if key in data and data[key] not in (None, ""):
            try:
                value = float(data[key])
            except (TypeError, ValueError):
                raise ValidationError("field.number", f"{key} is not a number.", field=key) from None
            if not 0.0 <= value <= 1.0:
                raise ValidationError(
                    "field.range", f"{key} must be between 0 and 1.", field=key, low=0, high=1
                )
            manual[key] = value
    comment = forms.text(data, "comment", max_len=4000)
    grade = forms.choice(data.get("grade"), "grade", GRADES, required=False)
    term = resolve_term(ctx, term_ref)
    with transaction(ctx) as session:
        teacher: User = get_live(session, User, teacher_id, "user")
        if teacher.role != "teacher":
            raise ValidationError("assessment.not_teacher", "Only teachers are assessed.", field="teacher_id")
        row = session.scalar(
            select(TeacherAssessment).where(
                TeacherAssessment.teacher_id == teacher_id, TeacherAssessment.term_id == term.id
            )
        )
        if row is None:
            row = TeacherAssessment(teacher_id=teacher_id, term_id=term.id)
            session.add(row)
        elif expected_revision is not None and expected_revision != row.revision:
            raise ConflictError(
                "record.changed", "Someone else saved this assessment first; reload and try again."
            )
        row.deleted_at = None
        row.manual, row.comment, row.grade = manual, comment, grade
        row.decided_by = None if ctx.actor.role == "system" else ctx.actor.id
        row.decided_at = utcnow()
    return get_assessment(ctx, teacher_id, term.id)
