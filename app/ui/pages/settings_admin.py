"""Administrator tabs of Settings: users and roles (with the school's recovery key), backups (make one, restore one)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import backup, users
from app.services.context import ServiceContext
from app.services.errors import ValidationError
from app.services.users import UserInfo
from app.ui.editors.base import FormDialog, FormValues
from app.ui.i18n import format_date
from app.ui.labels import BACKUP_REASONS, ROLES, label
from app.ui.pages.base import Shell
from app.ui.pages.settings_recovery import RecoveryKeyBox
from app.ui.pages.student_tabs_core import fill_table, make_table, selected_id
from app.ui.session import AppSession
from app.ui.widgets.fields import combo
from app.ui.widgets.passwords import ConfirmedPassword
from app.ui.widgets.style import password_field, warning_color, warning_style


class SettingsHost(Protocol):
    """What a tab asks of the settings page that holds it (the page imports the tabs, so not the class)."""

    session: AppSession
    window_: Shell | None

    def show_error(self, error: BaseException) -> None: ...

    def saved(self) -> None: ...


ASSIGNABLE_ROLES = ("teacher", "academic_affairs", "leader", "admin")


class UserDialog(FormDialog):
    """A new user: user name, display name, role, first password."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, self.tr("Add user"), parent)
        f = self.form
        f.add("username", self.tr("User name"), QLineEdit())
        f.add("display_name", self.tr("Display name"), QLineEdit())
        f.watch_printable("display_name")
        f.add("role", self.tr("Role"), combo({k: label(ROLES, k) for k in ASSIGNABLE_ROLES}))
        # Typed twice, the rule in sight: the new user's first log-in must not fail on the administrator's typo.
        password = password_field(self.tr("Password"))
        password.setPlaceholderText(self.tr("at least {least} characters").format(least=users.MIN_PASSWORD))
        f.add("password", self.tr("Password"), password)
        f.add("confirm", self.tr("Repeat the password"), password_field(self.tr("Repeat the password")))
        self.ok_button().setText(self.tr("Create"))
        self.on_submit(_create_user)


def _create_user(values: FormValues) -> tuple[Callable[..., object], tuple[object, ...]]:
    values = dict(values)  # the form's own dict stays as typed (shown again on a refusal)
    if values.pop("confirm") != values.get("password"):  # the wizard's and recovery's refusal, by the field
        raise ValidationError("password.mismatch", "The two passwords differ.", field="confirm")
    return users.create_user, (values,)


