"""PIPL duties: consent records, retention per kind, purge (certificate, backups rotated, audit without personal
data), and a guardian's access copy as PDF and JSON."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from app.db.models import (
    Attachment,
    AuditEntry,
    Blob,
    Consent,
    Contact,
    Draft,
    ExchangeConflict,
    ExchangeDevice,
    ExchangeState,
    Student,
    Visit,
)
from app.reports.privacy import write_access_copy, write_certificates
from app.services import attachments, backup, check, contacts, privacy
from app.services.context import reading, transaction
from app.services.errors import PermissionDenied, ValidationError
from app.services.exchange.rows import SELECT, cache_for
from tests.conftest import ON_SERVER, TEST_KEY, db_digest, run_as, sqlite_only
from tests.exchange.work import png


def _leave(ctx, student_id: str, status: str, on: dt.date) -> None:
    with transaction(ctx) as session:
        student = session.get(Student, student_id)
        student.status, student.status_since = status, on


def _count(ctx, model, **where) -> int:
    with reading(ctx) as session:
        query = select(func.count()).select_from(model)
        for name, value in where.items():
            query = query.where(getattr(model, name) == value)
        return session.scalar(query)


def test_consent_given_and_withdrawn_stays_on_record(school):
    office = school.as_(school.office)
    given = privacy.add_consent(
        office, school.students[0], {"given_by": "grandparent", "purpose": "photos", "given_on": "2026-09-01"}
    )
    assert given.in_force and given.given_by == "grandparent"
    withdrawn = privacy.withdraw_consent(office, given.id, "2026-10-08")
    assert withdrawn.withdrawn_on == dt.date(2026, 10, 8) and not withdrawn.in_force
    assert [c.id for c in privacy.list_consents(office, school.students[0])] == [given.id]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"given_by": "neighbour", "purpose": "photos", "given_on": "2026-09-01"}, "given_by"),
        ({"given_by": "parent", "purpose": "selling", "given_on": "2026-09-01"}, "purpose"),
        ({"given_by": "parent", "purpose": "photos"}, "given_on"),
        ({"given_by": "parent", "purpose": "photos", "given_on": "2099-01-01"}, "given_on"),
    ],
)
def test_bad_consent_is_refused_naming_the_field_and_changes_nothing(school, data, field):
    before = db_digest(school.ctx.store.paths.db_path)
    with pytest.raises(ValidationError) as error:
        privacy.add_consent(school.as_(school.office), school.students[0], data)
    assert error.value.field == field
    assert db_digest(school.ctx.store.paths.db_path) == before


def test_a_withdrawal_before_the_consent_or_twice_is_refused(school):
    office = school.as_(school.office)
    given = privacy.add_consent(
        office, school.students[0], {"given_by": "parent", "purpose": "health", "given_on": "2026-09-01"}
    )
    with pytest.raises(ValidationError):
        privacy.withdraw_consent(office, given.id, "2026-08-01")
    privacy.withdraw_consent(office, given.id, "2026-09-02")
    with pytest.raises(ValidationError):
        privacy.withdraw_consent(office, given.id, "2026-09-03")
    with pytest.raises(PermissionDenied):  # the office records consents; a laptop receives them
        privacy.add_consent(
            school.as_(school.t1),
            school.students[0],
            {"given_by": "parent", "purpose": "photos", "given_on": "2026-09-01"},
        )


def test_retention_is_set_per_kind_and_checked(school):
    office = school.as_(school.office)
    assert privacy.retention(office) == {"photos": 10, "contacts": 10, "records": 30, "student": 30}
    assert (
        privacy.set_retention(office, {"photos": 3, "contacts": 5, "records": 10, "student": 30})["photos"]
        == 3
    )
    with pytest.raises(ValidationError) as error:
        privacy.set_retention(office, {"photos": 0})
    assert error.value.field == "photos"
    with pytest.raises(PermissionDenied):
        privacy.set_retention(school.as_(school.t1), {"photos": 5})
    assert privacy.retention(office)["photos"] == 3


@pytest.fixture
def left(school):
    """Child 1 left in 2010 with a photo, a contact and a consent; child 2 left last year; child 3 stays."""
    office = school.as_(school.office)
    kid = school.students[0]
    attachments.add_attachment(office, "student", kid, "photo", png(1))
    contacts.log_contact(office, kid, {"at": "2026-09-10 10:00", "channel": "phone", "purpose": "notice"})
    privacy.add_consent(office, kid, {"given_by": "parent", "purpose": "photos", "given_on": "2009-09-01"})
    _leave(school.ctx, kid, "graduated", dt.date(2010, 7, 1))
    _leave(school.ctx, school.students[1], "transferred", dt.date(2025, 7, 1))
    return school


def test_dry_run_lists_who_is_due_and_changes_nothing(left, paths):
    before = db_digest(paths.db_path)
    result = privacy.purge(left.as_(left.office), paths, dry_run=True)
    assert [(d.student_id, d.kinds) for d in result.due] == [(left.students[0], ("photos", "contacts"))]
    assert result.certificates == [] and db_digest(paths.db_path) == before


def _exchange_state_about(ctx, kid: str) -> None:
    """What a laptop's bundles left at the office about the child: sync state, a conflict, an editor draft."""
    with transaction(ctx) as session:
        peer = ExchangeDevice(role="laptop", label="t1", sign_public=b"s" * 32, kx_public=b"k" * 32)
        session.add(peer)
        session.flush()
        contact = session.scalar(select(Contact.id).where(Contact.student_id == kid))
        other = session.scalar(select(Contact.id).where(Contact.student_id != kid))
        for key in (contact, kid, other):
            session.add(
                ExchangeState(
                    peer_id=peer.id, table_name="contact" if key != kid else "student", record_key=key
                )
            )
        session.add(
            ExchangeConflict(
                peer_id=peer.id,
                table_name="contact",
                record_key=contact,
                student_id=kid,
                kind="both_edited",
                kept={},
                other={},
            )
        )
        session.add(Draft(user_id="u", key=f"visit:new:{kid}", payload={"content": "草稿"}))


