"""The log file and the last line of defence for unexpected errors, shared by the desktop app and the CLI.

One rotating file, ``<data folder>/logs/songjiao.log`` (a few files of 1 MB each, so a laptop never fills up),
set up by :func:`setup_logging`. What goes in it is ids and message ids only: record and user ids, task names,
the ``message_id`` of a refusal, never a child's name, ID number or address (PIPL: the log is copied around
when someone asks for help). Two guards back that rule up: SQL parameters are hidden from database errors
(``hide_parameters`` on the engine) and :class:`_Redact` masks anything shaped like an ID number or phone
number that still reaches a line, such as the text of an exception from a library.

An unexpected error (not a :class:`~app.services.errors.ServiceError` refusal, not a cancel) gets a short
reference number (:func:`record_exception`): its traceback goes to the log under that number and the user is
shown the number, so "E-1201-0705-3F2A" on the phone finds the lines. :func:`install_excepthooks` routes
``sys.excepthook`` and ``threading.excepthook`` through it; the desktop shows its dialog from
``app/ui/crash.py``, the CLI prints one line.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import logging.handlers
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from app.paths import AppPaths

LOG_FILE = "songjiao.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s] %(message)s"

log = logging.getLogger("app")

# 18-character ID numbers (and the 20-character disability certificates that start with one), mobile phones.
_PERSONAL = re.compile(r"(?<!\d)(\d{17}[\dXx](?:[1-7][1-4])?|1[3-9]\d{9})(?!\d)")

_handlers: dict[str, logging.Handler] = {}  # "file" and "console": replaced, never stacked, on a second setup


class _Redact(logging.Filter):
    """Masks ID-number and phone shaped digits in the formatted line, the traceback included."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg, record.args = _PERSONAL.sub("[redacted]", message), None
        if record.exc_text:
            record.exc_text = _PERSONAL.sub("[redacted]", record.exc_text)
        return True


class _QuietFileHandler(logging.handlers.RotatingFileHandler):
    """A log that cannot be written (disk full, read-only folder) stays silent: the command's own one-line
    error names that cause; logging's "--- Logging error ---" tracebacks on stderr would bury it."""

    def handleError(self, record: logging.LogRecord) -> None:
        return


def log_path(paths: AppPaths) -> Path:
    return paths.log_dir / LOG_FILE


class _IntoExistingFolder(_QuietFileHandler):
    """The command line's log: written only into a data folder that exists (made by the database it serves).

    A command refused for a mistyped --db or a damaged file must leave the disk as it was: no folder, no log
    made beside a file that is not ours. An unexpected error (a bug) is the exception: its traceback is worth
    the folder, and the one line printed names the file.
    """

    def emit(self, record: logging.LogRecord) -> None:
        folder = Path(self.baseFilename).parent
        if not folder.is_dir():
            if not getattr(record, "crash", False):
                return
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError:
                return
        super().emit(record)


def setup_logging(paths: AppPaths, *, verbose: bool = False, console: bool = False) -> Path:
    """Log to ``paths.log_dir/songjiao.log`` (rotating); with ``console`` also warnings to stderr (the CLI).

    Safe to call again (tests, a restore that reopens the data folder): the previous handlers are replaced.
    Returns the log file's path. The desktop makes the folder; the command line writes only into an existing
    one (see :class:`_IntoExistingFolder`).
    """
    if not console:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
    path = log_path(paths)
    close_logging()
    root = logging.getLogger()
    file_handler = _IntoExistingFolder(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
    )
    file_handler.setFormatter(logging.Formatter(FORMAT))
    file_handler.addFilter(_Redact())
    file_handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    _handlers["file"] = file_handler
    if console:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        stream.addFilter(_Redact())
        # The user gets the one line with the reference instead; the traceback stays in the file.
        stream.addFilter(lambda record: not getattr(record, "crash", False))
        stream.setLevel(logging.INFO if verbose else logging.WARNING)
        _handlers["console"] = stream
    for handler in _handlers.values():
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # Libraries stay at warnings: SQLAlchemy's INFO lines are statements, Qt's debug output is noise.
    for noisy in ("sqlalchemy", "alembic", "PIL", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return path


def current_log_file() -> Path | None:
    """The file :func:`setup_logging` writes to, or None before it was called."""
    handler = _handlers.get("file")
    return Path(handler.baseFilename) if isinstance(handler, logging.FileHandler) else None


def flush() -> None:
    # On the crash path (record_exception): a log that cannot be flushed (a full disk, a console stream closed
    # under it) must not replace the error being recorded with its own.
    for handler in list(_handlers.values()):
        with contextlib.suppress(OSError, ValueError):
            handler.flush()


def new_reference() -> str:
    """Short enough to read out on the phone, unique enough to find in the log: E-MMDD-HHMM-XXXX."""
    import secrets  # here: hashlib, hmac and random would otherwise load at every start, for a crash

    return f"E-{dt.datetime.now():%m%d-%H%M}-{secrets.token_hex(2).upper()}"


def expected(error: BaseException) -> bool:
    """A refusal the user is told about in words, or a cancel: no reference number, no traceback.

    Told by shape, so this module imports nothing above it: every refusal (ServiceError and its kin) carries
    a ``message_id``; the runner's Cancelled is the user's own choice.
    """
    return getattr(error, "message_id", None) is not None or type(error).__name__ == "Cancelled"


def reference_of(error: BaseException) -> str | None:
    """The reference an unexpected error was logged under (set by :func:`record_exception`)."""
    return getattr(error, "songjiao_reference", None)


def record_exception(error: BaseException, where: str = "") -> str:
    """Write the traceback to the log under a new reference and return it; an error already recorded keeps
    its first reference (the worker logs it, the window then shows the same number)."""
    known = reference_of(error)
    if known:
        return known
    reference = new_reference()
    with contextlib.suppress(AttributeError, TypeError):  # some built-in errors refuse new attributes
        error.songjiao_reference = reference  # type: ignore[attr-defined]
    log.error(
        "unexpected error %s%s: %s",
        reference,
        f" in {where}" if where else "",
        type(error).__name__,
        exc_info=(type(error), error, error.__traceback__),
        extra={"crash": True},
    )
    flush()
    return reference


def install_excepthooks(show: Callable[[str], None]) -> None:
    """Uncaught exceptions on any thread: logged with a reference, then ``show(reference)`` (the desktop's
    dialog, queued to the UI thread by the caller; the CLI's one line). Ctrl+C keeps Python's default."""

    busy = threading.local()

    def handle(error: BaseException, where: str) -> None:
        reference = record_exception(error, where)
        if getattr(busy, "on", False):  # showing the last error failed in turn: logged, not shown again
            return
        busy.on = True
        try:
            show(reference)
        finally:
            busy.on = False

    def main_hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if error.__traceback__ is None:
            error = error.with_traceback(tb)
        handle(error, "the main thread")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        handle(args.exc_value, f"thread {args.thread.name if args.thread is not None else '?'}")

    sys.excepthook = main_hook
    threading.excepthook = thread_hook


def close_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` added (tests; before a data folder goes away)."""
    root = logging.getLogger()
    for handler in _handlers.values():
        root.removeHandler(handler)
        with contextlib.suppress(OSError):  # a full or vanished disk: the last lines are lost, not the run
            handler.close()
    _handlers.clear()
