"""Term calendar: which days and weeks of a term are teaching time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class TermCalendar:
    """A term's dates plus the days the school calendar changes.

    ``holidays`` are days off that would otherwise be school days (National Day, Spring Festival);
    ``workdays`` are weekend days made into school days (调休上班).
    """

    start: dt.date
    end: dt.date
    holidays: frozenset[dt.date] = field(default_factory=frozenset)
    workdays: frozenset[dt.date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("term end is before its start")

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def is_school_day(self, day: dt.date) -> bool:
        """A day inside the term on which teaching happens."""
        if not self.contains(day):
            return False
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def days(self) -> Iterator[dt.date]:
        day = self.start
        while day <= self.end:
            yield day
            day += ONE_DAY


@dataclass(frozen=True)
class Period:
    """One rule period (a Monday–Sunday week or a calendar month) clipped to the term."""

    index: int
    start: dt.date
    end: dt.date
    school_days: tuple[dt.date, ...]

    @property
    def is_teaching(self) -> bool:
        return bool(self.school_days)

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_end(day: dt.date) -> dt.date:
    nxt = day.replace(day=28) + dt.timedelta(days=4)
    return nxt - dt.timedelta(days=nxt.day)


def periods(calendar: TermCalendar, kind: str = "week") -> list[Period]:
    """Split the term into rule periods.

    Weeks run Monday to Sunday (a week the term only partly covers is clipped); a week or month with
    no school day in it (a holiday week such as 国庆) is not a teaching period.
    """
    if kind not in ("week", "month"):
        raise ValueError(f"unknown period kind {kind!r}")
    result: list[Period] = []
    start = calendar.start
    index = 0
    while start <= calendar.end:
        natural_end = week_start(start) + dt.timedelta(days=6) if kind == "week" else _month_end(start)
        end = min(natural_end, calendar.end)
        school = tuple(d for d in _span(start, end) if calendar.is_school_day(d))
        result.append(Period(index, start, end, school))
        index += 1
        start = end + ONE_DAY
    return result


def _span(start: dt.date, end: dt.date) -> Iterable[dt.date]:
    day = start
    while day <= end:
        yield day
        day += ONE_DAY


def teaching_weeks(calendar: TermCalendar) -> list[Period]:
    return [p for p in periods(calendar, "week") if p.is_teaching]


@dataclass(frozen=True)
class OfficialYear:
    """One year of the State Council's holiday notice (国务院办公厅关于×年部分节假日安排的通知).

    ``holidays`` are every day off the notice gives, weekends included, by name; ``workdays`` the
    weekend days it makes working days (调休上班). A notice may list days of the neighbouring year (a
    New Year break from 30 December): those count too.
    """

    year: int
    holidays: dict[dt.date, str]
    workdays: dict[dt.date, str]
    source: str = ""


def library_knows(year: int) -> bool:
    """Whether the chinese_calendar package shipped with the official holidays of ``year``."""
    try:
        import chinese_calendar as cc
    except ImportError:  # pragma: no cover - dependency is declared, guard for packaged builds
        return False
    try:
        cc.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def unknown_years(start: dt.date, end: dt.date, imported: Iterable[int] = ()) -> list[int]:
    """The years between two dates whose official holidays neither the package nor an imported file knows.

    For those years the calendar has no statutory holidays unless a person typed them in, so the visit
    rule's week and holiday counting may be wrong: the caller warns.
    """
    known = set(imported)
    return [y for y in range(start.year, end.year + 1) if y not in known and not library_knows(y)]


def official_holidays(
    start: dt.date, end: dt.date, imported: Mapping[int, OfficialYear] | None = None
) -> tuple[dict[dt.date, str], set[dt.date]]:
    """Statutory holidays and make-up workdays between two dates.

    Returns ``({date: holiday name}, {make-up workdays})``; weekends that are simply weekends are not
    listed. ``imported`` (holiday files the school imported, by year) is used in preference to the
    chinese_calendar package, which knows only the years it shipped with: for a year in ``imported``
    the package is not asked, and a day an imported notice names is taken from the notice. Years
    nobody knows yield nothing rather than failing: the school can still type its calendar in by hand.
    """
    imported = imported or {}
    named: dict[dt.date, tuple[str, str]] = {}
    for notice in imported.values():
        named.update({d: ("holiday", n) for d, n in notice.holidays.items()})
        named.update({d: ("workday", n) for d, n in notice.workdays.items()})
    holidays: dict[dt.date, str] = {}
    workdays: set[dt.date] = set()
    for day in _span(start, end):
        if day in named or day.year in imported:
            kind, name = named.get(day, ("", ""))
            if kind == "holiday" and day.weekday() < 5:
                holidays[day] = name
            elif kind == "workday" and day.weekday() >= 5:
                workdays.add(day)
            continue
        found = _library_day(day)
        if found is None:
            continue
        on_holiday, english, is_workday = found
        if on_holiday and day.weekday() < 5 and english:
            holidays[day] = _HOLIDAY_NAMES_ZH.get(english, english)
        elif is_workday and day.weekday() >= 5:
            workdays.add(day)
    return holidays, workdays


def _library_day(day: dt.date) -> tuple[bool, str | None, bool] | None:
    """(on holiday, holiday name, is a working day) from the package; None for a year it does not know."""
    try:
        import chinese_calendar as cc
    except ImportError:  # pragma: no cover - dependency is declared, guard for packaged builds
        return None
    try:
        on_holiday, name = cc.get_holiday_detail(day)
        return bool(on_holiday), (str(name) if name else None), bool(cc.is_workday(day))
    except NotImplementedError:
        return None


_HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
