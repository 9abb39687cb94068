"""Who changed what (PIPL: record who changed what), and drafts saved as the user types."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base, new_id, utcnow


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    action: Mapped[str] = mapped_column(String(10))  # insert | update | delete
    fields: Mapped[list[str]] = mapped_column(JSON, default=list)  # names only: no personal data copied here
    # The hash chain (app/domain/evidence.py): the previous entry's hash, and this entry's over its fields
    # and that. Set by app.services.evidence when the entry is written, never by hand.
    prev_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    entry_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)


class AuditHead(Base):
    """The chain's one-row head: how many entries it holds and the last one's hash.

    Writers lock this row (SELECT ... FOR UPDATE on PostgreSQL; SQLite's BEGIN IMMEDIATE already serialises)
    so two transactions never link their entries to the same predecessor; removing the last entries leaves
    the head counting more than the chain holds.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # always 1
    length: Mapped[int] = mapped_column(Integer, default=0)
    last_hash: Mapped[str] = mapped_column(String(64))


class OfficeKey(Base):
    """Every Ed25519 public key the office has signed decisions with, by fingerprint.

    Kept apart from the exchange identities (which are this machine's, never dumped) so that a school's
    records moved by dump and load into a new database still verify: this table travels in the dump.
    """

    __tablename__ = "office_key"

    fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    sign_public: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class Draft(Base):
    """Unsaved editor content, written as the user types, offered back after a crash."""

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("user_id", "key"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    user_id: Mapped[str] = mapped_column(String(36))
    key: Mapped[str] = mapped_column(String(120))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
