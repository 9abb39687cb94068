"""Visit records (送教上门记录): plan, record, finish (lock), amend, cancel, make up; the lazy visit list."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from app.db.base import utcnow
from app.db.models import (
    Attachment,
    LessonPlan,
    MonthlyPlan,
    ObjectiveProgress,
    PlannedVisit,
    School,
    Term,
    Visit,
    VisitAmendment,
    VisitLesson,
)
from app.domain.rules import CancelCause, RecordConcern, VisitRule, record_concerns
from app.services import attachments, forms, ieps, lessons, plans, users, visit_prefill
from app.services.access import main_teacher, student_for_read, student_for_write
from app.services.context import ServiceContext, get_live, reading, transaction
from app.services.context import live as _live
from app.services.errors import ConflictError, ValidationError
from app.services.school import rule_of, school_row
from app.services.users import checked_teachers
from app.services.visit_list import SORT_COLUMNS, VisitSummary, count_visits, list_visits

CAUSES = tuple(cause.value for cause in CancelCause)
TEXT_FIELDS = {
    "place": 200,
    "caregivers_present": 200,
    "health": 200,
    "mood": 200,
    "performance": 4000,
    "family_guidance": 4000,
    "homework": 4000,
    "caregiver_opinion": 4000,
}
SCALAR_FIELDS = (*TEXT_FIELDS, "date", "start_time", "end_time", "teacher_ids", "next_visit_on")
EDIT_FIELDS = (*SCALAR_FIELDS, "lessons", "progress")
LESSON_KEYS = ("subject", "content", "minutes", "objective_ids", "lesson_plan_id")
PROGRESS_KEYS = ("objective_id", "result", "note")
# Records are kept for the current and last school year; a date further out is a typing mistake.
DATE_WINDOW = dt.timedelta(days=400)


@dataclass(frozen=True, kw_only=True)
class LessonInfo:
    id: str
    position: int
    subject: str
    content: str
    minutes: int
    objective_ids: tuple[str, ...]
    lesson_plan_id: str | None


@dataclass(frozen=True)
class ProgressInfo:
    objective_id: str
    result: str
    note: str


@dataclass(frozen=True, kw_only=True)
class AmendmentInfo:
    id: str
    at: dt.datetime
    author_id: str | None
    field: str
    old_value: Any
    new_value: Any
    reason: str


@dataclass(frozen=True, kw_only=True)
class VisitDetail:
    id: str
    revision: int
    student_id: str
    teacher_id: str
    status: str
    date: dt.date
    values: dict[str, Any]  # every SCALAR_FIELDS value
    lessons: tuple[LessonInfo, ...]
    progress: tuple[ProgressInfo, ...]
    amendments: tuple[AmendmentInfo, ...]
    cancel_reason: str
    cancel_cause: str | None
    makeup_of_id: str | None
    plan_id: str | None
    planned_visit_id: str | None
    without_approved_plan: bool
    finished_at: dt.datetime | None
    signature_id: str | None
    signed_without_pad: SignedWithoutPad | None = None

    @property
    def minutes(self) -> int:
        return sum(lesson.minutes for lesson in self.lessons)

    @property
    def signed(self) -> bool:
        return self.signature_id is not None or self.signed_without_pad is not None


# A caregiver who cannot draw on the pad: a thumbprint on the paper record (按手印) or a name typed for them
# (代签), each with who and why.
SIGNATURE_KINDS = ("mark", "proxy")


@dataclass(frozen=True)
class SignedWithoutPad:
    kind: str  # "mark" | "proxy"
    name: str  # whose mark, or the name typed for the caregiver
    reason: str  # why the pad was not used


def signed_without_pad(visit: Visit) -> SignedWithoutPad | None:
    if visit.signature_kind is None:
        return None
    return SignedWithoutPad(visit.signature_kind, visit.signature_name, visit.signature_reason)


def check_signed_without_pad(data: dict[str, Any]) -> SignedWithoutPad:
    """The kind, the name and the reason, each required (a mark without a name or a reason proves nothing)."""
    kind = data.get("kind")
    if kind not in SIGNATURE_KINDS:
        raise ValidationError("signature.kind", "Choose a mark or a typed name.", field="kind")
    name = forms.text(data, "name", required=True, max_len=60)
    reason = forms.text(data, "reason", required=True, max_len=200)
    return SignedWithoutPad(str(kind), name, reason)


def _detail(visit: Visit) -> VisitDetail:
    values = {key: getattr(visit, key) for key in SCALAR_FIELDS}
    values["teacher_ids"] = list(visit.teacher_ids or [])
    return VisitDetail(
        id=visit.id,
        revision=visit.revision,
        student_id=visit.student_id,
        teacher_id=visit.teacher_id,
        status=visit.status,
        date=visit.date,
        values=values,
        lessons=tuple(
            LessonInfo(
                id=x.id,
                position=x.position,
                subject=x.subject,
                content=x.content,
                minutes=x.minutes,
                objective_ids=tuple(x.objective_ids or ()),
                lesson_plan_id=x.lesson_plan_id,
            )
            for x in _live(visit.lessons)
        ),
        progress=tuple(ProgressInfo(p.objective_id, p.result, p.note) for p in _live(visit.progress)),
        amendments=tuple(
            AmendmentInfo(
                id=a.id,
                at=a.created_at,
                author_id=a.author_id,
                field=a.field,
                old_value=a.old_value,
                new_value=a.new_value,
                reason=a.reason,
            )
            for a in _live(visit.amendments)
        ),
        cancel_reason=visit.cancel_reason,
        cancel_cause=visit.cancel_cause,
        makeup_of_id=visit.makeup_of_id,
        plan_id=visit.plan_id,
        planned_visit_id=visit.planned_visit_id,
        without_approved_plan=plans.visit_lacks_approved_plan(session, visit.id)
        if (session := object_session(visit))
        else False,
        finished_at=visit.finished_at,
        signature_id=visit.signature_id,
        signed_without_pad=signed_without_pad(visit),
    )


# --- validation -----------------------------------------------------------------------------------------


def _check_date(ctx: ServiceContext, day: dt.date | None, key: str = "date") -> dt.date:
    if day is None:
        raise ValidationError("field.required", "The visit date is required.", field=key)
    if abs(day - ctx.today()) > DATE_WINDOW:
        raise ValidationError(
            "visit.date_range", "The visit date is more than a year away from today.", field=key
        )
    return day


def _lessons(session: Session, student_id: str, raw: Any) -> list[dict[str, Any]]:
    result = []
    for entry in raw or []:
        forms.unknown_keys(entry, LESSON_KEYS)
        plan_id = entry.get("lesson_plan_id") or None
        if plan_id:
            lesson_plan: LessonPlan = get_live(session, LessonPlan, plan_id, "lesson_plan")
            if lesson_plan.student_id not in (None, student_id):
                raise ValidationError(
                    "visit.lesson_plan_student",
                    "The lesson plan is for another student.",
                    field="lessons.lesson_plan_id",
                )
        result.append(
            {
                "subject": forms.text(entry, "subject", max_len=40),
                "content": forms.text(entry, "content", max_len=4000),
                "minutes": forms.parse_int(entry.get("minutes", 0), "lessons.minutes", low=0, high=240) or 0,
                "objective_ids": plans.check_objectives(
                    session, student_id, entry.get("objective_ids"), "lessons.objective_ids"
                ),
                "lesson_plan_id": plan_id,
            }
        )
    return result


def _progress(session: Session, student_id: str, raw: Any) -> list[dict[str, Any]]:
    result = []
    for entry in raw or []:
        forms.unknown_keys(entry, PROGRESS_KEYS)
        objective = plans.check_objectives(
            session, student_id, [entry.get("objective_id")], "progress.objective_id"
        )
        outcome = str(entry.get("result") or "").strip().upper()
        if outcome:
            forms.choice(outcome, "progress.result", ieps.RESULTS)
        result.append(
            {"objective_id": objective[0], "result": outcome, "note": forms.text(entry, "note", max_len=2000)}
        )
    return result


def _clean(ctx: ServiceContext, session: Session, student_id: str, data: dict[str, Any]) -> dict[str, Any]:
    forms.unknown_keys(data, EDIT_FIELDS)
    values: dict[str, Any] = {}
    for key, max_len in TEXT_FIELDS.items():
        if key in data:
            values[key] = forms.text(data, key, max_len=max_len)
    if "date" in data:
        values["date"] = _check_date(ctx, forms.parse_date(data["date"], "date", required=True))
    for key in ("start_time", "end_time"):
        if key in data:
            values[key] = forms.parse_time(data[key], key)
    if "next_visit_on" in data:
        values["next_visit_on"] = forms.parse_date(data["next_visit_on"], "next_visit_on")
    if "teacher_ids" in data:
        values["teacher_ids"] = checked_teachers(
            session,
            data["teacher_ids"],
            "visit.not_teacher",
            "Only teachers can be listed as present.",
            "teacher_ids",
        )
    if "lessons" in data:
        values["lessons"] = _lessons(session, student_id, data["lessons"])
    if "progress" in data:
        values["progress"] = _progress(session, student_id, data["progress"])
    return values


def _check_consistency(visit: Visit) -> None:
    if visit.start_time and visit.end_time and visit.end_time <= visit.start_time:
        raise ValidationError("visit.times", "The visit ends before it starts.", field="end_time")
    if visit.next_visit_on and visit.next_visit_on <= visit.date:
        raise ValidationError(
            "visit.next_before", "The next visit must come after this one.", field="next_visit_on"
        )


def _apply(session: Session, visit: Visit, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "lessons":
            for old in _live(visit.lessons):
                session.delete(old)
            for n, lesson in enumerate(value):
                session.add(VisitLesson(visit_id=visit.id, position=n, **lesson))
        elif key == "progress":
            for stale in _live(visit.progress):
                session.delete(stale)
            for entry in value:
                session.add(ObjectiveProgress(visit_id=visit.id, **entry))
        elif getattr(visit, key) != value:
            setattr(visit, key, value)
    session.flush()
    session.expire(visit, ["lessons", "progress"])
    _check_consistency(visit)


def _term_locked(session: Session, day: dt.date) -> None:
    if session.scalar(
        select(Term.id).where(
            Term.locked.is_(True), Term.deleted_at.is_(None), Term.start_date <= day, Term.end_date >= day
        )
    ):
        raise ConflictError("term.locked", "The term is locked; its records can no longer be changed.")


def _writable(session: Session, ctx: ServiceContext, visit_id: str, *statuses: str) -> Visit:
    visit: Visit = get_live(session, Visit, visit_id, "visit")
    student_for_write(session, ctx, visit.student_id)
    _term_locked(session, visit.date)
    if visit.status not in statuses:
        if visit.status == "done":
            raise ConflictError(
                "visit.locked", "The visit is finished and locked; correct it with an amendment."
            )
        raise ConflictError("visit.status", f"This cannot be done to a {visit.status} visit.")
    return visit


def _recorder(session: Session, ctx: ServiceContext, student_id: str, data: dict[str, Any]) -> str:
    if ctx.actor.is_teacher:
        return ctx.actor.id
    teacher_id = data.pop("teacher_id", None) or main_teacher(session, student_id)
    if not teacher_id:
        raise ValidationError(
            "visit.no_teacher", "Choose the teacher who records this visit.", field="teacher_id"
        )
    return str(teacher_id)


# --- use cases ------------------------------------------------------------------------------------------


def create_visit(
    ctx: ServiceContext,
    student_id: str,
    data: dict[str, Any] | None = None,
    planned_visit_id: str | None = None,
) -> VisitDetail:
    """A planned visit; from a PlannedVisit of the month's plan its date, times and lessons are prefilled."""
    with transaction(ctx) as session:
        return _detail(_new_visit(session, ctx, student_id, dict(data or {}), planned_visit_id))


