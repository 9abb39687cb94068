"""The throwaway PostgreSQL of the tests (tests/pg.py): it runs, each test's database is its own, and it is gone
afterwards."""

from __future__ import annotations

import psycopg
import pytest
import sqlalchemy as sa


def test_each_test_gets_its_own_empty_database(pg_server, pg_url):
    engine = sa.create_engine(pg_url)
    try:
        with engine.begin() as conn:
            assert conn.execute(sa.text("SELECT current_setting('fsync')")).scalar_one() == "off"
            conn.execute(sa.text("CREATE TABLE probe (n integer)"))
            conn.execute(sa.text("INSERT INTO probe VALUES (1)"))
        with pg_server.database() as other:
            other_engine = sa.create_engine(other)
            with other_engine.connect() as conn:
                tables = conn.execute(sa.text("SELECT count(*) FROM pg_tables WHERE tablename = 'probe'"))
                assert tables.scalar_one() == 0
            other_engine.dispose()
    finally:
        engine.dispose()


def test_a_dropped_database_is_gone_even_with_a_connection_left_open(pg_server):
    with pg_server.database() as url:
        name = url.rsplit("/", 1)[1].split("?")[0]
        engine = sa.create_engine(url)
        leaked = engine.connect()  # a test that forgot to close: the drop still succeeds
        leaked.execute(sa.text("SELECT 1"))
    with pytest.raises(sa.exc.OperationalError):  # the server ended that connection
        leaked.execute(sa.text("SELECT 1"))
    leaked.invalidate()
    engine.dispose()
    with psycopg.connect(pg_server.conninfo()) as conn:
        assert conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s", (name,)).fetchone() == (0,)
