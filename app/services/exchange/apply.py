"""Importing a bundle: stage and validate every change, decide by the conflict policy, apply in one
transaction, then verify (counts and hashes) and roll everything back on any mismatch."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from app.db import server
from app.db.base import Base, new_id, utcnow
from app.db.models import ExchangeDevice
from app.services import evidence
from app.services.exchange import policy
from app.services.exchange.bundle import Payload
from app.services.exchange.errors import ExchangeRefused
from app.services.exchange.rows import (
    DETAIL_TABLES,
    GONE,
    ORDER,
    SHARED_TABLES,
    TABLES,
    TEACHER_TABLES,
    Row,
    cache_for,
    complete,
    decode,
    encode,
    key_of,
    keyed_select,
    row_hash,
)
from app.services.exchange.scope import ever_assigned, student_of

DELETE_CONFIRM_LIMIT = 5
_STATE = Base.metadata.tables["exchange_state"]
Base4 = tuple[str, str, str, Any]  # table, key, content hash, row values (None for blobs)


@dataclass
class Write:
    table: str
    key: str
    insert: bool
    row: Row  # encoded final values
    hash: str


@dataclass
class Plan:
    writes: list[Write] = field(default_factory=list)
    bases: list[Base4] = field(default_factory=list)  # (table, key, hash, row) the peer holds
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    blobs: dict[str, bytes] = field(default_factory=dict)
    removals: list[tuple[str, str]] = field(default_factory=list)  # rows removed outright
    forget: list[tuple[str, str]] = field(default_factory=list)  # the peer no longer holds these
    deletes: int = 0
    unchanged: int = 0
    changes: int = 0


def _malformed(detail: str) -> ExchangeRefused:
    return ExchangeRefused("exchange.malformed", f"The bundle's contents are not valid ({detail}).")


def _key_column(table: str) -> Any:
    return TABLES[table].c["sha256" if table == "blob" else "id"]


def load_hashed(session: Session, table: str, keys: set[str]) -> dict[str, tuple[Row, str]]:
    """The rows of ``table`` with these keys, each with its content hash (through the row cache)."""
    cache = cache_for(session)
    out: dict[str, tuple[Row, str]] = {}
    query = keyed_select(session, table, _key_column(table).name)
    for chunk in server.chunks(keys):
        for r in session.execute(query, {"keys": chunk}):
            row, digest = cache.row(table, r)
            out[key_of(table, row)] = (row, digest)
    return out


def load_rows(session: Session, table: str, keys: set[str]) -> dict[str, Row]:
    return {k: row for k, (row, _h) in load_hashed(session, table, keys).items()}


def load_states(
    session: Session, peer_id: str, keys: dict[str, Any] | None = None
) -> dict[tuple[str, str], Any]:
    """The exchange state of ``peer_id`` by (table, key): all of it, or (``keys``: table -> keys) only those."""
    if keys is None:
        rows = list(session.execute(select(_STATE).where(_STATE.c.peer_id == peer_id)))
    else:
        c = _STATE.c
        rows = []
        for table, wanted in keys.items():
            for chunk in server.chunks(wanted):
                rows += session.execute(
                    select(_STATE).where(
                        c.peer_id == peer_id,
                        c.table_name == table,
                        server.one_of(session, c.record_key, chunk),
                    )
                )
    return {(r.table_name, r.record_key): r for r in rows}


def _changes(body: dict[str, Any], sender_is_office: bool) -> dict[str, dict[str, dict[str, Any]]]:
    raw = body.get("changes")
    if not isinstance(raw, list):
        raise _malformed("no change list")
    allowed = set(SHARED_TABLES) if sender_is_office else set(TEACHER_TABLES)
    grouped: dict[str, dict[str, dict[str, Any]]] = {}
    for change in raw:
        if not isinstance(change, dict):
            raise _malformed("bad change")
        table, key = change.get("t"), change.get("k")
        if table not in allowed or (change.get("gone") and table in ("student", "blob")):
            raise ExchangeRefused(
                "exchange.not_allowed", "The bundle carries records its sender may not write."
            )
        if change.get("gone") is True:
            if not isinstance(key, str) or change.get("h") != GONE or "row" in change:
                raise _malformed("bad removal")
            grouped.setdefault(table, {})[key] = change
            continue
        row = change.get("row")
        if not isinstance(row, dict):
            raise _malformed("bad change")
        if not isinstance(key, str) or row.get("sha256" if table == "blob" else "id") != key:
            raise _malformed("bad key")
        if change.get("h") != row_hash(table, row):
            raise _malformed("hash mismatch")
        try:
            decode(table, row)
            _plausible(row)
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            raise _malformed(f"bad value in {table}") from error
        previous = grouped.setdefault(table, {}).get(key)
        if previous is not None and previous["h"] != change["h"]:
            raise _malformed("one record twice")
        grouped[table][key] = change
    return grouped


def _plausible(row: Row) -> None:
    """Identity fields every record has, checked beyond their types (a damaged row must not slip in)."""
    uuid.UUID(row["id"])
    if row.get("author_id") is not None:
        uuid.UUID(row["author_id"])
    if not isinstance(row.get("revision"), int) or row["revision"] < 1:
        raise ValueError("revision")
    if row.get("created_at") is None or row.get("updated_at") is None:
        raise ValueError("timestamps")


def blob_bytes(body: dict[str, Any], payload: Payload) -> dict[str, bytes]:
    listing = body.get("blobs") or []
    if not isinstance(listing, list):
        raise _malformed("bad attachment list")
    out: dict[str, bytes] = {}
    offset = 0
    for item in listing:
        if not (
            isinstance(item, list)
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], int)
            and not isinstance(item[1], bool)
            and item[1] >= 0
        ):
            raise _malformed("bad attachment list")
        sha, size = item
        data = bytes(payload.blob_data[offset : offset + size])
        offset += size
        if len(data) != size or hashlib.sha256(data).hexdigest() != sha:
            raise _malformed("attachment bytes do not match")
        out[sha] = data
    if offset != len(payload.blob_data):
        raise _malformed("attachment bytes do not match")
    return out


def stage(session: Session, me: ExchangeDevice, peer: ExchangeDevice, payload: Payload) -> Plan:
    """Decide every change without writing anything; raise ExchangeRefused for anything invalid."""
    at_office = me.role == "office"
    body = payload.body
    grouped = _changes(body, sender_is_office=peer.role == "office")
    plan = Plan(blobs=blob_bytes(body, payload), changes=sum(len(v) for v in grouped.values()))
    states = load_states(session, peer.id, grouped)  # the state of the records this bundle changes only
    locals_: dict[str, dict[str, Row]] = {t: load_rows(session, t, set(c)) for t, c in grouped.items()}
    staged: dict[tuple[str, str], Row] = {}
    listed = body.get("scope_students") or []
    if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
        raise _malformed("bad student list")
    allowed_students = ever_assigned(session, peer.teacher_id or "") if at_office else set(listed)

    def lookup(table: str, key: str) -> Row | None:
        if (table, key) in staged:
            return staged[(table, key)]
        found = locals_.get(table, {}).get(key)
        if found is None and table in TABLES:
            found = load_rows(session, table, {key}).get(key)
        return found

    for table in ORDER:
        for key, change in grouped.get(table, {}).items():
            local = locals_[table].get(key)
            if change.get("gone"):
                _stage_removal(plan, table, key, change.get("b"), local, states.get((table, key)))
                if local is not None:
                    _check_scope(table, local, None, lookup, allowed_students, peer, at_office)
                continue
            incoming: Row = change["row"]
            if table == "blob":
                if (
                    change["h"] not in plan.blobs
                    or incoming.get("size") != len(plan.blobs[change["h"]])
                    or not complete(table, incoming)
                ):
                    raise _malformed("attachment bytes missing")
                plan.bases.append((table, key, change["h"], None))
                if local is None:
                    plan.writes.append(Write(table, key, True, incoming, change["h"]))
                else:
                    plan.unchanged += 1
                continue
            if not complete(table, incoming):  # from an older program: keep what we know of new columns
                filler = local or {c.name: policy.default_of(table, c.name) for c in TABLES[table].c}
                incoming = {**filler, **incoming}
            result, lost = _decide(
                table, incoming, change.get("b"), local, states.get((table, key)), at_office
            )
            staged[(table, key)] = result
            if table == "plan_revision" and result.get("decision"):
                _check_decision(session, result)
            _check_scope(table, result, local, lookup, allowed_students, peer, at_office)
            plan.bases.append((table, key, change["h"], incoming))
            for version in lost:
                plan.conflicts.append(
                    {
                        "table_name": table,
                        "record_key": key,
                        "kept": result,
                        "other": version,
                        "kind": "both_edited",
                        "student_id": student_of(table, result, lookup),
                    }
                )
            if local is not None and result == local:
                plan.unchanged += 1
                continue
            if local is None and table in NATURAL_KEYS:
                clash = _clash(session, table, result)
                if clash is not None:
                    if table == "iep" and _blank_iep(session, clash, grouped):
                        if (table, clash["id"]) not in plan.removals:  # an untouched draft gives way
                            plan.removals.append((table, clash["id"]))
                    elif table == "iep" and _blank_iep(session, result, grouped):
                        # The sender's untouched draft gives way to ours; we do not hold it, so no base.
                        plan.bases.pop()
                        plan.unchanged += 1
                        continue
                    else:
                        raise ExchangeRefused(
                            "exchange.duplicate",
                            f"This copy already has a different {NATURAL_KEYS[table][1]}. "
                            "Keep one of the two (delete the other where it was made) and "
                            "send again.",
                            table=table,
                        )
            if local is not None and not local.get("deleted_at") and result.get("deleted_at"):
                plan.deletes += 1
            plan.writes.append(Write(table, key, local is None, result, row_hash(table, result)))
    return plan


def _check_decision(session: Session, row: Row) -> None:
    """A decision arrives signed by the office (the key this copy got at join, or its own): else refused."""
    problem = evidence.decision_problem(decode("plan_revision", row), evidence.office_keys(session))
    if problem is not None:
        raise ExchangeRefused(
            "exchange.decision_unsigned",
            "A plan decision in the file is not signed by the office's key.",
            problem=problem,
        )


# One record per natural key: two copies creating their own cannot both be kept.
NATURAL_KEYS = {
    "iep": (("student_id", "term_id"), "IEP for the same student and term"),
    "monthly_plan": (("student_id", "month"), "monthly plan for the same student and month"),
}


def _clash(session: Session, table: str, row: Row) -> Row | None:
    """A local record with the same natural key as ``row`` but another id."""
    columns, _what = NATURAL_KEYS[table]
    t = TABLES[table]
    values = decode(table, {c: row[c] for c in columns})
    found = session.execute(
        select(t).where(*(t.c[c] == values[c] for c in columns), t.c.id != row["id"])
    ).first()
    return None if found is None else encode(table, found)


_IEP_TEXT = (
    "assessment_tool",
    "assessor",
    "strengths",
    "needs",
    "guardian_expectations",
    "related_services",
    "family_cooperation",
    "review_summary",
)


def _blank_iep(session: Session, row: Row, grouped: dict[str, dict[str, dict[str, Any]]]) -> bool:
    """An IEP made by merely opening the page (get_or_create_iep): never edited, nothing under it."""
    if row["revision"] != 1 or any(row.get(name) for name in _IEP_TEXT) or row.get("subjects"):
        return False
    for child in ("goal", "iep_score"):
        if any(c.get("row", {}).get("iep_id") == row["id"] for c in grouped.get(child, {}).values()):
            return False
        column = TABLES[child].c.iep_id
        if session.scalar(select(column).where(column == row["id"]).limit(1)) is not None:
            return False
    return True


def _stage_removal(
    plan: Plan, table: str, key: str, sender_base: str | None, local: Row | None, state: Any
) -> None:
    plan.forget.append((table, key))
    if local is None:
        plan.unchanged += 1
        return
    if row_hash(table, local) in (sender_base, state.base_hash if state is not None else None):
        if (table, key) not in plan.removals:
            plan.removals.append((table, key))
        if table not in DETAIL_TABLES and not local.get("deleted_at"):
            plan.deletes += 1
        return
    # Changed here since: keep it (it will travel back); a person sees that the other side removed it.
    plan.conflicts.append(
        {
            "table_name": table,
            "record_key": key,
            "kept": local,
            "other": {},
            "kind": "removed_there",
            "student_id": local.get("student_id"),
        }
    )


def _decide(
    table: str, incoming: Row, sender_base: str | None, local: Row | None, state: Any, at_office: bool
) -> tuple[Row, list[Row]]:
    if local is None:
        if at_office and table == "student":
            raise ExchangeRefused("exchange.not_allowed", "Only the office adds students.")
        return (policy.guard(table, incoming, None) if at_office else incoming), []
    local_hash = row_hash(table, local)
    our_base = state.base_hash if state is not None else None
    if local_hash == row_hash(table, incoming):
        return local, []
    if local_hash in (sender_base, our_base):  # we did not change it since the sender's version was made
        return (policy.guard(table, incoming, local) if at_office else incoming), []
    if row_hash(table, incoming) == our_base:  # the sender's copy is one we already had: stale
        return local, []
    office, laptop = (local, incoming) if at_office else (incoming, local)
    base = state.base_row if state is not None and state.base_row else None
    return policy.merge(table, office, laptop, base)


def _check_scope(
    table: str,
    result: Row,
    local: Row | None,
    lookup: Any,
    allowed: set[str],
    peer: ExchangeDevice,
    at_office: bool,
) -> None:
    """Nothing of a student outside the teacher's assignments goes in, in either direction."""
    if table in ("blob", "school", "term", "calendar_day", "goal_bank_item", "user"):
        return
    for row in (result, local):
        if row is None:
            continue
        student = student_of(table, row, lookup)
        if student is None:
            if table == "lesson_plan" and (not at_office or row.get("teacher_id") == peer.teacher_id):
                continue  # the teacher's own templates
            raise _malformed(f"{table} without a student")
        if student not in allowed:
            raise ExchangeRefused(
                "exchange.out_of_scope",
                "The bundle carries records of a student outside this teacher's assignments.",
            )


