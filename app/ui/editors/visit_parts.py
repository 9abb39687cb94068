"""Parts of the visit editor: the lessons table, progress per objective, and the cancel/make-up/amend dialogs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from app.services import visits
from app.ui.editors.base import FormDialog
from app.ui.labels import CANCEL_CAUSES, RESULTS, pairs
from app.ui.session import AppSession
from app.ui.widgets.fields import combo, date_edit

OBJECTIVES_ROLE = Qt.ItemDataRole.UserRole


class GrowingTable(QTableWidget):
    """A table as tall as its rows (at least ``least_rows``) that never scrolls itself: it sits in the
    editor's scroll area, and a scrolling table inside a scrolling page traps the mouse wheel."""

    least_rows = 2

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        model = self.model()
        # Bound methods of this object: Qt drops the connections when the table is deleted.
        model.rowsInserted.connect(self.fit_rows)
        model.rowsRemoved.connect(self.fit_rows)
        model.modelReset.connect(self.fit_rows)
        self.fit_rows()

    def fit_rows(self, *_args: object) -> None:
        heights = sum(self.rowHeight(n) for n in range(self.rowCount()))
        heights += self.verticalHeader().defaultSectionSize() * max(0, self.least_rows - self.rowCount())
        bar = self.horizontalScrollBar()
        extra = bar.sizeHint().height() if bar.isVisible() else 0
        self.setFixedHeight(
            self.horizontalHeader().sizeHint().height() + heights + 2 * self.frameWidth() + extra
        )


class LessonsTable(GrowingTable):
    """Lessons (课时) of the visit: subject, content, minutes; linked objectives ride along on the row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Subject"), self.tr("Content"), self.tr("Minutes")])
        header = self.horizontalHeader()
        # Content takes the room; subject and minutes fit their text. Three lessons show without scrolling.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.setColumnWidth(0, 140)
        self.setAccessibleName(self.tr("Lessons"))
        self.least_rows = 3

    def set_lessons(self, lessons: list[dict[str, Any]]) -> None:
        self.setRowCount(0)
        for lesson in lessons:
            self.add_lesson(lesson)

    def add_lesson(self, lesson: dict[str, Any] | None = None) -> None:
        lesson = lesson or {}
        n = self.rowCount()
        self.insertRow(n)
        first = QTableWidgetItem(str(lesson.get("subject", "")))
        first.setData(OBJECTIVES_ROLE, list(lesson.get("objective_ids") or []))
        first.setData(OBJECTIVES_ROLE + 1, lesson.get("lesson_plan_id"))
        self.setItem(n, 0, first)
        self.setItem(n, 1, QTableWidgetItem(str(lesson.get("content", ""))))
        self.setItem(n, 2, QTableWidgetItem(str(lesson.get("minutes", 0) or 0)))

    def lessons(self) -> list[dict[str, Any]]:
        result = []
        for n in range(self.rowCount()):
            first, content, minutes = (self.item(n, c) for c in range(3))
            result.append(
                {
                    "subject": first.text().strip() if first else "",
                    "content": content.text().strip() if content else "",
                    "minutes": minutes.text().strip() if minutes else "0",
                    "objective_ids": list(first.data(OBJECTIVES_ROLE) or []) if first else [],
                    "lesson_plan_id": first.data(OBJECTIVES_ROLE + 1) if first else None,
                }
            )
        return result


class ProgressTable(GrowingTable):
    """One row per IEP objective: the result today (optional) and a note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Objective"), self.tr("Result"), self.tr("Note")])
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 320)
        self.setAccessibleName(self.tr("Progress per objective"))
        self.on_change: Callable[..., None] | None = None  # a slot for the result boxes' changes

    def set_objectives(self, objectives: list[tuple[str, str]], progress: dict[str, tuple[str, str]]) -> None:
        self.setRowCount(0)
        for objective_id, text in objectives:
            n = self.rowCount()
            self.insertRow(n)
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, objective_id)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.setItem(n, 0, item)
            box = combo(pairs(RESULTS), empty="")
            box.setAccessibleName(self.tr("Result for {objective}").format(objective=text))
            result, note = progress.get(objective_id, ("", ""))
            box.setCurrentIndex(max(box.findData(result or None), 0))
            if self.on_change is not None:
                box.currentIndexChanged.connect(self.on_change)
            self.setCellWidget(n, 1, box)
            self.setItem(n, 2, QTableWidgetItem(note))

    def progress(self) -> list[dict[str, Any]]:
        result = []
        for n in range(self.rowCount()):
            objective = self.item(n, 0)
            box = self.cellWidget(n, 1)
            note = self.item(n, 2)
            outcome = box.currentData() if isinstance(box, QComboBox) else None
            text = note.text().strip() if note else ""
            if objective is not None and (outcome or text):
                result.append(
                    {
                        "objective_id": objective.data(Qt.ItemDataRole.UserRole),
                        "result": outcome or "",
                        "note": text,
                    }
                )
        return result

    def set_result(self, row: int, code: str) -> None:
        box = self.cellWidget(row, 1)
        if isinstance(box, QComboBox):
            box.setCurrentIndex(box.findData(code))


def cancel_dialog(session: AppSession, visit_id: str, parent: QWidget) -> FormDialog:
    dialog = FormDialog(session, QCoreApplication.translate("VisitDialogs", "Cancel the visit"), parent)
    dialog.form.add("reason", QCoreApplication.translate("VisitDialogs", "&Reason"), QLineEdit())
    dialog.form.add(
        "cause", QCoreApplication.translate("VisitDialogs", "&Caused by"), combo(pairs(CANCEL_CAUSES))
    )
    dialog.on_submit(lambda v: (visits.cancel_visit, (visit_id, v["reason"], v["cause"])))
    return dialog


def makeup_dialog(session: AppSession, visit_id: str, parent: QWidget) -> FormDialog:
    dialog = FormDialog(
        session, QCoreApplication.translate("VisitDialogs", "Schedule a make-up visit"), parent
    )
    dialog.form.add("date", QCoreApplication.translate("VisitDialogs", "&Date"), date_edit())
    dialog.on_submit(lambda v: (visits.schedule_makeup, (visit_id, v["date"])))
    return dialog


def amend_dialog(session: AppSession, visit_id: str, changes: dict[str, Any], parent: QWidget) -> FormDialog:
    dialog = FormDialog(
        session, QCoreApplication.translate("VisitDialogs", "Amend the finished record"), parent
    )
    dialog.form.add(
        "reason", QCoreApplication.translate("VisitDialogs", "&Reason for the correction"), QPlainTextEdit()
    )
    dialog.on_submit(lambda v: (visits.amend_visit, (visit_id, changes, v["reason"])))
    return dialog
