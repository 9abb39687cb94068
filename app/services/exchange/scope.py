"""What a teacher's laptop holds: the teacher's students and their records, plus what the teacher needs
of school settings, calendar, goal bank and users. Nothing of another teacher's students."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import Assignment
from app.services.exchange.rows import (
    MIRRORED_TABLES,
    PARENT,
    SELECT,
    TABLES,
    TEACHER_TABLES,
    Row,
    cache_for,
    key_of,
    keyed_select,
    row_hash,
)

DIRECT = (
    "guardian",
    "consent",
    "assignment",
    "pause",
    "iep",
    "monthly_plan",
    "visit",
    "contact",
    "attachment",
)
EVERYTHING = ("school", "term", "calendar_day", "goal_bank_item", "user")
LOCKED_PASSWORD = "!"  # no password verifies against this: other people's hashes stay at the office
_CHUNK = 500


@dataclass
class Scope:
    """Rows by table and key, as they are (or should be) on the laptop, and their content hashes (made when
    the rows were read; ``hash`` computes one for a row added by hand)."""

    students: set[str]
    rows: dict[str, dict[str, Row]] = field(default_factory=dict)
    hashes: dict[str, dict[str, str]] = field(default_factory=dict)

    def items(self) -> Iterable[tuple[str, str, Row]]:
        for table, rows in self.rows.items():
            for key, row in rows.items():
                yield table, key, row

    def hash(self, table: str, key: str) -> str:
        known = self.hashes.get(table, {}).get(key)
        return known if known is not None else row_hash(table, self.rows[table][key])

    def put(self, table: str, fetched: list[tuple[Row, str]]) -> None:
        self.rows[table] = {key_of(table, r): r for r, _h in fetched}
        self.hashes[table] = {key_of(table, r): h for r, h in fetched}

    def all_hashes(self) -> dict[tuple[str, str], str]:
        return {(t, k): self.hash(t, k) for t, k, _r in self.items()}


def _lock_password(row: Row) -> Row:
    return {**row, "password_hash": LOCKED_PASSWORD}


def _fetch(
    session: Session,
    table: str,
    column: str | None = None,
    values: Iterable[Any] | None = None,
    extra: Any = None,
) -> list[tuple[Row, str]]:
    """Rows of ``table`` (all, or those whose ``column`` is one of ``values``, plus those matching ``extra``)
    with their hashes, through the database's row cache (rows.RowCache: never stale)."""
    base = SELECT[table]
    cache = cache_for(session)
    if column is None:
        return [cache.row(table, r) for r in session.execute(base)]
    out: list[tuple[Row, str]] = []
    items = sorted(set(values or ()))
    query = keyed_select(session, table, column)
    for i in range(0, len(items), _CHUNK):
        out += [cache.row(table, r) for r in session.execute(query, {"keys": items[i : i + _CHUNK]})]
    if extra is not None:
        seen = {r["id"] for r, _h in out}
        out += [
            f
            for f in (cache.row(table, x) for x in session.execute(base.where(extra)))
            if f[0]["id"] not in seen
        ]
    return out


def _fetch_users(session: Session, teacher_id: str) -> list[tuple[Row, str]]:
    """Every user as a teacher's laptop gets them: other people's password hashes locked (the teacher's own stays as it is)."""
    cache = cache_for(session)
    out = []
    for r in session.execute(SELECT["user"]):
        plain = cache.row("user", r)
        out.append(plain if plain[0]["id"] == teacher_id else cache.row("user!", r, _lock_password))
    return out


def assigned_students(session: Session, teacher_id: str, today: dt.date) -> set[str]:
    """Students with a live assignment of this teacher (an ended one takes them off the laptop)."""
    return set(
        session.scalars(
            select(Assignment.student_id).where(
                Assignment.teacher_id == teacher_id,
                Assignment.deleted_at.is_(None),
                or_(Assignment.end_date.is_(None), Assignment.end_date >= today),
            )
        )
    )


def ever_assigned(session: Session, teacher_id: str) -> set[str]:
    """Students whose records this teacher may have written (a laptop may send work done before a change)."""
    return set(session.scalars(select(Assignment.student_id).where(Assignment.teacher_id == teacher_id)))


def office_scope(session: Session, teacher_id: str, today: dt.date, *, project: bool = True) -> Scope:
    """The rows a teacher's laptop should hold, computed on the office copy (``project``: as sent)."""
    students = assigned_students(session, teacher_id, today)
    return rows_for_students(session, students, teacher_id, project=project)


def rows_for_students(
    session: Session,
    students: set[str],
    teacher_id: str | None,
    tables: Iterable[str] | None = None,
    *,
    project: bool = True,
) -> Scope:
    wanted = set(tables) if tables is not None else None
    scope = Scope(set(students))

    put = scope.put
    for table in EVERYTHING:
        if wanted is None or table in wanted:
            if table == "user" and teacher_id is not None and project:
                put(table, _fetch_users(session, teacher_id))
            else:
                put(table, _fetch(session, table))
    put("student", _fetch(session, "student", "id", students))
    for table in DIRECT:
        put(table, _fetch(session, table, "student_id", students))
    lesson_t = TABLES["lesson_plan"]
    templates = (
        (lesson_t.c.student_id.is_(None) & (lesson_t.c.teacher_id == teacher_id)) if teacher_id else None
    )
    put("lesson_plan", _fetch(session, "lesson_plan", "student_id", students, templates))
    for table in (
        "iep_score",
        "goal",
        "objective",
        "objective_review",
        "planned_visit",
        "plan_revision",
        "visit_lesson",
        "objective_progress",
        "visit_amendment",
    ):
        column, parent = PARENT[table]
        put(table, _fetch(session, table, column, scope.rows[parent].keys()))
    put(
        "blob",
        _fetch(session, "blob", "sha256", {r["blob_sha256"] for r in scope.rows["attachment"].values()}),
    )
    if wanted is not None:
        scope.rows = {t: r for t, r in scope.rows.items() if t in wanted}
        scope.hashes = {t: h for t, h in scope.hashes.items() if t in wanted}
    return scope


def laptop_scope(session: Session) -> Scope:
    """Everything a laptop may send: all rows of the tables teachers write."""
    scope = Scope(set())
    for table in TEACHER_TABLES:
        scope.put(table, _fetch(session, table))
    scope.students = set(scope.rows["student"])
    return scope


def mirrored(session: Session) -> Scope:
    """The office-owned rows a laptop must hold exactly as the office sent them."""
    scope = Scope(set())
    for table in MIRRORED_TABLES:
        scope.put(table, _fetch(session, table))
    return scope


def student_of(table: str, row: Row, lookup: Callable[[str, str], Row | None]) -> str | None:
    """The student a row belongs to, following parent rows (from the bundle or the database)."""
    if table == "student":
        return str(row["id"])
    if "student_id" in row:
        return row["student_id"]
    if table in PARENT:
        column, parent = PARENT[table]
        parent_row = lookup(parent, str(row.get(column)))
        return None if parent_row is None else student_of(parent, parent_row, lookup)
    return None
