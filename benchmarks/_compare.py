"""What the encrypted-against-plaintext benchmarks share (issue 12: encrypted within 15 % of plaintext).

``bench_core.py --compare``, ``bench_editors.py --compare`` and ``bench_print.py --compare`` measure the same
school twice in one run: as an encrypted SQLCipher file, as the app makes it, and as a plaintext SQLite file
(``open_store(..., plaintext=True)``, as versions before encryption made it). The runs alternate (encrypted,
plaintext, encrypted, ...) so that other work on the machine falls on both alike, and the medians are printed
side by side, wall clock and CPU. On a shared, busy machine the CPU figures are the ones to trust.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The benchmarks' own database key (a real one is random and lives wrapped in the key file; the measurements
# run in separate processes, which all need it).
BENCH_KEY = bytes(range(32))
KINDS = ("encrypted", "plaintext")
T = TypeVar("T")


def add_compare_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every ``--compare`` benchmark takes (and the hidden one its child processes are started with)."""
    parser.add_argument("--compare", action="store_true", help="encrypted and plaintext side by side")
    parser.add_argument("--repeat", type=int, default=3, help="with --compare: runs of each (medians shown)")
    parser.add_argument("--students", type=int, default=300, help="with --compare: the demo school built")
    parser.add_argument("--terms", type=int, default=10, help="with --compare: the demo school built")
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DB"), help=argparse.SUPPRESS)  # one compare run


def open_bench_store(db: Path | str, plaintext: bool, **options: Any) -> Any:
    """The store of a benchmark's school: encrypted with :data:`BENCH_KEY`, or a plaintext file."""
    from app.paths import resolve
    from app.services.setup import open_store

    if plaintext:
        return open_store(resolve(Path(db)), plaintext=True, **options)
    return open_store(resolve(Path(db)), key=BENCH_KEY, **options)


def build_school(db: Path, plaintext: bool, students: int, terms: int, seed: int, today: dt.date) -> None:
    """The demo school (``songjiao demo``'s data; the same seed gives the same school) in a new file."""
    from app.services.context import ServiceContext
    from app.services.demo import generate

    store = open_bench_store(db, plaintext)
    try:
        generate(ServiceContext(store, today_override=today), students=students, terms=terms, seed=seed)
    finally:
        store.dispose()


def alternate(repeat: int, run: Callable[[str], T]) -> dict[str, list[T]]:
    """``run(kind)`` for each of :data:`KINDS` in turn, ``repeat`` times: the results by kind."""
    results: dict[str, list[T]] = {kind: [] for kind in KINDS}
    for _ in range(repeat):
        for kind in KINDS:
            results[kind].append(run(kind))
    return results


def median(results: Iterable[dict[str, Any]], key: str) -> float | None:
    """The median of ``key`` over ``results``; None unless every result has it (a skipped or failed step)."""
    listed = list(results)
    values = [r[key] for r in listed if r.get(key) is not None]
    return statistics.median(values) if listed and len(values) == len(listed) else None


def overhead(encrypted: float | None, plaintext: float | None) -> str:
    if encrypted is None or not plaintext:
        return "n/a"
    return f"{(encrypted / plaintext - 1) * 100:+.0f} %"


def seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 0.01:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages ("n/a" where the system has none: Windows)."""
    if not hasattr(os, "getloadavg"):
        return "n/a"
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def print_table(runs: dict[str, list[dict[str, dict[str, float]]]]) -> None:
    """Markdown: one row per measure (each run a dict of measure → {"wall": s, "cpu": s}), medians side by side."""
    print(
        "| measure | encrypted wall | plaintext wall | wall overhead | encrypted CPU | plaintext CPU | CPU overhead |"
    )
    print("|---|---|---|---|---|---|---|")
    for name in runs[KINDS[0]][0]:
        cells: list[str] = []
        for key in ("wall", "cpu"):
            mine, theirs = (median((run[name] for run in runs[kind]), key) for kind in KINDS)
            cells += [seconds(mine), seconds(theirs), overhead(mine, theirs)]
        print(f"| {name} | " + " | ".join(cells) + " |")
