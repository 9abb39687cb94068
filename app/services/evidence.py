"""Tamper evidence kept in the database: the audit chain's writer and the office's signatures on decisions.

Every audit entry is written through :func:`chain` (the ORM flush hook in app.services.context) or
:func:`append_rows` (Core inserts: exchange imports); both take the chain's head row with a lock first, so
concurrent writers queue instead of forking the chain. The rules themselves are in app/domain/evidence.py;
:func:`verify` is what `songjiao check` runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Table, insert, select
from sqlalchemy.orm import Session

from app.db.base import Base, utcnow
from app.db.models import AuditEntry, AuditHead, ExchangeDevice, OfficeKey, PlanRevision
from app.domain import evidence

if TYPE_CHECKING:
    from types import ModuleType


def _keys() -> ModuleType:
    # Imported when first needed: app.services.context imports this module for the chain, and the exchange
    # package (whose __init__ runs on any import of its keys module) imports app.services.context.
    from app.services.exchange import keys

    return keys


HEAD_ID = 1
_AUDIT: Table = Base.metadata.tables["audit_entry"]
_HEAD: Table = Base.metadata.tables["audit_head"]
_REVISIONS: Table = Base.metadata.tables["plan_revision"]
_DEVICES: Table = Base.metadata.tables["exchange_device"]
_OFFICE_KEYS: Table = Base.metadata.tables["office_key"]


def _head(session: Session) -> AuditHead:
    """The chain's head, locked for this transaction (FOR UPDATE is left out by SQLite, which needs none)."""
    head = session.scalar(
        select(AuditHead)
        .where(AuditHead.id == HEAD_ID)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if head is None:  # a database made before its migration wrote one, or emptied by a restore
        head = AuditHead(id=HEAD_ID, length=0, last_hash=evidence.GENESIS)
        session.add(head)
    return head


def chain(session: Session, entries: Sequence[AuditEntry]) -> None:
    """Link ORM entries (in the order they will be inserted) after the head; called inside a flush."""
    if not entries:
        return
    head = _head(session)
    prev = head.last_hash
    for entry in entries:
        entry.at = entry.at or utcnow()
        entry.fields = list(entry.fields or [])
        entry.prev_hash = prev
        entry.entry_hash = prev = evidence.entry_hash(_values(entry), prev)
    head.length += len(entries)
    head.last_hash = prev


def _values(entry: AuditEntry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in evidence.ENTRY_FIELDS}


def append_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Insert audit entries given as Core values, linked into the chain."""
    if not rows:
        return
    head = _head(session)
    linked = list(evidence.chained(rows, head.last_hash))
    session.execute(insert(_AUDIT), linked)
    head.length += len(linked)
    head.last_hash = linked[-1]["entry_hash"]
    session.flush()


def reset_head(conn: Connection) -> None:
    """Set the head from the entries as they stand (after a dump is loaded into an empty database)."""
    table, entries = _HEAD, _AUDIT
    length = len(conn.execute(select(entries.c.id)).all())
    last = conn.execute(select(entries.c.entry_hash).order_by(entries.c.id.desc()).limit(1)).scalar()
    conn.execute(table.delete())
    conn.execute(insert(table).values(id=HEAD_ID, length=length, last_hash=last or evidence.GENESIS))


# --- signatures ------------------------------------------------------------------------------------------


def office_identity(session: Session, label: str = "office") -> ExchangeDevice | None:
    """This copy's office identity (its Ed25519 key signs decisions and bundles), made on first use.

    None on a laptop: only the office holds the office's private key. A school that never uses exchange
    gets its key the first time a plan is decided; the same key later signs its join files.
    """
    me = session.scalar(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(True)))
    if me is not None:
        return me if me.role == "office" else None
    keys = _keys()
    pair = keys.generate()
    me = ExchangeDevice(
        role="office",
        label=label,
        is_self=True,
        sign_public=pair.sign_public,
        kx_public=pair.kx_public,
        sign_private=pair.sign_private,
        kx_private=pair.kx_private,
    )
    session.add(me)
    session.add(OfficeKey(fingerprint=keys.fingerprint(pair.sign_public), sign_public=pair.sign_public))
    session.flush()
    return me


_DECISION_COLUMNS = (
    "id",
    "plan_id",
    "number",
    "snapshot",
    "decision",
    "reviewer_id",
    "decided_at",
    "comment",
)


def _message(values: Mapping[str, Any], content: str) -> bytes:
    return evidence.decision_message(
        revision_id=values["id"],
        plan_id=values["plan_id"],
        number=values["number"],
        content=content,
        decision=values["decision"],
        reviewer_id=values.get("reviewer_id"),
        decided_at=values["decided_at"],
        comment=values.get("comment") or "",
    )


def signature_values(values: Mapping[str, Any], office: ExchangeDevice) -> dict[str, str]:
    """content_hash, signature and signed_by for a decided revision's values, signed with the office's key."""
    assert office.sign_private is not None
    keys = _keys()
    content = evidence.content_hash(values["snapshot"])
    return {
        "content_hash": content,
        "signature": keys.sign(office.sign_private, _message(values, content)).hex(),
        "signed_by": keys.fingerprint(office.sign_public),
    }


def sign_decision(revision: PlanRevision, office: ExchangeDevice) -> None:
    """Sign the decision just written on ``revision`` (the caller checked who may decide)."""
    values = {name: getattr(revision, name) for name in _DECISION_COLUMNS}
    for name, value in signature_values(values, office).items():
        setattr(revision, name, value)


def sign_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """Sign the decided plan revisions among Core rows about to be inserted (demo data, test fixtures)."""
    decided = [row for row in rows if row.get("decision")]
    office = office_identity(session) if decided else None
    if decided and office is None:
        raise ValueError("decided plan revisions can only be written on the office's copy")
    for row in decided:
        assert office is not None
        row.update(signature_values(row, office))


def office_keys(conn: Connection | Session) -> dict[str, bytes]:
    """Fingerprint -> public key of every office key this copy knows (its own, or the one it got at join)."""
    keys = _keys()
    rows = [
        *conn.execute(select(_DEVICES.c.sign_public).where(_DEVICES.c.role == "office")),
        *conn.execute(select(_OFFICE_KEYS.c.sign_public)),
    ]
    return {keys.fingerprint(bytes(public)): bytes(public) for (public,) in rows}


def decision_problem(revision: Mapping[str, Any], known: dict[str, bytes]) -> str | None:
    """What is wrong with a decided revision's signature (a problem code), or None when it holds."""
    if not revision["signature"] or not revision["signed_by"]:
        return "unsigned"
    public = known.get(revision["signed_by"])
    if public is None:
        return "unknown_key"
    if revision["content_hash"] != evidence.content_hash(revision["snapshot"]):
        return "content_changed"
    try:
        signature = bytes.fromhex(revision["signature"])
    except ValueError:
        return "bad_signature"
    if not _keys().verify(public, signature, _message(revision, revision["content_hash"])):
        return "bad_signature"
    return None


# --- verification (songjiao check) ----------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    table: str
    record_id: str
    code: str  # chain.edited | chain.wrong_link | chain.unhashed | chain.head_mismatch | decision.<problem>


def _entries(conn: Connection) -> Iterator[dict[str, Any]]:
    for row in conn.execute(select(_AUDIT).order_by(_AUDIT.c.id)):
        yield dict(row._mapping)


def verify(conn: Connection) -> list[Problem]:
    """The first broken link of the audit chain (if any) and every decision whose signature fails."""
    problems = []
    head_row = conn.execute(select(_HEAD).where(_HEAD.c.id == HEAD_ID)).first()
    head = (int(head_row.length), str(head_row.last_hash)) if head_row is not None else None
    broken = evidence.first_break(_entries(conn), head)
    if broken is not None:
        problems.append(Problem("audit_entry", str(broken.entry_id), f"chain.{broken.problem}"))
    known = office_keys(conn)
    decided = conn.execute(select(_REVISIONS).where(_REVISIONS.c.decision.is_not(None))).mappings()
    for revision in decided:
        problem = decision_problem(dict(revision), known)
        if problem is not None:
            problems.append(Problem("plan_revision", str(revision.id), f"decision.{problem}"))
    return problems
