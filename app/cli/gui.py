"""`songjiao gui [FILE]`: open the desktop app (and a .sjb bundle to import or a .sjj join file)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("gui", help="open the desktop app (default)")
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="a bundle (.sjb) to import or a join file (.sjj) to open with it",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="start up to the first window, check it is translated, close it and exit (installation smoke test)",
    )
    parser.set_defaults(func=_gui, show_fatal=_show_fatal)


def _show_fatal(message: str) -> None:
    """An installation that cannot start: the reason in a message box (a windowed program has no console)."""
    try:
        from app.ui.app import show_fatal
    except ImportError:  # pragma: no cover - without Qt the console line is all there is
        return
    show_fatal(message)


def _gui(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.paths import resolve

    try:
        from app.ui.app import check_gui, run_gui
    except ImportError as error:  # pragma: no cover - only when PySide6 or a Qt system library is missing
        from app.cli.common import CliError

        raise CliError(f"the desktop app is not available: {error}") from error
    paths = resolve(args.db, args.data_dir)
    if args.check:
        return check_gui(paths)
    return run_gui(paths, Path(args.file).expanduser().resolve() if args.file else None)
