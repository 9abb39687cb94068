"""Everything one student's term archive packet (送教上门档案) needs, gathered into frozen dataclasses."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.db.models import (
    Assignment,
    Attachment,
    AuditEntry,
    Blob,
    Consent,
    Contact,
    Goal,
    Guardian,
    Iep,
    LessonPlan,
    MonthlyPlan,
    Objective,
    PlanRevision,
    Student,
    User,
    Visit,
    VisitLesson,
)
from app.domain import validation
from app.domain.rules import evaluate
from app.services import evidence, plans
from app.services.access import student_for_read
from app.services.archive.sheets import (
    ContactLine,
    Decision,
    GoalSheet,
    IepSheet,
    ImageData,
    LessonLine,
    LessonPlanSheet,
    ObjectiveSheet,
    PacketData,
    PlannedVisitLine,
    PlanSheet,
    ReviewLine,
    ScoreLine,
    VisitSheet,
)
from app.services.compliance import facts_for
from app.services.context import ServiceContext, reading, transaction
from app.services.school import TermInfo, get_term, rule_of, school_row
from app.services.students import _guardian_info
from app.services.visits import signed_without_pad

STUDENT_KEYS = (
    "code",
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "id_type",
    "id_number",
    "roll_number",
    "hukou",
    "address",
    "phone",
    "enrolled_on",
    "grade_class",
    "placement",
    "disability_category",
    "disability_grade",
    "certificate_no",
    "certificate_issued",
    "certificate_valid_until",
    "diagnosis",
    "diagnosis_hospital",
    "diagnosis_date",
    "committee_opinion",
    "committee_date",
    "left_behind",
    "orphan",
    "safety_notes",
    "status",
    "status_since",
    "consent_signed_on",
)


def gather_packet(ctx: ServiceContext, student_id: str, term_id: str, *, reveal: bool = False) -> PacketData:
    """Read one student's term. Teachers may gather only their assigned students (NotFound otherwise)."""
    term = get_term(ctx, term_id)
    if reveal:
        with transaction(ctx) as session:
            student_for_read(session, ctx, student_id)
            # Printing full ID numbers is a logged access, as revealing them on screen is.
            session.add(
                AuditEntry(
                    user_id=ctx.actor.id,
                    entity="student",
                    entity_id=student_id,
                    action="reveal",
                    fields=["id_number", "certificate_no", "export"],
                )
            )
    with reading(ctx) as session:
        return _gather(session, ctx, student_id, term, reveal)


def user_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(User.id, User.display_name)).all())


def _gather(
    session: Session, ctx: ServiceContext, student_id: str, term: TermInfo, reveal: bool
) -> PacketData:
    student = student_for_read(session, ctx, student_id)
    school = school_row(session)
    names = user_names(session)
    values = {key: getattr(student, key) for key in STUDENT_KEYS}
    if not reveal:
        # The 学籍号 is usually "G" + the ID number, so it is masked with it.
        for key in ("id_number", "certificate_no", "roll_number"):
            values[key] = validation.mask_id(values[key])
    teachers = tuple(
        (names.get(a.teacher_id, ""), a.role)
        for a in session.scalars(
            select(Assignment)
            .where(Assignment.student_id == student_id, Assignment.deleted_at.is_(None))
            .order_by(Assignment.role.desc(), Assignment.start_date)
        )
        if (a.end_date is None or a.end_date >= term.start)
        and (a.start_date is None or a.start_date <= term.end)
    )
    guardians = tuple(
        _guardian_info(g)
        for g in session.scalars(
            select(Guardian)
            .where(Guardian.student_id == student_id, Guardian.deleted_at.is_(None))
            .order_by(Guardian.is_primary.desc(), Guardian.created_at)
        )
    )
    iep, objective_labels = iep_sheet(session, student_id, term.id)
    calendar = term.calendar()
    facts = facts_for(session, [student], calendar)[student.id]
    compliance = evaluate(calendar, rule_of(school), facts, ctx.today())
    return PacketData(
        school_name=school.name,
        term=term,
        student=values,
        revealed=reveal,
        teachers=teachers,
        guardians=guardians,
        iep=iep,
        plans=plan_sheets(session, student_id, term, names, objective_labels),
        lesson_plans=_lesson_plans(session, student_id, term, names, objective_labels),
        visits=visit_sheets(session, student_id, term, names, objective_labels, held_only=True),
        contacts=_contacts(session, student_id, term, names),
        compliance=compliance,
        printed_on=ctx.today(),
        consents=tuple(
            (c.purpose, c.given_by, c.given_on, c.withdrawn_on)
            for c in session.scalars(
                select(Consent)
                .where(Consent.student_id == student_id, Consent.deleted_at.is_(None))
                .order_by(Consent.given_on, Consent.created_at)
            )
        ),
    )


