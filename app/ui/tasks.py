"""Background operations (DESIGN pattern 1): one DB worker thread, results delivered on the main thread.

Usage from a page::

    session.runner.submit(students.get_student, session.ctx, student_id,
                          on_done=self._show, on_error=self._failed)

``submit`` returns a :class:`Task`. Long services take the Qt-free progress protocol of app/services/progress.py
(the ``progress=`` keyword, a TaskState, is passed when ``with_progress=True``); they call
``progress.update(done, total, label)`` and ``progress.check()``, which raises ``Cancelled`` once the user
pressed Cancel. The task's :class:`ProgressSignal` carries the updates to the UI thread. The synchronous runner
has the same API and runs the call at once on the calling thread: tests use it so they need no waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, Generic, TypeVar, cast

import shiboken6
from PySide6.QtCore import QObject, Signal

from app import logs
from app.services.progress import TaskState

_log = logging.getLogger(__name__)

R = TypeVar("R")  # what the submitted call returns: the type its on_done receives
# A Task[list[PlanSummary]] is a Task[object]: whoever holds a task reads its result and never hands one in
# (the callbacks are fixed at submit), so the runner and the pages can hold tasks of any result.
R_co = TypeVar("R_co", covariant=True)


class ProgressSignal(QObject):
    """A TaskState's updates as a Qt signal: made on the UI thread, emitted on the worker, queued to the UI."""

    changed = Signal(int, int, str)  # done, total, label


def progress_for(signal: ProgressSignal) -> TaskState:
    """A TaskState whose every update is emitted by ``signal``."""
    return TaskState(signal.changed.emit)


class Task(Generic[R_co]):
    """One submitted call: its callbacks, its outcome once delivered."""

    def __init__(
        self,
        fn: Callable[..., R_co],
        args: tuple[Any, ...],  # the call's own arguments: fn checks them
        kwargs: dict[str, Any],
        on_done: Callable[[R_co], None] | None,
        on_error: Callable[[BaseException], None] | None,
        progress: ProgressSignal | None,
        name: str,
    ) -> None:
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.on_done, self.on_error = on_done, on_error
        self.progress_signal = progress
        self.progress: TaskState | None = kwargs.get("progress")
        self.name = name
        self.result: R_co | None = None
        self.error: BaseException | None = None
        self.finished = False

    def run(self) -> None:
        try:
            self.result = self.fn(*self.args, **self.kwargs)
        except BaseException as error:  # delivered to on_error on the main thread
            self.error = error
            if logs.expected(error):
                _log.info("task %s: %s", self.name, getattr(error, "message_id", type(error).__name__))
            else:  # the traceback is here, on the worker: log it now; the UI shows its reference
                logs.record_exception(error, f"task {self.name}")

    def deliver(self) -> None:
        self.finished = True
        callback = self.on_error if self.error is not None else self.on_done
        if callback is not None and not _owners_alive(callback):
            # The window that asked was closed (its C++ side deleted) while the worker ran: nobody is left to
            # show the result, and calling in would raise "Internal C++ object already deleted".
            _log.debug("task %s: result dropped, its window is gone", self.name)
            return
        if self.error is not None:
            if self.on_error is not None:
                self.on_error(self.error)
            else:
                raise self.error
        elif self.on_done is not None:
            self.on_done(cast(R_co, self.result))  # the call returned: result holds what it returned


def _owners_alive(callback: Callable[..., object]) -> bool:
    """False when a QObject the callback is bound to (a bound method's self, a partial's function or
    arguments, a lambda's captured variables, one level deep) has had its C++ object deleted."""
    seen: list[object] = [callback]
    if isinstance(callback, partial):
        seen += [callback.func, *callback.args, *callback.keywords.values()]
    for item in list(seen):
        seen.append(getattr(item, "__self__", None))
        for cell in getattr(item, "__closure__", None) or ():
            try:
                seen.append(cell.cell_contents)
            except ValueError:  # a cell not yet filled
                continue
    return all(shiboken6.isValid(obj) for obj in seen if isinstance(obj, QObject))


class BaseRunner(QObject):
    """The API pages use; see the module docstring."""

    task_finished = Signal(object)  # the Task, after its callbacks ran (tests wait on this)
    unhandled_error = Signal(object)  # an error no on_error callback took
    busy_changed = Signal(bool)

    def submit(
        self,
        fn: Callable[..., R],
        *args: Any,  # the call's own arguments (and **kwargs below): fn checks them
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        with_progress: bool = False,
        name: str = "",
        **kwargs: Any,
    ) -> Task[R]:
        signal = ProgressSignal() if with_progress else None
        if signal is not None:
            kwargs["progress"] = progress_for(signal)
        task = Task(fn, args, kwargs, on_done, on_error, signal, name or getattr(fn, "__name__", "task"))
        self._start(task)
        return task

    def _start(self, task: Task[object]) -> None:
        raise NotImplementedError

    def _finish(self, task: Task[object]) -> None:
        try:
            task.deliver()
        except BaseException as error:
            if not logs.expected(error):  # a callback failed, or nobody took the task's error
                logs.record_exception(error, f"callback of {task.name}")
            self.unhandled_error.emit(error)
        self.task_finished.emit(task)

    @property
    def busy(self) -> bool:
        return False

    def shutdown(self) -> None:
        """Wait for the running task and stop (called before the engine is disposed)."""


class SyncRunner(BaseRunner):
    """Runs each call immediately on the calling thread (tests, scripts)."""

    def _start(self, task: Task[object]) -> None:
        task.run()
        self._finish(task)


class ThreadRunner(BaseRunner):
    """One worker thread for every database call, so SQLite sees one writer and the UI never blocks."""

    _relay = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="songjiao-db")
        self._pending = 0
        # The relay is emitted from the worker; Qt queues it to this object's (the main) thread.
        self._relay.connect(self._on_relay)

    def _start(self, task: Task[object]) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        future: Future[None] = self._executor.submit(task.run)
        future.add_done_callback(lambda _f: self._relay.emit(task))

    def _on_relay(self, task: Task[object]) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        self._finish(task)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="songjiao-db")
