"""Records as exchange rows: JSON-safe encoding, content hashes, and which table is which."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Integer,
    LargeBinary,
    String,
    Table,
    Time,
    event,
    select,
)
from sqlalchemy.orm import Session

from app.db import server
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


# --- rows as read, with their hashes, reused between reads ------------------------------------------------------
# Every sync computes a teacher's scope (the school's shared rows and the teacher's records) several times: before
# the import (what verification predicts), after it (verification) and for the reply. Encoding a row and hashing it
# is most of that work, and the same rows come back unchanged request after request. RowCache keeps, per database
# and row, the values exactly as read, the encoded row and its hash; a later read reuses them only when it read
# exactly the same values (compared strictly, below), so a cached row is never stale: whatever changed it (this
# program, another office user, a migration, a restore) changes what is read.

# The columns an exchange row is read with: every column but a blob's bytes (carried beside the rows).
COLUMNS: dict[str, list[Column[Any]]] = {
    name: [c for c in table.c if not (name == "blob" and c.name == "data")] for name, table in TABLES.items()
}
# One prepared statement per table (building a select of 30 columns costs more than running it on SQLite).
SELECT: dict[str, Any] = {name: select(*columns) for name, columns in COLUMNS.items()}
# Columns whose Python equality is looser than their encoding: 1 == 1.0 == True and 0.0 == -0.0 inside a JSON or
# float value, yet they encode differently. They are compared by their canonical JSON. Every other column's type
# gives one Python type per value (str, int, bool, date, naive datetime, bytes), where equality is exact.
_LOOSE: dict[str, tuple[int, ...]] = {
    name: tuple(i for i, c in enumerate(columns) if isinstance(c.type, JSON | Float))
    for name, columns in COLUMNS.items()
}


_NAMES = {name: [c.name for c in columns] for name, columns in COLUMNS.items()}
_DATES = {
    name: tuple(i for i, c in enumerate(columns) if isinstance(c.type, Date | DateTime | Time))
    for name, columns in COLUMNS.items()
}
_KEYED: dict[tuple[str, str, str], Any] = {}


def keyed_select(session: Any, table: str, column: str) -> Any:
    """``SELECT[table] WHERE column`` is one of the parameter ``keys`` (a list), built once per dialect: the
    statement a scope is read with dozens of times per sync (server.one_of, the keys a parameter)."""
    dialect = session.get_bind().dialect.name
    found = _KEYED.get((dialect, table, column))
    if found is None:
        where = server.one_of(session, TABLES[table].c[column])
        found = _KEYED[(dialect, table, column)] = SELECT[table].where(where)
    return found


_KEY_INDEX = {
    name: [c.name for c in columns].index("sha256" if name == "blob" else "id")
    for name, columns in COLUMNS.items()
}


def _signature(table: str, values: tuple[Any, ...]) -> tuple[Any, ...]:
    loose = _LOOSE[table]
    if not loose:
        return values
    out = list(values)
    for i in loose:
        out[i] = (type(out[i]), canonical(out[i]))
    return tuple(out)


# How many times a row cache was emptied (a purge), process-wide. A transaction notes the count as it begins:
# one that began before a purge may still read the purged rows from its snapshot, and must not put them back
# into the emptied cache.
_CLEARED = [0]
_CLEARS_SEEN = (
    "songjiao_row_cache_clears_seen"  # the count a session's transaction began with, in session.info
)


@event.listens_for(Session, "after_begin")
def _note_clears(session: Session, _transaction: Any, _connection: Any) -> None:
    # after_begin runs before the transaction's first statement, so before its snapshot is taken.
    session.info[_CLEARS_SEEN] = _CLEARED[0]


class RowCache:
    """Encoded rows and their hashes of one database, by (table, key), each with the values it was made from;
    least recently used first out beyond ``limit`` rows. Thread-safe (the hub serves in a thread pool)."""

    def __init__(self, limit: int = 40_000) -> None:
        self.limit = limit
        self._rows: OrderedDict[tuple[str, str], tuple[tuple[Any, ...], Row, str]] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def row(
        self,
        table: str,
        raw: Sequence[Any],
        project: Callable[[Row], Row] | None = None,
        *,
        clears_seen: int | None = None,
    ) -> tuple[Row, str]:
        """The encoded row (a copy, its JSON lists and objects too: the caller may change it) and its hash, for
        values read with ``SELECT[table]`` (``raw``). ``project`` (the same function for one ``table`` name) maps
        the row first: callers that cache projected rows give them their own table name (``user!``).
        ``clears_seen``: the clear count when the reading transaction began; a row read before a later clear is
        returned but not kept."""
        real = table.rstrip("!")
        values = tuple(raw)
        signature = _signature(real, values)
        slot = (table, str(values[_KEY_INDEX[real]]))
        with self._lock:
            found = self._rows.get(slot)
            if found is not None and found[0] == signature:
                self._rows.move_to_end(slot)
                self.hits += 1
                return _copy(found[1]), found[2]
        row = dict(zip(_NAMES[real], values, strict=True))
        for i in _DATES[real]:  # what encode does, for the only columns it changes
            if values[i] is not None:
                row[_NAMES[real][i]] = values[i].isoformat()
        if project is not None:
            row = project(row)
        digest = row_hash(real, row)
        with self._lock:
            self.misses += 1
            if clears_seen is not None and clears_seen != _CLEARED[0]:
                return row, digest  # read from a snapshot older than the last purge: maybe a purged row
            self._rows[slot] = (signature, row, digest)
            self._rows.move_to_end(slot)
            while len(self._rows) > self.limit:
                self._rows.popitem(last=False)
        return _copy(row), digest

    def clear(self) -> None:
        with self._lock:  # counted under the lock: a row() keeping a row sees either the count or the clear
            _CLEARED[0] += 1
            self._rows.clear()


class SessionRows:
    """The row cache as one session uses it: rows of a transaction that began before the cache's last clear
    are not kept (see :meth:`RowCache.row`)."""

    def __init__(self, cache: RowCache, session: Session) -> None:
        self.cache = cache
        self._session = session

    def row(
        self, table: str, raw: Sequence[Any], project: Callable[[Row], Row] | None = None
    ) -> tuple[Row, str]:
        # Read at each call, not once: a session's next transaction notes the count anew.
        seen = self._session.info.get(_CLEARS_SEEN, _CLEARED[0])
        return self.cache.row(table, raw, project, clears_seen=seen)


def _copy(row: Row) -> Row:
    # Only JSON values are mutable (lists, objects): deep-copying just those keeps a hit cheap.
    return {k: copy.deepcopy(v) if isinstance(v, list | dict) else v for k, v in row.items()}


_CACHES: weakref.WeakKeyDictionary[Any, RowCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(session: Session) -> SessionRows:
    """The row cache of the database this session uses (one per engine: one database, one schema)."""
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    with _CACHES_LOCK:
        cache = _CACHES.get(engine)
        if cache is None:
            cache = _CACHES[engine] = RowCache()
    return SessionRows(cache, session)


def forget_rows(store: Any) -> None:
    """Empty the row caches of ``store``'s database (its write engine's and its read engine's): after a purge they
    would still hold the deleted children's rows, names and ID numbers, in a hub's memory for as long as it runs."""
    for bind in (store.engine, store.read_session_factory.kw.get("bind")):
        with _CACHES_LOCK:
            cache = _CACHES.get(getattr(bind, "engine", bind)) if bind is not None else None
        if cache is not None:
            cache.clear()
