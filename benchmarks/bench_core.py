"""Core benchmark (not a test): demo school generation, compliance, dump, load, check and peak memory.

    .venv/bin/python benchmarks/bench_core.py [--students 300] [--terms 10] [--seed 1]

Prints a Markdown table. Targets on a 2-core machine: compliance for one 300-student term under
0.3 s in-process, check under 5 s, peak memory under 300 MB. Steps whose service is not there
(dump, load, check) are reported as skipped rather than failing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.paths import resolve
from app.services.compliance import term_compliance, to_json
from app.services.context import ServiceContext
from app.services.demo import generate
from app.services.setup import open_store

TODAY = dt.date(2026, 11, 20)


def peak_rss_mb() -> float | None:
    """Peak resident memory of this process; None where the resource module is missing (Windows)."""
    try:
        import resource
    except ImportError:
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    value = fn()
    return time.perf_counter() - began, value


def optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name, None)  # type: ignore[no-any-return]
    except ImportError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--terms", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    results: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        paths = resolve(Path(folder) / "bench.sqlite3")
        store = open_store(paths)
        ctx = ServiceContext(store, today_override=TODAY)
        seconds, demo = timed(lambda: generate(ctx, students=args.students, terms=args.terms, seed=args.seed))
        rows = sum(demo.counts.values())
        results.append(("generate demo", f"{seconds:.2f} s", f"{rows} rows, {paths.db_path.stat().st_size >> 20} MB"))

        term = demo.terms[-2].name if len(demo.terms) > 1 else demo.terms[-1].name
        runs = []
        for _ in range(5):
            seconds, doc = timed(lambda: to_json(term_compliance(ctx, term)))
            runs.append(seconds)
        median = statistics.median(runs)
        results.append(("compliance --json, one term (median of 5)", f"{median:.3f} s",
                        f"{term}, {len(doc['students'])} students; target < 0.3 s"))

        write_dump = optional("app.services.dump", "write_dump")
        load_dump = optional("app.services.dump", "load_dump")
        dump_text = None
        if write_dump is None:
            results.append(("dump", "skipped", "app.services.dump.write_dump not available"))
        else:
            buffer = io.StringIO()
            seconds, _ = timed(lambda: write_dump(store, buffer))
            dump_text = buffer.getvalue()
            results.append(("dump", f"{seconds:.2f} s", f"{len(dump_text.encode()) >> 20} MB of JSON"))
        if load_dump is None or dump_text is None:
            results.append(("load into empty DB", "skipped", "app.services.dump.load_dump not available"))
        else:
            target = open_store(resolve(Path(folder) / "loaded.sqlite3"))
            text = dump_text
            try:
                seconds, _ = timed(lambda: load_dump(target, text))
                results.append(("load into empty DB", f"{seconds:.2f} s", ""))
            except Exception as error:  # report, don't hide, a failure of another engineer's step
                results.append(("load into empty DB", "failed", f"{type(error).__name__}: {error}"[:120]))
            finally:
                target.dispose()
            del dump_text, text
        run_checks = optional("app.services.check", "run_checks")
        if run_checks is None:
            results.append(("check", "skipped", "app.services.check.run_checks not available"))
        else:
            try:
                seconds, findings = timed(lambda: run_checks(store))
                results.append(("check", f"{seconds:.2f} s", f"{len(findings)} findings; target < 5 s"))
            except Exception as error:
                results.append(("check", "failed", f"{type(error).__name__}: {error}"[:120]))
        store.dispose()
    peak = peak_rss_mb()
    results.append(("peak memory (RSS)", "n/a" if peak is None else f"{peak:.0f} MB",
                    "resource module is Unix-only" if peak is None else "target < 300 MB"))
    print(f"Benchmark: demo --students {args.students} --terms {args.terms} --seed {args.seed} "
          f"(Python {sys.version.split()[0]}, {sys.platform})\n")
    print("| step | time | notes |")
    print("|---|---|---|")
    for step, value, note in results:
        print(f"| {step} | {value} | {note} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
