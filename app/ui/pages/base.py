"""The base of every page: what the shell calls (shown, data changed, New/Save/Find, unsaved changes)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui.messages import error_text

if TYPE_CHECKING:
    from app.ui.session import AppSession


class Page(QWidget):
    """Override what applies; the shell enables File/Edit actions from ``can_new``/``can_save``/``can_find``."""

    can_new = False
    can_save = False
    can_find = False

    def __init__(self, session: AppSession, window: Any = None) -> None:
        super().__init__()
        self.session = session
        self.window_ = window
        session.bus.data_changed.connect(self._maybe_refresh)
        self._stale = True

    def _maybe_refresh(self, changes: Any) -> None:
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

    def on_data_changed(self, changes: Any) -> None:
        self.refresh()

    def new_record(self) -> None:
        pass

    def save(self) -> None:
        pass

    def focus_search(self) -> None:
        pass

    def has_unsaved_changes(self) -> bool:
        return False

    def show_error(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Cannot do that"), error_text(error))
