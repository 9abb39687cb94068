"""The district's delivery figures follow the visit rule exactly: the school's calendar, holidays, term dates,
pauses, enrolment and 课时 length, as each school's own term summary counts them (issue 13)."""

from __future__ import annotations

import datetime as dt
import math

from app.paths import resolve
from app.services import district
from app.services.archive.forms import gather_summary
from app.services.context import ServiceContext
from app.services.school import list_terms
from app.services.setup import open_store
from tests.conftest import TODAY
from tests.district.conftest import _populate
from tests.district.test_district import _bureau_url

# Starts on a Wednesday; the week of 09-28 is all holiday (a teaching week nowhere in it).
MIDWEEK = {
    "name": "2026秋季学期",
    "start": "2026-09-02",
    "end": "2027-01-22",
    "days": [{"date": f"2026-09-{d}", "kind": "holiday", "name": "国庆节"} for d in (28, 29, 30)]
    + [{"date": f"2026-10-0{d}", "kind": "holiday", "name": "国庆节"} for d in (1, 2)],
}
# Starts on a Thursday; the National Day week moves a school day to Saturday 10-10 (调休上班).
THURSDAY = {
    "name": "2026秋季学期",
    "start": "2026-09-03",
    "end": "2027-01-15",
    "days": [{"date": f"2026-10-0{d}", "kind": "holiday", "name": "国庆节"} for d in range(1, 8)]
    + [{"date": "2026-10-10", "kind": "workday", "name": "调休上班"}],
}


def _calendar_weeks(term: dict) -> int:
    """What counting calendar weeks in SQL gave per active child: the term's days over seven, rounded up."""
    days = (dt.date.fromisoformat(term["end"]) - dt.date.fromisoformat(term["start"])).days + 1
    return math.ceil(days / 7)


def _own_summary(url: str):
    """The school's own term summary (教育管理中心 table), as its office prints it today: per-student rows."""
    store = open_store(resolve(url))
    try:
        ctx = ServiceContext(store, today_override=TODAY)
        [term] = list_terms(ctx)
        return gather_summary(ctx, term.id)
    finally:
        store.dispose()


