"""Argument parsing and the error policy: exit 0 on success, 2 with one line on stderr for bad input."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import NoReturn

from app import __version__, logs
from app.cli.common import CliError
from app.db.schema import SchemaError
from app.paths import resolve
from app.services.errors import ServiceError

_log = logging.getLogger(__name__)

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


def unexpected_line(reference: str, log_file: object) -> str:
    return f"songjiao: unexpected error, reference {reference}; the details are in {log_file}"


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    log_file = logs.setup_logging(resolve(args.db, args.data_dir), verbose=args.verbose, console=True)
    if not args.command:
        args = parser.parse_args([*argv, "gui"])
    _log.info("songjiao %s command %s", __version__, args.command)  # the command only: arguments hold names
    try:
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
    except Exception as error:  # a bug: the traceback to the log, one line with its reference to the user
        reference = logs.record_exception(error, f"command {args.command}")
        print(unexpected_line(reference, log_file), file=sys.stderr)
        return 1
    finally:
        store = getattr(args, "_store", None)
        if store is not None:
            store.dispose()
