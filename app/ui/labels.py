"""Translated names for the codes services use (roles, statuses, categories, relations...)."""

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


def label(table: Mapping[Any, Any], code: object, context: str = CTX) -> str:
    """The translated label of ``code`` in one of the tables above (or another module's, translated in its
    ``context``); the code itself if unknown."""
    source = table.get(code)
    return QCoreApplication.translate(context, str(source)) if source else ("" if code is None else str(code))