def test_purge_deletes_what_is_due_and_leaves_a_certificate(left, paths, tmp_path):
    """On both backends: the records, photos and exchange state go in one transaction; an audit entry without
    personal data and a certificate stay."""
    office = left.as_(left.office)
    kid = left.students[0]
    contacts.log_contact(
        office, left.students[2], {"at": "2026-09-11 10:00", "channel": "phone", "purpose": "notice"}
    )
    _exchange_state_about(left.ctx, kid)
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    result = privacy.purge(office, paths)
    [certificate] = result.certificates
    assert certificate.student_id == kid and certificate.kinds == ("photos", "contacts", "records", "student")
    assert certificate.counts["student"] == 1 and certificate.counts["consent"] == 1
    assert certificate.counts["attachment"] == 1 and certificate.counts["blob"] == 1
    with reading(left.ctx) as session:
        assert session.get(Student, kid) is None
        for model in (Attachment, Contact, Consent, Visit):
            assert session.scalar(select(func.count()).select_from(model).where(model.student_id == kid)) == 0
        assert session.scalar(select(func.count()).select_from(Blob)) == 0
        [entry] = session.scalars(select(AuditEntry).where(AuditEntry.action == "purge")).all()
        assert entry.entity_id == kid and entry.user_id == left.office.id
        # The exchange forgets the child (and only the child): another child's contact keeps its state.
        assert session.scalars(select(ExchangeState.record_key)).all() == [
            session.scalar(select(Contact.id).where(Contact.student_id == left.students[2]))
        ]
        assert session.scalar(select(func.count()).select_from(ExchangeConflict)) == 0
        assert session.scalar(select(func.count()).select_from(Draft)) == 0
    # The other children are untouched; the chain still holds.
    assert _count(left.ctx, Student) == 2 and check.run_checks(left.ctx.store) == []
    if ON_SERVER:  # a server's backups are pg_dump's (docs/postgres.md): none made, none removed here
        assert result.backup_made is None and result.backups_removed == []
    [pdf] = write_certificates(result, tmp_path / "certs")
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "个人信息删除证明" in text and kid in "".join(text.split()) and "教务王老师" in text
    assert "小明" not in text and certificate.id[:8] in pdf.name


