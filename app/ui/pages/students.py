"""The students list: search with debounce, filters by status/teacher/category, a lazy table."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.services import users
from app.services.users import UserInfo
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.item_models.students import StudentListModel
from app.ui.labels import CATEGORIES, STATUSES, label
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page
from app.ui.session import AppSession
from app.ui.widgets.fields import combo
from app.ui.widgets.style import make_heading

SEARCH_DELAY_MS = 300


class StudentsPage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset({"student", "assignment", "pause", "guardian", "user"})
    can_find = True

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.can_new = session.can("admin", "academic_affairs")
        column = QVBoxLayout(self)
        title = QLabel(self.tr("Students"))
        make_heading(title)
        column.addWidget(title)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name, code or class"))
        self.search.setAccessibleName(self.tr("Search students"))
        self.search.setClearButtonEnabled(True)
        self.status = combo({k: label(STATUSES, k) for k in STATUSES}, empty=self.tr("All statuses"))
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.category = combo({k: label(CATEGORIES, k) for k in CATEGORIES}, empty=self.tr("All categories"))
        self.category.setAccessibleName(self.tr("Filter by disability category"))
        self.teacher = combo([], empty=self.tr("All teachers"))
        self.teacher.setAccessibleName(self.tr("Filter by teacher"))
        self.teacher.setVisible(session.actor.reads_all)
        self.new_button = QPushButton(self.tr("New student…"))
        self.new_button.setVisible(self.can_new)
        self.new_button.clicked.connect(self.new_record)
        self.import_button = QPushButton(self.tr("Import roster…"))
        self.import_button.setToolTip(
            self.tr("Import students from an .xlsx or .csv roster, checked row by row")
        )
        self.import_button.setVisible(self.can_new)
        self.import_button.clicked.connect(self.import_roster)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.status)
        bar.addWidget(self.category)
        bar.addWidget(self.teacher)
        bar.addWidget(self.new_button)
        bar.addWidget(self.import_button)
        column.addLayout(bar)

        self.model = StudentListModel(session, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Student list"))
        self.table.setModel(self.model)
        # Enabling sorting sorts by the header's indicator, which Qt starts at "descending".
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks every row for its size, so only visible pages load.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        # Fixed widths, not ResizeToContents: measuring contents would fetch rows the user never sees.
        for number, width in enumerate((80, 90, 64, 130, 110, 90, 80, 180)):
            self.table.setColumnWidth(number, width)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows within the list
        self.table.activated.connect(self._open)  # Enter and double click (both, once)
        column.addWidget(self.table, 1)
        # An empty school says how students get in, instead of showing an empty table.
        self.empty_hint = QLabel(self)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(mid); padding: 12px;")
        self.empty_hint.hide()
        column.addWidget(self.empty_hint)
        self.count_label = QLabel()
        column.addWidget(self.count_label)
        # The count arrives from the DB worker: the label follows the model, not the filter call.
        self.model.modelReset.connect(self._show_count)
        self.setTabOrder(self.search, self.status)
        self.setTabOrder(self.status, self.category)
        self.setTabOrder(self.category, self.teacher)
        self.setTabOrder(self.teacher, self.table)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        for box in (self.status, self.category, self.teacher):
            box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self._teachers_loaded = False

    def refresh(self) -> None:
        if self.session.actor.reads_all and not self._teachers_loaded:
            self._teachers_loaded = True
            self.session.read(users.list_users, role="teacher", on_done=self._fill_teachers)
        self.apply_filters()

    def _fill_teachers(self, teachers: list[UserInfo]) -> None:
        self.teacher.blockSignals(True)
        for info in teachers:
            self.teacher.addItem(info.display_name, info.id)
        self.teacher.blockSignals(False)

    def apply_filters(self) -> None:
        self._debounce.stop()
        self.model.set_filters(
            search=self.search.text().strip(),
            status=self.status.currentData(),
            category=self.category.currentData(),
            teacher_id=self.teacher.currentData(),
        )

    def _show_count(self) -> None:
        count = self.model.rowCount()
        self.count_label.setText(self.tr("%n student(s)", "", count))
        filtered = bool(self.search.text().strip()) or any(
            box.currentData() for box in (self.status, self.category, self.teacher)
        )
        if count == 0 and not filtered:
            self.empty_hint.setText(
                self.tr(
                    "No students yet. Add one with “New student…” (Ctrl+N), or import the class list from a "
                    "roster spreadsheet: songjiao roster template FILE.xlsx, fill it in, then "
                    "songjiao roster import FILE.xlsx."
                )
                if self.can_new
                else self.tr("No students are assigned to you yet. The office assigns them.")
            )
        elif count == 0:
            self.empty_hint.setText(self.tr("No student matches the search or filters."))
        self.empty_hint.setVisible(count == 0)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _open(self, index: QModelIndex) -> None:
        student_id = self.model.data(index, 0x0100)
        if student_id and self.window_ is not None:
            from app.ui.pages.student import StudentPage

            self.window_.open_detail(StudentPage(self.session, student_id, self.window_))

    def new_record(self) -> None:
        if not self.can_new:
            return
        from app.ui.dialogs.new_student import NewStudentDialog

        dialog = NewStudentDialog(self.session, self)
        if dialog.exec() and dialog.student_id and self.window_ is not None:
            from app.ui.pages.student import StudentPage

            self.window_.open_detail(StudentPage(self.session, dialog.student_id, self.window_))

    def import_roster(self) -> None:
        if not self.can_new:
            return
        from app.ui.dialogs.roster_import import RosterImportDialog

        RosterImportDialog(self.session, self).exec()


register_page("students", QT_TRANSLATE_NOOP("Pages", "Students"), StudentsPage, order=20)
