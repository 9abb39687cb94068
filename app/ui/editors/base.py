"""What every record editor shares: field errors beside the field, drafts as you type, Ctrl+S, unsaved-change guard."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import drafts
from app.services.errors import ConflictError, ServiceError
from app.ui.i18n import format_timestamp
from app.ui.messages import error_text, field_of
from app.ui.session import AppSession
from app.ui.widgets.fields import FieldForm
from app.ui.widgets.style import error_style, tint_style

# What a FormDialog's OK runs: from the form's raw values, the write service and its arguments after ctx.
SubmitCall = Callable[[dict[str, Any]], tuple[Callable[..., object], tuple[object, ...]]]

DRAFT_DELAY_MS = 1000  # debounce: one draft write a second while typing, not one per key


def change_signal(widget: QWidget) -> SignalInstance:
    """The signal that says the user changed this control (programmatic loads are masked by ``_loading``)."""
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.valueChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if hasattr(widget, "changed"):
        return widget.changed
    raise TypeError(type(widget).__name__)


class Banner(QFrame):
    """A message strip at the top of an editor (conflict, draft offer, general error) with optional buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self._layout = layout
        self.hide()

    def show_message(
        self, text: str, *, error: bool = False, actions: tuple[tuple[str, Callable[[], None]], ...] = ()
    ) -> None:
        for button in self._buttons:
            button.deleteLater()
        self._buttons.clear()
        self.label.setText(text)
        self.setStyleSheet(tint_style("#banner", "#fde8e8" if error else "#fff6d6"))
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.setAccessibleName(text)
        self.show()

    def buttons(self) -> list[QPushButton]:
        return list(self._buttons)


