"""`songjiao dump` / `load`: the whole database as documented JSON, and loading it into an empty database.

The format is described by resources/dump.schema.json (JSON Schema 2020-12, generated from the models by
packaging/gen_dump_schema.py). Drafts (unsaved editor text) are not part of it: they belong to one machine.
Loading reads a file in this module's own layout line by line (dump_stream.py); the schema checks live in
dump_check.py, the conversion of older dumps in dump_older.py.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    LargeBinary,
    Table,
    Time,
    exc,
    inspect,
    select,
)

from app.db import schema
from app.db.base import Base, utcnow
from app.db.engine import READ_SNAPSHOT
from app.db.models import RECORD_TABLES, AuditEntry
from app.services.context import Store
from app.services.dump_check import SCHEMA_PATH, SchemaCheck, committed_schema  # noqa: F401 - SCHEMA_PATH: the public name
from app.services.dump_schema import FORMAT, VERSION
from app.services.dump_stream import BEGIN, NotLineLayout, RowChecker, dict_events, feed, scan_lines
from app.services.errors import ConflictError, ValidationError

DUMP_TABLES: list[Table] = [
    Base.metadata.tables[name]
    for name in [model.__tablename__ for model in RECORD_TABLES] + [AuditEntry.__tablename__]
]


# --- encoding ---------------------------------------------------------------------------------------------


def _encoder(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How a non-null value of this column becomes JSON; None when it already is JSON."""
    if isinstance(column.type, Date | DateTime | Time):
        return lambda value: value.isoformat()
    if isinstance(column.type, LargeBinary):
        return lambda value: base64.b64encode(value).decode("ascii")
    return None


def _decoder(column: Column[Any]) -> Callable[[Any], Any]:
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


# --- dump -------------------------------------------------------------------------------------------------


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    names = [column.name for column in table.columns]
    encoders = [
        (index, name, encode)
        for index, (name, encode) in enumerate(zip(names, map(_encoder, table.columns), strict=True))
        if encode is not None
    ]
    for row in conn.execute(select(table).order_by(*table.primary_key.columns)):
        values = dict(zip(names, row, strict=True))
        for index, name, encode in encoders:  # only dates, times and bytes need work: keep the loop short
            if row[index] is not None:
                values[name] = encode(row[index])
        yield values


def _snapshot(store: Store | Engine) -> Connection:
    """A connection whose transactions read a snapshot without taking the write lock (the app may save meanwhile)."""
    engine = store.engine if isinstance(store, Store) else store
    return engine.connect().execution_options(**{READ_SNAPSHOT: True})


def _revision(conn: Connection) -> str | None:
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def dump_database(store: Store | Engine) -> dict[str, Any]:
    """Every row of every table, read in one transaction so the copy is consistent."""
    with _snapshot(store) as conn, conn.begin():
        tables = {table.name: list(_rows(conn, table)) for table in DUMP_TABLES}
        revision = _revision(conn)
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema_revision": revision,
        "exported_at": utcnow().isoformat(timespec="seconds"),
        "tables": tables,
    }


_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False)


def write_dump(store: Store, out: IO[str]) -> dict[str, int]:
    """Stream the dump as JSON text, one row a line (greppable, diffable, and the fast C encoder per row)."""
    counts: dict[str, int] = {}
    with _snapshot(store) as conn, conn.begin():
        head = {
            "format": FORMAT,
            "version": VERSION,
            "schema_revision": _revision(conn),
            "exported_at": utcnow().isoformat(timespec="seconds"),
        }
        out.write(json.dumps(head, ensure_ascii=False)[:-1] + ',\n "tables": {')
        for number, table in enumerate(DUMP_TABLES):
            out.write(("," if number else "") + f"\n  {json.dumps(table.name)}: [")
            count = 0
            for count, row in enumerate(_rows(conn, table), start=1):
                out.write(("," if count > 1 else "") + "\n   " + _ROW_ENCODER.encode(row))
            out.write("\n  ]" if count else "]")
            counts[table.name] = count
        out.write("\n }\n}\n")
    return counts


# --- load -------------------------------------------------------------------------------------------------


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


def _refuse(message_id: str, message: str, field: str | None = None) -> ValidationError:
    return ValidationError(message_id, f"{message} Nothing was loaded.", field=field)


Source = str | bytes | Path


@dataclass(frozen=True)
class CheckedDump:
    """A dump that passed every check, and how to read its rows again for the insert pass."""

    counts: dict[str, int]
    source: Source | None = None  # read again line by line (write_dump's layout)
    digest: str | None = None  # of the bytes the checks read: the insert pass must read the same
    tables: dict[str, list[Any]] | None = (
        None  # parsed whole (another layout, or an older dump brought up to date)
    )


def _open(source: Source) -> IO[bytes]:
    if isinstance(source, Path):
        return source.open("rb")
    return io.BytesIO(source.encode("utf-8") if isinstance(source, str) else source)


def _is_current(head: dict[str, Any]) -> bool:
    return (
        head.get("format") == FORMAT
        and head.get("version") == VERSION
        and head.get("schema_revision") == schema.head_revision()
    )


def _checker(check: SchemaCheck, tables: list[Table]) -> RowChecker:
    return RowChecker(check, tables, _where, _refuse, _decoder, same)


