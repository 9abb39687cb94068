"""The office's approval queue: read a submitted plan beside the student's IEP, approve or return it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services import ieps, plans, school
from app.services.context import Actor, ServiceContext
from app.services.ieps import IepDetail
from app.services.plans import PlanDetail, PlanSummary, RevisionInfo
from app.ui.editors.plan_editor import history_lines
from app.ui.labels import PLAN_STATUSES, area_label, label
from app.ui.messages import error_text
from app.ui.session import AppSession
from app.ui.widgets.style import error_style

Review = tuple[PlanDetail, IepDetail | None, list[RevisionInfo]]  # a plan, the IEP beside it, its history


def may_decide(actor: Actor, plan: PlanDetail | None) -> bool:
    """What the buttons show; the service decides again (only the office, never on one's own plan)."""
    return (
        actor.role == "academic_affairs"
        and plan is not None
        and plan.teacher_id != actor.id
        and plan.status in ("submitted", "resubmitted")
    )


def load_review(ctx: ServiceContext, plan_id: str) -> Review:
    """The plan, the student's current IEP and the plan's history, in one worker task."""
    plan = plans.get_plan(ctx, plan_id)
    term = school.current_term(ctx)
    iep = ieps.find_iep(ctx, plan.student_id, term.id) if term else None
    return plan, iep, plans.plan_history(ctx, plan_id)


def _t(text: str) -> str:
    return QCoreApplication.translate("PlanReview", text)


def plan_html(plan: PlanDetail, objectives: dict[str, str]) -> str:
    """The plan as the office reads it (sources in the "PlanReview" context)."""
    title = QCoreApplication.translate("PlanReview", "Plan for {month}").format(month=plan.month)
    parts = [f"<h3>{escape(title)}</h3>"]
    for visit in plan.visits:
        lessons = QCoreApplication.translate("PlanReview", "{n} lessons").format(n=visit.lessons)
        parts.append(
            f"<p><b>{visit.date.isoformat()} {escape(visit.time_slot)}</b> · {escape(lessons)}</p><ol>"
        )
        parts += [f"<li>{escape(c.subject)} {escape(c.content)}</li>" for c in visit.content]
        parts.append("</ol>")
    if plan.objective_ids:
        heading = QCoreApplication.translate("PlanReview", "Objectives")
        parts.append(f"<p><b>{escape(heading)}</b></p><ul>")
        parts += [f"<li>{escape(objectives.get(i, i))}</li>" for i in plan.objective_ids]
        parts.append("</ul>")
    sections = (
        (QCoreApplication.translate("PlanReview", "Materials"), plan.materials),
        (QCoreApplication.translate("PlanReview", "Family tasks"), plan.family_tasks),
        (QCoreApplication.translate("PlanReview", "Safety notes"), plan.safety_notes),
    )
    for title, text in sections:
        if text:
            parts.append(f"<p><b>{escape(title)}</b><br>{escape(text)}</p>")
    return "".join(parts)


def iep_html(iep: IepDetail | None) -> str:
    if iep is None:
        return f"<p>{escape(QCoreApplication.translate('PlanReview', 'No IEP for this term.'))}</p>"
    title = QCoreApplication.translate("PlanReview", "IEP, {term}").format(term=iep.term_name)
    parts = [f"<h3>{escape(title)}</h3>"]
    for goal in iep.goals:
        parts.append(f"<p><b>{escape(area_label(goal.domain))}</b>: {escape(goal.text)}</p><ul>")
        parts += [f"<li>{escape(o.text)} {escape(o.criterion)}</li>" for o in goal.objectives]
        parts.append("</ul>")
    return "".join(parts)


class PlanQueue(QWidget):
    """Plans waiting for a decision (oldest first); the plan and the IEP side by side; decide with a comment."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: PlanDetail | None = None
        self.setAccessibleName(self.tr("Plans waiting for approval"))
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Month"), self.tr("Student"), self.tr("Teacher"), self.tr("Status")]
        )
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        # Several read plans can be approved at once: Ctrl+click (or Shift+click) them, then Approve.
        self.table.setSelectionMode(QTableWidget.SelectionMode.ExtendedSelection)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 200)  # code and name of the student must fit
        self.table.setAccessibleName(self.tr("Plans waiting for approval"))
        self.table.currentCellChanged.connect(lambda row, *_: self._open_row(row))
        self.plan_view = QTextBrowser(self)
        self.plan_view.setAccessibleName(self.tr("The plan"))
        self.iep_view = QTextBrowser(self)
        self.iep_view.setAccessibleName(self.tr("The student's IEP"))
        self.history = QListWidget(self)
        self.history.setAccessibleName(self.tr("Revisions and decisions"))
        self.comment = QPlainTextEdit(self)
        self.comment.setTabChangesFocus(True)
        self.comment.setPlaceholderText(self.tr("Comment for the teacher (required when returning)"))
        self.comment.setAccessibleName(self.tr("Comment for the teacher"))
        self.comment.setMaximumHeight(90)
        self.approve_button = QPushButton(self.tr("&Approve"), self)
        self.return_button = QPushButton(self.tr("&Return with comment"), self)
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.return_button.clicked.connect(lambda: self.decide(False))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        office = session.actor.role in ("academic_affairs", "system")
        # A teacher or leader who opens the queue reads it; the decision buttons are not there for them.
        for button in (self.approve_button, self.return_button):
            button.setVisible(office)
        self.comment.setVisible(office)

        sides = QSplitter(Qt.Orientation.Horizontal, self)
        sides.addWidget(self.plan_view)
        sides.addWidget(self.iep_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.return_button)
        # Five waiting plans show at once; the plan and the IEP take the height, the history a few lines.
        self.table.setMinimumHeight(self.table.horizontalHeader().sizeHint().height() + 5 * 30)
        self.history.setMaximumHeight(70)
        self.comment.setMaximumHeight(60)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(sides, 3)
        layout.addWidget(self.history)
        layout.addWidget(self.comment)
        layout.addLayout(buttons)
        self._rows: list[PlanSummary] = []
        self._read: dict[str, int] = {}  # plan id -> the revision shown in the panes (what was read)
        self._position = 0  # the row decided last: the next plan moves up into it
        self._update_buttons()
        self.refresh()

    def refresh(self) -> None:
        self.session.read(plans.office_queue, on_done=self._show_queue, on_error=self._failed)

    def _show_queue(self, rows: list[PlanSummary]) -> None:
        self._rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, text in enumerate(
                (
                    row.month,
                    f"{row.student_code} {row.student_name}",
                    row.teacher_name,
                    label(PLAN_STATUSES, row.status),
                )
            ):
                self.table.setItem(n, column, QTableWidgetItem(text))
        if rows:
            # Open the plan explicitly: after a decision the current cell is often already where the next plan is,
            # and setting it where it is emits nothing, so the panes would keep the plan just decided on.
            current = min(self._position, len(rows) - 1)
            with QSignalBlocker(self.table):
                self.table.setCurrentCell(current, 0)
            self._open_row(current)
        else:
            self.plan = None
            self.plan_view.setPlainText(self.tr("No plans are waiting."))
            self.iep_view.clear()
            self.history.clear()
            self._update_buttons()

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.open_plan(self._rows[row].id)

    def open_plan(self, plan_id: str) -> None:
        self.session.read(load_review, plan_id, on_done=self._show_review, on_error=self._failed)

    def _show_review(self, review: Review) -> None:
        plan, iep, history = review
        self.plan = plan
        self._read[plan.id] = plan.plan_revision
        objectives = {o.id: o.text for g in (iep.goals if iep else ()) for o in g.objectives}
        self.plan_view.setHtml(plan_html(plan, objectives))
        self.iep_view.setHtml(iep_html(iep))
        self.history.clear()
        self.history.addItems(history_lines(history))
        self.message.clear()
        self._update_buttons()

    def selected_rows(self) -> list[PlanSummary]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._rows[r] for r in rows if r < len(self._rows)]

    def _update_buttons(self) -> None:
        allowed = may_decide(self.session.actor, self.plan)
        several = len(self.selected_rows()) > 1
        self.approve_button.setEnabled(allowed or several)
        self.approve_button.setText(
            self.tr("&Approve {n} plans").format(n=len(self.selected_rows()))
            if several
            else self.tr("&Approve")
        )
        self.return_button.setEnabled(allowed and not several)
        if self.plan is not None and self.plan.teacher_id == self.session.actor.id:
            self.message.setText(
                self.tr("This is your own plan: another member of the office decides on it.")
            )

    def decide(self, approve: bool) -> None:
        selected = self.selected_rows()
        if approve and len(selected) > 1:
            self.approve_selected(selected)
            return
        if self.plan is None:
            return
        self._position = max(self.table.currentRow(), 0)
        self.session.write(
            plans.decide_plan,
            self.plan.id,
            self.plan.plan_revision,
            approve,
            self.comment.toPlainText().strip(),
            on_done=self._decided,
            on_error=self._failed,
        )

    def approve_selected(self, selected: list[PlanSummary]) -> None:
        """One service call for all of them, each at the revision that was read; unread ones are refused."""
        unread = [r for r in selected if self._read.get(r.id) != r.plan_revision]
        if unread:
            self.message.setText(
                self.tr("Read each plan before approving it; not opened yet: {plans}").format(
                    plans="、".join(f"{r.student_code} {r.month}" for r in unread)
                )
            )
            return
        self._position = min(self.table.row(item) for item in self.table.selectedItems())
        self.session.write(
            plans.approve_plans,
            [(r.id, r.plan_revision) for r in selected],
            on_done=self._decided,
            on_error=self._failed,
        )

    def _decided(self, _decided: PlanDetail | list[PlanDetail]) -> None:
        self.comment.clear()
        self.message.clear()
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(error_text(error))
        if getattr(error, "field", None) == "comment":
            self.comment.setFocus()
