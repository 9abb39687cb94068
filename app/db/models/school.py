"""School, terms, the term calendar and settings."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Record


class School(Record):
    __tablename__ = "school"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # The visit rule (DOMAIN.md "The visit rule"): a setting, provinces differ.
    rule_period: Mapped[str] = mapped_column(String(10), default="week")
    rule_visits_per_period: Mapped[int] = mapped_column(Integer, default=1)
    rule_lessons_per_visit: Mapped[int] = mapped_column(Integer, default=2)
    rule_minutes_per_lesson: Mapped[int] = mapped_column(Integer, default=30)
    rule_yearly_min_lessons: Mapped[int | None] = mapped_column(Integer, nullable=True)
    assessment_weights: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    backup_keep: Mapped[int] = mapped_column(Integer, default=10)
    backup_every_hours: Mapped[int] = mapped_column(Integer, default=24)
    # Official holidays of years the holiday package does not know, imported from the State Council's
    # notice as a file (docs/holidays.md): {"2027": {"source", "holidays": {date: name}, "workdays": ...}}.
    # On the school row so that it travels to the laptops with the rest of the office's data.
    official_holidays: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Term(Record):
    __tablename__ = "term"

    name: Mapped[str] = mapped_column(String(100))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    days: Mapped[list[CalendarDay]] = relationship(back_populates="term", order_by="CalendarDay.date")


class CalendarDay(Record):
    """A day the term calendar changes: a holiday on a weekday or a make-up workday on a weekend."""

    __tablename__ = "calendar_day"
    __table_args__ = (UniqueConstraint("term_id", "date"),)

    term_id: Mapped[str] = mapped_column(ForeignKey("term.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(10))  # "holiday" | "workday"
    name: Mapped[str] = mapped_column(String(100), default="")
    term: Mapped[Term] = relationship(back_populates="days")


class Setting(Record):
    """Small key/value settings (language, last backup time, device identity...)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
