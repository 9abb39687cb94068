"""What keeps a visit from counting, told before it is finished; and the running week says the same."""

from __future__ import annotations

import datetime as dt

from app.domain.rules import (
    RecordConcern,
    Span,
    StudentFacts,
    VisitFact,
    VisitRule,
    VisitState,
    WeekStatus,
    evaluate,
    record_concerns,
)
from tests.unit.test_rules import MARCH

RULE = VisitRule()  # 2 课时 of at least 30 minutes


def codes(*lessons: tuple[int, str], signed: bool = False, rule: VisitRule = RULE) -> list[str]:
    return [c.code for c in record_concerns(lessons, signed, rule)]


def test_one_empty_unsigned_lesson_has_every_concern():
    assert record_concerns([(30, "")], False, RULE) == (
        RecordConcern("too_few_lessons", counted=1, required=2, minutes=30),
        RecordConcern("no_content"),
        RecordConcern("no_signature"),
    )


def test_a_complete_record_has_none():
    assert codes((30, "认读a o e"), (35, ""), signed=True) == []


def test_a_lesson_shorter_than_the_rule_is_not_a_lesson():
    assert codes((30, "认读"), (20, "手指操"), signed=True) == ["too_few_lessons"]
    assert (
        codes((45, "认读"), (45, "手指操"), (45, ""), signed=True, rule=VisitRule(lessons_per_visit=3)) == []
    )


def test_no_lessons_at_all():
    assert codes(signed=True) == ["too_few_lessons", "no_content"]


def test_the_running_week_says_too_few_lessons_when_a_short_visit_took_place():
    today = dt.date(2026, 3, 11)  # Wednesday of the second week
    short = VisitFact("a", dt.date(2026, 3, 10), VisitState.DONE, (30,))
    facts = StudentFacts(Span(dt.date(2020, 1, 1), None), (), (short,))
    week = evaluate(MARCH, RULE, facts, today).periods[1]
    assert week.status == WeekStatus.FUTURE and week.reason == "too_few_lessons"
    nothing = evaluate(MARCH, RULE, StudentFacts(Span(dt.date(2020, 1, 1), None)), today).periods[1]
    assert nothing.reason == "pending"


def test_lessons_longer_than_the_visit():
    from app.domain.rules import lessons_exceed_span

    nine, half_past, ten_thirty = dt.time(9, 0), dt.time(9, 30), dt.time(10, 30)
    assert lessons_exceed_span(nine, half_past, [35, 35]) == (70, 30)
    assert lessons_exceed_span(nine, ten_thirty, [35, 35]) is None
    assert lessons_exceed_span(nine, ten_thirty, [45, 45]) is None  # exactly the span: fine
    assert lessons_exceed_span(half_past, nine, [35]) is None  # end before start: the form's own error


def test_lessons_longer_than_a_one_minute_visit_are_said_and_an_empty_span_is_the_forms_error():
    import datetime as dt

    from app.domain.rules import lessons_exceed_span

    nine, one_past, same = dt.time(9, 0), dt.time(9, 1), dt.time(9, 0)
    assert lessons_exceed_span(nine, one_past, [30]) == (30, 1)
    assert lessons_exceed_span(nine, same, [30]) is None
