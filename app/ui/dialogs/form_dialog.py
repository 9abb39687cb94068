"""The small record dialog: a FieldForm above OK / Cancel, one service write, errors next to the field at fault."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from app.services.errors import ServiceError
from app.ui.messages import error_text, field_of
from app.ui.widgets.fields import FieldForm

Button = QDialogButtonBox.StandardButton


class FormDialog(QDialog):
    """Subclasses set the title, fill ``self.form``, then call :meth:`add_buttons`; their OK slot calls :meth:`write`.

    Every visible text is passed in by the subclass, so it stays translated in the subclass's own context."""

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._column = QVBoxLayout(self)
        self.form = FieldForm()
        self._column.addWidget(self.form)
        self._failure_title = ""

    def add_buttons(self, on_ok: Callable[[], None], ok_text: str, cancel_text: str, failure_title: str, *,
                    ok: Button = Button.Ok) -> QDialogButtonBox:
        """The button row under the form; ``failure_title`` heads the box for an error no field can show."""
        buttons = QDialogButtonBox(ok | Button.Cancel)
        buttons.button(ok).setText(ok_text)
        buttons.button(Button.Cancel).setText(cancel_text)
        buttons.accepted.connect(on_ok)
        buttons.rejected.connect(self.reject)
        self._column.addWidget(buttons)
        self._failure_title = failure_title
        return buttons

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callable[[Any], None]) -> None:
        """``session.write(fn, *args)`` after clearing the old errors; a failure keeps the dialog open."""
        self.form.clear_errors()
        self.session.write(fn, *args, on_done=on_done, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, ServiceError) and self.form.show_error(field_of(error), error_text(error)):
            return
        QMessageBox.warning(self, self._failure_title, error_text(error))
