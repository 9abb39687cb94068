"""The semester teacher assessment (学期考核): manual items, comment and grade by academic affairs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Record


class TeacherAssessment(Record):
    """One per teacher per term; the computed figures are not stored (they follow the records)."""

    __tablename__ = "teacher_assessment"
    __table_args__ = (UniqueConstraint("teacher_id", "term_id"),)

    teacher_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)
    term_id: Mapped[str] = mapped_column(ForeignKey("term.id", ondelete="CASCADE"), index=True)
    manual: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # conduct, satisfaction: 0..1
    comment: Mapped[str] = mapped_column(Text, default="")
    grade: Mapped[str | None] = mapped_column(String(12), nullable=True)  # excellent|good|pass|fail
    decided_by: Mapped[str | None] = mapped_column(ForeignKey("user.id"), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