def execute(session: Session, plan: Plan, peer_id: str) -> None:
    """Write the plan with Core statements, copying rows exactly (revision, timestamps, author)."""
    by_table: dict[str, list[Write]] = {}
    for write in plan.writes:
        by_table.setdefault(write.table, []).append(write)
    audit: list[dict[str, Any]] = []
    now = utcnow()
    for table in ORDER:
        writes = by_table.get(table, [])
        t = TABLES[table]
        inserts = [decode(table, w.row) for w in writes if w.insert]
        if table == "blob":
            for values in inserts:
                values["data"] = plan.blobs[values["sha256"]]
        # Removals first: a record giving way to another with the same natural key frees that key.
        removed = sorted(k for t2, k in plan.removals if t2 == table)
        if removed:
            session.execute(delete(t).where(_key_column(table).in_(removed)))
            audit += [
                {
                    "at": now,
                    "user_id": None,
                    "entity": table,
                    "entity_id": k,
                    "action": "delete",
                    "fields": [],
                }
                for k in removed
            ]
        if inserts:
            session.execute(insert(t), inserts)
        for write in writes:
            if not write.insert:
                session.execute(update(t).where(t.c.id == write.key).values(decode(table, write.row)))
            if table != "blob":
                audit.append(
                    {
                        "at": now,
                        "user_id": write.row.get("author_id"),
                        "entity": table,
                        "entity_id": write.key,
                        "action": "import",
                        "fields": [],
                    }
                )
    evidence.append_rows(session, audit)
    drop_states(session, peer_id, plan.forget)
    set_bases(session, peer_id, plan.bases)
    if plan.conflicts:
        session.execute(
            insert(Base.metadata.tables["exchange_conflict"]),
            [{"id": new_id(), "detected_at": now, "peer_id": peer_id, **c} for c in plan.conflicts],
        )


