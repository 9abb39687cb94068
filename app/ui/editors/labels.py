"""Translated names for the codes the editors show (domains, methods, results, statuses, channels)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.ui import labels, messages

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

# Refusals of the editors' services, added to the shared message table (translated in our .ts file).
EDITOR_MESSAGES = {
    "iep.archived": QT_TRANSLATE_NOOP("Messages", "This IEP is archived and can no longer be changed."),
    "iep.transition": QT_TRANSLATE_NOOP("Messages", "The IEP cannot move to that status from here."),
    "iep.archive_office": QT_TRANSLATE_NOOP("Messages", "Only the academic affairs office archives IEPs."),
    "iep.date_range": QT_TRANSLATE_NOOP("Messages", "This date is far outside the term."),
    "iep.score_twice": QT_TRANSLATE_NOOP("Messages", "A domain is scored twice."),
    "iep.score_above_max": QT_TRANSLATE_NOOP("Messages", "A score is above its maximum."),
    "objective.date_range": QT_TRANSLATE_NOOP("Messages", "The date must lie within the term."),
    "objective.dates": QT_TRANSLATE_NOOP("Messages", "The objective ends before it starts."),
    "review.future": QT_TRANSLATE_NOOP("Messages", "A review cannot be dated in the future."),
    "review.date_range": QT_TRANSLATE_NOOP("Messages", "The review date is far outside the term."),
    "bank.not_yours": QT_TRANSLATE_NOOP(
        "Messages", "Only the office removes goal bank items added by others."
    ),
    "plan.submit.role_read_only": QT_TRANSLATE_NOOP(
        "Messages", "School leaders read plans but do not write them."
    ),
    "plan.submit.not_author": QT_TRANSLATE_NOOP("Messages", "Only the plan's author submits it."),
    "plan.submit.already_submitted": QT_TRANSLATE_NOOP(
        "Messages", "This plan is already waiting for a decision."
    ),
    "plan.submit.already_approved": QT_TRANSLATE_NOOP("Messages", "This plan is already approved."),
    "plan.decide.not_academic_affairs": QT_TRANSLATE_NOOP(
        "Messages", "Only the academic affairs office approves or returns plans."
    ),
    "plan.decide.own_plan": QT_TRANSLATE_NOOP("Messages", "Nobody approves their own plan."),
    "plan.decide.not_submitted": QT_TRANSLATE_NOOP("Messages", "This plan is not waiting for a decision."),
    "plan.decide.stale_revision": QT_TRANSLATE_NOOP(
        "Messages", "The teacher changed this plan after you opened it. Reload and read it again."
    ),
    "plan.comment_required": QT_TRANSLATE_NOOP("Messages", "Say what to change when returning a plan."),
    "visit.locked": QT_TRANSLATE_NOOP("Messages", "This record is finished and locked: make an amendment."),
    "visit.amend_reason": QT_TRANSLATE_NOOP("Messages", "Give a reason for the amendment."),
    "visit.cancel_reason": QT_TRANSLATE_NOOP("Messages", "Give the reason for the cancellation."),
}
messages.MESSAGES.update({k: str(v) for k, v in EDITOR_MESSAGES.items() if k not in messages.MESSAGES})


def label(table: dict[str, Any], code: object) -> str:
    """As :func:`app.ui.labels.label`, in the editors' context; codes are looked up as text."""
    return labels.label(table, None if code is None else str(code), CTX)


def area_label(code: str) -> str:
    return label(AREAS, code)


def pairs(table: dict[str, Any]) -> list[tuple[str, str]]:
    """(code, translated label) pairs for a combo box."""
    return [(code, QCoreApplication.translate(CTX, str(source))) for code, source in table.items()]
