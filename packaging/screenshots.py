"""Screenshots of the main pages on the demo school, for the README (offscreen or under Xvfb).

    .venv/bin/python packaging/screenshots.py [--out docs/screenshots] [--language zh_CN] [--db demo.sqlite3]

Builds a small demo school (``songjiao demo``) in a temporary folder unless --db is given, logs in as the
academic affairs office and as a teacher, and saves one PNG per page. Chinese text needs a CJK font
(e.g. fonts-wqy-zenhei or Noto Sans CJK on Linux).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-20"
SIZE = (1366, 768)  # a common school laptop screen: everything must fit it
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: Any, runner: Any) -> None:
    end = time.perf_counter() + 20
    app.processEvents()
    while runner.busy and time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)
    for _ in range(5):
        app.processEvents()


def _save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path))
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)


def shoot(db: Path, out: Path, language: str) -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from app.paths import resolve
    from app.services import students, users
    from app.services.context import ServiceContext
    from app.services.setup import unlock_store
    from app.ui import i18n
    from app.ui.app import Controller, make_application
    from app.ui.dialogs.login import LoginDialog
    from app.ui.pages.student import StudentPage

    app = make_application([])
    if language == "zh_CN":
        # The font the app ships for printing, so the pictures need no CJK font installed on this machine.
        from PySide6.QtGui import QFontDatabase

        from app.paths import RESOURCES

        QFontDatabase.addApplicationFont(str(RESOURCES / "fonts" / "wqy-zenhei.ttc"))
        app.setFont(QFont("WenQuanYi Zen Hei", 10))
    i18n.install_translators(language)
    today = dt.date.fromisoformat(TODAY)
    controller = Controller(resolve(db), today=today, language=language)
    controller.store, _admin = unlock_store(resolve(db), "admin", "admin123")  # the demo's administrator
    ctx = ServiceContext(controller.store, today_override=today)
    suffix = "" if language == "zh_CN" else "-en"

    login = LoginDialog(controller.store, last_user="office", today=today)
    login.resize(420, 460)
    login.show()
    app.processEvents()
    _save(login, out / f"login{suffix}.png")
    login.close()

    office = users.authenticate(ctx, "office", "office123")
    window = controller.show_main(office)
    window.resize(*SIZE)
    _settle(app, controller.runner)
    for key in ("home", "students", "plans", "visits", "compliance", "exchange", "export", "settings"):
        window.show_page(key)
        _settle(app, controller.runner)
        _save(window, out / f"office-{key}{suffix}.png")
    student_id = students.list_students(ServiceContext(controller.store, office), limit=1)[0].id
    window.open_detail(StudentPage(window.session, student_id, window))
    _settle(app, controller.runner)
    _save(window, out / f"student{suffix}.png")
    window.close()

    teacher_name = users.list_users(ctx, role="teacher")[0].username
    teacher = users.authenticate(ctx, teacher_name, "teacher123")
    window = controller.show_main(teacher)
    window.resize(*SIZE)
    _settle(app, controller.runner)
    _save(window, out / f"teacher-home{suffix}.png")
    window.show_page("compliance")
    _settle(app, controller.runner)
    _save(window, out / f"teacher-compliance{suffix}.png")
    _editors(window, controller, app, out, suffix)
    window.close()
    controller.runner.shutdown()
    QApplication.processEvents()


def _editors(window: Any, controller: Any, app: Any, out: Path, suffix: str) -> None:
    """The two windows a teacher uses most: a visit record made from the plan, next month's plan copied."""
    from app.services import planning, plans, visits
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.editors.windows import open_window

    ctx = window.session.ctx
    month = TODAY[:7]
    following = f"{int(month[:4]) + int(month[5:]) // 12}-{int(month[5:]) % 12 + 1:02d}"
    summaries = [
        s for s in plans.list_visible_plans(ctx, month) if s.month == month and s.status == "approved"
    ]
    for summary in summaries:
        plan = plans.get_plan(ctx, summary.id)
        records = {
            visits.get_visit(ctx, v.id).planned_visit_id: v
            for v in visits.list_visits(ctx, student_id=plan.student_id, limit=None)
        }
        # The demo made a record for each planned visit; one still to be finished, else a new one from the plan.
        waiting = [
            records[p.id].id for p in plan.visits if p.id in records and records[p.id].status == "planned"
        ]
        free = [p.id for p in plan.visits if p.id not in records]
        if waiting or free:
            visit_id = (
                waiting[0]
                if waiting
                else visits.create_visit(ctx, plan.student_id, planned_visit_id=free[0]).id
            )
            editor = open_window(VisitEditor(window.session, visit_id), "visit")
            _settle(app, controller.runner)
            _save(editor, out / f"teacher-visit{suffix}.png")
            editor.close()
            break
    for summary in summaries:
        if plans.find_plan(ctx, summary.student_id, following) is None:
            editor = open_window(PlanEditor(window.session, summary.student_id, following), "plan")
            _settle(app, controller.runner)
            editor._copied(planning.copy_last_month(ctx, summary.student_id, following))
            _settle(app, controller.runner)
            _save(editor, out / f"teacher-plan-copied{suffix}.png")
            editor.set_clean()
            editor.close()
            break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--db", type=Path)
    parser.add_argument("--students", type=int, default=60)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "demo.sqlite3"
        if args.db is None:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "app",
                    "--db",
                    str(db),
                    "demo",
                    "--students",
                    str(args.students),
                    "--terms",
                    "2",
                    "--today",
                    TODAY,
                ],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
        shoot(db, args.out, args.language)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown: PySide6 objects collected late can crash it


if __name__ == "__main__":
    sys.exit(main())