def iep_sheet(session: Session, student_id: str, term_id: str) -> tuple[IepSheet | None, dict[str, str]]:
    iep = session.scalar(
        select(Iep)
        .where(Iep.student_id == student_id, Iep.term_id == term_id, Iep.deleted_at.is_(None))
        .options(
            selectinload(Iep.scores),
            selectinload(Iep.goals).selectinload(Goal.objectives).selectinload(Objective.reviews),
        )
    )
    if iep is None:
        return None, {}
    labels: dict[str, str] = {}
    goals = []
    live_goals = [g for g in iep.goals if g.deleted_at is None]
    for g_no, goal in enumerate(live_goals, start=1):
        objectives = []
        for o_no, obj in enumerate((o for o in goal.objectives if o.deleted_at is None), start=1):
            number = f"{g_no}.{o_no}"
            labels[obj.id] = f"{number} {obj.text}"
            objectives.append(
                ObjectiveSheet(
                    id=obj.id,
                    number=number,
                    text=obj.text,
                    start=obj.start_date,
                    end=obj.end_date,
                    criterion=obj.criterion,
                    method=obj.method,
                    reviews=tuple(
                        ReviewLine(r.date, r.result, r.note) for r in obj.reviews if r.deleted_at is None
                    ),
                )
            )
        goals.append(GoalSheet(goal.domain, goal.text, tuple(objectives)))
    extra = iep.extra or {}
    sheet = IepSheet(
        status=iep.status,
        assessment_tool=iep.assessment_tool,
        assessment_date=iep.assessment_date,
        assessor=iep.assessor,
        scores=tuple(
            ScoreLine(s.domain, s.score, s.max_score, s.note) for s in iep.scores if s.deleted_at is None
        ),
        strengths=iep.strengths,
        needs=iep.needs,
        guardian_expectations=iep.guardian_expectations,
        subjects=tuple(iep.subjects or ()),
        visits_per_week=iep.visits_per_week,
        lessons_per_visit=iep.lessons_per_visit,
        related_services=iep.related_services,
        family_cooperation=iep.family_cooperation,
        signed_teacher_on=iep.signed_teacher_on,
        signed_guardian_on=iep.signed_guardian_on,
        signed_school_on=iep.signed_school_on,
        review_date=iep.review_date,
        review_summary=iep.review_summary,
        teacher_summary=str(extra.get("teacher_summary", "")),
        goals=tuple(goals),
    )
    return sheet, labels


