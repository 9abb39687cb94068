"""The visit list, its count and a teacher's lesson plan library read indexes, not whole tables (issue 12).

On an encrypted file every page a connection reads for the first time is decrypted and its HMAC checked, so
a query that scans the 35 MB visit table of a 50 000-visit school to count it costs several times its
plaintext self. The covering date index of migration 0011 (app/db/models/visits.py) lets those queries read
only the index; these tests run the real service calls, catch the SQL they send and ask SQLite for its plan, so a
later schema or query change that drops an index back to a table scan fails here, not in a benchmark.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event

from app.services import lessons, students, visits
from tests.conftest import sqlite_only

pytestmark = sqlite_only  # the plans asked for are SQLite's; PostgreSQL plans by its own statistics


@contextmanager
def statements(store: Any) -> Iterator[list[tuple[str, Any]]]:
    """The SELECT statements (with their parameters) sent to ``store`` inside the block."""
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", record)
    try:
        yield sent
    finally:
        event.remove(store.engine, "before_cursor_execute", record)


def plans_of(store: Any, call: Callable[[], Any], table: str) -> list[str]:
    """The query plan of each statement ``call`` sends that reads ``table``, one string per statement."""
    with statements(store) as sent:
        call()
    found = []
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        for statement, parameters in sent:
            if f"FROM {table} " in statement.replace("\n", " ") + " ":
                rows = raw.execute("EXPLAIN QUERY PLAN " + statement, parameters).fetchall()
                found.append(" | ".join(row[3] for row in rows))
    assert found, f"no statement read {table}"
    return found


@pytest.fixture
def some_visits(school):
    t1 = school.as_(school.t1)
    for day in range(2, 8):
        visits.create_visit(t1, school.students[day % 2], {"date": f"2026-11-{day:02d}"})
    return school


def test_the_count_and_the_office_list_read_the_date_index_alone(some_visits):
    office = some_visits.as_(some_visits.office)
    store = some_visits.ctx.store
    (count,) = plans_of(store, lambda: visits.count_visits(office), "visit")
    assert "SCAN visit USING COVERING INDEX ix_visit_date_cover" in count, count
    # The page's ids, walked in date order through the index; the second statement fetches the page's rows
    # by id.
    ids, rows = plans_of(store, lambda: visits.list_visits(office, offset=0, limit=200), "visit")
    assert "SCAN visit USING COVERING INDEX ix_visit_date_cover" in ids, ids
    assert "USING INDEX sqlite_autoindex_visit_1 (id=?)" in rows, rows
    # Every filter of the Visits page stays on the index too.
    for filters in ({"status": "planned"}, {"makeups": True}, {"flagged": False}):
        (filtered,) = plans_of(store, lambda f=filters: visits.count_visits(office, **f), "visit")
        assert "SCAN visit USING COVERING INDEX ix_visit_date_cover" in filtered, (filters, filtered)


def test_a_teachers_list_and_count_seek_their_students_visits(some_visits):
    """A teacher's IN list of students goes through the student index (their visits only, never a scan)."""
    t1 = some_visits.as_(some_visits.t1)
    store = some_visits.ctx.store
    (count,) = plans_of(store, lambda: visits.count_visits(t1), "visit")
    ids, _rows = plans_of(store, lambda: visits.list_visits(t1, offset=0, limit=200), "visit")
    for plan in (count, ids):
        assert "SEARCH visit USING INDEX ix_visit_student_id (student_id=?)" in plan, plan
        assert "SCAN visit" not in plan, plan


def test_a_teachers_lesson_plans_are_read_through_two_indexes(school):
    t1 = school.as_(school.t1)
    lessons.create_lesson_plan(t1, {"title": "认识颜色", "subject": "生活语文"})
    (library,) = plans_of(school.ctx.store, lambda: lessons.list_lesson_plans(t1), "lesson_plan")
    assert "MULTI-INDEX OR" in library and "ix_lesson_plan_is_template" in library, library
    assert "SCAN lesson_plan" not in library, library


def test_the_count_and_the_list_leave_out_deleted_visits_and_students(some_visits):
    """Both read deleted_at from the index now; a deleted visit or student must still drop out of each."""
    school = some_visits
    office, t1 = school.as_(school.office), school.as_(school.t1)
    assert visits.count_visits(office) == visits.count_visits(t1) == 6
    first = visits.list_visits(office, limit=1)[0]
    visits.delete_visit(t1, first.id)
    assert visits.count_visits(office) == visits.count_visits(t1) == 5
    assert first.id not in {v.id for v in visits.list_visits(office, limit=None)}
    assert first.id not in {v.id for v in visits.list_visits(t1, limit=None)}
    assert len(visits.list_visits(office, offset=4, limit=200)) == 1
    students.delete_student(office, school.students[1])  # the child of the deleted visit, with 2 more
    assert visits.count_visits(office) == visits.count_visits(t1) == 3
    assert {v.student_id for v in visits.list_visits(office, limit=None)} == {school.students[0]}
