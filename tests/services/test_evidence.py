"""Tamper evidence: every way of editing the audit chain or forging a decision outside the program is named by
`check` (the first broken link, by record id); decisions made through the program are signed and verify."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import select

from app.db.models import AuditEntry, AuditHead, ExchangeDevice, PlanRevision
from app.domain import evidence as rules
from app.services import check, evidence, students
from app.services.context import ServiceContext, reading
from app.services.exchange import keys
from tests.conftest import run_as, sqlite_only
from tests.exchange.work import approve, submit_plan

# Problems are planted through SQLite's driver (its placeholders and SQL); the chain on PostgreSQL is
# tests/db/test_evidence_pg.py.
pytestmark = sqlite_only


def _sql(store, *statements) -> None:
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        for statement, params in statements:
            raw.execute(statement, params)


def _findings(store) -> list[tuple[str, str, str]]:
    return [(f.code, f.table, f.record_id) for f in check.run_checks(store)]


def _audit_ids(store) -> list[int]:
    with reading(ServiceContext(store)) as session:
        return list(session.scalars(select(AuditEntry.id).order_by(AuditEntry.id)))


def test_every_write_links_into_one_chain(populated):
    store = populated.ctx.store
    with reading(populated.ctx) as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        head = session.get(AuditHead, 1)
        assert len(entries) > 20 and head.length == len(entries)
        assert entries[0].prev_hash == rules.GENESIS
        assert all(b.prev_hash == a.entry_hash for a, b in zip(entries, entries[1:], strict=False))
        assert head.last_hash == entries[-1].entry_hash
    assert _findings(store) == []


def test_an_edited_audit_row_is_named(populated):
    store = populated.ctx.store
    ids = _audit_ids(store)
    target = ids[len(ids) // 2]
    _sql(store, ("UPDATE audit_entry SET action = 'update' WHERE id = ?", (target,)))
    assert _findings(store) == [("chain.edited", "audit_entry", str(target))]


def test_a_removed_audit_row_breaks_the_next_link(populated):
    store = populated.ctx.store
    ids = _audit_ids(store)
    _sql(store, ("DELETE FROM audit_entry WHERE id = ?", (ids[5],)))
    assert _findings(store) == [("chain.wrong_link", "audit_entry", str(ids[6]))]


def test_removed_last_rows_leave_the_head_counting_more(populated):
    store = populated.ctx.store
    ids = _audit_ids(store)
    _sql(store, ("DELETE FROM audit_entry WHERE id >= ?", (ids[-3],)))
    assert _findings(store) == [("chain.head_mismatch", "audit_entry", str(ids[-4]))]


def test_an_inserted_row_is_named_even_when_its_hash_is_made_right(populated):
    store = populated.ctx.store
    ids = _audit_ids(store)
    k = ids[3]
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        prev = raw.execute("SELECT entry_hash FROM audit_entry WHERE id = ?", (k,)).fetchone()[0]
        for entry_id in reversed(ids[4:]):  # make room after entry k, keeping every later entry
            raw.execute("UPDATE audit_entry SET id = ? WHERE id = ?", (entry_id + 1, entry_id))
        forged = {
            "at": dt.datetime(2026, 11, 20, 8, 0),
            "user_id": None,
            "entity": "student",
            "entity_id": populated.students[0],
            "action": "delete",
            "fields": [],
        }
        raw.execute(
            "INSERT INTO audit_entry (id, at, user_id, entity, entity_id, action, fields, prev_hash, entry_hash)"
            " VALUES (?, '2026-11-20 08:00:00.000000', NULL, 'student', ?, 'delete', '[]', ?, ?)",
            (k + 1, populated.students[0], prev, rules.entry_hash(forged, prev)),
        )
    # The forged entry links correctly to its predecessor; the one after it no longer does.
    assert _findings(store) == [("chain.wrong_link", "audit_entry", str(ids[4] + 1))]


def test_a_row_written_outside_the_program_carries_no_hash(populated):
    store = populated.ctx.store
    _sql(
        store,
        (
            "INSERT INTO audit_entry (at, user_id, entity, entity_id, action, fields)"
            " VALUES ('2026-11-20 08:00:00', NULL, 'student', 'x', 'update', '[]')",
            (),
        ),
    )
    last = _audit_ids(store)[-1]
    assert _findings(store) == [("chain.unhashed", "audit_entry", str(last))]


def test_concurrent_writers_do_not_fork_the_chain(school):
    errors: list[BaseException] = []

    def write(prefix: str) -> None:
        try:
            for i in range(8):
                students.create_student(school.as_(school.admin), {"code": f"{prefix}{i}", "name": "同时"})
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=write, args=(p,)) for p in ("A", "B", "C")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _findings(school.ctx.store) == []


# --- signed decisions ---------------------------------------------------------------------------------------


@pytest.fixture
def decided(school):
    """A plan approved through the program at the office."""
    plan_id = submit_plan(school.ctx, school.t1, school.students[0])
    approve(school.ctx, school.office, plan_id)
    with reading(school.ctx) as session:
        revision = session.scalars(select(PlanRevision).where(PlanRevision.plan_id == plan_id)).one()
        office = session.scalars(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(True))).one()
        school.revision_id, school.plan_id = revision.id, plan_id
        school.office_key = keys.KeyPair(office.sign_private, office.sign_public, b"", b"")
        school.signed = {c: getattr(revision, c) for c in ("content_hash", "signature", "signed_by")}
    return school


def test_a_decision_made_in_the_program_is_signed_with_the_office_key(decided):
    assert decided.signed["signed_by"] == keys.fingerprint(decided.office_key.sign_public)
    assert len(bytes.fromhex(decided.signed["signature"])) == 64
    assert _findings(decided.ctx.store) == []


def test_returning_is_signed_too(school):
    from app.services import plans

    plan_id = submit_plan(school.ctx, school.t1, school.students[0])
    detail = plans.get_plan(school.ctx, plan_id)
    plans.decide_plan(school.as_(school.office), plan_id, detail.plan_revision, False, "补充目标")
    with reading(school.ctx) as session:
        revision = session.scalars(select(PlanRevision).where(PlanRevision.plan_id == plan_id)).one()
        assert revision.decision == "returned" and revision.signature
        revision_id = revision.id
    _sql(school.ctx.store, ("UPDATE plan_revision SET comment = '同意' WHERE id = ?", (revision_id,)))
    assert _findings(school.ctx.store) == [("decision.bad_signature", "plan_revision", revision_id)]


def test_an_approval_set_by_sql_without_signature_is_named(school):
    plan_id = submit_plan(school.ctx, school.t1, school.students[0])
    with reading(school.ctx) as session:
        revision_id = session.scalars(select(PlanRevision.id).where(PlanRevision.plan_id == plan_id)).one()
    _sql(
        school.ctx.store,
        (
            "UPDATE plan_revision SET decision = 'approved', reviewer_id = ?,"
            " decided_at = '2026-11-20 09:00:00.000000' WHERE id = ?",
            (school.office.id, revision_id),
        ),
        (
            "UPDATE monthly_plan SET status = 'approved', approved_revision = plan_revision WHERE id = ?",
            (plan_id,),
        ),
    )
    assert _findings(school.ctx.store) == [("decision.unsigned", "plan_revision", revision_id)]


def test_a_return_turned_into_an_approval_fails_the_signature(decided):
    _sql(
        decided.ctx.store,
        ("UPDATE plan_revision SET decision = 'returned' WHERE id = ?", (decided.revision_id,)),
    )
    assert ("decision.bad_signature", "plan_revision", decided.revision_id) in _findings(decided.ctx.store)


def test_a_signature_over_other_content_is_named(decided):
    store = decided.ctx.store
    # The snapshot the reviewer saw, replaced: the stored content hash no longer matches it.
    _sql(
        store,
        (
            'UPDATE plan_revision SET snapshot = \'{"materials": "别的"}\' WHERE id = ?',
            (decided.revision_id,),
        ),
    )
    assert _findings(store) == [("decision.content_changed", "plan_revision", decided.revision_id)]


def test_a_signature_made_for_another_message_is_named(decided):
    store = decided.ctx.store
    other = keys.sign(decided.office_key.sign_private, b"another decision").hex()
    _sql(store, ("UPDATE plan_revision SET signature = ? WHERE id = ?", (other, decided.revision_id)))
    assert _findings(store) == [("decision.bad_signature", "plan_revision", decided.revision_id)]


def test_a_signature_by_another_key_is_named(decided):
    store = decided.ctx.store
    stranger = keys.generate()
    with reading(decided.ctx) as session:
        values = dict(
            session.execute(select(PlanRevision.__table__).where(PlanRevision.id == decided.revision_id))
            .one()
            ._mapping
        )
    message = evidence._message(values, values["content_hash"])
    forged = keys.sign(stranger.sign_private, message).hex()
    # Signed by a stranger's key and naming it: not a key this copy knows as the office's.
    _sql(
        store,
        (
            "UPDATE plan_revision SET signature = ?, signed_by = ? WHERE id = ?",
            (forged, keys.fingerprint(stranger.sign_public), decided.revision_id),
        ),
    )
    assert _findings(store) == [("decision.unknown_key", "plan_revision", decided.revision_id)]
    # Signed by the stranger but naming the office's key: the signature does not verify.
    _sql(
        store,
        (
            "UPDATE plan_revision SET signed_by = ? WHERE id = ?",
            (decided.signed["signed_by"], decided.revision_id),
        ),
    )
    assert _findings(store) == [("decision.bad_signature", "plan_revision", decided.revision_id)]


def test_cli_check_names_the_first_broken_link_without_personal_data(populated, paths, capsys):
    store = populated.ctx.store
    ids = _audit_ids(store)
    _sql(store, ("UPDATE audit_entry SET fields = '[\"name\"]' WHERE id = ?", (ids[2],)))
    assert run_as(["--db", str(paths.db_path), "check", "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert [(f["code"], f["record_id"]) for f in findings] == [("chain.edited", str(ids[2]))]
    assert "小明" not in json.dumps(findings, ensure_ascii=False)