def _new_visit(
    session: Session,
    ctx: ServiceContext,
    student_id: str,
    data: dict[str, Any],
    planned_visit_id: str | None = None,
    makeup_of_id: str | None = None,
) -> Visit:
    student_for_write(session, ctx, student_id)
    teacher_id = _recorder(session, ctx, student_id, data)
    prefill: dict[str, Any] = {}
    plan_id = None
    if planned_visit_id:
        planned: PlannedVisit = get_live(session, PlannedVisit, planned_visit_id, "planned_visit")
        if planned.plan.student_id != student_id:
            raise ValidationError(
                "visit.planned_other", "The planned visit is another student's.", field="planned_visit_id"
            )
        if session.scalar(
            select(Visit.id).where(
                Visit.planned_visit_id == planned.id, Visit.deleted_at.is_(None), Visit.status != "cancelled"
            )
        ):
            raise ConflictError("visit.planned_taken", "A visit was already made from this planned visit.")
        prefill = _from_planned(session, planned)
        plan_id = planned.plan_id
    prefill.setdefault("date", ctx.today())  # "new visit" without a plan: today, the usual case at the house
    if not makeup_of_id:  # a make-up copies the visit it replaces instead
        day = forms.parse_date(data.get("date"), "date") or prefill["date"]
        plan = session.get(MonthlyPlan, plan_id) if plan_id else None
        prefill = {**visit_prefill.carried_over(session, student_id, day, plan, teacher_id), **prefill}
    values = _clean(ctx, session, student_id, {**prefill, **data})
    _check_date(ctx, values.get("date"))
    _term_locked(session, values["date"])
    visit = Visit(
        student_id=student_id,
        teacher_id=teacher_id,
        status="planned",
        teacher_ids=values.pop("teacher_ids", [teacher_id]),
        plan_id=plan_id,
        planned_visit_id=planned_visit_id,
        makeup_of_id=makeup_of_id,
        date=values.pop("date"),
    )
    session.add(visit)
    session.flush()
    _apply(session, visit, values)
    return visit


