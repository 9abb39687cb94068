"""The goal bank picker: browse reusable goals by domain, search, preview objectives, pick one into an IEP."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import ieps
from app.services.goal_bank import BankGoal
from app.ui.labels import DOMAINS, SUBJECTS, area_label, pairs
from app.ui.messages import error_text
from app.ui.session import AppSession

ID_ROLE = Qt.ItemDataRole.UserRole


class GoalBankPicker(QDialog):
    """``exec()`` then ``selected_goal_id()``: the bank goal to copy (with its objectives) into the IEP."""

    def __init__(
        self, session: AppSession, parent: QWidget | None = None, *, domain: str | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Goal bank"))
        self.setAccessibleName(self.tr("Goal bank"))
        self.resize(640, 480)
        self._goals: list[BankGoal] = []

        self.domain = QComboBox(self)
        self.domain.addItem(self.tr("All domains and subjects"), None)
        for code, text in pairs(DOMAINS) + pairs(SUBJECTS):
            self.domain.addItem(text, code)
        self.domain.setAccessibleName(self.tr("Domain"))
        if domain:
            self.domain.setCurrentIndex(max(self.domain.findData(domain), 0))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search goal texts"))
        self.search.setAccessibleName(self.tr("Search goal texts"))
        self.search.setClearButtonEnabled(True)
        top = QHBoxLayout()
        domain_label = QLabel(self.tr("&Domain:"), self)
        domain_label.setBuddy(self.domain)
        top.addWidget(domain_label)
        top.addWidget(self.domain, 1)
        top.addWidget(self.search, 2)

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Goal / objectives"), self.tr("Domain")])
        self.tree.setAccessibleName(self.tr("Goals in the bank"))
        self.tree.setColumnWidth(0, 440)
        self.tree.itemDoubleClicked.connect(lambda *_: self.accept_if_goal())
        self.tree.currentItemChanged.connect(lambda *_: self._update_ok())
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Add this goal"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept_if_goal)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.domain.currentIndexChanged.connect(lambda *_: self._fill())
        self.search.textChanged.connect(lambda *_: self._fill())
        self._update_ok()
        session.read(ieps.list_goal_bank, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, goals: list[BankGoal]) -> None:
        self._goals = goals
        self._fill()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(error_text(error))

    def _fill(self) -> None:
        """Filtering happens here in memory: the bank is a few hundred short texts at most."""
        domain = self.domain.currentData()
        needle = self.search.text().strip().lower()
        self.tree.clear()
        shown = 0
        for goal in self._goals:
            if domain and goal.domain != domain:
                continue
            if (
                needle
                and needle not in goal.text.lower()
                and not any(needle in o.text.lower() for o in goal.objectives)
            ):
                continue
            item = QTreeWidgetItem([goal.text, area_label(goal.domain)])
            item.setData(0, ID_ROLE, goal.id)
            item.setToolTip(0, goal.text)
            for objective in goal.objectives:
                child = QTreeWidgetItem([objective.text, ""])
                child.setFlags(child.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(bool(needle))
            shown += 1
        if not self._goals:
            self.status.setText(
                self.tr(
                    "The goal bank is empty. The academic affairs office can load the "
                    "standard goals in Settings."
                )
            )
        else:
            self.status.setText(self.tr("%n goal(s) shown.", "", shown))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.selected_goal_id() is not None)

    def selected_goal_id(self) -> str | None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        return None if item is None else item.data(0, ID_ROLE)

    def accept_if_goal(self) -> None:
        if self.selected_goal_id() is not None:
            self.accept()
