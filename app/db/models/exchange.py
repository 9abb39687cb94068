"""Exchange bookkeeping: device identities, per-peer sync state, conflicts to settle, and the import log.

These rows belong to one machine (they say what *this* copy knows about its peers), so they are not
records: they never travel in a bundle and are not part of RECORD_TABLES.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id, utcnow


class ExchangeDevice(Base):
    """A copy of the app that takes part in exchange: this device (is_self) or a peer."""

    __tablename__ = "exchange_device"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    role: Mapped[str] = mapped_column(String(10))  # office | laptop
    # The teacher a laptop belongs to (no foreign key: a laptop learns its users from the join file).
    teacher_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    is_self: Mapped[bool] = mapped_column(Boolean, default=False)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)  # Ed25519, 32 bytes raw
    kx_public: Mapped[bytes] = mapped_column(LargeBinary)  # X25519, 32 bytes raw
    # Only for this device. Stored in the clear: see docs/exchange.md "At rest".
    sign_private: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    kx_private: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_seq_in: Mapped[int] = mapped_column(Integer, default=0)  # highest bundle number imported from it
    last_seq_out: Mapped[int] = mapped_column(Integer, default=0)  # last bundle number written to it
    acked_out: Mapped[int] = mapped_column(Integer, default=0)  # highest of our bundles it confirmed
    last_import_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    last_export_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class ExchangeState(Base):
    """Per peer and record: the version both sides are known to share, and what was last sent."""

    __tablename__ = "exchange_state"

    peer_id: Mapped[str] = mapped_column(
        ForeignKey("exchange_device.id", ondelete="CASCADE"), primary_key=True
    )
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    record_key: Mapped[str] = mapped_column(String(64), primary_key=True)  # id, or sha256 for blobs
    base_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)  # known to be on the peer
    # That version's values (not for blobs): the common ancestor a field-by-field merge needs.
    base_row: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    sent_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)  # sent, not yet confirmed
    sent_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class ExchangeConflict(Base):
    """Two versions of one record that could not both be kept: the losing one waits here for a person."""

    __tablename__ = "exchange_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    peer_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    record_key: Mapped[str] = mapped_column(String(64), index=True)
    student_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # both_edited | superseded
    kept: Mapped[dict[str, Any]] = mapped_column(JSON)
    other: Mapped[dict[str, Any]] = mapped_column(JSON)
    settled_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    settled_by: Mapped[str | None] = mapped_column(String(36), nullable=True)


class ExchangeLog(Base):
    """What came in and went out (counts only: no personal data), for the office's overview."""

    __tablename__ = "exchange_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    direction: Mapped[str] = mapped_column(String(6))  # in | out | join | rewind (restored from a backup)
    peer_id: Mapped[str] = mapped_column(String(36))
    seq: Mapped[int] = mapped_column(Integer)
    changes: Mapped[int] = mapped_column(Integer, default=0)
    applied: Mapped[int] = mapped_column(Integer, default=0)
    conflicts: Mapped[int] = mapped_column(Integer, default=0)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    # SHA-256 of the bundle file (in and out): a peer that went back in time writes a number twice.
    digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
