"""`check` on a large school (not a test): 300 students over 10 terms, CPU and wall time of one run.

    .venv/bin/python benchmarks/bench_check.py [--students 300] [--terms 10] [--runs 3]

The school is built with the storage tests' bulk inserts (tests/populate.py). CPU time of this process is the
figure (SQLite runs in it): on a shared machine wall time also measures the neighbours. Target: under 5 s of
CPU (about 2 s on one free core of the 2-core CI machine); the script exits 1 above it. The test suite checks
only that `check` finds nothing on such a school (tests/db/test_speed.py), never how fast.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_CPU_S = 5.0


def main(argv: list[str] | None = None) -> int:
    from app.paths import resolve
    from app.services import check
    from app.services.context import ServiceContext
    from app.services.setup import open_store
    from tests.populate import bulk_school

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--terms", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(resolve(Path(folder) / "bench.sqlite3"))
        try:
            ctx = ServiceContext(store, today_override=dt.date(2026, 11, 20))
            built = bulk_school(ctx, n_students=args.students, n_terms=args.terms)
            cpu, wall = [], []
            for _ in range(args.runs):
                started, cpu_started = time.perf_counter(), time.process_time()
                findings = check.run_checks(store)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
        finally:
            store.dispose()
    print(
        f"check: {args.students} students, {args.terms} terms, {built['visit']} visits: "
        f"median {statistics.median(cpu):.2f} s CPU ({statistics.median(wall):.2f} s wall) over {args.runs} "
        f"runs, {len(findings)} findings; target < {TARGET_CPU_S:.0f} s CPU"
    )
    return 0 if statistics.median(cpu) < TARGET_CPU_S and not findings else 1


if __name__ == "__main__":
    sys.exit(main())
