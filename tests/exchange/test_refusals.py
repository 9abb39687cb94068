"""Every refusal leaves the database exactly as it was (compared byte for byte over all tables)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from app.db import schema
from app.services import exchange
from app.services.exchange import bundle
from tests.conftest import ON_SERVER, TEST_KEY, db_digest, sqlite_only
from tests.exchange.work import finished_visit, note


def _refused(site, path: Path, message_id: str, **kwargs) -> None:
    before = db_digest(site.db_path)
    with pytest.raises(exchange.ExchangeRefused) as error:
        site.receive(path, **kwargs)
    assert error.value.message_id == message_id, error.value.message
    assert "Nothing was changed" in error.value.message
    assert db_digest(site.db_path) == before


@pytest.fixture
def sent(net, school, tmp_path):
    office, join = net
    t1, t2 = join("t1"), join("t2")
    finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
    [bundle_path] = t1.send()
    return office, t1, t2, bundle_path


def test_altered_truncated_and_padded_files(sent, tmp_path):
    office, _t1, _t2, good = sent
    data = good.read_bytes()
    cases = {
        "flip-header": bytearray(data),
        "flip-body": bytearray(data),
        "flip-signature": bytearray(data),
    }
    cases["flip-header"][data.index(b"{")] ^= 0x01  # the header's opening brace: it no longer parses
    cases["flip-body"][len(data) // 2] ^= 0x80
    cases["flip-signature"][-3] ^= 0x10
    expected = {
        "flip-header": "exchange.damaged",  # the header no longer parses: damaged before any signature check
        "flip-body": "exchange.bad_signature",
        "flip-signature": "exchange.bad_signature",
    }
    for name, mutated in cases.items():
        path = tmp_path / f"{name}.sjb"
        path.write_bytes(bytes(mutated))
        before = db_digest(office.db_path)
        with pytest.raises(exchange.ExchangeRefused) as error:
            office.receive(path)
        assert error.value.message_id == expected[name], name
        assert db_digest(office.db_path) == before
    for name, mutated_bytes in (
        ("truncated", data[:-100]),
        ("padded", data + b"\0"),
        ("empty", b""),
        ("other", b"PK\x03\x04" + os.urandom(200)),
    ):
        path = tmp_path / f"{name}.sjb"
        path.write_bytes(mutated_bytes)
        _refused(office, path, "exchange.damaged")
    office.receive(good)  # the genuine file still goes in afterwards


def test_oversized_file_is_refused_before_reading(sent, tmp_path):
    office, *_ = sent
    huge = tmp_path / "huge.sjb"
    with huge.open("wb") as f:  # sparse: costs no disk
        f.truncate(bundle.MAX_FILE_BYTES + 1)
    _refused(office, huge, "exchange.too_large")


def test_replay_and_older_bundles(sent):
    office, t1, _t2, first = sent
    office.receive(first)
    _refused(office, first, "exchange.replayed")
    [second] = t1.send()
    [third] = t1.send()
    office.receive(third)
    _refused(office, second, "exchange.older")


def test_wrong_recipient_and_unknown_or_revoked_sender(sent, school):
    office, t1, t2, first = sent
    # A laptop receiving another laptop's bundle: it does not know that sender.
    _refused(t2, first, "exchange.unknown_sender")
    # The office's bundle for t2 taken to t1: signed by the office, but meant for another device.
    [for_t2] = office.send("t2")
    _refused(t1, for_t2, "exchange.wrong_recipient")
    exchange.revoke_teacher(office.ctx, "t1")
    _refused(office, first, "exchange.revoked")


def test_newer_schema_and_format_are_refused(sent, monkeypatch, school):
    office, t1, _t2, first = sent
    note(t1.ctx, school.t1, school.students[0], "x")
    monkeypatch.setattr(schema, "head_revision", lambda: "9999")
    [newer] = t1.send()
    monkeypatch.undo()
    _refused(office, newer, "exchange.newer_schema")
    data = bytearray(first.read_bytes())
    data[8] = bundle.VERSION + 1
    first.write_bytes(bytes(data))
    _refused(office, first, "exchange.newer_format")


def test_join_file_needs_the_right_passphrase_and_an_empty_database(net, school, tmp_path):
    office, join = net
    made = exchange.make_join_file(office.ctx, "t1", tmp_path / "j.sjj")
    from app.paths import resolve

    target = resolve(tmp_path / "new.sqlite3")
    with pytest.raises(exchange.ExchangeRefused) as error:
        exchange.join_from_file(target, made.path, "AAAA-BBBB-CCCC-DDDD-EEEE")
    assert error.value.message_id == "exchange.wrong_passphrase"
    assert not target.db_path.exists()
    # typed in lower case with spaces: still accepted
    exchange.join_from_file(target, made.path, made.passphrase.lower().replace("-", " "))
    with pytest.raises(exchange.ExchangeRefused) as error:
        exchange.join_from_file(target, made.path, made.passphrase, key=TEST_KEY)  # opened: not empty
    assert error.value.message_id == "exchange.not_empty"
    with pytest.raises(exchange.ExchangeRefused):
        exchange.import_file(office.ctx, made.path)


def test_rejoined_laptop_revokes_the_old_key(net, school):
    office, join = net
    old = join("t1")
    note(old.ctx, school.t1, school.students[0], "from the old laptop")
    [late] = old.send()
    new = join("t1")  # the laptop was lost: a new join file for the same teacher
    _refused(office, late, "exchange.revoked")
    note(new.ctx, school.t1, school.students[0], "from the new laptop")
    office.receive(new.send()[0])


def test_a_side_effect_outside_the_bundle_is_caught_and_rolled_back(sent, school):
    """Post-import verification: a write that touches a record the bundle did not carry (here a
    trigger standing in for a cascade or a bug) fails the hash over the teacher's scope."""
    office, _t1, _t2, bundle_path = sent
    engine = office.ctx.store.engine
    with engine.begin() as conn:
        if ON_SERVER:
            conn.exec_driver_sql(
                "CREATE FUNCTION side_effect() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "UPDATE student SET safety_notes = 'changed behind our back' WHERE id = NEW.student_id; "
                "RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER side_effect AFTER INSERT ON visit FOR EACH ROW EXECUTE FUNCTION side_effect()"
            )
        else:
            conn.exec_driver_sql(
                "CREATE TRIGGER side_effect AFTER INSERT ON visit BEGIN "
                "UPDATE student SET safety_notes = 'changed behind our back' WHERE id = NEW.student_id; END"
            )
    _refused(office, bundle_path, "exchange.verify_failed")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER side_effect" + (" ON visit" if ON_SERVER else ""))
    office.receive(bundle_path)


