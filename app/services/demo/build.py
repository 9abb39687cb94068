"""Writing the demo school into an empty database in one transaction, and a digest to compare two runs."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select

from app.db.models import RECORD_TABLES, School
from app.services import keyring
from app.services.context import ServiceContext, require_role, transaction
from app.services.demo.records import TermRecords
from app.services.demo.rows import Rows
from app.services.demo.school import LOGINS, TEACHER_PASSWORD, DemoSchool, DemoTerm, plan_terms
from app.services.errors import ConflictError, ValidationError
from app.services.progress import TaskState
from app.services.users import hash_password


@dataclass(frozen=True)
class DemoResult:
    counts: dict[str, int]
    logins: tuple[tuple[str, str, str], ...]  # username, password, role
    terms: tuple[DemoTerm, ...]


def check_size(students: int, terms: int) -> None:
    """Refuse a demo size out of range (the CLI asks before it opens, so creates, the database)."""
    if not 1 <= students <= 5000:
        raise ValidationError("demo.students", "--students must be between 1 and 5000.", field="students")
    if not 1 <= terms <= 20:
        raise ValidationError("demo.terms", "--terms must be between 1 and 20.", field="terms")


def generate(
    ctx: ServiceContext,
    *,
    students: int = 40,
    terms: int = 2,
    seed: int = 1,
    today: dt.date | None = None,
    progress: TaskState | None = None,
) -> DemoResult:
    """Write the demo school into an empty database, in one transaction.

    ``progress`` hears (student terms written, student terms, term name); a cancel raises :class:`Cancelled`
    inside the transaction, which rolls back: the database stays empty.
    """
    require_role(ctx, "admin")
    check_size(students, terms)
    today = today or ctx.today()
    passwords = sorted({p for _, p, _, _ in LOGINS} | {TEACHER_PASSWORD})
    with ThreadPoolExecutor(max_workers=1) as background:
        # An encrypted school's logins each need a key slot: one Argon2id derivation per distinct password
        # (~0.3 s of CPU and 128 MiB each, by design: it is what guards the key). They depend on nothing the
        # rows write, so they run on another core while the rows are written instead of after them (4 of
        # them were the whole of the encrypted demo's extra time, benchmarks/bench_core.py --compare).
        slots = background.submit(keyring.derive_new_many, passwords) if ctx.store.key is not None else None
        return _generate(ctx, students, terms, seed, today, progress, passwords, slots)


def _generate(
    ctx: ServiceContext,
    students: int,
    terms: int,
    seed: int,
    today: dt.date,
    progress: TaskState | None,
    passwords: list[str],
    slots: Future[dict[str, tuple[bytes, bytes]]] | None,
) -> DemoResult:
    plan = plan_terms(today, terms)
    hashes = {password: hash_password(password) for password in passwords}
    with transaction(ctx) as session:
        if session.scalar(select(School.id)) is not None:
            raise ConflictError("demo.not_empty", "This database already holds a school; use an empty file.")
        rows = Rows(session, random.Random(seed))
        school = DemoSchool(rows, today, plan, hashes)
        logins = school.build(students)
        records = TermRecords(school)
        kids = school.students(students)
        # Term by term, as a school would enter them: a term's records sit together in the file, so
        # reading one term touches few pages (as in a real database that grew over the years).
        total = len(school.terms) * len(kids)
        for number, term in enumerate(school.terms):
            for index, kid in enumerate(kids, start=1):
                records.student_term(kid, term)
                rows.maybe_flush()
                if progress is not None:
                    progress.update(number * len(kids) + index, total, term.demo.name)
                    progress.check()
        rows.flush()
        if slots is not None and ctx.store.key is not None:  # an encrypted school: every login gets its slot
            keyring.set_users(
                ctx.store.paths.db_path,
                ctx.store.key,
                [(u, p) for u, p, _role in logins],
                derived=slots.result(),
            )
    return DemoResult(dict(sorted(rows.counts.items())), tuple(logins), tuple(plan))


RANDOM_COLUMNS = frozenset({"password_hash", "signature", "signed_by"})


def content_digest(ctx: ServiceContext, tables: list[str]) -> str:
    """A hash of the given tables' rows (ordered by id): two demo runs with one seed must agree."""
    digest = hashlib.sha256()
    with transaction(ctx) as session:
        for model in RECORD_TABLES:
            if model.__tablename__ not in tables:
                continue
            # Salted hashes and signatures by the school's fresh key differ on every run by design.
            columns = [c for c in model.__table__.columns if c.name not in RANDOM_COLUMNS]
            for row in session.execute(select(*columns).order_by(model.__table__.c.id)):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()