class RecordEditor(QWidget):
    """Base of the editors: subclasses build the form, and implement load / payload / save.

    Subclasses call :meth:`track` for controls whose edits make the record dirty, set ``draft_key`` once
    the record is known, and call :meth:`saved` after a successful save.
    """

    record_saved = Signal(object)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.draft_key: str | None = None
        self._dirty = False
        self._loading_depth = 0  # loads nest (a table refilled inside a record load): a count, not a flag
        self.forms: list[FieldForm] = []
        self.banner = Banner(self)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft_now)
        # Ctrl+S of its own only while the editor is a window of its own: inside the main window the shell's
        # Save action (same keys) calls the page, and two shortcuts on one key would cancel each other out.
        self.save_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self._save_shortcut)

    # --- dirty state and drafts --------------------------------------------------------------------

    def track(self, *widgets: QWidget) -> None:
        for widget in widgets:
            change_signal(widget).connect(self.mark_dirty)

    def mark_dirty(self, *_args: object) -> None:
        if self._loading:
            return
        self._dirty = True
        if self.draft_key:
            self._draft_timer.start()

    def is_dirty(self) -> bool:
        return self._dirty

    @property
    def _loading(self) -> bool:
        return self._loading_depth > 0

    def begin_loading(self) -> None:
        self._loading_depth += 1

    def end_loading(self) -> None:
        # A nested load ending must not unmask the outer one: a signal then would mark the record dirty.
        self._loading_depth = max(self._loading_depth - 1, 0)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Programmatic changes inside the block do not make the record dirty."""
        self.begin_loading()
        try:
            yield
        finally:
            self.end_loading()

    def set_clean(self) -> None:
        self._draft_timer.stop()
        self._dirty = False

    def draft_payload(self) -> dict[str, Any]:
        """What to keep in a draft; subclasses return their form state as JSON-friendly data."""
        return {}

    def apply_draft(self, payload: dict[str, Any]) -> None:
        """Put a draft's content back into the form."""

    def save_draft_now(self) -> None:
        if not self.draft_key or not self._dirty:
            return
        self.session.read(
            drafts.save_draft, self.draft_key, self.draft_payload(), on_error=lambda _e: None
        )  # a failed draft write must never interrupt typing

    def discard_draft(self) -> None:
        self._draft_timer.stop()
        if self.draft_key:
            self.session.read(drafts.discard_draft, self.draft_key, on_error=lambda _e: None)

    def offer_draft(self) -> None:
        """If an unsaved draft exists for this record (a crash, a closed window), offer it back."""
        if not self.draft_key:
            return
        self.session.read(
            drafts.get_draft, self.draft_key, on_done=self._draft_found, on_error=lambda _e: None
        )

    def _draft_found(self, draft: drafts.DraftInfo | None) -> None:
        if draft is None:
            return
        when = format_timestamp(draft.saved_at)
        self.banner.show_message(
            self.tr("Unsaved changes from {when} were kept. Restore them?").format(when=when),
            actions=(
                (self.tr("Restore"), lambda: self._restore(draft.payload)),
                (self.tr("Discard"), self._drop_draft),
            ),
        )

    def _restore(self, payload: dict[str, Any]) -> None:
        self.banner.hide()
        self.apply_draft(payload)
        self._dirty = True

    def _drop_draft(self) -> None:
        self.banner.hide()
        self.discard_draft()

    # --- saving and errors --------------------------------------------------------------------------

    def _save_shortcut(self) -> None:
        self.save()

    def save(self) -> None:
        """The Save button and Ctrl+S. No parameters on purpose: ``clicked(bool)`` passes its flag to a slot that
        takes one, and a ``False`` landing in a continuation is the TypeError of issue 9."""
        self.save_then()

    def save_then(
        self, then: Callable[[], None] | None = None, failed: Callable[[], None] | None = None
    ) -> None:
        """Subclasses: send the form to the service. On success call :meth:`saved`, then ``then()``; on failure
        hand the error to :meth:`save_failed` with ``failed``. The save ends on the worker thread, later: whoever
        needs its outcome (closing, switching records) passes it here instead of looking at ``is_dirty()``."""
        if then is not None:
            then()

    def save_failed(self, failed: Callable[[], None] | None) -> Callable[[BaseException], None]:
        """The ``on_error`` of a save: the error beside its field, then ``failed()`` (the caller stays put)."""

        def handle(error: BaseException) -> None:
            self.show_error(error)
            if failed is not None:
                failed()

        return handle

    def saved(self, result: object = None) -> None:
        self.clear_errors()
        self.banner.hide()
        self.discard_draft()
        self.set_clean()
        self.show_status(self.tr("Saved at {time}").format(time=dt.datetime.now().strftime("%H:%M")))
        self.record_saved.emit(result)

    def show_status(self, text: str) -> None:
        """A passing note at the foot of the editor's window (or of the main window it sits in)."""
        bar = getattr(self, "status_bar", None)
        window = self.window()
        if bar is None and isinstance(window, QMainWindow):
            bar = window.statusBar()
        if bar is not None:
            bar.showMessage(text, 10000)

    def clear_errors(self) -> None:
        for form in self.forms:
            form.clear_errors()
            for widget in form.widgets.values():
                widget.setAccessibleDescription("")

    def show_error(self, error: BaseException) -> None:
        """The message next to the field at fault when the form has it, else in the banner."""
        self.clear_errors()
        if not isinstance(error, ServiceError):
            self.banner.show_message(error_text(error), error=True)
            return
        text = error_text(error)
        if isinstance(error, ConflictError) and error.message_id == "record.changed":
            self.banner.show_message(
                self.tr(
                    "Someone else saved this record while you were editing. Your changes are still here: "
                    "copy what you need, then reload."
                ),
                error=True,
                actions=((self.tr("Reload"), self.reload),),
            )
            return
        name = field_of(error)
        for form in self.forms:
            if form.show_error(name, text):
                form.widgets[str(name)].setAccessibleDescription(text)  # read out with the control
                return
        self.banner.show_message(text, error=True)

    def field_error(self, name: str) -> str:
        for form in self.forms:
            if name in form.errors and form.error(name):
                return form.error(name)
        return ""

    def reload(self) -> None:
        """Subclasses: fetch the record again (after a conflict)."""

    # --- closing ------------------------------------------------------------------------------------

    def ask_to_leave(self, then: Callable[[], None], stay: Callable[[], None] | None = None) -> None:
        """Leave the record (close, switch to another) once nothing unsaved is lost, then run ``then()``.

        Nothing unsaved: at once. Otherwise the user chooses: Save runs ``then()`` after the save succeeded
        (a failed save keeps the record, its error shown, and runs ``stay()``), Discard drops the changes and
        leaves, Cancel stays (``stay()``).
        """
        if not self._dirty:
            then()
            return
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            self.save_then(then, stay)
            return
        if answer == QMessageBox.StandardButton.Discard:
            self._discard()
            then()
            return
        if stay is not None:
            stay()

    def _ask_unsaved(self) -> QMessageBox.StandardButton:
        return QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("This record has changes that are not saved. Save them before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def _discard(self) -> None:
        self.discard_draft()
        self.set_clean()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.save_shortcut.setEnabled(self.isWindow())
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._dirty:
            event.accept()
            return
        answer = self._ask_unsaved()
        if answer == QMessageBox.StandardButton.Discard:
            self._discard()
            event.accept()
            return
        event.ignore()
        if answer == QMessageBox.StandardButton.Save:
            # The window stays until the save succeeded (it ends later, on the worker thread); Qt ignores a
            # close() made from inside closeEvent, so the closing close() is queued. A failed save keeps the
            # window open with the error beside its field.
            self.save_then(lambda: QTimer.singleShot(0, self.close))


class FormDialog(QDialog):
    """A small form whose OK runs a service call; it stays open with the error beside the field until it works.

    Opened with ``open()`` (window-modal, not blocking) so that the caller and tests continue at once;
    ``succeeded(result)`` fires after the write, then the dialog closes.
    """

    succeeded = Signal(object)

    def __init__(self, session: AppSession, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(420)  # room for an error line under a field; narrower dialogs wrapped it to bits
        self.form = FieldForm(self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(error_style())
        self.message.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._call: SubmitCall | None = None

    def on_submit(self, call: SubmitCall) -> None:
        """``call(values)`` returns ``(service_fn, args)``; the dialog runs ``service_fn(ctx, *args)``."""
        self._call = call

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def submit(self) -> None:
        self.form.clear_errors()
        self.message.hide()
        if self._call is None:
            self.accept()
            return
        try:
            fn, args = self._call(self.form.values())
        except ServiceError as error:  # checks the dialog makes itself before calling a service
            self._failed(error)
            return
        self.ok_button().setEnabled(False)
        self.session.write(fn, *args, on_done=self._done, on_error=self._failed)

    def _done(self, result: object) -> None:
        self.ok_button().setEnabled(True)
        self.succeeded.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok_button().setEnabled(True)
        if not self.form.show_error(field_of(error), error_text(error)):
            self.message.setText(error_text(error))
            self.message.show()
        # A wrapped error line needs more height than the dialog was opened with: grow, or it is cut off.
        self.adjustSize()
