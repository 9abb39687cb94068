"""Argument parsing and the error policy: exit 0 on success, 2 with one line on stderr for bad input.

Start-up speed: `songjiao --help` and every command must not pay for the others' imports (SQLAlchemy, Qt,
reportlab: ~0.6 s together). The top-level parser is built from COMMANDS, a light table of names and help
lines; only the module of the command being run is imported, and it registers its full subparser(s).
tests/cli/test_command_table.py keeps the table equal to what the modules register.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

_log = logging.getLogger(__name__)

# command name -> (module that registers it, its one-line help); in the order `--help` lists them.
COMMANDS: dict[str, tuple[str, str]] = {
    "gui": ("app.cli.gui", "open the desktop app (default)"),
    "backup": ("app.cli.maintenance", "make a backup now and print its path"),
    "backups": ("app.cli.maintenance", "list the backups, newest first"),
    "restore": (
        "app.cli.maintenance",
        "replace the database with a verified backup (the current one is saved first)",
    ),
    "check": (
        "app.cli.maintenance",
        "check the database file and the record rules; exit 1 when something is found",
    ),
    "dump": (
        "app.cli.maintenance",
        "write the whole database as JSON (resources/dump.schema.json), encrypted",
    ),
    "load": ("app.cli.maintenance", "load a JSON dump (encrypted or not) into an empty database"),
    "init": ("app.cli.maintenance", "set up the school, its first term and administrator without the wizard"),
    "users": ("app.cli.maintenance", "manage user accounts"),
    "recovery-key": (
        "app.cli.maintenance",
        "make a new recovery key for the school (the old one stops working)",
    ),
    "migrate": (
        "app.cli.maintenance",
        "upgrade the database schema to this program's version (a backup is made first)",
    ),
    "demo": ("app.cli.demo", "fill an empty database with a demo school (invented children)"),
    "compliance": ("app.cli.records", "visit-rule status per student and week, with term totals"),
    "students": ("app.cli.records", "students on the roll"),
    "terms": ("app.cli.records", "terms and their calendars"),
    "holidays": (
        "app.cli.holidays",
        "official holidays of years this version does not know (the year's holiday file)",
    ),
    "roster": ("app.cli.roster", "student roster spreadsheets (学生名单)"),
    "export": ("app.cli.export", "print archive packets, forms and spreadsheets"),
    "exchange": ("app.cli.exchange", "exchange with teacher laptops or the office through files"),
    "hub": ("app.cli.hub", "the school's network hub for teachers' laptops (docs/hub.md)"),
    "privacy": ("app.cli.privacy", "delete children whose retention ended; a guardian's access copy"),
    "district": ("app.cli.district", "many schools on one PostgreSQL; the bureau's aggregate report"),
}
# Every module that registers commands (derived from the table; the frozen build collects these too).
COMMAND_MODULES = list(dict.fromkeys(module for module, _help in COMMANDS.values()))
_GLOBAL_WITH_VALUE = ("--db", "--data-dir", "--user", "--recovery-key")
_GLOBAL_FLAGS = ("--verbose",)


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr with exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def globals_end(argv: list[str]) -> int:
    """How many leading words of ``argv`` are global options (--db PATH, --data-dir=DIR, --verbose)."""
    at = 0
    while at < len(argv):
        word = argv[at]
        if word in _GLOBAL_WITH_VALUE:
            at += 2
        elif word in _GLOBAL_FLAGS or word.startswith(tuple(f"{name}=" for name in _GLOBAL_WITH_VALUE)):
            at += 1
        else:
            break
    return min(at, len(argv))


def command_index(argv: list[str]) -> int | None:
    """Where the subcommand is in ``argv``: the first word that is not a global option or its value."""
    skip = False
    for at, word in enumerate(argv):
        if skip:
            skip = False
        elif word in _GLOBAL_WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            return at
    return None


def command_in(argv: list[str]) -> str | None:
    """The subcommand named in ``argv``, if any."""
    at = command_index(argv)
    return None if at is None else argv[at]


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; full subparsers only for ``command``'s module (all modules when ``command`` is "*")."""
    parser = _Parser(
        prog="songjiao",
        description="送教上门 Songjiao: home-delivered teaching records",
        epilog="Output redirected to a file or a pipe is written as UTF-8, whatever the system's code page.",
    )
    # The environment may name the database and the user (a service's environment file, readable only by its
    # account): a URL with a password on the command line is readable by every user of the machine (ps).
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=os.environ.get("SONGJIAO_DB") or None,
        help="database file or PostgreSQL URL (default: SONGJIAO_DB, else the user data folder)",
    )
    parser.add_argument("--data-dir", metavar="DIR", help="folder for backups, logs and exports")
    parser.add_argument(
        "--user",
        metavar="NAME",
        default=os.environ.get("SONGJIAO_USER") or None,
        help="log in as this user (default: SONGJIAO_USER; password from SONGJIAO_PASSWORD, else asked "
        "without echo)",
    )
    parser.add_argument(
        "--recovery-key",
        metavar="FILE",
        help="open an encrypted database with the school's recovery key (the file of the recovery sheet)",
    )
    parser.add_argument("--verbose", action="store_true", help="log more (never personal data)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = COMMANDS.get(command or "", ("", ""))[0]
    registered: set[str] = set()
    for name, (module_name, help_line) in COMMANDS.items():
        if module_name in registered:
            continue
        if command == "*" or module_name == wanted:
            importlib.import_module(module_name).register(sub)
            registered.add(module_name)
        else:
            # A stand-in that lists the command in --help; never parsed (its command is not the one run).
            sub.add_parser(name, help=help_line, add_help=False)
    return parser


def unexpected_line(reference: str, log_file: object) -> str:
    return f"songjiao: unexpected error, reference {reference}; the details are in {log_file}"


# Commands that do not open the database (restore is the cure for a bad one; the GUI explains in a window),
# and the ones that may create it; every other command, a new one included, has its file judged first.
NO_DATABASE = {
    "app.cli.gui._gui",
    "app.cli.maintenance._backups",
    "app.cli.maintenance._restore",
    "app.cli.roster._template",
    "app.cli.hub._cert",
    # The district's database holds schemas of schools, not one school: the service judges what it opens.
    "app.cli.district._add_school",
    "app.cli.district._schools",
    "app.cli.district._refresh",
    "app.cli.district._report",
}
CREATES = {
    "app.cli.maintenance._init",
    "app.cli.maintenance._load",
    "app.cli.demo._demo",
    "app.cli.exchange._join",
}


def _judge_database(args: argparse.Namespace) -> None:
    """Refuse an unusable --db before the command reads its own input or writes anything (db/probe.py)."""
    func = args.func
    key = f"{func.__module__}.{func.__name__}"
    if key in NO_DATABASE:
        return
    from app.cli.common import unlock_key
    from app.paths import resolve
    from app.services import backup, maintenance

    paths = resolve(args.db, getattr(args, "data_dir", None))
    # An encrypted file is judged with its key: the log-in (--user, --recovery-key) comes first.
    db_key = unlock_key(args, paths.db_path) if backup.needs_key(paths.db_path) else None
    maintenance.judge_database(paths, create=key in CREATES, key=db_key)


def _storage_text(error: Exception, args: argparse.Namespace) -> str | None:
    """Storage failing during work (disk full, read-only, damaged pages), named by its cause; else None."""
    from app.services import maintenance

    store = getattr(args, "_store", None)
    where: Path | str | None = None
    if store is not None:
        where = store.paths.where
    elif args.db:
        from app.paths import hide_password, is_server_url

        where = hide_password(args.db) if is_server_url(args.db) else Path(args.db)
    return maintenance.storage_problem(error, where)


# Errors that are bad input (one line, exit 2), by module and class name. Not imported up front: their modules
# pull in SQLAlchemy, which `--help` does not need and the GUI loads behind its login dialog. An error of one
# of these classes can only be raised once its module is loaded, so looking in sys.modules is enough.
_BAD_INPUT = (
    ("app.cli.common", "CliError"),
    ("app.services.errors", "ServiceError"),
    ("app.db.schema", "SchemaError"),
    ("app.paths", "ResourceError"),
)


def _bad_input_types() -> tuple[type[BaseException], ...]:
    loaded = (
        getattr(sys.modules[module], name, None) for module, name in _BAD_INPUT if module in sys.modules
    )
    return tuple(kind for kind in loaded if isinstance(kind, type))


def utf8_when_redirected() -> None:
    """Write UTF-8 to a file or pipe, whatever the system's code page.

    On a Chinese Windows (code page 936) Python encodes redirected output as GBK, which lacks 䶮 and the CJK
    Extension B characters of rural given names: `songjiao students list > a.txt` would end in UnicodeEncodeError.
    A terminal keeps its own encoding (Windows' console takes Unicode directly).
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        try:
            redirected = stream is not None and not stream.isatty()
        except ValueError:  # a closed stream
            continue
        if redirected and reconfigure and (stream.encoding or "").lower().replace("-", "") != "utf8":
            reconfigure(encoding="utf-8")


def run(argv: list[str]) -> int:
    utf8_when_redirected()
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    from app import __version__, logs  # light: the standard library and app.paths
    from app.paths import resolve

    if not args.command:  # no subcommand: the desktop app, with the global options given
        args = build_parser("gui").parse_args([*argv, "gui"])
    from app.paths import ResourceError, require_resources

    try:  # first: an incomplete installation explains every other failure
        require_resources()
    except ResourceError as error:
        print(f"songjiao: error: {error}", file=sys.stderr)
        show = getattr(
            args, "show_fatal", None
        )  # the desktop app (maybe windowed, no console) says it in a box
        if show is not None:
            show(str(error))
        return 2
    # Judged before the log folder is made: an unusable or mistyped --db must not get a -data folder beside it.
    try:
        _judge_database(args)
    except Exception as error:
        if not isinstance(error, _bad_input_types()):
            raise
        from app.cli.common import error_line  # the catalogue's text in the terminal's language

        where = resolve(args.db, args.data_dir).where  # which file: the user may have typed a wrong one
        print(f"songjiao: error: {where}: {error_line(error)}", file=sys.stderr)
        return 2
    log_file = logs.setup_logging(resolve(args.db, args.data_dir), verbose=args.verbose, console=True)
    _log.info("songjiao %s command %s", __version__, args.command)  # the command only: arguments hold names
    try:
        return int(args.func(args) or 0)
    except FileNotFoundError as error:
        print(f"songjiao: error: file not found: {error.filename}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `songjiao dump | head`: the reader left; not an error of ours. Silence the flush at exit too.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # after the two above: an error of ours that is bad input, else a bug
        if not isinstance(error, _bad_input_types()):
            text = _storage_text(error, args)
            if text is not None:  # the disk, not the program: name the cause, exit 2
                print(f"songjiao: error: {text}", file=sys.stderr)
                return 2
            # A bug: the traceback to the log, one line with its reference to the user.
            reference = logs.record_exception(error, f"command {args.command}")
            print(unexpected_line(reference, log_file), file=sys.stderr)
            return 1
        from app.cli.common import error_line  # the catalogue's text in the terminal's language

        print(f"songjiao: error: {error_line(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("songjiao: interrupted", file=sys.stderr)
        return 130
    finally:
        store = getattr(args, "_store", None)
        if store is not None:
            store.dispose()
