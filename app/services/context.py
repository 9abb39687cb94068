"""The store (engine + paths), the acting user, and the one-transaction-per-use-case helper."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar

from sqlalchemy import Engine, event, exc, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.db import server
from app.db.base import Record, utcnow
from app.db.engine import READ_SNAPSHOT, make_engine, make_session_factory
from app.db.models import AuditEntry, User
from app.paths import AppPaths
from app.services import evidence
from app.services.errors import ConflictError, NotFound, PermissionDenied, ServiceError

T = TypeVar("T")
P = ParamSpec("P")

ROLES = ("teacher", "academic_affairs", "leader", "admin")
SYSTEM_ACTOR_ID = "00000000-0000-0000-0000-000000000000"


@dataclass(frozen=True)
class Actor:
    """Who is doing something. The system actor (CLI maintenance, demo) may do everything."""

    id: str
    role: str
    display_name: str = ""

    @property
    def is_teacher(self) -> bool:
        return self.role == "teacher"

    @property
    def reads_all(self) -> bool:
        return self.role in ("academic_affairs", "leader", "admin", "system")


SYSTEM = Actor(SYSTEM_ACTOR_ID, "system", "system")


EVERYTHING = "*"  # the table name of Changes.everything(): a restore, another user: every page reloads


@dataclass(frozen=True)
class Changes:
    """What one write changed, as (table name, record id) pairs; built by :func:`transaction` (DESIGN.md pattern
    2). Open pages compare :attr:`tables` with the tables they show and refresh only when they meet."""

    records: frozenset[tuple[str, str]] = frozenset()

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(table for table, _id in self.records)

    def ids(self, table: str) -> frozenset[str]:
        return frozenset(record_id for name, record_id in self.records if name == table)

    def touches(self, tables: Iterable[str]) -> bool:
        """True when this change is about one of ``tables`` (always for :meth:`everything`)."""
        changed = self.tables
        return EVERYTHING in changed or not changed.isdisjoint(tables)

    def merge(self, other: Changes) -> Changes:
        return Changes(self.records | other.records)

    @classmethod
    def everything(cls) -> Changes:
        return cls(frozenset({(EVERYTHING, EVERYTHING)}))

    def __bool__(self) -> bool:
        return bool(self.records)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a write returned and what it changed (like the ``OpChanges`` an Anki ``CollectionOp`` returns): made by :func:`recorded`."""

    result: T
    changes: Changes


# The changes committed by the transactions of the call :func:`recorded` is running, in this thread. A context
# variable, not a field of ServiceContext: a service may open several transactions, or pass on
# ``ctx.as_actor(...)``, and every commit still counts; a call outside recorded() records nothing.
_committed: ContextVar[list[Changes] | None] = ContextVar("songjiao_committed_changes", default=None)


def recorded(fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Outcome[T]:
    """Call ``fn`` (a write service) and return its result with what every transaction it committed changed.

    Services keep returning their own result; whoever needs the changes (the UI session, to tell open pages)
    calls the write through this. A call that raises changed nothing it could report: its error propagates.
    """
    outer = _committed.get()
    mine: list[Changes] = []
    token = _committed.set(mine)
    try:
        result = fn(*args, **kwargs)
    finally:
        _committed.reset(token)
    changes = Changes(frozenset().union(*(c.records for c in mine)))
    if outer is not None:  # a recorded call inside another: the outer one changed this too
        outer.append(changes)
    return Outcome(result, changes)


class Store:
    """One database (a SQLite file, or a database on a PostgreSQL server) and its folders; ``key`` is the raw
    database key of an encrypted (SQLCipher) file, None for a plaintext one or a server. It stays in memory only,
    for the connections, backups and key slots."""

    def __init__(self, paths: AppPaths, engine: Engine | None = None, key: bytes | None = None) -> None:
        self.paths = paths
        self.key = key
        # Set once, when this opening encrypted a plaintext database in place (app/services/encrypt.py): what
        # to tell the user, and the school's new recovery key to show them once.
        self.notice: str | None = None
        self.recovery_key: str | None = None
        if engine is None:
            engine = (
                server.make_server_engine(paths.db_url)
                if paths.db_url
                else make_engine(paths.db_path, key=key)
            )
        self.engine = engine
        self.session_factory: sessionmaker[Session] = make_session_factory(self.engine)
        # Reads use a plain BEGIN (a WAL snapshot) so they never hold the write lock against a save; on a server
        # one REPEATABLE READ snapshot (app/db/server.py).
        reads = (
            server.read_engine(self.engine)
            if server.on_server(self.engine)
            else self.engine.execution_options(**{READ_SNAPSHOT: True})
        )
        self.read_session_factory: sessionmaker[Session] = make_session_factory(reads)

    def dispose(self) -> None:
        self.engine.dispose()


# The PostgreSQL setting the row-level security policies read (app/services/exchange/rls.py).
SCOPE_SETTING = "songjiao.teacher_id"


@dataclass
class ServiceContext:
    store: Store
    actor: Actor = SYSTEM
    today_override: dt.date | None = None
    # The hub serving one teacher's laptop: on PostgreSQL each transaction sets it (SET LOCAL), so the
    # row-level security policies show only that teacher's students, whatever a query forgets.
    scope_teacher: str | None = None

    def today(self) -> dt.date:
        return self.today_override or dt.date.today()

    def as_actor(self, actor: Actor) -> ServiceContext:
        return ServiceContext(self.store, actor, self.today_override, scope_teacher=self.scope_teacher)

    def scoped(self, teacher_id: str | None) -> ServiceContext:
        return ServiceContext(self.store, self.actor, self.today_override, scope_teacher=teacher_id or "")


def _set_scope(ctx: ServiceContext, session: Session) -> None:
    if ctx.scope_teacher is not None and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT set_config(:name, :value, true)"),
            {"name": SCOPE_SETTING, "value": ctx.scope_teacher},
        )


