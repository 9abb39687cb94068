"""`songjiao holidays import FILE | list`: official holidays of years the holiday package does not know."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_context, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "holidays", help="official holidays of years this version does not know (the year's holiday file)"
    )
    actions = parser.add_subparsers(dest="holidays_command", metavar="ACTION", required=True)
    imported = actions.add_parser(
        "import", help="import a holiday file (docs/holidays.md); a year again replaces it"
    )
    imported.add_argument("file", metavar="FILE", help="the holiday file (JSON)")
    imported.set_defaults(func=_import)
    listing = actions.add_parser("list", help="the years imported from holiday files")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=_list)


def _import(args: argparse.Namespace) -> int:
    from app.services import holidays

    # Validated before the database is opened: a bad file changes nothing, not even a fresh data folder.
    holidays.read_file(Path(args.file))
    years = holidays.import_file(open_context(args), Path(args.file))
    print(f"imported the official holidays of {', '.join(map(str, years))}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from app.services import holidays

    years = holidays.imported(open_context(args))
    if args.json:
        print_json(
            [
                {"year": y.year, "source": y.source, "holidays": len(y.holidays), "workdays": len(y.workdays)}
                for y in years.values()
            ]
        )
        return 0
    for year in sorted(years.values(), key=lambda y: y.year):
        print(
            f"{year.year}  {len(year.holidays)} days off, {len(year.workdays)} make-up workdays  {year.source}"
        )
    return 0
