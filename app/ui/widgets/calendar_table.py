"""The term calendar editor: holidays and make-up workdays in an editable table, pre-filled on request."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import OfficialYear, unknown_years
from app.services import school
from app.ui.labels import DAY_KINDS, label
from app.ui.messages import message
from app.ui.widgets.style import warning_style


class CalendarTable(QWidget):
    """Rows of (date, kind, name). ``prefill(start, end)`` puts in the statutory holidays for those dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        # Years of the term whose official holidays this version does not know (set_dates): said above the table.
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(warning_style())
        self.notice.hide()
        column.addWidget(self.notice)
        # The school's imported holiday files by year (app.services.holidays.imported), when it has any.
        self.imported: Mapping[int, OfficialYear] = {}
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.table.setAccessibleName(self.tr("Term calendar: holidays and make-up workdays"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.prefill_button = QPushButton(self.tr("Fill in statutory holidays"))
        self.add_button = QPushButton(self.tr("Add day"))
        self.remove_button = QPushButton(self.tr("Remove day"))
        self.add_button.clicked.connect(lambda: self.add_row(None, "holiday", ""))
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.prefill_button, self.add_button, self.remove_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

    def add_row(self, day: dt.date | None, kind: str, name: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(day.isoformat() if day else ""))
        kinds = QComboBox()
        for code in DAY_KINDS:
            kinds.addItem(label(DAY_KINDS, code), code)
        kinds.setCurrentIndex(max(kinds.findData(kind), 0))
        kinds.setAccessibleName(self.tr("Kind of day"))
        self.table.setCellWidget(r, 1, kinds)
        self.table.setItem(r, 2, QTableWidgetItem(name))

    def set_days(self, days: Iterable[Any]) -> None:
        self.table.setRowCount(0)
        for entry in days:
            self.add_row(entry.date, entry.kind, entry.name)

    def prefill(self, start: dt.date, end: dt.date) -> int:
        days = school.suggested_days(start, end, self.imported)
        self.set_days(days)
        self.set_dates(start, end)
        return len(days)

    def set_dates(self, start: dt.date, end: dt.date) -> list[int]:
        """Warn when the term reaches a year whose official holidays are unknown here; those years."""
        years = unknown_years(start, end, self.imported)
        self.notice.setText(
            message("holidays.unknown_years", years="、".join(map(str, years))) if years else ""
        )
        self.notice.setAccessibleName(self.notice.text())
        self.notice.setVisible(bool(years))
        return years

    def remove_selected(self) -> None:
        rows = sorted(
            {i.row() for i in self.table.selectedIndexes()} | {self.table.currentRow()}, reverse=True
        )
        for r in rows:
            if r >= 0:
                self.table.removeRow(r)

    def values(self) -> list[dict[str, Any]]:
        result = []
        for r in range(self.table.rowCount()):
            date_item, name_item = self.table.item(r, 0), self.table.item(r, 2)
            kinds = self.table.cellWidget(r, 1)
            result.append(
                {
                    "date": date_item.text().strip() if date_item else "",
                    "kind": kinds.currentData() if isinstance(kinds, QComboBox) else "holiday",
                    "name": name_item.text().strip() if name_item else "",
                }
            )
        return result

    def mark_row(self, index: int) -> None:
        """Select the row a validation error named (``days[3].date``)."""
        if 0 <= index < self.table.rowCount():
            self.table.selectRow(index)
            self.table.setCurrentCell(index, 0)
