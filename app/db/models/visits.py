"""Visit records (送教上门记录), their lessons, progress, amendments; guardian contacts; attachments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    Time,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Record


class Visit(Record):
    __tablename__ = "visit"
    __table_args__ = (
        # Every column the visit list, its count and its filters read of a visit (app/services/visit_list.py),
        # led by the date: the office's count scans it and its list walks it in date order without touching
        # the table (a visit row is ~640 bytes with its texts, an entry here ~135), and a date range uses it as
        # the plain date index it replaces did. On an encrypted file every page a connection reads for the
        # first time is decrypted and checked (issue 12): the Visits page's first count read the whole 35 MB
        # table. One such index only: with a second covering one (by student) SQLite's pick for the count
        # would depend on which index was created last, and the date-ordered list would then read the other
        # one cold.
        Index(
            "ix_visit_date_cover",
            "date",
            "student_id",
            "teacher_id",
            "status",
            "deleted_at",
            "makeup_of_id",
            "id",
        ),
    )

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)  # 主教 who records it
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    end_time: Mapped[dt.time | None] = mapped_column(Time, nullable=True)
    status: Mapped[str] = mapped_column(String(10), default="planned")  # planned | done | cancelled
    teacher_ids: Mapped[list[str]] = mapped_column(JSON, default=list)  # teachers present
    place: Mapped[str] = mapped_column(String(200), default="")
    caregivers_present: Mapped[str] = mapped_column(String(200), default="")
    health: Mapped[str] = mapped_column(String(200), default="")
    mood: Mapped[str] = mapped_column(String(200), default="")
    performance: Mapped[str] = mapped_column(Text, default="")
    family_guidance: Mapped[str] = mapped_column(Text, default="")
    homework: Mapped[str] = mapped_column(Text, default="")
    caregiver_opinion: Mapped[str] = mapped_column(Text, default="")
    next_visit_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")
    cancel_cause: Mapped[str | None] = mapped_column(String(10), nullable=True)  # family | school
    makeup_of_id: Mapped[str | None] = mapped_column(ForeignKey("visit.id"), nullable=True, index=True)
    plan_id: Mapped[str | None] = mapped_column(ForeignKey("monthly_plan.id"), nullable=True)
    planned_visit_id: Mapped[str | None] = mapped_column(ForeignKey("planned_visit.id"), nullable=True)
    # No longer written or read: the flag is computed from the month's plan (plans.lacks_approved_plan). The
    # column stays so older databases, dumps and exchange bundles keep their shape.
    without_approved_plan: Mapped[bool] = mapped_column(Boolean, default=False)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    signature_id: Mapped[str | None] = mapped_column(ForeignKey("attachment.id"), nullable=True)
    # A caregiver who cannot sign on the pad: "mark" (a thumbprint, 按手印, on the paper record) or "proxy" (a
    # name typed for them, 代签), with who and why; NULL when the pad was used or nothing was signed.
    signature_kind: Mapped[str | None] = mapped_column(String(10), nullable=True)
    signature_name: Mapped[str] = mapped_column(String(60), default="", server_default="")
    signature_reason: Mapped[str] = mapped_column(String(200), default="", server_default="")

    lessons: Mapped[list[VisitLesson]] = relationship(
        back_populates="visit", order_by="VisitLesson.position", foreign_keys="VisitLesson.visit_id"
    )
    progress: Mapped[list[ObjectiveProgress]] = relationship(back_populates="visit")
    amendments: Mapped[list[VisitAmendment]] = relationship(
        back_populates="visit", order_by="VisitAmendment.created_at"
    )


class VisitLesson(Record):
    __tablename__ = "visit_lesson"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    subject: Mapped[str] = mapped_column(String(40), default="")
    content: Mapped[str] = mapped_column(Text, default="")
    minutes: Mapped[int] = mapped_column(Integer, default=0)
    objective_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    lesson_plan_id: Mapped[str | None] = mapped_column(ForeignKey("lesson_plan.id"), nullable=True)
    visit: Mapped[Visit] = relationship(back_populates="lessons", foreign_keys=[visit_id])


class ObjectiveProgress(Record):
    __tablename__ = "objective_progress"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    objective_id: Mapped[str] = mapped_column(ForeignKey("objective.id"), index=True)
    result: Mapped[str] = mapped_column(String(2), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    visit: Mapped[Visit] = relationship(back_populates="progress")


class VisitAmendment(Record):
    """A correction to a finished (locked) visit record; the original text is kept."""

    __tablename__ = "visit_amendment"

    visit_id: Mapped[str] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    new_value: Mapped[Any] = mapped_column(JSON, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    visit: Mapped[Visit] = relationship(back_populates="amendments")


class Contact(Record):
    """A guardian contact (家校联系), answered or not: unanswered attempts prove due diligence."""

    __tablename__ = "contact"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    guardian_id: Mapped[str | None] = mapped_column(ForeignKey("guardian.id"), nullable=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    channel: Mapped[str] = mapped_column(String(10))  # phone wechat meeting home letter
    purpose: Mapped[str] = mapped_column(String(20))  # notice follow_up training other
    answered: Mapped[bool] = mapped_column(Boolean, default=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    feedback: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    recorder_id: Mapped[str] = mapped_column(ForeignKey("user.id"))


class Blob(Record):
    """Attachment bytes, stored in the database so that a record and its photo commit together."""

    __tablename__ = "blob"

    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(Record):
    __tablename__ = "attachment"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    owner_type: Mapped[str] = mapped_column(String(20))  # visit | iep | student | contact
    owner_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # photo | signature | document
    mime: Mapped[str] = mapped_column(String(60))
    caption: Mapped[str] = mapped_column(String(200), default="")
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"))
    blob: Mapped[Blob] = relationship(lazy="raise_on_sql")
