"""`songjiao dump` / `load`: the whole database as documented JSON, and loading it into an empty database.

The format is described by resources/dump.schema.json (JSON Schema 2020-12, generated from the models by
packaging/gen_dump_schema.py). Drafts (unsaved editor text) are not part of it: they belong to one machine.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import IO, Any

from jsonschema import Draft202012Validator
from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Date,
    DateTime,
    Engine,
    ForeignKeyConstraint,
    LargeBinary,
    PrimaryKeyConstraint,
    Table,
    Time,
    UniqueConstraint,
    exc,
    inspect,
    select,
)

from app.db import schema
from app.db.base import Base
from app.db.engine import READ_SNAPSHOT
from app.db.models import RECORD_TABLES, AuditEntry
from app.paths import RESOURCES
from app.services.context import Store
from app.services.dump_schema import FORMAT, VERSION
from app.services.errors import ConflictError, ValidationError

SCHEMA_PATH = RESOURCES / "dump.schema.json"
DUMP_TABLES: list[Table] = [Base.metadata.tables[name] for name in
                            [model.__tablename__ for model in RECORD_TABLES] + [AuditEntry.__tablename__]]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


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
    return lambda raw: raw


# --- dump -------------------------------------------------------------------------------------------------

def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    names = [column.name for column in table.columns]
    encoders = [(index, name, encode) for index, (name, encode) in
                enumerate(zip(names, map(_encoder, table.columns), strict=True)) if encode is not None]
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
    return {"format": FORMAT, "version": VERSION, "schema_revision": revision,
            "exported_at": _now().isoformat(timespec="seconds"), "tables": tables}


_ROW_ENCODER = json.JSONEncoder(ensure_ascii=False)


def write_dump(store: Store, out: IO[str]) -> dict[str, int]:
    """Stream the dump as JSON text, one row a line (greppable, diffable, and the fast C encoder per row)."""
    counts: dict[str, int] = {}
    with _snapshot(store) as conn, conn.begin():
        head = {"format": FORMAT, "version": VERSION, "schema_revision": _revision(conn),
                "exported_at": _now().isoformat(timespec="seconds")}
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

class SchemaCheck:
    """Validation of a dump against one schema document: jsonschema, with a quick path for rows."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.whole = Draft202012Validator(document)
        self._rows: dict[str, tuple[Draft202012Validator, Callable[[Any], bool] | None]] = {}

    def row(self, table: str) -> tuple[Draft202012Validator, Callable[[Any], bool] | None]:
        """jsonschema for one row of ``table``, and the quick check compiled from the same schema."""
        if table not in self._rows:
            row_schema = self.document["$defs"][table]
            self._rows[table] = (Draft202012Validator(row_schema), _row_check(row_schema))
        return self._rows[table]

    def first_error(self, data: dict[str, Any]) -> tuple[list[Any], str] | None:
        tables = data.get("tables")
        if isinstance(tables, dict):  # the envelope first, then row by row
            envelope = {**data, "tables": {k: [] if isinstance(v, list) else v for k, v in tables.items()}}
        else:
            envelope = data
        errors = sorted(self.whole.iter_errors(envelope), key=lambda e: [str(p) for p in e.absolute_path])
        if errors:
            return list(errors[0].absolute_path), errors[0].message
        assert isinstance(tables, dict)  # the envelope's schema says so
        for name, rows in tables.items():
            validator, quick = self.row(name)
            for index, row in enumerate(rows):
                if quick is not None and quick(row):
                    continue
                found = sorted(validator.iter_errors(row), key=lambda e: [str(p) for p in e.absolute_path])
                if found:
                    return ["tables", name, index, *found[0].absolute_path], found[0].message
        return None


@cache
def committed_schema() -> SchemaCheck:
    """The documented format of this program's dumps (resources/dump.schema.json)."""
    return SchemaCheck(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


def _is_integer(value: Any) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float)
                                                                           and value.is_integer())


_JSON_TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str), "integer": _is_integer,
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool), "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
}


def _value_check(column: dict[str, Any]) -> Callable[[Any], bool] | None:
    if set(column) - {"type", "pattern", "description", "contentEncoding"}:
        return None
    kinds = column.get("type")
    checks = [_JSON_TYPES[k] for k in ([kinds] if isinstance(kinds, str) else kinds)] if kinds else []
    pattern = re.compile(column["pattern"]) if "pattern" in column else None

    def ok(value: Any) -> bool:
        if checks and not any(check(value) for check in checks):
            return False
        return pattern is None or not isinstance(value, str) or pattern.search(value) is not None

    return ok


def _row_check(row: dict[str, Any]) -> Callable[[Any], bool] | None:
    """A quick yes/no for one row, compiled from the same schema; None if the schema uses more than it knows.

    jsonschema takes about a minute for a large school's 400 000 rows; this takes seconds. A row it doubts is
    judged (and explained) by jsonschema itself, so jsonschema stays the authority.
    """
    if set(row) != {"type", "properties", "required", "additionalProperties"} or row["type"] != "object" \
            or row["additionalProperties"] is not False:
        return None
    checks = {name: _value_check(column) for name, column in row["properties"].items()}
    if any(check is None for check in checks.values()):
        return None
    allowed, required = frozenset(checks), frozenset(row["required"])
    items = [(name, check) for name, check in checks.items() if check is not None]

    def ok(value: Any) -> bool:
        if not isinstance(value, dict) or value.keys() - allowed or required - value.keys():
            return False
        return all(check(value[name]) for name, check in items if name in value)

    return ok


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


