"""Copying a month's plan forward: same weekdays, school days only, as many visits as the rule needs."""

from __future__ import annotations

import datetime as dt

from app.domain.calendar import TermCalendar
from app.domain.planning import copy_forward, shortfall
from app.domain.rules import VisitRule

D = dt.date
TERM = TermCalendar(
    D(2026, 9, 1),
    D(2027, 1, 22),
    frozenset({D(2026, 10, 1), D(2026, 10, 2), D(2026, 10, 5), D(2026, 10, 6), D(2026, 10, 7)}),
    frozenset(),
)
WEEKLY = VisitRule()


def dates(copied):
    return [c.date for c in copied]


def test_same_weekday_one_a_week_and_the_edge_week_counts_last_months_visit():
    mondays = [D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 23), D(2026, 11, 30)]
    copied = copy_forward(mondays, "2026-12", TERM, WEEKLY, planned_elsewhere=[D(2026, 11, 30)])
    # The week of Nov 30 already has November's visit; Dec 28's week is clipped by nothing (term ends in Jan).
    assert dates(copied) == [D(2026, 12, 7), D(2026, 12, 14), D(2026, 12, 21), D(2026, 12, 28)]
    assert all(c.source == 4 for c in copied)  # the latest Monday's lessons are copied


def test_holiday_weekday_moves_to_the_closest_school_day_of_that_week():
    thursdays = [D(2026, 9, 3), D(2026, 9, 10), D(2026, 9, 17), D(2026, 9, 24)]
    copied = dates(copy_forward(thursdays, "2026-10", TERM, WEEKLY))
    assert (
        D(2026, 10, 1) not in copied
    )  # 国庆: the first week (Sep 28 - Oct 4) has Sep 28-30 only, not October's
    assert D(2026, 10, 8) in copied and D(2026, 10, 15) in copied
    week_of_holidays = [d for d in copied if D(2026, 10, 5) <= d <= D(2026, 10, 11)]
    assert week_of_holidays == [D(2026, 10, 8)]  # Mon-Wed are holidays; Thursday itself is a school day


def test_whole_holiday_week_gets_no_visit_and_needs_none():
    cal = TermCalendar(
        D(2026, 9, 1), D(2027, 1, 22), frozenset(D(2026, 10, d) for d in range(1, 8)), frozenset()
    )
    copied = dates(copy_forward([D(2026, 9, 29)], "2026-10", cal, WEEKLY))
    assert copied == [D(2026, 10, 8), D(2026, 10, 13), D(2026, 10, 20), D(2026, 10, 27)]
    # Sep 28 - Oct 4 has school days only in September: September's plan covers it, October's need not.
    assert shortfall(copied, "2026-10", cal, WEEKLY) == []


def test_two_a_week_last_month_stay_two_a_week_and_the_term_end_clips():
    assert copy_forward([D(2027, 1, 4), D(2027, 1, 7)], "2027-02", TERM, WEEKLY) == []  # after the term
    two = dates(copy_forward([D(2026, 11, 2), D(2026, 11, 5)], "2026-12", TERM, WEEKLY, [D(2026, 11, 30)]))
    assert two == [
        D(2026, 12, 3),  # Nov 30 (a Monday of November's plan) already counts for the first week
        *(D(2026, 12, d) for d in (7, 10, 14, 17, 21, 24, 28, 31)),
    ]


def test_monthly_rule_spreads_the_visits_over_the_month():
    rule = VisitRule(period="month", visits_per_period=2)
    copied = dates(copy_forward([D(2026, 11, 4)], "2026-12", TERM, rule))
    assert copied == [D(2026, 12, 2), D(2026, 12, 16)]  # Wednesdays, spread, as the rule needs two
    assert shortfall(copied[:1], "2026-12", TERM, rule)[0].planned == 1


def test_shortfall_names_the_weeks_without_a_visit():
    short = shortfall([D(2026, 12, 7)], "2026-12", TERM, WEEKLY)
    assert [s.start for s in short] == [D(2026, 11, 30), D(2026, 12, 14), D(2026, 12, 21), D(2026, 12, 28)]
    assert shortfall([D(2026, 12, 7)], "2026-12", TERM, WEEKLY, [D(2026, 11, 30)])[0].start == D(2026, 12, 14)
    assert copy_forward([], "2026-12", TERM, WEEKLY) == []


def test_a_monthly_rule_keeps_last_months_number_of_visits_on_their_weekdays():
    """Under a month rule last month's three visits (two weeks apart, one week twice) stay three."""
    rule = VisitRule(period="month", visits_per_period=1)
    november = [D(2026, 11, 3), D(2026, 11, 5), D(2026, 11, 17)]  # Tue, Thu, Tue
    copied = copy_forward(november, "2026-12", TERM, rule)
    assert len(copied) == 3
    assert {c.date.weekday() for c in copied} <= {1, 3}
    assert all(c.date.month == 12 for c in copied)
    assert [c.source for c in copied if c.date.weekday() == 3] == [1] * sum(
        c.date.weekday() == 3 for c in copied
    )


def test_a_holiday_weekday_goes_to_the_nearest_weekday_not_any_school_day():
    """Friday off: the visit moves to Thursday (one day away), not to Monday, however dates sort."""
    cal = TermCalendar(D(2026, 9, 1), D(2027, 1, 22), frozenset({D(2026, 12, 11)}), frozenset())
    fridays = [D(2026, 11, 6), D(2026, 11, 13), D(2026, 11, 20), D(2026, 11, 27)]
    copied = dates(copy_forward(fridays, "2026-12", cal, WEEKLY, planned_elsewhere=[D(2026, 11, 30)]))
    assert D(2026, 12, 10) in copied and D(2026, 12, 7) not in copied


def test_a_week_that_needs_nothing_more_gets_nothing_and_a_week_with_school_days_gets_its_visit():
    # Two visits of other plans in the first week already: it needs none; every other week gets one.
    copied = dates(
        copy_forward(
            [D(2026, 11, 2)], "2026-12", TERM, WEEKLY, planned_elsewhere=[D(2026, 11, 30), D(2026, 12, 1)]
        )
    )
    assert copied == [D(2026, 12, 7), D(2026, 12, 14), D(2026, 12, 21), D(2026, 12, 28)]
