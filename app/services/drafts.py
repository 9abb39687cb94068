"""Editor drafts saved as the user types and offered back after a crash (DESIGN.md pattern 7)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select

from app.db.base import utcnow
from app.db.models import Draft
from app.services.context import ServiceContext, reading, transaction
from app.services.errors import ValidationError

MAX_PAYLOAD = 1024 * 1024  # a form's text, not attachments


@dataclass(frozen=True)
class DraftInfo:
    key: str
    payload: dict[str, Any]
    saved_at: dt.datetime


def _check(key: str, payload: dict[str, Any] | None = None) -> str:
    key = (key or "").strip()
    if not key or len(key) > 120:
        raise ValidationError("draft.key", "A draft key is 1 to 120 characters.", field="key")
    if payload is not None:
        try:
            size = len(json.dumps(payload, ensure_ascii=False, default=str))
        except (TypeError, ValueError):
            raise ValidationError(
                "draft.payload", "The draft cannot be saved as JSON.", field="payload"
            ) from None
        if size > MAX_PAYLOAD:
            raise ValidationError("draft.too_large", "The draft is too large.", field="payload")
    return key


def save_draft(ctx: ServiceContext, key: str, payload: dict[str, Any]) -> None:
    """Keep the latest content of an editor (e.g. key ``visit:<id>`` or ``visit:new:<student id>``)."""
    key = _check(key, payload)
    # Dates and times in forms become ISO text so the JSON column accepts them.
    payload = json.loads(json.dumps(payload, ensure_ascii=False, default=str))
    with transaction(ctx) as session:
        draft = session.scalar(select(Draft).where(Draft.user_id == ctx.actor.id, Draft.key == key))
        if draft is None:
            session.add(Draft(user_id=ctx.actor.id, key=key, payload=payload, saved_at=utcnow()))
        else:
            draft.payload, draft.saved_at = payload, utcnow()


def get_draft(ctx: ServiceContext, key: str) -> DraftInfo | None:
    """The actor's draft under ``key``, or None."""
    key = _check(key)
    with reading(ctx) as session:
        draft = session.scalar(select(Draft).where(Draft.user_id == ctx.actor.id, Draft.key == key))
        return None if draft is None else DraftInfo(draft.key, dict(draft.payload), draft.saved_at)


load_draft = get_draft  # the name some callers use


def list_drafts(ctx: ServiceContext) -> list[DraftInfo]:
    """The actor's drafts, newest first: what to offer back after a crash."""
    with reading(ctx) as session:
        rows = session.scalars(
            select(Draft).where(Draft.user_id == ctx.actor.id).order_by(Draft.saved_at.desc())
        )
        return [DraftInfo(d.key, dict(d.payload), d.saved_at) for d in rows]


def discard_draft(ctx: ServiceContext, key: str) -> bool:
    """Remove a draft (after saving the record, or when the user declines it). True if one existed."""
    key = _check(key)
    with transaction(ctx) as session:
        result = session.execute(delete(Draft).where(Draft.user_id == ctx.actor.id, Draft.key == key))
        return bool(getattr(result, "rowcount", 0))
