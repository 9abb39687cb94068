"""Restoring a backup made under another key (before a key change, or at another office): its own password or
recovery key, checked against the backup before anything is restored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.dialogs.recovery_login import RecoveryKeyInput, hold_button
from app.ui.messages import error_text
from app.ui.widgets.style import error_label, make_heading, password_field


class BackupKeyDialog(QDialog):
    """``key`` is the backup's key once a password or recovery key of the backup opened it and the backup
    passed its check; nothing is restored here (Settings asks next)."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.key: bytes | None = None
        self.setWindowTitle(self.tr("Open the backup"))
        self.setMinimumWidth(460)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("This backup has its own key"))
        make_heading(heading, 1.2)
        column.addWidget(heading)
        intro = QLabel(
            self.tr(
                "This backup was made under another key (before the key was changed, or at another office), "
                "so the current log-in does not open it. Give a user name with the password it had when the "
                "backup was made, or the recovery key of that time."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.by_password = QRadioButton(self.tr("With a user's &password"))
        self.by_recovery = QRadioButton(self.tr("With the recovery &key"))
        self.by_password.setChecked(True)
        group = QButtonGroup(self)
        row = QHBoxLayout()
        for button in (self.by_password, self.by_recovery):
            group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.ways = QStackedWidget()
        login = QWidget()
        login_column = QVBoxLayout(login)
        login_column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        login_column.addLayout(form)
        login_column.addStretch(1)
        self.username = QLineEdit()
        self.username.setAccessibleName(self.tr("User name"))
        self.password = password_field(self.tr("Password"))
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("Pass&word:"), self.password)
        self.ways.addWidget(login)
        self.recovery = RecoveryKeyInput()
        self.recovery.read.connect(self.check)
        self.recovery.failed.connect(self._show_error)
        self.ways.addWidget(self.recovery)
        column.addWidget(self.ways)
        self.by_recovery.toggled.connect(lambda _on: self._switch())
        self.error = error_label()
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Check the backup"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.check)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.username.setFocus()

    def _switch(self) -> None:
        by_recovery = self.by_recovery.isChecked()
        self.ways.setCurrentIndex(1 if by_recovery else 0)
        self.error.hide()  # the refusal was about the other way
        (self.recovery.key if by_recovery else self.username).setFocus()

    def _show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else error_text(error)
        self.error.setText(text + "\n" + self.tr("The backup was not restored; nothing was changed."))
        self.error.setAccessibleName(self.error.text())
        self.error.show()

    def check(self) -> None:
        """Unwrap the backup's key from its own key file, then check the backup with it (integrity, schema)."""
        from app.services import backup, keyring
        from app.services.errors import ServiceError

        try:
            if self.by_recovery.isChecked():
                key = backup.unwrap_backup_key(self.path, recovery=self.recovery.text())
            else:
                key = backup.unwrap_backup_key(
                    self.path, username=self.username.text(), password=self.password.text()
                )
        except ServiceError as error:
            self._show_error(error)
            self.password.clear()
            hold_button(self.ok_button, keyring.failure_delay())
            return
        problem = backup.verify(self.path, key)
        if problem:
            # (verify's reason is English, for logs and the command line.)
            self._show_error(
                self.tr("The backup opened, but it is damaged or was written by a newer version.")
            )
            return
        self.key = key
        self.accept()
