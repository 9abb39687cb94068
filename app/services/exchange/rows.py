"""Records as exchange rows: JSON-safe encoding, content hashes, and which table is which."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, Float, Integer, LargeBinary, String, Table, Time

from app.db.base import Base
from app.db.models import RECORD_TABLES
from app.services.exchange.bundle import canonical

# Every record table in dependency order (parents first): the order rows are staged and applied in.
ORDER: list[str] = [model.__tablename__ for model in RECORD_TABLES]
TABLES: dict[str, Table] = {name: Base.metadata.tables[name] for name in ORDER}

# Only the office writes these; laptops receive them and never send them. (The goal bank is shared:
# teachers add items on their laptops too.)
OFFICE_TABLES = frozenset(
    {"school", "setting", "term", "calendar_day", "user", "assignment", "teacher_assessment", "consent"}
)
# Never exchanged: device-local settings and the office's assessment of the teacher.
LOCAL_TABLES = frozenset({"setting", "teacher_assessment"})
SHARED_TABLES = [t for t in ORDER if t not in LOCAL_TABLES]
TEACHER_TABLES = [t for t in SHARED_TABLES if t not in OFFICE_TABLES]
# Rows a laptop must hold identical to the office after every import (checked, rolled back if not).
# Not users: a teacher may change their own password on the laptop.
MIRRORED_TABLES = ("school", "term", "calendar_day")

# How each student-owned table reaches its student: a student_id column or a parent row.
PARENT: dict[str, tuple[str, str]] = {
    "iep_score": ("iep_id", "iep"),
    "goal": ("iep_id", "iep"),
    "objective": ("goal_id", "goal"),
    "objective_review": ("objective_id", "objective"),
    "planned_visit": ("plan_id", "monthly_plan"),
    "plan_revision": ("plan_id", "monthly_plan"),
    "visit_lesson": ("visit_id", "visit"),
    "objective_progress": ("visit_id", "visit"),
    "visit_amendment": ("visit_id", "visit"),
}

Row = dict[str, Any]  # encoded: JSON-safe values
GONE = ""  # the "hash" of a record removed outright (not soft-deleted): a change that removes it
# Detail rows that editors replace wholesale: removing them is an edit, not a delete to confirm.
DETAIL_TABLES = frozenset({"visit_lesson", "objective_progress", "planned_visit", "iep_score"})


def key_of(table: str, row: Row) -> str:
    # Attachment bytes are identified by content: two devices storing the same photo hold one blob.
    return str(row["sha256"] if table == "blob" else row["id"])


def _encode_value(value: Any) -> Any:
    if isinstance(value, dt.date | dt.time):  # datetime is a date too
        return value.isoformat()
    return value


def encode(table: str, row: Any) -> Row:
    """A row read with Core (mapping) as JSON-safe values; blob bytes are carried separately."""
    data = dict(row._mapping) if hasattr(row, "_mapping") else dict(row)
    if table == "blob":
        data.pop("data", None)
    return {k: _encode_value(v) for k, v in data.items()}


def row_hash(table: str, row: Row) -> str:
    if table == "blob":
        return str(row["sha256"])  # content-addressed: the id and bookkeeping of a blob do not matter
    return hashlib.sha256(table.encode() + b"\0" + canonical(row)).hexdigest()


def _decoder(column: Column[Any]) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, DateTime):
        return lambda v: dt.datetime.fromisoformat(v) if isinstance(v, str) else _bad(v)
    if isinstance(kind, Date):
        return lambda v: dt.date.fromisoformat(v) if isinstance(v, str) and len(v) == 10 else _bad(v)
    if isinstance(kind, Time):
        return lambda v: dt.time.fromisoformat(v) if isinstance(v, str) else _bad(v)
    if isinstance(kind, Boolean):
        return lambda v: v if isinstance(v, bool) else _bad(v)
    if isinstance(kind, Integer):
        return lambda v: v if isinstance(v, int) and not isinstance(v, bool) else _bad(v)
    if isinstance(kind, Float):
        return lambda v: float(v) if isinstance(v, int | float) and not isinstance(v, bool) else _bad(v)
    if isinstance(kind, LargeBinary):
        return _bad
    if isinstance(kind, String):  # Text too
        return lambda v: v if isinstance(v, str) else _bad(v)
    return lambda v: v  # JSON columns


def _bad(value: Any) -> Any:
    raise ValueError(f"unexpected value of type {type(value).__name__}")


_DECODERS: dict[str, dict[str, Callable[[Any], Any]]] = {
    name: {c.name: _decoder(c) for c in table.columns if not (name == "blob" and c.name == "data")}
    for name, table in TABLES.items()
}


def decode(table: str, row: Row) -> dict[str, Any]:
    """Python values for a Core insert/update; raises ValueError on an unknown column or a wrong type."""
    decoders = _DECODERS[table]
    unknown = set(row) - set(decoders)
    if unknown:
        raise ValueError(f"unknown column in {table}")
    out: dict[str, Any] = {}
    for name, value in row.items():
        # NOT NULL is left to SQLite: a violation rolls the whole import back.
        out[name] = None if value is None else decoders[name](value)
    return out


def complete(table: str, row: Row) -> bool:
    """Every column of the table is present (a bundle from an older program may lack new ones)."""
    return set(_DECODERS[table]) <= set(row)