def set_bases(session: Session, peer_id: str, bases: list[Base4]) -> None:
    """Record the versions the peer is known to hold.

    This also forgets any earlier send of these records still waiting for confirmation: what we know now is
    newer than it. Else a confirmation arriving later (the peer kept its own version of that send, or never
    read it: confirmations count bundle numbers) would take the base back to the older sent version, and
    the peer's next change would look like an edit on both sides (the stale copy kept over a newer one)."""
    if not bases:
        return
    stmt = server.insert(session, _STATE)
    stmt = stmt.on_conflict_do_update(
        index_elements=["peer_id", "table_name", "record_key"],
        set_={
            "base_hash": stmt.excluded.base_hash,
            "base_row": stmt.excluded.base_row,
            "sent_hash": None,
            "sent_seq": None,
        },
    )
    session.execute(
        stmt,
        [
            {"peer_id": peer_id, "table_name": t, "record_key": k, "base_hash": h, "base_row": r}
            for t, k, h, r in bases
        ],
    )


def count_rows(session: Session, tables: set[str]) -> dict[str, int]:
    return {t: session.scalar(select(func.count()).select_from(TABLES[t])) or 0 for t in tables}


def verify(session: Session, plan: Plan, before: dict[str, int], scope: dict[tuple[str, str], str]) -> None:
    """After writing: per-table record counts, and the hash of every record in the sender's scope plus
    every record written, are exactly what staging predicted; anything else rolls the import back."""
    expected = dict(before)
    for write in plan.writes:
        if write.insert:
            expected[write.table] += 1
    for table, _key in plan.removals:
        expected[table] -= 1
    if count_rows(session, set(before)) != expected:
        raise ExchangeRefused(
            "exchange.verify_failed", "The import did not add up (record counts) and was undone."
        )
    predicted = dict(scope)
    for write in plan.writes:
        predicted[(write.table, write.key)] = write.hash
    for removed in plan.removals:
        predicted.pop(removed, None)
    wanted: dict[str, set[str]] = {}
    for table, key in [*predicted, *plan.removals]:
        wanted.setdefault(table, set()).add(key)
    actual = {(t, k): h for t, keys in wanted.items() for k, (_r, h) in load_hashed(session, t, keys).items()}
    if _digest(actual) != _digest(predicted):
        raise ExchangeRefused(
            "exchange.verify_failed",
            "The import did not add up (hash over the teacher's records) and was undone.",
        )


