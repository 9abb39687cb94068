"""The visit rule: per student and period, was the child taught as the school's rule requires?

Everything here is pure: the caller hands in the term calendar, the rule settings, the student's
enrolment and pause spans and the visits, and gets statuses with the reason behind each one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.calendar import Period, TermCalendar, periods


class WeekStatus(StrEnum):
    MET = "met"
    MET_BY_MAKEUP = "met_by_makeup"
    MISSED_OWED = "missed_owed"
    MISSED_EXCUSED = "missed_excused"
    PAUSED = "paused"
    NOT_TEACHING = "not_teaching"
    FUTURE = "future"


class VisitState(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class CancelCause(StrEnum):
    """Who caused a cancellation decides whether a make-up is owed."""

    FAMILY = "family"  # child ill, in hospital, family refused: excused
    SCHOOL = "school"  # teacher absent, weather, school event: make-up owed


@dataclass(frozen=True)
class VisitRule:
    """The school's rule (a setting: provinces differ)."""

    period: str = "week"  # "week" or "month"
    visits_per_period: int = 1
    lessons_per_visit: int = 2
    minutes_per_lesson: int = 30
    yearly_min_lessons: int | None = None

    def __post_init__(self) -> None:
        if self.period not in ("week", "month"):
            raise ValueError("period must be 'week' or 'month'")  # pragma: no mutate
        if self.visits_per_period < 1 or self.lessons_per_visit < 1 or self.minutes_per_lesson < 1:
            raise ValueError("rule counts must be at least 1")  # pragma: no mutate


@dataclass(frozen=True)
class VisitFact:
    """What the rule needs to know about one visit."""

    id: str
    date: dt.date
    state: VisitState
    lesson_minutes: tuple[int, ...] = ()
    cancel_cause: CancelCause | None = None
    cancel_reason: str = ""
    makeup_of: str | None = None  # id of the cancelled visit this one replaces


@dataclass(frozen=True)
class Span:
    start: dt.date
    end: dt.date | None  # open-ended when None
    reason: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class StudentFacts:
    """A student's enrolment, pauses and visits for one term."""

    enrolled: Span
    pauses: tuple[Span, ...] = ()
    visits: tuple[VisitFact, ...] = ()


@dataclass(frozen=True)
class PeriodResult:
    period: Period
    status: WeekStatus
    reason: str
    visits_counted: int = 0
    visits_required: int = 0
    owed: int = 0  # visits still owed for this period after make-ups
    counted_visit_ids: tuple[str, ...] = ()
    makeup_visit_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermTotals:
    teaching_periods: int = 0
    met: int = 0
    met_by_makeup: int = 0
    missed_owed: int = 0
    missed_excused: int = 0
    paused: int = 0
    future: int = 0
    visits_done: int = 0
    visits_cancelled: int = 0
    lessons_delivered: int = 0
    minutes_delivered: int = 0
    lessons_required: int = 0
    owed_makeups: int = 0
    yearly_min_lessons: int | None = None

    @property
    def due_periods(self) -> int:
        """Teaching periods already past, where the rule applied (not paused, not future)."""
        return self.met + self.met_by_makeup + self.missed_owed + self.missed_excused

    @property
    def met_ratio(self) -> float | None:
        due = self.due_periods
        return None if due == 0 else (self.met + self.met_by_makeup) / due


@dataclass(frozen=True)
class ComplianceResult:
    periods: tuple[PeriodResult, ...]
    totals: TermTotals
    notes: tuple[str, ...] = field(default_factory=tuple)


def counted_lessons(visit: VisitFact, rule: VisitRule) -> int:
    """课时 a done visit delivered: lessons at least as long as the rule's minutes per 课时."""
    if visit.state != VisitState.DONE:
        return 0
    return sum(1 for minutes in visit.lesson_minutes if minutes >= rule.minutes_per_lesson)


def qualifies(visit: VisitFact, rule: VisitRule) -> bool:
    """A visit counts towards the rule only if done with enough 课时."""
    return counted_lessons(visit, rule) >= rule.lessons_per_visit


@dataclass(frozen=True)
class RecordConcern:
    """Something that keeps a visit record from counting for the rule or from being complete.

    ``code``: ``too_few_lessons`` (``counted`` 课时 of at least ``minutes`` minutes, the rule needs ``required``),
    ``no_content`` (no lesson says what was taught), ``no_signature`` (no caregiver signature). The last two
    do not change the week's status but leave the record incomplete for the term's assessment.
    """

    code: str
    counted: int = 0
    required: int = 0
    minutes: int = 0


