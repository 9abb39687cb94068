"""IEP (个别化教育计划): assessment scores, goals, objectives, reviews; the goal bank."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Record


class Iep(Record):
    __tablename__ = "iep"
    __table_args__ = (UniqueConstraint("student_id", "term_id"),)

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    term_id: Mapped[str] = mapped_column(ForeignKey("term.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="draft")  # draft|active|reviewed|archived
    assessment_tool: Mapped[str] = mapped_column(String(100), default="")
    assessment_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    assessor: Mapped[str] = mapped_column(String(60), default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    guardian_expectations: Mapped[str] = mapped_column(Text, default="")
    subjects: Mapped[list[str]] = mapped_column(JSON, default=list)
    visits_per_week: Mapped[int] = mapped_column(Integer, default=1)
    lessons_per_visit: Mapped[int] = mapped_column(Integer, default=2)
    related_services: Mapped[str] = mapped_column(Text, default="")
    family_cooperation: Mapped[str] = mapped_column(Text, default="")
    signed_teacher_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed_guardian_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    signed_school_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    review_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    review_summary: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    scores: Mapped[list[IepScore]] = relationship(back_populates="iep", order_by="IepScore.position")
    goals: Mapped[list[Goal]] = relationship(back_populates="iep", order_by="Goal.position")


class IepScore(Record):
    __tablename__ = "iep_score"

    iep_id: Mapped[str] = mapped_column(ForeignKey("iep.id", ondelete="CASCADE"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    iep: Mapped[Iep] = relationship(back_populates="scores")


class Goal(Record):
    """A term goal (长期目标) in one domain."""

    __tablename__ = "goal"

    iep_id: Mapped[str] = mapped_column(ForeignKey("iep.id", ondelete="CASCADE"), index=True)
    domain: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    iep: Mapped[Iep] = relationship(back_populates="goals")
    objectives: Mapped[list[Objective]] = relationship(back_populates="goal", order_by="Objective.position")


class Objective(Record):
    """A short-term objective (短期目标) with its criterion and method of measurement."""

    __tablename__ = "objective"

    goal_id: Mapped[str] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    criterion: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(String(4), default="O")  # O W T V P
    position: Mapped[int] = mapped_column(Integer, default=0)
    goal: Mapped[Goal] = relationship(back_populates="objectives")
    reviews: Mapped[list[ObjectiveReview]] = relationship(
        back_populates="objective", order_by="ObjectiveReview.date"
    )


class ObjectiveReview(Record):
    __tablename__ = "objective_review"

    objective_id: Mapped[str] = mapped_column(ForeignKey("objective.id", ondelete="CASCADE"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    result: Mapped[str] = mapped_column(String(2))  # P C D S E or 0..3
    note: Mapped[str] = mapped_column(Text, default="")
    objective: Mapped[Objective] = relationship(back_populates="reviews")


class GoalBankItem(Record):
    __tablename__ = "goal_bank_item"

    domain: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="goal")  # goal | objective
    text: Mapped[str] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("goal_bank_item.id"), nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
