"""Every password lost: the school's recovery key (from the sheet in the safe) opens the database, then an
administrator gets a new password (a new key slot) and is logged in. Reached from the login dialog's
"Forgot the password?" link."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.style import error_label, make_heading, password_field

if TYPE_CHECKING:
    from app.paths import AppPaths
    from app.services.context import Actor, Store


def hold_button(button: QPushButton, seconds: float, enabled: Callable[[], bool] = lambda: True) -> None:
    """After a wrong password or recovery key: ``button`` stays disabled a growing while (the window stays
    live, unlike a sleep), then comes back unless ``enabled()`` says something else keeps it off."""
    if seconds <= 0:
        return
    from PySide6.QtCore import QTimer

    button.setEnabled(False)
    # The button as the timer's context: a dialog closed meanwhile takes the pending call with it.
    QTimer.singleShot(int(seconds * 1000), button, lambda: button.setEnabled(enabled()))


class RecoveryKeyInput(QWidget):
    """The recovery key typed from the sheet, or read from the sheet's text file (``read`` then fires, or
    ``failed`` with the reason): the login's recovery dialog and the restore of another key's backup."""

    read = Signal()
    failed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("&Recovery key:"))
        self.key = QLineEdit()
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        label.setBuddy(self.key)
        column.addWidget(label)
        column.addWidget(self.key)
        row = QHBoxLayout()
        self.file_button = QPushButton(self.tr("Read from the recovery &file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.file_button.setAutoDefault(
            False
        )  # Enter in the key field opens with the key, never a file dialog
        row.addWidget(self.file_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)  # in a taller stacked page the fields stay together at the top

    def text(self) -> str:
        return self.key.text()

    def choose_file(self) -> None:
        from app.services import keyring
        from app.services.errors import ServiceError

        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("The recovery file"),
            str(Path.home()),
            self.tr("Recovery key (*.txt);;All files (*)"),
        )
        if not name:
            return
        try:
            self.key.setText(keyring.read_recovery_file(Path(name)))
        except ServiceError as error:
            self.failed.emit(error)
            return
        self.read.emit()


class RecoveryLoginDialog(QDialog):
    """Two steps: the recovery key (typed or read from the recovery file), then a new administrator password.

    ``store`` is an already open database (a login after a restore): the key is still checked against the
    recovery slot. Once accepted, ``store`` is the open database and ``actor`` the administrator; ``username``
    their user name (remembered as the last user)."""

    def __init__(self, paths: AppPaths, store: Store | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths, self.given = paths, store
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.username = ""
        self.usernames: dict[str, str] = {}  # the administrators offered, by id
        self.setWindowTitle(self.tr("Log in with the recovery key"))
        self.setMinimumWidth(460)
        column = QVBoxLayout(self)
        heading = QLabel(self.tr("Log in with the recovery key"))
        make_heading(heading, 1.2)
        column.addWidget(heading)
        self.pages = QStackedWidget()
        column.addWidget(self.pages)
        self.pages.addWidget(self._key_page())
        self.pages.addWidget(self._password_page())
        self.error = error_label()
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.open_button = self.buttons.addButton(self.tr("Open"), QDialogButtonBox.ButtonRole.ActionRole)
        self.login_button = self.buttons.addButton(
            self.tr("Set the password and log in"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.login_button.hide()
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self.open_with_key)
        self.login_button.clicked.connect(self.set_password)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.key.setFocus()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt naming
        # The button box takes the default from its ActionRole buttons as it is shown: Enter did nothing in the
        # key field (or pressed "Read from the recovery file"). The current step's button is the default again.
        super().showEvent(event)
        (self.login_button if self.pages.currentIndex() else self.open_button).setDefault(True)

    def _key_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "When every password is lost, the school's recovery key opens the records. It is on the "
                "recovery sheet printed at set-up (kept in the school's safe). Type it as printed (spaces, "
                "dashes and small letters do not matter), or read it from the recovery file."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        self.key_input = RecoveryKeyInput()
        self.key = self.key_input.key
        self.key_input.read.connect(self.open_with_key)
        self.key_input.failed.connect(self._show_error)
        column.addWidget(self.key_input)
        column.addStretch(1)
        return page

    def _password_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "The recovery key opened the records. Set a new password for an administrator; that "
                "administrator then gives the other users new passwords in Settings › Users."
            )
        )
        intro.setWordWrap(True)
        column.addWidget(intro)
        form = QFormLayout()
        self.admins = QComboBox()
        self.admins.setAccessibleName(self.tr("Administrator"))
        self.password = password_field(self.tr("New password"))
        self.confirm = password_field(self.tr("Repeat the new password"))
        form.addRow(self.tr("&Administrator:"), self.admins)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("Re&peat it:"), self.confirm)
        column.addLayout(form)
        column.addStretch(1)
        return page

    def _show_error(self, error: BaseException | str) -> None:
        # Imported here: the login dialog imports this module, and the catalogue is not needed to show it.
        from app.ui.messages import error_text

        self.error.setText(error if isinstance(error, str) else error_text(error))
        self.error.setAccessibleName(self.error.text())
        self.error.show()

    def open_with_key(self) -> None:
        """Check the key against the recovery slot; a wrong one is refused (nothing changes but the note of
        the refusal for the audit log) and Open is held a growing while, as after a wrong password."""
        from app.services import keyring, setup, users
        from app.services.context import ServiceContext
        from app.services.errors import ServiceError

        try:
            key = setup.unwrap_recovery(self.paths.db_path, self.key.text())
            if self.given is not None and self.given.key == key:
                self.store = self.given
            else:
                self.store = setup.recover_store(self.paths, self.key.text(), key)
        except (ServiceError, setup.SchemaError) as error:
            self._show_error(error)
            self.key.selectAll()
            self.key.setFocus()
            hold_button(self.open_button, keyring.failure_delay())
            return
        self.error.hide()
        for admin in users.list_users(ServiceContext(self.store), role="admin"):
            self.admins.addItem(f"{admin.display_name}  ({admin.username})", admin.id)
            self.usernames[admin.id] = admin.username
        self.pages.setCurrentIndex(1)
        self.open_button.hide()
        self.login_button.show()
        self.login_button.setDefault(True)
        self.password.setFocus()

    def set_password(self) -> None:
        from app.services import setup
        from app.services.errors import ServiceError

        assert self.store is not None, "the recovery key opened the database first"
        if self.password.text() != self.confirm.text():
            self._show_error(self.tr("The two passwords differ."))
            return
        try:
            self.actor = setup.recovery_login(self.store, self.admins.currentData(), self.password.text())
        except ServiceError as error:
            self._show_error(error)
            return
        self.username = self.usernames[self.admins.currentData()]
        self.accept()

    def reject(self) -> None:
        # Given up after the key opened the database: close what this dialog opened (not the login's).
        if self.store is not None and self.store is not self.given:
            self.store.dispose()
        self.store = None
        super().reject()
