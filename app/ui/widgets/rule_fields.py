"""The visit rule's fields (period, visits, lessons, minutes, yearly minimum): the first-run wizard and Settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QSpinBox, QWidget

from app.ui.labels import PERIODS, label
from app.ui.widgets.fields import FieldForm, combo


def spin(low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    return box


def add_rule_fields(form: FieldForm, owner: QWidget) -> None:
    """The visit rule's fields (shared by the wizard and Settings)."""
    form.add(
        "period",
        QCoreApplication.translate("RuleFields", "Rule period"),
        combo({k: label(PERIODS, k) for k in PERIODS}),
    )
    form.add("visits_per_period", QCoreApplication.translate("RuleFields", "Visits per period"), spin(1, 10))
    form.add(
        "lessons_per_visit", QCoreApplication.translate("RuleFields", "Lessons (课时) per visit"), spin(1, 8)
    )
    form.add(
        "minutes_per_lesson", QCoreApplication.translate("RuleFields", "Minutes per lesson"), spin(10, 90)
    )
    yearly = QLineEdit()
    yearly.setPlaceholderText(QCoreApplication.translate("RuleFields", "optional"))
    form.add("yearly_min_lessons", QCoreApplication.translate("RuleFields", "Yearly minimum lessons"), yearly)


def rule_values(form: FieldForm) -> dict[str, Any]:
    return {
        k: form.value(k)
        for k in (
            "period",
            "visits_per_period",
            "lessons_per_visit",
            "minutes_per_lesson",
            "yearly_min_lessons",
        )
    }
