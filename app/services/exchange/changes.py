"""Collecting what the peer has not acknowledged, and writing it as one signed, encrypted bundle."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import schema, server
from app.db.base import Base, utcnow
from app.db.models import Blob, ExchangeDevice
from app.services.exchange import bundle, hublink, keys, lineage
from app.services.exchange.apply import drop_states
from app.services.exchange.rows import GONE, MIRRORED_TABLES, ORDER, TABLES
from app.services.exchange.scope import Scope, laptop_scope, office_scope

FORMAT = "songjiao-bundle"
_STATE = Base.metadata.tables["exchange_state"]
_CHUNK = 500


def manifest(scope: Scope, tables: Any = None) -> dict[str, list[Any]]:
    """Per table: how many records and one hash over their keys and content hashes."""
    out: dict[str, list[Any]] = {}
    for table in tables or scope.rows:
        rows = scope.rows.get(table, {})
        digest = hashlib.sha256()
        for key in sorted(rows):
            digest.update(f"{key}:{scope.hash(table, key)}\n".encode())
        out[table] = [len(rows), digest.hexdigest()]
    return out


def scope_for(session: Session, me: ExchangeDevice, peer: ExchangeDevice, today: dt.date) -> Scope:
    if me.role == "office":
        return office_scope(session, peer.teacher_id or "", today)
    return laptop_scope(session)


@dataclass(frozen=True)
class Built:
    data: bytes
    seq: int
    changes: int
    blobs: int
    unacked: int


def base_hashes(session: Session, peer_id: str) -> dict[tuple[str, str], str | None]:
    """(table, key) -> the version the peer is known to hold, for every record of its exchange state (only
    the columns needed: the base rows' JSON is not read)."""
    c = _STATE.c
    return {
        (t, k): h
        for t, k, h in session.execute(
            select(c.table_name, c.record_key, c.base_hash).where(c.peer_id == peer_id)
        )
    }


def pending(
    session: Session,
    scope: Scope,
    peer_id: str,
    states: dict[tuple[str, str], str | None] | None = None,
) -> list[tuple[str, str, str, str | None]]:
    """(table, key, hash, base) for every record the peer is not known to hold in its current version
    (``states``: base_hashes of the peer, if already read in this transaction)."""
    states = base_hashes(session, peer_id) if states is None else states
    out = []
    for table in ORDER:
        rows = scope.rows.get(table, {})
        for key in rows:
            h = scope.hash(table, key)
            base = states.get((table, key))
            if base != h:
                out.append((table, key, h, base))
    # Removed outright (some editors replace detail rows): the peer must remove them too.
    missing = [(t, k) for (t, k) in states if t in scope.rows and k not in scope.rows[t]]
    there = _existing(session, missing)
    out += [(t, k, GONE, states[(t, k)]) for t, k in missing if (t, k) not in there]
    return out


def _existing(session: Session, keys: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of these (table, key) records exist: one query per table and chunk, not one per record."""
    by_table: dict[str, list[str]] = {}
    for table, key in keys:
        by_table.setdefault(table, []).append(key)
    found: set[tuple[str, str]] = set()
    for table, wanted in by_table.items():
        column = TABLES[table].c["sha256" if table == "blob" else "id"]
        for i in range(0, len(wanted), _CHUNK):
            chunk = sorted(wanted[i : i + _CHUNK])
            found |= {
                (table, k)
                for k in session.scalars(select(column).where(server.one_of(session, column, chunk)))
            }
    return found


def out_of_scope(
    session: Session,
    scope: Scope,
    peer_id: str,
    states: dict[tuple[str, str], str | None] | None = None,
) -> list[tuple[str, str]]:
    """State rows of records that still exist but are no longer the peer's business."""
    states = base_hashes(session, peer_id) if states is None else states
    outside = [(t, k) for (t, k) in states if t in TABLES and k not in scope.rows.get(t, {})]
    return sorted(_existing(session, outside))


def build(session: Session, me: ExchangeDevice, peer: ExchangeDevice, today: dt.date) -> Built:
    """Make the next bundle for ``peer`` and record what it carried (committed by the caller)."""
    scope = scope_for(session, me, peer, today)
    states = base_hashes(session, peer.id)
    if me.role == "office":
        # Records that left the laptop's scope are forgotten, so they are sent in full if they come back.
        gone = out_of_scope(session, scope, peer.id, states)
        drop_states(session, peer.id, gone)
        for key in gone:
            del states[key]
    todo = pending(session, scope, peer.id, states)
    seq = peer.last_seq_out + 1
    changes = [
        {"t": t, "k": k, "h": h, "b": b, "row": scope.rows[t][k]}
        if h != GONE
        else {"t": t, "k": k, "h": GONE, "b": b, "gone": True}
        for t, k, h, b in todo
    ]
    blob_keys = [k for t, k, _h, _b in todo if t == "blob"]
    blobs = [session.scalar(select(Blob.data).where(Blob.sha256 == k)) or b"" for k in blob_keys]
    body: dict[str, Any] = {
        "changes": changes,
        "blobs": [[k, len(d)] for k, d in zip(blob_keys, blobs, strict=True)],
        "manifest": manifest(scope),
    }
    if me.role == "office":
        body["scope_students"] = sorted(scope.students)
        body["mirrored"] = manifest(scope, MIRRORED_TABLES)
        link = hublink.read(session)
        if link is not None:  # a laptop joined before the school had a hub learns it here
            body["hub"] = link.as_dict()
    header = {
        "format": FORMAT,
        "version": bundle.VERSION,
        "schema": schema.head_revision(),
        "sender": me.id,
        "recipient": peer.id,
        "sender_role": me.role,
        "seq": seq,
        "created": utcnow().isoformat(),
        "acked_up_to": peer.last_seq_in,
        **lineage.header_fields(session, peer, seq),
    }
    eph_private, eph_public = bundle_keys()
    header["eph"] = eph_public.hex()
    assert me.sign_private is not None
    data = bundle.seal(
        bundle.KIND_BUNDLE,
        header,
        bundle.encode_payload(body, blobs),
        None,
        me.sign_private,
        derive=lambda hb: bundle_key(eph_private, peer.kx_public, eph_public, hb),
    )
    _mark_sent(session, peer.id, seq, todo)
    peer.last_seq_out = seq
    peer.last_export_at = utcnow()
    return Built(data, seq, len(changes), len(blobs), len(todo))


def bundle_keys() -> tuple[bytes, bytes]:
    return keys.ephemeral()


def bundle_key(own_private: bytes, peer_public: bytes, eph_public: bytes, header_bytes: bytes) -> bytes:
    """The AEAD key: X25519 between the bundle's one-time key and the recipient, bound to this header."""
    return keys.shared_key(
        own_private,
        peer_public,
        salt=eph_public,
        info=b"songjiao-bundle-v1" + hashlib.sha256(header_bytes).digest(),
    )


def _mark_sent(
    session: Session, peer_id: str, seq: int, todo: list[tuple[str, str, str, str | None]]
) -> None:
    if not todo:
        return
    stmt = server.insert(session, _STATE)
    stmt = stmt.on_conflict_do_update(
        index_elements=["peer_id", "table_name", "record_key"],
        set_={"sent_hash": stmt.excluded.sent_hash, "sent_seq": stmt.excluded.sent_seq},
    )
    session.execute(
        stmt,
        [
            {
                "peer_id": peer_id,
                "table_name": t,
                "record_key": k,
                "base_hash": None,
                "sent_hash": h,
                "sent_seq": seq,
            }
            for t, k, h, _b in todo
        ],
    )
