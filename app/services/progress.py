"""Progress and cancel for long services, without Qt: the caller makes a TaskState, the service reports on it.

A service takes ``progress: TaskState | None``, calls ``progress.update(done, total, label)`` as work gets done
(a label is a code or a file name, never a child's name) and either stops at ``progress.check()``, which raises
:class:`Cancelled`, or reads ``progress.cancelled`` where it can stop with a partial result (the batch export
keeps the documents already whole). The UI's runner (app/ui/tasks.py) relays updates to a Qt signal and wires
its Cancel button to ``cancel()``; the command line prints them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

Listener = Callable[[int, int, str], None]  # done, total, label


class Cancelled(Exception):
    """Raised by TaskState.check() inside a service once the user cancelled the operation."""


class TaskState:
    """Shared between the thread doing the work (updates, checks) and the one watching it (reads, cancels)."""

    def __init__(self, listener: Listener | None = None) -> None:
        self._cancel = threading.Event()
        self._listener = listener
        self.done = 0
        self.total = 0
        self.label = ""

    def update(self, done: int, total: int, label: str = "") -> None:
        self.done, self.total, self.label = done, total, label
        if self._listener is not None:
            self._listener(done, total, label)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


__all__ = ["Cancelled", "Listener", "TaskState"]
