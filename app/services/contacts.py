"""Guardian contacts (家校联系): a quick log; unanswered attempts count as proof of due diligence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.models import Contact, Guardian, Student, Term, User
from app.services import forms, students
from app.services.access import soft_delete, student_for_read, student_for_write, visible_students
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import ValidationError

CHANNELS = ("phone", "wechat", "meeting", "home", "letter")
PURPOSES = ("notice", "follow_up", "training", "other")
FIELDS = ("at", "guardian_id", "channel", "purpose", "answered", "summary", "feedback", "follow_up_on")


@dataclass(frozen=True, kw_only=True)
class ContactInfo:
    id: str
    revision: int
    student_id: str
    guardian_id: str | None
    guardian_name: str
    at: dt.datetime
    channel: str
    purpose: str
    answered: bool
    summary: str
    feedback: str
    follow_up_on: dt.date | None
    recorder_id: str
    recorder_name: str


@dataclass(frozen=True)
class TeacherContactCount:
    teacher_id: str
    teacher_name: str
    contacts: int
    answered: int
    unanswered: int
    students: int


def _parse_at(value: Any, today: dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        at = value
    elif value in (None, ""):
        raise ValidationError("field.required", "The date and time of the contact are required.", field="at")
    else:
        raw = str(value).strip().replace("T", " ")
        for fmt in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
            try:
                at = dt.datetime.strptime(raw, fmt)
                break
            except ValueError:
                continue
        else:
            raise ValidationError(
                "field.datetime", f"at: '{raw}' is not a date and time (YYYY-MM-DD HH:MM).", field="at"
            )
    if at.date() > today + dt.timedelta(days=1):
        raise ValidationError("contact.future", "A contact cannot be logged in the future.", field="at")
    if at.date() < today - dt.timedelta(days=400):
        raise ValidationError("contact.too_old", "The contact is more than a year ago.", field="at")
    return at


def _clean(ctx: ServiceContext, data: dict[str, Any], *, creating: bool) -> dict[str, Any]:
    forms.unknown_keys(data, FIELDS)
    values: dict[str, Any] = {}
    if creating or "at" in data:
        values["at"] = _parse_at(data.get("at"), ctx.today())
    if creating or "channel" in data:
        values["channel"] = forms.choice(data.get("channel"), "channel", CHANNELS)
    if creating or "purpose" in data:
        values["purpose"] = forms.choice(data.get("purpose") or "other", "purpose", PURPOSES)
    if "answered" in data:
        values["answered"] = forms.parse_bool(data["answered"])
    for key in ("summary", "feedback"):
        if key in data:
            values[key] = forms.text(data, key, max_len=4000)
    if "follow_up_on" in data:
        values["follow_up_on"] = forms.parse_date(data["follow_up_on"], "follow_up_on")
    if "guardian_id" in data:
        values["guardian_id"] = data["guardian_id"] or None
    at, follow = values.get("at"), values.get("follow_up_on")
    if at and follow and follow < at.date():
        raise ValidationError(
            "contact.follow_up_before", "The follow-up date is before the contact.", field="follow_up_on"
        )
    return values


def _check_guardian(session: Session, student_id: str, guardian_id: str | None) -> None:
    if guardian_id:
        guardian: Guardian = get_live(session, Guardian, guardian_id, "guardian")
        if guardian.student_id != student_id:
            raise ValidationError(
                "contact.guardian_other", "The guardian belongs to another student.", field="guardian_id"
            )


def _info(session: Session, c: Contact) -> ContactInfo:
    guardian = session.get(Guardian, c.guardian_id) if c.guardian_id else None
    recorder = session.get(User, c.recorder_id)
    return ContactInfo(
        id=c.id,
        revision=c.revision,
        student_id=c.student_id,
        guardian_id=c.guardian_id,
        guardian_name=guardian.name if guardian else "",
        at=c.at,
        channel=c.channel,
        purpose=c.purpose,
        answered=c.answered,
        summary=c.summary,
        feedback=c.feedback,
        follow_up_on=c.follow_up_on,
        recorder_id=c.recorder_id,
        recorder_name=recorder.display_name if recorder else "",
    )


def log_contact(ctx: ServiceContext, student_id: str, data: dict[str, Any]) -> ContactInfo:
    """Log a contact; ``answered`` False records an attempt nobody picked up."""
    require_role(ctx, "teacher", "academic_affairs", "admin")
    values = _clean(ctx, data, creating=True)
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        _check_guardian(session, student_id, values.get("guardian_id"))
        contact = Contact(student_id=student_id, recorder_id=ctx.actor.id, **values)
        session.add(contact)
        session.flush()
        return _info(session, contact)


def update_contact(ctx: ServiceContext, contact_id: str, data: dict[str, Any]) -> ContactInfo:
    values = _clean(ctx, data, creating=False)
    with transaction(ctx) as session:
        contact: Contact = get_live(session, Contact, contact_id, "contact")
        student_for_write(session, ctx, contact.student_id)
        if "guardian_id" in values:
            _check_guardian(session, contact.student_id, values["guardian_id"])
        for key, value in values.items():
            setattr(contact, key, value)
        if contact.follow_up_on and contact.follow_up_on < contact.at.date():
            raise ValidationError(
                "contact.follow_up_before", "The follow-up date is before the contact.", field="follow_up_on"
            )
        session.flush()
        return _info(session, contact)


def delete_contact(ctx: ServiceContext, contact_id: str) -> None:
    soft_delete(ctx, Contact, contact_id, "contact")


def list_contacts(
    ctx: ServiceContext, student_id: str, *, term_id: str | None = None, answered: bool | None = None
) -> list[ContactInfo]:
    """A student's contacts, newest first, optionally within one term."""
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        query = select(Contact).where(Contact.student_id == student_id, Contact.deleted_at.is_(None))
        if term_id:
            term: Term = get_live(session, Term, term_id, "term")
            query = query.where(
                Contact.at >= dt.datetime.combine(term.start_date, dt.time()),
                Contact.at < dt.datetime.combine(term.end_date + dt.timedelta(days=1), dt.time()),
            )
        if answered is not None:
            query = query.where(Contact.answered.is_(answered))
        # Load the student's guardians and the recorders once and keep them referenced, so _info's
        # session.get() finds them in the (weak) identity map instead of two queries per contact.
        people = [
            *session.scalars(select(Guardian).where(Guardian.student_id == student_id)),
            *session.scalars(
                select(User).where(
                    User.id.in_(query.with_only_columns(Contact.recorder_id).distinct().scalar_subquery())
                )
            ),
        ]
        result = [_info(session, c) for c in session.scalars(query.order_by(Contact.at.desc()))]
        del people
        return result


