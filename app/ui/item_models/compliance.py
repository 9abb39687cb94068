"""The compliance grid: students × weeks, a colour and a mark per status, the reason on hover."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.services.compliance import TermCompliance
from app.ui.i18n import format_date, format_short_date
from app.ui.labels import WEEK_STATUSES, label
from app.ui.messages import reason_text

# Calm colours that stay apart for the common colour-blindnesses; the mark says the same thing without colour.
COLOURS = {
    "met": "#7cc08a",
    "met_by_makeup": "#a9d7e8",
    "missed_owed": "#e5737a",
    "missed_excused": "#f2c86b",
    "paused": "#b9b3d6",
    "not_teaching": "#e4e4e4",
    "future": "#ffffff",
}
MARKS = {
    "met": "✓",
    "met_by_makeup": "↺",
    "missed_owed": "!",
    "missed_excused": "–",
    "paused": "‖",
    "not_teaching": "·",  # a mark of its own: grey against the future's white was 1.27:1, too close to tell
    "future": "",
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class ComplianceModel(QAbstractTableModel):
    """Column 0 is the student; columns 1.. are the term's periods."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.result: TermCompliance | None = None

    def set_result(self, result: TermCompliance | None) -> None:
        self.beginResetModel()
        self.result = result
        self.endResetModel()

    def _periods(self) -> int:
        if not self.result or not self.result.students:
            return 0
        return len(self.result.students[0].result.periods)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() or not self.result else len(self.result.students)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._periods() + 1

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:  # Qt's QVariant
        if orientation != Qt.Orientation.Horizontal or not self.result:
            return None
        if section == 0:
            return (
                QCoreApplication.translate("ComplianceModel", "Student")
                if role == Qt.ItemDataRole.DisplayRole
                else None
            )
        period = self.result.students[0].result.periods[section - 1].period
        if role == Qt.ItemDataRole.DisplayRole:
            return format_short_date(period.start)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{format_date(period.start)} – {format_date(period.end)}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt's QVariant
        if not index.isValid() or not self.result:
            return None
        student = self.result.students[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{student.code} {student.name}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
                totals = student.result.totals
                return QCoreApplication.translate(
                    "ComplianceModel", "Weeks met: {met} of {due}; make-ups owed: {owed}"
                ).format(
                    met=totals.met + totals.met_by_makeup, due=totals.due_periods, owed=totals.owed_makeups
                )
            return None
        result = student.result.periods[index.column() - 1]
        status = str(result.status)
        if role == STATUS_ROLE:
            return status
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(COLOURS[status])
        if role == Qt.ItemDataRole.DisplayRole:
            return MARKS[status]
        if role in (
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.AccessibleDescriptionRole,
        ):
            period = result.period
            visits = (
                QCoreApplication.translate("ComplianceModel", "Visits counted: {n} of {required}").format(
                    n=result.visits_counted, required=result.visits_required
                )
                if result.visits_required
                else ""
            )
            lines = [
                f"{student.name} · {format_date(period.start)} – {format_date(period.end)}",
                f"{label(WEEK_STATUSES, status)}: {reason_text(result.reason)}",
            ]
            if visits:
                lines.append(visits)
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class StatusDelegate(QStyledItemDelegate):
    """Paints a filled cell with a centred mark; selection shows as a dark frame, not a colour change."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        status = index.data(STATUS_ROLE)
        if status is None:
            super().paint(painter, option, index)
            return
        painter.save()
        rect: QRect = option.rect.adjusted(1, 1, -1, -1)  # type: ignore[attr-defined]
        painter.fillRect(rect, QColor(COLOURS.get(status, "#ffffff")))
        if option.state & QStyle.StateFlag.State_Selected:  # type: ignore[attr-defined]
            painter.setPen(QColor("#202020"))
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        painter.setPen(QColor("#303030"))
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignCenter), index.data(Qt.ItemDataRole.DisplayRole) or ""
        )
        painter.restore()
