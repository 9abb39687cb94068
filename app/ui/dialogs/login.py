"""Later starts: pick a user from the list, enter the password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import school, users
from app.services.context import Actor, ServiceContext, Store
from app.services.errors import ServiceError
from app.ui.labels import ROLES, label
from app.ui.messages import error_text
from app.ui.widgets.fields import ERROR_STYLE


class LoginDialog(QDialog):
    """``actor`` is set once the password was right. Wrong passwords only show a message."""

    def __init__(self, store: Store, *, last_user: str | None = None, parent: QWidget | None = None,
                 today: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ServiceContext(store, today_override=today)
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in to Songjiao"))
        self.setMinimumWidth(380)
        column = QVBoxLayout(self)
        try:
            school_name = school.get_school(self.ctx).name
        except ServiceError:
            school_name = ""
        heading = QLabel(school_name or self.tr("Songjiao"))
        heading.setStyleSheet("font-size: 14pt; font-weight: 600;")
        column.addWidget(heading)
        who = QLabel(self.tr("&Who are you?"))
        column.addWidget(who)
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        who.setBuddy(self.users)
        for info in users.list_users(self.ctx):
            item = QListWidgetItem(f"{info.display_name}  ({label(ROLES, info.role)})")
            item.setData(Qt.ItemDataRole.UserRole, info.username)
            self.users.addItem(item)
            if info.username == last_user:
                self.users.setCurrentItem(item)
        if self.users.currentRow() < 0 and self.users.count():
            self.users.setCurrentRow(0)
        column.addWidget(self.users, 1)
        password_label = QLabel(self.tr("&Password:"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        password_label.setBuddy(self.password)
        column.addWidget(password_label)
        column.addWidget(self.password)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        column.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        column.addWidget(buttons)
        self.users.itemActivated.connect(lambda _i: self.password.setFocus())
        self.password.setFocus()

    def username(self) -> str:
        item = self.users.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def try_login(self) -> None:
        try:
            self.actor = users.authenticate(self.ctx, self.username(), self.password.text())
        except ServiceError as error:
            self.error.setText(error_text(error))
            self.error.setAccessibleName(self.error.text())
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
