"""Later starts: pick a user from the list, enter the password.

The dialog can show before the database is open: it starts from the user list cached at the last login
and checks the password once the background open (``StoreOpener``) is done. Services are imported lazily
so that the dialog appears without waiting for SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt, SignalInstance
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

from app.ui.labels import ROLES, label
from app.ui.messages import error_text
from app.ui.widgets.style import error_style, make_heading

if TYPE_CHECKING:
    from app.services.context import Actor, Store


class PendingStore(Protocol):
    """The database being opened in the background while the user types (``opener.StoreOpener``, a layer
    above the dialogs): ``finished(store, error)`` once open, ``wait()`` to block for it."""

    @property
    def finished(self) -> SignalInstance: ...

    def wait(self) -> tuple[Store | None, BaseException | None]: ...


def login_cache(store: Store) -> dict[str, Any]:
    """What the next start shows before the database is open: the school's name and the active users."""
    from app.services import school, users
    from app.services.context import ServiceContext
    from app.services.errors import ServiceError

    ctx = ServiceContext(store)
    try:
        name = school.get_school(ctx).name
    except ServiceError:
        name = ""
    return {"school": name, "users": [[u.username, u.display_name, u.role] for u in users.list_users(ctx)]}


class LoginDialog(QDialog):
    """``actor`` is set once the password was right. Wrong passwords only show a message."""

    def __init__(
        self,
        store: Store | None = None,
        *,
        opener: PendingStore | None = None,
        cached: dict[str, Any] | None = None,
        last_user: str | None = None,
        parent: QWidget | None = None,
        today: dt.date | None = None,
        hint: str = "",
    ) -> None:
        super().__init__(parent)
        self.store, self.opener, self.today = store, opener, today
        self.actor: Actor | None = None
        self.open_error: BaseException | None = None
        self.last_user = last_user
        self.setWindowTitle(self.tr("Log in to Songjiao"))
        self.setMinimumWidth(380)
        column = QVBoxLayout(self)
        self.heading = QLabel(self.tr("Songjiao"))
        make_heading(self.heading, 1.3)
        column.addWidget(self.heading)
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        column.addWidget(self.hint)
        who = QLabel(self.tr("&Who are you?"))
        column.addWidget(who)
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        who.setBuddy(self.users)
        column.addWidget(self.users, 1)
        password_label = QLabel(self.tr("&Password:"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        password_label.setBuddy(self.password)
        column.addWidget(password_label)
        column.addWidget(self.password)
        self.error = QLabel()
        self.error.setStyleSheet(error_style())
        self.error.setWordWrap(True)
        self.error.hide()
        column.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        self.users.itemActivated.connect(lambda _i: self.password.setFocus())
        if store is not None:
            self._show_list(login_cache(store))
        else:
            self._show_list(cached or {})
            if opener is not None:
                opener.finished.connect(self._opened)
        self.password.setFocus()

    def _show_list(self, cache: dict[str, Any]) -> None:
        current = self.username() or self.last_user
        self.heading.setText(cache.get("school") or self.tr("Songjiao"))
        self.users.clear()
        for username, display_name, role in cache.get("users", []):
            item = QListWidgetItem(f"{display_name}  ({label(ROLES, role)})")
            item.setData(Qt.ItemDataRole.UserRole, username)
            self.users.addItem(item)
            if username == current:
                self.users.setCurrentItem(item)
        if self.users.currentRow() < 0 and self.users.count():
            self.users.setCurrentRow(0)

    def _opened(self, store: Store | None, error: BaseException | None) -> None:
        if error is not None:
            self._refuse(error)
            return
        assert store is not None  # the opener hands over a store or an error
        self.store = store
        self._show_list(login_cache(store))  # someone may have been added since the cache was written

    def _refuse(self, error: BaseException) -> None:
        self.open_error = error
        self.error.setText(error_text(error))
        self.error.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def username(self) -> str:
        item = self.users.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def try_login(self) -> None:
        from app.services import users
        from app.services.context import ServiceContext
        from app.services.errors import ServiceError

        if self.store is None and self.opener is not None:
            store, error = self.opener.wait()
            if error is not None:
                self._refuse(error)
                return
            self.store = store
        assert self.store is not None  # given, or handed over by the opener (else it gave an error)
        try:
            self.actor = users.authenticate(
                ServiceContext(self.store, today_override=self.today), self.username(), self.password.text()
            )
        except ServiceError as error:
            self.error.setText(error_text(error))
            self.error.setAccessibleName(self.error.text())
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()
