"""The growing wait after wrong passwords, said on the error line: the log-in and the lock.

Without it the button just stayed grey (the log-in) and Enter did nothing, with no word why; the lock counted
down in its own copy of the same lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QWidget


class RetryWait(QObject):
    """``start(message, seconds)``: ``label`` shows the message and the seconds left, counting down, while
    ``controls`` are disabled; then the message alone stays and the controls come back (unless ``enabled()``
    says something else keeps them off, as a database that failed to open)."""

    def __init__(
        self,
        label: QLabel,
        controls: Sequence[QWidget],
        parent: QObject,
        enabled: Callable[[], bool] = lambda: True,
        done: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.label, self.controls, self.enabled, self.done = label, list(controls), enabled, done
        self.message = ""
        self._until = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._tick)

    def waiting(self) -> bool:
        return self._timer.isActive()

    def start(self, message: str, seconds: float) -> None:
        self.message = message
        self._until = time.monotonic() + seconds
        if seconds > 0:
            for control in self.controls:
                control.setEnabled(False)
            self._timer.start()
        self._tick()

    def _tick(self) -> None:
        left = self._until - time.monotonic()
        if left <= 0:
            self._timer.stop()
            self._show(self.message)
            on = self.enabled()
            for control in self.controls:
                control.setEnabled(on)
            self.done()
            return
        self._show(
            self.tr("{message} Too many wrong passwords: try again in {seconds} s.").format(
                message=self.message, seconds=int(left + 0.999)
            )
        )

    def _show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.label.show()
