"""Editors benchmark (not a test): the Visits page on a 50 000-visit school, and the editors' background loads.

    .venv/bin/python benchmarks/bench_editors.py --db demo.sqlite3 [--visits 50000]
    .venv/bin/python benchmarks/bench_editors.py --compare [--repeat 3] [--students 300] [--terms 10] [--visits 50000]

Works on a copy of the database (SQLite backup API), topping it up to ``--visits`` visits by copying existing
rows with new ids. Measures, offscreen, with the real worker thread: how long the UI thread is busy building
the Visits page, until the count and the first rows are on screen, jumping to the last row, filtering; and the
worker-side duration of every service call the editors make. Prints a Markdown table.

--compare (issue 12: encrypted within 15 % of plaintext) builds the demo school twice, as an encrypted file
as the app makes it and as a plaintext one (benchmarks/_compare.py), tops both up alike, then measures each
``--repeat`` times, alternately, every run in a fresh process (a cold page cache, as when the app starts),
and prints the medians side by side: wall clock and CPU time of the process (all its threads) per measure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TODAY = dt.date(2026, 11, 20)


def copy_and_top_up(source: Path, target: Path, visits: int) -> tuple[int, bytes | None]:
    """A copy of the (encrypted) demo database ``source``, opened by its administrator, topped up with visits."""
    from app.paths import resolve
    from app.services import backup
    from app.services.setup import unlock_store

    store, _admin = unlock_store(resolve(source), "admin", "admin123")
    key = store.key
    store.dispose()
    backup.copy_database(source, target, key)
    return top_up(target, key, visits), key


def top_up(db: Path, key: bytes | None, visits: int) -> int:
    """Copies of existing visits (new ids) added to the closed database ``db`` until it holds ``visits``."""
    from app.db.engine import connect_file

    dst = connect_file(db, key)
    have = dst.execute("select count(*) from visit").fetchone()[0]
    columns = [r[1] for r in dst.execute("pragma table_info(visit)")]
    rows = dst.execute(
        f"select {', '.join(columns)} from visit where makeup_of_id is null "
        f"and planned_visit_id is null and signature_id is null"
    ).fetchall()
    index = columns.index("id")
    n = 0
    while have + n < visits and rows:
        row = list(rows[n % len(rows)])
        row[index] = str(uuid.uuid4())
        dst.execute(f"insert into visit ({', '.join(columns)}) values ({', '.join('?' * len(columns))})", row)
        n += 1
    dst.commit()
    total: int = dst.execute("select count(*) from visit").fetchone()[0]
    dst.close()
    return total


class Row(NamedTuple):
    """One measure: wall and CPU seconds (the process's, all threads) until done, and of the UI thread's part
    when the measure has one (opening a widget: the UI thread busy, then its data loaded in the background)."""

    name: str
    wall: float
    cpu: float
    ui_wall: float | None = None
    ui_cpu: float | None = None


class Clock:
    """Wall and CPU time from a start."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def measure(app: Any, store: Any, total: int) -> list[Row]:
    """Every measure on the open ``store`` (whose visit table holds ``total`` rows), offscreen."""
    from app.services import ieps, plans, school, students, visits
    from app.services.context import ServiceContext, load_actor, reading
    from app.ui.session import AppSession
    from app.ui.tasks import ThreadRunner

    rows: list[Row] = []

    def actor_with(role: str) -> Any:
        from sqlalchemy import select

        from app.db.models import User

        with reading(ServiceContext(store)) as s:
            user_id = s.scalar(select(User.id).where(User.role == role).limit(1))
            return load_actor(s, user_id)

    def wait(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
        start = time.perf_counter()
        while not predicate():
            app.processEvents()
            if time.perf_counter() - start > timeout:
                raise TimeoutError
            time.sleep(0.001)

    # --- the Visits page as the office (every visit) -----------------------------------------------------
    from app.ui.pages.visits import VisitsPage

    office = AppSession(store, ThreadRunner(), actor_with("academic_affairs"), today=TODAY)
    clock = Clock()
    page = VisitsPage(office)
    page.resize(1000, 700)
    page.show()
    page.shown()
    rows.append(Row("Visits page: UI thread busy opening", *clock.lap()))
    wait(lambda: page.model.rowCount() > 0)
    rows.append(Row("Visits page: count on screen", *clock.lap()))
    first = page.model.index(0, 0)
    page.model.data(first)
    clock = Clock()
    wait(lambda: page.model.data(first) != "…")
    rows.append(Row("Visits page: first rows on screen", *clock.lap()))
    clock = Clock()
    page.view.scrollToBottom()
    last = page.model.index(page.model.rowCount() - 1, 0)
    page.model.data(last)
    jump_ui = clock.lap()
    wait(lambda: page.model.data(last) != "…")
    rows.append(Row("Visits page: jump to the last row", *clock.lap(), *jump_ui))
    clock = Clock()
    page.search.setText("S01")
    # The call below stands for the typing pause's timer; left running, the timer would filter again later, on
    # a new connection (the runner below is shut down), in the middle of the editors' measures.
    page._typing.stop()
    page._apply_filters()
    before = page.model.rowCount()
    wait(lambda: page.model.rowCount() != before)
    rows.append(Row("Visits page: search filter until count shown", *clock.lap()))
    office.runner.shutdown()
    page.close()

    # --- worker-side durations of the editors' service calls --------------------------------------------
    teacher = actor_with("teacher")
    ctx = ServiceContext(store, teacher, TODAY)
    octx = ServiceContext(store, office.actor, TODAY)
    term = school.current_term(ctx)
    mine = students.list_students(ctx)
    student = mine[0].id
    visit_id = visits.list_visits(ctx, student_id=student, limit=1)[0].id

    def timed(name: str, fn: Callable[[], Any]) -> None:
        clock = Clock()
        fn()
        rows.append(Row(f"worker: {name}", *clock.lap()))

    from app.ui.pages.plans import my_plans
    from app.ui.pages.plans_queue import load_review
    from app.ui.pages.student_tabs import planned_not_recorded

    timed("count_visits (office, all)", lambda: visits.count_visits(octx))
    timed("list_visits page 0 (office)", lambda: visits.list_visits(octx, offset=0, limit=200))
    timed("list_visits last page (office)", lambda: visits.list_visits(octx, offset=total - 200, limit=200))
    timed("list_visits page 0 (teacher)", lambda: visits.list_visits(ctx, offset=0, limit=200))
    timed("IEP editor load (find_iep)", lambda: ieps.find_iep(ctx, student, term.id if term else ""))
    timed("visit editor load", lambda: visits.visit_for_editing(ctx, visit_id))
    timed("plans page (teacher's plans)", lambda: my_plans(ctx))
    queue = plans.office_queue(octx)
    timed("office queue", lambda: plans.office_queue(octx))
    if queue:
        timed("queue: plan beside IEP", lambda: load_review(octx, queue[0].id))
    timed("visits tab: planned not recorded", lambda: planned_not_recorded(ctx, student))

    # --- opening each editor with the real worker: UI thread busy / until its data is on screen ------------
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.plans_queue import PlanQueue

    tsession = AppSession(store, ThreadRunner(), teacher, today=TODAY)
    osession = AppSession(store, ThreadRunner(), office.actor, today=TODAY)
    month = TODAY.strftime("%Y-%m")
    editors: list[tuple[str, Callable[[], Any], Callable[[Any], bool]]] = [
        ("IEP editor", lambda: IepEditor(tsession, student), lambda w: w.detail is not None),
        ("plan editor", lambda: PlanEditor(tsession, student, month), lambda w: w.title.text() != ""),
        ("visit editor", lambda: VisitEditor(tsession, visit_id), lambda w: w.detail is not None),
        ("approval queue", lambda: PlanQueue(osession), lambda w: w.table.rowCount() > 0 or not queue),
        (
            "contacts",
            lambda: ContactsPanel(tsession, student),
            lambda w: w.table.rowCount() > 0,
        ),  # the demo logs contacts for everyone
        (
            "lesson plans",
            lambda: LessonPlanLibrary(tsession),
            lambda w: w.form.widgets["student_id"].count() > 1,
        ),
    ]
    for name, make, ready in editors:
        clock = Clock()
        widget = make()
        widget.show()
        ui = clock.lap()
        wait(lambda w=widget, r=ready: r(w))
        rows.append(Row(f"open {name}", *clock.lap(), *ui))
        app.processEvents()
        widget.close()
    tsession.runner.shutdown()
    osession.runner.shutdown()
    return rows


def main() -> int:
    from _compare import add_compare_arguments

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a demo school (encrypted: its administrator logs in)")
    parser.add_argument("--visits", type=int, default=50_000)
    add_compare_arguments(parser)
    args = parser.parse_args()
    if args.child:
        return child(*args.child)
    if args.compare:
        return compare(args)
    if args.db is None:
        parser.error("--db is required (or --compare, which builds its own schools)")

    from PySide6.QtWidgets import QApplication

    from app.paths import resolve
    from app.services.setup import open_store

    work = Path(tempfile.mkdtemp(prefix="bench-editors-"))
    db = work / "school.sqlite3"
    total, key = copy_and_top_up(args.db, db, args.visits)
    app = QApplication.instance() or QApplication([])
    store = open_store(resolve(db), key=key)
    measured = measure(app, store, total)
    store.dispose()
    shutil.rmtree(work, ignore_errors=True)

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    print("| measure | value |\n|---|---|")
    print(f"| visits in the database | {total} |")
    for row in measured:
        if row.ui_wall is None:
            print(f"| {row.name} | {ms(row.wall)} |")
        else:
            print(f"| {row.name} (UI thread / until shown) | {ms(row.ui_wall)} / {ms(row.wall)} |")
    return 0


def child(kind: str, db: str) -> int:
    """One --compare run in this fresh process: every measure, as JSON on the last line of stdout."""
    from _compare import open_bench_store
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    began = Clock()
    store = open_bench_store(db, kind == "plaintext", migrate=False, create=False)
    total = store_visits(store)
    measured: dict[str, dict[str, float]] = {}
    for row in measure(app, store, total):
        if row.ui_wall is None:
            measured[row.name] = {"wall": row.wall, "cpu": row.cpu}
        else:
            assert row.ui_cpu is not None
            measured[f"{row.name}: UI thread"] = {"wall": row.ui_wall, "cpu": row.ui_cpu}
            measured[f"{row.name}: until shown"] = {"wall": row.wall, "cpu": row.cpu}
    store.dispose()
    wall, cpu = began.lap()
    measured["the whole run (open, every measure above)"] = {"wall": wall, "cpu": cpu}
    print(json.dumps({"visits": total, "rows": measured}), flush=True)
    os._exit(0)  # skip interpreter teardown: PySide6 objects collected late can crash it


def store_visits(store: Any) -> int:
    from sqlalchemy import func, select

    from app.db.models import Visit
    from app.services.context import ServiceContext, reading

    with reading(ServiceContext(store)) as s:
        return int(s.scalar(select(func.count()).select_from(Visit)) or 0)


def compare(args: argparse.Namespace) -> int:
    """The same school encrypted and plaintext, measured alternately in fresh processes; medians side by side."""
    from _compare import BENCH_KEY, alternate, build_school, load_average, print_table

    with tempfile.TemporaryDirectory(prefix="bench-editors-") as work:
        schools = {kind: Path(work) / f"{kind}.sqlite3" for kind in ("encrypted", "plaintext")}
        totals = set()
        for kind, db in schools.items():
            print(
                f"building the {kind} school ({args.students} students, {args.terms} terms)…", file=sys.stderr
            )
            build_school(db, kind == "plaintext", args.students, args.terms, seed=1, today=TODAY)
            totals.add(top_up(db, None if kind == "plaintext" else BENCH_KEY, args.visits))
        load_before = load_average()

        def run(kind: str) -> dict[str, dict[str, float]]:
            out = subprocess.run(
                [sys.executable, __file__, "--child", kind, str(schools[kind])],
                capture_output=True,
                text=True,
                check=False,
            )
            if out.returncode != 0:
                raise SystemExit(f"the {kind} run failed:\n{out.stderr[-3000:]}")
            result: dict[str, dict[str, float]] = json.loads(out.stdout.strip().splitlines()[-1])["rows"]
            return result

        runs = alternate(args.repeat, run)
    print(
        f"bench_editors.py --compare: demo school {args.students} students, {args.terms} terms, "
        f"{'/'.join(str(t) for t in sorted(totals))} visits; encrypted (SQLCipher) against plaintext, median of "
        f"{args.repeat} alternating runs each, every run a fresh process (Python {sys.version.split()[0]}, "
        f"{sys.platform}, {os.cpu_count()} cores; load average {load_before} before the runs, "
        f"{load_average()} after)\n"
    )
    print_table(runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
