"""Argument parsing and the error policy: exit 0 on success, 2 with one line on stderr for bad input."""

from __future__ import annotations

import argparse
import importlib
import logging
import sqlite3
import sys
from pathlib import Path
from typing import NoReturn

from sqlalchemy import exc

from app.cli.common import CliError
from app.db import probe
from app.db.schema import SchemaError
from app.services.errors import ServiceError

# Each module registers its subcommands; a module that is not there yet is skipped.
COMMAND_MODULES = [
    "app.cli.gui",
    "app.cli.maintenance",
    "app.cli.demo",
    "app.cli.records",
    "app.cli.roster",
    "app.cli.export",
    "app.cli.exchange",
]


class _Parser(argparse.ArgumentParser):
    """Usage errors as one line on stderr with exit 2, like every other bad input."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="songjiao", description="送教上门 Songjiao: home-delivered teaching records")
    parser.add_argument("--db", metavar="PATH", help="database file (default: the user data folder)")
    parser.add_argument("--data-dir", metavar="DIR", help="folder for backups, logs and exports")
    parser.add_argument("--verbose", action="store_true", help="log more (never personal data)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name == name:
                continue
            raise
        module.register(sub)
    return parser


# Commands that do not open the database (restore is the cure for a bad one; the GUI explains in a window),
# and the ones that may create it; every other command, a new one included, has its file judged first.
NO_DATABASE = {
    "app.cli.gui._gui",
    "app.cli.maintenance._backups",
    "app.cli.maintenance._restore",
    "app.cli.roster._template",
}
CREATES = {
    "app.cli.maintenance._init",
    "app.cli.maintenance._load",
    "app.cli.demo._demo",
    "app.cli.exchange._join",
}


def _judge_database(args: argparse.Namespace) -> None:
    """Refuse an unusable --db before the command reads its own input or writes anything (probe.py)."""
    func = args.func
    key = f"{func.__module__}.{func.__name__}"
    if key in NO_DATABASE:
        return
    from app.db import schema
    from app.paths import resolve

    paths = resolve(args.db, getattr(args, "data_dir", None))
    if probe.probe(paths.db_path, schema.known_revisions()).kind == "missing" and key not in CREATES:
        raise CliError(
            f"{paths.db_path}: there is no database here: check the --db path. Nothing was created."
        )


def _db_path(args: argparse.Namespace) -> Path | None:
    store = getattr(args, "_store", None)
    return store.paths.db_path if store is not None else (Path(args.db) if args.db else None)


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not args.command:
        args = parser.parse_args([*argv, "gui"])
    try:
        _judge_database(args)
        return int(args.func(args) or 0)
    except (CliError, ServiceError, SchemaError) as error:
        print(f"songjiao: error: {error}", file=sys.stderr)
        return 2
    except FileNotFoundError as error:
        print(f"songjiao: error: file not found: {error.filename}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `songjiao dump | head`: the reader left; not an error of ours. Silence the flush at exit too.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("songjiao: interrupted", file=sys.stderr)
        return 130
    except (exc.DatabaseError, sqlite3.DatabaseError, OSError) as error:
        # Storage failing during work (disk full, read-only, damaged pages): its cause, never a traceback.
        where = Path(error.filename) if isinstance(error, OSError) and error.filename else _db_path(args)
        print(f"songjiao: error: {probe.describe(error, where)}", file=sys.stderr)
        return 2
    finally:
        store = getattr(args, "_store", None)
        if store is not None:
            store.dispose()
