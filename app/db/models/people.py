"""Users, students, guardians, assignments and pauses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Record


class User(Record):
    __tablename__ = "user"

    username: Mapped[str] = mapped_column(String(60), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))  # teacher | academic_affairs | leader | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    language: Mapped[str] = mapped_column(String(10), default="zh_CN")


class Student(Record):
    __tablename__ = "student"

    code: Mapped[str] = mapped_column(String(40), unique=True)  # school's own code: used in file names
    name: Mapped[str] = mapped_column(String(60), index=True)
    gender: Mapped[str] = mapped_column(String(1), default="")  # M | F
    birth_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ethnicity: Mapped[str] = mapped_column(String(20), default="")
    id_type: Mapped[str] = mapped_column(String(20), default="resident_id")
    id_number: Mapped[str] = mapped_column(String(40), default="")
    roll_number: Mapped[str] = mapped_column(String(40), default="")  # 学籍号
    hukou: Mapped[str] = mapped_column(String(200), default="")  # 户籍地
    address: Mapped[str] = mapped_column(String(300), default="")  # 现住址
    phone: Mapped[str] = mapped_column(String(40), default="")
    enrolled_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)  # 入学年月
    grade_class: Mapped[str] = mapped_column(String(40), default="")
    placement: Mapped[str] = mapped_column(String(20), default="home")  # home | welfare | rehab | remote
    disability_category: Mapped[int | None] = mapped_column(Integer, nullable=True)
    disability_grade: Mapped[int | None] = mapped_column(Integer, nullable=True)
    certificate_no: Mapped[str] = mapped_column(String(40), default="")
    certificate_issued: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    certificate_valid_until: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    diagnosis: Mapped[str] = mapped_column(Text, default="")
    diagnosis_hospital: Mapped[str] = mapped_column(String(100), default="")
    diagnosis_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    committee_opinion: Mapped[str] = mapped_column(Text, default="")
    committee_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    left_behind: Mapped[bool] = mapped_column(Boolean, default=False)
    orphan: Mapped[bool] = mapped_column(Boolean, default=False)
    safety_notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(
        String(20), default="active"
    )  # active|paused|returned|transferred|graduated
    status_since: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    consent_signed_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)

    guardians: Mapped[list[Guardian]] = relationship(back_populates="student", order_by="Guardian.created_at")
    consents: Mapped[list[Consent]] = relationship(back_populates="student", order_by="Consent.given_on")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="student")
    pauses: Mapped[list[Pause]] = relationship(back_populates="student", order_by="Pause.start_date")


class Guardian(Record):
    __tablename__ = "guardian"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    relation: Mapped[str] = mapped_column(String(20))  # parent|grandparent|sibling|temporary|delegated|other
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone2: Mapped[str] = mapped_column(String(40), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    lives_with_child: Mapped[bool] = mapped_column(Boolean, default=True)
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    is_emergency: Mapped[bool] = mapped_column(Boolean, default=False)
    delegated_start: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    delegated_end: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    school_notified_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    student: Mapped[Student] = relationship(back_populates="guardians")


class Assignment(Record):
    """A teacher assigned to a student (主教 main or 副教 assistant), for a span of dates."""

    __tablename__ = "assignment"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    teacher_id: Mapped[str] = mapped_column(ForeignKey("user.id"), index=True)
    role: Mapped[str] = mapped_column(String(10), default="main")  # main | assistant
    start_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    student: Mapped[Student] = relationship(back_populates="assignments")
    teacher: Mapped[User] = relationship()


class Pause(Record):
    """A dated span when the student is exempt from visits (surgery, hospital stay)."""

    __tablename__ = "pause"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(String(200), default="")
    student: Mapped[Student] = relationship(back_populates="pauses")


class Consent(Record):
    """A guardian's consent to one purpose of processing the child's data (PIPL arts. 29, 31), and its withdrawal.

    Who gave it is recorded by the guardian's role (parent, grandparent...), not necessarily by name.
    """

    __tablename__ = "consent"

    student_id: Mapped[str] = mapped_column(ForeignKey("student.id", ondelete="CASCADE"), index=True)
    given_by: Mapped[str] = mapped_column(String(20))  # parent|grandparent|sibling|temporary|delegated|other
    purpose: Mapped[str] = mapped_column(String(20))  # app.domain.privacy.PURPOSES
    given_on: Mapped[dt.date] = mapped_column(Date)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")
    student: Mapped[Student] = relationship(back_populates="consents")
