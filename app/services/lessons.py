"""Lesson plans (教案): each teacher's library, shared templates, copies, and links from visit lessons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import LessonPlan, Visit, VisitLesson
from app.services import forms, plans, students
from app.services.access import student_for_read, student_for_write, visible_student_ids
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError

PROCESS_STEPS = ("导入", "新授", "练习", "小结", "家庭延伸")  # 导入 → 新授/训练 → 练习 → 小结 → 家庭延伸训练
TEXT_FIELDS = {
    "title": 200,
    "subject": 40,
    "key_points": 4000,
    "difficulties": 4000,
    "aids": 4000,
    "support_level": 40,
    "assessment": 4000,
    "reflection": 4000,
}
FIELDS = (
    *TEXT_FIELDS,
    "student_id",
    "date",
    "lesson_no",
    "minutes",
    "objective_ids",
    "process",
    "is_template",
)


@dataclass(frozen=True, kw_only=True)
class LessonPlanInfo:
    id: str
    revision: int
    teacher_id: str
    student_id: str | None
    title: str
    subject: str
    date: dt.date | None
    lesson_no: int
    minutes: int
    objective_ids: tuple[str, ...]
    key_points: str
    difficulties: str
    aids: str
    process: dict[str, str]
    support_level: str
    assessment: str
    reflection: str
    is_template: bool


@dataclass(frozen=True)
class LessonPlanSummary:
    id: str
    teacher_id: str
    student_id: str | None
    title: str
    subject: str
    date: dt.date | None
    is_template: bool


def _info(p: LessonPlan) -> LessonPlanInfo:
    return LessonPlanInfo(
        id=p.id,
        revision=p.revision,
        teacher_id=p.teacher_id,
        student_id=p.student_id,
        title=p.title,
        subject=p.subject,
        date=p.date,
        lesson_no=p.lesson_no,
        minutes=p.minutes,
        objective_ids=tuple(p.objective_ids or ()),
        key_points=p.key_points,
        difficulties=p.difficulties,
        aids=p.aids,
        process=dict(p.process or {}),
        support_level=p.support_level,
        assessment=p.assessment,
        reflection=p.reflection,
        is_template=p.is_template,
    )


def _clean(
    session: Session, ctx: ServiceContext, data: dict[str, Any], current: LessonPlan | None
) -> dict[str, Any]:
    forms.unknown_keys(data, FIELDS)
    values: dict[str, Any] = {}
    for key, max_len in TEXT_FIELDS.items():
        if key in data or (key == "title" and current is None):
            values[key] = forms.text(data, key, required=key == "title", max_len=max_len)
    if "student_id" in data:
        values["student_id"] = data["student_id"] or None
        if values["student_id"]:
            student_for_write(session, ctx, values["student_id"])
    if "date" in data:
        values["date"] = forms.parse_date(data["date"], "date")
    if "lesson_no" in data:
        values["lesson_no"] = forms.parse_int(data["lesson_no"], "lesson_no", low=1, high=50, required=True)
    if "minutes" in data:
        values["minutes"] = forms.parse_int(data["minutes"], "minutes", low=5, high=240, required=True)
    if "process" in data:
        process = data["process"] or {}
        if not isinstance(process, dict):
            raise ValidationError(
                "lesson.process", "The teaching process is a set of named steps.", field="process"
            )
        forms.unknown_keys(process, PROCESS_STEPS)
        values["process"] = {
            step: forms.text(process, step, max_len=4000) for step in PROCESS_STEPS if step in process
        }
    if "is_template" in data:
        values["is_template"] = forms.parse_bool(data["is_template"])
    student_id = values.get("student_id", current.student_id if current else None)
    if "objective_ids" in data or ("student_id" in values and current is not None):
        ids = data.get("objective_ids", current.objective_ids if current else [])
        if not ids:
            values["objective_ids"] = []
        elif not student_id:
            raise ValidationError(
                "lesson.objectives_need_student",
                "Choose the student before linking objectives.",
                field="objective_ids",
            )
        else:
            values["objective_ids"] = plans.check_objectives(session, student_id, ids, "objective_ids")
    return values


def _own(session: Session, ctx: ServiceContext, plan_id: str) -> LessonPlan:
    plan: LessonPlan = get_live(session, LessonPlan, plan_id, "lesson_plan")
    if ctx.actor.role != "system" and plan.teacher_id != ctx.actor.id:
        if not _readable(session, ctx, plan):
            raise NotFound("lesson_plan.not_found", "The lesson plan does not exist or was deleted.")
        raise PermissionDenied(
            "lesson_plan.not_yours", "Only the author changes a lesson plan; copy it instead."
        )
    return plan


def _readable(session: Session, ctx: ServiceContext, plan: LessonPlan) -> bool:
    if ctx.actor.reads_all or plan.teacher_id == ctx.actor.id or plan.is_template:
        return True
    return plan.student_id is not None and plan.student_id in visible_student_ids(session, ctx)


def create_lesson_plan(ctx: ServiceContext, data: dict[str, Any]) -> LessonPlanInfo:
    require_role(ctx, "teacher", "academic_affairs", "admin")
    with transaction(ctx) as session:
        values = _clean(session, ctx, data, None)
        plan = LessonPlan(teacher_id=ctx.actor.id, **{"objective_ids": [], "process": {}, **values})
        session.add(plan)
        session.flush()
        return _info(plan)


def update_lesson_plan(
    ctx: ServiceContext, plan_id: str, data: dict[str, Any], expected_revision: int | None = None
) -> LessonPlanInfo:
    with transaction(ctx) as session:
        plan = _own(session, ctx, plan_id)
        if expected_revision is not None and expected_revision != plan.revision:
            raise ConflictError(
                "record.changed", "Someone else saved this lesson plan first; reload and try again."
            )
        for key, value in _clean(session, ctx, data, plan).items():
            setattr(plan, key, value)
        session.flush()
        return _info(plan)


def delete_lesson_plan(ctx: ServiceContext, plan_id: str) -> None:
    """Soft delete; visit lessons that used it keep their link (the record shows what was taught)."""
    with transaction(ctx) as session:
        _own(session, ctx, plan_id).deleted_at = utcnow()


def get_lesson_plan(ctx: ServiceContext, plan_id: str) -> LessonPlanInfo:
    with reading(ctx) as session:
        plan: LessonPlan = get_live(session, LessonPlan, plan_id, "lesson_plan")
        if not _readable(session, ctx, plan):
            raise NotFound("lesson_plan.not_found", "The lesson plan does not exist or was deleted.")
        return _info(plan)


def list_lesson_plans(
    ctx: ServiceContext,
    *,
    teacher_id: str | None = None,
    student_id: str | None = None,
    templates: bool | None = None,
    search: str = "",
) -> list[LessonPlanSummary]:
    """A teacher's own plans plus every template; the office sees all. Newest first."""
    with reading(ctx) as session:
        # Only the summary's columns: loading whole plans (texts, JSON process) cost ~90 ms for the office.
        query = select(
            LessonPlan.id,
            LessonPlan.teacher_id,
            LessonPlan.student_id,
            LessonPlan.title,
            LessonPlan.subject,
            LessonPlan.date,
            LessonPlan.is_template,
        ).where(LessonPlan.deleted_at.is_(None))
        if not ctx.actor.reads_all:
            query = query.where(or_(LessonPlan.teacher_id == ctx.actor.id, LessonPlan.is_template.is_(True)))
        if teacher_id:
            query = query.where(LessonPlan.teacher_id == teacher_id)
        if student_id:
            student_for_read(session, ctx, student_id)
            query = query.where(LessonPlan.student_id == student_id)
        if templates is not None:
            query = query.where(LessonPlan.is_template.is_(templates))
        if search.strip():
            like = f"%{search.strip()}%"
            query = query.where(or_(LessonPlan.title.like(like), LessonPlan.subject.like(like)))
        query = query.order_by(LessonPlan.date.desc().nulls_last(), LessonPlan.created_at.desc())
        return [LessonPlanSummary(*row) for row in session.execute(query)]


