"""The IEP's goals and objectives: a tree with add (own text or from the goal bank), edit, delete and reviews."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import ieps
from app.services.context import ServiceContext
from app.services.ieps import GoalInfo, ObjectiveInfo
from app.ui.editors.base import FormDialog
from app.ui.editors.goal_bank_picker import GoalBankPicker
from app.ui.i18n import format_date
from app.ui.labels import AREAS, METHODS, RESULTS, area_label, label, pairs
from app.ui.session import AppSession
from app.ui.widgets.fields import combo, date_edit

ID_ROLE = Qt.ItemDataRole.UserRole
KIND_ROLE = Qt.ItemDataRole.UserRole + 1


def contribute_goal(ctx: ServiceContext, domain: str, text: str, objectives: list[str]) -> str:
    """Copy a goal and its objectives into the shared goal bank (worker thread)."""
    bank_id = ieps.add_bank_item(ctx, domain, text)
    for objective in objectives:
        ieps.add_bank_item(ctx, domain, objective, bank_id)
    return bank_id


class GoalsPanel(QWidget):
    """Changes here are saved at once (each is one small service call); ``changed`` asks the editor to reload."""

    changed = Signal()

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.iep_id: str | None = None
        self.dialog: FormDialog | GoalBankPicker | None = None  # the dialog currently open (tests drive it)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(
            [
                self.tr("Goal / objective"),
                self.tr("Domain / method"),
                self.tr("Dates"),
                self.tr("Criterion"),
                self.tr("Latest result"),
            ]
        )
        self.tree.setColumnWidth(0, 360)
        self.tree.setAccessibleName(self.tr("Goals and objectives"))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit_selected())
        self.from_bank = QPushButton(self.tr("From the &goal bank…"), self)
        self.new_goal = QPushButton(self.tr("New goal…"), self)
        self.add_objective = QPushButton(self.tr("Add &objective…"), self)
        self.edit = QPushButton(self.tr("&Edit…"), self)
        self.review = QPushButton(self.tr("Record &review…"), self)
        self.delete = QPushButton(self.tr("Delete"), self)
        self.to_bank = QPushButton(self.tr("Add to goal &bank"), self)
        self.to_bank.setToolTip(self.tr("Share this goal and its objectives with every teacher"))
        self.to_bank.clicked.connect(self.add_to_bank)
        buttons = QHBoxLayout()
        for button in (
            self.from_bank,
            self.new_goal,
            self.add_objective,
            self.edit,
            self.review,
            self.delete,
            self.to_bank,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.from_bank.clicked.connect(self.pick_from_bank)
        self.new_goal.clicked.connect(lambda: self.goal_dialog(None))
        self.add_objective.clicked.connect(lambda: self.objective_dialog(None))
        self.edit.clicked.connect(self.edit_selected)
        self.review.clicked.connect(self.review_dialog)
        self.delete.clicked.connect(self.delete_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self._goals: dict[str, GoalInfo] = {}
        self._objectives: dict[str, ObjectiveInfo] = {}
        self._editable = True
        self._update_buttons()

    def show_goals(self, iep_id: str, goals: tuple[GoalInfo, ...], editable: bool) -> None:
        current = self.selected()
        self.iep_id, self._editable = iep_id, editable
        self.tree.clear()
        self._goals = {g.id: g for g in goals}
        self._objectives = {}
        for goal in goals:
            item = QTreeWidgetItem([goal.text, area_label(goal.domain), "", "", ""])
            item.setData(0, ID_ROLE, goal.id)
            item.setData(0, KIND_ROLE, "goal")
            for objective in goal.objectives:
                self._objectives[objective.id] = objective
                dates = " – ".join(format_date(d) for d in (objective.start_date, objective.end_date) if d)
                child = QTreeWidgetItem(
                    [
                        objective.text,
                        label(METHODS, objective.method),
                        dates,
                        objective.criterion,
                        label(RESULTS, objective.latest_result),
                    ]
                )
                child.setData(0, ID_ROLE, objective.id)
                child.setData(0, KIND_ROLE, "objective")
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        if current:
            self.select(current[1])
        self._update_buttons()

    def select(self, record_id: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            for item in (top, *(top.child(j) for j in range(top.childCount()))):
                if item is not None and item.data(0, ID_ROLE) == record_id:
                    self.tree.setCurrentItem(item)
                    return

    def selected(self) -> tuple[str, str] | None:
        item = self.tree.currentItem()
        return None if item is None else (item.data(0, KIND_ROLE), item.data(0, ID_ROLE))

    def _selected_goal_id(self) -> str | None:
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else item.data(0, ID_ROLE)

    def _update_buttons(self) -> None:
        chosen = self.selected()
        ok = self._editable and self.iep_id is not None
        for button in (self.from_bank, self.new_goal):
            button.setEnabled(ok)
        self.add_objective.setEnabled(ok and chosen is not None)
        self.edit.setEnabled(ok and chosen is not None)
        self.delete.setEnabled(ok and chosen is not None)
        self.review.setEnabled(ok and chosen is not None and chosen[0] == "objective")
        self.to_bank.setEnabled(self.session.actor.role != "leader" and chosen is not None)

    # --- actions ------------------------------------------------------------------------------------

    def add_to_bank(self) -> None:
        goal_id = self._selected_goal_id()
        if goal_id and goal_id in self._goals:
            goal = self._goals[goal_id]
            self.session.write(
                contribute_goal,
                goal.domain,
                goal.text,
                [o.text for o in goal.objectives],
                on_done=self._contributed,
                on_error=self._error,
            )

    def _contributed(self, _bank_id: str) -> None:
        self.tree.setToolTip(self.tr("Added to the goal bank."))

    def pick_from_bank(self) -> None:
        picker = GoalBankPicker(self.session, self)
        self.dialog = picker
        picker.accepted.connect(lambda: self._add_from_bank(picker.selected_goal_id()))
        picker.open()

    def _add_from_bank(self, bank_goal_id: str | None) -> None:
        if bank_goal_id and self.iep_id:
            self.session.write(
                ieps.add_goal_from_bank, self.iep_id, bank_goal_id, on_done=self._done, on_error=self._error
            )

    def _done(self, _result: object = None) -> None:  # whatever the small write returned
        self.changed.emit()

    def _error(self, error: BaseException) -> None:
        from app.ui.messages import error_text

        self.tree.setToolTip(error_text(error))
        parent = self.parent()
        while parent is not None and not hasattr(parent, "show_error"):
            parent = parent.parent()
        if parent is not None:
            parent.show_error(error)  # type: ignore[attr-defined]

    def goal_dialog(self, goal: GoalInfo | None) -> None:
        dialog = FormDialog(self.session, self.tr("Goal") if goal else self.tr("New goal"), self)
        dialog.form.add("domain", self.tr("&Domain"), combo(pairs(AREAS)))
        dialog.form.add("text", self.tr("&Goal"), QPlainTextEdit())
        if goal is not None:
            dialog.form.set_value("domain", goal.domain)
            dialog.form.set_value("text", goal.text)
            dialog.on_submit(
                lambda v: (ieps.update_goal, (goal.id, {"domain": v["domain"], "text": v["text"]}))
            )
        else:
            dialog.on_submit(lambda v: (ieps.add_goal, (self.iep_id, v["domain"], v["text"])))
        self._open(dialog)

    def objective_dialog(self, objective: ObjectiveInfo | None) -> None:
        dialog = FormDialog(
            self.session, self.tr("Objective") if objective else self.tr("New objective"), self
        )
        dialog.form.add("text", self.tr("&Objective"), QPlainTextEdit())
        dialog.form.add("start_date", self.tr("&Start"), date_edit())
        dialog.form.add("end_date", self.tr("&End"), date_edit())
        dialog.form.add("criterion", self.tr("&Criterion"), QLineEdit())
        dialog.form.add("method", self.tr("&Method"), combo(pairs(METHODS)))
        if objective is not None:
            for key in ("text", "criterion", "method"):
                dialog.form.set_value(key, getattr(objective, key))
            for key in ("start_date", "end_date"):
                day = getattr(objective, key)
                dialog.form.set_value(key, day.isoformat() if day else "")
            dialog.on_submit(lambda v: (ieps.update_objective, (objective.id, v)))
        else:
            goal_id = self._selected_goal_id()
            dialog.on_submit(lambda v: (ieps.add_objective, (goal_id, v)))
        self._open(dialog)

    def review_dialog(self) -> None:
        chosen = self.selected()
        if chosen is None or chosen[0] != "objective":
            return
        dialog = FormDialog(self.session, self.tr("Review"), self)
        dialog.form.add("date", self.tr("&Date"), date_edit())
        dialog.form.add("result", self.tr("&Result"), combo(pairs(RESULTS)))
        dialog.form.add("note", self.tr("&Note"), QLineEdit())
        dialog.form.set_value("date", self.session.ctx.today().isoformat())
        objective_id = chosen[1]
        dialog.on_submit(lambda v: (ieps.add_review, (objective_id, v["date"], v["result"], v["note"])))
        self._open(dialog)

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.succeeded.connect(self._done)
        dialog.open()

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self._editable:
            return
        kind, record_id = chosen
        if kind == "goal":
            self.goal_dialog(self._goals[record_id])
        else:
            self.objective_dialog(self._objectives[record_id])

    def delete_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        chosen = self.selected()
        if chosen is None:
            return
        kind, record_id = chosen
        text = (
            self.tr("Delete this goal and its objectives?")
            if kind == "goal"
            else self.tr("Delete this objective?")
        )
        if QMessageBox.question(self, self.tr("Delete"), text) != QMessageBox.StandardButton.Yes:
            return
        fn = ieps.delete_goal if kind == "goal" else ieps.delete_objective
        self.session.write(fn, record_id, on_done=self._done, on_error=self._error)