class ResetPasswordDialog(QDialog):
    """A user's new password, typed twice, the minimum length in sight (a typo would lock the user out, and
    after encryption in place only this password opens their key slot)."""

    def __init__(self, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self.setWindowTitle(self.tr("Reset password"))
        intro = QLabel(
            self.tr("A new password for {name} ({username}), to tell them in person.").format(
                name=user.display_name, username=user.username
            )
        )
        intro.setWordWrap(True)
        self.new_password = ConfirmedPassword(
            self.tr("New password"),
            self.tr("Repeat the new password"),
            min_len=users.MIN_PASSWORD,
            parent=self,
        )
        self.rule = QLabel(self.tr("At least {least} characters.").format(least=users.MIN_PASSWORD))
        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.new_password.password)
        form.addRow("", self.rule)
        form.addRow(self.tr("Re&peat it:"), self.new_password.confirm)
        form.addRow(self.new_password.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.set_button = buttons.addButton(self.tr("&Set password"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.set_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())  # wide enough for its title (the input dialog cut it)

    def accept(self) -> None:
        if self.new_password.check():
            super().accept()

    def password(self) -> str:
        return self.new_password.password.text()


def _users_and_slots(ctx: ServiceContext) -> tuple[list[UserInfo], set[str]]:
    return users.list_users(ctx, include_inactive=True), users.without_slot(ctx)


class UsersTab(QWidget):
    def __init__(self, page: SettingsHost) -> None:
        super().__init__()
        self.page, self.session = page, page.session
        self.users: list[UserInfo] = []
        self.no_slot: set[str] = set()  # users who cannot log in until the administrator sets a password
        self.password_dialog: ResetPasswordDialog | None = None
        column = QVBoxLayout(self)
        self.table = make_table(
            [
                self.tr("User name"),
                self.tr("Display name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Log-in"),
            ],
            self.tr("Users"),
        )
        column.addWidget(self.table, 1)
        # After a plaintext database was encrypted in place only the user who logged in has a key slot.
        self.slot_hint = QLabel(
            self.tr(
                "The users marked “Needs a new password” cannot log in since the records were encrypted: "
                "select each one and press “Reset password…”, then tell them their new password."
            )
        )
        self.slot_hint.setWordWrap(True)
        self.slot_hint.setStyleSheet(warning_style())
        self.slot_hint.hide()
        column.addWidget(self.slot_hint)
        row = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add user…"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.active_button = QPushButton(self.tr("Enable / disable"))
        self.role_button = QPushButton(self.tr("Change role…"))
        self.add_button.clicked.connect(self.add)
        self.password_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.role_button.clicked.connect(self.change_role)
        for button in (self.add_button, self.password_button, self.active_button, self.role_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)
        self.recovery_box = RecoveryKeyBox(self.session)
        column.addWidget(self.recovery_box)

    def reload(self) -> None:
        self.session.read(_users_and_slots, on_done=self._show, on_error=self.page.show_error)
        self.recovery_box.reload()

    def _show(self, data: tuple[list[UserInfo], set[str]]) -> None:
        found, self.no_slot = data
        self.users = found
        fill_table(
            self.table,
            [
                (
                    u.id,
                    [
                        u.username,
                        u.display_name,
                        label(ROLES, u.role),
                        self.tr("Yes") if u.active else self.tr("No"),
                        self.tr("Needs a new password") if u.id in self.no_slot else "",
                    ],
                )
                for u in found
            ],
        )
        for row, user in enumerate(found):
            mark = self.table.item(row, 4)
            if mark is not None and user.id in self.no_slot:  # stands out as the hint below the table does
                mark.setForeground(QColor(warning_color()))
        self.slot_hint.setVisible(bool(self.no_slot))

    def _selected(self) -> UserInfo | None:
        user_id = selected_id(self.table)
        return next((u for u in self.users if u.id == user_id), None)

    def add(self) -> None:
        UserDialog(self.session, self).exec()

    def reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        # open(), not exec(): the dialog is the tab's to reach (tests press its buttons), the window stays live.
        dialog = self.password_dialog = ResetPasswordDialog(user, self)
        dialog.accepted.connect(
            lambda: self.session.write(
                users.set_password,
                user.id,
                dialog.password(),
                on_done=lambda _r: self.page.saved(),
                on_error=self.page.show_error,
            )
        )
        dialog.open()

    def toggle_active(self) -> None:
        user = self._selected()
        if user is not None:
            self.session.write(
                users.update_user, user.id, {"active": not user.active}, on_error=self.page.show_error
            )

    def change_role(self) -> None:
        user = self._selected()
        if user is None:
            return
        names = [label(ROLES, r) for r in ASSIGNABLE_ROLES]
        current = ASSIGNABLE_ROLES.index(user.role) if user.role in ASSIGNABLE_ROLES else 0
        choice, ok = QInputDialog.getItem(
            self, self.tr("Change role"), self.tr("Role:"), names, current, False
        )
        if ok:
            role = ASSIGNABLE_ROLES[names.index(choice)]
            self.session.write(users.update_user, user.id, {"role": role}, on_error=self.page.show_error)


class BackupsTab(QWidget):
    def __init__(self, page: SettingsHost) -> None:
        super().__init__()
        self.page, self.session = page, page.session
        self.backups: list[backup.BackupInfo] = []
        self.key_dialog: QDialog | None = None  # a backup's own key asked for, while open
        column = QVBoxLayout(self)
        self.table = make_table([self.tr("Made on"), self.tr("Reason"), self.tr("Size")], self.tr("Backups"))
        column.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.make_button = QPushButton(self.tr("Make a backup now"))
        self.restore_button = QPushButton(self.tr("Restore selected backup…"))
        self.file_button = QPushButton(self.tr("Restore from a file…"))
        self.make_button.clicked.connect(self.make)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button.clicked.connect(self.restore_file)
        for button in (self.make_button, self.restore_button, self.file_button):
            row.addWidget(button)
        row.addStretch(1)
        column.addLayout(row)

    def reload(self) -> None:
        self.session.runner.submit(
            backup.list_backups, self.session.paths, on_done=self._show, on_error=self.page.show_error
        )

    def _show(self, found: list[backup.BackupInfo]) -> None:
        self.backups = found
        fill_table(
            self.table,
            [
                (
                    str(b.path),
                    [
                        f"{format_date(b.created.date())} {b.created:%H:%M:%S}",
                        label(BACKUP_REASONS, b.reason),
                        f"{b.size / 1024:.0f} KB",
                    ],
                )
                for b in found
            ],
        )

    def make(self) -> None:
        self.session.runner.submit(
            functools.partial(backup.make_backup, key=self.session.store.key),
            self.session.paths,
            "manual",
            on_done=lambda _b: self._made(),
            on_error=self.page.show_error,
        )

    def _made(self) -> None:
        self.reload()
        self.page.saved()

    def restore_selected(self) -> None:
        path = selected_id(self.table)
        if path:
            self.restore(Path(path))

    def restore_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a file"),
            str(self.session.paths.backup_dir),
            self.tr("Songjiao database (*.sqlite3)"),
        )
        if name:
            self.restore(Path(name))

    def restore(self, path: Path) -> None:
        """Check the backup, ask, restore. A backup made under another key (before a key change, or at
        another office) first asks for its own password or recovery key (BackupKeyDialog)."""
        if path.is_file() and not backup.opens_with(path, self.session.store.key):
            from app.ui.dialogs.backup_key import BackupKeyDialog

            self.key_dialog = BackupKeyDialog(path, self)
            dialog = self.key_dialog
            # open(), not exec(): the window stays live and a test presses the dialog's buttons.
            dialog.accepted.connect(lambda: self._confirm(path, dialog.key))
            dialog.open()
            return
        self._confirm(path, None)

    def _confirm(self, path: Path, own_key: bytes | None) -> None:
        """``own_key``: the backup's key when it is not the session's (its passwords then come back with it)."""
        problem = backup.verify(path, own_key or self.session.store.key)
        if problem:
            QMessageBox.warning(
                self, self.tr("Cannot restore"), self.tr("This file cannot be restored. Nothing was changed.")
            )
            return
        text = self.tr(
            "Replace the current records with this backup? Everything entered since it was made will be "
            "gone. A copy of the current database is kept first. You will need to log in again."
        )
        if own_key is not None:
            text += "\n\n" + self.tr(
                "The restored records open with the passwords and the recovery key they had when the backup "
                "was made."
            )
        answer = QMessageBox.question(
            self,
            self.tr("Restore backup"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes and self.page.window_ is not None:
            self.page.window_.request_restore(path, own_key)
