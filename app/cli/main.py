"""Argument parsing and the error policy: exit 0 on success, 2 with one line on stderr for bad input."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import NoReturn

from app.cli.common import CliError
from app.services.errors import ServiceError
from app.services.maintenance import SchemaError

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


def run(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    if not args.command:
        args = parser.parse_args([*argv, "gui"])
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
    finally:
        store = getattr(args, "_store", None)
        if store is not None:
            store.dispose()
