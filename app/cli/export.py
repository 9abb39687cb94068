"""`songjiao export ...`: archive packets, forms, the assessment form, the summary and spreadsheets."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import CliError, notice, open_context, print_json, terminal_progress
from app.services.context import ServiceContext

if TYPE_CHECKING:
    from app.reports.export import ExportOptions, ExportResult


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("export", help="print archive packets, forms and spreadsheets")
    kinds = parser.add_subparsers(dest="export_kind", metavar="WHAT", required=True)

    def common(p: argparse.ArgumentParser, term: bool = True) -> None:
        if term:
            p.add_argument("--term", help="term name or id (default: the current term)")
        p.add_argument("--as-user", metavar="USERNAME", help="export as this user (their role and students)")
        p.add_argument("--json", action="store_true", help="print the result as JSON")

    p = kinds.add_parser("packet", help="one student's archive packet (送教上门档案)")
    p.add_argument("--student", required=True, metavar="CODE", help="student code (or id)")
    p.add_argument("--out", required=True, type=Path, help="PDF file to write")
    pdf_password(p)
    p.add_argument("--reveal-ids", action="store_true", help="print full ID and certificate numbers (logged)")
    common(p)
    p.set_defaults(func=_packet)

    p = kinds.add_parser("packets", help="the packets of every student, or of one teacher's students")
    p.add_argument("--teacher", metavar="USERNAME")
    p.add_argument("--out", required=True, type=Path, help="folder to write into")
    pdf_password(p)
    p.add_argument("--workers", type=int)
    common(p)
    p.set_defaults(func=_packets)

    p = kinds.add_parser(
        "term", help="everything for the term end: packets, teacher forms, summary, spreadsheets"
    )
    p.add_argument("--out", required=True, type=Path, help="folder to write into")
    pdf_password(p)
    p.add_argument("--workers", type=int, help="worker processes (default: every core)")
    common(p)
    p.set_defaults(func=_term)

    p = kinds.add_parser("assessment", help="the semester assessment form of one teacher (or all)")
    p.add_argument("--teacher", metavar="USERNAME", help="teacher's user name; all teachers when left out")
    p.add_argument("--out", required=True, type=Path)
    pdf_password(p)
    common(p)
    p.set_defaults(func=_assessment)

    p = kinds.add_parser(
        "summary", help="the school's term summary table for the education management center"
    )
    p.add_argument("--out", required=True, type=Path)
    pdf_password(p)
    common(p)
    p.set_defaults(func=_summary)

    p = kinds.add_parser("form", help="a visit record or monthly plan form, blank or filled from a record")
    p.add_argument("form", choices=("visit", "plan"))
    p.add_argument("--blank", action="store_true", help="print the empty form for hand filling")
    p.add_argument("--id", dest="record_id", help="the visit or plan id to fill the form from")
    p.add_argument("--out", required=True, type=Path)
    pdf_password(p)
    common(p, term=False)
    p.set_defaults(func=_form)

    p = kinds.add_parser("sheet", help="a spreadsheet: visits ledger, compliance grid or assessment table")
    p.add_argument("sheet", choices=("visits", "compliance", "assessment"))
    p.add_argument("--out", required=True, type=Path, help="xlsx file to write")
    common(p)
    p.set_defaults(func=_sheet)


def _context(args: argparse.Namespace) -> ServiceContext:
    from app.services.users import actor_named

    ctx = open_context(args)
    return ctx.as_actor(actor_named(ctx, args.as_user)) if args.as_user else ctx


def _term_id(ctx: ServiceContext, ref: str | None) -> str:
    from app.services.school import resolve_term

    return resolve_term(ctx, ref).id


def _report(args: argparse.Namespace, result: ExportResult) -> int:
    if result.unprintable:  # on stderr, in JSON mode too: stdout stays what scripts read
        print(
            f"warning: {notice('glyphs.export_unprintable', records=list(result.unprintable))}",
            file=sys.stderr,
        )
    if result.unprintable_users:
        print(
            f"warning: {notice('glyphs.export_unprintable_users', users=list(result.unprintable_users))}",
            file=sys.stderr,
        )
    if args.json:
        print_json(
            {
                "files": [str(f) for f in result.files],
                "pages": result.pages,
                "seconds": round(result.seconds, 2),
                "cancelled": result.cancelled,
                "errors": list(result.errors),
                "unprintable": list(result.unprintable),
                "unprintable_users": list(result.unprintable_users),
            }
        )
    else:
        for error in result.errors:
            print(f"songjiao: export failed: {error}", file=sys.stderr)
        print(f"{len(result.files)} file(s), {result.pages} page(s) in {result.seconds:.1f} s")
    return 1 if result.errors else 0


def pdf_password(parser: argparse.ArgumentParser) -> None:
    # The name of a variable, never the password itself: a command line is seen by every user of the machine
    # (ps, /proc) and kept in shell histories.
    parser.add_argument(
        "--pdf-password-env",
        metavar="VAR",
        help="protect the PDFs (AES-256) with the password in the environment variable VAR",
    )


def pdf_password_from(args: argparse.Namespace) -> str | None:
    """The password ``--pdf-password-env`` names (None without the option); refused when the variable is empty."""
    name = getattr(args, "pdf_password_env", None)
    if not name:
        return None
    password = os.environ.get(name, "")
    if not password:
        raise CliError(
            "cli.pdf_password_env",
            f"--pdf-password-env {name}: the environment variable is not set or empty; nothing was written",
            name=name,
        )
    return password


def _options(args: argparse.Namespace) -> ExportOptions:
    from app.reports.export import options_from

    return options_from(
        password=pdf_password_from(args),
        reveal_ids=getattr(args, "reveal_ids", None),
        workers=getattr(args, "workers", None),
    )


def _packet(args: argparse.Namespace) -> int:
    from app.reports.export import export_packet
    from app.services.students import resolve_student

    ctx = _context(args)
    return _report(
        args,
        export_packet(
            ctx, resolve_student(ctx, args.student), _term_id(ctx, args.term), args.out, _options(args)
        ),
    )


def _packets(args: argparse.Namespace) -> int:
    from app.reports.export import export_packets
    from app.services.users import resolve_user

    ctx = _context(args)
    teacher = resolve_user(ctx, args.teacher, role="teacher") if args.teacher else None
    return _report(
        args,
        export_packets(
            ctx,
            _term_id(ctx, args.term),
            args.out,
            teacher_id=teacher,
            options=_options(args),
            progress=terminal_progress(args.json),
        ),
    )


def _term(args: argparse.Namespace) -> int:
    from app.reports.export import export_term

    ctx = _context(args)
    return _report(
        args,
        export_term(ctx, _term_id(ctx, args.term), args.out, _options(args), terminal_progress(args.json)),
    )


def _assessment(args: argparse.Namespace) -> int:
    from app.reports.export import export_single
    from app.services.users import resolve_user

    ctx = _context(args)
    teacher = resolve_user(ctx, args.teacher, role="teacher") if args.teacher else ""
    return _report(
        args, export_single(ctx, "assessment", _term_id(ctx, args.term), args.out, teacher, _options(args))
    )


def _summary(args: argparse.Namespace) -> int:
    from app.reports.export import export_single

    ctx = _context(args)
    return _report(
        args, export_single(ctx, "summary", _term_id(ctx, args.term), args.out, options=_options(args))
    )


def _sheet(args: argparse.Namespace) -> int:
    from app.reports.export import export_single

    ctx = _context(args)
    return _report(args, export_single(ctx, f"sheet-{args.sheet}", _term_id(ctx, args.term), args.out))


def _form(args: argparse.Namespace) -> int:
    from app.reports.export import export_form

    if args.blank == bool(args.record_id):
        raise CliError("cli.blank_or_id", "give either --blank or --id")
    ctx = _context(args)
    return _report(args, export_form(ctx, args.form, args.out, args.record_id or "", _options(args)))
