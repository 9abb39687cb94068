"""Migration 0002 adds only the exchange tables, on a populated database, and goes back down cleanly."""

from __future__ import annotations

from sqlalchemy import inspect, text

from app.db import schema
from app.services import exchange

EXCHANGE_TABLES = {"exchange_device", "exchange_state", "exchange_conflict", "exchange_log"}


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def _count(engine, table: str) -> int:
    with engine.connect() as conn:
        return int(conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar_one())


def test_0002_down_and_up_on_a_populated_database(net, school):
    office, join = net
    join("t1")
    engine = school.ctx.store.engine
    before = {t: _count(engine, t) for t in ("student", "assignment", "user", "audit_entry")}
    assert _tables(engine) >= EXCHANGE_TABLES
    assert schema.current_revision(engine) == schema.head_revision()
    engine.dispose()
    schema.downgrade(engine, "0001")
    assert schema.current_revision(engine) == "0001"
    assert not (EXCHANGE_TABLES & _tables(engine))
    assert {t: _count(engine, t) for t in before} == before
    schema.upgrade(engine)
    assert _tables(engine) >= EXCHANGE_TABLES
    assert {t: _count(engine, t) for t in before} == before
    # The identity went with the downgrade: the office makes a new one on the next join file.
    assert exchange.make_join_file(office.ctx, "t2", office.folder / "again.sjj").device_id


def test_0003_digest_column_down_and_up_keeps_the_log(net, school):
    office, join = net
    join("t1")
    engine = school.ctx.store.engine

    def columns() -> set[str]:
        return {c["name"] for c in inspect(engine).get_columns("exchange_log")}

    logged = _count(engine, "exchange_log")
    assert logged and "digest" in columns()
    engine.dispose()
    schema.downgrade(engine, "0002")
    assert "digest" not in columns() and _count(engine, "exchange_log") == logged
    schema.upgrade(engine)
    assert "digest" in columns() and _count(engine, "exchange_log") == logged
