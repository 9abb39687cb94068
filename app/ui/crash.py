"""The desktop's answer to an unexpected error: a calm dialog with a reference number (the traceback is in the
log file, see app/logs.py), shown on the UI thread whichever thread failed."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import logs
from app.ui.widgets.style import SELECTABLE


def crash_text(references: list[str]) -> str:
    path = logs.current_log_file()
    text = QCoreApplication.translate(
        "Crash",
        "Songjiao ran into an unexpected problem. What you saved before is safe; the last step may not have "
        "been completed.\n\nIf it happens again, give your administrator this reference number: {reference}",
    ).format(reference="、".join(references))
    if path is not None:
        text += "\n" + QCoreApplication.translate("Crash", "The details are in the log file: {path}").format(
            path=path
        )
    return text


class CrashReporter(QObject):
    """``reported`` may be emitted from any thread; Qt queues it to this object's (the UI) thread."""

    reported = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.dialog: QMessageBox | None = None
        self.references: list[str] = []
        self.reported.connect(self.show, Qt.ConnectionType.AutoConnection)

    def _forget(self, gone: int, *_args: object) -> None:
        # Only the dialog in use: an older one, deleted when the new one replaced it, must not take it along.
        if self.dialog is not None and id(self.dialog) == gone:
            self.dialog = None

    def show(self, reference: str, parent: QWidget | None = None) -> QMessageBox:
        """One dialog at a time: a second error while it is open adds its number instead of stacking boxes."""
        if self.dialog is None or not self.dialog.isVisible():
            self.references = []
            self.dialog = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("Crash", "Something unexpected happened"),
                "",
                QMessageBox.StandardButton.Ok,
                parent or QApplication.activeWindow(),
            )
            self.dialog.setTextInteractionFlags(SELECTABLE)  # the reference is read out or copied
            # Its parent window may close first (logout, language switch): then start afresh next time.
            self.dialog.destroyed.connect(partial(self._forget, id(self.dialog)))
        if reference not in self.references:
            self.references.append(reference)
        self.dialog.setText(crash_text(self.references))
        self.dialog.open()  # not exec(): an error inside a nested event loop must not stack loops
        return self.dialog


_reporter: list[CrashReporter] = []


def reporter() -> CrashReporter:
    """The application's reporter (made on first use, on the UI thread)."""
    if not _reporter:
        _reporter.append(CrashReporter())
    return _reporter[0]


def install_crash_handler() -> CrashReporter:
    """Uncaught exceptions on any thread: logged with a reference (app.logs), then the dialog on the UI thread.
    Call after the QApplication exists and after :func:`app.logs.setup_logging`."""
    shown = reporter()
    logs.install_excepthooks(shown.reported.emit)
    return shown


def report(error: BaseException, where: str, parent: QWidget | None = None) -> str:
    """An unexpected error the UI caught itself (the task runner's unhandled errors): log it, show the dialog."""
    reference = logs.record_exception(error, where)
    reporter().show(reference, parent)
    return reference
