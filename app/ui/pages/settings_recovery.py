"""Settings › Users and roles: the school's recovery key, made anew when the sheet was lost or used (the old
one stops working). The administrator confirms, types their password again, and gets the new sheet."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from app.services import school, setup
from app.services.context import ServiceContext
from app.services.errors import ServiceError
from app.ui.messages import error_text
from app.ui.session import AppSession


def _state(ctx: ServiceContext) -> tuple[ServiceError | None, str]:
    """Why no new key can be made here (None when one can), and the school's name for the sheet."""
    return setup.recovery_key_refusal(ctx), school.get_school(ctx).name


class RecoveryKeyBox(QGroupBox):
    def __init__(self, session: AppSession) -> None:
        super().__init__()
        self.session = session
        self.school_name = ""
        self.password_dialog: QDialog | None = None  # the dialogs, while open (tests press their buttons)
        self.key_dialog: QDialog | None = None
        self.setTitle(self.tr("School recovery key"))
        column = QVBoxLayout(self)
        self.note = QLabel(
            self.tr(
                "The recovery key opens the records when every password is lost. If its sheet was lost, or "
                "was used to log in, make a new one: the old sheet then stops working."
            )
        )
        self.note.setWordWrap(True)
        column.addWidget(self.note)
        self.reason = QLabel()  # why the button is off (not encrypted, PostgreSQL, a laptop)
        self.reason.setWordWrap(True)
        self.reason.hide()
        column.addWidget(self.reason)
        row = QHBoxLayout()
        self.new_button = QPushButton(self.tr("Make a new recovery key…"))
        self.new_button.setEnabled(False)  # until reload() knows this database has one
        self.new_button.clicked.connect(self.ask)
        row.addWidget(self.new_button)
        row.addStretch(1)
        column.addLayout(row)

    def reload(self) -> None:
        self.session.read(_state, on_done=self._show, on_error=self._failed)

    def _show(self, state: tuple[ServiceError | None, str]) -> None:
        refusal, self.school_name = state
        self.new_button.setEnabled(refusal is None)
        self.reason.setText(error_text(refusal) if refusal is not None else "")
        self.reason.setVisible(refusal is not None)
        self.new_button.setToolTip(self.reason.text())

    def _failed(self, error: BaseException) -> None:
        self._show((error if isinstance(error, ServiceError) else None, self.school_name))
        if not isinstance(error, ServiceError):
            QMessageBox.warning(self, self.tr("Cannot read the settings"), error_text(error))

    def ask(self) -> None:
        from app.ui.dialogs.recovery import NewRecoveryKeyDialog

        answer = QMessageBox.question(
            self,
            self.tr("Make a new recovery key"),
            self.tr(
                "Make a new recovery key for the school? The current recovery sheet stops opening the records "
                "at once (the backups made before now still open with it). Save and print the new sheet and "
                "put it in the school's safe in place of the old one."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        dialog = NewRecoveryKeyDialog(self.session, self)
        self.password_dialog = dialog
        dialog.accepted.connect(lambda: self._show_key(dialog.key_text))
        dialog.finished.connect(lambda _r: setattr(self, "password_dialog", None))
        # open(), not exec(): the window stays live and a test presses the dialog's buttons.
        dialog.open()

    def _show_key(self, text: str) -> None:
        from app.ui.dialogs.recovery import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(text, self.school_name, self, replaced=True)
        self.key_dialog = dialog
        dialog.finished.connect(lambda _r: setattr(self, "key_dialog", None))
        dialog.open()