def term_months(term: TermInfo) -> list[str]:
    months, year, month = [], term.start.year, term.start.month
    while (year, month) <= (term.end.year, term.end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _content_text(content: list[dict[str, Any]]) -> str:
    parts = []
    for lesson in content or []:
        subject, text = str(lesson.get("subject", "")), str(lesson.get("content", ""))
        parts.append(f"{subject}：{text}" if subject else text)
    return "\n".join(p for p in parts if p)


def plan_sheets(
    session: Session,
    student_id: str,
    term: TermInfo,
    names: dict[str, str],
    labels: dict[str, str],
    only: str | None = None,
) -> tuple[PlanSheet, ...]:
    known = evidence.office_keys(session)
    plans = session.scalars(
        select(MonthlyPlan)
        .where(
            MonthlyPlan.student_id == student_id,
            MonthlyPlan.month.in_(term_months(term)),
            MonthlyPlan.deleted_at.is_(None),
            *((MonthlyPlan.id == only,) if only else ()),
        )
        .order_by(MonthlyPlan.month)
        .options(selectinload(MonthlyPlan.planned_visits), selectinload(MonthlyPlan.revisions))
    )
    return tuple(
        PlanSheet(
            month=p.month,
            teacher=names.get(p.teacher_id, ""),
            co_teachers="、".join(names.get(t, "") for t in p.co_teacher_ids or ()),
            status=p.status,
            revision=p.plan_revision,
            approved_revision=p.approved_revision,
            objectives=tuple(labels.get(o, "（已删除的目标）") for o in p.objective_ids or ()),
            materials=p.materials,
            family_tasks=p.family_tasks,
            safety_notes=p.safety_notes,
            visits=tuple(
                PlannedVisitLine(v.date, v.time_slot, v.lessons, _content_text(v.content))
                for v in p.planned_visits
                if v.deleted_at is None
            ),
            decisions=tuple(
                Decision(
                    r.number,
                    r.submitted_at,
                    names.get(r.submitted_by, ""),
                    r.decision,
                    names.get(r.reviewer_id or "", ""),
                    r.decided_at,
                    r.comment,
                    r.signed_by or "",
                    bool(r.decision)
                    and evidence.decision_problem(
                        {c.name: getattr(r, c.name) for c in PlanRevision.__table__.columns}, known
                    )
                    is None,
                )
                for r in p.revisions
                if r.deleted_at is None
            ),
        )
        for p in plans
    )


def _lesson_plans(
    session: Session, student_id: str, term: TermInfo, names: dict[str, str], labels: dict[str, str]
) -> tuple[LessonPlanSheet, ...]:
    # The student's own lesson plans of the term, and any other plan a visit of the term was taught from.
    used = (
        select(VisitLesson.lesson_plan_id)
        .join(Visit, Visit.id == VisitLesson.visit_id)
        .where(
            Visit.student_id == student_id,
            Visit.deleted_at.is_(None),
            Visit.date >= term.start,
            Visit.date <= term.end,
            VisitLesson.lesson_plan_id.is_not(None),
        )
    )
    own = (
        (LessonPlan.student_id == student_id)
        & LessonPlan.is_template.is_(False)
        & (LessonPlan.date >= term.start)
        & (LessonPlan.date <= term.end)
    )
    rows = session.scalars(
        select(LessonPlan)
        .where(LessonPlan.deleted_at.is_(None), own | LessonPlan.id.in_(used))
        .order_by(LessonPlan.date, LessonPlan.lesson_no)
    )
    return tuple(
        LessonPlanSheet(
            title=lp.title,
            subject=lp.subject,
            date=lp.date,
            lesson_no=lp.lesson_no,
            minutes=lp.minutes,
            teacher=names.get(lp.teacher_id, ""),
            objectives=tuple(labels.get(o, "") for o in lp.objective_ids or () if o in labels),
            key_points=lp.key_points,
            difficulties=lp.difficulties,
            aids=lp.aids,
            process=tuple((str(step), str(text)) for step, text in (lp.process or {}).items()),
            support_level=lp.support_level,
            assessment=lp.assessment,
            reflection=lp.reflection,
        )
        for lp in rows
    )


def _images(session: Session, visit_ids: list[str]) -> dict[str, list[tuple[Attachment, bytes]]]:
    """Photos and signatures of many visits in two queries (bytes fetched only for those)."""
    found: dict[str, list[tuple[Attachment, bytes]]] = defaultdict(list)
    if not visit_ids:
        return found
    attachments = list(
        session.scalars(
            select(Attachment)
            .where(
                Attachment.owner_type == "visit",
                Attachment.owner_id.in_(visit_ids),
                Attachment.deleted_at.is_(None),
                Attachment.kind.in_(("photo", "signature")),
            )
            .order_by(Attachment.created_at)
        )
    )
    shas = {a.blob_sha256 for a in attachments}
    data = (
        dict(session.execute(select(Blob.sha256, Blob.data).where(Blob.sha256.in_(shas))).all())
        if shas
        else {}
    )
    for a in attachments:
        if a.blob_sha256 in data:
            found[a.owner_id].append((a, data[a.blob_sha256]))
    return found


def visit_sheets(
    session: Session,
    student_id: str,
    term: TermInfo,
    names: dict[str, str],
    labels: dict[str, str],
    only: str | None = None,
    held_only: bool = False,
) -> tuple[VisitSheet, ...]:
    """The visit records of a term (or the one visit ``only``, for its paper form).

    ``held_only`` (the packet): records of visits that took place or were cancelled with a reason; a visit still
    planned has no record yet (printed it was an empty sheet, "0 课时（未签名）"), its plan is in the plans section.
    """
    visits = list(
        session.scalars(
            select(Visit)
            .where(
                Visit.student_id == student_id,
                Visit.deleted_at.is_(None),
                Visit.date >= term.start,
                Visit.date <= term.end,
                *((Visit.id == only,) if only else ()),
                *((Visit.status != "planned",) if held_only else ()),
            )
            .order_by(Visit.date, Visit.start_time)
            .options(
                selectinload(Visit.lessons), selectinload(Visit.progress), selectinload(Visit.amendments)
            )
        )
    )
    dates = {v.id: v.date for v in visits}
    missing = {v.makeup_of_id for v in visits if v.makeup_of_id and v.makeup_of_id not in dates}
    if missing:
        dates.update(session.execute(select(Visit.id, Visit.date).where(Visit.id.in_(missing))).all())
    images = _images(session, [v.id for v in visits])
    unplanned = set(session.scalars(select(Visit.id).where(Visit.id.in_(dates), plans.lacks_approved_plan())))
    sheets = []
    for v in visits:
        photos, signature = [], None
        for attachment, data in images.get(v.id, ()):
            image = ImageData(data, attachment.mime, attachment.caption)
            if attachment.kind == "signature" or attachment.id == v.signature_id:
                signature = image
            else:
                photos.append(image)
        sheets.append(
            VisitSheet(
                id=v.id,
                date=v.date,
                start=v.start_time,
                end=v.end_time,
                status=v.status,
                teachers="、".join(names.get(t, "") for t in (v.teacher_ids or [v.teacher_id])),
                place=v.place,
                caregivers=v.caregivers_present,
                lessons=tuple(
                    LessonLine(
                        ls.subject,
                        ls.content,
                        ls.minutes,
                        tuple(labels.get(o, "") for o in ls.objective_ids or () if o in labels),
                    )
                    for ls in v.lessons
                    if ls.deleted_at is None
                ),
                health=v.health,
                mood=v.mood,
                performance=v.performance,
                progress=tuple(
                    (labels.get(p.objective_id, ""), p.result, p.note)
                    for p in v.progress
                    if p.deleted_at is None
                ),
                guidance=v.family_guidance,
                homework=v.homework,
                opinion=v.caregiver_opinion,
                next_visit=v.next_visit_on,
                cancel_reason=v.cancel_reason,
                cancel_cause=v.cancel_cause,
                makeup_of=dates.get(v.makeup_of_id) if v.makeup_of_id else None,
                without_approved_plan=v.id in unplanned,
                amendments=tuple(
                    (a.field, str(a.new_value), a.reason) for a in v.amendments if a.deleted_at is None
                ),
                photos=tuple(photos),
                signature=signature,
                signed_without_pad=signed_without_pad(v),
            )
        )
    return tuple(sheets)


def _contacts(
    session: Session, student_id: str, term: TermInfo, names: dict[str, str]
) -> tuple[ContactLine, ...]:
    guardians = dict(
        session.execute(select(Guardian.id, Guardian.name).where(Guardian.student_id == student_id)).all()
    )
    start = dt.datetime.combine(term.start, dt.time.min)
    end = dt.datetime.combine(term.end, dt.time.max)
    rows = session.scalars(
        select(Contact)
        .where(
            Contact.student_id == student_id,
            Contact.deleted_at.is_(None),
            Contact.at >= start,
            Contact.at <= end,
        )
        .order_by(Contact.at)
    )
    return tuple(
        ContactLine(
            at=c.at,
            guardian=guardians.get(c.guardian_id or "", ""),
            channel=c.channel,
            purpose=c.purpose,
            answered=c.answered,
            summary=c.summary,
            feedback=c.feedback,
            follow_up_on=c.follow_up_on,
            recorder=names.get(c.recorder_id, ""),
        )
        for c in rows
    )


def packet_students(
    ctx: ServiceContext, term_id: str, teacher_id: str | None = None
) -> list[tuple[str, str]]:
    """(id, code) of the students whose packets an export covers: visible to the actor, on the roll in the term."""
    from app.services.access import main_assignments, visible_students

    term = get_term(ctx, term_id)
    with reading(ctx) as session:
        # Typed loosely: access.visible_students declares a tuple-row select.
        query: Any = visible_students(ctx).order_by(Student.code)
        if teacher_id:
            query = query.where(
                Student.id.in_(
                    main_assignments(term.start)
                    .where(Assignment.teacher_id == teacher_id)
                    .with_only_columns(Assignment.student_id)
                    .order_by(None)
                )
            )
        return [
            (s.id, s.code) for s in session.scalars(query) if not (s.enrolled_on and s.enrolled_on > term.end)
        ]
