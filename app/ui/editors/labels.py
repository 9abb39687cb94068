"""Translated names for the codes the editors show (domains, methods, results, statuses, channels)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui import labels

CTX = "EditorLabels"

# Domains and subjects are stored as their Chinese names (the codes the paperwork uses); English is the source.
DOMAINS = {
    "感知觉": QT_TRANSLATE_NOOP("EditorLabels", "Perception"),
    "粗大动作": QT_TRANSLATE_NOOP("EditorLabels", "Gross motor"),
    "精细动作": QT_TRANSLATE_NOOP("EditorLabels", "Fine motor"),
    "语言与沟通": QT_TRANSLATE_NOOP("EditorLabels", "Language and communication"),
    "认知": QT_TRANSLATE_NOOP("EditorLabels", "Cognition"),
    "社会交往": QT_TRANSLATE_NOOP("EditorLabels", "Social interaction"),
    "生活自理": QT_TRANSLATE_NOOP("EditorLabels", "Self-care"),
    "情绪与行为": QT_TRANSLATE_NOOP("EditorLabels", "Emotion and behaviour"),
}
SUBJECTS = {
    "生活语文": QT_TRANSLATE_NOOP("EditorLabels", "Life Chinese"),
    "生活数学": QT_TRANSLATE_NOOP("EditorLabels", "Life mathematics"),
    "生活适应": QT_TRANSLATE_NOOP("EditorLabels", "Life adaptation"),
    "劳动技能": QT_TRANSLATE_NOOP("EditorLabels", "Work skills"),
    "唱游与律动": QT_TRANSLATE_NOOP("EditorLabels", "Singing, games and rhythm"),
    "绘画与手工": QT_TRANSLATE_NOOP("EditorLabels", "Drawing and handicraft"),
    "运动与保健": QT_TRANSLATE_NOOP("EditorLabels", "Sport and health"),
    "康复训练": QT_TRANSLATE_NOOP("EditorLabels", "Rehabilitation training"),
    "信息技术": QT_TRANSLATE_NOOP("EditorLabels", "Information technology"),
    "艺术休闲": QT_TRANSLATE_NOOP("EditorLabels", "Arts and leisure"),
}
AREAS = {**DOMAINS, **SUBJECTS}
METHODS = {
    "O": QT_TRANSLATE_NOOP("EditorLabels", "O: observation"),
    "W": QT_TRANSLATE_NOOP("EditorLabels", "W: work sample"),
    "T": QT_TRANSLATE_NOOP("EditorLabels", "T: test"),
    "V": QT_TRANSLATE_NOOP("EditorLabels", "V: oral"),
    "P": QT_TRANSLATE_NOOP("EditorLabels", "P: performance"),
}
RESULTS = {
    "P": QT_TRANSLATE_NOOP("EditorLabels", "P: passed"),
    "C": QT_TRANSLATE_NOOP("EditorLabels", "C: continue"),
    "D": QT_TRANSLATE_NOOP("EditorLabels", "D: dropped"),
    "S": QT_TRANSLATE_NOOP("EditorLabels", "S: simplified"),
    "E": QT_TRANSLATE_NOOP("EditorLabels", "E: extended"),
    "0": QT_TRANSLATE_NOOP("EditorLabels", "0: not yet"),
    "1": QT_TRANSLATE_NOOP("EditorLabels", "1: with full help"),
    "2": QT_TRANSLATE_NOOP("EditorLabels", "2: with some help"),
    "3": QT_TRANSLATE_NOOP("EditorLabels", "3: independently"),
}
IEP_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("EditorLabels", "Draft"),
    "active": QT_TRANSLATE_NOOP("EditorLabels", "In force"),
    "reviewed": QT_TRANSLATE_NOOP("EditorLabels", "Reviewed"),
    "archived": QT_TRANSLATE_NOOP("EditorLabels", "Archived"),
}
PLAN_STATUSES = {
    "draft": QT_TRANSLATE_NOOP("EditorLabels", "Draft"),
    "submitted": QT_TRANSLATE_NOOP("EditorLabels", "Submitted"),
    "approved": QT_TRANSLATE_NOOP("EditorLabels", "Approved"),
    "returned": QT_TRANSLATE_NOOP("EditorLabels", "Returned"),
    "resubmitted": QT_TRANSLATE_NOOP("EditorLabels", "Resubmitted"),
}
DECISIONS = {
    code: PLAN_STATUSES[code] for code in ("approved", "returned")
}  # a decision names the status it sets
VISIT_STATUSES = {
    "planned": QT_TRANSLATE_NOOP("EditorLabels", "Planned"),
    "done": QT_TRANSLATE_NOOP("EditorLabels", "Done"),
    "cancelled": QT_TRANSLATE_NOOP("EditorLabels", "Cancelled"),
}
CANCEL_CAUSES = {
    "family": QT_TRANSLATE_NOOP("EditorLabels", "Family or child (excused)"),
    "school": QT_TRANSLATE_NOOP("EditorLabels", "School or teacher (make-up owed)"),
}
CHANNELS = {
    "phone": QT_TRANSLATE_NOOP("EditorLabels", "Phone"),
    "wechat": QT_TRANSLATE_NOOP("EditorLabels", "WeChat"),
    "meeting": QT_TRANSLATE_NOOP("EditorLabels", "Meeting"),
    "home": QT_TRANSLATE_NOOP("EditorLabels", "Home visit"),
    "letter": QT_TRANSLATE_NOOP("EditorLabels", "Letter"),
}
PURPOSES = {
    "notice": QT_TRANSLATE_NOOP("EditorLabels", "Visit notice"),
    "follow_up": QT_TRANSLATE_NOOP("EditorLabels", "Follow-up"),
    "training": QT_TRANSLATE_NOOP("EditorLabels", "Caregiver training"),
    "other": QT_TRANSLATE_NOOP("EditorLabels", "Other"),
}
# The teaching process (教学过程) steps are stored under their Chinese names, as the lessons service keeps them.
PROCESS_STEPS = {
    "导入": QT_TRANSLATE_NOOP("EditorLabels", "Introduction"),
    "新授": QT_TRANSLATE_NOOP("EditorLabels", "New content / training"),
    "练习": QT_TRANSLATE_NOOP("EditorLabels", "Practice"),
    "小结": QT_TRANSLATE_NOOP("EditorLabels", "Summary"),
    "家庭延伸": QT_TRANSLATE_NOOP("EditorLabels", "Home extension"),
}


def label(table: dict[str, Any], code: object) -> str:
    """As :func:`app.ui.labels.label`, in the editors' context; codes are looked up as text."""
    return labels.label(table, None if code is None else str(code), CTX)


def area_label(code: str) -> str:
    return label(AREAS, code)


def pairs(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, translated label) pairs for a combo box."""
    return [(code, QCoreApplication.translate(CTX, str(source))) for code, source in table.items()]
