"""`songjiao privacy purge [--dry-run] | export --student S --out DIR [--pdf-password-env VAR]`: the PIPL
duties from the terminal."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import open_context
from app.cli.export import pdf_password, pdf_password_from


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("privacy", help="delete children whose retention ended; a guardian's access copy")
    actions = parser.add_subparsers(dest="privacy_command", metavar="ACTION", required=True)
    purge = actions.add_parser(
        "purge", help="delete the records of children whose retention ended, then rotate the backups"
    )
    purge.add_argument("--dry-run", action="store_true", help="only list what is due; change nothing")
    purge.add_argument(
        "--out", metavar="DIR", default=".", help="folder for the deletion certificates (default: here)"
    )
    purge.set_defaults(func=_purge)
    export = actions.add_parser("export", help="one child's whole record as PDF and JSON (PIPL art. 45)")
    export.add_argument("--student", metavar="S", required=True, help="the student, by code or id")
    export.add_argument(
        "--out", metavar="DIR", required=True, help="folder for the two files (one with a password)"
    )
    pdf_password(export)  # the JSON then goes inside the PDF, under the same password
    export.set_defaults(func=_export)


def _purge(args: argparse.Namespace) -> int:
    from app.reports.privacy import write_certificates
    from app.services import privacy

    ctx = open_context(args)
    result = privacy.purge(ctx, ctx.store.paths, dry_run=args.dry_run)
    if not result.due:
        print("no child's retention has ended: nothing to delete")
        return 0
    for item in result.due:  # the school's code and internal id: no names on a terminal
        print(f"{item.code}\t{item.student_id}\tleft {item.left_on}\t{', '.join(item.kinds)}")
    if result.dry_run:
        print(f"dry run: {len(result.due)} child(ren) due; nothing was deleted")
        return 0
    for path in write_certificates(result, Path(args.out)):
        print(f"certificate: {path}")
    if result.backup_made is not None:
        print(f"new backup: {result.backup_made}")
    for path in result.backups_removed:
        print(f"removed backup (it held the deleted records): {path}")
    if (
        ctx.store.paths.on_server
    ):  # the server's backups are its pg_dump routine's, out of this program's reach
        print("the server's backups (pg_dump) made before now hold the deleted records: rotate them out too")
    print("copies made elsewhere (dumps, exported files, laptops' backups) are not reached: delete them too")
    return 0


def _export(args: argparse.Namespace) -> int:
    from app.reports.privacy import write_access_copy
    from app.services import students

    password = pdf_password_from(args)  # before anything is opened: a missing variable writes nothing
    ctx = open_context(args)
    made = write_access_copy(ctx, students.resolve_student(ctx, args.student), Path(args.out), password)
    print(made.pdf)
    if made.json is not None:
        print(made.json)
    else:
        print("the JSON file is attached inside the PDF, under its password")
    return 0
