"""A student's timeline: visits, contacts, plan decisions, IEP events, newest first, fetched a page at a time."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.services import timeline
from app.services.ieps import IepDetail
from app.services.plans import PlanDetail
from app.services.timeline import TimelineEvent
from app.ui.labels import CHANNELS, DECISIONS, PURPOSES, label
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
        self.list.itemActivated.connect(lambda item: self.open_event(*item.data(Qt.ItemDataRole.UserRole)))
        self.more = QPushButton(self.tr("Show &older events"), self)
        self.more.clicked.connect(self.load_more)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.more)
        self._shown = 0
        self.editor: QWidget | None = None  # the editor window an event opened (tests drive it)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        self._shown = 0
        self.load_more()

    def load_more(self) -> None:
        self.session.read(
            timeline.student_timeline, self.student_id, offset=self._shown, limit=PAGE, on_done=self._add
        )

    def _add(self, events: list[TimelineEvent]) -> None:
        for event in events:
            kind = QCoreApplication.translate("Timeline", str(KINDS.get(event.kind, event.kind)))
            text = f"{event.at.strftime('%Y-%m-%d %H:%M')}  {kind}  {self.summary(event)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, (event.kind, event.record_id))
            self.list.addItem(item)
        self._shown += len(events)
        self.more.setEnabled(len(events) == PAGE)

    def summary(self, event: TimelineEvent) -> str:
        """The event's own text after its translated codes (a contact's channel and purpose, a plan's revision)."""
        if event.kind == "contact" and len(event.codes) == 2:
            channel, purpose = event.codes
            return f"{label(CHANNELS, channel)} · {label(PURPOSES, purpose)}: {event.summary}"
        if event.kind in ("plan_submitted", "plan_decided") and len(event.codes) == 2:
            month, number = event.codes
            text = self.tr("{month} plan, revision {n}").format(month=month, n=number)
            if event.kind == "plan_decided":
                text = f"{label(DECISIONS, event.status)} · {text}"
            return f"{text} {event.summary}".strip()
        return str(event.summary)

    def open_event(self, kind: str, record_id: str) -> None:
        """Open the record behind an event in its editor window (Enter or double-click)."""
        from app.services import ieps, plans

        if kind == "visit":
            from app.ui.editors.visit_editor import VisitEditor

            self._show(VisitEditor(self.session, record_id), self.tr("Visit record"))
        elif kind == "contact":
            from app.ui.editors.contacts import ContactsPanel

            self._show(ContactsPanel(self.session, self.student_id), self.tr("Guardian contacts"))
        elif kind.startswith("plan_"):
            self.session.read(plans.get_plan, record_id, on_done=self._open_plan, on_error=lambda _e: None)
        elif kind.startswith("iep_"):
            self.session.read(ieps.get_iep, record_id, on_done=self._open_iep, on_error=lambda _e: None)

    def _open_plan(self, plan: PlanDetail) -> None:
        from app.ui.editors.plan_editor import PlanEditor

        self._show(PlanEditor(self.session, plan.student_id, plan.month), self.tr("Monthly plan"))

    def _open_iep(self, iep: IepDetail) -> None:
        from app.ui.editors.iep_editor import IepEditor

        self._show(IepEditor(self.session, iep.student_id, term_id=iep.term_id), self.tr("IEP"))

    def _show(self, editor: QWidget, title: str) -> None:
        from app.ui.editors.windows import open_window

        self.editor = open_window(editor, title)
