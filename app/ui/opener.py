"""Opening the database on a background thread while the login dialog is already on screen.

Importing SQLAlchemy and Alembic and running the migration guard takes most of a second on an old laptop;
the login dialog (built from the cached user list) does not need them until the password is checked. An
encrypted database cannot be opened before the password is known: then the opener only loads the modules
(``locked`` is True, ``store`` None) and the login dialog opens the database with the password.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.paths import AppPaths

if TYPE_CHECKING:  # not at run time: SQLAlchemy is imported on the opening thread, not before the dialog
    from app.services.context import Store


class StoreOpener(QObject):
    """``finished(store, error)`` arrives on the main thread; ``wait()`` blocks until the open is done."""

    finished = Signal(object, object)

    def __init__(self, paths: AppPaths) -> None:
        super().__init__()
        self.paths = paths
        self.store: Store | None = None
        self.error: BaseException | None = None
        self.locked = False
        self._thread = threading.Thread(target=self._run, name="songjiao-open", daemon=True)

    def start(self) -> StoreOpener:
        """Start the open (once; again is a no-op)."""
        if self._thread.ident is None:
            self._thread.start()
        return self

    def _run(self) -> None:
        try:
            from app.services import setup

            self.store = setup.open_store(self.paths)
        except BaseException as error:  # delivered to the dialog, explained there
            if getattr(error, "message_id", "") == "storage.locked":
                self.locked = True  # encrypted: the login dialog opens it with the password
                from app.ui.pages import load_all

                load_all()
            else:
                self.error = error
        else:
            # While the user types: import the window's modules (no widgets are made here).
            from app.ui.pages import load_all

            load_all()
        self.finished.emit(self.store, self.error)

    def wait(self) -> tuple[Store | None, BaseException | None]:
        self.start()  # a password typed before the deferred start (Controller.login) came
        self._thread.join()
        return self.store, self.error

    @property
    def done(self) -> bool:
        return not self._thread.is_alive() and (
            self.store is not None or self.error is not None or self.locked
        )