def test_purge_empties_the_exchange_row_cache(left, paths):
    """The hub's row cache (process-wide, per database) would keep the purged child's row, name and ID number
    in memory for as long as the hub runs: the purge empties it, for read and write sessions alike."""
    office = left.as_(left.office)
    kid = left.students[0]
    caches = []
    for unit in (reading, transaction):
        with unit(left.ctx) as session:
            cache = cache_for(session)
            for raw in session.execute(SELECT["student"]):
                cache.row("student", raw)
            caches.append(cache.cache)
    assert all(("student", kid) in cache._rows for cache in caches)
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    assert len(privacy.purge(office, paths).certificates) == 1
    assert not any(key == kid for cache in caches for _table, key in cache._rows)


def test_a_read_begun_before_the_purge_does_not_put_the_purged_rows_back_into_the_cache(left, paths):
    """A hub reply being built while the purge commits reads its own snapshot, which still holds the child: the
    rows it reads after the purge emptied the cache are used for that reply but not kept."""
    office = left.as_(left.office)
    kid = left.students[0]
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    with reading(left.ctx) as session:
        rows = cache_for(session)
        session.execute(select(func.count()).select_from(Student)).scalar()  # the snapshot is taken here
        assert len(privacy.purge(office, paths).certificates) == 1
        read = [rows.row("student", raw) for raw in session.execute(SELECT["student"])]
        if not ON_SERVER:  # SQLite's snapshot still holds the child; PostgreSQL's next statement does not
            assert kid in {row["id"] for row, _digest in read}
        assert not any(key == kid for _table, key in rows.cache._rows)
    with reading(left.ctx) as session:  # a transaction begun after the purge keeps its rows again
        rows = cache_for(session)
        kept = [rows.row("student", raw) for raw in session.execute(SELECT["student"])]
        assert kept and all(("student", row["id"]) in rows.cache._rows for row, _digest in kept)


@sqlite_only  # the backups rotated are SQLite files (a server's are pg_dump's)
def test_a_purge_killed_before_its_backups_were_rotated_has_them_rotated_by_the_next_run(left, paths):
    """Killed between its commit and the rotation (here: run without the data folder's paths, so no rotation),
    a purge left a backup holding the child; the next run finds nothing due but still rotates that backup."""
    office = left.as_(left.office)
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    old = backup.make_backup(paths, key=TEST_KEY)
    assert len(privacy.purge(office).certificates) == 1 and old.path.exists()
    again = privacy.purge(office, paths)
    assert again.certificates == [] and again.due == []
    assert not old.path.exists() and again.backups_removed == [old.path]
    assert [b.path for b in backup.list_backups(paths)] == [again.backup_made]
    # Rotated once: a later run with nothing due and nothing older leaves the backups alone.
    third = privacy.purge(office, paths)
    assert third.backup_made is None and third.backups_removed == []
    assert [b.path for b in backup.list_backups(paths)] == [again.backup_made]


@sqlite_only  # the backups rotated are SQLite files (a server's are pg_dump's)
def test_purge_rotates_the_backups_that_held_the_child(left, paths):
    office = left.as_(left.office)
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    old = backup.make_backup(paths, key=TEST_KEY)
    result = privacy.purge(office, paths)
    assert len(result.certificates) == 1
    # Backups that held the child are gone; a new one made after the purge is the only one left.
    assert not old.path.exists() and result.backups_removed == [old.path]
    assert [b.path for b in backup.list_backups(paths)] == [result.backup_made]


def test_only_managers_purge(left, paths):
    with pytest.raises(PermissionDenied):
        privacy.purge(left.as_(left.t1), paths)


def test_access_copy_holds_the_whole_record_as_json_and_pdf(left, tmp_path):
    office = left.as_(left.office)
    kid = left.students[0]
    made = write_access_copy(office, kid, tmp_path / "request")
    record = json.loads(made.json.read_text(encoding="utf-8"))
    assert record["student_id"] == kid and record["tables"]["student"][0]["name"] == "小明"
    assert {"consent", "attachment", "contact", "assignment"} <= set(record["tables"])
    assert len(record["photos"]) == 1
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(made.pdf.read_bytes())).pages)
    assert "小明" in text and "个人信息处理同意记录" in text and "consent" not in text
    assert "小明" not in made.pdf.name and "小明" not in made.json.name
    with reading(left.ctx) as session:
        assert session.scalar(select(AuditEntry).where(AuditEntry.action == "export")).entity_id == kid


