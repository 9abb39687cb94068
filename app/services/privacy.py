"""PIPL duties: guardians' consents, retention per kind of record, purging children whose retention ended
(with a deletion certificate and rotated backups), and one child's whole record for an access request.

The rules (purposes, kinds, when a kind is due) are in app/domain/privacy.py. Which rows belong to a child
is the exchange's own map (app.services.exchange.scope.rows_for_students): one definition of "this child's
records" for sending, purging and exporting.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from app.db import server
from app.db.base import Base, new_id, utcnow
from app.db.engine import BUSY_TIMEOUT_MS, key_file
from app.db.models import (
    Attachment,
    AuditEntry,
    Blob,
    Consent,
    Contact,
    Draft,
    ExchangeConflict,
    ExchangeState,
    Iep,
    LessonPlan,
    MonthlyPlan,
    School,
    Setting,
    Student,
    Visit,
)
from app.domain import privacy as rules
from app.paths import AppPaths
from app.services import backup, forms
from app.services.access import student_for_read, student_for_write
from app.services.context import ServiceContext, get_live, reading, require_role, transaction
from app.services.errors import ValidationError
from app.services.students import RELATIONS

log = logging.getLogger(__name__)

RETENTION_KEY = "privacy.retention"
MANAGERS = ("academic_affairs", "admin")

# --- consent ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentInfo:
    id: str
    revision: int
    given_by: str  # the guardian's role
    purpose: str
    given_on: dt.date
    withdrawn_on: dt.date | None
    note: str

    @property
    def in_force(self) -> bool:
        return self.withdrawn_on is None


def _info(c: Consent) -> ConsentInfo:
    return ConsentInfo(c.id, c.revision, c.given_by, c.purpose, c.given_on, c.withdrawn_on, c.note)


def list_consents(ctx: ServiceContext, student_id: str) -> list[ConsentInfo]:
    with reading(ctx) as session:
        student_for_read(session, ctx, student_id)
        rows = session.scalars(
            select(Consent)
            .where(Consent.student_id == student_id, Consent.deleted_at.is_(None))
            .order_by(Consent.given_on, Consent.created_at)
        )
        return [_info(c) for c in rows]


def add_consent(ctx: ServiceContext, student_id: str, data: dict[str, Any]) -> ConsentInfo:
    """Record a consent: who (the guardian's role), for what purpose, on which day. The office records consents
    (an office table in exchange: a laptop receives them and never sends them)."""
    require_role(ctx, *MANAGERS)
    given_by = forms.choice(data.get("given_by"), "given_by", RELATIONS)
    purpose = forms.choice(data.get("purpose"), "purpose", rules.PURPOSES)
    given_on = forms.parse_date(data.get("given_on"), "given_on", required=True)
    note = forms.text(data, "note", max_len=500)
    assert given_by is not None and purpose is not None and given_on is not None
    if given_on > ctx.today():
        raise ValidationError("consent.future", "A consent cannot be dated in the future.", field="given_on")
    with transaction(ctx) as session:
        student_for_write(session, ctx, student_id)
        consent = Consent(
            student_id=student_id, given_by=given_by, purpose=purpose, given_on=given_on, note=note
        )
        session.add(consent)
        session.flush()
        return _info(consent)


def withdraw_consent(ctx: ServiceContext, consent_id: str, on: str | dt.date | None = None) -> ConsentInfo:
    """The guardian withdrew this consent (PIPL art. 15): kept on record, dated."""
    require_role(ctx, *MANAGERS)
    day = forms.parse_date(on, "withdrawn_on") or ctx.today()
    with transaction(ctx) as session:
        consent: Consent = get_live(session, Consent, consent_id, "consent")
        student_for_write(session, ctx, consent.student_id)
        if consent.withdrawn_on is not None:
            raise ValidationError(
                "consent.withdrawn", "This consent was already withdrawn.", field="withdrawn_on"
            )
        if day < consent.given_on or day > ctx.today():
            raise ValidationError(
                "consent.withdrawn_date",
                "The withdrawal date must lie between the consent's date and today.",
                field="withdrawn_on",
            )
        consent.withdrawn_on = day
        session.flush()
        return _info(consent)


# --- retention ---------------------------------------------------------------------------------------------


def retention(ctx: ServiceContext) -> dict[str, int]:
    """Years after leaving the programme that each kind of record is kept (the school's archive rule)."""
    with reading(ctx) as session:
        return _retention(session)


def _retention(session: Session) -> dict[str, int]:
    stored = session.scalar(select(Setting.value).where(Setting.key == RETENTION_KEY))
    checked = rules.check_years(stored if isinstance(stored, dict) else {})
    return checked if isinstance(checked, dict) else dict(rules.DEFAULT_YEARS)


def set_retention(ctx: ServiceContext, years: dict[str, Any]) -> dict[str, int]:
    require_role(ctx, *MANAGERS)
    checked = rules.check_years(years)
    if isinstance(checked, str):
        raise ValidationError(
            "retention.years",
            f"Retention for {checked} must be a whole number of years from 1 to {rules.MAX_YEARS}.",
            field=checked,
            kind=checked,
            max_years=rules.MAX_YEARS,
        )
    with transaction(ctx) as session:
        row = session.scalar(select(Setting).where(Setting.key == RETENTION_KEY))
        if row is None:
            session.add(Setting(key=RETENTION_KEY, value=checked))
        else:
            row.value = checked
    return checked


# --- purge -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    student_id: str
    code: str  # the school's own code: what the office recognises in the list (no name)
    left_on: dt.date
    kinds: tuple[str, ...]


def due(ctx: ServiceContext) -> list[Due]:
    """Children whose retention has ended for at least one kind of record, by leaving date."""
    require_role(ctx, *MANAGERS)
    with reading(ctx) as session:
        return _due(session, ctx.today())


def _due(session: Session, today: dt.date) -> list[Due]:
    years = _retention(session)
    out = []
    rows = session.execute(
        select(Student.id, Student.code, Student.status, Student.status_since).where(
            Student.status.in_(rules.LEFT)
        )
    )
    for student_id, code, status, left_on in rows:
        kinds = rules.due_kinds(status, left_on, years, today)
        if kinds and left_on is not None and _has_records(session, student_id, kinds):
            out.append(Due(student_id, code, left_on, kinds))
    return sorted(out, key=lambda d: (d.left_on, d.code))


# The rows of one kind: the top records (their details go with them by ON DELETE CASCADE).
_KIND_TOPS: dict[str, tuple[Any, ...]] = {
    "photos": (Attachment,),
    "contacts": (Contact,),
    "records": (Visit, MonthlyPlan, LessonPlan, Iep),
    "student": (Student,),
}
# Tables whose rows a kind removes (for the certificate's counts), cascaded details included.
KIND_TABLES: dict[str, tuple[str, ...]] = {
    "photos": ("attachment", "blob"),
    "contacts": ("contact",),
    "records": (
        "visit",
        "visit_lesson",
        "objective_progress",
        "visit_amendment",
        "monthly_plan",
        "planned_visit",
        "plan_revision",
        "lesson_plan",
        "iep",
        "iep_score",
        "goal",
        "objective",
        "objective_review",
    ),
    "student": ("student", "guardian", "consent", "assignment", "pause"),
}


def _has_records(session: Session, student_id: str, kinds: tuple[str, ...]) -> bool:
    for kind in kinds:
        for model in _KIND_TOPS[kind]:
            column = model.id if model is Student else model.student_id
            if session.scalar(select(model.id).where(column == student_id).limit(1)) is not None:
                return True
    return False


@dataclass(frozen=True)
class Certificate:
    """What one purge removed of one child: the internal id only, never a name."""

    id: str
    student_id: str
    kinds: tuple[str, ...]
    counts: dict[str, int]  # table -> rows removed
    at: dt.datetime
    by: str  # who ran it (the user's display name, or "system")
    school_name: str


@dataclass
class PurgeResult:
    dry_run: bool
    due: list[Due]
    certificates: list[Certificate] = field(default_factory=list)
    backup_made: Path | None = None
    backups_removed: list[Path] = field(default_factory=list)


def _student_rows(session: Session, student_id: str) -> dict[str, dict[str, Any]]:
    from app.services.exchange.scope import rows_for_students

    scope = rows_for_students(
        session, {student_id}, None, tables=[t for k in rules.KINDS for t in KIND_TABLES[k]]
    )
    return scope.rows


# The order rows go in: a visit points at its signature's attachment (visit.signature_id), so the visits go
# before the photos and attachments, and the child last. Deleting in rules.KINDS order failed with a foreign-key
# error on every child with a signed visit record.
DELETE_ORDER = ("records", "photos", "contacts", "student")


def _kept_signatures(session: Session, student_id: str) -> set[str]:
    """The attachments kept visits sign with: when photos are due before the records, a visit's signature stays
    with the visit (it is part of that record, kept as long as the record is)."""
    ids = session.scalars(
        select(Visit.signature_id).where(Visit.student_id == student_id, Visit.signature_id.is_not(None))
    )
    return {i for i in ids if i is not None}


def _purge_one(session: Session, item: Due, actor_id: str | None, by: str, school_name: str) -> Certificate:
    rows = _student_rows(session, item.student_id)
    kinds = rules.KINDS if "student" in item.kinds else item.kinds
    kept = _kept_signatures(session, item.student_id) if "records" not in kinds else set()
    if kept:
        rows["attachment"] = {k: r for k, r in rows.get("attachment", {}).items() if k not in kept}
    counts: dict[str, int] = {}
    removed: list[tuple[str, str]] = []
    for kind in kinds:
        for table in KIND_TABLES[kind]:
            if table == "blob":
                continue  # counted below: only bytes no other record uses
            keys = list(rows.get(table, {}))
            if keys:
                counts[table] = len(keys)
                removed += [(table, k) for k in keys]
    shas = {r["blob_sha256"] for r in rows.get("attachment", {}).values()} if "photos" in kinds else set()
    for kind in (k for k in DELETE_ORDER if k in kinds):
        for model in _KIND_TOPS[kind]:
            column = model.id if model is Student else model.student_id
            query = delete(model).where(column == item.student_id)
            if model is Attachment and kept:
                query = query.where(Attachment.id.not_in(kept))
            session.execute(query)
    if shas:
        still_used = set(
            session.scalars(select(Attachment.blob_sha256).where(Attachment.blob_sha256.in_(shas)))
        )
        gone = sorted(shas - still_used)
        if gone:
            session.execute(delete(Blob).where(Blob.sha256.in_(gone)))
            counts["blob"] = len(gone)
            removed += [("blob", sha) for sha in gone]
    _forget_exchange(session, item.student_id, removed, whole="student" in kinds)
    _forget_drafts(session, item.student_id, removed, kinds)
    certificate = Certificate(new_id(), item.student_id, kinds, counts, utcnow(), by, school_name)
    # One audit entry, ids and kinds only: the chain records that a purge happened and of whom.
    session.add(
        AuditEntry(
            user_id=actor_id,
            entity="student",
            entity_id=item.student_id,
            action="purge",
            fields=list(kinds),
        )
    )
    return certificate


def _forget_exchange(
    session: Session, student_id: str, removed: list[tuple[str, str]], *, whole: bool
) -> None:
    state = Base.metadata.tables["exchange_state"]
    by_table: dict[str, list[str]] = {}
    for table, key in removed:
        by_table.setdefault(table, []).append(key)
    for table, keys in by_table.items():
        session.execute(
            delete(ExchangeState).where(state.c.table_name == table, state.c.record_key.in_(keys))
        )
    if whole:
        session.execute(delete(ExchangeConflict).where(ExchangeConflict.student_id == student_id))


# Drafts keyed by the child, not by a record, that may edit a record of a kind: a month's plan
# ("plan:<child>:<month>") is the plan of that month, made or not. A contact not saved yet ("contact:new:<child>")
# is new text about a child still on the roll: it goes with the whole child only.
_CHILD_DRAFTS = {"plan": "records"}


def _forget_drafts(session: Session, student_id: str, removed: list[tuple[str, str]], kinds: Any) -> None:
    """Unsaved editor text about the child: drafts keyed by a record the purge deletes ("visit:<id>", "iep:<id>",
    "lesson:<id>"), and drafts keyed by the child when their kind of record is due (:data:`_CHILD_DRAFTS`) or
    the whole child is."""
    records = {key for _table, key in removed}
    due = set(kinds)
    drafts = []
    for draft_id, key in session.execute(select(Draft.id, Draft.key)):
        parts = key.split(":")
        by_child = student_id in parts and ("student" in due or _CHILD_DRAFTS.get(parts[0]) in due)
        if by_child or records & set(parts):
            drafts.append(draft_id)
    if drafts:
        session.execute(delete(Draft).where(Draft.id.in_(drafts)))


def purge(ctx: ServiceContext, paths: AppPaths | None = None, *, dry_run: bool = False) -> PurgeResult:
    """Delete what is due, in one transaction; then make a new backup and remove every older one (they hold
    the deleted records). ``dry_run`` only lists what is due."""
    require_role(ctx, *MANAGERS)
    last_purge = None
    with transaction(ctx) as session:
        items = _due(session, ctx.today())
        result = PurgeResult(dry_run, items)
        if dry_run:
            return result
        if items:
            result.certificates = _delete_due(ctx, session, items)
        else:
            last_purge = session.scalar(
                select(func.max(AuditEntry.at)).where(
                    AuditEntry.entity == "student", AuditEntry.action == "purge"
                )
            )
    if not items:
        # Nothing due, but a purge killed after its commit, before its backups were rotated, left backups that
        # still hold what it deleted: they are rotated now (nothing else would ever bring them back).
        if last_purge is not None:
            _rotate_backups(ctx, paths, last_purge, result, only_if_older=True)
        return result
    from app.services.exchange.rows import forget_rows

    forget_rows(ctx.store)  # committed: the exchange's cached copies of the deleted rows go too
    if not ctx.store.paths.on_server:
        _fold_wal(ctx)
    _rotate_backups(ctx, paths, min(c.at for c in result.certificates), result)
    return result


def _delete_due(ctx: ServiceContext, session: Session, items: list[Due]) -> list[Certificate]:
    by = ctx.actor.display_name or ctx.actor.role
    school_name = session.scalar(select(School.name)) or ""
    actor_id = None if ctx.actor.role == "system" else ctx.actor.id
    # In a SQLite file a deleted row stays readable in the page's free space (to anyone holding a password) and
    # a backup copies it page by page: with secure_delete SQLite overwrites what it deletes with zeros.
    # SQLCipher turns it on for a keyed connection; a build or a plaintext file may not.
    was = None if server.on_server(session) else session.execute(text("PRAGMA secure_delete")).scalar()
    if was is not None:
        session.execute(text("PRAGMA secure_delete = ON"))
    certificates = [_purge_one(session, item, actor_id, by, school_name) for item in items]
    if was is not None:  # the pooled connection as it was (after a failure it stays on: nothing worse)
        session.execute(text(f"PRAGMA secure_delete = {int(was)}"))
    return certificates


def _rotate_backups(
    ctx: ServiceContext,
    paths: AppPaths | None,
    started: dt.datetime,
    result: PurgeResult,
    *,
    only_if_older: bool = False,
) -> None:
    """A new backup, then every backup made before ``started`` (they hold the deleted records) removed. A
    server's backups are pg_dump's, the school's IT's to rotate."""
    if paths is None or paths.on_server or not paths.db_path.exists():
        return
    older = [b for b in backup.list_backups(paths) if b.created <= started or b.created < _local(started)]
    if only_if_older and not older:
        return
    result.backup_made = backup.make_backup(
        paths, "purge", keep=max(len(older) + 1, backup.DEFAULT_KEEP), key=ctx.store.key
    ).path
    for info in older:
        if info.path != result.backup_made and info.path.exists():
            info.path.unlink()
            key_file(info.path).unlink(missing_ok=True)  # an encrypted backup's key slots
            result.backups_removed.append(info.path)


FOLD_PATIENCE_S = 2.0  # how long the purge keeps trying to fold the log while a reader holds it


def _fold_wal(ctx: ServiceContext) -> None:
    """The write-ahead log still holds the pages as they were before the purge (the deleted rows among them)
    until it is folded back into the file: done now, and the log emptied. Best effort: a reader holding an older
    snapshot for longer (the hub serving a laptop) keeps its frames until the app's next checkpoint."""
    raw = ctx.store.engine.raw_connection()  # outside a transaction: SQLite checkpoints only between them
    try:
        cursor = raw.cursor()
        # A TRUNCATE checkpoint that waits in SQLite's busy handler blocks every new writer meanwhile: with the
        # pool's timeout one open read would hold every save that long. Tried without waiting, again and again,
        # it waits for the reader while saves go on.
        cursor.execute("PRAGMA busy_timeout = 0")
        try:
            deadline = time.monotonic() + FOLD_PATIENCE_S
            while True:
                busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
                if busy is None or not busy[0] or time.monotonic() >= deadline:
                    break
                time.sleep(0.05)
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # the pooled connection as it was
            cursor.close()
    finally:
        raw.close()
    if busy is not None and busy[0]:
        log.info("after the purge the write-ahead log is folded in later: a reader holds it")


def _local(at: dt.datetime) -> dt.datetime:
    # Backup names carry local time; the purge's time is UTC: compare both ways to miss no older backup.
    return at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


# --- access request (PIPL art. 45) -------------------------------------------------------------------------


def export_student(ctx: ServiceContext, student_id: str) -> dict[str, Any]:
    """One child's whole record, every table, as JSON-safe values (photos as base64), for the guardian."""
    require_role(ctx, *MANAGERS)
    with transaction(ctx) as session:
        student = student_for_read(session, ctx, student_id)
        rows = _student_rows(session, student_id)
        shas = sorted({r["blob_sha256"] for r in rows.get("attachment", {}).values()})
        photos = {
            sha: base64.b64encode(data).decode("ascii")
            for sha, data in session.execute(select(Blob.sha256, Blob.data).where(Blob.sha256.in_(shas)))
        }
        tables = {t: [rows[t][k] for k in sorted(rows[t])] for t in rows if t != "blob" and rows[t]}
        # Handing the record out is itself a logged access, as revealing an ID number is.
        session.add(
            AuditEntry(
                user_id=None if ctx.actor.role == "system" else ctx.actor.id,
                entity="student",
                entity_id=student.id,
                action="export",
                fields=sorted(tables),
            )
        )
        school_name = session.scalar(select(School.name)) or ""
    return {
        "format": "songjiao-access-request",
        "version": 1,
        "school": school_name,
        "student_id": student_id,
        "made_at": utcnow().isoformat(timespec="seconds"),
        "tables": tables,
        "photos": photos,
    }