def copy_lesson_plan(
    ctx: ServiceContext, source_id: str, overrides: dict[str, Any] | None = None
) -> LessonPlanInfo:
    """A new plan of the actor's own from a template (or their own plan); objectives are not copied
    unless given, since they belong to one student."""
    require_role(ctx, "teacher", "academic_affairs", "admin")
    with transaction(ctx) as session:
        source: LessonPlan = get_live(session, LessonPlan, source_id, "lesson_plan")
        if not _readable(session, ctx, source):
            raise NotFound("lesson_plan.not_found", "The lesson plan does not exist or was deleted.")
        base = {key: getattr(source, key) for key in (*TEXT_FIELDS, "lesson_no", "minutes")}
        base["process"] = dict(source.process or {})
        values = _clean(session, ctx, {**base, **(overrides or {})}, None)
        values.setdefault("is_template", False)
        plan = LessonPlan(teacher_id=ctx.actor.id, **{"objective_ids": [], **values})
        session.add(plan)
        session.flush()
        return _info(plan)


def link_to_visit_lesson(ctx: ServiceContext, visit_lesson_id: str, plan_id: str | None) -> None:
    """Set (or clear) the lesson plan a visit lesson followed; only while the visit is not finished."""
    with transaction(ctx) as session:
        lesson: VisitLesson = get_live(session, VisitLesson, visit_lesson_id, "visit_lesson")
        visit: Visit = get_live(session, Visit, lesson.visit_id, "visit")
        student_for_write(session, ctx, visit.student_id)
        if visit.status != "planned":
            raise ConflictError(
                "visit.locked", "The visit is finished and locked; correct it with an amendment."
            )
        if plan_id:
            plan: LessonPlan = get_live(session, LessonPlan, plan_id, "lesson_plan")
            if not _readable(session, ctx, plan) or plan.student_id not in (None, visit.student_id):
                raise ValidationError(
                    "visit.lesson_plan_student",
                    "The lesson plan is for another student.",
                    field="lesson_plan_id",
                )
        lesson.lesson_plan_id = plan_id or None


@dataclass(frozen=True)
class LessonLibrary:
    """What the lesson plan library shows, read in one call: the rows and the students a plan may be for."""

    rows: tuple[LessonPlanSummary, ...]
    students: tuple[tuple[str, str], ...]  # (student id, "code name") of the students this user sees


def library_for_editing(
    ctx: ServiceContext, search: str = "", templates: bool | None = None
) -> LessonLibrary:
    return LessonLibrary(
        rows=tuple(list_lesson_plans(ctx, search=search, templates=templates)),
        students=tuple((s.id, f"{s.code} {s.name}") for s in students.list_students(ctx)),
    )
