"""A realistic, deterministic demo school written in bulk (``songjiao demo``): same seed, same records."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.db.models import RECORD_TABLES, School
from app.services.context import ServiceContext, require_role, transaction
from app.services.demo_school import LOGINS, TEACHER_PASSWORD, DemoSchool, DemoTerm, plan_terms, term_days
from app.services.errors import ConflictError, ValidationError
from app.services.users import hash_password

FLUSH_ROWS = 20_000  # bounded memory: rows are written in batches inside the one transaction


@dataclass(frozen=True)
class DemoResult:
    counts: dict[str, int]
    logins: tuple[tuple[str, str, str], ...]  # username, password, role
    terms: tuple[DemoTerm, ...]


class Rows:
    """Buffers of complete row dicts per table, written with executemany in dependency order."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.buffers: dict[str, list[dict[str, Any]]] = {}
        self.templates: dict[str, dict[str, Any]] = {}
        self.tables: dict[str, Table] = {}
        self.mutable: dict[str, list[str]] = {}
        self.counts: dict[str, int] = {}
        self.pending = 0

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def _template(self, table: Table) -> dict[str, Any]:
        template: dict[str, Any] = {}
        for column in table.columns:
            default = column.default
            if default is None:
                template[column.name] = None
            elif getattr(default, "is_callable", False):
                template[column.name] = default.arg(None)  # type: ignore[attr-defined]
            else:
                template[column.name] = getattr(default, "arg", None)
        template["id"] = None  # the template's own callable default made one id: never share it
        return template

    def add(self, model: Any, stamp: dt.datetime, /, author: str | None = None, **values: Any) -> str:
        table: Table = model.__table__
        name = table.name
        template = self.templates.get(name)
        if template is None:
            template = self.templates[name] = self._template(table)
            self.tables[name] = table
            self.mutable[name] = [k for k, v in template.items() if isinstance(v, list | dict)]
        row = template.copy()
        row.update(values)
        for key in self.mutable[name]:
            if key not in values:
                row[key] = type(template[key])()  # no row shares a mutable default with another
        record_id = values.get("id") or self.uid()
        row["id"] = record_id
        row["created_at"] = row["updated_at"] = stamp
        row["author_id"] = author
        row["revision"] = 1
        self.buffers.setdefault(name, []).append(row)
        self.pending += 1
        return str(record_id)

    def flush(self) -> None:
        for model in RECORD_TABLES:
            name = model.__tablename__
            rows = self.buffers.pop(name, None)
            if rows:
                self.session.execute(insert(self.tables[name]), rows)
                self.counts[name] = self.counts.get(name, 0) + len(rows)
        self.pending = 0

    def maybe_flush(self) -> None:
        if self.pending >= FLUSH_ROWS:
            self.flush()


def generate(
    ctx: ServiceContext, *, students: int = 40, terms: int = 2, seed: int = 1, today: dt.date | None = None
) -> DemoResult:
    """Write the demo school into an empty database, in one transaction."""
    require_role(ctx, "admin")
    if not 1 <= students <= 5000:
        raise ValidationError("demo.students", "--students must be between 1 and 5000.", field="students")
    if not 1 <= terms <= 20:
        raise ValidationError("demo.terms", "--terms must be between 1 and 20.", field="terms")
    today = today or ctx.today()
    plan = plan_terms(today, terms)
    hashes = {
        password: hash_password(password) for password in {p for _, p, _, _ in LOGINS} | {TEACHER_PASSWORD}
    }
    with transaction(ctx) as session:
        if session.scalar(select(School.id)) is not None:
            raise ConflictError("demo.not_empty", "This database already holds a school; use an empty file.")
        rows = Rows(session, random.Random(seed))
        school = DemoSchool(rows, today, plan, hashes)
        logins = school.build(students)
        rows.flush()
    return DemoResult(dict(sorted(rows.counts.items())), tuple(logins), tuple(plan))


def content_digest(ctx: ServiceContext, tables: list[str]) -> str:
    """A hash of the given tables' rows (ordered by id): two demo runs with one seed must agree."""
    digest = hashlib.sha256()
    with transaction(ctx) as session:
        for model in RECORD_TABLES:
            if model.__tablename__ not in tables:
                continue
            columns = [c for c in model.__table__.columns if c.name != "password_hash"]
            for row in session.execute(select(*columns).order_by(model.__table__.c.id)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


__all__ = [
    "DemoResult",
    "DemoTerm",
    "LOGINS",
    "TEACHER_PASSWORD",
    "content_digest",
    "generate",
    "plan_terms",
    "term_days",
]
