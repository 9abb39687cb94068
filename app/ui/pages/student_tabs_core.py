"""The student page's guardians, teachers (assignments) and pauses tabs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import students, users
from app.services.errors import ServiceError
from app.services.students import StudentDetail
from app.services.users import UserInfo
from app.ui.i18n import format_date
from app.ui.labels import ASSIGNMENT_ROLES, RELATIONS, label
from app.ui.messages import error_text, field_of
from app.ui.pages.base import Page
from app.ui.session import AppSession
from app.ui.widgets.fields import FieldForm, combo, date_edit


def make_table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the next control; arrows move inside
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Rows of (record id, cell texts); the id is kept in column 0's user data."""
    table.setRowCount(len(rows))
    for r, (record_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(0x0100, record_id)
            table.setItem(r, c, item)


def selected_id(table: QTableWidget) -> str | None:
    row = table.currentRow()
    item = table.item(row, 0) if row >= 0 else None
    return item.data(0x0100) if item else None


class GuardiansTab(QWidget):
    def __init__(self, session: AppSession, page: Page) -> None:
        super().__init__()
        self.session, self.page = session, page
        self.detail: StudentDetail | None = None
        column = QVBoxLayout(self)
        self.table = make_table(
            [
                self.tr("Name"),
                self.tr("Relation"),
                self.tr("Phone"),
                self.tr("Primary"),
                self.tr("Emergency contact"),
                self.tr("Lives with the child"),
            ],
            self.tr("Guardians"),
        )
        self.table.doubleClicked.connect(lambda _i: self.edit())
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add guardian…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(session.actor.role != "leader")
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

    def show_detail(self, detail: StudentDetail) -> None:
        self.detail = detail
        yes, no = self.tr("Yes"), ""
        fill_table(
            self.table,
            [
                (
                    g.id,
                    [
                        g.name,
                        label(RELATIONS, g.relation),
                        g.phone,
                        yes if g.is_primary else no,
                        yes if g.is_emergency else no,
                        yes if g.lives_with_child else no,
                    ],
                )
                for g in detail.guardians
            ],
        )

    def add(self) -> None:
        self._open(None)

    def edit(self) -> None:
        guardian_id = selected_id(self.table)
        if guardian_id:
            self._open(guardian_id)

    def _open(self, guardian_id: str | None) -> None:
        if self.detail is None:
            return
        from app.ui.dialogs.guardian import GuardianDialog

        existing = next((g for g in self.detail.guardians if g.id == guardian_id), None)
        GuardianDialog(self.session, self.detail.id, existing, self).exec()

    def delete(self) -> None:
        guardian_id = selected_id(self.table)
        if not guardian_id:
            return
        if (
            QMessageBox.question(self, self.tr("Delete guardian"), self.tr("Delete this guardian?"))
            == QMessageBox.StandardButton.Yes
        ):
            self.session.write(students.delete_guardian, guardian_id, on_error=self.page.show_error)


class AssignmentsTab(QWidget):
    def __init__(self, session: AppSession, page: Page) -> None:
        super().__init__()
        self.session, self.page = session, page
        self.detail: StudentDetail | None = None
        column = QVBoxLayout(self)
        self.table = make_table(
            [self.tr("Teacher"), self.tr("Role"), self.tr("From"), self.tr("Until")],
            self.tr("Assigned teachers"),
        )
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.teacher = combo([])
        self.teacher.setAccessibleName(self.tr("Teacher to assign"))
        self.role = combo({k: label(ASSIGNMENT_ROLES, k) for k in ASSIGNMENT_ROLES})
        self.role.setAccessibleName(self.tr("Teaching role"))
        self.assign_button = QPushButton(self.tr("Assign"))
        self.end_button = QPushButton(self.tr("End assignment"))
        self.assign_button.clicked.connect(self.assign)
        self.end_button.clicked.connect(self.end)
        for widget in (self.teacher, self.role, self.assign_button, self.end_button):
            row.addWidget(widget)
        row.addStretch(1)
        column.addLayout(row)
        office = session.can("admin", "academic_affairs")
        for widget in (self.teacher, self.role, self.assign_button, self.end_button):
            widget.setVisible(office)
        if office:
            session.read(users.list_users, role="teacher", on_done=self._teachers)

    def _teachers(self, teachers: list[UserInfo]) -> None:
        for info in teachers:
            self.teacher.addItem(info.display_name, info.id)

    def show_detail(self, detail: StudentDetail) -> None:
        self.detail = detail
        fill_table(
            self.table,
            [
                (
                    a.id,
                    [
                        a.teacher_name,
                        label(ASSIGNMENT_ROLES, a.role),
                        format_date(a.start),
                        format_date(a.end),
                    ],
                )
                for a in detail.assignments
            ],
        )

    def assign(self) -> None:
        if self.detail is None or self.teacher.currentData() is None:
            return
        self.session.write(
            students.assign_teacher,
            self.detail.id,
            self.teacher.currentData(),
            self.role.currentData(),
            on_error=self.page.show_error,
        )

    def end(self) -> None:
        assignment_id = selected_id(self.table)
        if assignment_id:
            self.session.write(students.end_assignment, assignment_id, on_error=self.page.show_error)


class PausesTab(QWidget):
    def __init__(self, session: AppSession, page: Page) -> None:
        super().__init__()
        self.session, self.page = session, page
        self.detail: StudentDetail | None = None
        column = QVBoxLayout(self)
        self.table = make_table([self.tr("From"), self.tr("Until"), self.tr("Reason")], self.tr("Pauses"))
        column.addWidget(self.table, 1)
        self.form = FieldForm()
        self.form.add("start", self.tr("Pause from"), date_edit())
        self.form.add("end", self.tr("Pause until (empty: open)"), date_edit())
        self.form.add("reason", self.tr("Reason"), QLineEdit())
        column.addWidget(self.form)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add pause"))
        self.remove_button = QPushButton(self.tr("Remove pause"))
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        column.addLayout(row)
        writable = session.actor.role != "leader"
        self.form.setVisible(writable)
        self.add_button.setVisible(writable)
        self.remove_button.setVisible(writable)

    def show_detail(self, detail: StudentDetail) -> None:
        self.detail = detail
        fill_table(
            self.table, [(p.id, [format_date(p.start), format_date(p.end), p.reason]) for p in detail.pauses]
        )

    def add(self) -> None:
        if self.detail is None:
            return
        self.form.clear_errors()
        values = self.form.values()
        self.session.write(
            students.add_pause,
            self.detail.id,
            values["start"],
            values["end"],
            values["reason"],
            on_done=lambda _id: self._added(),
            on_error=self._failed,
        )

    def _added(self) -> None:
        for key in ("start", "end", "reason"):
            self.form.set_value(key, "")

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError) and self.form.show_error(field_of(error), error_text(error)):
            return
        self.page.show_error(error)

    def remove(self) -> None:
        pause_id = selected_id(self.table)
        if pause_id:
            self.session.write(students.remove_pause, pause_id, on_error=self.page.show_error)