def _from_planned(session: Session, planned: PlannedVisit) -> dict[str, Any]:
    minutes = session.scalar(select(School.rule_minutes_per_lesson)) or 30
    content = list(planned.content or [])
    content += [{}] * (planned.lessons - len(content))  # one row per planned 课时, blank where not described
    rows = [
        {
            "subject": c.get("subject", ""),
            "content": c.get("content", ""),
            "objective_ids": list(c.get("objective_ids") or []),
            "minutes": minutes,
        }
        for c in content
    ]
    prefill: dict[str, Any] = {"date": planned.date, "lessons": rows}
    start, _, end = planned.time_slot.partition("-")
    try:
        prefill["start_time"] = forms.parse_time(start, "start_time")
        prefill["end_time"] = forms.parse_time(end, "end_time")
    except ValidationError:
        pass  # a free-text slot ("上午") leaves the times for the teacher to fill in
    return prefill


def update_visit(
    ctx: ServiceContext, visit_id: str, data: dict[str, Any], expected_revision: int | None = None
) -> VisitDetail:
    """Edit a visit not yet finished."""
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, "planned")
        _update(session, ctx, visit, data, expected_revision)
        return _detail(visit)


def _update(
    session: Session, ctx: ServiceContext, visit: Visit, data: dict[str, Any], expected_revision: int | None
) -> None:
    if expected_revision is not None and expected_revision != visit.revision:
        raise ConflictError("record.changed", "Someone else saved this visit first; reload and try again.")
    values = _clean(ctx, session, visit.student_id, data)
    if "date" in values:
        _term_locked(session, values["date"])
    _apply(session, visit, values)