def record_concerns(
    lessons: Sequence[tuple[int, str]], signed: bool, rule: VisitRule
) -> tuple[RecordConcern, ...]:
    """What to tell the teacher before a visit is finished and locked; ``lessons`` are (minutes, content).

    The same count as :func:`counted_lessons`: a lesson shorter than the rule's minutes per 课时 is not a 课时.
    """
    found = []
    counted = sum(1 for minutes, _content in lessons if minutes >= rule.minutes_per_lesson)
    if counted < rule.lessons_per_visit:
        found.append(
            RecordConcern("too_few_lessons", counted, rule.lessons_per_visit, rule.minutes_per_lesson)
        )
    if not any(content.strip() for _minutes, content in lessons):
        found.append(RecordConcern("no_content"))
    if not signed:
        found.append(RecordConcern("no_signature"))
    return tuple(found)


def lessons_exceed_span(start: dt.time, end: dt.time, minutes: Sequence[int]) -> tuple[int, int] | None:
    """(lessons' total, the visit's span) in minutes when the lessons add up to more than the visit lasted,
    else None: one of the two was typed wrong. An end before the start is the form's own error, not this."""
    span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
    total = sum(minutes)
    return (total, span) if 0 < span < total else None


def evaluate(
    calendar: TermCalendar,
    rule: VisitRule,
    facts: StudentFacts,
    today: dt.date,
    all_periods: Sequence[Period] | None = None,
) -> ComplianceResult:
    """Status of every rule period of the term for one student, and the term totals.

    ``all_periods`` may pass ``periods(calendar, rule.period)`` computed once for many students.
    """
    if all_periods is None:
        all_periods = periods(calendar, rule.period)
    visits_by_id = {v.id: v for v in facts.visits}
    # A make-up counts for the period of the visit it replaces, never for its own period as well.
    makeups_for: dict[str, list[VisitFact]] = {}
    for visit in facts.visits:
        if visit.makeup_of and qualifies(visit, rule):
            original = _replaced_visit(visit, visits_by_id)
            if original is not None:
                makeups_for.setdefault(_period_key(all_periods, original.date), []).append(visit)

    # Each visit's period found once (visits and periods are both in date order), rather than every period
    # scanning every visit: the office's compliance grid evaluates 300 students x 21 weeks at once.
    starts = [period.start for period in all_periods]
    by_period: list[list[VisitFact]] = [[] for _ in all_periods]
    for visit in facts.visits:
        index = bisect_right(starts, visit.date) - 1
        if index >= 0 and all_periods[index].contains(visit.date):
            by_period[index].append(visit)
    results = []
    for index, period in enumerate(all_periods):
        results.append(
            _evaluate_period(period, rule, facts, today, makeups_for.get(_key(period), []), by_period[index])
        )

    return ComplianceResult(tuple(results), _totals(results, rule, facts, calendar))


def _replaced_visit(makeup: VisitFact, visits_by_id: dict[str, VisitFact]) -> VisitFact | None:
    """The original visit a make-up stands in for.

    When a make-up is itself cancelled and rescheduled, the new visit points at the cancelled
    make-up; it still replaces the first visit, so follow the chain to its start. A chain that
    leads to an unknown visit or loops has no period to credit.
    """
    seen = {makeup.id}
    current = makeup
    while current.makeup_of:
        if current.makeup_of in seen or current.makeup_of not in visits_by_id:
            return None
        current = visits_by_id[current.makeup_of]
        seen.add(current.id)
    return current


def _key(period: Period) -> str:
    return period.start.isoformat()


def _period_key(all_periods: Sequence[Period], day: dt.date) -> str:
    for period in all_periods:
        if period.contains(day):
            return _key(period)
    return ""


