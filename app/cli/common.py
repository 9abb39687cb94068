"""What every subcommand shares: opening the store from --db, the acting user, printing results."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from app.paths import resolve
from app.services import messages
from app.services.context import SYSTEM, ServiceContext
from app.services.progress import TaskState
from app.services.setup import open_store


class CliError(Exception):
    """Bad input on the command line: printed as one line on stderr, exit code 2.

    Like a service error it carries a message id of the catalogue (app.services.messages) and its params, so it
    is printed in the language of the terminal; ``message`` is the English sentence for logs and tracebacks."""

    def __init__(self, message_id: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message_id = message_id
        self.message = message
        self.params = params


def language() -> str:
    """The language the command line speaks: SONGJIAO_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG)."""
    for name in ("SONGJIAO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


def notice(message_id: str, **params: Any) -> str:
    """A catalogue message that is not an error (a warning on stderr) in the terminal's language."""
    return messages.message_text(message_id, language(), params) or message_id


def error_line(error: BaseException) -> str:
    """One line for stderr: the catalogue's text in the terminal's language, after the field it is about."""
    text = messages.error_text(error, language()) or str(error)
    field = getattr(error, "field", None)
    return f"{field}: {text}" if field else text


def open_context(args: argparse.Namespace) -> ServiceContext:
    paths = resolve(args.db, getattr(args, "data_dir", None))
    # Only these commands make a new database; the others refuse a missing one (a mistyped --db).
    store = open_store(paths, create=args.command in ("init", "load", "demo"))
    args._store = store  # closed by run()
    return ServiceContext(store, SYSTEM)


def print_json(data: Any) -> None:
    # dumps then one write: json.dump streams every key, comma and value as its own write()
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def terminal_progress(quiet: bool = False) -> TaskState | None:
    """A TaskState printing ``done/total`` on one line of stderr, or None when ``quiet`` (--json) or stderr is not
    a terminal (a log or a pipe gets no carriage returns). The long commands (export, dump, load, demo) share it."""
    if quiet or not sys.stderr.isatty():
        return None

    def show(done: int, total: int, _label: str) -> None:  # the label may be a file name: not printed
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return TaskState(show)