def _concerns(session: Session, visit: Visit) -> tuple[RecordConcern, ...]:
    lessons = [(x.minutes, x.content) for x in _live(visit.lessons)]
    signed = visit.signature_id is not None or visit.signature_kind is not None
    return record_concerns(lessons, signed, rule_of(school_row(session)))


def finish_concerns(ctx: ServiceContext, visit_id: str) -> tuple[RecordConcern, ...]:
    """What keeps the saved visit from counting for the rule or from being complete (ask before finishing)."""
    with reading(ctx) as session:
        visit: Visit = get_live(session, Visit, visit_id, "visit")
        student_for_read(session, ctx, visit.student_id)
        return _concerns(session, visit)


def finish_visit(
    ctx: ServiceContext, visit_id: str, *, confirmed: tuple[str, ...] | None = None
) -> VisitDetail:
    """Mark done and lock. Needs a lesson; a month without an approved plan is allowed but flagged (the flag is
    computed when read, see plans.lacks_approved_plan). ``confirmed``: see :func:`_finish`."""
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, "planned")
        _finish(session, ctx, visit, confirmed)
        return _detail(visit)


def _finish(
    session: Session, ctx: ServiceContext, visit: Visit, confirmed: tuple[str, ...] | None = None
) -> None:
    """``confirmed``: the concerns (rules.record_concerns codes) the user was shown and accepted. When given, a
    concern they were not shown (the record changed in between) refuses the finish, so what the user agreed
    to is what gets locked. Scripts pass nothing."""
    if confirmed is not None:
        unseen = [c.code for c in _concerns(session, visit) if c.code not in confirmed]
        if unseen:
            raise ConflictError(
                "visit.concerns_changed",
                "The record changed since you were asked; check it and finish again.",
                concerns=", ".join(unseen),
            )
    if not _live(visit.lessons):
        raise ValidationError(
            "visit.no_lessons", "Record at least one lesson before finishing.", field="lessons"
        )
    if visit.date > ctx.today():
        raise ValidationError("visit.future", "A visit in the future cannot be finished yet.", field="date")
    if visit.plan_id is None:
        visit.plan_id = session.scalar(
            select(MonthlyPlan.id).where(
                MonthlyPlan.student_id == visit.student_id,
                MonthlyPlan.month == visit.date.strftime("%Y-%m"),
                MonthlyPlan.deleted_at.is_(None),
            )
        )
    visit.status = "done"
    visit.finished_at = utcnow()
    session.flush()


