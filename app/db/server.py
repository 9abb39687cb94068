"""PostgreSQL: the engine for an office (or a district) that outgrew one computer, and what SQLite spells
differently (issue 13; docs/postgres.md).

Writers take turns, as on SQLite (BEGIN IMMEDIATE): every write transaction starts by taking the office's write
lock (``pg_advisory_xact_lock``, released at commit or rollback) and then runs READ COMMITTED, so each statement
sees everything committed before the lock was granted. Two clerks saving at the same moment: the second waits for
the first, then reads the first one's result, and the services' own rules tell them (the revision check,
``version_id_col``: "someone else saved this first"; a plan already decided). Nobody's write is lost or silently
overwritten, and no retry is needed. Why not SERIALIZABLE: every audited write moves the audit chain's one-row head
(app/services/evidence.py), so any two concurrent writers would conflict and one would be refused for nothing.
A serialization failure or deadlock that still happens (a hand-written transaction) is a ConflictError
(``context.transaction``). Reads never wait: REPEATABLE READ, one snapshot for a whole page or report, like SQLite's
WAL snapshot, and no lock.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, String, any_, create_engine, event, exc, inspect, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.functions import FunctionElement

from app.db.engine import READ_SNAPSHOT

WRITE_ISOLATION = "READ COMMITTED"
READ_ISOLATION = "REPEATABLE READ"
# The advisory lock every write transaction takes first (per database): "Songjiao" in ASCII, as a bigint.
WRITE_LOCK = int.from_bytes(b"Songjiao", "big")
# SQLSTATEs of a transaction that lost a race with another one (serialization_failure, deadlock_detected).
CONFLICT_STATES = frozenset({"40001", "40P01"})


def make_server_engine(url: str, *, echo: bool = False) -> Engine:
    # hide_parameters: a database error's text (logged, shown) must not carry the row's names and ID numbers.
    # pool_pre_ping: a desktop app stays open for hours; a connection the server closed meanwhile is replaced.
    engine = create_engine(
        url,
        echo=echo,
        hide_parameters=True,
        isolation_level=WRITE_ISOLATION,
        pool_pre_ping=True,
        connect_args={"application_name": "songjiao"},
    )
    event.listen(engine, "begin", _take_write_lock)
    return engine


def _take_write_lock(connection: Any) -> None:
    # The first statement of a transaction: a write takes the lock, like SQLite's BEGIN IMMEDIATE; a read
    # (READ_SNAPSHOT: pages, reports, dump, check) takes one snapshot for all its statements instead.
    if connection.get_execution_options().get(READ_SNAPSHOT):
        connection.exec_driver_sql(f"SET TRANSACTION ISOLATION LEVEL {READ_ISOLATION}")
    else:
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def read_engine(engine: Engine) -> Engine:
    """The same pool for reads: one consistent snapshot per read session, no write lock."""
    return engine.execution_options(**{READ_SNAPSHOT: True})


def dialect(bind: Connection | Session | Engine) -> str:
    if isinstance(bind, Session):
        return bind.get_bind().dialect.name
    return bind.dialect.name


def on_server(bind: Connection | Session | Engine) -> bool:
    return dialect(bind) == "postgresql"


def is_conflict(error: BaseException) -> bool:
    """True for a transaction that lost a race with a concurrent one (the other was committed)."""
    orig = getattr(error, "orig", None)
    return isinstance(error, exc.DBAPIError) and getattr(orig, "sqlstate", None) in CONFLICT_STATES


def insert(bind: Connection | Session, table: Any) -> Any:
    """``INSERT`` with ``on_conflict_do_update`` in this database's dialect (both spell the upsert alike)."""
    # The dialects are imported here: PostgreSQL's brings its asyncpg, pg8000 and psycopg2 modules, ~30 ms of
    # every SQLite command's start (compliance --json, a laptop's CLI) for nothing.
    if on_server(bind):
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)


def defer_foreign_keys(bind: Connection | Session) -> None:
    """Check references at commit, not per statement: parents and children may arrive in any order (a dump, a
    bundle, a join file). On PostgreSQL the foreign keys are DEFERRABLE for this (make_foreign_keys_deferrable)."""
    if on_server(bind):
        bind.execute(text("SET CONSTRAINTS ALL DEFERRED"))
    else:
        bind.execute(text("PRAGMA defer_foreign_keys=ON"))


def broken_references(bind: Connection | Session) -> list[tuple[str, str | None, str]]:
    """(table, row, referred table) of rows whose references are missing, checked now (inside the transaction,
    before its commit would refuse it). SQLite lists them all; PostgreSQL names the first one it meets."""
    if not on_server(bind):
        return [(str(t), str(r), str(p)) for t, r, p, _fk in bind.execute(text("PRAGMA foreign_key_check"))]
    nested = bind.begin_nested()
    try:
        bind.execute(text("SET CONSTRAINTS ALL IMMEDIATE"))
    except exc.IntegrityError as error:
        nested.rollback()
        diag = getattr(error.orig, "diag", None)
        table = str(getattr(diag, "table_name", None) or "?")
        constraint = str(getattr(diag, "constraint_name", None) or "")
        return [(table, None, _referred(bind, constraint))]
    nested.rollback()  # back to deferred: the caller's later statements may still arrive out of order
    return []


def _referred(bind: Connection | Session, constraint: str) -> str:
    row = bind.execute(
        text(
            "SELECT confrelid::regclass::text FROM pg_constraint WHERE conname = :name AND contype = 'f' LIMIT 1"
        ),
        {"name": constraint},
    ).first()
    return str(row[0]).strip('"') if row else "?"


def make_foreign_keys_deferrable(conn: Connection) -> int:
    """Make every foreign key of the current schema DEFERRABLE INITIALLY IMMEDIATE (checked per statement unless
    a transaction defers them, as SQLite's defer_foreign_keys does). Run after every migration, so tables added
    later get it too; returns how many were changed."""
    rows = conn.execute(
        text(
            "SELECT c.conrelid::regclass::text, c.conname FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE c.contype = 'f' AND NOT c.condeferrable AND n.nspname = current_schema()"
        )
    ).fetchall()
    for table, name in rows:
        conn.execute(text(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE'))
    return len(rows)


def table_names(conn: Connection) -> set[str]:
    return set(inspect(conn).get_table_names())


class year_month(FunctionElement[str]):  # noqa: N801 (used like a SQL function)
    """``'YYYY-MM'`` of a date column, as MonthlyPlan.month spells a month, in either dialect."""

    type = String()
    inherit_cache = True


@compiles(year_month, "sqlite")
def _year_month_sqlite(element: year_month, compiler: Any, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"


@compiles(year_month, "postgresql")
def _year_month_postgresql(element: year_month, compiler: Any, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


def one_of(bind: Connection | Session, column: Any, values: list[Any]) -> Any:
    """``column IN (values)``; on PostgreSQL as ``= ANY(array)`` with ONE parameter. Hundreds of ``IN``
    placeholders cost psycopg more to prepare (it splits the query text in Python) than the query takes."""
    if on_server(bind):
        from sqlalchemy.dialects import postgresql

        return column == any_(literal(list(values), type_=postgresql.ARRAY(column.type)))
    return column.in_(values)