def test_cli_purge_dry_run_then_purge_and_export(left, paths, tmp_path, capsys):
    db = paths.db_option
    assert run_as(["--db", db, "privacy", "purge", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert left.students[0] in out and "nothing was deleted" in out and "小明" not in out
    assert run_as(["--db", db, "privacy", "export", "--student", "S002", "--out", str(tmp_path / "x")]) == 0
    assert len(list((tmp_path / "x").iterdir())) == 2
    assert run_as(["--db", db, "privacy", "purge", "--out", str(tmp_path / "certs")]) == 0
    out = capsys.readouterr().out
    assert "certificate:" in out and len(list((tmp_path / "certs").glob("*.pdf"))) == 1
    # Where the backups are: this computer's files (rotated here) or the server's pg_dump routine (told to).
    assert ("pg_dump" in out) == ON_SERVER and ("new backup:" in out) != ON_SERVER
    assert run_as(["--db", db, "privacy", "export", "--student", "nobody", "--out", str(tmp_path / "y")]) == 2


def test_cli_access_copy_with_a_pdf_password_as_the_packets_have(left, paths, tmp_path, capsys, monkeypatch):
    """`privacy export --pdf-password-env VAR` (the packets' option): one encrypted PDF with the JSON inside;
    the variable unset or empty exits 2 before anything is written."""
    db, out = paths.db_option, tmp_path / "locked"
    argv = [
        "--db",
        db,
        "privacy",
        "export",
        "--student",
        "S001",
        "--out",
        str(out),
        "--pdf-password-env",
        "FAM",
    ]
    monkeypatch.delenv("FAM", raising=False)
    assert run_as(argv) == 2 and not out.exists()
    assert "--pdf-password-env FAM" in capsys.readouterr().err
    monkeypatch.setenv("FAM", "family pass")
    assert run_as(argv) == 0
    [pdf] = list(out.iterdir())
    assert "attached inside the PDF" in capsys.readouterr().out
    reader = PdfReader(str(pdf))
    assert reader.is_encrypted and reader.decrypt("family pass")
    [data] = next(iter(reader.attachments.values()))
    assert json.loads(data)["tables"]["student"][0]["name"] == "小明"
    assert "小明".encode() not in pdf.read_bytes()


def _signed_visit(school, kid: str) -> tuple[str, str]:
    """A visit of the child with the caregiver's signature on the pad: (visit id, signature attachment id)."""
    from app.services import visits

    teacher = school.as_(school.t1)
    lesson = {"subject": "生活语文", "content": "认识水果", "minutes": 30}
    visit = visits.create_visit(teacher, kid, {"date": "2026-09-10", "lessons": [lesson]})
    signature = visits.set_signature(teacher, visit.id, png(2))
    return visit.id, signature.id


def test_purge_of_a_child_with_a_signed_visit(left, paths):
    """The walk of Settings › Privacy on the demo school: every child with a signed visit failed to purge
    ("a referenced record does not exist": the attachments went before the visits pointing at them)."""
    office = left.as_(left.office)
    kid = left.students[0]
    _signed_visit(left, kid)
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 15})
    [certificate] = privacy.purge(office, paths).certificates
    assert certificate.counts["visit"] == 1 and certificate.counts["attachment"] == 2
    assert _count(left.ctx, Attachment, student_id=kid) == 0 and _count(left.ctx, Visit, student_id=kid) == 0
    assert check.run_checks(left.ctx.store) == []


def test_photos_due_before_the_records_keep_the_visits_signature(left, paths):
    """Photos are kept 10 years, the records 30: the photos go, a kept visit keeps its signature (part of it)."""
    office = left.as_(left.office)
    kid = left.students[0]
    visit_id, signature_id = _signed_visit(left, kid)
    privacy.set_retention(office, {"photos": 10, "contacts": 30, "records": 30, "student": 30})
    [certificate] = privacy.purge(office, paths).certificates
    assert certificate.kinds == ("photos",) and certificate.counts["attachment"] == 1
    with reading(left.ctx) as session:
        assert [a.id for a in session.scalars(select(Attachment).where(Attachment.student_id == kid))] == [
            signature_id
        ]
        assert session.get(Visit, visit_id).signature_id == signature_id
    assert check.run_checks(left.ctx.store) == []
