"""Add or edit a guardian / caregiver; errors appear next to the field and the dialog stays open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from app.services import students
from app.services.students import GuardianInfo
from app.ui.dialogs.form_dialog import Button, FormDialog
from app.ui.labels import RELATIONS, label
from app.ui.widgets.fields import combo, date_edit


class GuardianDialog(FormDialog):
    def __init__(self, session: Any, student_id: str, guardian: GuardianInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.student_id, self.guardian = student_id, guardian
        self.setWindowTitle(self.tr("Edit guardian") if guardian else self.tr("Add guardian"))
        f = self.form
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
        self.add_buttons(self.save, self.tr("Save"), self.tr("Cancel"), self.tr("Cannot save"), ok=Button.Save)
        if guardian is not None:
            for key in f.widgets:
                value = getattr(guardian, key)
                f.set_value(key, value.isoformat() if hasattr(value, "isoformat") else value)
        else:
            f.set_value("lives_with_child", True)

    def save(self) -> None:
        self.write(students.save_guardian, self.student_id, self.form.values(),
                   self.guardian.id if self.guardian else None, on_done=lambda _id: self.accept())