def _digest(hashes: dict[tuple[str, str], str]) -> str:
    digest = hashlib.sha256()
    for (table, key), value in sorted(hashes.items()):
        digest.update(f"{table}:{key}:{value}\n".encode())
    return digest.hexdigest()


# (child table, its foreign key) of every record table's references, by the table they point to.
_REFERRING: dict[str, list[tuple[str, Any]]] = {}
for _name, _table in TABLES.items():
    for _fk in _table.foreign_keys:
        _REFERRING.setdefault(_fk.column.table.name, []).append((_name, _fk))


def broken_by(session: Session, plan: Plan) -> int:
    """How many references this import's own writes broke, found with one query per foreign key touched
    (not a check of the whole database, which grows with every teacher's history): a written row naming a
    parent that is not there, or a row still naming one the import removed. The office's import runs this
    on SQLite (where a whole-database check costs more than all the rest of an import); the rows the import
    writes besides records (exchange state) name only the sender, which the import does not remove. SQLite's
    own deferred check at commit stays behind it."""
    written: dict[str, set[str]] = {}
    for write in plan.writes:
        written.setdefault(write.table, set()).add(write.key)
    removed: dict[str, set[str]] = {}
    for table, key in plan.removals:
        removed.setdefault(table, set()).add(key)
    broken = 0
    for table, keys in written.items():
        t = TABLES[table]
        for fk in t.foreign_keys:
            column, target = fk.parent, fk.column
            for chunk in server.chunks(keys):
                orphan = (
                    select(func.count())
                    .select_from(t)
                    .where(
                        server.one_of(session, _key_column(table), chunk),
                        column.is_not(None),
                        ~select(target).where(target == column).exists(),
                    )
                )
                broken += session.scalar(orphan) or 0
    for table, keys in removed.items():
        for child, fk in _REFERRING.get(table, []):
            for chunk in server.chunks(keys):
                left = (
                    select(func.count())
                    .select_from(TABLES[child])
                    .where(server.one_of(session, fk.parent, chunk))
                )
                broken += session.scalar(left) or 0
    return broken


