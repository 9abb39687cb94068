"""Planning a month's visits: copying last month's pattern forward, and what the rule still needs.

Pure functions on the term calendar (app.domain.calendar) and the school's visit rule; the plans service
feeds them the plan and the calendar, the plan editor shows what they say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.calendar import Period, TermCalendar, periods
from app.domain.rules import VisitRule


@dataclass(frozen=True)
class CopiedVisit:
    date: dt.date
    source: int  # index of the earlier month's visit whose time, lessons and content it takes


@dataclass(frozen=True)
class Shortfall:
    """A rule period of the month that the plan does not fill: ``planned`` of ``required`` visits."""

    start: dt.date
    end: dt.date
    planned: int
    required: int


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    first = dt.date.fromisoformat(f"{month}-01")
    # 28 + 4 days is in the next month for every month (and so would be 5 or 6).
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)  # pragma: no mutate
    return first, following - dt.timedelta(days=1)


def _month_periods(calendar: TermCalendar, rule: VisitRule, month: str) -> list[Period]:
    """The rule's teaching periods that have school days in the month."""
    first, last = month_bounds(month)
    return [p for p in periods(calendar, rule.period) if p.is_teaching and p.start <= last and p.end >= first]


def _in_month(period: Period, month: str) -> list[dt.date]:
    first, last = month_bounds(month)
    return [d for d in period.school_days if first <= d <= last]


def _spread(days: list[dt.date], count: int) -> list[dt.date]:
    """``count`` of ``days`` spaced evenly (all of them when there are no more)."""
    if len(days) <= count:
        return list(days)
    return [days[round(i * len(days) / count)] for i in range(count)]


def copy_forward(
    source: Sequence[dt.date],
    month: str,
    calendar: TermCalendar,
    rule: VisitRule,
    planned_elsewhere: Sequence[dt.date] = (),
) -> list[CopiedVisit]:
    """Last month's visits (``source`` dates, in plan order) placed in ``month``.

    Each rule period of the month gets as many visits as the rule needs (more when last month had more per
    period), on last month's weekdays where those are school days, else on the period's other school days,
    closest to the usual weekday first. Holidays and days outside the term are never used. Visits of other
    months' plans that fall in a period of this month (``planned_elsewhere``, a week across the month's
    edge) count for it.
    """
    if not source:
        return []
    weekdays = list(dict.fromkeys(d.weekday() for d in source))
    source_periods = [p for p in periods(calendar, rule.period) if any(p.contains(d) for d in source)]
    per_source_period = max((sum(1 for d in source if p.contains(d)) for p in source_periods), default=1)
    if rule.period == "month":
        per_source_period = len(source)
    wanted = max(rule.visits_per_period, per_source_period)
    result: list[CopiedVisit] = []
    for period in _month_periods(calendar, rule, month):
        days = _in_month(period, month)
        need = wanted - sum(1 for d in planned_elsewhere if period.contains(d))
        if need <= 0 or not days:
            continue
        usual = _spread([d for d in days if d.weekday() in weekdays], need)
        others = sorted(
            (d for d in days if d not in usual),
            key=lambda d: (min(abs(d.weekday() - w) for w in weekdays), d),
        )
        chosen = sorted(usual + others[: max(0, need - len(usual))])
        for day in chosen:
            same = [i for i, d in enumerate(source) if d.weekday() == day.weekday()]
            result.append(CopiedVisit(day, same[-1] if same else len(result) % len(source)))
    return result


def shortfall(
    planned: Sequence[dt.date],
    month: str,
    calendar: TermCalendar,
    rule: VisitRule,
    planned_elsewhere: Sequence[dt.date] = (),
) -> list[Shortfall]:
    """The month's rule periods with fewer planned visits than the rule needs (holiday weeks need none)."""
    result = []
    for period in _month_periods(calendar, rule, month):
        if not _in_month(period, month):
            continue  # a week whose school days are all in the next or last month: that plan's part
        count = sum(1 for d in [*planned, *planned_elsewhere] if period.contains(d))
        if count < rule.visits_per_period:
            result.append(Shortfall(period.start, period.end, count, rule.visits_per_period))
    return result