def save_visit(
    ctx: ServiceContext,
    visit_id: str,
    data: dict[str, Any] | None = None,
    expected_revision: int | None = None,
    *,
    signature: bytes | None = None,
    without_pad: dict[str, Any] | None = None,
    finish: bool = False,
    confirmed: tuple[str, ...] | None = None,
) -> VisitDetail:
    """What the visit editor's Save and Finish do, as one transaction: the form (a planned visit only), the
    caregiver's new signature if one was drawn (or ``without_pad``: a mark or a name typed for them, with the
    reason, see :func:`check_signed_without_pad`), and with ``finish`` the lock. Anything refused rolls all
    back, so a finish that fails leaves neither half-saved fields nor a signature without its record."""
    if signature is not None and without_pad is not None:
        raise ValidationError(
            "signature.both", "Either a drawn signature or a mark, not both.", field="signature"
        )
    if signature is not None:
        attachments.check_bytes(signature, "signature")  # before the transaction: a refusal costs nothing
    alternative = check_signed_without_pad(without_pad) if without_pad is not None else None
    # A finished visit takes only the signature it lacks; its fields change by amendment.
    statuses = ("planned", "done") if data is None and not finish else ("planned",)
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, *statuses)
        if data is not None:
            _update(session, ctx, visit, data, expected_revision)
        if signature is not None:
            _sign(session, visit, signature)
        if alternative is not None:
            _sign_without_pad(session, visit, alternative)
        if finish:
            session.flush()  # the lessons and signature just written are what the concerns are checked on
            _finish(session, ctx, visit, confirmed)
        session.flush()
        return _detail(visit)


