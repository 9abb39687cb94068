"""A password typed twice: every place that sets a password someone must later type (a PDF's, a user's).

A typo in a password typed once is found only when the guardian cannot open the family's copy, or the teacher
cannot log in; typed twice, it is found while the person who typed it is still at the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.ui.widgets.style import error_label, password_field


class ConfirmedPassword(QObject):
    """The password, its repetition and an error line, for the caller's form.

    ``optional``: both fields empty means "no password" (a PDF's); otherwise ``min_len`` characters at least.
    """

    def __init__(
        self,
        name: str,
        repeat_name: str,
        min_len: int = 0,
        optional: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name, self.min_len, self.optional = name, min_len, optional
        self.password = password_field(name)
        self.confirm = password_field(repeat_name)
        self.error: QLabel = error_label()
        # The old complaint goes as soon as either field is edited again.
        for field in (self.password, self.confirm):
            field.textEdited.connect(lambda _text: self.error.hide())

    def add_rows(self, form: QFormLayout, label: str, repeat_label: str) -> None:
        form.addRow(label, self.password)
        form.addRow(repeat_label, self.confirm)
        form.addRow(self.error)

    def value(self) -> str | None:
        """The password, or None (no password chosen); only meaningful once problem() is None."""
        return self.password.text() or None

    def problem(self) -> str | None:
        """What is wrong, in words naming the field; None when the two agree (and the length is kept)."""
        first, second = self.password.text(), self.confirm.text()
        if first != second:
            return self.tr(
                "“{name}” and its repetition differ. Type the same password in both fields."
            ).format(name=self.name)
        if (first or not self.optional) and len(first) < self.min_len:
            return self.tr("“{name}” needs at least {least} characters.").format(
                name=self.name, least=self.min_len
            )
        return None

    def check(self) -> bool:
        """Show the problem (focus on the field to retype) and say whether the password may be used."""
        problem = self.problem()
        if problem is None:
            self.error.hide()
            return True
        self.error.setText(problem)
        self.error.setAccessibleName(problem)
        self.error.show()
        target: QLineEdit = self.confirm if self.password.text() != self.confirm.text() else self.password
        target.selectAll()
        target.setFocus()
        return False
