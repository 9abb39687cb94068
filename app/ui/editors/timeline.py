"""A student's timeline: visits, contacts, plan decisions, IEP events, newest first, fetched a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.services import timeline
from app.ui.session import AppSession

PAGE = 50
KINDS = {
    "visit": QT_TRANSLATE_NOOP("Timeline", "Visit"),
    "contact": QT_TRANSLATE_NOOP("Timeline", "Guardian contact"),
    "plan_submitted": QT_TRANSLATE_NOOP("Timeline", "Plan submitted"),
    "plan_decided": QT_TRANSLATE_NOOP("Timeline", "Plan decision"),
    "iep_created": QT_TRANSLATE_NOOP("Timeline", "IEP written"),
    "iep_review": QT_TRANSLATE_NOOP("Timeline", "IEP review"),
    "objective_review": QT_TRANSLATE_NOOP("Timeline", "Objective reviewed"),
}


class TimelinePanel(QWidget):
    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        self.setAccessibleName(self.tr("Timeline"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Timeline"))
        self.more = QPushButton(self.tr("Show &older events"), self)
        self.more.clicked.connect(self.load_more)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self._shown = 0
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self._shown = 0
        self.load_more()

    def load_more(self) -> None:
        self.session.read(timeline.student_timeline, self.student_id, offset=self._shown, limit=PAGE,
                          on_done=self._add)

    def _add(self, events: list[Any]) -> None:
        for event in events:
            kind = QCoreApplication.translate("Timeline", str(KINDS.get(event.kind, event.kind)))
            text = f"{event.at.strftime('%Y-%m-%d %H:%M')}  {kind}  {event.summary}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (event.kind, event.record_id))
            self.list.addItem(item)
        self._shown += len(events)
        self.more.setEnabled(len(events) == PAGE)
