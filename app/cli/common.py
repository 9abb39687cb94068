"""What every subcommand shares: opening the store from --db, the acting user, printing results."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.paths import resolve
from app.services.context import SYSTEM, ServiceContext
from app.services.setup import open_store


class CliError(Exception):
    """Bad input on the command line: printed as one line on stderr, exit code 2."""


def open_context(args: argparse.Namespace) -> ServiceContext:
    paths = resolve(args.db, getattr(args, "data_dir", None))
    store = open_store(paths)
    args._store = store  # closed by run()
    return ServiceContext(store, SYSTEM)


def print_json(data: Any) -> None:
    # dumps then one write: json.dump streams every key, comma and value as its own write()
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
