"""The conflict policy, as pure functions over encoded rows.

- Office-owned data (school, calendar, users, assignments, goal bank, student roll data, plan decisions)
  is written only at the office: a laptop's values for it are put back at the office, and the office's
  values win on the laptop. A stale laptop copy therefore cannot undo an approval.
- Everything else is the teacher's content. When both sides changed a record since they last agreed,
  the result is the same whichever side computes it (so the copies converge): the teacher's content
  with the office's fields, and the version that lost content is kept as a conflict for a person.
- Finished visit records are locked: a finished version beats an unfinished one; two different
  finished versions keep the one finished first. Contacts and amendments are new rows (a union).
- A tombstone (deleted_at) wins over an edit: deletes travel and are not resurrected by a stale copy.
"""

from __future__ import annotations

from typing import Any

from app.services.exchange.rows import OFFICE_TABLES, TABLES, Row, row_hash
from app.services.students import MASTER_FIELDS

META = frozenset({"id", "revision", "created_at", "updated_at", "author_id"})
DECIDED = ("approved", "returned")
OFFICE_FIELDS: dict[str, frozenset[str]] = {
    "student": frozenset(MASTER_FIELDS) | {"deleted_at"},
    "plan_revision": frozenset({"decision", "reviewer_id", "decided_at", "comment"}),
    "monthly_plan": frozenset({"approved_revision"}),
}
# Fields a merge computes by its own rule (not plain ownership).
_JOINED: dict[str, frozenset[str]] = {
    "monthly_plan": frozenset({"status", "plan_revision", "first_submitted_at"}),
}


def office_fields(table: str) -> frozenset[str]:
    if table in OFFICE_TABLES:
        return frozenset(c.name for c in TABLES[table].c) - META
    return OFFICE_FIELDS.get(table, frozenset())


def _content(table: str, row: Row) -> dict[str, Any]:
    skip = META | office_fields(table) | _JOINED.get(table, frozenset()) | {"deleted_at"}
    return {k: v for k, v in row.items() if k not in skip}


def default_of(table: str, column: str) -> Any:
    default = TABLES[table].c[column].default
    arg = getattr(default, "arg", None)
    return None if callable(arg) else arg


def _earliest(a: Any, b: Any) -> Any:
    present = [v for v in (a, b) if v is not None]
    return min(present) if present else None


def guard(table: str, incoming: Row, local: Row | None) -> Row:
    """At the office: a laptop's version with every office-owned field put back to the office's value."""
    result = dict(incoming)
    for name in office_fields(table):
        if name in result:
            result[name] = local[name] if local is not None else default_of(table, name)
    if table == "monthly_plan" and result.get("status") in DECIDED:
        # Only the office decides; a laptop cannot mark its own plan approved: a decided status from a laptop
        # is the office's own status (an echo of its decision comes back unchanged).
        result["status"] = local["status"] if local is not None else "submitted"
    # A decision covers its revision until the next one: no copy of the plan at that revision or an
    # earlier one (a stale or restored laptop) takes it back to submitted.
    if (
        table == "monthly_plan"
        and local is not None
        and result["plan_revision"] <= local["plan_revision"]
        and (local["status"] in DECIDED or result["plan_revision"] < local["plan_revision"])
    ):
        result["status"], result["plan_revision"] = local["status"], local["plan_revision"]
    if local is not None and local.get("deleted_at") and not result.get("deleted_at"):
        result["deleted_at"] = local["deleted_at"]
    if result != incoming:
        result["revision"] = int(incoming["revision"]) + 1
    return result


def _plan_fields(office: Row, laptop: Row, result: Row) -> None:
    newer = (
        laptop if laptop["plan_revision"] > office["plan_revision"] else office
    )  # pragma: no mutate (>= too: equal is decided below)
    if laptop["plan_revision"] == office["plan_revision"]:
        newer = office if office["status"] in DECIDED else laptop
    result["status"] = newer["status"]
    result["plan_revision"] = max(office["plan_revision"], laptop["plan_revision"])
    result["first_submitted_at"] = _earliest(office["first_submitted_at"], laptop["first_submitted_at"])
    approved = [v for v in (office["approved_revision"], laptop["approved_revision"]) if v is not None]
    result["approved_revision"] = max(approved) if approved else None


def _visit_winner(office: Row, laptop: Row) -> Row | None:
    done_o, done_l = office.get("finished_at"), laptop.get("finished_at")
    if done_o and not done_l:
        return office
    if done_l and not done_o:
        return laptop
    # Equivalent mutants below (not mutated): "or" for "and" (one side finished returned above), "<=" for "<"
    # (equal times and equal hashes, i.e. identical rows, never reach these comparisons' difference).
    if done_o and done_l:  # pragma: no mutate
        if done_o != done_l:
            return office if done_o < done_l else laptop  # pragma: no mutate
        return (
            office if row_hash("visit", office) < row_hash("visit", laptop) else laptop
        )  # pragma: no mutate
    return None


def _changed(table: str, version: Row, base: Row | None) -> set[str]:
    """Content fields this version changed since the common ancestor (all of them if it is unknown)."""
    content = _content(table, version)
    if base is None:
        return set(content)
    return {
        k for k, v in content.items() if base.get(k, v) != v
    }  # pragma: no mutate (rows are whole: no default)


def merge(table: str, office: Row, laptop: Row, base: Row | None = None) -> tuple[Row, list[Row]]:
    """Both sides changed the record: the merged result, and the versions whose own changes were lost.

    With the common ancestor (``base``) known, a field changed on one side only takes that side's value,
    so edits of different fields both survive; a field changed on both sides goes to its owner.
    """
    if table == "visit":
        winner = _visit_winner(office, laptop)
        if winner is not None:
            loser = laptop if winner is office else office
            lost = (
                [loser]
                if {k: loser[k] for k in _changed(table, loser, base)}
                != {k: winner[k] for k in _changed(table, loser, base)}
                else []
            )
            return winner, lost
    result = dict(laptop)
    if base is not None:
        for name, value in _content(table, office).items():
            # Rows are whole (every column): the default of base.get is never used (not mutated).
            if base.get(name, laptop.get(name)) == laptop.get(name):  # pragma: no mutate
                result[name] = value  # only the office changed it
    for name in office_fields(table):
        result[name] = office[name]
    if table == "monthly_plan":
        _plan_fields(office, laptop, result)
    if "deleted_at" not in office_fields(table):
        result["deleted_at"] = _earliest(office.get("deleted_at"), laptop.get("deleted_at"))
    lost = [v for v in (office, laptop) if any(result.get(k) != v[k] for k in _changed(table, v, base))]
    stripped = {k: v for k, v in result.items() if k not in META}
    for side in (laptop, office):
        if stripped == {k: v for k, v in side.items() if k not in META}:
            return dict(side), lost
    result["revision"] = max(int(office["revision"]), int(laptop["revision"])) + 1
    result["updated_at"] = max(office["updated_at"], laptop["updated_at"])
    return result, lost
