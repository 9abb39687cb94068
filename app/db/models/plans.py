"""Monthly plans (月送教计划) with revisions and approval decisions; lesson plans (教案)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Record


class MonthlyPlan(Record):
    __tablename__ = "monthly_plan"
    __table_args__ = (UniqueConstraint("student_id", "month"),)

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    month: Mapped[str] = mapped_column(String(7), index=True)  # YYYY-MM
    teacher_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)  # the plan's author
    status: Mapped[str] = mapped_column(String(12), default="draft")
    plan_revision: Mapped[int] = mapped_column(Integer, default=1)  # bumps when an edit needs new approval
    approved_revision: Mapped[int | None] = mapped_column(Integer, nullable=True)
    objective_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    materials: Mapped[str] = mapped_column(Text, default="")
    family_tasks: Mapped[str] = mapped_column(Text, default="")
    safety_notes: Mapped[str] = mapped_column(Text, default="")
    co_teacher_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    first_submitted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    planned_visits: Mapped[list[PlannedVisit]] = relationship(
        back_populates="plan", order_by="PlannedVisit.date"
    )
    revisions: Mapped[list[PlanRevision]] = relationship(
        back_populates="plan", order_by="PlanRevision.number"
    )


class PlannedVisit(Record):
    __tablename__ = "planned_visit"

    plan_id: Mapped[str] = mapped_column(ForeignKey("monthly_plan.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    time_slot: Mapped[str] = mapped_column(String(20), default="")  # e.g. 09:00-10:30
    lessons: Mapped[int] = mapped_column(Integer, default=2)
    content: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, default=list
    )  # per lesson: subject, content, objectives
    plan: Mapped[MonthlyPlan] = relationship(back_populates="planned_visits")


class PlanRevision(Record):
    """A frozen copy of a plan as submitted: the thing a reviewer saw and decided on."""

    __tablename__ = "plan_revision"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    plan_id: Mapped[str] = mapped_column(ForeignKey("monthly_plan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    submitted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    submitted_by: Mapped[str] = mapped_column(String(36))
    decision: Mapped[str | None] = mapped_column(String(10), nullable=True)  # approved | returned
    reviewer_id: Mapped[str | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    # The decision signed with the office's Ed25519 key (app/domain/evidence.py decision_message): the
    # snapshot's SHA-256, the signature (hex) and the signing key's fingerprint. Exchange carries them as is.
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    signature: Mapped[str | None] = mapped_column(String(128), nullable=True)
    signed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    plan: Mapped[MonthlyPlan] = relationship(back_populates="revisions")


class LessonPlan(Record):
    __tablename__ = "lesson_plan"

    teacher_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)
    student_id: Mapped[str | None] = mapped_column(
        ForeignKey("student.id", ondelete="CASCADE"), nullable=True, index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    subject: Mapped[str] = mapped_column(String(40), default="")
    date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    lesson_no: Mapped[int] = mapped_column(Integer, default=1)
    minutes: Mapped[int] = mapped_column(Integer, default=40)
    objective_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    key_points: Mapped[str] = mapped_column(Text, default="")
    difficulties: Mapped[str] = mapped_column(Text, default="")
    aids: Mapped[str] = mapped_column(Text, default="")
    process: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)  # 导入 新授 练习 小结 家庭延伸
    support_level: Mapped[str] = mapped_column(String(40), default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    # Indexed so that a teacher's library, "own plans OR templates", reads the two index ranges (SQLite's
    # multi-index OR) instead of every plan of the school.
    is_template: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
