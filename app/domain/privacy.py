"""PIPL duties as pure rules: consent purposes, the kinds of records with their own retention, and when a
child's records are due for deletion."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

# What a guardian consents to (PIPL art. 29: separate consent for sensitive personal information).
PURPOSES = ("home_teaching", "photos", "health", "exchange", "sharing")
# Statuses that mean the child has left the programme; status_since is the leaving date.
LEFT = frozenset({"returned", "transferred", "graduated"})
# Kinds of records with their own retention (the school's archive rule), in deletion order: a kind's
# records go when its years after leaving have passed; "student" is the child's record itself and takes
# everything that is left with it.
KINDS = ("photos", "contacts", "records", "student")
# records: visits and their lessons, IEPs, monthly and lesson plans (the teaching archive, 送教档案).
DEFAULT_YEARS: dict[str, int] = {"photos": 10, "contacts": 10, "records": 30, "student": 30}
MAX_YEARS = 100


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Due:
    """A child whose retention has ended for some kinds of records (all of them when "student" is among them)."""

    student_id: str
    left_on: dt.date
    kinds: tuple[str, ...]

    @property
    def whole(self) -> bool:
        return "student" in self.kinds


def due_kinds(
    status: str, left_on: dt.date | None, years: Mapping[str, int], today: dt.date
) -> tuple[str, ...]:
    """The kinds of a child's records whose retention ended by ``today`` (none while the child is in the programme)."""
    if status not in LEFT or left_on is None:
        return ()
    return tuple(kind for kind in KINDS if add_years(left_on, years[kind]) <= today)


def check_years(raw: Mapping[str, object]) -> dict[str, int] | str:
    """The retention years per kind, or the kind whose value is not a whole number of years in range."""
    out = {}
    for kind in KINDS:
        value = raw.get(kind, DEFAULT_YEARS[kind])
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_YEARS:
            return kind
        out[kind] = value
    return out
