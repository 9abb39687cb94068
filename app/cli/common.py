"""What every subcommand shares: opening the store from --db, the acting user, printing results."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from app.paths import resolve
from app.services import backup, keyring, messages, setup
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


PASSWORD_VARIABLE = "SONGJIAO_PASSWORD"


def password(args: argparse.Namespace) -> str:
    """The --user's password: SONGJIAO_PASSWORD, else typed at a no-echo prompt; refused when neither."""
    given = os.environ.get(PASSWORD_VARIABLE) or getattr(args, "_password", None)
    if given:
        return str(given)
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        typed = getpass.getpass(f"password for {args.user}: ")
        if typed:
            args._password = typed  # asked once per command (restore opens the backup and the database)
            return typed
    raise CliError("login.missing_password", "a password is needed: set SONGJIAO_PASSWORD or type it")


def _login_needed() -> CliError:
    return CliError(
        "login.needed",
        "this command opens the school's records: give --user NAME or --recovery-key FILE before it",
    )


def unlock_key(args: argparse.Namespace, db_path: Path, *, backup_file: bool = False) -> bytes | None:
    """The key of the encrypted database (or backup) ``db_path`` from --user or --recovery-key; None for a
    plaintext file. A wrong password or recovery key is refused (exit 2) with every file unchanged. The
    database's own key is unwrapped once per command (kept on ``args``): the derivation is slow on purpose."""
    if not backup.needs_key(db_path):
        return None
    cached: dict[Path, bytes] = args.__dict__.setdefault("_keys", {})
    if db_path not in cached:
        if args.recovery_key:
            cached[db_path] = setup.unwrap_recovery(db_path, recovery_text(args), note=not backup_file)
        elif args.user:
            cached[db_path] = setup.unwrap_key(db_path, args.user, password(args), note=not backup_file)
        else:
            raise _login_needed()
    return cached[db_path]


def recovery_text(args: argparse.Namespace) -> str:
    return keyring.read_recovery_file(Path(args.recovery_key))


def print_recovery_key(text: str | None, stream: Any = None) -> None:
    """The school's new recovery key, shown once: it must go on paper into the school's safe."""
    if text is None:
        return
    stream = stream or sys.stdout
    print(
        "Recovery key (shown only now: print it or write it down and keep it in the school's safe;",
        file=stream,
    )
    print("with it the database opens when every password is lost):", file=stream)
    print(f"  {text}", file=stream)


def open_context(args: argparse.Namespace) -> ServiceContext:
    """The database opened as the user of --user (or with --recovery-key, as the system: the recovery key
    stands for the school), so that roles apply and the audit log names who acted."""
    paths = resolve(args.db, getattr(args, "data_dir", None))
    # Only these commands make a new database; the others refuse a missing one (a mistyped --db).
    create = args.command in ("init", "load", "demo")
    actor = SYSTEM
    if create and not paths.db_path.exists():
        store = open_store(
            paths, create=True
        )  # a new encrypted school: its first user is made by the command
    elif args.recovery_key:
        store = setup.recover_store(paths, recovery_text(args), unlock_key(args, paths.db_path))
        if (
            args.command != "recovery-key"
        ):  # the key left the safe: it should be replaced (docs/encryption.md)
            print(f"note: {notice('recovery_key.used')}", file=sys.stderr)
    elif args.user:
        store, actor = setup.unlock_store(paths, args.user, password(args), unlock_key(args, paths.db_path))
    else:
        raise _login_needed()
    args._store = store  # closed by run()
    if store.notice:  # this log-in encrypted a plaintext database in place
        print(f"note: {store.notice}", file=sys.stderr)
        print_recovery_key(store.recovery_key, sys.stderr)
    return ServiceContext(store, actor)


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
