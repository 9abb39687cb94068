"""Create a student (the office): code and name first, the rest on the student page."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from app.services import students
from app.ui.editors.base import FormDialog
from app.ui.session import AppSession
from app.ui.widgets.fields import date_edit


class NewStudentDialog(FormDialog):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("New student"), parent)
        self.student_id: str | None = None
        f = self.form
        f.add("code", self.tr("Student code"), QLineEdit())
        f.add("name", self.tr("Name"), QLineEdit())
        f.watch_printable("name")
        f.add("birth_date", self.tr("Birth date"), date_edit())
        f.add("grade_class", self.tr("Class"), QLineEdit())
        self.ok_button().setText(self.tr("Create"))
        self.on_submit(lambda values: (students.create_student, (values,)))
        self.succeeded.connect(self._created)

    def _created(self, result: students.SaveResult) -> None:
        self.student_id = result.id