def parse_dump(text: str | bytes) -> dict[str, list[dict[str, Any]]]:
    """Check a dump completely (JSON, schema, values, keys, references) and return rows ready to insert.

    A dump from an older database revision is first brought up to date by the migrations themselves.
    """
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
            raise _refuse("dump.revision", f"The dump was made at database revision {revision!r}, which this "
                          "program does not know (a newer version of Songjiao made it).")
        from app.services.dump_older import upgrade_dump

        data = upgrade_dump(data, revision)
    return check_rows(data, committed_schema(), DUMP_TABLES)


def check_rows(data: dict[str, Any], check: SchemaCheck, tables: list[Table]) -> dict[str, list[dict[str, Any]]]:
    """Schema, values, unique keys and references of a parsed dump; the decoded rows."""
    problem = check.first_error(data)
    if problem:
        where, field = _where(problem[0])
        raise _refuse("dump.schema", f"{where}: {problem[1]}.", field=field)
    rows = _decode(data["tables"], tables)
    _check_keys(rows, tables)
    return rows


def _decode(raw_tables: dict[str, list[dict[str, Any]]], tables: list[Table]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in tables:
        decoders = {column.name: _decoder(column) for column in table.columns}
        decoded = []
        for index, raw in enumerate(raw_tables[table.name]):
            row = {}
            for name, value in raw.items():
                try:
                    row[name] = None if value is None else decoders[name](value)
                except (ValueError, TypeError) as error:
                    where, field = _where(["tables", table.name, index, name])
                    raise _refuse("dump.value", f"{where}: {value!r} is not a valid value ({error}).",
                                  field) from error
            decoded.append(row)
        rows[table.name] = decoded
    return rows


def _unique_sets(table: Table) -> list[tuple[str, ...]]:
    sets = [tuple(c.name for c in con.columns) for con in table.constraints
            if isinstance(con, PrimaryKeyConstraint | UniqueConstraint)]
    sets += [tuple(c.name for c in index.columns) for index in table.indexes if index.unique]
    return sets


def _check_keys(rows: dict[str, list[dict[str, Any]]], tables: list[Table]) -> None:
    """Unique keys, references and blob checksums, checked here so that a refusal can name the row."""
    for table in tables:
        for names in _unique_sets(table):
            seen: set[tuple[Any, ...]] = set()
            for index, row in enumerate(rows[table.name]):
                key = tuple(row[n] for n in names)
                if None in key:
                    continue  # SQL: NULLs never collide
                if key in seen:
                    where, field = _where(["tables", table.name, index, names[0]])
                    raise _refuse("dump.duplicate", f"{where}: the value is repeated ({', '.join(names)} "
                                  "must be unique).", field)
                seen.add(key)
        for con in table.constraints:
            if not isinstance(con, ForeignKeyConstraint):
                continue
            local = [c.name for c in con.columns]
            target = con.referred_table
            remote = [fk.column.name for fk in con.elements]
            present = {tuple(r[n] for n in remote) for r in rows.get(target.name, [])}
            for index, row in enumerate(rows[table.name]):
                key = tuple(row[n] for n in local)
                if None not in key and key not in present:
                    where, field = _where(["tables", table.name, index, local[0]])
                    raise _refuse("dump.reference", f"{where}: refers to a missing {target.name} row.", field)
    for index, row in enumerate(rows.get("blob", [])):
        if hashlib.sha256(row["data"]).hexdigest() != row["sha256"]:
            where, field = _where(["tables", "blob", index, "sha256"])
            raise _refuse("dump.checksum", f"{where}: does not match the data.", field)


def load_rows(store: Store, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Insert checked rows into an empty database in one transaction; all or nothing."""
    with store.engine.connect() as conn, conn.begin():
        insert_rows(conn, rows, DUMP_TABLES)
    return {name: len(table_rows) for name, table_rows in rows.items()}


def insert_rows(conn: Connection, rows: dict[str, list[dict[str, Any]]], tables: list[Table]) -> None:
    """Insert into empty tables inside the caller's transaction (which rolls back on a refusal)."""
    # Checked inside the same transaction as the inserts, so nothing can slip in between.
    for name in inspect(conn).get_table_names():
        if name != "alembic_version" and conn.exec_driver_sql(f'SELECT 1 FROM "{name}" LIMIT 1').first():
            raise ConflictError("load.not_empty", f"The target database is not empty (table '{name}' has rows). "
                                "Load into a new database file. Nothing was loaded.")
    # Self-references (a make-up visit, a goal-bank child) may come before their target within a table.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
    try:
        for table in tables:
            if rows.get(table.name):
                conn.execute(table.insert(), rows[table.name])
    except exc.IntegrityError as error:
        raise _refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise _refuse("dump.reference", f"table '{broken[0][0]}': a row refers to a missing "
                      f"{broken[0][2]} row.", str(broken[0][0]))


def load_dump(store: Store, text: str | bytes) -> dict[str, int]:
    """Check a dump, then load it into the (empty, migrated) database of ``store``."""
    return load_rows(store, parse_dump(text))
