"""The visit rule and the term calendar: week boundaries, holidays, pauses, make-ups, totals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.calendar import (
    OfficialYear,
    TermCalendar,
    library_knows,
    official_holidays,
    periods,
    teaching_weeks,
    unknown_years,
    week_start,
)
from app.domain.rules import (
    CancelCause,
    ComplianceResult,
    PeriodResult,
    Span,
    StudentFacts,
    VisitFact,
    VisitRule,
    VisitState,
    WeekStatus,
    counted_lessons,
    evaluate,
    qualifies,
)

D = dt.date.fromisoformat
RULE = VisitRule()  # 1 visit a week, 2 课时 of at least 30 minutes
LATE = D("2030-01-01")  # "today" long after every test term: nothing is future


def cal(start: str, end: str, holidays: tuple[str, ...] = (), workdays: tuple[str, ...] = ()) -> TermCalendar:
    return TermCalendar(D(start), D(end), frozenset(map(D, holidays)), frozenset(map(D, workdays)))


# Five plain weeks: Mon 2 March to Sun 5 April 2026 (no statutory holiday inside by hand-built calendar).
MARCH = cal("2026-03-02", "2026-04-05")


def done(vid: str, day: str, *minutes: int, makeup_of: str | None = None) -> VisitFact:
    return VisitFact(vid, D(day), VisitState.DONE, minutes or (40, 40), makeup_of=makeup_of)


def cancelled(
    vid: str, day: str, cause: CancelCause | None, reason: str = "", makeup_of: str | None = None
) -> VisitFact:
    return VisitFact(vid, D(day), VisitState.CANCELLED, (), cause, reason, makeup_of)


def facts(*visits: VisitFact, enrolled: Span | None = None, pauses: tuple[Span, ...] = ()) -> StudentFacts:
    return StudentFacts(enrolled or Span(D("2020-01-01"), None), pauses, visits)


def run(
    *visits: VisitFact,
    calendar: TermCalendar = MARCH,
    rule: VisitRule = RULE,
    today: dt.date = LATE,
    enrolled: Span | None = None,
    pauses: tuple[Span, ...] = (),
) -> ComplianceResult:
    return evaluate(calendar, rule, facts(*visits, enrolled=enrolled, pauses=pauses), today)


def by_start(result: ComplianceResult) -> dict[str, PeriodResult]:
    return {r.period.start.isoformat(): r for r in result.periods}


def statuses(result: ComplianceResult) -> list[WeekStatus]:
    return [r.status for r in result.periods]


# --------------------------------------------------------------------------- calendar


class TestCalendar:
    def test_end_before_start_is_refused(self) -> None:
        with pytest.raises(ValueError):
            cal("2026-03-10", "2026-03-09")

    def test_school_days(self) -> None:
        c = cal("2026-03-02", "2026-03-15", holidays=("2026-03-04",), workdays=("2026-03-14",))
        assert c.is_school_day(D("2026-03-02"))  # Monday
        assert not c.is_school_day(D("2026-03-04"))  # holiday
        assert not c.is_school_day(D("2026-03-07"))  # Saturday
        assert c.is_school_day(D("2026-03-14"))  # Saturday made a workday
        assert not c.is_school_day(D("2026-03-16"))  # Monday after the term
        assert not c.is_school_day(D("2026-03-01"))  # before the term
        assert len(list(c.days())) == 14

    def test_weeks_run_monday_to_sunday(self) -> None:
        ps = periods(MARCH)
        assert len(ps) == 5
        assert all(p.start.weekday() == 0 and p.end.weekday() == 6 for p in ps)
        assert [p.index for p in ps] == [0, 1, 2, 3, 4]
        assert all(len(p.school_days) == 5 for p in ps)

    def test_term_starting_and_ending_mid_week_is_clipped(self) -> None:
        c = cal("2026-09-02", "2026-09-23")  # Wednesday to Wednesday
        ps = periods(c)
        assert [(p.start, p.end) for p in ps] == [
            (D("2026-09-02"), D("2026-09-06")),
            (D("2026-09-07"), D("2026-09-13")),
            (D("2026-09-14"), D("2026-09-20")),
            (D("2026-09-21"), D("2026-09-23")),
        ]
        assert len(ps[0].school_days) == 3
        assert len(ps[-1].school_days) == 3

    def test_periods_tile_the_term(self) -> None:
        c = cal("2026-09-01", "2027-01-22")
        for kind in ("week", "month"):
            ps = periods(c, kind)
            assert ps[0].start == c.start and ps[-1].end == c.end
            for a, b in zip(ps, ps[1:], strict=False):
                assert b.start == a.end + dt.timedelta(days=1)

    def test_months(self) -> None:
        ps = periods(cal("2026-09-01", "2027-01-22"), "month")
        assert [(p.start.isoformat(), p.end.isoformat()) for p in ps] == [
            ("2026-09-01", "2026-09-30"),
            ("2026-10-01", "2026-10-31"),
            ("2026-11-01", "2026-11-30"),
            ("2026-12-01", "2026-12-31"),
            ("2027-01-01", "2027-01-22"),
        ]

    def test_february_month_end_in_leap_year(self) -> None:
        ps = periods(cal("2028-02-10", "2028-03-05"), "month")
        assert ps[0].end == D("2028-02-29")

    def test_unknown_period_kind(self) -> None:
        with pytest.raises(ValueError):
            periods(MARCH, "fortnight")

    def test_single_day_term(self) -> None:
        ps = periods(cal("2026-03-04", "2026-03-04"))
        assert len(ps) == 1 and ps[0].school_days == (D("2026-03-04"),)

    def test_week_start(self) -> None:
        assert week_start(D("2026-03-08")) == D("2026-03-02")  # Sunday belongs to the week before
        assert week_start(D("2026-03-09")) == D("2026-03-09")

    def test_hand_built_holiday_week_is_not_teaching(self) -> None:
        c = cal("2026-03-02", "2026-03-22", holidays=tuple(f"2026-03-{d:02d}" for d in range(9, 14)))
        ps = periods(c)
        assert [p.is_teaching for p in ps] == [True, False, True]
        assert [p.start for p in teaching_weeks(c)] == [D("2026-03-02"), D("2026-03-16")]

    def test_saturday_makeup_workday_turns_a_holiday_week_into_a_teaching_week(self) -> None:
        holidays = tuple(f"2026-03-{d:02d}" for d in range(9, 14))
        c = cal("2026-03-02", "2026-03-22", holidays=holidays, workdays=("2026-03-14",))
        week2 = periods(c)[1]
        assert week2.is_teaching
        assert week2.school_days == (D("2026-03-14"),)

    def test_workday_outside_the_term_does_not_count(self) -> None:
        c = cal("2026-03-02", "2026-03-13", workdays=("2026-03-14",))
        assert not c.is_school_day(D("2026-03-14"))


class TestOfficialHolidays:
    def test_national_day_2026(self) -> None:
        holidays, workdays = official_holidays(D("2026-09-01"), D("2026-10-31"))
        national = sorted(d for d, name in holidays.items() if name == "国庆节")
        assert national == [D(f"2026-10-0{d}") for d in (1, 2, 5, 6, 7)]  # weekends are not listed
        assert holidays[D("2026-09-25")] == "中秋节"
        assert workdays == {D("2026-09-20"), D("2026-10-10")}  # Sunday and Saturday worked

    def test_national_day_2026_leaves_no_week_empty(self) -> None:
        # 1–7 October straddles two weeks and 10 October (Saturday) is worked, so both weeks still
        # have school days: both are teaching weeks under the rule.
        holidays, workdays = official_holidays(D("2026-09-01"), D("2027-01-22"))
        c = TermCalendar(D("2026-09-01"), D("2027-01-22"), frozenset(holidays), frozenset(workdays))
        weeks = {p.start: p for p in periods(c)}
        assert weeks[D("2026-09-28")].school_days == tuple(D(f"2026-09-{d}") for d in (28, 29, 30))
        assert weeks[D("2026-10-05")].school_days == (D("2026-10-08"), D("2026-10-09"), D("2026-10-10"))
        assert weeks[D("2026-09-14")].school_days[-1] == D("2026-09-20")  # the Sunday worked
        assert all(p.is_teaching for p in periods(c))

    def test_national_day_2026_school_marking_extra_days_off_makes_a_holiday_week(self) -> None:
        # A school that also gives 8–9 October and skips the Saturday shift has a true holiday week.
        holidays, _ = official_holidays(D("2026-09-01"), D("2026-10-31"))
        extra = frozenset(holidays) | {D("2026-10-08"), D("2026-10-09")}
        c = TermCalendar(D("2026-09-01"), D("2026-10-31"), extra, frozenset())
        week = next(p for p in periods(c) if p.start == D("2026-10-05"))
        assert not week.is_teaching
        result = evaluate(c, RULE, facts(), LATE)
        r = next(r for r in result.periods if r.period.start == D("2026-10-05"))
        assert r.status == WeekStatus.NOT_TEACHING and r.reason == "holiday"

    def test_spring_festival_2026_week_is_a_holiday_week(self) -> None:
        holidays, workdays = official_holidays(D("2026-02-02"), D("2026-03-01"))
        c = TermCalendar(D("2026-02-02"), D("2026-03-01"), frozenset(holidays), frozenset(workdays))
        weeks = {p.start: p for p in periods(c)}
        assert not weeks[D("2026-02-16")].is_teaching
        assert D("2026-02-14") in weeks[D("2026-02-09")].school_days  # Saturday shift before it

    def test_unknown_year_yields_nothing(self) -> None:
        assert official_holidays(D("2150-01-01"), D("2150-01-10")) == ({}, set())

    def test_a_term_crossing_new_year_into_an_unknown_year_names_that_year(self) -> None:
        assert library_knows(2026) and not library_knows(2027) and not library_knows(2003)
        assert unknown_years(D("2026-09-01"), D("2027-01-22")) == [2027]
        assert unknown_years(D("2026-09-01"), D("2027-01-22"), imported=[2027]) == []
        assert unknown_years(D("2026-02-01"), D("2026-07-10")) == []
        assert unknown_years(D("2027-09-01"), D("2029-01-10"), imported=[2028]) == [2027, 2029]

    def test_an_imported_year_is_used_for_its_days_and_the_package_for_the_others(self) -> None:
        notice = OfficialYear(
            2027,
            {
                D("2026-12-31"): "元旦",
                D("2027-01-01"): "元旦",
                D("2027-01-02"): "元旦",
                D("2027-02-08"): "春节",
            },
            {D("2027-01-09"): "调休上班", D("2027-01-08"): "not a weekend"},
        )
        holidays, workdays = official_holidays(D("2026-12-28"), D("2027-02-28"), {2027: notice})
        # Weekdays off and weekend days worked; the Saturday 2 January was free anyway; the file's
        # 31 December (a Thursday of 2026) counts too, beside the package's days of 2026.
        assert holidays == {D("2026-12-31"): "元旦", D("2027-01-01"): "元旦", D("2027-02-08"): "春节"}
        assert workdays == {D("2027-01-09")}
        # Without the file the same span has nothing in 2027.
        bare_holidays, bare_workdays = official_holidays(D("2026-12-28"), D("2027-02-28"))
        assert bare_holidays == {} and bare_workdays == set()

    def test_an_imported_year_replaces_the_package_for_that_year(self) -> None:
        notice = OfficialYear(2026, {D("2026-10-08"): "国庆节"}, {})
        holidays, workdays = official_holidays(D("2026-09-01"), D("2026-10-31"), {2026: notice})
        assert (holidays, workdays) == ({D("2026-10-08"): "国庆节"}, set())


# --------------------------------------------------------------------------- rule basics


class TestRuleSettings:
    def test_bad_period(self) -> None:
        with pytest.raises(ValueError):
            VisitRule(period="day")

    @pytest.mark.parametrize("field", ["visits_per_period", "lessons_per_visit", "minutes_per_lesson"])
    def test_counts_at_least_one(self, field: str) -> None:
        with pytest.raises(ValueError):
            VisitRule(**{field: 0})  # type: ignore[arg-type]

    def test_span_covers(self) -> None:
        open_span = Span(D("2026-03-04"), None)
        assert not open_span.covers(D("2026-03-03"))
        assert open_span.covers(D("2026-03-04")) and open_span.covers(D("2099-01-01"))
        closed = Span(D("2026-03-04"), D("2026-03-06"))
        assert closed.covers(D("2026-03-06")) and not closed.covers(D("2026-03-07"))


class TestLessons:
    def test_counted_lessons_needs_minutes_per_lesson(self) -> None:
        assert counted_lessons(done("a", "2026-03-03", 40, 20), RULE) == 1
        assert counted_lessons(done("a", "2026-03-03", 30, 30), RULE) == 2  # exactly 30 is enough
        assert counted_lessons(done("a", "2026-03-03", 29, 45, 45), RULE) == 2

    def test_only_done_visits_deliver(self) -> None:
        planned = VisitFact("p", D("2026-03-03"), VisitState.PLANNED, (40, 40))
        assert counted_lessons(planned, RULE) == 0
        assert not qualifies(planned, RULE)
        assert counted_lessons(cancelled("c", "2026-03-03", CancelCause.SCHOOL), RULE) == 0

    def test_qualifies(self) -> None:
        assert qualifies(done("a", "2026-03-03"), RULE)
        assert not qualifies(done("a", "2026-03-03", 40), RULE)  # one 课时 only
        assert not qualifies(done("a", "2026-03-03", 40, 20), RULE)  # second lesson too short
        assert not qualifies(done("a", "2026-03-03", 60), RULE)  # one long lesson is still one 课时

    def test_too_few_lessons_is_missed_and_owed(self) -> None:
        r = by_start(run(done("a", "2026-03-03", 40, 20)))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED
        assert r.reason == "too_few_lessons"
        assert r.visits_counted == 0 and r.owed == 1

    def test_rule_with_longer_lessons(self) -> None:
        rule = VisitRule(minutes_per_lesson=45)
        r = by_start(run(done("a", "2026-03-03", 40, 40), rule=rule))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED
        r = by_start(run(done("a", "2026-03-03", 45, 45), rule=rule))["2026-03-02"]
        assert r.status == WeekStatus.MET


# --------------------------------------------------------------------------- week boundaries


class TestWeekBoundaries:
    def test_one_visit_each_week_is_met(self) -> None:
        visits = [done(f"v{i}", (D("2026-03-03") + dt.timedelta(weeks=i)).isoformat()) for i in range(5)]
        result = run(*visits)
        assert statuses(result) == [WeekStatus.MET] * 5
        assert result.periods[0].counted_visit_ids == ("v0",)
        assert result.periods[0].visits_required == 1

    def test_sunday_visit_counts_for_the_week_it_ends(self) -> None:
        res = by_start(run(done("a", "2026-03-08")))
        assert res["2026-03-02"].status == WeekStatus.MET
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED

    def test_monday_visit_counts_for_the_new_week(self) -> None:
        res = by_start(run(done("a", "2026-03-09")))
        assert res["2026-03-02"].status == WeekStatus.MISSED_OWED
        assert res["2026-03-09"].status == WeekStatus.MET

    def test_saturday_visit_in_a_normal_week_counts(self) -> None:
        assert by_start(run(done("a", "2026-03-07")))["2026-03-02"].status == WeekStatus.MET

    def test_two_visits_in_a_week_do_not_cover_the_next(self) -> None:
        res = by_start(run(done("a", "2026-03-03"), done("b", "2026-03-05")))
        assert res["2026-03-02"].status == WeekStatus.MET
        assert res["2026-03-02"].counted_visit_ids == ("a",)
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED

    def test_term_starting_mid_week(self) -> None:
        c = cal("2026-03-04", "2026-03-15")  # Wednesday
        # A visit on the Monday before the term is outside every period.
        res = run(done("a", "2026-03-02"), calendar=c)
        assert res.periods[0].period.start == D("2026-03-04")
        assert res.periods[0].status == WeekStatus.MISSED_OWED
        assert res.totals.visits_done == 0  # visits outside the term are not term visits
        res = run(done("a", "2026-03-06"), calendar=c)
        assert res.periods[0].status == WeekStatus.MET

    def test_term_ending_mid_week(self) -> None:
        c = cal("2026-03-02", "2026-03-11")  # ends Wednesday
        res = run(done("a", "2026-03-03"), done("b", "2026-03-13"), calendar=c)
        assert [r.period.end for r in res.periods] == [D("2026-03-08"), D("2026-03-11")]
        assert statuses(res) == [WeekStatus.MET, WeekStatus.MISSED_OWED]
        res = run(done("a", "2026-03-03"), done("b", "2026-03-10"), calendar=c)
        assert statuses(res) == [WeekStatus.MET, WeekStatus.MET]

    def test_term_starting_on_a_sunday_has_a_one_day_non_teaching_week(self) -> None:
        c = cal("2026-03-01", "2026-03-08")
        res = run(calendar=c)
        assert res.periods[0].period.start == res.periods[0].period.end == D("2026-03-01")
        assert res.periods[0].status == WeekStatus.NOT_TEACHING


# --------------------------------------------------------------------------- holidays


class TestHolidayWeeks:
    HOLIDAYS = tuple(f"2026-03-{d:02d}" for d in range(9, 14))

    def test_holiday_week_is_not_teaching_and_not_counted(self) -> None:
        c = cal("2026-03-02", "2026-03-22", holidays=self.HOLIDAYS)
        res = run(done("a", "2026-03-03"), done("c", "2026-03-17"), calendar=c)
        assert statuses(res) == [WeekStatus.MET, WeekStatus.NOT_TEACHING, WeekStatus.MET]
        assert res.periods[1].reason == "holiday"
        assert res.totals.teaching_periods == 2
        assert res.totals.lessons_required == 2 * 2

    def test_visit_in_a_holiday_week_does_not_make_it_due(self) -> None:
        c = cal("2026-03-02", "2026-03-22", holidays=self.HOLIDAYS)
        res = run(done("h", "2026-03-10"), calendar=c)
        assert res.periods[1].status == WeekStatus.NOT_TEACHING
        assert res.totals.visits_done == 1  # still delivered teaching

    def test_saturday_workday_makes_the_holiday_week_due(self) -> None:
        c = cal("2026-03-02", "2026-03-22", holidays=self.HOLIDAYS, workdays=("2026-03-14",))
        res = run(calendar=c)
        assert res.periods[1].status == WeekStatus.MISSED_OWED
        res = run(done("s", "2026-03-14"), calendar=c)
        assert res.periods[1].status == WeekStatus.MET

    def test_partial_holiday_week_is_still_due(self) -> None:
        c = cal("2026-03-02", "2026-03-15", holidays=self.HOLIDAYS[:4])  # Friday 13th is a school day
        res = run(calendar=c)
        assert res.periods[1].status == WeekStatus.MISSED_OWED


# --------------------------------------------------------------------------- pauses and enrolment


class TestPausesAndEnrolment:
    def test_whole_week_paused(self) -> None:
        pause = Span(D("2026-03-09"), D("2026-03-13"), "surgery")
        res = by_start(run(pauses=(pause,)))
        assert res["2026-03-09"].status == WeekStatus.PAUSED
        assert res["2026-03-09"].reason == "surgery"
        assert res["2026-03-02"].status == WeekStatus.MISSED_OWED

    def test_pause_without_reason(self) -> None:
        res = by_start(run(pauses=(Span(D("2026-03-09"), D("2026-03-15")),)))
        assert res["2026-03-09"].reason == "paused"

    def test_partially_paused_week_is_still_due(self) -> None:
        pause = Span(D("2026-03-09"), D("2026-03-12"), "hospital")  # Friday the 13th is free
        res = by_start(run(pauses=(pause,)))
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED
        res = by_start(run(done("a", "2026-03-13"), pauses=(pause,)))
        assert res["2026-03-09"].status == WeekStatus.MET

    def test_pause_over_weekend_only_leaves_week_due(self) -> None:
        res = by_start(run(pauses=(Span(D("2026-03-14"), D("2026-03-15")),)))
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED

    def test_two_pauses_together_cover_the_week(self) -> None:
        pauses = (Span(D("2026-03-09"), D("2026-03-10"), "a"), Span(D("2026-03-11"), D("2026-03-13"), "b"))
        assert by_start(run(pauses=pauses))["2026-03-09"].status == WeekStatus.PAUSED

    def test_open_ended_pause(self) -> None:
        res = run(pauses=(Span(D("2026-03-16"), None, "long illness"),))
        assert statuses(res)[2:] == [WeekStatus.PAUSED] * 3
        assert res.totals.paused == 3
        assert res.totals.due_periods == 2

    def test_paused_week_in_the_future_is_paused(self) -> None:
        res = run(pauses=(Span(D("2026-03-23"), D("2026-03-29")),), today=D("2026-03-04"))
        assert res.periods[3].status == WeekStatus.PAUSED

    def test_enrolment_starting_mid_term(self) -> None:
        enrolled = Span(D("2026-03-12"), None)  # a Thursday
        res = run(enrolled=enrolled)
        assert statuses(res) == [WeekStatus.NOT_TEACHING] + [WeekStatus.MISSED_OWED] * 4
        assert res.periods[0].reason == "not_enrolled"
        assert res.totals.teaching_periods == 4

    def test_enrolment_starting_on_a_saturday_skips_that_week(self) -> None:
        res = run(enrolled=Span(D("2026-03-14"), None))
        assert statuses(res)[:3] == [WeekStatus.NOT_TEACHING, WeekStatus.NOT_TEACHING, WeekStatus.MISSED_OWED]

    def test_enrolment_ending_mid_term(self) -> None:
        res = run(done("a", "2026-03-03"), enrolled=Span(D("2020-01-01"), D("2026-03-10"), "transferred"))
        assert statuses(res) == [WeekStatus.MET, WeekStatus.MISSED_OWED] + [WeekStatus.NOT_TEACHING] * 3


# --------------------------------------------------------------------------- cancellations and make-ups


class TestCancellations:
    def test_family_cancellation_is_excused(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", CancelCause.FAMILY, "发烧")))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_EXCUSED
        assert r.reason == "发烧" and r.owed == 0

    def test_family_cancellation_without_reason_text(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", CancelCause.FAMILY)))["2026-03-02"]
        assert r.reason == "family_cancelled"

    def test_school_cancellation_is_owed(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", CancelCause.SCHOOL, "暴雨")))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED
        assert r.reason == "暴雨" and r.owed == 1

    def test_school_cancellation_without_reason_text(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", CancelCause.SCHOOL)))["2026-03-02"]
        assert r.reason == "school_cancelled"

    def test_unexplained_cancellation_is_owed(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", None)))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED and r.owed == 1

    def test_no_visit_is_owed(self) -> None:
        r = by_start(run())["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED and r.reason == "no_visit"

    def test_planned_visit_never_done_is_owed(self) -> None:
        planned = VisitFact("p", D("2026-03-03"), VisitState.PLANNED, (40, 40))
        r = by_start(run(planned))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED and r.reason == "no_visit"

    def test_family_cancellation_then_visit_same_week_is_met(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-03", CancelCause.FAMILY), done("a", "2026-03-05")))[
            "2026-03-02"
        ]
        assert r.status == WeekStatus.MET

    def test_school_and_family_cancellation_in_one_week(self) -> None:
        # One visit required; the family excuse covers it.
        visits = (
            cancelled("s", "2026-03-03", CancelCause.SCHOOL),
            cancelled("f", "2026-03-05", CancelCause.FAMILY),
        )
        r = by_start(run(*visits))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_EXCUSED


class TestMakeups:
    def test_makeup_next_week_meets_the_missed_week(self) -> None:
        res = by_start(
            run(
                cancelled("c", "2026-03-03", CancelCause.SCHOOL, "教师生病"),
                done("m", "2026-03-10", makeup_of="c"),
                done("r", "2026-03-11"),
            )
        )
        week1 = res["2026-03-02"]
        assert week1.status == WeekStatus.MET_BY_MAKEUP
        assert week1.reason == "made_up"
        assert week1.makeup_visit_ids == ("m",) and week1.owed == 0 and week1.visits_counted == 1
        assert res["2026-03-09"].status == WeekStatus.MET
        assert res["2026-03-09"].counted_visit_ids == ("r",)

    def test_makeup_does_not_also_count_for_its_own_week(self) -> None:
        res = by_start(
            run(cancelled("c", "2026-03-03", CancelCause.SCHOOL), done("m", "2026-03-10", makeup_of="c"))
        )
        assert res["2026-03-02"].status == WeekStatus.MET_BY_MAKEUP
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED
        assert "m" not in res["2026-03-09"].counted_visit_ids

    def test_makeup_too_short_does_not_make_up(self) -> None:
        res = by_start(
            run(cancelled("c", "2026-03-03", CancelCause.SCHOOL), done("m", "2026-03-10", 40, makeup_of="c"))
        )
        assert res["2026-03-02"].status == WeekStatus.MISSED_OWED
        assert res["2026-03-02"].owed == 1

    def test_cancelled_makeup_does_not_make_up_nor_excuse(self) -> None:
        visits = (
            cancelled("c", "2026-03-03", CancelCause.SCHOOL),
            cancelled("m", "2026-03-10", CancelCause.FAMILY, makeup_of="c"),
        )
        res = by_start(run(*visits))
        assert res["2026-03-02"].status == WeekStatus.MISSED_OWED
        # the cancelled make-up is not one of week 2's own visits either
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED
        assert res["2026-03-09"].reason == "no_visit"

    def test_makeup_of_a_cancelled_makeup_counts_for_the_original_week(self) -> None:
        # c (week 1) cancelled; its make-up m1 (week 2) cancelled too; m2 (week 3) replaces m1.
        # m2 still stands in for week 1's visit, not for week 2 (which had its own visit).
        visits = (
            cancelled("c", "2026-03-03", CancelCause.SCHOOL),
            cancelled("m1", "2026-03-10", CancelCause.SCHOOL, makeup_of="c"),
            done("r2", "2026-03-11"),
            done("m2", "2026-03-17", makeup_of="m1"),
            done("r3", "2026-03-18"),
        )
        res = by_start(run(*visits))
        assert res["2026-03-02"].status == WeekStatus.MET_BY_MAKEUP
        assert res["2026-03-02"].makeup_visit_ids == ("m2",)
        assert res["2026-03-09"].status == WeekStatus.MET
        assert res["2026-03-16"].status == WeekStatus.MET

    def test_makeup_cycle_does_not_hang(self) -> None:
        visits = (done("a", "2026-03-03", makeup_of="b"), done("b", "2026-03-10", makeup_of="a"))
        res = run(*visits)
        assert len(res.periods) == 5

    def test_makeup_of_unknown_visit_counts_nowhere(self) -> None:
        res = by_start(run(done("m", "2026-03-10", makeup_of="gone")))
        assert res["2026-03-09"].status == WeekStatus.MISSED_OWED
        assert all("m" not in r.makeup_visit_ids for r in res.values())

    def test_makeup_of_family_cancellation(self) -> None:
        res = by_start(
            run(cancelled("c", "2026-03-03", CancelCause.FAMILY), done("m", "2026-03-10", makeup_of="c"))
        )
        assert res["2026-03-02"].status == WeekStatus.MET_BY_MAKEUP

    def test_makeup_in_a_holiday_week(self) -> None:
        c = cal("2026-03-02", "2026-03-22", holidays=TestHolidayWeeks.HOLIDAYS)
        res = run(
            cancelled("c", "2026-03-03", CancelCause.SCHOOL),
            done("m", "2026-03-10", makeup_of="c"),
            calendar=c,
        )
        assert statuses(res)[:2] == [WeekStatus.MET_BY_MAKEUP, WeekStatus.NOT_TEACHING]

    def test_owed_until_made_up(self) -> None:
        visits = [cancelled("c", "2026-03-03", CancelCause.SCHOOL)] + [
            done(f"r{i}", (D("2026-03-10") + dt.timedelta(weeks=i)).isoformat()) for i in range(4)
        ]
        before = run(*visits)
        assert before.totals.owed_makeups == 1
        after = run(*visits, done("m", "2026-03-20", makeup_of="c"))
        assert after.totals.owed_makeups == 0
        assert after.totals.met_by_makeup == 1 and after.totals.met == 4
        assert after.totals.met_ratio == 1.0


# --------------------------------------------------------------------------- several visits per period


class TestTwoVisitsPerWeek:
    RULE2 = VisitRule(visits_per_period=2, lessons_per_visit=3)

    def test_two_visits_meet(self) -> None:
        r = by_start(
            run(done("a", "2026-03-03", 30, 30, 30), done("b", "2026-03-05", 30, 30, 30), rule=self.RULE2)
        )
        assert r["2026-03-02"].status == WeekStatus.MET
        assert r["2026-03-02"].visits_counted == 2 and r["2026-03-02"].visits_required == 2

    def test_one_visit_owes_one(self) -> None:
        r = by_start(run(done("a", "2026-03-03", 30, 30, 30), rule=self.RULE2))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED
        assert r.visits_counted == 1 and r.owed == 1 and r.reason == "too_few_visits"

    def test_second_visit_with_two_lessons_is_too_few(self) -> None:
        r = by_start(
            run(done("a", "2026-03-03", 30, 30, 30), done("b", "2026-03-05", 30, 30), rule=self.RULE2)
        )
        assert r["2026-03-02"].status == WeekStatus.MISSED_OWED
        assert r["2026-03-02"].reason == "too_few_lessons"

    def test_short_makeup_for_another_week_is_not_this_weeks_too_few_lessons(self) -> None:
        visits = (
            cancelled("c", "2026-03-03", CancelCause.SCHOOL),
            done("a", "2026-03-10", 30, 30, 30),
            done("m", "2026-03-11", 30, makeup_of="c"),
        )
        r = by_start(run(*visits, rule=self.RULE2))["2026-03-09"]
        assert r.reason == "too_few_visits"

    def test_one_visit_and_family_cancellation_is_excused(self) -> None:
        visits = (
            done("a", "2026-03-03", 30, 30, 30),
            cancelled("c", "2026-03-05", CancelCause.FAMILY, "住院"),
        )
        r = by_start(run(*visits, rule=self.RULE2))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_EXCUSED and r.reason == "住院"

    def test_one_family_cancellation_excuses_only_one_visit(self) -> None:
        r = by_start(run(cancelled("c", "2026-03-05", CancelCause.FAMILY), rule=self.RULE2))["2026-03-02"]
        assert r.status == WeekStatus.MISSED_OWED and r.owed == 1

    def test_school_cancellation_made_up(self) -> None:
        visits = (
            done("a", "2026-03-03", 30, 30, 30),
            cancelled("c", "2026-03-05", CancelCause.SCHOOL),
            done("m", "2026-03-10", 30, 30, 30, makeup_of="c"),
        )
        r = by_start(run(*visits, rule=self.RULE2))
        assert r["2026-03-02"].status == WeekStatus.MET_BY_MAKEUP
        assert r["2026-03-02"].visits_counted == 2
        assert r["2026-03-09"].status == WeekStatus.MISSED_OWED and r["2026-03-09"].owed == 2

    def test_totals_for_two_visits(self) -> None:
        res = run(done("a", "2026-03-03", 30, 30, 30), done("b", "2026-03-05", 30, 30, 30), rule=self.RULE2)
        assert res.totals.lessons_required == 5 * 2 * 3
        assert res.totals.lessons_delivered == 6
        assert res.totals.owed_makeups == 4 * 2


class TestMonthRule:
    RULE_M = VisitRule(period="month", visits_per_period=2)
    TERM = cal("2026-09-01", "2026-12-31")

    def test_two_visits_a_month(self) -> None:
        visits = (done("a", "2026-09-03"), done("b", "2026-09-29"), done("c", "2026-10-12"))
        res = run(*visits, calendar=self.TERM, rule=self.RULE_M)
        assert [r.period.start.month for r in res.periods] == [9, 10, 11, 12]
        assert statuses(res) == [
            WeekStatus.MET,
            WeekStatus.MISSED_OWED,
            WeekStatus.MISSED_OWED,
            WeekStatus.MISSED_OWED,
        ]
        assert res.periods[1].owed == 1 and res.periods[2].owed == 2
        assert res.totals.owed_makeups == 1 + 2 + 2

    def test_visits_in_the_same_week_both_count_for_the_month(self) -> None:
        res = run(done("a", "2026-11-02"), done("b", "2026-11-03"), calendar=self.TERM, rule=self.RULE_M)
        assert res.periods[2].status == WeekStatus.MET

    def test_current_month_is_future(self) -> None:
        res = run(done("a", "2026-11-02"), calendar=self.TERM, rule=self.RULE_M, today=D("2026-11-20"))
        assert statuses(res) == [
            WeekStatus.MISSED_OWED,
            WeekStatus.MISSED_OWED,
            WeekStatus.FUTURE,
            WeekStatus.FUTURE,
        ]
        assert res.periods[2].visits_counted == 1

    def test_month_makeup_next_month(self) -> None:
        visits = (
            done("a", "2026-09-03"),
            cancelled("c", "2026-09-24", CancelCause.SCHOOL),
            done("m", "2026-10-08", makeup_of="c"),
        )
        res = run(*visits, calendar=self.TERM, rule=self.RULE_M)
        assert res.periods[0].status == WeekStatus.MET_BY_MAKEUP
        assert res.periods[1].status == WeekStatus.MISSED_OWED and res.periods[1].owed == 2


# --------------------------------------------------------------------------- future


class TestFuture:
    def test_current_week_without_visit_is_future(self) -> None:
        res = run(today=D("2026-03-11"))  # Wednesday of week 2
        assert statuses(res) == [WeekStatus.MISSED_OWED] + [WeekStatus.FUTURE] * 4
        assert res.periods[1].reason == "pending" and res.periods[1].owed == 0

    def test_current_week_with_visit_is_met(self) -> None:
        res = run(done("a", "2026-03-10"), today=D("2026-03-11"))
        assert res.periods[1].status == WeekStatus.MET

    def test_week_is_future_through_its_sunday(self) -> None:
        assert run(today=D("2026-03-15")).periods[1].status == WeekStatus.FUTURE
        assert run(today=D("2026-03-16")).periods[1].status == WeekStatus.MISSED_OWED

    def test_cancellation_in_current_week_owes_nothing_yet(self) -> None:
        res = run(cancelled("c", "2026-03-09", CancelCause.SCHOOL), today=D("2026-03-11"))
        assert res.periods[1].status == WeekStatus.FUTURE
        assert res.totals.owed_makeups == 1  # only week 1

    def test_before_the_term_everything_is_future(self) -> None:
        res = run(today=D("2026-02-01"))
        assert statuses(res) == [WeekStatus.FUTURE] * 5
        assert res.totals.met_ratio is None
        assert res.totals.future == 5 and res.totals.lessons_required == 0


# --------------------------------------------------------------------------- totals


class TestTotals:
    def test_mixed_term(self) -> None:
        c = cal("2026-03-02", "2026-04-05", holidays=TestHolidayWeeks.HOLIDAYS)
        visits = (
            done("a", "2026-03-03", 40, 40, 20),  # week 1 met; the 20-minute lesson is not a 课时
            cancelled("c", "2026-03-17", CancelCause.SCHOOL),  # week 3 owed...
            done("m", "2026-03-24", makeup_of="c"),  # ...made up in week 4
            cancelled("f", "2026-03-25", CancelCause.FAMILY),  # week 4 excused
        )
        res = run(*visits, calendar=c, pauses=(Span(D("2026-03-30"), D("2026-04-05"), "手术"),))
        assert statuses(res) == [
            WeekStatus.MET,
            WeekStatus.NOT_TEACHING,
            WeekStatus.MET_BY_MAKEUP,
            WeekStatus.MISSED_EXCUSED,
            WeekStatus.PAUSED,
        ]
        t = res.totals
        assert (t.teaching_periods, t.met, t.met_by_makeup, t.missed_excused, t.paused) == (4, 1, 1, 1, 1)
        assert t.missed_owed == 0 and t.future == 0
        assert t.due_periods == 3
        assert t.met_ratio == pytest.approx(2 / 3)
        assert t.visits_done == 2 and t.visits_cancelled == 2
        assert t.lessons_delivered == 4
        assert t.minutes_delivered == 40 + 40 + 20 + 40 + 40
        # excused and paused weeks require nothing
        assert t.lessons_required == 2 * 1 * 2
        assert t.owed_makeups == 0

    def test_all_missed(self) -> None:
        t = run().totals
        assert t.missed_owed == 5 and t.owed_makeups == 5
        assert t.met_ratio == 0.0
        assert t.lessons_required == 10

    def test_yearly_minimum_is_passed_through(self) -> None:
        assert run(rule=VisitRule(yearly_min_lessons=216)).totals.yearly_min_lessons == 216

    def test_met_ratio_none_when_nothing_due(self) -> None:
        assert run(pauses=(Span(D("2026-01-01"), None),)).totals.met_ratio is None


# --------------------------------------------------------------------------- properties

_RANK = {
    WeekStatus.MISSED_OWED: 0,
    WeekStatus.MISSED_EXCUSED: 1,
    WeekStatus.MET_BY_MAKEUP: 2,
    WeekStatus.MET: 3,
}
_YEARS = st.integers(2019, 2026)  # years the chinese_calendar package knows: real statutory calendars


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


_official_cache: dict[tuple[dt.date, dt.date], tuple[frozenset[dt.date], frozenset[dt.date]]] = {}


def _official(start: dt.date, end: dt.date) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """The statutory holidays and make-up workdays of the span (cached: hypothesis asks for the same terms)."""
    if (start, end) not in _official_cache:
        holidays, workdays = official_holidays(start, end)
        _official_cache[start, end] = frozenset(holidays), frozenset(workdays)
    return _official_cache[start, end]


@st.composite
def term_calendars(draw: st.DrawFn) -> TermCalendar:
    """Terms as schools have them, not only five weeks of March:

    - autumn: late August or early September to January, across New Year, with National Day and the
      official make-up Saturdays and Sundays;
    - spring: late January to July, around Spring Festival (late January or February), with the official
      calendar and a school's own longer Spring Festival break with its make-up weekend days;
    - February: a term over February of a leap or a common year (month rules end on the 28th or 29th);
    - short: any start, up to eleven weeks;
    and on top, holidays on the term's first and last days or covering its first or last week.
    """
    shape = draw(st.sampled_from(["autumn", "spring", "february", "short"]))
    year = draw(_YEARS)
    holidays: set[dt.date] = set()
    workdays: set[dt.date] = set()
    if shape == "autumn":
        start = dt.date(year, 8, 25) + _days(draw(st.integers(0, 16)))
        end = dt.date(year + 1, 1, 8) + _days(draw(st.integers(0, 24)))
        official = _official(start, end)
    elif shape == "spring":
        start = dt.date(year, 1, 20) + _days(draw(st.integers(0, 45)))
        end = dt.date(year, 6, 25) + _days(draw(st.integers(0, 20)))
        official = _official(start, end)
        festival = dt.date(year, 1, 21) + _days(
            draw(st.integers(0, 25))
        )  # Spring Festival falls in this span
        holidays |= {festival + _days(i) for i in range(draw(st.integers(5, 14)))}
        workdays |= {
            d for d in (festival - _days(i) for i in range(1, 9)) if d.weekday() >= 5 and draw(st.booleans())
        }
    elif shape == "february":
        start = dt.date(year, 1, 15) + _days(draw(st.integers(0, 44)))
        end = max(start, dt.date(year, 2, 27)) + _days(draw(st.integers(0, 45)))
        official = _official(start, end)
    else:
        start = dt.date(year, draw(st.integers(1, 12)), draw(st.integers(1, 28)))
        end = start + _days(draw(st.integers(0, 76)))
        official = (frozenset(), frozenset())
    holidays |= official[0]
    workdays |= official[1]
    span = (end - start).days + 1
    day = st.integers(-3, span + 3).map(lambda n: start + _days(n))
    holidays |= set(draw(st.lists(day, max_size=6)))
    workdays |= {d for d in draw(st.lists(day, max_size=3)) if d.weekday() >= 5}
    edges = draw(st.sets(st.sampled_from(["first day", "last day", "first week", "last week"])))
    if "first day" in edges:
        holidays.add(start)
    if "last day" in edges:
        holidays.add(end)
    if "first week" in edges:
        holidays |= {start + _days(i) for i in range(7)}
    if "last week" in edges:
        holidays |= {end - _days(i) for i in range(7)}
    return TermCalendar(start, end, frozenset(holidays), frozenset(workdays - holidays))


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[TermCalendar, VisitRule, StudentFacts, dt.date]:
    calendar = draw(term_calendars())
    start, end = calendar.start, calendar.end
    span = (end - start).days + 1
    day = st.integers(-3, span + 3).map(lambda n: start + dt.timedelta(days=n))
    rule = VisitRule(
        period=draw(st.sampled_from(["week", "month"])),
        visits_per_period=draw(st.integers(1, 3)),
        lessons_per_visit=draw(st.integers(1, 3)),
        minutes_per_lesson=draw(st.sampled_from([30, 40, 45])),
    )
    visits: list[VisitFact] = []
    count = draw(st.integers(0, min(30, span // 7 + 6)))
    for i in range(count):
        state = draw(st.sampled_from(list(VisitState)))
        # any other visit, even a later one or itself: chains and loops must not break anything
        makeup_of = draw(st.none() | st.sampled_from([f"v{j}" for j in range(count)]))
        visits.append(
            VisitFact(
                f"v{i}",
                draw(day),
                state,
                tuple(draw(st.lists(st.sampled_from([20, 30, 40, 45]), max_size=4))),
                draw(st.none() | st.sampled_from(list(CancelCause)))
                if state == VisitState.CANCELLED
                else None,
                "",
                makeup_of,
            )
        )
    enrol_start = draw(day)
    enrol_end = draw(st.none() | day)
    if enrol_end is not None and enrol_end < enrol_start:
        enrol_start, enrol_end = enrol_end, enrol_start
    pauses = []
    for _ in range(draw(st.integers(0, 2))):
        a, b = sorted((draw(day), draw(day)))
        pauses.append(Span(a, b, "p"))
    today = draw(day)
    return calendar, rule, StudentFacts(Span(enrol_start, enrol_end), tuple(pauses), tuple(visits)), today


# Under mutmut (benchmarks/mutation.py: the suite copied to ./mutants) every mutant reruns these: 30 examples
# there, drawn the same each run (the profile in tests/conftest.py), so a mutant costs seconds, not minutes.
_UNDER_MUTMUT = "mutants" in Path(__file__).resolve().parts
_SETTINGS = settings(
    max_examples=30 if _UNDER_MUTMUT else 300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@_SETTINGS
@given(term_calendars(), st.sampled_from(["week", "month"]))
def test_periods_tile_any_term_shape(calendar: TermCalendar, kind: str) -> None:
    """Weeks and months of any term (across New Year, over February, holidays on its edges) cover it day by
    day, each a Monday-Sunday week or one calendar month clipped to the term, and list exactly its school
    days: weekdays that are not holidays, and the make-up weekend days."""
    found = periods(calendar, kind)
    assert found[0].start == calendar.start and found[-1].end == calendar.end
    assert [p.index for p in found] == list(range(len(found)))
    for before, after in zip(found, found[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    for p in found:
        if kind == "week":
            assert p.end - p.start <= dt.timedelta(days=6) and week_start(p.start) == week_start(p.end)
            assert p.end.weekday() == 6 or p.end == calendar.end
        else:
            assert (p.start.year, p.start.month) == (p.end.year, p.end.month)
            following = p.end + dt.timedelta(days=1)
            assert following.day == 1 or p.end == calendar.end  # a month ends on its last day (Feb 28/29)
        span = [p.start + dt.timedelta(days=i) for i in range((p.end - p.start).days + 1)]
        expected = tuple(
            d for d in span if (d.weekday() < 5 and d not in calendar.holidays) or d in calendar.workdays
        )
        assert p.school_days == expected
        assert p.is_teaching == bool(expected)


@_SETTINGS
@given(scenarios())
def test_every_period_has_one_status_and_totals_add_up(
    scenario: tuple[TermCalendar, VisitRule, StudentFacts, dt.date],
) -> None:
    calendar, rule, student, today = scenario
    res = evaluate(calendar, rule, student, today)
    assert [r.period for r in res.periods] == periods(calendar, rule.period)
    t = res.totals
    not_teaching = sum(1 for r in res.periods if r.status == WeekStatus.NOT_TEACHING)
    assert t.teaching_periods + not_teaching == len(res.periods)
    assert (
        t.met + t.met_by_makeup + t.missed_owed + t.missed_excused + t.paused + t.future == t.teaching_periods
    )
    assert t.owed_makeups == sum(r.owed for r in res.periods)
    assert (
        t.lessons_required
        == (t.met + t.met_by_makeup + t.missed_owed) * rule.visits_per_period * rule.lessons_per_visit
    )
    assert t.met_ratio is None or 0.0 <= t.met_ratio <= 1.0
    for r in res.periods:
        assert isinstance(r.status, WeekStatus)
        assert (r.owed > 0) == (r.status == WeekStatus.MISSED_OWED)
        assert 0 <= r.owed <= rule.visits_per_period
        if r.status == WeekStatus.NOT_TEACHING:
            assert r.reason in ("holiday", "not_enrolled")
        if r.status in (WeekStatus.MET, WeekStatus.MET_BY_MAKEUP):
            assert r.visits_counted >= rule.visits_per_period or r.status == WeekStatus.MET_BY_MAKEUP
        if r.status in (WeekStatus.FUTURE,):
            assert r.period.end >= today


@_SETTINGS
@given(scenarios())
def test_a_makeup_counts_at_most_once_and_never_as_a_regular_visit(
    scenario: tuple[TermCalendar, VisitRule, StudentFacts, dt.date],
) -> None:
    calendar, rule, student, today = scenario
    res = evaluate(calendar, rule, student, today)
    makeup_ids = [vid for r in res.periods for vid in r.makeup_visit_ids]
    assert len(makeup_ids) == len(set(makeup_ids))
    counted = {vid for r in res.periods for vid in r.counted_visit_ids}
    assert not counted & {v.id for v in student.visits if v.makeup_of}
    assert not counted & set(makeup_ids)


@_SETTINGS
@given(scenarios(), st.integers(0, 70), st.booleans())
def test_adding_a_qualifying_visit_never_makes_a_period_worse(
    scenario: tuple[TermCalendar, VisitRule, StudentFacts, dt.date], offset: int, as_makeup: bool
) -> None:
    calendar, rule, student, today = scenario
    day = calendar.start + dt.timedelta(days=offset % ((calendar.end - calendar.start).days + 1))
    minutes = (rule.minutes_per_lesson,) * rule.lessons_per_visit
    makeup_of = student.visits[offset % len(student.visits)].id if as_makeup and student.visits else None
    extra = VisitFact("extra", day, VisitState.DONE, minutes, makeup_of=makeup_of)
    before = evaluate(calendar, rule, student, today)
    after = evaluate(
        calendar, rule, StudentFacts(student.enrolled, student.pauses, (*student.visits, extra)), today
    )
    for b, a in zip(before.periods, after.periods, strict=True):
        assert a.owed <= b.owed
        if b.status in _RANK:
            assert a.status in _RANK and _RANK[a.status] >= _RANK[b.status], (b, a)
        elif b.status == WeekStatus.FUTURE:
            assert a.status in (WeekStatus.FUTURE, WeekStatus.MET)
        else:
            assert a.status == b.status
    assert after.totals.owed_makeups <= before.totals.owed_makeups
    assert (after.totals.met_ratio or 0) >= (before.totals.met_ratio or 0)