def contact_counts(ctx: ServiceContext, term_id: str) -> list[TeacherContactCount]:
    """Contacts per recorder in a term, over the students this actor may see."""
    with reading(ctx) as session:
        term: Term = get_live(session, Term, term_id, "term")
        visible = visible_students(ctx).with_only_columns(Student.id)
        rows = session.execute(
            select(
                Contact.recorder_id,
                User.display_name,
                func.count(Contact.id),
                func.sum(case((Contact.answered.is_(True), 1), else_=0)),
                func.count(func.distinct(Contact.student_id)),
            )
            .join(User, User.id == Contact.recorder_id)
            .where(
                Contact.deleted_at.is_(None),
                Contact.student_id.in_(visible),
                Contact.at >= dt.datetime.combine(term.start_date, dt.time()),
                Contact.at < dt.datetime.combine(term.end_date + dt.timedelta(days=1), dt.time()),
            )
            .group_by(Contact.recorder_id, User.display_name)
            .order_by(User.display_name)
        )
        return [
            TeacherContactCount(rid, name, total, int(ok or 0), total - int(ok or 0), students)
            for rid, name, total, ok, students in rows
        ]


@dataclass(frozen=True)
class ContactsEditing:
    """What the contacts panel shows, read in one call: the log and the guardian picker."""

    entries: tuple[ContactInfo, ...]  # newest first
    guardians: tuple[tuple[str, str], ...]  # (guardian id, name)


def contacts_for_editing(ctx: ServiceContext, student_id: str) -> ContactsEditing:
    detail = students.get_student(ctx, student_id)
    return ContactsEditing(
        entries=tuple(list_contacts(ctx, student_id)),
        guardians=tuple((g.id, g.name) for g in detail.guardians),
    )
