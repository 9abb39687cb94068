"""`songjiao gui`: open the desktop app."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("gui", help="open the desktop app (default)")
    parser.set_defaults(func=_gui)


def _gui(args: argparse.Namespace) -> int:
    from app.paths import resolve

    try:
        from app.ui.app import run_gui
    except ImportError as error:  # pragma: no cover - only when PySide6 is missing
        from app.cli.common import CliError

        raise CliError(
            "cli.no_gui", f"the desktop app is not available: {error}", reason=str(error)
        ) from error
    return run_gui(resolve(args.db, args.data_dir))
