"""Add or edit a guardian / caregiver; errors appear next to the field and the dialog stays open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from app.services import students
from app.services.errors import ServiceError
from app.services.students import GuardianInfo
from app.ui.labels import RELATIONS, label
from app.ui.messages import error_text, field_of
from app.ui.widgets.fields import FieldForm, combo, date_edit


class GuardianDialog(QDialog):
    def __init__(self, session: Any, student_id: str, guardian: GuardianInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.student_id, self.guardian = session, student_id, guardian
        self.setWindowTitle(self.tr("Edit guardian") if guardian else self.tr("Add guardian"))
        column = QVBoxLayout(self)
        f = self.form = FieldForm()
        f.add("name", self.tr("Name"), QLineEdit())
        f.add("relation", self.tr("Relation"), combo({k: label(RELATIONS, k) for k in RELATIONS}))
        f.add("phone", self.tr("Phone"), QLineEdit())
        f.add("phone2", self.tr("Second phone"), QLineEdit())
        f.add("address", self.tr("Address"), QLineEdit())
        f.add("lives_with_child", self.tr("Lives with the child"), QCheckBox(self.tr("Yes")))
        f.add("is_primary", self.tr("Primary guardian"), QCheckBox(self.tr("Yes")))
        f.add("is_emergency", self.tr("Emergency contact"), QCheckBox(self.tr("Yes")))
        f.add("delegated_start", self.tr("Delegated care from"), date_edit())
        f.add("delegated_end", self.tr("Delegated care until"), date_edit())
        f.add("school_notified_on", self.tr("School told in writing on"), date_edit())
        column.addWidget(f)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        if guardian is not None:
            for key in f.widgets:
                value = getattr(guardian, key)
                f.set_value(key, value.isoformat() if hasattr(value, "isoformat") else value)
        else:
            f.set_value("lives_with_child", True)

    def save(self) -> None:
        self.form.clear_errors()
        self.session.write(students.save_guardian, self.student_id, self.form.values(),
                           self.guardian.id if self.guardian else None,
                           on_done=lambda _id: self.accept(), on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError) and self.form.show_error(field_of(error), error_text(error)):
            return
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.tr("Cannot save"), error_text(error))
