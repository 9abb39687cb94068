"""Rows of a dump into a database: decoded, checked against the schema, keys and references, then inserted."""

from __future__ import annotations

import base64
import datetime as dt
import operator
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Boolean, Column, Connection, Date, DateTime, LargeBinary, Table, Time, exc, inspect

from app.db import server
from app.services.dump.check import SchemaCheck
from app.services.dump.stream import BEGIN, RowChecker, dict_events
from app.services.errors import ConflictError, ValidationError


def decoder(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, DateTime):
        return dt.datetime.fromisoformat
    if isinstance(kind, Date):
        return dt.date.fromisoformat
    if isinstance(kind, Time):
        return dt.time.fromisoformat
    if isinstance(kind, LargeBinary):
        return lambda raw: base64.b64decode(raw, validate=True)
    if isinstance(kind, Boolean):
        return bool
    return same


def same(raw: Any) -> Any:
    """The decoder of a column whose JSON value is already the Python value (text, numbers, JSON documents)."""
    return raw


def _where(path: list[Any]) -> tuple[str, str]:
    """A JSON path like tables/visit/3/date as a human location and a field name."""
    if len(path) >= 2 and path[0] == "tables":
        where = f"table '{path[1]}'"
        if len(path) >= 3:
            where += f", row {int(path[2]) + 1}"
        if len(path) >= 4:
            where += f", field '{path[3]}'"
        return where, ".".join(str(p) for p in path[1:])
    return ("/".join(str(p) for p in path) or "the file"), ".".join(str(p) for p in path)


def refuse(message_id: str, message: str, field: str | None = None) -> ValidationError:
    return ValidationError(message_id, f"{message} Nothing was loaded.", field=field)


def row_checker(check: SchemaCheck, tables: list[Table]) -> RowChecker:
    return RowChecker(check, tables, _where, refuse, decoder, same)


def envelope(data: dict[str, Any]) -> dict[str, Any]:
    tables = data.get("tables")
    if not isinstance(tables, dict):
        return data
    return {**data, "tables": {k: [] if isinstance(v, list) else v for k, v in tables.items()}}


def check_rows(
    data: dict[str, Any], check: SchemaCheck, tables: list[Table]
) -> dict[str, list[dict[str, Any]]]:
    """Schema, values, unique keys and references of a parsed dump; the decoded rows (for older.py)."""
    checker = row_checker(check, tables)
    rows: dict[str, list[dict[str, Any]]] = {}
    raw = data.get("tables")
    for name, row in dict_events(raw) if isinstance(raw, dict) else iter(()):
        if row is BEGIN:
            checker.begin(name)
            rows[name] = []
        else:
            rows[name].append(checker.row(name, row))  # type: ignore[arg-type]  # None only if refused below
    checker.complete.update(checker.names)
    checker.finish(envelope(data))
    return rows


def require_empty(conn: Connection) -> None:
    # Checked inside the same transaction as the inserts, so nothing can slip in between.
    # The audit chain's head is bookkeeping every new database has (an empty chain); the load resets it.
    for name in inspect(conn).get_table_names():
        if (
            name not in ("alembic_version", "audit_head")
            and conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first()
        ):
            raise ConflictError(
                "load.not_empty",
                f"The target database is not empty (table '{name}' has rows). "
                "Load into a new database file. Nothing was loaded.",
            )


def check_references(conn: Connection) -> None:
    broken = server.broken_references(conn)
    if broken:
        raise refuse(
            "dump.reference",
            f"table '{broken[0][0]}': a row refers to a missing {broken[0][2]} row.",
            str(broken[0][0]),
        )


_BATCH = 2000  # rows per executemany: big enough to be fast, small enough that memory does not grow


class _Inserter:
    """Rows of one table straight to the driver: the SQL and each column's conversion prepared once.

    The conversion is the dump's decoder, then the bind processor SQLAlchemy itself would apply (so the stored
    text of dates, times and JSON is exactly what the app writes), without SQLAlchemy's per-row work.
    Every column is present in every row: the schema requires them all.
    """

    def __init__(self, conn: Connection, table: Table) -> None:
        dialect, quote = conn.dialect, conn.dialect.identifier_preparer.quote
        names = [column.name for column in table.columns]
        mark = "?" if dialect.paramstyle == "qmark" else "%s"  # SQLite's driver, or psycopg's
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
            f"VALUES ({', '.join([mark] * len(names))})"
        )
        self.values = operator.itemgetter(*names)
        self.convert = []
        for number, column in enumerate(table.columns):
            decode, bind = decoder(column), column.type.dialect_impl(dialect).bind_processor(dialect)
            if decode is not same or bind is not None:
                self.convert.append((number, None if decode is same else decode, bind))

    def row(self, raw: dict[str, Any]) -> tuple[Any, ...]:
        values = list(self.values(raw))
        for number, decode, bind in self.convert:
            value = values[number]
            if decode is not None and value is not None:
                value = decode(value)
            values[number] = value if bind is None else bind(value)  # as SQLAlchemy: None too (JSON null)
        return tuple(values)


def insert_events(conn: Connection, events: Iterator[Any], tables: list[Table]) -> None:
    """Decode and insert rows in batches, in the order they come (foreign keys are checked at the end)."""
    by_name = {table.name: table for table in tables}
    batch: list[tuple[Any, ...]] = []
    inserter: _Inserter | None = None
    try:
        for name, raw in events:
            if raw is BEGIN or len(batch) >= _BATCH:
                if batch and inserter is not None:
                    conn.exec_driver_sql(inserter.sql, batch)
                batch = []
                if raw is BEGIN:
                    inserter = _Inserter(conn, by_name[name])
                    continue
            assert inserter is not None
            batch.append(inserter.row(raw))
        if batch and inserter is not None:
            conn.exec_driver_sql(inserter.sql, batch)
    except exc.IntegrityError as error:
        raise refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error


def insert_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]], tables: list[Table]) -> None:
    """Insert decoded rows into empty tables inside the caller's transaction (which rolls back on a refusal)."""
    require_empty(conn)
    server.defer_foreign_keys(conn)
    try:
        for table in tables:
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
    except exc.IntegrityError as error:
        raise refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error
    check_references(conn)
