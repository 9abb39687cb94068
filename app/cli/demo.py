"""`songjiao demo`: write a realistic, deterministic demo school into an empty database."""

from __future__ import annotations

import argparse
import time

from app.cli.common import open_context, print_recovery_key, terminal_progress
from app.services import forms


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("demo", help="fill an empty database with a demo school (invented children)")
    parser.add_argument("--students", type=int, default=40, help="number of students (default 40)")
    parser.add_argument(
        "--terms", type=int, default=2, help="number of consecutive terms ending now (default 2)"
    )
    parser.add_argument(
        "--seed", type=int, default=1, help="random seed: the same seed gives the same school"
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", help="pretend today is this day (default: the real date)"
    )
    parser.set_defaults(func=_demo)


def _demo(args: argparse.Namespace) -> int:
    from app.services.demo import check_size, generate
    from app.services.setup import make_recovery_key

    # A bad --today is a ValidationError (field.date), printed like every service refusal.
    today = forms.parse_date(args.today, "today") if args.today else None
    check_size(args.students, args.terms)  # before open_context creates the file: a refusal leaves none
    ctx = open_context(args)
    if today is not None:
        ctx.today_override = today
    began = time.perf_counter()
    result = generate(
        ctx, students=args.students, terms=args.terms, seed=args.seed, progress=terminal_progress()
    )
    elapsed = time.perf_counter() - began
    print(
        f"Demo school written in {elapsed:.1f} s: {len(result.terms)} terms "
        f"({result.terms[0].name} … {result.terms[-1].name})."
    )
    for table, count in result.counts.items():
        print(f"  {table:18} {count:>8}")
    print("Logins (username / password / role):")
    for username, password, role in result.logins:
        print(f"  {username:8} {password:12} {role}")
    print_recovery_key(make_recovery_key(ctx))
    return 0
