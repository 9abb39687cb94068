"""Create a student (the office): code and name first, the rest on the student page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from app.services import students
from app.services.errors import ServiceError
from app.ui.messages import error_text, field_of
from app.ui.widgets.fields import FieldForm, date_edit


class NewStudentDialog(QDialog):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.student_id: str | None = None
        self.setWindowTitle(self.tr("New student"))
        column = QVBoxLayout(self)
        f = self.form = FieldForm()
        f.add("code", self.tr("Student code"), QLineEdit())
        f.add("name", self.tr("Name"), QLineEdit())
        f.add("birth_date", self.tr("Birth date"), date_edit())
        f.add("grade_class", self.tr("Class"), QLineEdit())
        column.addWidget(f)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.create_record)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)

    def create_record(self) -> None:
        self.form.clear_errors()
        self.session.write(students.create_student, self.form.values(), on_done=self._created,
                           on_error=self._failed)

    def _created(self, result: students.SaveResult) -> None:
        self.student_id = result.id
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError) and self.form.show_error(field_of(error), error_text(error)):
            return
        QMessageBox.warning(self, self.tr("Cannot save"), error_text(error))