def test_weeks_met_equal_each_schools_own_compliance(pg_server, pg_url, tmp_path):
    district.add_school(pg_url, "ms", "明山学校")
    district.add_school(pg_url, "ts", "潭石学校")
    # ms: one visit a week of two 30-minute 课时. Child 0 is visited in the first (clipped) week, in the holiday
    # week, with two 20-minute lessons (too short), and properly the week of 10-19; child 1 once, then paused two
    # weeks; child 2 enrols on 10-14 (Wednesday) and is visited that week; child 3 is paused all term.
    _populate(
        district.school_url(pg_url, "ms"),
        "明山学校",
        visits_per_week=1,
        term=MIDWEEK,
        students=[(1, 2, "active"), (1, 2, "active"), (2, 1, "active", "2026-10-14"), (3, 1, "paused")],
        visits=[
            (0, "2026-09-03", "done", 2, False),
            (0, "2026-09-29", "done", 2, False),
            (0, "2026-10-13", "done", (20, 20), False),
            (0, "2026-10-20", "done", 2, False),
            (1, "2026-09-08", "done", 2, False),
            (2, "2026-10-15", "done", 2, False),
        ],
        pauses=[(1, "2026-10-19", "2026-11-01")],
        plans=[],
        grades=[],
    )
    # ts: two visits a week. The first (two-day) week met; the week of 09-07 one visit and one cancelled by the
    # family (excused, still due); the week of 09-14 one visit and one cancelled by the school, made up on 09-23;
    # the National Day week met on Thursday and on the make-up Saturday.
    _populate(
        district.school_url(pg_url, "ts"),
        "潭石学校",
        visits_per_week=2,
        term=THURSDAY,
        students=[(4, 3, "active")],
        visits=[
            (0, "2026-09-03", "done", 2, False),
            (0, "2026-09-04", "done", 2, False),
            (0, "2026-09-08", "cancelled", 0, False, {"cancel_cause": "family", "cancel_reason": "孩子发烧"}),
            (0, "2026-09-10", "done", 2, False),
            (0, "2026-09-15", "done", 2, False),
            (0, "2026-09-17", "cancelled", 0, False, {"cancel_cause": "school", "cancel_reason": "教师培训"}),
            (0, "2026-09-23", "done", 2, False, {"makeup_of": 5}),
            (0, "2026-10-08", "done", 2, False),
            (0, "2026-10-10", "done", 2, False),
        ],
        plans=[],
        grades=[],
    )
    done = district.refresh(pg_url, TODAY)
    assert (done.computed, done.skipped) == (("ms", "ts"), ())
    figures = district.report(_bureau_url(pg_server, pg_url), MIDWEEK["name"])
    by_code = {f.school_code: f for f in figures.schools}

    for code in ("ms", "ts"):
        own = _own_summary(district.school_url(pg_url, code))
        totals = [row.result.totals for row in own.rows]
        mine = by_code[code]
        assert mine.weeks_due == sum(t.due_periods for t in totals)
        assert mine.weeks_met == sum(t.met + t.met_by_makeup for t in totals)
        assert mine.visits_done == sum(t.visits_done for t in totals)
        assert mine.lessons_done == sum(t.lessons_delivered for t in totals)
        assert mine.lessons_by_rule == sum(t.lessons_required for t in totals)

    # By hand, today 2026-11-20 (the week of 11-16 still running). ms has 10 past teaching weeks (09-02's two-day
    # week, 09-07 .. 09-21, then 10-05 .. 11-09; 09-28 is all holiday): child 0 is due 10 and met 2 (09-03 and
    # 10-20; the holiday-week visit falls in no teaching week, 10-13's lessons are too short); child 1 is due 8
    # (two paused) and met 1; child 2 is due 5 (from 10-12's week) and met 1; child 3 none.
    ms = by_code["ms"]
    assert (ms.weeks_met, ms.weeks_due) == (4, 10 + 8 + 5)
    assert (ms.visits_done, ms.lessons_done, ms.lessons_by_rule) == (6, 10, (10 + 8 + 5) * 2)
    # Counting calendar weeks would have said 6 of 3 x 21 (every week with a visit, every week of the term).
    assert (ms.weeks_met, ms.weeks_due) != (6, 3 * _calendar_weeks(MIDWEEK))
    # ts has 11 past teaching weeks (09-03's, 09-07 .. 11-09; 10-05 holds 10-08, 10-09 and 10-10): met 09-03,
    # 09-14 by the make-up, 10-05; 09-07 excused, the rest owed. Calendar weeks: its 135 days are 20 weeks.
    ts = by_code["ts"]
    assert (ts.weeks_met, ts.weeks_due) == (3, 11)
    assert (ts.visits_done, ts.lessons_done, ts.lessons_by_rule) == (7, 14, (11 - 1) * 2 * 2)
    assert ts.weeks_due != _calendar_weeks(THURSDAY)
    assert figures.total.weeks_met == 7 and figures.total.weeks_due == 34


def test_refresh_replaces_a_schools_figures_and_keeps_a_skipped_ones(pg_server, pg_url):
    """Figures are as of the refresh: a later refresh replaces them; a school it cannot read keeps its earlier
    row and date, and is named."""
    from sqlalchemy import create_engine, text

    district.add_school(pg_url, "ms", "明山学校")
    _populate(
        district.school_url(pg_url, "ms"),
        "明山学校",
        visits_per_week=1,
        term=MIDWEEK,
        students=[(1, 2, "active")],
        visits=[(0, "2026-09-03", "done", 2, False)],
        plans=[],
        grades=[],
    )
    district.refresh(pg_url, dt.date(2026, 9, 8))  # one past week, met
    bureau = _bureau_url(pg_server, pg_url)
    first = district.report(bureau, MIDWEEK["name"]).schools[0]
    assert (first.weeks_met, first.weeks_due, first.as_of) == (1, 1, dt.date(2026, 9, 8))
    district.refresh(pg_url, TODAY)
    later = district.report(bureau, MIDWEEK["name"]).schools[0]
    assert (later.weeks_met, later.weeks_due, later.as_of) == (1, 10, TODAY)

    from app.db import schema

    engine = create_engine(district.school_url(pg_url, "ms"))
    try:
        with engine.begin() as conn:  # as an office still on the previous program would be
            conn.execute(
                text("UPDATE alembic_version SET version_num = :r"), {"r": schema.revision_chain()[-2]}
            )
        done = district.refresh(pg_url, TODAY + dt.timedelta(days=7))
        assert done.computed == () and done.skipped[0][0] == "ms" and "older version" in done.skipped[0][1]
        kept = district.report(bureau, MIDWEEK["name"]).schools[0]
        assert (kept.weeks_due, kept.as_of) == (10, TODAY)
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": schema.head_revision()})
    finally:
        engine.dispose()
