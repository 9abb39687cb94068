"""`songjiao district add-school | schools | report`: many schools on one PostgreSQL (docs/postgres.md "District")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.common import CliError
from app.paths import hide_password


def _url(args: argparse.Namespace) -> str:
    if not args.db:
        raise CliError("district.needs_server", "give --db postgresql+psycopg://… (the district's database)")
    return str(args.db)


def _add_school(args: argparse.Namespace) -> int:
    from app.services import district

    entry = district.add_school(_url(args), args.school, args.name, owner=args.owner)
    print(f"school {entry.code}: schema {entry.schema}, migrated; district views rebuilt")
    office = district.school_url(_url(args), entry.code)
    if args.owner:
        office = district.with_user(office, args.owner)
    print(f"the office's --db: {hide_password(office)}")
    return 0


def _schools(args: argparse.Namespace) -> int:
    from app.services import district

    for entry in district.schools(_url(args)):
        print(f"{entry.code}\t{entry.schema}\t{entry.name}")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    from app.services import district

    done = district.refresh(_url(args))
    print(f"district views rebuilt; figures computed for {len(done.computed)} school(s)")
    for code, why in done.skipped:
        print(f"school {code} skipped: {why}")
    return 0


def _report(args: argparse.Namespace) -> int:
    from app.reports.district import write_report
    from app.services import district

    made = write_report(district.report(_url(args), args.term), Path(args.out))
    print(made.xlsx)
    print(made.pdf)
    return 0


def register(sub: Any) -> None:
    parser = sub.add_parser("district", help="many schools on one PostgreSQL; the bureau's aggregate report")
    actions = parser.add_subparsers(dest="district_command", metavar="ACTION", required=True)
    add = actions.add_parser("add-school", help="create, migrate and register a school's schema")
    add.add_argument("--school", metavar="CODE", required=True, help="lower-case letters, digits, _")
    add.add_argument("--name", metavar="NAME", required=True, help="the school's name")
    add.add_argument(
        "--owner", metavar="ROLE", help="the office's login role: owns this school's schema only"
    )
    add.set_defaults(func=_add_school)
    listing = actions.add_parser("schools", help="the district's schools and their schemas")
    listing.set_defaults(func=_schools)
    refresh = actions.add_parser(
        "refresh", help="recompute every school's figures (nightly; after an upgrade)"
    )
    refresh.set_defaults(func=_refresh)
    report = actions.add_parser("report", help="the term's figures per school and in total (xlsx + PDF)")
    report.add_argument("--term", metavar="T", required=True, help="the term's name, as the schools call it")
    report.add_argument("--out", metavar="DIR", required=True, help="folder for the two files")
    report.set_defaults(func=_report)
