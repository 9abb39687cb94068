"""Collecting what the peer has not acknowledged, and writing it as one signed, encrypted bundle."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.db import schema
from app.db.base import Base, utcnow
from app.db.models import Blob, ExchangeDevice
from app.services.exchange import bundle, keys
from app.services.exchange.apply import drop_states, load_states
from app.services.exchange.rows import MIRRORED_TABLES, ORDER, row_hash
from app.services.exchange.scope import Scope, laptop_scope, office_scope

FORMAT = "songjiao-bundle"
_STATE = Base.metadata.tables["exchange_state"]


def manifest(scope: Scope, tables: Any = None) -> dict[str, list[Any]]:
    """Per table: how many records and one hash over their keys and content hashes."""
    out: dict[str, list[Any]] = {}
    for table in tables or scope.rows:
        rows = scope.rows.get(table, {})
        digest = hashlib.sha256()
        for key in sorted(rows):
            digest.update(f"{key}:{row_hash(table, rows[key])}\n".encode())
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


def pending(session: Session, scope: Scope, peer_id: str) -> list[tuple[str, str, str, str | None]]:
    """(table, key, hash, base) for every record the peer is not known to hold in its current version."""
    states = load_states(session, peer_id)
    out = []
    for table in ORDER:
        for key, row in scope.rows.get(table, {}).items():
            h = row_hash(table, row)
            state = states.get((table, key))
            base = state.base_hash if state is not None else None
            if base != h:
                out.append((table, key, h, base))
    return out


def build(session: Session, me: ExchangeDevice, peer: ExchangeDevice, today: dt.date) -> Built:
    """Make the next bundle for ``peer`` and record what it carried (committed by the caller)."""
    scope = scope_for(session, me, peer, today)
    if me.role == "office":
        # Records that left the laptop's scope are forgotten, so that they are sent in full if they return.
        states = load_states(session, peer.id)
        gone = [k for k in states if k[1] not in scope.rows.get(k[0], {})]
        drop_states(session, peer.id, gone)
    todo = pending(session, scope, peer.id)
    seq = peer.last_seq_out + 1
    changes = [{"t": t, "k": k, "h": h, "b": b, "row": scope.rows[t][k]} for t, k, h, b in todo]
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
    header = {
        "format": FORMAT, "version": bundle.VERSION, "schema": schema.head_revision(),
        "sender": me.id, "recipient": peer.id, "sender_role": me.role, "seq": seq,
        "created": utcnow().isoformat(), "acked_up_to": peer.last_seq_in,
    }
    eph_private, eph_public = bundle_keys()
    header["eph"] = eph_public.hex()
    assert me.sign_private is not None
    data = bundle.seal(bundle.KIND_BUNDLE, header, bundle.encode_payload(body, blobs), None, me.sign_private,
                       derive=lambda hb: bundle_key(eph_private, peer.kx_public, eph_public, hb))
    _mark_sent(session, peer.id, seq, todo)
    peer.last_seq_out = seq
    peer.last_export_at = utcnow()
    return Built(data, seq, len(changes), len(blobs), len(todo))


def bundle_keys() -> tuple[bytes, bytes]:
    return keys.ephemeral()


def bundle_key(own_private: bytes, peer_public: bytes, eph_public: bytes, header_bytes: bytes) -> bytes:
    """The AEAD key: X25519 between the bundle's one-time key and the recipient, bound to this header."""
    return keys.shared_key(own_private, peer_public, salt=eph_public,
                           info=b"songjiao-bundle-v1" + hashlib.sha256(header_bytes).digest())


def _mark_sent(session: Session, peer_id: str, seq: int, todo: list[tuple[str, str, str, str | None]]) -> None:
    if not todo:
        return
    stmt = sqlite_insert(_STATE)
    stmt = stmt.on_conflict_do_update(index_elements=["peer_id", "table_name", "record_key"],
                                      set_={"sent_hash": stmt.excluded.sent_hash, "sent_seq": stmt.excluded.sent_seq})
    session.execute(stmt, [{"peer_id": peer_id, "table_name": t, "record_key": k, "base_hash": None,
                            "sent_hash": h, "sent_seq": seq} for t, k, h, _b in todo])