def _evaluate_period(
    period: Period,
    rule: VisitRule,
    facts: StudentFacts,
    today: dt.date,
    makeups: list[VisitFact],
    in_period: list[VisitFact],
) -> PeriodResult:
    required = rule.visits_per_period
    if not period.is_teaching:
        return PeriodResult(period, WeekStatus.NOT_TEACHING, "holiday")
    active_days = [d for d in period.school_days if facts.enrolled.covers(d)]
    if not active_days:
        return PeriodResult(period, WeekStatus.NOT_TEACHING, "not_enrolled")
    unpaused = [d for d in active_days if not any(p.covers(d) for p in facts.pauses)]
    if not unpaused:
        # Every active day is paused here, so a pause covers the first one: the default is never taken.
        reason = next((p.reason for p in facts.pauses if p.covers(active_days[0])), "")  # pragma: no mutate
        return PeriodResult(period, WeekStatus.PAUSED, reason or "paused")

    regular = [v for v in in_period if not v.makeup_of and qualifies(v, rule)]
    counted = regular[:required]
    counted_ids = tuple(v.id for v in counted)
    if len(counted) >= required:
        return PeriodResult(period, WeekStatus.MET, "visited", len(counted), required, 0, counted_ids)

    if period.end >= today:
        # The period is still running (or ahead): nothing is owed yet. A visit that took place with too few
        # 课时 is said, so the teacher learns now why the week is not met rather than at the term's end.
        short = any(
            v.state == VisitState.DONE and not v.makeup_of and not qualifies(v, rule) for v in in_period
        )
        reason = "too_few_lessons" if short else "pending"
        return PeriodResult(period, WeekStatus.FUTURE, reason, len(counted), required, 0, counted_ids)

    shortfall = required - len(counted)
    cancelled = [v for v in in_period if v.state == VisitState.CANCELLED and not v.makeup_of]
    excused = [v for v in cancelled if v.cancel_cause == CancelCause.FAMILY]
    owed_cancellations = [v for v in cancelled if v.cancel_cause != CancelCause.FAMILY]
    makeup_ids = tuple(v.id for v in makeups)
    # Family-caused cancellations excuse only as many visits as they cancelled.
    excused_count = min(len(excused), shortfall)
    owed = shortfall - excused_count
    made_up = min(len(makeups), shortfall)
    if owed == 0 and not made_up:
        reason = excused[0].cancel_reason or "family_cancelled"
        return PeriodResult(period, WeekStatus.MISSED_EXCUSED, reason, len(counted), required, 0, counted_ids)
    remaining = max(owed - made_up, 0)
    if remaining == 0:  # every owed visit made up, or none owed (family cancellations) and made up anyway
        return PeriodResult(
            period,
            WeekStatus.MET_BY_MAKEUP,
            "made_up",
            len(counted) + made_up,
            required,
            0,
            counted_ids,
            makeup_ids,
        )
    if owed_cancellations:
        reason = owed_cancellations[0].cancel_reason or "school_cancelled"
    elif any(v.state == VisitState.DONE and not v.makeup_of and not qualifies(v, rule) for v in in_period):
        # Only a visit that happened but fell short is "too few 课时"; a missing second visit is not.
        reason = "too_few_lessons"
    elif counted:
        reason = "too_few_visits"
    else:
        reason = "no_visit"
    return PeriodResult(
        period,
        WeekStatus.MISSED_OWED,
        reason,
        len(counted) + made_up,
        required,
        remaining,
        counted_ids,
        makeup_ids,
    )


def _totals(
    results: list[PeriodResult], rule: VisitRule, facts: StudentFacts, calendar: TermCalendar
) -> TermTotals:
    counts = {status: 0 for status in WeekStatus}
    for r in results:
        counts[r.status] += 1
    term_visits = [v for v in facts.visits if calendar.contains(v.date)]
    done = [v for v in term_visits if v.state == VisitState.DONE]
    teaching = sum(1 for r in results if r.status != WeekStatus.NOT_TEACHING)
    required_periods = (
        counts[WeekStatus.MET] + counts[WeekStatus.MET_BY_MAKEUP] + counts[WeekStatus.MISSED_OWED]
    )
    return TermTotals(
        teaching_periods=teaching,
        met=counts[WeekStatus.MET],
        met_by_makeup=counts[WeekStatus.MET_BY_MAKEUP],
        missed_owed=counts[WeekStatus.MISSED_OWED],
        missed_excused=counts[WeekStatus.MISSED_EXCUSED],
        paused=counts[WeekStatus.PAUSED],
        future=counts[WeekStatus.FUTURE],
        visits_done=len(done),
        visits_cancelled=sum(1 for v in term_visits if v.state == VisitState.CANCELLED),
        lessons_delivered=sum(counted_lessons(v, rule) for v in done),
        minutes_delivered=sum(sum(v.lesson_minutes) for v in done),
        lessons_required=required_periods * rule.visits_per_period * rule.lessons_per_visit,
        owed_makeups=sum(r.owed for r in results),
        yearly_min_lessons=rule.yearly_min_lessons,
    )