def _as_json(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def amend_visit(ctx: ServiceContext, visit_id: str, changes: dict[str, Any], reason: str) -> VisitDetail:
    """Correct a finished visit: each changed field keeps its old and new value with the reason."""
    reason = forms.text({"reason": reason}, "reason", required=True, max_len=1000)
    if not changes:
        raise ValidationError("amendment.empty", "Nothing to amend.", field="changes")
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, "done")
        values = _clean(ctx, session, visit.student_id, changes)
        if values.get("date") and values["date"] > ctx.today():
            raise ValidationError(
                "visit.future", "A finished visit cannot be dated in the future.", field="date"
            )
        old = {
            "lessons": [{k: getattr(x, k) for k in LESSON_KEYS} for x in _live(visit.lessons)],
            "progress": [{k: getattr(p, k) for k in PROGRESS_KEYS} for p in _live(visit.progress)],
        }
        changed = []
        for key, value in values.items():
            before = old[key] if key in old else _as_json(getattr(visit, key))
            if before != _as_json(value):
                changed.append(
                    VisitAmendment(
                        visit_id=visit.id,
                        field=key,
                        old_value=before,
                        new_value=_as_json(value),
                        reason=reason,
                    )
                )
        if not changed:
            raise ValidationError("amendment.no_change", "The amendment changes nothing.", field="changes")
        if "lessons" in values and not values["lessons"]:
            raise ValidationError(
                "visit.no_lessons", "A finished visit keeps at least one lesson.", field="lessons"
            )
        _apply(session, visit, values)
        session.add_all(changed)
        session.flush()
        session.expire(visit, ["amendments"])
        return _detail(visit)


def cancel_visit(ctx: ServiceContext, visit_id: str, reason: str, cause: str) -> VisitDetail:
    """Cancel a planned visit; the cause decides whether a make-up is owed (school) or excused (family)."""
    reason = forms.text({"reason": reason}, "reason", required=True, max_len=200)
    cause = forms.choice(cause, "cause", CAUSES) or ""
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, "planned")
        visit.status, visit.cancel_reason, visit.cancel_cause = "cancelled", reason, cause
        session.flush()
        return _detail(visit)


def schedule_makeup(
    ctx: ServiceContext, cancelled_visit_id: str, date: Any, data: dict[str, Any] | None = None
) -> VisitDetail:
    """A planned make-up visit (补送) pointing at the cancelled visit it replaces."""
    day = forms.parse_date(date, "date", required=True)
    with transaction(ctx) as session:
        original: Visit = get_live(session, Visit, cancelled_visit_id, "visit")
        student_for_write(session, ctx, original.student_id)
        if original.status != "cancelled":
            raise ConflictError("makeup.not_cancelled", "Only a cancelled visit can be made up.")
        if day is None or day <= original.date:
            raise ValidationError(
                "makeup.date", "The make-up must come after the cancelled visit.", field="date"
            )
        if session.scalar(
            select(Visit.id).where(
                Visit.makeup_of_id == original.id, Visit.deleted_at.is_(None), Visit.status != "cancelled"
            )
        ):
            raise ConflictError("makeup.exists", "This visit already has a make-up.")
        return _detail(
            _new_visit(
                session, ctx, original.student_id, {**(data or {}), "date": day}, makeup_of_id=original.id
            )
        )


def delete_visit(ctx: ServiceContext, visit_id: str) -> None:
    """Remove a planned visit entered by mistake; done and cancelled visits stay on record."""
    with transaction(ctx) as session:
        _writable(session, ctx, visit_id, "planned").deleted_at = utcnow()


