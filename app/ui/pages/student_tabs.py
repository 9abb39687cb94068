"""The student page's record tabs: IEP, monthly plans, visits, contacts, attachments, timeline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import plans, visits
from app.services.context import ServiceContext
from app.services.plans import PlanSummary
from app.ui.editors.attachments import AttachmentsPanel
from app.ui.editors.contacts import ContactsPanel
from app.ui.editors.iep_editor import IepEditor
from app.ui.editors.plan_editor import PlanEditor
from app.ui.editors.timeline import TimelinePanel
from app.ui.editors.visit_editor import VisitEditor, start_from_planned
from app.ui.editors.windows import open_window
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.item_models.visits import VisitListModel, fit_columns
from app.ui.labels import PLAN_STATUSES, label
from app.ui.messages import error_text
from app.ui.pages.registry import register_student_tab
from app.ui.session import AppSession
from app.ui.widgets.style import error_style


def _next_month(today: dt.date) -> str:
    return (today.replace(day=28) + dt.timedelta(days=4)).strftime("%Y-%m")


class PlansTab(QWidget):
    """The student's monthly plans; open one (or write a month's) in its own window."""

    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Monthly plans"))
        self.list.itemActivated.connect(lambda item: self.open_month(item.data(Qt.ItemDataRole.UserRole)))
        self.month = QLineEdit(_next_month(session.ctx.today()), self)
        self.month.setAccessibleName(self.tr("Month (YYYY-MM)"))
        self.month.setMaxLength(7)
        self.open_button = QPushButton(self.tr("&Open or write plan"), self)
        self.open_button.clicked.connect(lambda: self.open_month(self.month.text().strip()))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Month:")))
        row.addWidget(self.month)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.editor: PlanEditor | None = None
        self.reload()

    def reload(self) -> None:
        self.session.read(plans.list_plans, self.student_id, on_done=self._show)

    def _show(self, rows: list[PlanSummary]) -> None:
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.month}  {label(PLAN_STATUSES, row.status)}  ·  {row.teacher_name}")
            item.setData(Qt.ItemDataRole.UserRole, row.month)
            self.list.addItem(item)

    def open_month(self, month: str) -> None:
        self.editor = PlanEditor(self.session, self.student_id, month)
        open_window(self.editor, self.tr("Monthly plan {month}").format(month=month))


class VisitsTab(QWidget):
    """The student's visits (lazy list); record a visit from the month's planned visits or a new one."""

    def __init__(self, session: AppSession, student_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id = session, student_id
        self.model = VisitListModel(session, self)
        self.model.filters = {"student_id": student_id}
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(self.tr("Visits"))
        self.view.setTabKeyNavigation(False)
        fit_columns(self.view)
        self.view.activated.connect(  # Enter and double click
            lambda index: self.open_visit(self.model.data(index, Qt.ItemDataRole.UserRole))
        )
        self.planned = QComboBox(self)
        self.planned.setAccessibleName(self.tr("Planned visits not yet recorded"))
        self.record_button = QPushButton(self.tr("&Record planned visit"), self)
        self.record_button.clicked.connect(self.record_planned)
        self.new_button = QPushButton(self.tr("&New visit today"), self)
        self.new_button.clicked.connect(self.new_visit)
        self.message = QLabel(self)
        self.message.setStyleSheet(error_style())
        row = QHBoxLayout()
        row.addWidget(self.planned, 1)
        row.addWidget(self.record_button)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        writer = session.actor.role != "leader"
        for widget in (self.planned, self.record_button, self.new_button):
            widget.setEnabled(writer)
        self.editor: VisitEditor | None = None
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        self.session.read(planned_not_recorded, self.student_id, on_done=self._show_planned)

    def _show_planned(self, rows: list[tuple[str, str]]) -> None:
        self.planned.clear()
        today = self.session.ctx.today().isoformat()
        current = 0
        for n, (planned_id, text) in enumerate(rows):
            self.planned.addItem(text, planned_id)
            if text[:10] <= today:
                current = n  # the latest planned visit up to today: the one just made, to record now
        self.planned.setCurrentIndex(current)
        self.record_button.setEnabled(bool(rows) and self.session.actor.role != "leader")

    def record_planned(self) -> None:
        planned_id = self.planned.currentData()
        if planned_id:
            self.session.write(
                start_from_planned,
                self.student_id,
                planned_id,
                on_done=lambda d: self.open_visit(d.id),
                on_error=self._failed,
            )

    def new_visit(self) -> None:
        self.session.write(
            visits.create_visit,
            self.student_id,
            {"date": self.session.ctx.today().isoformat()},
            on_done=lambda d: self.open_visit(d.id),
            on_error=self._failed,
        )

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def open_visit(self, visit_id: str | None) -> None:
        if visit_id:
            self.editor = VisitEditor(self.session, visit_id)
            open_window(self.editor, self.tr("Visit record"))


def planned_not_recorded(ctx: ServiceContext, student_id: str) -> list[tuple[str, str]]:
    """Planned visits of this month's and next month's plans that have no visit record yet (worker thread)."""
    today = ctx.today()
    since = today.replace(day=1)
    taken = {
        visits.get_visit(ctx, row.id).planned_visit_id
        for row in visits.list_visits(ctx, student_id=student_id, date_from=since, limit=None)
        if row.status != "cancelled"
    }
    result = []
    for month in (today.strftime("%Y-%m"), _next_month(today)):
        plan = plans.find_plan(ctx, student_id, month)
        if plan is None:
            continue
        for planned in plan.visits:
            if planned.id not in taken:
                flag = "" if plan.is_approved else " *"
                result.append((planned.id, f"{planned.date.isoformat()} {planned.time_slot}{flag}"))
    return result


def _photos_tab(session: AppSession, student_id: str, parent: QWidget | None = None) -> AttachmentsPanel:
    return AttachmentsPanel(session, "student", student_id, parent)


register_student_tab("iep", QT_TRANSLATE_NOOP("Pages", "IEP"), IepEditor, order=10)
register_student_tab("plans", QT_TRANSLATE_NOOP("Pages", "Monthly plans"), PlansTab, order=20)
register_student_tab("visits", QT_TRANSLATE_NOOP("Pages", "Visits"), VisitsTab, order=30)
register_student_tab("contacts", QT_TRANSLATE_NOOP("Pages", "Contacts"), ContactsPanel, order=40)
register_student_tab("attachments", QT_TRANSLATE_NOOP("Pages", "Attachments"), _photos_tab, order=50)
register_student_tab("timeline", QT_TRANSLATE_NOOP("Pages", "Timeline"), TimelinePanel, order=60)
