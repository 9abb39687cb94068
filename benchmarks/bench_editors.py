"""Editors benchmark (not a test): the Visits page on a 50 000-visit school, and the editors' background loads.

    .venv/bin/python benchmarks/bench_editors.py --db demo.sqlite3 [--visits 50000]

Works on a copy of the database (SQLite backup API), topping it up to ``--visits`` visits by copying existing
rows with new ids. Measures, offscreen, with the real worker thread: how long the UI thread is busy building
the Visits page, until the count and the first rows are on screen, jumping to the last row, filtering; and the
worker-side duration of every service call the editors make. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TODAY = dt.date(2026, 11, 20)


def copy_and_top_up(source: Path, target: Path, visits: int) -> tuple[int, bytes | None]:
    """A copy of the (encrypted) demo database ``source``, opened by its administrator, topped up with visits."""
    from app.db.engine import connect_file
    from app.paths import resolve
    from app.services import backup
    from app.services.setup import unlock_store

    store, _admin = unlock_store(resolve(source), "admin", "admin123")
    key = store.key
    store.dispose()
    backup.copy_database(source, target, key)
    dst = connect_file(target, key)
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
    total = dst.execute("select count(*) from visit").fetchone()[0]
    dst.close()
    return total, key


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--visits", type=int, default=50_000)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from app.paths import resolve
    from app.services import ieps, plans, school, students, visits
    from app.services.context import ServiceContext, load_actor, reading
    from app.services.setup import open_store
    from app.ui.session import AppSession
    from app.ui.tasks import ThreadRunner

    work = Path(tempfile.mkdtemp(prefix="bench-editors-"))
    db = work / "school.sqlite3"
    total, key = copy_and_top_up(args.db, db, args.visits)
    app = QApplication.instance() or QApplication([])
    store = open_store(resolve(db), key=key)
    rows: list[tuple[str, str]] = [("visits in the database", str(total))]

    def actor_with(role: str) -> Any:
        from sqlalchemy import select

        from app.db.models import User

        with reading(ServiceContext(store)) as s:
            user_id = s.scalar(select(User.id).where(User.role == role).limit(1))
            return load_actor(s, user_id)

    def wait(predicate: Callable[[], bool], timeout: float = 30.0) -> float:
        start = time.perf_counter()
        while not predicate():
            app.processEvents()
            if time.perf_counter() - start > timeout:
                raise TimeoutError
            time.sleep(0.001)
        return time.perf_counter() - start

    def ms(seconds: float) -> str:
        return f"{seconds * 1000:.0f} ms"

    # --- the Visits page as the office (every visit) -----------------------------------------------------
    from app.ui.pages.visits import VisitsPage

    office = AppSession(store, ThreadRunner(), actor_with("academic_affairs"), today=TODAY)
    start = time.perf_counter()
    page = VisitsPage(office)
    page.resize(1000, 700)
    page.show()
    page.shown()
    ui_busy = time.perf_counter() - start
    rows.append(("Visits page: UI thread busy opening", ms(ui_busy)))
    rows.append(("Visits page: count on screen", ms(ui_busy + wait(lambda: page.model.rowCount() > 0))))
    first = page.model.index(0, 0)
    page.model.data(first)
    rows.append(("Visits page: first rows on screen", ms(wait(lambda: page.model.data(first) != "…"))))
    start = time.perf_counter()
    page.view.scrollToBottom()
    last = page.model.index(page.model.rowCount() - 1, 0)
    page.model.data(last)
    jump_ui = time.perf_counter() - start
    rows.append(
        (
            "Visits page: jump to the last row (UI / until shown)",
            f"{ms(jump_ui)} / {ms(jump_ui + wait(lambda: page.model.data(last) != '…'))}",
        )
    )
    start = time.perf_counter()
    page.search.setText("S01")
    page._apply_filters()
    before = page.model.rowCount()
    rows.append(
        (
            "Visits page: search filter until count shown",
            ms(time.perf_counter() - start + wait(lambda: page.model.rowCount() != before)),
        )
    )
    office.runner.shutdown()

    # --- worker-side durations of the editors' service calls --------------------------------------------
    teacher = actor_with("teacher")
    ctx = ServiceContext(store, teacher, TODAY)
    octx = ServiceContext(store, office.actor, TODAY)
    term = school.current_term(ctx)
    mine = students.list_students(ctx)
    student = mine[0].id
    visit_id = visits.list_visits(ctx, student_id=student, limit=1)[0].id

    def timed(name: str, fn: Callable[[], Any]) -> None:
        start = time.perf_counter()
        fn()
        rows.append((f"worker: {name}", ms(time.perf_counter() - start)))

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
        start = time.perf_counter()
        widget = make()
        widget.show()
        ui = time.perf_counter() - start
        total_time = ui + wait(lambda w=widget, r=ready: r(w))
        app.processEvents()
        rows.append((f"open {name} (UI thread / until shown)", f"{ms(ui)} / {ms(total_time)}"))
        widget.close()
    tsession.runner.shutdown()
    osession.runner.shutdown()
    store.dispose()
    shutil.rmtree(work, ignore_errors=True)

    print("| measure | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
