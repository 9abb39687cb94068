"""Tamper evidence as pure functions: the audit hash chain and the bytes an approval signature covers.

The encodings here are part of the stored format (every database's chain and every signature depends on
them), so they never change; a new encoding would need a version field and both readings.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64  # the prev_hash of the first entry: there is nothing before it
# The entry fields a hash covers (the id is not: the chain's order is the ids' order, and an entry's id is
# only known once it is inserted). Changing any of these, or the order of entries, breaks the chain.
ENTRY_FIELDS = ("at", "user_id", "entity", "entity_id", "action", "fields")


def _canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _text(value: Any) -> Any:
    # Datetimes as ISO text with microseconds always: a value read back from either database hashes the same.
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="microseconds")
    return value


def entry_hash(entry: Mapping[str, Any], prev_hash: str) -> str:
    """SHA-256 over the entry's fields and the previous entry's hash."""
    body = {name: _text(entry.get(name)) for name in ENTRY_FIELDS}
    body["fields"] = list(body["fields"] or [])
    body["prev_hash"] = prev_hash
    return hashlib.sha256(_canonical(body)).hexdigest()


@dataclass(frozen=True)
class Break:
    """The first entry where the chain does not hold: its id and what is wrong (no personal data)."""

    entry_id: int
    problem: str  # edited | wrong_link | unhashed | head_mismatch


def first_break(entries: Iterable[Mapping[str, Any]], head: tuple[int, str] | None) -> Break | None:
    """Walk the entries in id order; None when every link holds and the head (length, last hash) agrees.

    An edited entry no longer matches its own hash; a removed or inserted entry breaks the next entry's
    link (its prev_hash names another hash); removed last entries leave the head naming a longer chain.
    """
    prev = GENESIS
    count, last_id = 0, 0
    for entry in entries:
        entry_id = int(entry["id"])
        stored = entry.get("entry_hash")
        if not stored or not entry.get("prev_hash"):
            return Break(entry_id, "unhashed")
        if entry["prev_hash"] != prev:
            return Break(entry_id, "wrong_link")
        if entry_hash(entry, prev) != stored:
            return Break(entry_id, "edited")
        prev = str(stored)
        count, last_id = count + 1, entry_id
    if (head or (0, GENESIS)) != (count, prev):
        # Entries removed from the end (the head counts more), or written past the chain's head.
        return Break(last_id, "head_mismatch")
    return None


def chained(entries: Iterable[dict[str, Any]], prev_hash: str) -> Iterator[dict[str, Any]]:
    """The entries with prev_hash and entry_hash set, linked after ``prev_hash``, in the order given."""
    for entry in entries:
        entry["prev_hash"] = prev_hash
        entry["entry_hash"] = prev_hash = entry_hash(entry, prev_hash)
        yield entry


def content_hash(snapshot: Mapping[str, Any]) -> str:
    """The plan revision's content: SHA-256 over its frozen snapshot (what the reviewer saw)."""
    return hashlib.sha256(_canonical(snapshot)).hexdigest()


def decision_message(
    *,
    revision_id: str,
    plan_id: str,
    number: int,
    content: str,
    decision: str,
    reviewer_id: str | None,
    decided_at: dt.datetime | None,
    comment: str,
) -> bytes:
    """The bytes an approval or return signature covers: which revision, its content hash, and the decision.

    Binding the decision and its time, not only the content, makes "returned" edited into "approved" (or a
    decision moved to another revision) fail the signature.
    """
    return b"songjiao-decision-v1\0" + _canonical(
        {
            "revision_id": revision_id,
            "plan_id": plan_id,
            "number": number,
            "content_hash": content,
            "decision": decision,
            "reviewer_id": reviewer_id,
            "decided_at": _text(decided_at),
            "comment": comment,
        }
    )