@sqlite_only  # plants its forgery through SQLite's driver (its placeholders, autocommit)
def test_a_laptop_verifies_the_office_signature_on_every_decision(net, school):
    """Signatures travel unchanged; the laptop checks them against the office key it got at join."""
    from sqlalchemy import select

    from app.db.models import PlanRevision
    from app.services import check
    from app.services.context import reading
    from tests.exchange.work import approve, submit_plan

    office, join = net
    t1 = join("t1")
    plan_id = submit_plan(t1.ctx, school.t1, school.students[0])
    [up] = t1.send()
    office.receive(up)
    approve(office.ctx, school.office, plan_id)
    [down] = office.send("t1")
    # The same decision, its comment changed at the office by SQL after signing: the laptop refuses it.
    with office.ctx.store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("UPDATE plan_revision SET comment = '同意，另附说明' WHERE plan_id = ?", (plan_id,))
    [forged] = office.send("t1")
    _refused(t1, forged, "exchange.decision_unsigned")
    # The genuine bundle is taken, the signature arrives as signed and checks on the laptop.
    t1.receive(down)
    with reading(t1.ctx) as session, reading(office.ctx) as office_session:
        columns = (PlanRevision.signature, PlanRevision.signed_by, PlanRevision.content_hash)
        laptop_row = session.execute(select(*columns).where(PlanRevision.plan_id == plan_id)).one()
        office_row = office_session.execute(select(*columns).where(PlanRevision.plan_id == plan_id)).one()
    assert laptop_row == office_row and laptop_row.signature
    assert [f.code for f in check.run_checks(t1.ctx.store)] == []


def _forge(site, *statements: tuple[str, tuple]) -> None:
    """Change a laptop's rows by SQL with its foreign keys off (what a damaged or hostile copy could send)."""
    with site.ctx.store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            for sql, params in statements:
                raw.execute(sql, params)
            raw.commit()
        finally:
            raw.execute("PRAGMA foreign_keys=ON")


def test_references_the_office_does_not_have_are_refused(net, school):
    """The office's reference check (on SQLite, only the references of what the bundle writes or removes:
    apply.broken_by) refuses a written row naming a missing parent, and a removal that leaves a row naming
    the removed one; on PostgreSQL the deferred foreign keys are checked at once. Nothing is changed."""
    import uuid

    from app.services import students
    from tests.exchange.work import contact

    office, join = net
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    student = school.students[0]
    guardian = students.save_guardian(as_t1, student, {"name": "王女士", "relation": "parent"})
    logged = contact(t1.ctx, school.t1, student, "2026-11-16 16:00")
    _forge(t1, ("UPDATE contact SET guardian_id = ? WHERE id = ?", (guardian, logged)))
    [good] = t1.send()
    office.receive(good)  # the contact names the guardian the bundle carries: accepted
    # A contact naming a guardian nobody has.
    _forge(
        t1,
        (
            "UPDATE contact SET guardian_id = ?, revision = revision + 1 WHERE id = ?",
            (str(uuid.uuid4()), logged),
        ),
    )
    [dangling] = t1.send()
    _refused(office, dangling, "exchange.broken_references")
    # The guardian removed outright while the office's contact still names it.
    _forge(
        t1,
        ("UPDATE contact SET guardian_id = ?, revision = revision + 1 WHERE id = ?", (guardian, logged)),
        ("DELETE FROM guardian WHERE id = ?", (guardian,)),
    )
    [removal] = t1.send()
    _refused(office, removal, "exchange.broken_references")
