"""The Visits page: every visit this user may see in a lazy list (SQL sort and filter), opened in a window."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QTableView, QVBoxLayout

from app.ui.editors.visit_editor import VisitEditor
from app.ui.editors.windows import open_window
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.item_models.visits import VisitListModel, fit_columns
from app.ui.labels import VISIT_STATUSES, pairs
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page
from app.ui.session import AppSession


class VisitsPage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset(
        {"visit", "visit_lesson", "student", "monthly_plan", "plan_revision", "user", "assignment"}
    )
    can_find = True

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.setObjectName("page_visits")
        self.model = VisitListModel(session, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search student name or code"))
        self.search.setAccessibleName(self.tr("Search visits"))
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for code, text in pairs(VISIT_STATUSES):
            self.status.addItem(text, code)
        self.status.setAccessibleName(self.tr("Status"))
        self.flag = QComboBox(self)
        self.flag.addItem(self.tr("All visits"), None)
        self.flag.addItem(self.tr("Without an approved plan"), "flagged")
        self.flag.addItem(self.tr("Make-up visits"), "makeups")
        self.flag.setAccessibleName(self.tr("Show"))
        self.flag.currentIndexChanged.connect(lambda *_: self._apply_filters())
        self.count = QLabel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAccessibleName(self.tr("Visits"))
        self.view.verticalHeader().setDefaultSectionSize(24)  # fixed heights: no row measuring on scroll
        self.view.activated.connect(self._open_index)  # Enter and double click (both, once)
        self.view.setTabKeyNavigation(False)
        fit_columns(self.view)
        # Typing waits 300 ms before asking the database: one query per pause, not one per key.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(300)
        self._typing.timeout.connect(self._apply_filters)
        self.search.textChanged.connect(lambda *_: self._typing.start())
        self.status.currentIndexChanged.connect(lambda *_: self._apply_filters())
        self.model.modelReset.connect(self._show_count)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.flag, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        self.editor: VisitEditor | None = None

    def refresh(self) -> None:
        self._apply_filters()

    def _apply_filters(self) -> None:
        flag = self.flag.currentData()
        self.model.set_filters(
            search=self.search.text().strip(),
            status=self.status.currentData(),
            flagged=True if flag == "flagged" else None,
            makeups=True if flag == "makeups" else None,
        )

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n visit(s)", "", self.model.rowCount()))

    def focus_search(self) -> None:
        """The shell's Find action (Ctrl+F)."""
        self.search.setFocus()
        self.search.selectAll()

    def find(self) -> None:  # type: ignore[override]  # the Page API's name for the same
        self.focus_search()

    def _open_index(self, index: QModelIndex) -> None:
        visit_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if visit_id:
            self.editor = VisitEditor(self.session, visit_id)
            open_window(self.editor, self.tr("Visit record"))


register_page("visits", QT_TRANSLATE_NOOP("Pages", "Visits"), VisitsPage, order=40)