@contextmanager
def transaction(ctx: ServiceContext) -> Iterator[Session]:
    """One use case = one transaction. Anything raised rolls everything back."""
    session = ctx.store.session_factory()
    session.info["actor_id"] = None if ctx.actor.role == "system" else ctx.actor.id
    session.info["changes"] = set()  # (table, id) pairs, filled by the flush hook below
    try:
        _set_scope(ctx, session)
        yield session
        session.commit()
    except StaleDataError as error:
        session.rollback()
        raise ConflictError(
            "record.changed", "Someone else saved this record first; reload and try again."
        ) from error
    except exc.IntegrityError as error:
        session.rollback()
        raise ConflictError("record.integrity", _integrity_message(error)) from error
    except exc.DBAPIError as error:
        session.rollback()
        if server.is_conflict(error):  # PostgreSQL: another user's transaction on the same records won
            raise ConflictError(
                "record.concurrent",
                "Someone else saved related records at the same moment; nothing of yours was saved. "
                "Reload and try again.",
            ) from None  # the server's text can name key values; the message says all that matters
        raise
    except BaseException:
        session.rollback()
        raise
    else:
        recording = _committed.get()
        if recording is not None:  # what the write changed, for recorded(); a rollback changed nothing
            recording.append(Changes(frozenset(session.info["changes"])))
    finally:
        session.close()


@contextmanager
def reading(ctx: ServiceContext) -> Iterator[Session]:
    """A read-only unit of work (no commit)."""
    session = ctx.store.read_session_factory()
    try:
        _set_scope(ctx, session)
        yield session
    finally:
        session.rollback()
        session.close()


def _integrity_message(error: exc.IntegrityError) -> str:
    text = str(error.orig)
    diag = getattr(error.orig, "diag", None)  # PostgreSQL names the constraint; its text also names values
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate == "23505":  # unique_violation: uq_<table>_<column> (app/db/base.py NAMING) or a key's name
        constraint = str(getattr(diag, "constraint_name", "") or "")
        table = str(getattr(diag, "table_name", "") or "")
        column = constraint.removeprefix(f"uq_{table}_") if constraint.startswith("uq_") else "key"
        return f"A record with this {column} already exists."
    if sqlstate == "23503":
        return "A referenced record does not exist."
    if "UNIQUE" in text:
        column = text.rsplit(".", 1)[-1]
        return f"A record with this {column} already exists."
    if "FOREIGN KEY" in text:
        return "A referenced record does not exist."
    return "The change breaks a database rule."


@event.listens_for(Session, "before_flush")
def _stamp_and_audit(session: Session, _context: Any, _instances: Any) -> None:
    """Author, timestamp and an audit entry for every written record (names of fields only)."""
    actor_id = session.info.get("actor_id")
    changes: set[tuple[str, str]] | None = session.info.get("changes")
    entries = []
    for obj, action in (
        *((o, "insert") for o in session.new),
        *((o, "update") for o in session.dirty),
        *((o, "delete") for o in session.deleted),
    ):
        if not isinstance(obj, Record):
            continue
        if action == "update" and not session.is_modified(obj):
            continue
        if action != "delete":
            obj.author_id = actor_id or obj.author_id
            obj.updated_at = utcnow()
        table = obj.__tablename__
        if changes is not None:
            changes.add((table, obj.id))
        fields: list[str] = []
        if action == "update":
            state = inspect(obj)
            fields = sorted(
                a.key
                for a in state.attrs
                if a.history.has_changes() and a.key not in ("updated_at", "revision", "author_id")
            )
            if obj.deleted_at is not None and "deleted_at" in fields:
                action = "delete"
        entries.append(
            AuditEntry(
                at=utcnow(), user_id=actor_id, entity=table, entity_id=obj.id, action=action, fields=fields
            )
        )
    # Entries added directly (reveals) are inserted first, in the order they were added: link them in that order.
    direct = sorted(
        (o for o in session.new if isinstance(o, AuditEntry)), key=lambda o: inspect(o).insert_order or 0
    )
    session.add_all(entries)
    evidence.chain(session, [*direct, *entries])


def get_live(session: Session, model: type[Any], record_id: str, what: str = "record") -> Any:
    """Fetch a record that exists and is not soft-deleted, or raise NotFound."""
    obj = session.get(model, record_id)
    if obj is None or getattr(obj, "deleted_at", None) is not None:
        raise NotFound(f"{what}.not_found", f"The {what} does not exist or was deleted.")
    return obj


def live(items: Iterable[T]) -> list[T]:
    """The rows of a loaded relationship that are not soft-deleted."""
    return [item for item in items if getattr(item, "deleted_at", None) is None]


def require_role(ctx: ServiceContext, *roles: str) -> None:
    if ctx.actor.role == "system":
        return
    if ctx.actor.role not in roles:
        raise PermissionDenied("role.denied", "Your role does not allow this.", roles=roles)


def load_actor(session: Session, user_id: str) -> Actor:
    user = session.scalar(select(User).where(User.id == user_id, User.deleted_at.is_(None)))
    if user is None or not user.active:
        raise NotFound("user.not_found", "The user does not exist or is disabled.")
    return Actor(user.id, user.role, user.display_name)


__all__ = [
    "Actor",
    "Changes",
    "EVERYTHING",
    "Outcome",
    "ROLES",
    "SYSTEM",
    "ServiceContext",
    "ServiceError",
    "Store",
    "get_live",
    "live",
    "load_actor",
    "reading",
    "recorded",
    "require_role",
    "transaction",
]
