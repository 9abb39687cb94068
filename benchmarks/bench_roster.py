"""Roster import benchmark (not a test): a county-sized roster of N rows (default 10 000) into a new school.

    .venv/bin/python benchmarks/bench_roster.py [--rows 10000] [--format xlsx|csv]

Set-up (not timed): a school with two teachers, and a roster file with every column filled (ID numbers
with valid check digits, guardians, teachers). Timed: `import_roster` (reading, checking every row,
writing all in one transaction). Prints wall and CPU seconds and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook  # noqa: E402

from app.domain.validation import id_check_char  # noqa: E402
from app.paths import resolve  # noqa: E402
from app.services import users  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.roster import import_roster  # noqa: E402
from app.services.setup import initialize_school, open_store  # noqa: E402

HEADERS = ["学生编号", "姓名", "性别", "出生日期", "身份证号", "入学年月", "残疾类别", "残疾等级"]
HEADERS += ["监护人姓名", "监护人关系", "监护人电话", "主教用户名", "副教用户名"]


def rows(n: int) -> list[list[object]]:
    out = []
    for i in range(n):
        birth = dt.date(2012, 1, 1) + dt.timedelta(days=i % 3000)
        body = f"469001{birth:%Y%m%d}{i // 3000:03d}"  # (day, number) unique per row
        out.append(
            [
                f"R{i:05d}",
                f"学生{i}",
                "男" if i % 2 else "女",
                birth.isoformat(),
                body + id_check_char(body),
                "2022-09",
                "智力",
                "二级",
                f"家长{i}",
                "母亲",
                f"138{i:08d}",
                "t1",
                "t2",
            ]
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="sj-roster-"))
    store = open_store(resolve(folder / "school.sqlite3"))
    ctx = ServiceContext(store)
    admin = initialize_school(
        ctx,
        {
            "school_name": "青山县特殊教育学校",
            "term": {"name": "2026秋季学期", "start": "2026-09-01", "end": "2027-01-20"},
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    as_admin = ctx.as_actor(admin)
    for name in ("t1", "t2"):
        users.create_user(
            as_admin, {"username": name, "display_name": name, "role": "teacher", "password": "password1"}
        )
    data = rows(args.rows)
    path = folder / f"roster.{args.format}"
    if args.format == "xlsx":
        book = Workbook(write_only=True)
        sheet = book.create_sheet("学生名单")
        sheet.append(HEADERS)
        for row in data:
            sheet.append(row)
        book.save(path)
    else:
        path.write_text(
            "\n".join(",".join(map(str, r)) for r in [HEADERS, *data]) + "\n", encoding="utf-8-sig"
        )
    start, cpu = time.perf_counter(), time.process_time()
    report = import_roster(as_admin, path)
    wall, used = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert report.created == args.rows, report
    print(
        f"| {args.rows} rows, {args.format} ({path.stat().st_size // 1024} KB) | {wall:.1f} s | {used:.1f} s CPU |"
        f" {peak_mb:.0f} MB peak |"
    )
    store.dispose()


if __name__ == "__main__":
    main()