def set_signature(ctx: ServiceContext, visit_id: str, png: bytes) -> attachments.AttachmentInfo:
    """The caregiver's signature (PNG). A finished visit may get one it lacks but never a replacement."""
    attachments.check_bytes(png, "signature")
    with transaction(ctx) as session:
        visit = _writable(session, ctx, visit_id, "planned", "done")
        return attachments.attachment_info(session, _sign(session, visit, png))


def _unsign(visit: Visit, session: Session) -> None:
    """Take away the signature a planned visit had (replaced by another); a finished one keeps its own."""
    if visit.status == "done" and (visit.signature_id or visit.signature_kind):
        raise ConflictError("visit.locked", "The visit is finished and already signed.")
    if visit.signature_id:
        old = session.get(Attachment, visit.signature_id)
        if old is not None:
            old.deleted_at = utcnow()
        visit.signature_id = None
    visit.signature_kind, visit.signature_name, visit.signature_reason = None, "", ""


def _sign(session: Session, visit: Visit, png: bytes) -> Attachment:
    _unsign(visit, session)
    attachment = attachments.store_bytes(session, visit.student_id, "visit", visit.id, "signature", png)
    visit.signature_id = attachment.id
    session.flush()
    return attachment


def _sign_without_pad(session: Session, visit: Visit, signed: SignedWithoutPad) -> None:
    _unsign(visit, session)
    visit.signature_kind, visit.signature_name, visit.signature_reason = (
        signed.kind,
        signed.name,
        signed.reason,
    )
    session.flush()


def get_visit(ctx: ServiceContext, visit_id: str) -> VisitDetail:
    with reading(ctx) as session:
        visit: Visit = get_live(session, Visit, visit_id, "visit")
        student_for_read(session, ctx, visit.student_id)
        return _detail(visit)


@dataclass(frozen=True)
class VisitEditing:
    """Everything the visit editor shows, read in one call (the UI used to chain four reads)."""

    detail: VisitDetail
    objectives: tuple[tuple[str, str], ...]  # (objective id, "goal › objective") of the term's IEP
    lesson_plans: tuple[tuple[str, str], ...]  # (id, title) of the lesson plans a lesson may link to
    teachers: tuple[tuple[str, str], ...]  # (user id, name) of the active teachers, for "teachers present"
    signature_png: bytes | None  # the stored signature, shown on the pad
    rule: VisitRule  # the school's rule: a new lesson's minutes, what Finish warns about


def visit_for_editing(ctx: ServiceContext, visit_id: str) -> VisitEditing:
    detail = get_visit(ctx, visit_id)
    signature = attachments.fetch_bytes(ctx, detail.signature_id)[1] if detail.signature_id else None
    return VisitEditing(
        detail=detail,
        objectives=tuple(ieps.current_objectives(ctx, detail.student_id)),
        lesson_plans=tuple(
            (p.id, p.title)
            for p in lessons.list_lesson_plans(ctx)
            if p.student_id in (None, detail.student_id)
        ),
        teachers=tuple((u.id, u.display_name) for u in users.list_users(ctx, role="teacher")),
        signature_png=signature or None,
        rule=_school_rule(ctx),
    )


def _school_rule(ctx: ServiceContext) -> VisitRule:
    with reading(ctx) as session:
        return rule_of(school_row(session))


__all__ = [  # the list lives in visit_list.py; callers know it as visits.*
    "SIGNATURE_KINDS",
    "SORT_COLUMNS",
    "AmendmentInfo",
    "LessonInfo",
    "ProgressInfo",
    "SignedWithoutPad",
    "VisitDetail",
    "VisitEditing",
    "VisitSummary",
    "amend_visit",
    "cancel_visit",
    "check_signed_without_pad",
    "count_visits",
    "create_visit",
    "delete_visit",
    "finish_visit",
    "finish_concerns",
    "get_visit",
    "list_visits",
    "save_visit",
    "schedule_makeup",
    "set_signature",
    "update_visit",
    "visit_for_editing",
]
