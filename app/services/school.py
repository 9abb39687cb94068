"""School settings, the visit rule, terms and the term calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import CalendarDay, School, Setting, Term
from app.domain.calendar import OfficialYear, TermCalendar, official_holidays
from app.domain.rules import VisitRule
from app.services import forms
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import NotFound, ValidationError


@dataclass(frozen=True, kw_only=True)
class SchoolInfo:
    id: str
    name: str
    code: str
    address: str
    phone: str
    rule: VisitRule
    assessment_weights: dict[str, Any]
    backup_keep: int
    backup_every_hours: int


@dataclass(frozen=True)
class CalendarEntry:
    date: dt.date
    kind: str
    name: str


@dataclass(frozen=True)
class TermInfo:
    id: str
    name: str
    start: dt.date
    end: dt.date
    locked: bool
    days: tuple[CalendarEntry, ...] = field(default_factory=tuple)

    def calendar(self) -> TermCalendar:
        return TermCalendar(
            self.start,
            self.end,
            frozenset(d.date for d in self.days if d.kind == "holiday"),
            frozenset(d.date for d in self.days if d.kind == "workday"),
        )


def rule_of(school: School) -> VisitRule:
    return VisitRule(
        school.rule_period,
        school.rule_visits_per_period,
        school.rule_lessons_per_visit,
        school.rule_minutes_per_lesson,
        school.rule_yearly_min_lessons,
    )


def school_row(session: Session) -> School:
    school = session.scalar(select(School).where(School.deleted_at.is_(None)))
    if school is None:
        raise NotFound(
            "school.not_set_up", "The school is not set up yet: run the first-run wizard or `demo`."
        )
    return school


def _school_info(school: School) -> SchoolInfo:
    return SchoolInfo(
        id=school.id,
        name=school.name,
        code=school.code,
        address=school.address,
        phone=school.phone,
        rule=rule_of(school),
        assessment_weights=dict(school.assessment_weights or {}),
        backup_keep=school.backup_keep,
        backup_every_hours=school.backup_every_hours,
    )


def get_school(ctx: ServiceContext) -> SchoolInfo:
    with reading(ctx) as session:
        return _school_info(school_row(session))


def is_set_up(ctx: ServiceContext) -> bool:
    with reading(ctx) as session:
        return session.scalar(select(School.id).where(School.deleted_at.is_(None))) is not None


def validate_rule(data: dict[str, Any]) -> VisitRule:
    period = forms.choice(data.get("period", "week"), "period", ("week", "month")) or "week"
    visits = forms.parse_int(
        data.get("visits_per_period", 1), "visits_per_period", low=1, high=10, required=True
    )
    lessons = forms.parse_int(
        data.get("lessons_per_visit", 2), "lessons_per_visit", low=1, high=8, required=True
    )
    minutes = forms.parse_int(
        data.get("minutes_per_lesson", 30), "minutes_per_lesson", low=10, high=90, required=True
    )
    yearly = forms.parse_int(data.get("yearly_min_lessons"), "yearly_min_lessons", low=1, high=2000)
    assert visits and lessons and minutes
    return VisitRule(period, visits, lessons, minutes, yearly)


def update_school(ctx: ServiceContext, data: dict[str, Any]) -> SchoolInfo:
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        school = school_row(session)
        for key, max_len in (("name", 200), ("code", 40), ("address", 300), ("phone", 40)):
            if key in data:
                setattr(school, key, forms.text(data, key, required=key == "name", max_len=max_len))
        if "rule" in data:
            rule = validate_rule(data["rule"])
            school.rule_period, school.rule_visits_per_period = rule.period, rule.visits_per_period
            school.rule_lessons_per_visit, school.rule_minutes_per_lesson = (
                rule.lessons_per_visit,
                rule.minutes_per_lesson,
            )
            school.rule_yearly_min_lessons = rule.yearly_min_lessons
        if "assessment_weights" in data:
            weights = data["assessment_weights"]
            if not isinstance(weights, dict) or any(
                not isinstance(v, int | float) or v < 0 for v in weights.values()
            ):
                raise ValidationError(
                    "weights.invalid", "Weights must be non-negative numbers.", field="assessment_weights"
                )
            school.assessment_weights = dict(weights)
        if "backup_keep" in data:
            school.backup_keep = forms.parse_int(data["backup_keep"], "backup_keep", low=1, high=100) or 10
        if "backup_every_hours" in data:
            school.backup_every_hours = (
                forms.parse_int(data["backup_every_hours"], "backup_every_hours", low=1, high=24 * 30) or 24
            )
        return _school_info(school)


def _term_info(term: Term) -> TermInfo:
    days = tuple(CalendarEntry(d.date, d.kind, d.name) for d in term.days if d.deleted_at is None)
    return TermInfo(term.id, term.name, term.start_date, term.end_date, term.locked, days)


def validate_days(data: Any, start: dt.date, end: dt.date) -> list[CalendarEntry]:
    entries = []
    seen: set[dt.date] = set()
    for i, raw in enumerate(data or []):
        day = forms.parse_date(raw.get("date"), f"days[{i}].date", required=True)
        assert day is not None
        kind = forms.choice(raw.get("kind"), f"days[{i}].kind", ("holiday", "workday"))
        if not start <= day <= end:
            raise ValidationError(
                "calendar.outside_term", f"days[{i}]: {day} is outside the term.", field=f"days[{i}].date"
            )
        if day in seen:
            raise ValidationError(
                "calendar.duplicate", f"days[{i}]: {day} is listed twice.", field=f"days[{i}].date"
            )
        seen.add(day)
        entries.append(CalendarEntry(day, kind or "holiday", str(raw.get("name") or "")[:100]))
    return entries


def suggested_days(
    start: dt.date, end: dt.date, imported: Mapping[int, OfficialYear] | None = None
) -> list[CalendarEntry]:
    """Statutory holidays and make-up workdays for the dates, to pre-fill the term calendar.

    ``imported``: the school's holiday files by year (app.services.holidays.imported), used in preference
    to the holiday package for their years.
    """
    holidays, workdays = official_holidays(start, end, imported)
    named = {d: n for year in (imported or {}).values() for d, n in year.workdays.items()}
    entries = [CalendarEntry(d, "holiday", name) for d, name in holidays.items()]
    entries += [CalendarEntry(d, "workday", named.get(d, "调休上班")) for d in workdays]
    return sorted(entries, key=lambda e: e.date)


def save_term(ctx: ServiceContext, data: dict[str, Any], term_id: str | None = None) -> TermInfo:
    """Create or update a term with its calendar. ``days`` replaces the whole calendar when given."""
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        return write_term(session, data, term_id)


def check_term_dates(start: dt.date, end: dt.date) -> bool:
    """Refuse a term that ends before it starts or lasts more than a year; True when the dates are fine."""
    if end <= start:
        raise ValidationError("term.dates", "The term must end after it starts.", field="end")
    if (end - start).days > 400:
        raise ValidationError("term.too_long", "A term cannot be longer than a year.", field="end")
    return True


def write_term(session: Session, data: dict[str, Any], term_id: str | None = None) -> TermInfo:
    name = forms.text(data, "name", required=True, max_len=100)
    start = forms.parse_date(data.get("start"), "start", required=True)
    end = forms.parse_date(data.get("end"), "end", required=True)
    assert start and end
    check_term_dates(start, end)
    days = validate_days(data["days"], start, end) if "days" in data else None
    if term_id:
        term: Term = get_live(session, Term, term_id, "term")
        if term.locked:
            raise ValidationError("term.locked", "This term is locked; unlock it first.", field="name")
    else:
        term = Term(name=name, start_date=start, end_date=end)
        session.add(term)
    term.name, term.start_date, term.end_date = name, start, end
    if "locked" in data:
        term.locked = forms.parse_bool(data["locked"])
    session.flush()
    if days is not None:
        for old in list(term.days):
            session.delete(old)
        session.flush()
        for entry in days:
            session.add(CalendarDay(term_id=term.id, date=entry.date, kind=entry.kind, name=entry.name))
        session.flush()
        session.refresh(term)
    return _term_info(term)


def set_term_locked(ctx: ServiceContext, term_id: str, locked: bool) -> TermInfo:
    require_role(ctx, "admin", "academic_affairs")
    with transaction(ctx) as session:
        term: Term = get_live(session, Term, term_id, "term")
        term.locked = locked
        return _term_info(term)


def list_terms(ctx: ServiceContext) -> list[TermInfo]:
    with reading(ctx) as session:
        terms = session.scalars(select(Term).where(Term.deleted_at.is_(None)).order_by(Term.start_date))
        return [_term_info(t) for t in terms]


def get_term(ctx: ServiceContext, term_id: str) -> TermInfo:
    with reading(ctx) as session:
        return _term_info(get_live(session, Term, term_id, "term"))


def term_for_date(ctx: ServiceContext, day: dt.date) -> TermInfo | None:
    terms = list_terms(ctx)
    for term in terms:
        if term.start <= day <= term.end:
            return term
    return None


def current_term(ctx: ServiceContext) -> TermInfo | None:
    """The term containing today, else the latest one that started, else the first."""
    terms = list_terms(ctx)
    if not terms:
        return None
    today = ctx.today()
    for term in terms:
        if term.start <= today <= term.end:
            return term
    started = [t for t in terms if t.start <= today]
    return started[-1] if started else terms[0]


def resolve_term(ctx: ServiceContext, ref: str | None) -> TermInfo:
    """A term by id or by name; the current term when ``ref`` is empty."""
    if not ref:
        term = current_term(ctx)
        if term is None:
            raise NotFound("term.none", "No term is set up yet.")
        return term
    for term in list_terms(ctx):
        if ref in (term.id, term.name):
            return term
    raise NotFound("term.not_found", f"No term called '{ref}'.", field="term")


def get_setting(ctx: ServiceContext, key: str, default: Any = None) -> Any:
    with reading(ctx) as session:
        row = session.scalar(select(Setting).where(Setting.key == key))
        return default if row is None else row.value


def put_setting(ctx: ServiceContext, key: str, value: Any) -> None:
    with transaction(ctx) as session:
        row = session.scalar(select(Setting).where(Setting.key == key))
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
