"""`songjiao dump` / `load`: the whole database as documented JSON, and loading it into an empty database.

The format is described by resources/dump.schema.json (JSON Schema 2020-12, generated from the models by
packaging/gen_dump_schema.py). Drafts (unsaved editor text) are not part of it: they belong to one machine.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Callable
from functools import cache
from typing import IO, Any

from jsonschema import Draft202012Validator
from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKeyConstraint,
    LargeBinary,
    PrimaryKeyConstraint,
    Table,
    Time,
    UniqueConstraint,
    exc,
    func,
    select,
)

from app.db import schema
from app.db.base import Base
from app.db.models import RECORD_TABLES, AuditEntry
from app.paths import RESOURCES
from app.services.context import Store
from app.services.errors import ConflictError, ValidationError

FORMAT = "songjiao-dump"
VERSION = 1
SCHEMA_PATH = RESOURCES / "dump.schema.json"
DUMP_TABLES: list[Table] = [Base.metadata.tables[name] for name in
                            [model.__tablename__ for model in RECORD_TABLES] + [AuditEntry.__tablename__]]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


# --- encoding ---------------------------------------------------------------------------------------------

def _encode(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


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

def dump_database(store: Store) -> dict[str, Any]:
    """Every row of every table, read in one transaction so the copy is consistent."""
    tables: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn, conn.begin():
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        for table in DUMP_TABLES:
            columns = list(table.columns)
            query = select(table).order_by(*table.primary_key.columns)
            tables[table.name] = [
                {column.name: _encode(column, value) for column, value in zip(columns, row, strict=True)}
                for row in conn.execute(query)
            ]
    return {"format": FORMAT, "version": VERSION, "schema_revision": revision,
            "exported_at": _now().isoformat(timespec="seconds"), "tables": tables}


def write_dump(store: Store, out: IO[str]) -> dict[str, int]:
    """Write the dump as JSON text; returns the number of rows per table."""
    data = dump_database(store)
    json.dump(data, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return {name: len(rows) for name, rows in data["tables"].items()}


# --- load -------------------------------------------------------------------------------------------------

@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))


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
    """Check a dump completely (JSON, schema, values, keys, references) and return rows ready to insert."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise _refuse("dump.bad_json", f"The file is not valid JSON ({error}).") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("dump.not_songjiao", "The file is not a Songjiao dump.")
    if data.get("version") != VERSION:
        raise _refuse("dump.version", f"Dump format version {data.get('version')!r} is not supported.")
    if data.get("schema_revision") != schema.head_revision():
        raise _refuse("dump.revision", f"The dump was made at database revision {data.get('schema_revision')!r}; "
                      f"this program loads revision {schema.head_revision()!r} only.")
    errors = sorted(_validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    if errors:
        first = errors[0]
        where, field = _where(list(first.absolute_path))
        raise _refuse("dump.schema", f"{where}: {first.message}.", field=field)
    rows = _decode(data["tables"])
    _check_keys(rows)
    return rows


def _decode(raw_tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in DUMP_TABLES:
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


def _check_keys(rows: dict[str, list[dict[str, Any]]]) -> None:
    """Unique keys, references and blob checksums, checked here so that a refusal can name the row."""
    for table in DUMP_TABLES:
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
    for index, row in enumerate(rows["blob"]):
        if hashlib.sha256(row["data"]).hexdigest() != row["sha256"]:
            where, field = _where(["tables", "blob", index, "sha256"])
            raise _refuse("dump.checksum", f"{where}: does not match the data.", field)


def load_rows(store: Store, rows: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Insert checked rows into an empty database in one transaction; all or nothing."""
    with store.engine.connect() as conn, conn.begin():
        # Inside the same transaction as the inserts, so nothing can slip in between.
        for table in Base.metadata.sorted_tables:
            if conn.execute(select(func.count()).select_from(table)).scalar_one():
                raise ConflictError("load.not_empty", f"The target database is not empty (table "
                                    f"'{table.name}' has rows). Load into a new database file. "
                                    "Nothing was loaded.")
        # Self-references (a make-up visit, a goal-bank child) may come before their target within a table.
        conn.exec_driver_sql("PRAGMA defer_foreign_keys=ON")
        try:
            for table in DUMP_TABLES:
                if rows[table.name]:
                    conn.execute(table.insert(), rows[table.name])
        except exc.IntegrityError as error:
            raise _refuse("dump.integrity", f"The database refused the rows: {error.orig}.") from error
        broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise _refuse("dump.reference", f"table '{broken[0][0]}': a row refers to a missing "
                          f"{broken[0][2]} row.", str(broken[0][0]))
    return {name: len(table_rows) for name, table_rows in rows.items()}


def load_dump(store: Store, text: str | bytes) -> dict[str, int]:
    """Check a dump, then load it into the (empty, migrated) database of ``store``."""
    return load_rows(store, parse_dump(text))
