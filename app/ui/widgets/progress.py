"""Progress and Cancel for long operations (PDF batches, imports): a window-modal dialog over a task."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.services.progress import Cancelled
from app.ui.tasks import BaseRunner, Task

R = TypeVar("R")  # what the long call returns: the type on_done receives

SHOW_AFTER_MS = 400  # quick operations finish without a dialog flashing up


def run_with_progress(
    parent: QWidget,
    runner: BaseRunner,
    fn: Callable[..., R],
    *args: Any,  # the call's own arguments (and **kwargs): fn checks them
    title: str,
    on_done: Callable[[R], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> Task[R]:
    """Run ``fn(*args, progress=..., **kwargs)`` on the worker with a progress dialog; Cancel stops it.

    The service calls ``progress.update(done, total, text)`` and ``progress.check()`` between steps. A
    cancelled run calls neither callback (the user asked for it); other errors go to ``on_error``.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    def done(result: R) -> None:
        dialog.close()
        if on_done is not None:
            on_done(result)

    def failed(error: BaseException) -> None:
        dialog.close()
        if not isinstance(error, Cancelled) and on_error is not None:
            on_error(error)

    def moved(step: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(step)
        if text:
            dialog.setLabelText(text)

    task = runner.submit(fn, *args, on_done=done, on_error=failed, with_progress=True, **kwargs)
    if not task.finished and task.progress is not None and task.progress_signal is not None:
        task.progress_signal.changed.connect(moved)
        dialog.canceled.connect(task.progress.cancel)
    else:
        dialog.close()
    return task
