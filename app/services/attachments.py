"""Photos, signatures and documents: content-addressed bytes (deduplicated), checked by their magic bytes."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import utcnow
from app.db.models import Attachment, Blob, Contact, Iep, Student, Visit
from app.services import forms
from app.services.access import student_for_read, student_for_write
from app.services.context import ServiceContext, get_live, reading, transaction
from app.services.errors import ConflictError, ValidationError

MAX_BYTES = 15 * 1024 * 1024
OWNER_TYPES = ("visit", "iep", "student", "contact")
KINDS = ("photo", "signature", "document")
ALLOWED = {
    "photo": ("image/png", "image/jpeg"),
    "signature": ("image/png",),
    "document": ("image/png", "image/jpeg", "application/pdf"),
}


@dataclass(frozen=True, kw_only=True)
class AttachmentInfo:
    id: str
    student_id: str
    owner_type: str
    owner_id: str
    kind: str
    mime: str
    caption: str
    size: int
    sha256: str
    created_at: dt.datetime


def sniff_mime(data: bytes) -> str | None:
    """The type from the file's own bytes (never the name): PNG, JPEG or PDF, else None.

    Besides the magic number the file must end as its format ends, so a truncated or renamed file is refused.
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and b"IEND" in data[-16:]:
        return "image/png"
    if data.startswith(b"\xff\xd8\xff") and data.rstrip(b"\x00\r\n").endswith(b"\xff\xd9"):
        return "image/jpeg"
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return "application/pdf"
    return None


def check_bytes(data: bytes, kind: str) -> str:
    """Validate an upload and return its MIME type; the message never names the file (it may name a child)."""
    if not data:
        raise ValidationError("attachment.empty", "The file is empty.", field="data")
    if len(data) > MAX_BYTES:
        raise ValidationError(
            "attachment.too_large",
            "The file is larger than 15 MB; please make it smaller.",
            field="data",
            max_bytes=MAX_BYTES,
        )
    mime = sniff_mime(data)
    if mime is None:
        raise ValidationError(
            "attachment.unknown_type",
            "The file is not a PNG or JPEG picture or a PDF document (or it is damaged).",
            field="data",
        )
    if mime not in ALLOWED[kind]:
        raise ValidationError(
            "attachment.wrong_type",
            f"A {kind} must be {' or '.join(ALLOWED[kind])}.",
            field="data",
            allowed=ALLOWED[kind],
        )
    return mime


def owner_student(
    session: Session, ctx: ServiceContext, owner_type: str, owner_id: str, *, write: bool
) -> str:
    """The student an owner record belongs to, after checking the actor may read (or write) it."""
    model = {"visit": Visit, "iep": Iep, "student": Student, "contact": Contact}[owner_type]
    owner = get_live(session, model, owner_id, owner_type)
    student_id = owner.id if owner_type == "student" else owner.student_id
    (student_for_write if write else student_for_read)(session, ctx, student_id)
    return student_id


def store_bytes(
    session: Session,
    student_id: str,
    owner_type: str,
    owner_id: str,
    kind: str,
    data: bytes,
    caption: str = "",
) -> Attachment:
    """Within a transaction: keep the bytes once (by SHA-256) and add the attachment row."""
    mime = check_bytes(data, kind)
    digest = hashlib.sha256(data).hexdigest()
    if session.scalar(select(Blob.sha256).where(Blob.sha256 == digest)) is None:
        session.add(Blob(sha256=digest, size=len(data), data=data))
        session.flush()
    attachment = Attachment(
        student_id=student_id,
        owner_type=owner_type,
        owner_id=owner_id,
        kind=kind,
        mime=mime,
        caption=caption,
        blob_sha256=digest,
    )
    session.add(attachment)
    session.flush()
    return attachment


def attachment_info(session: Session, a: Attachment) -> AttachmentInfo:
    size = session.scalar(select(Blob.size).where(Blob.sha256 == a.blob_sha256)) or 0
    return AttachmentInfo(
        id=a.id,
        student_id=a.student_id,
        owner_type=a.owner_type,
        owner_id=a.owner_id,
        kind=a.kind,
        mime=a.mime,
        caption=a.caption,
        size=size,
        sha256=a.blob_sha256,
        created_at=a.created_at,
    )


def add_attachment(
    ctx: ServiceContext, owner_type: str, owner_id: str, kind: str, data: bytes, caption: str = ""
) -> AttachmentInfo:
    owner_type = forms.choice(owner_type, "owner_type", OWNER_TYPES) or ""
    kind = forms.choice(kind, "kind", KINDS) or ""
    caption = forms.text({"caption": caption}, "caption", max_len=200)
    check_bytes(data, kind)  # before opening a transaction: a 15 MB refusal should cost nothing
    with transaction(ctx) as session:
        student_id = owner_student(session, ctx, owner_type, owner_id, write=True)
        return attachment_info(
            session, store_bytes(session, student_id, owner_type, owner_id, kind, data, caption)
        )


def list_attachments(
    ctx: ServiceContext, owner_type: str, owner_id: str, kind: str | None = None
) -> list[AttachmentInfo]:
    owner_type = forms.choice(owner_type, "owner_type", OWNER_TYPES) or ""
    with reading(ctx) as session:
        owner_student(session, ctx, owner_type, owner_id, write=False)
        query = (
            select(Attachment)
            .where(
                Attachment.owner_type == owner_type,
                Attachment.owner_id == owner_id,
                Attachment.deleted_at.is_(None),
            )
            .order_by(Attachment.created_at)
        )
        if kind:
            query = query.where(Attachment.kind == kind)
        return [attachment_info(session, a) for a in session.scalars(query)]


def fetch_bytes(ctx: ServiceContext, attachment_id: str) -> tuple[str, bytes]:
    """(mime, bytes) of an attachment the actor may read."""
    with reading(ctx) as session:
        attachment: Attachment = get_live(session, Attachment, attachment_id, "attachment")
        student_for_read(session, ctx, attachment.student_id)
        data = session.scalar(select(Blob.data).where(Blob.sha256 == attachment.blob_sha256))
        return attachment.mime, bytes(data or b"")


def delete_attachment(ctx: ServiceContext, attachment_id: str) -> None:
    """Soft delete; the bytes stay while another attachment (or the tombstone, for sync) refers to them.

    Attachments of a finished visit are part of the locked record and cannot be deleted.
    """
    with transaction(ctx) as session:
        attachment: Attachment = get_live(session, Attachment, attachment_id, "attachment")
        student_for_write(session, ctx, attachment.student_id)
        if attachment.owner_type == "visit":
            visit = session.get(Visit, attachment.owner_id)
            if visit is not None and visit.status == "done":
                # Photos may still be added to a finished visit, but what it holds stays: it is the record.
                raise ConflictError(
                    "visit.locked", "The visit is finished; its photos and signature are part of the record."
                )
            if visit is not None and visit.signature_id == attachment.id:
                visit.signature_id = None
        attachment.deleted_at = utcnow()
