"""Create a student (the office): code and name first, the rest on the student page."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import students
from app.ui.dialogs.form_dialog import FormDialog
from app.ui.widgets.fields import date_edit


class NewStudentDialog(FormDialog):
    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setWindowTitle(self.tr("New student"))
        self.student_id: str | None = None
        f = self.form
        f.add("code", self.tr("Student code"), QLineEdit())
        f.add("name", self.tr("Name"), QLineEdit())
        f.add("birth_date", self.tr("Birth date"), date_edit())
        f.add("grade_class", self.tr("Class"), QLineEdit())
        self.add_buttons(self.create_record, self.tr("Create"), self.tr("Cancel"), self.tr("Cannot save"))

    def create_record(self) -> None:
        self.write(students.create_student, self.form.values(), on_done=self._created)

    def _created(self, result: students.SaveResult) -> None:
        self.student_id = result.id
        self.accept()
