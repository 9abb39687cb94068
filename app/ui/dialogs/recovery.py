"""The school's recovery key, shown once (after set-up, or when an administrator makes a new one): save it as a
printable sheet for the school's safe. And the administrator's password asked again before a new one is made."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.style import error_label, make_heading, password_field

if TYPE_CHECKING:
    from app.ui.session import AppSession


class RecoveryKeyDialog(QDialog):
    """``saved`` lists the files written (the sheet PDF and its text file)."""

    def __init__(
        self, key_text: str, school_name: str, parent: QWidget | None = None, *, replaced: bool = False
    ) -> None:
        super().__init__(parent)
        self.key_text, self.school_name = key_text, school_name
        self.saved: list[Path] = []
        self.setWindowTitle(self.tr("Recovery key"))
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("The school's recovery key"))
        make_heading(heading, 1.2)
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "The records are encrypted. If every password is lost, only this key opens them. It is shown "
                "only now: save the recovery sheet, print it and keep it in the school's safe, not beside "
                "this computer."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        if replaced:  # a new key in place of an earlier one
            old = QLabel(
                self.tr(
                    "The earlier recovery key no longer opens the records: destroy its sheet once this one is "
                    "in the safe. The backups made before now keep the earlier key."
                )
            )
            old.setWordWrap(True)
            column.addWidget(old)
        self.key = QLabel(key_text)
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key.setAccessibleName(self.tr("Recovery key"))
        make_heading(self.key, 1.1)
        column.addWidget(self.key)
        self.save_button = QPushButton(self.tr("&Save the recovery sheet…"))
        self.save_button.clicked.connect(self.choose_and_save)
        column.addWidget(self.save_button)
        self.saved_note = QLabel()  # where the sheet went: to be taken from this computer to the safe
        self.saved_note.setWordWrap(True)
        self.saved_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.saved_note.hide()
        column.addWidget(self.saved_note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("I have kept it safe"))
        buttons.accepted.connect(self.accept)
        column.addWidget(buttons)

    def choose_and_save(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the recovery sheet"), "songjiao-recovery-sheet.pdf", "PDF (*.pdf)"
        )
        if name:
            self.save(Path(name))

    def save(self, pdf: Path) -> None:
        from app.reports.export import export_recovery_sheet
        from app.services.errors import ServiceError
        from app.ui.messages import error_text

        try:
            self.saved = list(export_recovery_sheet(self.school_name, self.key_text, pdf))
        except (OSError, ServiceError) as error:
            text = error_text(error) if isinstance(error, ServiceError) else str(error.strerror or error)
            QMessageBox.warning(self, self.tr("Cannot save the recovery sheet"), text)
            return
        self.saved_note.setText(
            self.tr("Saved: {files}. Print the sheet, then move both files off this computer.").format(
                files=self.tr(", ").join(str(path) for path in self.saved)
            )
        )
        self.saved_note.show()

    def reject(self) -> None:
        # Escape or the window's close button: the key is never shown again, so leaving without having saved
        # the sheet is asked first (copying the key by hand is what the other button says).
        if not self.saved:
            answer = QMessageBox.question(
                self,
                self.tr("Recovery key not saved"),
                self.tr(
                    "The recovery sheet was not saved, and this key is not shown again. Close without it?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()


class NewRecoveryKeyDialog(QDialog):
    """The administrator's own password asked again, then the new recovery key made (on the worker): a window
    left unlocked is not enough to make the school's sheet in the safe useless. A wrong password is refused in
    the dialog (audited by the service), the button held a growing while as at the lock; once made,
    ``key_text`` holds the new key and the dialog is accepted."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key_text = ""
        self.failures = 0
        self.setWindowTitle(self.tr("Make a new recovery key"))
        self.setMinimumWidth(420)
        column = QVBoxLayout(self)
        note = QLabel(
            self.tr("To make a new recovery key, type the password of {name} again.").format(
                name=session.actor.display_name
            )
        )
        note.setWordWrap(True)
        column.addWidget(note)
        label = QLabel(self.tr("&Password:"))
        self.password = password_field(self.tr("Password"))
        label.setBuddy(self.password)
        column.addWidget(label)
        column.addWidget(self.password)
        self.error = error_label()
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.make_button = self.buttons.addButton(
            self.tr("Make the new key"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)  # accepted only once the key is made
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.password.setFocus()

    def make(self) -> None:
        from app.services import setup

        if not self.make_button.isEnabled():
            return
        self.make_button.setEnabled(False)
        self.session.write(
            setup.replace_recovery_key,
            self.password.text(),
            on_done=self._made,
            on_error=self._refused,
            initiator=self,
        )

    def _made(self, text: str) -> None:
        self.key_text = text
        self.password.clear()
        self.accept()

    def _refused(self, error: BaseException) -> None:
        from app.services.throttle import failure_delay
        from app.ui.dialogs.recovery_login import hold_button
        from app.ui.messages import error_text

        self.failures += 1
        self.error.setText(error_text(error))
        self.error.setAccessibleName(self.error.text())
        self.error.show()
        self.password.clear()
        self.password.setFocus()
        self.make_button.setEnabled(True)
        hold_button(self.make_button, failure_delay(self.failures))
