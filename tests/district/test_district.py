"""The district: a schema per school, and a bureau role that reads aggregates only (issue 13)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import create_engine, exc, inspect, text

from app.paths import resolve
from app.services import district, students
from app.services.context import ServiceContext
from app.services.errors import ValidationError
from app.services.setup import open_store
from tests.conftest import TERM, TODAY


def _bureau_url(pg_server, url: str) -> str:
    """A login of the bureau: a member of songjiao_district and nothing else."""
    pg_server.admin(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bureau') THEN "
        "CREATE ROLE bureau LOGIN IN ROLE songjiao_district; END IF; END $$"
    )
    return url.replace("postgres@", "bureau@", 1)


def test_each_school_has_its_schema_and_sees_only_its_records(two_schools):
    for code, count in (("qs", 4), ("hs", 1)):
        store = open_store(resolve(district.school_url(two_schools, code)))
        try:
            ctx = ServiceContext(store, today_override=TODAY)
            assert len(students.list_students(ctx)) == count
            with store.engine.connect() as conn:
                assert conn.execute(text("SELECT current_schema()")).scalar_one() == f"school_{code}"
                assert "alembic_version" in inspect(conn).get_table_names()
        finally:
            store.dispose()
    assert [s.code for s in district.schools(two_schools)] == ["hs", "qs"]
    # The database's public schema holds no school's table.
    engine = create_engine(two_schools)
    with engine.connect() as conn:
        assert inspect(conn).get_table_names(schema="public") == []
    engine.dispose()


def test_add_school_refuses_bad_input(pg_url):
    district.add_school(pg_url, "qs", "青山")
    with pytest.raises(ValidationError) as caught:
        district.add_school(pg_url, "qs", "again")
    assert caught.value.message_id == "district.school_exists"
    for code in ("QS", "a-b", "", "x" * 41, "a;drop"):
        with pytest.raises(ValidationError) as caught:
            district.add_school(pg_url, code, "名")
        assert caught.value.message_id == "district.bad_code"
    with pytest.raises(ValidationError):
        district.add_school("school.sqlite3", "zz", "名")
    assert [s.code for s in district.schools(pg_url)] == ["qs"]


def test_district_role_reads_aggregates_and_nothing_else(pg_server, two_schools):
    bureau = _bureau_url(pg_server, two_schools)
    conninfo = bureau.replace("postgresql+psycopg://", "postgresql://", 1)
    for query in (
        "SELECT name FROM school_qs.student",
        "SELECT count(*) FROM school_hs.visit",
        "SELECT * FROM district.school",
        "SELECT id_number FROM school_qs.student",
    ):
        with psycopg.connect(conninfo) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(query)
    engine = create_engine(bureau)
    try:
        with engine.connect() as conn:
            for view in district.READABLE:
                columns = {c["name"] for c in inspect(conn).get_columns(view, schema="district")}
                # No column that could carry a child: only the school, the term and counts.
                assert not columns & {"name", "code", "id", "student_id", "id_number", "student_name"}
                conn.execute(text(f"SELECT * FROM district.{view}")).all()
            rows = conn.execute(
                text(
                    "SELECT school_code, disability_category, disability_grade, status, students FROM district.students "
                    "ORDER BY 1, 2"
                )
            ).all()
            assert [tuple(r) for r in rows] == [
                ("hs", 4, 3, "active", 1),
                ("qs", 1, 2, "active", 2),
                ("qs", 2, 1, "paused", 1),
                ("qs", 3, 1, "active", 1),
            ]
            with pytest.raises(exc.ProgrammingError):
                conn.execute(text("SELECT name FROM school_qs.student"))
    finally:
        engine.dispose()
    figures = district.report(bureau, TERM["name"])
    qs, hs = figures.schools[1], figures.schools[0]
    assert (hs.school_code, qs.school_code) == ("hs", "qs")
    # The visit rule's weeks (tests/conftest.py TERM, today 2026-11-20): 11 teaching weeks are past (the week of
    # 11-16 is still running); qs's paused child owes none. qs: 3 active children x 11 weeks due, met the week of
    # 09-07 (two visits, counted once) and of 09-14; 2 x 11 课时 asked per child. hs: one child, 11 weeks at 2
    # visits of 2 课时; its only visit has one 课时, so no week is met.
    assert (qs.students, qs.visits_done, qs.lessons_done, qs.lessons_by_rule) == (3, 3, 6, 3 * 11 * 2)
    assert (qs.weeks_met, qs.weeks_due) == (2, 3 * 11)
    assert (qs.plans, qs.plans_approved, qs.plans_on_time) == (3, 2, 1)
    assert qs.grades == {"excellent": 1, "good": 0, "pass": 0, "fail": 0}
    assert (hs.students, hs.visits_done, hs.lessons_done, hs.lessons_by_rule) == (1, 1, 1, 11 * 2 * 2)
    assert (hs.weeks_met, hs.weeks_due, hs.plans) == (0, 11, 0)  # one visit against a rule of two
    assert qs.as_of == hs.as_of == figures.total.as_of == TODAY
    assert hs.grades == {"excellent": 0, "good": 1, "pass": 1, "fail": 0}
    total = figures.total
    assert (total.students, total.visits_done, total.lessons_done, total.plans_on_time) == (4, 4, 7, 1)
    assert total.grades["good"] == 1 and total.grades["excellent"] == 1
    assert figures.by_category == ((1, 2, 2), (3, 1, 1), (4, 3, 1))
    with pytest.raises(ValidationError) as caught:
        district.report(bureau, "no such term")
    assert caught.value.message_id == "district.no_term"


def test_report_refuses_a_database_without_district_or_a_login_without_the_role(pg_server, pg_url):
    with pytest.raises(ValidationError) as caught:
        district.report(pg_url, TERM["name"])
    assert caught.value.message_id == "district.no_schools"
    district.add_school(pg_url, "qs", "青山")
    with pytest.raises(ValidationError) as caught:  # nothing computed yet: not a district of zeros
        district.report(pg_url, TERM["name"])
    assert caught.value.message_id == "district.not_refreshed"
    pg_server.admin(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'stranger') THEN "
        "CREATE ROLE stranger LOGIN; END IF; END $$"
    )
    engine = create_engine(pg_url)
    with engine.begin() as conn:  # the schema, not the views: a login that may look but not read
        conn.execute(text("GRANT USAGE ON SCHEMA district TO stranger"))
    engine.dispose()
    with pytest.raises(ValidationError) as caught:
        district.report(pg_url.replace("postgres@", "stranger@", 1), TERM["name"])
    assert caught.value.message_id == "district.no_access"


def test_an_office_role_owns_its_school_and_reaches_no_other(pg_server, pg_url):
    for role in ("qs_office", "hs_office"):
        pg_server.admin(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{role}') THEN "
            f"CREATE ROLE {role} LOGIN; END IF; END $$"
        )
    with pytest.raises(ValidationError) as caught:
        district.add_school(pg_url, "qs", "青山", owner="nobody_here")
    assert caught.value.message_id == "district.no_role"
    district.add_school(pg_url, "qs", "青山", owner="qs_office")
    district.add_school(pg_url, "hs", "河石", owner="hs_office")
    office = district.with_user(district.school_url(pg_url, "qs"), "qs_office")
    store = open_store(resolve(office))  # the owner opens (and would migrate) its own schema
    try:
        ctx = ServiceContext(store, today_override=TODAY)
        assert students.list_students(ctx) == []
        with store.engine.connect() as conn:
            for query in ("SELECT count(*) FROM school_hs.student", "SELECT * FROM district.students"):
                with pytest.raises(exc.ProgrammingError):
                    conn.execute(text(query))
                conn.rollback()
    finally:
        store.dispose()
    engine = create_engine(pg_url)
    with engine.connect() as conn:  # the administrator's views still read both schools
        assert conn.execute(text("SELECT count(*) FROM district.term_delivery")).scalar_one() == 0
        owners = (
            conn.execute(text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'school_qs'"))
            .scalars()
            .all()
        )
    engine.dispose()
    assert owners == ["qs_office"]


def test_each_school_migrates_in_its_own_schema(pg_url):
    """An office still on an older revision is upgraded when it opens; the other school is not touched."""
    from app.db import schema
    from app.db.server import make_server_engine

    district.add_school(pg_url, "qs", "青山")
    district.add_school(pg_url, "hs", "河石")
    chain = schema.revision_chain()
    old = make_server_engine(district.school_url(pg_url, "qs"))
    try:
        schema.downgrade(old, chain[-2])
        assert schema.current_revision(old) == chain[-2]
    finally:
        old.dispose()
    engine = create_engine(pg_url)
    with engine.connect() as conn:
        versions = {
            s: conn.execute(text(f"SELECT version_num FROM {s}.alembic_version")).scalar_one()
            for s in ("school_qs", "school_hs")
        }
    assert versions == {"school_qs": chain[-2], "school_hs": chain[-1]}
    open_store(resolve(district.school_url(pg_url, "qs"))).dispose()
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT version_num FROM school_qs.alembic_version")).scalar_one() == chain[-1]
        )
    engine.dispose()
