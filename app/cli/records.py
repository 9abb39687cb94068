"""`songjiao compliance`, `students list`, `terms list`: read-only views for the academic affairs office."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import notice, open_context, print_json


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser("compliance", help="visit-rule status per student and week, with term totals")
    parser.add_argument("--term", metavar="T", help="term name or id (default: the current term)")
    parser.add_argument("--student", metavar="S", help="one student, by code or id")
    parser.add_argument("--teacher", metavar="U", help="students of one teacher, by user name or id")
    parser.add_argument("--today", metavar="YYYY-MM-DD", help="evaluate as if today were this day")
    parser.add_argument("--names", action="store_true", help="include children's names (left out by default)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(func=_compliance)

    students = sub.add_parser("students", help="students on the roll")
    students_sub = students.add_subparsers(dest="students_command", metavar="ACTION", required=True)
    listing = students_sub.add_parser("list", help="list students (ID numbers masked)")
    listing.add_argument("--search", default="", help="part of a name, code or class")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(func=_students)

    terms = sub.add_parser("terms", help="terms and their calendars")
    terms_sub = terms.add_subparsers(dest="terms_command", metavar="ACTION", required=True)
    term_list = terms_sub.add_parser("list", help="list terms")
    term_list.add_argument("--json", action="store_true", help="print JSON instead of a table")
    term_list.set_defaults(func=_terms)


def _compliance(args: argparse.Namespace) -> int:
    from app.services import compliance, forms, students, users

    ctx = open_context(args)
    if args.today:
        ctx.today_override = forms.parse_date(args.today, "today")
    student_ids = [students.resolve_student(ctx, args.student)] if args.student else None
    teacher_id = users.resolve_user(ctx, args.teacher, role="teacher") if args.teacher else None
    result = compliance.term_compliance(ctx, args.term, student_ids=student_ids, teacher_id=teacher_id)
    if result.unknown_holiday_years:  # on stderr: the table or the JSON on stdout stays as scripts read it
        years = "、".join(map(str, result.unknown_holiday_years))
        print(f"warning: {notice('holidays.unknown_years', years=years)}", file=sys.stderr)
    if args.json:
        print_json(compliance.to_json(result, names=args.names))
        return 0
    print(
        f"{result.term.name}  {result.term.start} – {result.term.end}  (as of {result.today}; rule: "
        f"{result.rule.visits_per_period} visit(s) per {result.rule.period}, "
        f"{result.rule.lessons_per_visit} 课时 of {result.rule.minutes_per_lesson} min)"
    )
    header = (
        "code",
        "weeks",
        "met",
        "makeup",
        "owed",
        "excused",
        "paused",
        "future",
        "visits",
        "课时",
        "owed makeups",
    )
    print("  ".join(f"{h:>8}" for h in header))
    for s in result.students:
        t = s.result.totals
        cells = (
            s.code,
            t.teaching_periods,
            t.met,
            t.met_by_makeup,
            t.missed_owed,
            t.missed_excused,
            t.paused,
            t.future,
            t.visits_done,
            t.lessons_delivered,
            t.owed_makeups,
        )
        print("  ".join(f"{c!s:>8}" for c in cells))
    return 0


def _students(args: argparse.Namespace) -> int:
    from app.services.students import list_students, unprintable_codes

    ctx = open_context(args)
    rows = list_students(ctx, search=args.search)
    unprintable = unprintable_codes(ctx, [s.id for s in rows])
    if unprintable:  # on stderr: the table or the JSON on stdout stays as scripts read it
        print(f"warning: {notice('glyphs.export_unprintable', records=list(unprintable))}", file=sys.stderr)
    if args.json:
        print_json(
            [
                {
                    "id": s.id,
                    "code": s.code,
                    "name": s.name,
                    "gender": s.gender,
                    "birth_date": s.birth_date.isoformat() if s.birth_date else None,
                    "grade_class": s.grade_class,
                    "disability_category": s.disability_category,
                    "disability_grade": s.disability_grade,
                    "status": s.status,
                    "teachers": s.teachers,
                    "id_number": s.id_masked,
                }
                for s in rows
            ]
        )
        return 0
    for s in rows:
        print(
            f"{s.code:<10} {s.name:<6}\t{s.gender or '-'}  {s.birth_date or '-'}  {s.grade_class:<10} "
            f"类别{s.disability_category or '-'} 等级{s.disability_grade or '-'}  {s.status:<8} {s.teachers}"
        )
    print(f"{len(rows)} students")
    return 0


def _terms(args: argparse.Namespace) -> int:
    from app.domain.calendar import teaching_weeks
    from app.services.school import list_terms

    ctx = open_context(args)
    terms = list_terms(ctx)
    data = [
        {
            "id": t.id,
            "name": t.name,
            "start": t.start.isoformat(),
            "end": t.end.isoformat(),
            "locked": t.locked,
            "teaching_weeks": len(teaching_weeks(t.calendar())),
            "holidays": sum(1 for d in t.days if d.kind == "holiday"),
            "workdays": sum(1 for d in t.days if d.kind == "workday"),
        }
        for t in terms
    ]
    if args.json:
        print_json(data)
        return 0
    for t in data:
        print(
            f"{t['name']:<14} {t['start']} – {t['end']}  {t['teaching_weeks']:>2} teaching weeks  "
            f"{t['holidays']:>2} holidays  {'locked' if t['locked'] else ''}"
        )
    return 0
