"""`songjiao roster template|import`: the roster spreadsheet for the academic affairs office."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import error_line, language, notice, open_context
from app.services import messages


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("roster", help="student roster spreadsheets (学生名单)")
    commands = parser.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    template = commands.add_parser("template", help="write an empty roster template (.xlsx or .csv)")
    template.add_argument("--out", required=True, metavar="FILE", help="FILE.xlsx or FILE.csv")
    template.set_defaults(func=_template)
    load = commands.add_parser("import", help="import students from a filled-in roster (all rows or none)")
    load.add_argument("file", metavar="FILE", help="FILE.xlsx or FILE.csv")
    load.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    load.set_defaults(func=_import)


def _template(args: argparse.Namespace) -> int:
    from app.services.roster import COLUMNS, write_template

    out = Path(args.out)
    write_template(out, COLUMNS)
    print(f"Template written: {out}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from app.services.roster import RosterErrors, import_roster

    path = Path(args.file)
    if not path.is_file():
        raise FileNotFoundError(2, "not found", str(path))
    ctx = open_context(args)
    try:
        report = import_roster(ctx, path, dry_run=args.dry_run)
    except RosterErrors as error:
        print(f"songjiao: error: {error_line(error)}", file=sys.stderr)
        for problem in error.errors:
            print(f"  {problem}", file=sys.stderr)
        return 2
    verb = "would create" if report.dry_run else "created"
    print(
        f"{report.rows} rows checked: {verb} {report.created}, "
        f"{'would update' if report.dry_run else 'updated'} {report.updated}."
        + (" Dry run: nothing was written." if report.dry_run else "")
    )
    for row, warning in report.notes:
        print(f"  warning: row {row}: {messages.warning_text(warning, language())}")
    for row, column, chars in report.unprintable:
        print(f"  warning: row {row}: {column}: {notice('glyphs.unprintable', chars=chars)}")
    return 0
