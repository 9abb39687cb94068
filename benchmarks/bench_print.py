"""Print speed: raw reportlab CJK pages/s, packets on one core, and a whole term export on every core.

    .venv/bin/python benchmarks/bench_print.py                       # builds the demo school (300 students, 10 terms)
    .venv/bin/python benchmarks/bench_print.py --db demo.sqlite3 --term 2026春季学期
    .venv/bin/python benchmarks/bench_print.py --compare [--repeat 3]   # encrypted against plaintext

Prints a table; memory is the peak of the summed resident sizes of the exporting process and its
workers (sampled from /proc on Linux; elsewhere the largest single process).

--compare (issue 12: encrypted within 15 % of plaintext) builds the demo school twice, as an encrypted file
as the app makes it and as a plaintext one (benchmarks/_compare.py), then runs the term export and the
packets on one core ``--repeat`` times on each, alternately, every run in a fresh process, and prints the
medians side by side, wall clock and CPU (the export's CPU includes its worker processes). A packet's time is
split into gathering its records (the database: where encryption costs) and rendering its PDF; raw
reportlab, which reads no database, is the control row: it shows the run's noise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.paths import resolve  # noqa: E402
from app.services.context import ServiceContext  # noqa: E402
from app.services.setup import open_store, unlock_store  # noqa: E402

LINE = "送教上门记录：学生在教师指导下完成了生活自理训练，情绪稳定，家长积极配合。"


def raw_reportlab(pages: int = 500) -> float:
    """Pages per second for a plain canvas page of 40 CJK lines (the ceiling for any layout)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.pdf.fonts import register_fonts

    font = register_fonts()
    started = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=A4)
    for page in range(pages):
        canvas.setFont(font, 10)
        for i in range(40):
            canvas.drawString(50, 800 - i * 18, LINE)
        canvas.drawString(280, 30, f"第 {page + 1} 页")
        canvas.showPage()
    canvas.save()
    return pages / (time.perf_counter() - started)


def packets_one_core(ctx: ServiceContext, term_id: str, count: int = 20) -> tuple[float, float, float]:
    """(pages/s, CPU seconds per packet, pages per packet) rendering packets in this process."""
    timed = packets_timed(ctx, term_id, count)
    wall = timed["gather_wall"] + timed["render_wall"]
    cpu = timed["gather_cpu"] + timed["render_cpu"]
    return timed["pages"] / wall, cpu / timed["packets"], timed["pages"] / timed["packets"]


def packets_timed(ctx: ServiceContext, term_id: str, count: int = 20) -> dict[str, float]:
    """``count`` packets made in this process: pages, and wall and CPU seconds gathering and rendering them."""
    from app.reports.pdf.packet import render_packet
    from app.services import archive

    students = archive.packet_students(ctx, term_id)[:count]
    figures = dict.fromkeys(("gather_wall", "gather_cpu", "render_wall", "render_cpu", "pages"), 0.0)
    for student_id, _ in students:
        wall, cpu = time.perf_counter(), time.process_time()
        data = archive.gather_packet(ctx, student_id, term_id)
        figures["gather_wall"] += time.perf_counter() - wall
        figures["gather_cpu"] += time.process_time() - cpu
        wall, cpu = time.perf_counter(), time.process_time()
        figures["pages"] += render_packet(data, io.BytesIO())
        figures["render_wall"] += time.perf_counter() - wall
        figures["render_cpu"] += time.process_time() - cpu
    figures["packets"] = len(students)
    return figures


def _rss_tree(root: int) -> int:
    """Resident bytes of ``root`` and its children (Linux /proc)."""
    total = 0
    pids = [root]
    try:
        children = Path(f"/proc/{root}/task/{root}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def whole_term(ctx: ServiceContext, term_id: str, out: Path, workers: int | None) -> dict[str, float]:
    from app.reports.export import ExportOptions, export_term

    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _rss_tree(os.getpid()))
            time.sleep(0.1)

    def cpu() -> float:
        own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu_before = cpu()
    result = export_term(ctx, term_id, out, ExportOptions(workers=workers))
    cpu_used = cpu() - cpu_before  # the pool's workers have been reaped: their time is in RUSAGE_CHILDREN
    stop.set()
    sampler.join()
    if result.errors:
        print("errors:", *result.errors[:5], sep="\n  ", file=sys.stderr)
    if not peak:  # not Linux: the largest single process instead
        peak = (
            max(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
            )
            * 1024
        )
    return {
        "files": len(result.files),
        "pages": result.pages,
        "seconds": result.seconds,
        "cpu": cpu_used,
        "pages_s": result.pages / result.seconds,
        "peak_mb": peak / 2**20,
    }


