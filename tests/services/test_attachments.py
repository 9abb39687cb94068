"""Attachments: sniffed types, size limit, deduplicated bytes, access rules and soft deletion."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db.models import Attachment, Blob
from app.services import attachments, visits
from app.services.context import reading
from app.services.errors import ConflictError, NotFound, PermissionDenied, ValidationError
from tests.services.test_visits import LESSONS, png_bytes

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x11" * 100 + b"\xff\xd9"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def blob_count(ctx):
    with reading(ctx) as session:
        return session.scalar(select(func.count()).select_from(Blob)), session.scalar(
            select(func.count()).select_from(Attachment)
        )


@pytest.fixture
def visit(school):
    return visits.create_visit(
        school.as_(school.t1), school.students[0], {"date": "2026-11-18", "lessons": LESSONS}
    )


def test_sniffing():
    assert attachments.sniff_mime(png_bytes()) == "image/png"
    assert attachments.sniff_mime(JPEG) == "image/jpeg"
    assert attachments.sniff_mime(PDF) == "application/pdf"
    assert attachments.sniff_mime(png_bytes()[:-12]) is None  # truncated
    assert attachments.sniff_mime(b"GIF89a....") is None
    assert attachments.sniff_mime(b"<html>%PDF-") is None


def test_add_list_fetch_dedup_delete(school, visit):
    t1 = school.as_(school.t1)
    photo = attachments.add_attachment(t1, "visit", visit.id, "photo", JPEG, caption="练习握笔")
    again = attachments.add_attachment(t1, "visit", visit.id, "photo", JPEG)
    doc = attachments.add_attachment(t1, "student", school.students[0], "document", PDF)
    assert photo.sha256 == again.sha256 and photo.id != again.id and photo.size == len(JPEG)
    assert blob_count(school.ctx) == (2, 3)  # same bytes stored once
    assert [a.caption for a in attachments.list_attachments(t1, "visit", visit.id)] == ["练习握笔", ""]
    assert attachments.fetch_bytes(school.as_(school.leader), doc.id) == ("application/pdf", PDF)
    attachments.delete_attachment(t1, photo.id)
    assert [a.id for a in attachments.list_attachments(t1, "visit", visit.id)] == [again.id]
    with pytest.raises(NotFound):
        attachments.fetch_bytes(t1, photo.id)


def test_bad_files_refused_with_clear_message(school, visit):
    t1 = school.as_(school.t1)
    before = blob_count(school.ctx)
    too_big = b"%PDF-" + b"0" * (15 * 1024 * 1024) + b"%%EOF"
    cases = [
        (too_big, "document", "attachment.too_large"),
        (b"", "photo", "attachment.empty"),
        (b"MZ\x90\x00 not a picture", "photo", "attachment.unknown_type"),
        (PDF, "photo", "attachment.wrong_type"),
        (JPEG, "signature", "attachment.wrong_type"),
    ]
    for data, kind, message_id in cases:
        with pytest.raises(ValidationError) as error:
            attachments.add_attachment(t1, "visit", visit.id, kind, data)
        assert error.value.message_id == message_id and error.value.message
    with pytest.raises(ValidationError):
        attachments.add_attachment(t1, "visit", visit.id, "video", JPEG)
    assert blob_count(school.ctx) == before


def test_access_rules(school, visit):
    t2, leader = school.as_(school.t2), school.as_(school.leader)
    with pytest.raises(NotFound):
        attachments.add_attachment(t2, "visit", visit.id, "photo", JPEG)
    with pytest.raises(PermissionDenied):
        attachments.add_attachment(leader, "visit", visit.id, "photo", JPEG)
    photo = attachments.add_attachment(school.as_(school.t1), "visit", visit.id, "photo", JPEG)
    with pytest.raises(NotFound):
        attachments.fetch_bytes(t2, photo.id)
    with pytest.raises(NotFound):
        attachments.list_attachments(t2, "visit", visit.id)


def test_attachments_of_finished_visit_cannot_be_deleted(school, visit):
    t1 = school.as_(school.t1)
    signature = visits.set_signature(t1, visit.id, png_bytes())
    visits.finish_visit(t1, visit.id)
    with pytest.raises(ConflictError):
        attachments.delete_attachment(t1, signature.id)
    late_photo = attachments.add_attachment(t1, "visit", visit.id, "photo", JPEG)  # added after finishing
    with pytest.raises(ConflictError):
        attachments.delete_attachment(t1, late_photo.id)
    assert len(attachments.list_attachments(t1, "visit", visit.id)) == 2
    assert attachments.fetch_bytes(t1, signature.id)[0] == "image/png"
