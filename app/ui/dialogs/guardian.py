"""Add or edit a guardian / caregiver; errors appear next to the field and the dialog stays open."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from app.services import students
from app.services.students import GuardianInfo
from app.ui.editors.base import FormDialog
from app.ui.labels import RELATIONS, label
from app.ui.session import AppSession
from app.ui.widgets.fields import combo, date_edit


class GuardianDialog(FormDialog):
    def __init__(
        self,
        session: AppSession,
        student_id: str,
        guardian: GuardianInfo | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, self.tr("Edit guardian") if guardian else self.tr("Add guardian"), parent)
        self.student_id, self.guardian = student_id, guardian
        f = self.form
        f.add("name", self.tr("Name"), QLineEdit())
        f.watch_printable("name")
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
        self.ok_button().setText(self.tr("Save"))
        self.on_submit(
            lambda values: (students.save_guardian, (student_id, values, guardian.id if guardian else None))
        )
        if guardian is not None:
            for key in f.widgets:
                value = getattr(guardian, key)
                f.set_value(key, value.isoformat() if hasattr(value, "isoformat") else value)
        else:
            f.set_value("lives_with_child", True)
