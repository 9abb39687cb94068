"""The frozen records an archive packet is printed from (filled by packet.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app.domain.rules import ComplianceResult
from app.services.school import TermInfo
from app.services.students import GuardianInfo
from app.services.visits import SignedWithoutPad


@dataclass(frozen=True)
class ImageData:
    data: bytes
    mime: str
    caption: str = ""


@dataclass(frozen=True)
class ScoreLine:
    domain: str
    score: float | None
    max_score: float | None
    note: str


@dataclass(frozen=True)
class ReviewLine:
    date: dt.date
    result: str
    note: str


@dataclass(frozen=True, kw_only=True)
class ObjectiveSheet:
    id: str
    number: str  # "2.1": goal 2, objective 1, as teachers refer to them
    text: str
    start: dt.date | None
    end: dt.date | None
    criterion: str
    method: str
    reviews: tuple[ReviewLine, ...]

    @property
    def final(self) -> str:
        return self.reviews[-1].result if self.reviews else ""


@dataclass(frozen=True)
class GoalSheet:
    domain: str
    text: str
    objectives: tuple[ObjectiveSheet, ...]


@dataclass(frozen=True, kw_only=True)
class IepSheet:
    status: str
    assessment_tool: str
    assessment_date: dt.date | None
    assessor: str
    scores: tuple[ScoreLine, ...]
    strengths: str
    needs: str
    guardian_expectations: str
    subjects: tuple[str, ...]
    visits_per_week: int
    lessons_per_visit: int
    related_services: str
    family_cooperation: str
    signed_teacher_on: dt.date | None
    signed_guardian_on: dt.date | None
    signed_school_on: dt.date | None
    review_date: dt.date | None
    review_summary: str
    teacher_summary: str
    goals: tuple[GoalSheet, ...]


@dataclass(frozen=True)
class Decision:
    number: int
    submitted_at: dt.datetime
    submitted_by: str
    decision: str | None  # approved | returned | None (pending)
    reviewer: str
    decided_at: dt.datetime | None
    comment: str
    # The office key's fingerprint the decision is signed with ("" when unsigned), and whether the signature
    # verified when the packet was gathered (app.services.evidence).
    signed_by: str = ""
    signature_ok: bool = False


@dataclass(frozen=True)
class PlannedVisitLine:
    date: dt.date
    time_slot: str
    lessons: int
    content: str


@dataclass(frozen=True, kw_only=True)
class PlanSheet:
    month: str
    teacher: str
    co_teachers: str
    status: str
    revision: int
    approved_revision: int | None
    objectives: tuple[str, ...]
    materials: str
    family_tasks: str
    safety_notes: str
    visits: tuple[PlannedVisitLine, ...]
    decisions: tuple[Decision, ...]


@dataclass(frozen=True, kw_only=True)
class LessonPlanSheet:
    title: str
    subject: str
    date: dt.date | None
    lesson_no: int
    minutes: int
    teacher: str
    objectives: tuple[str, ...]
    key_points: str
    difficulties: str
    aids: str
    process: tuple[tuple[str, str], ...]  # (step, text) in the teacher's order: 导入 → … → 家庭延伸训练
    support_level: str
    assessment: str
    reflection: str


@dataclass(frozen=True)
class LessonLine:
    subject: str
    content: str
    minutes: int
    objectives: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class VisitSheet:
    id: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    status: str
    teachers: str
    place: str
    caregivers: str
    lessons: tuple[LessonLine, ...]
    health: str
    mood: str
    performance: str
    progress: tuple[tuple[str, str, str], ...]  # objective, result, note
    guidance: str
    homework: str
    opinion: str
    next_visit: dt.date | None
    cancel_reason: str
    cancel_cause: str | None
    makeup_of: dt.date | None
    without_approved_plan: bool
    amendments: tuple[tuple[str, str, str], ...]  # field, new value, reason
    photos: tuple[ImageData, ...]
    signature: ImageData | None
    signed_without_pad: SignedWithoutPad | None = None  # a mark or a name typed for the caregiver, instead


@dataclass(frozen=True, kw_only=True)
class ContactLine:
    at: dt.datetime
    guardian: str
    channel: str
    purpose: str
    answered: bool
    summary: str
    feedback: str
    follow_up_on: dt.date | None
    recorder: str


@dataclass(frozen=True, kw_only=True)
class PacketData:
    """One student's term, ready to print. ID and certificate numbers are masked unless ``revealed``."""

    school_name: str
    term: TermInfo
    student: dict[str, Any]
    revealed: bool
    teachers: tuple[tuple[str, str], ...]  # name, role
    guardians: tuple[GuardianInfo, ...]
    iep: IepSheet | None
    plans: tuple[PlanSheet, ...]
    lesson_plans: tuple[LessonPlanSheet, ...]
    visits: tuple[VisitSheet, ...]
    contacts: tuple[ContactLine, ...]
    compliance: ComplianceResult
    printed_on: dt.date
    # Guardians' consents, every one on record (withdrawn ones too): (purpose, given by, given on, withdrawn on).
    consents: tuple[tuple[str, str, dt.date, dt.date | None], ...] = ()

    @property
    def code(self) -> str:
        return str(self.student["code"])
