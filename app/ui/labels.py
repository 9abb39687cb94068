"""Translated names for every code the UI shows (roles, statuses, categories, relations, domains, methods...)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.ui.i18n import QT_TRANSLATE_NOOP

CTX = "Labels"

ROLES = {
    "teacher": QT_TRANSLATE_NOOP("Labels", "Teacher"),
    "academic_affairs": QT_TRANSLATE_NOOP("Labels", "Academic affairs"),
    "leader": QT_TRANSLATE_NOOP("Labels", "School leader"),
    "admin": QT_TRANSLATE_NOOP("Labels", "Administrator"),
    "system": QT_TRANSLATE_NOOP("Labels", "System"),
}
STATUSES = {
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned to school"),
    "transferred": QT_TRANSLATE_NOOP("Labels", "Transferred"),
    "graduated": QT_TRANSLATE_NOOP("Labels", "Graduated"),
}
GENDERS = {"M": QT_TRANSLATE_NOOP("Labels", "Male"), "F": QT_TRANSLATE_NOOP("Labels", "Female")}
PLACEMENTS = {
    "home": QT_TRANSLATE_NOOP("Labels", "At home"),
    "welfare": QT_TRANSLATE_NOOP("Labels", "Welfare home"),
    "rehab": QT_TRANSLATE_NOOP("Labels", "Rehabilitation centre"),
    "remote": QT_TRANSLATE_NOOP("Labels", "Remote"),
}
CATEGORIES = {
    1: QT_TRANSLATE_NOOP("Labels", "Visual"),
    2: QT_TRANSLATE_NOOP("Labels", "Hearing"),
    3: QT_TRANSLATE_NOOP("Labels", "Speech"),
    4: QT_TRANSLATE_NOOP("Labels", "Physical"),
    5: QT_TRANSLATE_NOOP("Labels", "Intellectual"),
    6: QT_TRANSLATE_NOOP("Labels", "Mental"),
    7: QT_TRANSLATE_NOOP("Labels", "Multiple"),
}
GRADES = {
    1: QT_TRANSLATE_NOOP("Labels", "Grade 1 (profound)"),
    2: QT_TRANSLATE_NOOP("Labels", "Grade 2 (severe)"),
    3: QT_TRANSLATE_NOOP("Labels", "Grade 3 (moderate)"),
    4: QT_TRANSLATE_NOOP("Labels", "Grade 4 (mild)"),
}
RELATIONS = {
    "parent": QT_TRANSLATE_NOOP("Labels", "Parent"),
    "grandparent": QT_TRANSLATE_NOOP("Labels", "Grandparent"),
    "sibling": QT_TRANSLATE_NOOP("Labels", "Elder sibling"),
    "temporary": QT_TRANSLATE_NOOP("Labels", "Temporary guardian"),
    "delegated": QT_TRANSLATE_NOOP("Labels", "Delegated caregiver"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
ID_TYPES = {
    "resident_id": QT_TRANSLATE_NOOP("Labels", "Resident ID card"),
    "household": QT_TRANSLATE_NOOP("Labels", "Household register"),
    "passport": QT_TRANSLATE_NOOP("Labels", "Passport"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
ASSIGNMENT_ROLES = {
    "main": QT_TRANSLATE_NOOP("Labels", "Main teacher"),
    "assistant": QT_TRANSLATE_NOOP("Labels", "Assistant teacher"),
}
PERIODS = {"week": QT_TRANSLATE_NOOP("Labels", "Week"), "month": QT_TRANSLATE_NOOP("Labels", "Month")}
DAY_KINDS = {
    "holiday": QT_TRANSLATE_NOOP("Labels", "Holiday"),
    "workday": QT_TRANSLATE_NOOP("Labels", "Make-up workday"),
}
WEEK_STATUSES = {
    "met": QT_TRANSLATE_NOOP("Labels", "Met"),
    "met_by_makeup": QT_TRANSLATE_NOOP("Labels", "Met by make-up"),
    "missed_owed": QT_TRANSLATE_NOOP("Labels", "Missed, make-up owed"),
    "missed_excused": QT_TRANSLATE_NOOP("Labels", "Missed, excused"),
    "paused": QT_TRANSLATE_NOOP("Labels", "Paused"),
    "not_teaching": QT_TRANSLATE_NOOP("Labels", "Holiday / not teaching"),
    "future": QT_TRANSLATE_NOOP("Labels", "Future"),
}

# Domains and subjects are stored as their Chinese names (the codes the paperwork uses); English is the source.
DOMAINS = {
    "感知觉": QT_TRANSLATE_NOOP("Labels", "Perception"),
    "粗大动作": QT_TRANSLATE_NOOP("Labels", "Gross motor"),
    "精细动作": QT_TRANSLATE_NOOP("Labels", "Fine motor"),
    "语言与沟通": QT_TRANSLATE_NOOP("Labels", "Language and communication"),
    "认知": QT_TRANSLATE_NOOP("Labels", "Cognition"),
    "社会交往": QT_TRANSLATE_NOOP("Labels", "Social interaction"),
    "生活自理": QT_TRANSLATE_NOOP("Labels", "Self-care"),
    "情绪与行为": QT_TRANSLATE_NOOP("Labels", "Emotion and behaviour"),
}
SUBJECTS = {
    "生活语文": QT_TRANSLATE_NOOP("Labels", "Life Chinese"),
    "生活数学": QT_TRANSLATE_NOOP("Labels", "Life mathematics"),
    "生活适应": QT_TRANSLATE_NOOP("Labels", "Life adaptation"),
    "劳动技能": QT_TRANSLATE_NOOP("Labels", "Work skills"),
    "唱游与律动": QT_TRANSLATE_NOOP("Labels", "Singing, games and rhythm"),
    "绘画与手工": QT_TRANSLATE_NOOP("Labels", "Drawing and handicraft"),
    "运动与保健": QT_TRANSLATE_NOOP("Labels", "Sport and health"),
    "康复训练": QT_TRANSLATE_NOOP("Labels", "Rehabilitation training"),
    "信息技术": QT_TRANSLATE_NOOP("Labels", "Information technology"),
    "艺术休闲": QT_TRANSLATE_NOOP("Labels", "Arts and leisure"),
}
AREAS = {**DOMAINS, **SUBJECTS}
METHODS = {
    "O": QT_TRANSLATE_NOOP("Labels", "O: observation"),
    "W": QT_TRANSLATE_NOOP("Labels", "W: work sample"),
    "T": QT_TRANSLATE_NOOP("Labels", "T: test"),
    "V": QT_TRANSLATE_NOOP("Labels", "V: oral"),
    "P": QT_TRANSLATE_NOOP("Labels", "P: performance"),
}
RESULTS = {
    "P": QT_TRANSLATE_NOOP("Labels", "P: passed"),
    "C": QT_TRANSLATE_NOOP("Labels", "C: continue"),
    "D": QT_TRANSLATE_NOOP("Labels", "D: dropped"),
    "S": QT_TRANSLATE_NOOP("Labels", "S: simplified"),
    "E": QT_TRANSLATE_NOOP("Labels", "E: extended"),
    "0": QT_TRANSLATE_NOOP("Labels", "0: not yet"),
    "1": QT_TRANSLATE_NOOP("Labels", "1: with full help"),
    "2": QT_TRANSLATE_NOOP("Labels", "2: with some help"),
    "3": QT_TRANSLATE_NOOP("Labels", "3: independently"),
}
IEP_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "active": QT_TRANSLATE_NOOP("Labels", "In force"),
    "reviewed": QT_TRANSLATE_NOOP("Labels", "Reviewed"),
    "archived": QT_TRANSLATE_NOOP("Labels", "Archived"),
}
PLAN_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
    "approved": QT_TRANSLATE_NOOP("Labels", "Approved"),
    "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
    "resubmitted": QT_TRANSLATE_NOOP("Labels", "Resubmitted"),
}
DECISIONS = {
    code: PLAN_STATUSES[code] for code in ("approved", "returned")
}  # a decision names the status it sets
VISIT_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("Labels", "Planned"),
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
}
CANCEL_CAUSES = {
    "family": QT_TRANSLATE_NOOP("Labels", "Family or child (excused)"),
    "school": QT_TRANSLATE_NOOP("Labels", "School or teacher (make-up owed)"),
}
# A caregiver who cannot sign on the pad (visits.SIGNATURE_KINDS).
SIGNATURE_KINDS = {
    "mark": QT_TRANSLATE_NOOP("Labels", "Thumbprint on the paper record (按手印)"),
    "proxy": QT_TRANSLATE_NOOP("Labels", "Name typed for the caregiver (代签)"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
    "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    "home": QT_TRANSLATE_NOOP("Labels", "Home visit"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
}
PURPOSES = {
    "notice": QT_TRANSLATE_NOOP("Labels", "Visit notice"),
    "follow_up": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
    "training": QT_TRANSLATE_NOOP("Labels", "Caregiver training"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
# The teaching process (教学过程) steps are stored under their Chinese names, as the lessons service keeps them.
PROCESS_STEPS = {
    "导入": QT_TRANSLATE_NOOP("Labels", "Introduction"),
    "新授": QT_TRANSLATE_NOOP("Labels", "New content / training"),
    "练习": QT_TRANSLATE_NOOP("Labels", "Practice"),
    "小结": QT_TRANSLATE_NOOP("Labels", "Summary"),
    "家庭延伸": QT_TRANSLATE_NOOP("Labels", "Home extension"),
}

# Why a backup was made: the words app.services.backup and the CLI put in the file name (a reason typed on the
# command line, `backup --reason`, is shown as typed).
BACKUP_REASONS = {
    "manual": QT_TRANSLATE_NOOP("Labels", "Made by hand"),
    "scheduled": QT_TRANSLATE_NOOP("Labels", "Daily backup"),
    "pre-restore": QT_TRANSLATE_NOOP("Labels", "Before a restore"),
    "pre-migration": QT_TRANSLATE_NOOP("Labels", "Before a database upgrade"),
}
# What a guardian consents to (app.domain.privacy.PURPOSES) and the kinds of records with their own retention.
CONSENT_PURPOSES = {
    "home_teaching": QT_TRANSLATE_NOOP("Labels", "Home teaching and its records"),
    "photos": QT_TRANSLATE_NOOP("Labels", "Photos"),
    "health": QT_TRANSLATE_NOOP("Labels", "Health and diagnosis"),
    "exchange": QT_TRANSLATE_NOOP("Labels", "Laptop synchronisation"),
    "sharing": QT_TRANSLATE_NOOP("Labels", "Sharing with a rehabilitation centre"),
}
RECORD_KINDS = {
    "photos": QT_TRANSLATE_NOOP("Labels", "Photos and attachments"),
    "contacts": QT_TRANSLATE_NOOP("Labels", "Contacts with the family"),
    "records": QT_TRANSLATE_NOOP("Labels", "Teaching archive (visits, plans, IEPs)"),
    "student": QT_TRANSLATE_NOOP("Labels", "The student's record and everything else"),
}
# What kind of conflict an exchange import kept aside (app.services.exchange.apply).
CONFLICT_KINDS = {
    "both_edited": QT_TRANSLATE_NOOP("Labels", "changed on both sides"),
    "removed_there": QT_TRANSLATE_NOOP("Labels", "deleted on the other side, changed here"),
}


def label(table: Mapping[Any, Any], code: object) -> str:
    """The translated label of ``code`` in one of the tables above; the code itself if unknown.

    Codes stored as text (a result "2") are also found when given as a number."""
    source = table.get(code)
    if source is None and code is not None:
        source = table.get(str(code))
    return QCoreApplication.translate(CTX, str(source)) if source else ("" if code is None else str(code))


def area_label(code: str) -> str:
    """A domain's or subject's translated name (they are stored as their Chinese names)."""
    return label(AREAS, code)


def pairs(table: Mapping[Any, Any]) -> list[tuple[Any, str]]:
    """(code, translated label) pairs for a combo box."""
    return [(code, QCoreApplication.translate(CTX, str(source))) for code, source in table.items()]