def main() -> None:
    from _compare import add_compare_arguments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a database to export (default: build the demo school)")
    parser.add_argument("--term", help="term name (default: the last complete term)")
    parser.add_argument("--workers", type=int, help="worker processes (default: every core)")
    parser.add_argument("--out", type=Path, help="folder for the term export (default: a temporary folder)")
    add_compare_arguments(parser)
    args = parser.parse_args()
    if args.child:
        child(args, *args.child)
    if args.compare:
        compare(args)
        return
    work = Path(tempfile.mkdtemp(prefix="songjiao-bench-"))
    db = args.db or work / "demo.sqlite3"
    # A given database is a demo school (encrypted: its administrator logs in); a new one is made here.
    store = unlock_store(resolve(db), "admin", "admin123")[0] if args.db else open_store(resolve(db))
    ctx = ServiceContext(store)
    if args.db is None:
        from app.services.demo import generate

        started = time.perf_counter()
        generate(ctx, students=300, terms=10)
        print(f"demo school built in {time.perf_counter() - started:.1f} s")
    term = pick_term(ctx, args.term)
    # The term export first, while this process has not loaded the font: its memory is then what the
    # app's exporting process really uses (the font and reportlab load only in the workers).
    term_figures = whole_term(ctx, term.id, args.out or work / "export", args.workers)
    raw = raw_reportlab()
    one_core, cpu_per_packet, pages_per_packet = packets_one_core(ctx, term.id)
    rows = [
        ("raw reportlab, 40-line CJK canvas page, 1 core", f"{raw:,.0f} pages/s"),
        (
            "archive packet, 1 core",
            f"{one_core:,.0f} pages/s ({pages_per_packet:.0f} pages, "
            f"{cpu_per_packet * 1000:.0f} ms CPU per packet)",
        ),
        (
            f"whole term {term.name}, {args.workers or os.cpu_count()} workers",
            f"{term_figures['seconds']:.1f} s, {term_figures['files']:.0f} files, {term_figures['pages']:,.0f} pages, "
            f"{term_figures['pages_s']:,.0f} pages/s",
        ),
        (
            "CPU time of that export (all processes)",
            f"{term_figures['cpu']:.1f} s = "
            f"{term_figures['cpu'] / (os.cpu_count() or 1):.1f} s of wall time on {os.cpu_count()} idle cores",
        ),
        ("peak memory (exporter + workers)", f"{term_figures['peak_mb']:.0f} MB"),
        (
            "load average when finished (other work on the machine)",
            " ".join(f"{x:.1f}" for x in os.getloadavg()),
        ),
        ("cores on this machine", str(os.cpu_count())),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'measure'.ljust(width)} | result")
    print(f"{'-' * width}-|-{'-' * 50}")
    for name, value in rows:
        print(f"{name.ljust(width)} | {value}")
    store.dispose()


def pick_term(ctx: ServiceContext, name: str | None) -> Any:
    """The term named ``name``, else the last complete one."""
    from app.services.school import list_terms

    terms = list_terms(ctx)
    today = ctx.today()
    term = (
        next((t for t in terms if t.name == name), None)
        if name
        else ([t for t in terms if t.end < today] or terms)[-1]
    )
    assert term is not None, f"no term {name}"
    return term


# --compare's schools are made for this day (the demo's terms follow it), as bench_core's and bench_editors' are.
TODAY = dt.date(2026, 11, 20)


def child(args: argparse.Namespace, kind: str, db: str) -> None:
    """One --compare run in this fresh process: its figures as JSON on the last line of stdout."""
    from _compare import open_bench_store

    store = open_bench_store(db, kind == "plaintext", migrate=False, create=False)
    ctx = ServiceContext(store, today_override=TODAY)
    term = pick_term(ctx, args.term)
    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="songjiao-bench-") as out:
        # First, as without --compare: this process has not loaded the font or reportlab yet.
        figures = whole_term(ctx, term.id, Path(out), args.workers)
    rows[
        f"whole term {term.name} ({figures['files']:.0f} files, {figures['pages']:,.0f} pages), all processes"
    ] = {
        "wall": figures["seconds"],
        "cpu": figures["cpu"],
    }
    timed = packets_timed(ctx, term.id)
    packets = f"{timed['packets']:.0f} archive packets ({timed['pages']:.0f} pages), 1 core"
    rows[f"{packets}: gather the records"] = {"wall": timed["gather_wall"], "cpu": timed["gather_cpu"]}
    rows[f"{packets}: render the PDFs"] = {"wall": timed["render_wall"], "cpu": timed["render_cpu"]}
    rows[f"{packets}: both"] = {
        "wall": timed["gather_wall"] + timed["render_wall"],
        "cpu": timed["gather_cpu"] + timed["render_cpu"],
    }
    wall, cpu = time.perf_counter(), time.process_time()
    raw_reportlab()
    rows["control: raw reportlab, 500 CJK pages (no database)"] = {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
    }
    store.dispose()
    print(json.dumps(rows, ensure_ascii=False), flush=True)
    sys.exit(0)


def compare(args: argparse.Namespace) -> None:
    """The same school encrypted and plaintext, measured alternately in fresh processes; medians side by side."""
    from _compare import alternate, build_school, load_average, print_table

    with tempfile.TemporaryDirectory(prefix="songjiao-bench-") as work:
        schools = {kind: Path(work) / f"{kind}.sqlite3" for kind in ("encrypted", "plaintext")}
        for kind, db in schools.items():
            print(
                f"building the {kind} school ({args.students} students, {args.terms} terms)…", file=sys.stderr
            )
            build_school(db, kind == "plaintext", args.students, args.terms, seed=1, today=TODAY)
        load_before = load_average()

        def run(kind: str) -> dict[str, dict[str, float]]:
            command = [sys.executable, __file__, "--child", kind, str(schools[kind])]
            command += [
                *(["--term", args.term] if args.term else []),
                *(["--workers", str(args.workers)] if args.workers else []),
            ]
            out = subprocess.run(command, capture_output=True, text=True, check=False)
            if out.returncode != 0:
                raise SystemExit(f"the {kind} run failed:\n{out.stderr[-3000:]}")
            result: dict[str, dict[str, float]] = json.loads(out.stdout.strip().splitlines()[-1])
            return result

        runs = alternate(args.repeat, run)
    print(
        f"bench_print.py --compare: demo school {args.students} students, {args.terms} terms; encrypted (SQLCipher) "
        f"against plaintext, median of {args.repeat} alternating runs each, every run a fresh process, "
        f"{args.workers or os.cpu_count()} export workers (Python {sys.version.split()[0]}, {sys.platform}, "
        f"{os.cpu_count()} cores; load average {load_before} before the runs, {load_average()} after)\n"
    )
    print_table(runs)


if __name__ == "__main__":
    main()
