"""All tables; importing this module registers every model on Base.metadata."""

from app.db.models.assessment import TeacherAssessment
from app.db.models.audit import AuditEntry, AuditHead, Draft, OfficeKey
from app.db.models.exchange import ExchangeConflict, ExchangeDevice, ExchangeLog, ExchangeState
from app.db.models.iep import Goal, GoalBankItem, Iep, IepScore, Objective, ObjectiveReview
from app.db.models.people import Assignment, Consent, Guardian, Pause, Student, User
from app.db.models.plans import LessonPlan, MonthlyPlan, PlannedVisit, PlanRevision
from app.db.models.school import CalendarDay, School, Setting, Term
from app.db.models.visits import (
    Attachment,
    Blob,
    Contact,
    ObjectiveProgress,
    Visit,
    VisitAmendment,
    VisitLesson,
)

__all__ = [
    "Assignment",
    "Attachment",
    "AuditEntry",
    "AuditHead",
    "Blob",
    "CalendarDay",
    "Consent",
    "Contact",
    "Draft",
    "ExchangeConflict",
    "ExchangeDevice",
    "ExchangeLog",
    "ExchangeState",
    "Goal",
    "GoalBankItem",
    "Guardian",
    "Iep",
    "IepScore",
    "LessonPlan",
    "MonthlyPlan",
    "Objective",
    "OfficeKey",
    "ObjectiveProgress",
    "ObjectiveReview",
    "Pause",
    "PlanRevision",
    "PlannedVisit",
    "School",
    "Setting",
    "Student",
    "TeacherAssessment",
    "Term",
    "User",
    "Visit",
    "VisitAmendment",
    "VisitLesson",
]

# Tables in dependency order, for dump/load and integrity checks.
RECORD_TABLES = [
    School,
    Setting,
    Term,
    CalendarDay,
    User,
    Student,
    Guardian,
    Consent,
    Assignment,
    Pause,
    GoalBankItem,
    Iep,
    IepScore,
    Goal,
    Objective,
    ObjectiveReview,
    MonthlyPlan,
    PlannedVisit,
    PlanRevision,
    LessonPlan,
    Blob,
    Attachment,
    Visit,
    VisitLesson,
    ObjectiveProgress,
    VisitAmendment,
    Contact,
    TeacherAssessment,
]
