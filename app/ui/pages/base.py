"""The base of every page: what the shell calls (shown, data changed, New/Save/Find, unsaved changes)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from PySide6.QtWidgets import QMessageBox, QStatusBar, QWidget

from app.services.context import Changes
from app.ui.messages import error_text

if TYPE_CHECKING:
    from app.ui.session import AppSession


@runtime_checkable
class Shell(Protocol):
    """What a page may ask of the window that holds it (the main window); pages know nothing else of it."""

    def open_detail(self, page: Page, section: str = "students") -> None:
        """Show a record page (a student) in the page area."""

    def close_detail(self, back_to: str | None = None) -> None:
        """Leave the record page (asking about unsaved changes), back to the list ``back_to``."""

    def request_restore(self, path: Path, key: bytes | None = None) -> None:
        """Close the database, restore the backup file (``key``: its own, when not the session's), reopen."""

    def request_language(self, language: str) -> None:
        """Switch the interface language."""

    def statusBar(self) -> QStatusBar:  # noqa: N802 - Qt's name
        """Where short notices go ("Saved.")."""
        ...


class Page(QWidget):
    """Override what applies; the shell enables File/Edit actions from ``can_new``/``can_save``/``can_find``.

    ``shows`` names the tables whose rows the page displays: a write announced on the bus refreshes the page
    only when it changed one of them (None: any change). A write the page started itself (``initiator=self``)
    never refreshes it through the bus: the page updates from that write's result.
    """

    can_new = False
    can_save = False
    can_find = False
    shows: ClassVar[frozenset[str] | None] = None

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        session.bus.data_changed.connect(self._maybe_refresh)
        self._stale = True

    def concerns(self, changes: Changes, initiator: object | None = None) -> bool:
        """Whether a change announced on the bus is news to this page."""
        if initiator is self:
            return False
        return self.shows is None or changes.touches(self.shows)

    def _maybe_refresh(self, changes: Changes, initiator: object | None = None) -> None:
        if not self.concerns(changes, initiator):
            return
        # A hidden page only notes it is stale; it refreshes when shown (cheap for many open pages).
        if self.isVisible():
            self.on_data_changed(changes)
        else:
            self._stale = True

    def shown(self) -> None:
        """Called by the shell each time the page becomes current."""
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:
        """Reload from the services."""

    def on_data_changed(self, changes: Changes) -> None:
        self.refresh()

    def new_record(self) -> None:
        pass

    def save(self) -> None:
        pass

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        """Save, then ``then()`` once nothing is unsaved (else ``failed()``). A page whose save ends on the worker
        thread overrides this to call back when the save ended: leaving a record must wait for that."""
        self.save()
        callback = failed if self.has_unsaved_changes() else then
        if callback is not None:
            callback()

    def focus_search(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def show_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Cannot do that"), error_text(error))