def _parse_whole(text: str | bytes) -> dict[str, Any]:
    """The whole file as one JSON document, its header checked; an older dump brought up to date."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _refuse("dump.bad_json", f"The file is not valid JSON ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("dump.not_songjiao", "The file is not a Songjiao dump.")
    if data.get("version") != VERSION:
        raise _refuse("dump.version", f"Dump format version {data.get('version')!r} is not supported.")
    revision = data.get("schema_revision")
    if revision != schema.head_revision():
        if not isinstance(revision, str) or revision not in schema.known_revisions():
            raise _refuse(
                "dump.revision",
                f"The dump was made at database revision {revision!r}, which this "
                "program does not know (a newer version of Songjiao made it).",
            )
        from app.services.dump_older import upgrade_dump

        data = upgrade_dump(data, revision)  # in memory, whole: older dumps are rare
    return data


def _envelope(data: dict[str, Any]) -> dict[str, Any]:
    tables = data.get("tables")
    if not isinstance(tables, dict):
        return data
    return {**data, "tables": {k: [] if isinstance(v, list) else v for k, v in tables.items()}}


def check_dump(source: Source) -> CheckedDump:
    """Check a dump completely (JSON, schema, values, keys, references) without touching any database.

    A file in write_dump's layout (one row a line) is read line by line, keeping only key sets, so memory
    does not grow with the rows. Anything else (another layout, an older revision, broken JSON) is read whole
    and judged as before; a dump from an older database revision is brought up to date by the migrations.
    """
    digest = hashlib.sha256()
    with _open(source) as handle:
        try:
            lines = scan_lines(handle, digest)
            head = next(lines)
            assert isinstance(head, dict)
            if not _is_current(head):
                raise NotLineLayout
            checker = _checker(committed_schema(), DUMP_TABLES)
            feed(checker, lines)  # type: ignore[arg-type]  # after the head, only events
            counts = checker.finish({**head, "tables": {name: [] for name in checker.names}})
            return CheckedDump(counts, source=source, digest=digest.hexdigest())
        except NotLineLayout:
            pass
        if not isinstance(source, str):
            handle.seek(0)
            text: str | bytes = handle.read()
    data = _parse_whole(source if isinstance(source, str) else text)
    raw = data.get("tables")
    checker = _checker(committed_schema(), DUMP_TABLES)
    feed(checker, dict_events(raw) if isinstance(raw, dict) else iter(()))
    return CheckedDump(checker.finish(_envelope(data)), tables=raw)


def check_rows(
    data: dict[str, Any], check: SchemaCheck, tables: list[Table]
) -> dict[str, list[dict[str, Any]]]:
    """Schema, values, unique keys and references of a parsed dump; the decoded rows (for dump_older)."""
    checker = _checker(check, tables)
    rows: dict[str, list[dict[str, Any]]] = {}
    raw = data.get("tables")
    for name, row in dict_events(raw) if isinstance(raw, dict) else iter(()):
        if row is BEGIN:
            checker.begin(name)
            rows[name] = []
        else:
            rows[name].append(checker.row(name, row))  # type: ignore[arg-type]  # None only if refused below
    checker.complete.update(checker.names)
    checker.finish(_envelope(data))
    return rows


def _require_empty(conn: Connection) -> None:
    # Checked inside the same transaction as the inserts, so nothing can slip in between.
    for name in inspect(conn).get_table_names():
        if name != "alembic_version" and conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first():
            raise ConflictError(
                "load.not_empty",
                f"The target database is not empty (table '{name}' has rows). "
                "Load into a new database file. Nothing was loaded.",
            )


def _check_references(conn: Connection) -> None:
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise _refuse(
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
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(map(quote, names))}) "
            f"VALUES ({', '.join('?' * len(names))})"
        )
        self.values = operator.itemgetter(*names)
        self.convert = []
        for number, column in enumerate(table.columns):
            decode, bind = _decoder(column), column.type.dialect_impl(dialect).bind_processor(dialect)
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


def _insert_events(conn: Connection, events: Iterator[Any], tables: list[Table]) -> None:
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
        raise _refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error


def load_checked(store: Store, checked: CheckedDump) -> dict[str, int]:
    """Insert a checked dump into an empty database in one transaction, in batches; all or nothing."""
    with store.engine.connect() as conn, conn.begin():
        _require_empty(conn)
        # Self-references (a make-up visit, a goal-bank child) may come before their target within a table.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        if checked.tables is not None:
            _insert_events(conn, dict_events(checked.tables), DUMP_TABLES)
        else:
            assert checked.source is not None
            digest = hashlib.sha256()
            with _open(checked.source) as handle:
                lines = scan_lines(handle, digest)
                try:
                    next(lines)
                    _insert_events(conn, lines, DUMP_TABLES)
                except (NotLineLayout, KeyError, ValueError, TypeError) as error:
                    raise _changed() from error
            if digest.hexdigest() != checked.digest:
                raise _changed()  # rolls back: what was checked is not what was read
        _check_references(conn)
    return checked.counts


def _changed() -> ValidationError:
    return _refuse("dump.changed", "The file changed while it was being loaded.")


def insert_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]], tables: list[Table]) -> None:
    """Insert decoded rows into empty tables inside the caller's transaction (which rolls back on a refusal)."""
    _require_empty(conn)
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    try:
        for table in tables:
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
    except exc.IntegrityError as error:
        raise _refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error
    _check_references(conn)


def load_dump(store: Store, source: Source) -> dict[str, int]:
    """Check a dump (text, bytes, or a file path: read line by line), then load it into ``store``'s empty database."""
    return load_checked(store, check_dump(source))