def apply_acks(session: Session, peer: ExchangeDevice, acked_up_to: int) -> None:
    """The peer confirmed our bundles up to this number: what they carried is now known to be there."""
    if acked_up_to > peer.last_seq_out:
        # Happens when this copy was restored from a backup or copied: the peer saw newer bundles from it.
        raise ExchangeRefused(
            "exchange.bad_ack",
            "The bundle confirms bundles this copy never wrote: was it restored from a backup "
            "or copied? Re-join the laptop from a new join file.",
        )
    if acked_up_to <= peer.acked_out:
        return
    c = _STATE.c
    confirmed = (c.peer_id == peer.id) & c.sent_seq.is_not(None) & (c.sent_seq <= acked_up_to)
    session.execute(delete(_STATE).where(confirmed & (c.sent_hash == GONE)))
    sent: dict[str, dict[str, str]] = {}
    for table, key, sent_hash in session.execute(
        select(c.table_name, c.record_key, c.sent_hash).where(confirmed)
    ):
        sent.setdefault(table, {})[key] = sent_hash
    bases: list[Base4] = []
    for table, hashes in sent.items():
        # The values of what was sent: the local row if it has not changed since (else unknown).
        rows = load_hashed(session, table, set(hashes)) if table != "blob" else {}
        for key, sent_hash in hashes.items():
            row, digest = rows.get(key, (None, None))
            bases.append((table, key, sent_hash, row if digest == sent_hash else None))
    set_bases(session, peer.id, bases)
    session.execute(update(_STATE).where(confirmed).values(sent_hash=None, sent_seq=None))
    peer.acked_out = acked_up_to


def drop_states(session: Session, peer_id: str, keys: list[tuple[str, str]]) -> None:
    """Forget what the peer holds of these records (one statement per table and chunk)."""
    c = _STATE.c
    by_table: dict[str, set[str]] = {}
    for table, key in keys:
        by_table.setdefault(table, set()).add(key)
    for table, wanted in by_table.items():
        for chunk in server.chunks(wanted):
            session.execute(
                delete(_STATE).where(
                    c.peer_id == peer_id, c.table_name == table, server.one_of(session, c.record_key, chunk)
                )
            )
