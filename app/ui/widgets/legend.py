"""The compliance colour legend: a swatch with its mark and the translated status name."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.ui.item_models.compliance import COLOURS, MARKS
from app.ui.labels import WEEK_STATUSES, label
from app.ui.widgets.style import INK


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for status, colour in COLOURS.items():
            swatch = QLabel(MARKS[status] or " ")
            swatch.setMinimumSize(22, 18)
            swatch.setStyleSheet(
                f"background: {colour}; color: {INK}; border: 1px solid #999; qproperty-alignment: AlignCenter;"
            )
            text = QLabel(label(WEEK_STATUSES, status))
            text.setObjectName(f"legend_{status}")
            row.addWidget(swatch)
            row.addWidget(text)
            row.addSpacing(10)
        row.addStretch(1)
