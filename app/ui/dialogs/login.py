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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.labels import ROLES, label
from app.ui.widgets.retry import RetryWait
from app.ui.widgets.style import error_label, make_heading, password_field

if TYPE_CHECKING:
    from app.paths import AppPaths
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
        paths: AppPaths | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.opener, self.today, self.paths = store, opener, today, paths
        self.actor: Actor | None = None
        self.open_error: BaseException | None = None
        self.last_user = last_user
        self.recovered_user = ""  # the administrator a recovery-key log-in set a new password for
        self.recovery: QDialog | None = None  # the recovery-key dialog, while it is open
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
        self.who_label = QLabel(self.tr("&Who are you?"))
        column.addWidget(self.who_label)
        self.users = QListWidget()
        self.users.setAccessibleName(self.tr("Users"))
        self.who_label.setBuddy(self.users)
        column.addWidget(self.users, 1)
        # An encrypted database shows no user list before it is open (unless one was cached at the last
        # log-in): the user name is typed instead.
        self.name_label = QLabel(self.tr("&User name:"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("User name"))
        self.name_label.setBuddy(self.name)
        column.addWidget(self.name_label)
        column.addWidget(self.name)
        password_label = QLabel(self.tr("&Password:"))
        self.password = password_field(self.tr("Password"))
        password_label.setBuddy(self.password)
        column.addWidget(password_label)
        column.addWidget(self.password)
        self.error = error_label()
        column.addWidget(self.error)
        # Every password lost: the recovery key from the school's safe. A link under the password, where an
        # administrator who cannot log in looks; only for an encrypted database (the key opens nothing else).
        self.recovery_link = QPushButton(self.tr("Forgot the password? Use the recovery key"))
        self.recovery_link.setFlat(True)
        self.recovery_link.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recovery_link.setStyleSheet("QPushButton { color: palette(link); text-decoration: underline; }")
        self.recovery_link.clicked.connect(self.use_recovery_key)
        where = paths or (store.paths if store is not None else None)
        self.recovery_link.setVisible(where is not None and not where.on_server and where.key_file.exists())
        column.addWidget(self.recovery_link, 0, Qt.AlignmentFlag.AlignLeft)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.buttons.accepted.connect(self.try_login)
        self.buttons.rejected.connect(self.reject)
        column.addWidget(self.buttons)
        # After a wrong password the error line counts down the growing wait while the button is off.
        self.wait = RetryWait(
            self.error,
            [self.buttons.button(QDialogButtonBox.StandardButton.Ok)],
            self,
            enabled=lambda: self.open_error is None,
        )
        self.users.itemActivated.connect(lambda _i: self.password.setFocus())
        if store is not None:
            self._show_list(login_cache(store))
        else:
            self._show_list(cached or {})
            if opener is not None:
                opener.finished.connect(self._opened)
        # The first field to fill: the user name when it is typed and still empty (a new computer).
        (self.name if self.name.isVisibleTo(self) and not self.name.text() else self.password).setFocus()

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
        listed = self.users.count() > 0
        self.users.setVisible(listed)
        self.who_label.setVisible(listed)  # "who are you?" over no list would point at nothing
        self.name_label.setVisible(not listed)
        self.name.setVisible(not listed)
        if not listed and not self.name.text() and self.last_user:
            # Typed, not chosen: the name the caller knows (the teacher a laptop joined for, the last user).
            self.name.setText(self.last_user)

    def _opened(self, store: Store | None, error: BaseException | None) -> None:
        if error is not None:
            self._refuse(error)
            return
        if store is None:  # encrypted: opened with the password
            return
        self.store = store
        self._show_list(login_cache(store))  # someone may have been added since the cache was written

    def _refuse(self, error: BaseException) -> None:
        from app.ui.messages import error_text  # the message catalogue: not needed to show the dialog

        self.open_error = error
        self.error.setText(error_text(error))
        self.error.show()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def username(self) -> str:
        if self.recovered_user:
            return self.recovered_user
        if not self.users.count():
            return self.name.text().strip()
        item = self.users.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else ""

    def try_login(self) -> None:
        from app.services import keyring, setup, users
        from app.services.context import ServiceContext
        from app.services.errors import ServiceError
        from app.ui.messages import error_text

        if not self._await_open():
            return
        try:
            if self.store is None:
                assert self.paths is not None, "an encrypted database is opened by its paths"
                # Unwrap the database key from this user's slot (Argon2id, ~0.3 s), open, check the account.
                self.store, self.actor = setup.unlock_store(
                    self.paths, self.username(), self.password.text(), wait=False
                )
            else:
                ctx = ServiceContext(self.store, today_override=self.today)
                self.actor = users.authenticate(ctx, self.username(), self.password.text())
                if self.store.key is None and not self.store.paths.on_server:
                    # A plaintext database from before encryption (opened before the password was typed):
                    # encrypted in place now, with this user's slot.
                    self.store = setup.encrypt_at_login(
                        self.store, self.actor, self.username(), self.password.text()
                    )
                else:
                    # The database is open already (a log-in after a log-out): a user without a slot gets one.
                    users.ensure_slot(ctx, self.username(), self.password.text())
        except (ServiceError, setup.SchemaError) as error:  # SchemaError: a newer or damaged database
            self.password.clear()
            self.password.setFocus()
            self.wait.start(error_text(error), keyring.failure_delay())
            return
        self.accept()

    def _await_open(self) -> bool:
        """Wait for the background open; False (and the reason shown) when it failed."""
        if self.store is None and self.opener is not None:
            store, error = self.opener.wait()
            if error is not None:
                self._refuse(error)
                return False
            self.store = store  # None for an encrypted database: a password or the recovery key opens it
        return True

    def use_recovery_key(self) -> None:
        """The recovery-key dialog over this one (open, not exec: the window stays live and tests drive it)."""
        from app.ui.dialogs.recovery_login import RecoveryLoginDialog

        if not self._await_open():
            return
        where = self.paths or (self.store.paths if self.store is not None else None)
        assert where is not None, "the link shows only for an encrypted database's paths"
        if not _has_recovery_slot(where):
            # A teacher's laptop: the office's key recovers it, no school recovery key opens it. The key file is
            # read here, not when the dialog is built: the dialog shows before the key-derivation modules load.
            self.error.setText(
                self.tr(
                    "No recovery key opens the records on this computer (a teacher's laptop: only the office's "
                    "key does). If you forgot your password, ask the academic affairs office."
                )
            )
            self.error.setAccessibleName(self.error.text())
            self.error.show()
            return
        self.recovery = RecoveryLoginDialog(where, self.store, self)
        self.recovery.accepted.connect(self._recovered)
        self.recovery.rejected.connect(self._recovery_given_up)
        self.recovery.open()

    def _recovery_given_up(self) -> None:
        # Back to the password: the window manager left no window active (keys typed next went nowhere).
        self.recovery = None
        self.activateWindow()
        self.password.setFocus()

    def _recovered(self) -> None:
        from app.ui.dialogs.recovery_login import RecoveryLoginDialog

        dialog = self.recovery
        assert isinstance(dialog, RecoveryLoginDialog)
        self.store, self.actor, self.recovered_user = dialog.store, dialog.actor, dialog.username
        self.recovery = None
        self.accept()


def _has_recovery_slot(where: AppPaths) -> bool:
    """Whether the school's recovery key can open this database: a teacher's laptop has no recovery slot (the
    office's key recovers it), so the recovery dialog would ask for a key that opens nothing there."""
    from app.services import keyring
    from app.services.errors import ServiceError

    if not where.key_file.exists():
        return False
    try:
        return keyring.read_key_file(where.key_file).find("recovery") is not None
    except ServiceError:  # a damaged key file: the recovery dialog says what is wrong
        return True
