"""Walk the daily workflows through the real windows and count what a person has to do (issue 9).

    .venv/bin/python benchmarks/walk.py [--db existing-demo.sqlite3] [--students 20]

Builds the demo school (``songjiao demo --students 20 --terms 1``) unless --db is given, opens the real main
window offscreen with the real ThreadRunner, and walks three workflows as a user would: every click, key chord
and typed field goes through a helper of :class:`Walk` that both performs it (QTest events on the widget) and
counts it. The walk fills in only what the screen does not already show correctly, so whatever the app
prefills is not counted. Prints one line per workflow::

    visit-from-plan: N interactions, E error dialogs

- visit-from-plan: a teacher, from the This-week page, records a visit of an approved plan's planned visit:
  the planned lessons, times, the plan's teachers, place and caregivers as at the last visit, health today,
  performance, the result of the objective worked on, the plan's family task as homework, the next visit's
  date, the caregiver's signature; finished and locked.
- plan-copy-forward: a teacher writes next month's plan for a student whose this month's plan is approved:
  the same lessons on the same weekdays of the new month (school days of the term calendar), the same
  objectives, materials, family tasks and safety notes; submitted for approval.
- approve: the office approves the next waiting plan right after approving one (the steady state of working
  through the queue); the walk checks that the panes show the highlighted plan before it approves.

An error dialog (a warning or critical message box) is counted, dismissed (one more interaction) and the walk
goes on; the script exits non-zero when a workflow did not reach its end state (checked through the services).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
TODAY = dt.date(2026, 11, 20)

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, qInstallMessageHandler  # noqa: E402
from PySide6.QtGui import QKeyEvent, QMouseEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QWidget,
)


def _quiet(_kind: Any, _context: Any, message: str) -> None:
    if "This plugin does not support" not in message:  # the offscreen platform's notes on every window
        sys.stderr.write(message + "\n")


class Walk(QObject):
    """Performs and counts interactions; answers and counts message boxes; waits for the worker thread."""

    def __init__(self, app: QApplication, runner: Any) -> None:
        super().__init__()
        self.app, self.runner = app, runner
        self.count = 0
        self.errors = 0
        self.log: list[str] = []
        app.installEventFilter(self)

    def reset(self) -> None:
        self.count, self.errors, self.log = 0, 0, []

    def _step(self, what: str) -> None:
        self.count += 1
        self.log.append(what)

    # --- waiting ----------------------------------------------------------------------------------------

    def idle(self, limit: float = 20.0) -> None:
        """Until the worker has delivered everything (callbacks may submit more) and events are processed."""
        end = time.perf_counter() + limit
        quiet = 0
        while quiet < 3 and time.perf_counter() < end:
            self.app.processEvents()
            if self.runner.busy:
                quiet = 0
                time.sleep(0.002)
            else:
                quiet += 1
                time.sleep(0.005)
        self.app.processEvents()

    def until(self, condition: Callable[[], Any], what: str, limit: float = 20.0) -> Any:
        end = time.perf_counter() + limit
        while time.perf_counter() < end:
            self.idle()
            value = condition()
            if value:
                return value
        raise SystemExit(f"walk: timed out waiting for {what}")

    # --- message boxes -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Show and isinstance(watched, QMessageBox):
            QTimer.singleShot(0, lambda box=watched: self._answer(box))
        return False

    def _answer(self, box: QMessageBox) -> None:
        if not box.isVisible():
            return
        if box.icon() in (QMessageBox.Icon.Warning, QMessageBox.Icon.Critical):
            self.errors += 1
            self.log.append(f"ERROR DIALOG: {box.text()}")
        # A question is answered with its default button (what Enter does): one interaction either way.
        button = box.defaultButton() or box.escapeButton() or (box.buttons() or [None])[0]
        self._step(f"answer {box.text()[:40]!r}")
        if button is not None:
            button.click()
        else:
            box.done(0)

    # --- interactions ------------------------------------------------------------------------------------

    def click(self, widget: QWidget, what: str = "") -> None:
        assert widget.isVisible() and widget.isEnabled(), f"cannot click {what or widget}"
        self._step(f"click {what or _name(widget)}")
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.idle()

    def key(self, widget: QWidget, key: Qt.Key, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
        self._step(f"key {key.name} on {_name(widget)}")
        QTest.keyClick(widget, key, modifier)
        self.idle()

    def type(self, widget: QLineEdit | QPlainTextEdit, text: str, what: str = "") -> None:
        """One typed field: click into it, replace what is there, type."""
        if _text_of(widget) == text:
            return  # already shown: nothing to do
        self._step(f"type {what or _name(widget)}")
        QTest.mouseClick(
            widget if isinstance(widget, QLineEdit) else widget.viewport(), Qt.MouseButton.LeftButton
        )
        QTest.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(widget, Qt.Key.Key_Delete)
        type_text(widget, text)
        self.idle()

    def click_cell(self, view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
        index = view.model().index(row, column)
        view.scrollTo(index)
        self.app.processEvents()
        centre = view.visualRect(index).center()
        self._step(f"{'double-' if double else ''}click row {row} of {_name(view)}")
        if double:
            # A double click: press and release twice; QTest.mouseDClick alone does not emit doubleClicked.
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
            QTest.mouseDClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
        else:
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
            )
        self.idle()

    def type_cell(self, table: QTableWidget, row: int, column: int, text: str) -> None:
        """One typed field in a table: double-click the cell, type, Enter."""
        item = table.item(row, column)
        if item is not None and item.text() == text:
            return
        index = table.model().index(row, column)
        table.scrollTo(index)
        self.app.processEvents()
        self._step(f"type cell {row},{column} of {_name(table)}")
        centre = table.visualRect(index).center()
        QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
        self.app.processEvents()
        editor = QApplication.focusWidget()
        if isinstance(editor, QLineEdit):
            editor.selectAll()
            type_text(editor, text)
            QTest.keyClick(editor, Qt.Key.Key_Return)
        elif isinstance(editor, QPlainTextEdit):  # a cell of several lines: Tab leaves it and commits
            editor.selectAll()
            type_text(editor, text)
            QTest.keyClick(editor, Qt.Key.Key_Tab)
        else:  # no editor opened (read-only cell): make the failure visible
            raise SystemExit(f"walk: cell {row},{column} of {_name(table)} did not open an editor")
        self.idle()

    def check(self, items: QListWidget, wanted: set[str]) -> None:
        """Tick exactly the items whose key is in ``wanted``: one click per item that changes."""
        for row in range(items.count()):
            item = items.item(row)
            on = item.checkState() == Qt.CheckState.Checked
            if on == (item.data(Qt.ItemDataRole.UserRole) in wanted):
                continue
            items.scrollToItem(item)
            self.app.processEvents()
            rect = items.visualItemRect(item)
            # The check box sits at the left of the row.
            spot = QPoint(rect.left() + rect.height() // 2, rect.center().y())
            self._step(f"tick {item.text()[:20]!r}")
            QTest.mouseClick(
                items.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, spot
            )
            self.idle()
            if (item.checkState() == Qt.CheckState.Checked) == on:
                raise SystemExit(f"walk: clicking did not tick {item.text()!r}")

    def choose(self, box: QComboBox, data: Any) -> None:
        """Pick an entry of a drop-down: open it (one click), click the entry (one click)."""
        index = box.findData(data)
        if index < 0:
            raise SystemExit(f"walk: {data!r} is not in {_name(box)}")
        if box.currentIndex() == index:
            return
        self._step(f"open {_name(box)}")
        QTest.mouseClick(box, Qt.MouseButton.LeftButton)
        self.app.processEvents()
        view = box.view()
        self._step(f"pick {box.itemText(index)!r}")
        if view.isVisible():
            model_index = view.model().index(index, box.modelColumn())
            view.scrollTo(model_index)
            QTest.mouseClick(
                view.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                view.visualRect(model_index).center(),
            )
        if (
            box.currentIndex() != index
        ):  # offscreen popups do not always take the click: same outcome, by keys
            box.hidePopup()
            box.setCurrentIndex(index)
        self.idle()

    def tab(self, tabs: QTabWidget, title: str) -> None:
        for index in range(tabs.count()):
            if tabs.tabText(index).replace("&", "") == title:
                if tabs.currentIndex() == index:
                    return
                bar = tabs.tabBar()
                self._step(f"tab {title}")
                QTest.mouseClick(
                    bar,
                    Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier,
                    bar.tabRect(index).center(),
                )
                self.idle()
                return
        raise SystemExit(f"walk: no tab {title!r}")

    def draw(self, pad: QWidget) -> None:
        """A signature: one stroke across the pad (press, moves, release)."""
        self._step("sign")
        pad.setFocus()
        width, height = pad.width(), pad.height()
        points = [
            QPointF(width * (0.15 + 0.07 * i), height * (0.5 + (0.2 if i % 2 else -0.2))) for i in range(10)
        ]

        def send(kind: QEvent.Type, point: QPointF, buttons: Any) -> None:
            event = QMouseEvent(
                kind,
                point,
                pad.mapToGlobal(point),
                Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton,
                buttons,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(pad, event)

        left = Qt.MouseButton.LeftButton
        send(QEvent.Type.MouseButtonPress, points[0], left)
        for point in points[1:]:
            send(QEvent.Type.MouseMove, point, left)
        send(QEvent.Type.MouseButtonRelease, points[-1], Qt.MouseButton.NoButton)
        self.idle()

    def nav(self, window: Any, key: str) -> None:
        for row in range(window.nav.count()):
            item = window.nav.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                self._step(f"navigate to {key}")
                rect = window.nav.visualItemRect(item)
                QTest.mouseClick(
                    window.nav.viewport(),
                    Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier,
                    rect.center(),
                )
                self.idle()
                return
        raise SystemExit(f"walk: no page {key!r}")


def type_text(widget: QWidget, text: str) -> None:
    """Key events carrying each character (QTest.keyClicks knows only ASCII; the records are Chinese)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


def _name(widget: QWidget) -> str:
    return widget.accessibleName() or widget.objectName() or type(widget).__name__


def _text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return ""


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose label (without its mnemonic) is ``text``."""
    for candidate in parent.findChildren(QAbstractButton):
        if candidate.text().replace("&", "") == text and candidate.isVisible():
            return candidate
    raise SystemExit(f"walk: no visible button {text!r} in {_name(parent)}")


def row_of(table: QTableWidget, key: str, role: int = Qt.ItemDataRole.UserRole) -> int:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(role) == key:
            return row
    raise SystemExit(f"walk: no row for {key} in {_name(table)}")


# --- the demo school and the targets ----------------------------------------------------------------------


def build_demo(db: Path, students: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "app", "--db", str(db), "demo", "--students", str(students), "--terms", "1"]
        + ["--today", TODAY.isoformat()],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12}-{number % 12 + 1:02d}"


class School:
    """Service-level access for choosing the walk's records and checking its outcomes (not counted)."""

    def __init__(self, store: Any) -> None:
        from app.services import users
        from app.services.context import ServiceContext

        self.store = store
        base = ServiceContext(store, today_override=TODAY)
        self.teacher = users.authenticate(
            base, users.list_users(base, role="teacher")[0].username, "teacher123"
        )
        self.office = users.authenticate(base, "office", "office123")

    def ctx(self, actor: Any) -> Any:
        from app.services.context import ServiceContext

        return ServiceContext(self.store, actor, today_override=TODAY)

    def visit_target(self) -> tuple[str, Any, Any, Any]:
        """A student, an approved plan's planned visit with no record, the plan, the last done visit."""
        from app.services import plans, visits

        ctx = self.ctx(self.teacher)
        month = TODAY.strftime("%Y-%m")
        for summary in plans.list_visible_plans(ctx, month):
            if summary.month != month:
                continue
            plan = plans.get_plan(ctx, summary.id)
            if not plan.is_approved:
                continue
            rows = visits.list_visits(ctx, student_id=plan.student_id, limit=None)
            details = [visits.get_visit(ctx, r.id) for r in rows]
            taken = {d.planned_visit_id for d in details if d.status != "cancelled"}
            open_ = [v for v in plan.visits if v.id not in taken and v.date <= TODAY]
            done = sorted((d for d in details if d.status == "done"), key=lambda d: d.date)
            if open_ and done:
                return plan.student_id, open_[-1], plan, done[-1]
        raise SystemExit("walk: the demo has no approved plan with a planned visit left to record")

    def copy_target(self) -> tuple[str, Any]:
        """A student with this month's plan approved and no plan for next month."""
        from app.services import plans

        ctx = self.ctx(self.teacher)
        month = TODAY.strftime("%Y-%m")
        for summary in plans.list_visible_plans(ctx, month):
            if summary.month != month or summary.status != "approved":
                continue
            if plans.find_plan(ctx, summary.student_id, next_month(month)) is None:
                return summary.student_id, plans.get_plan(ctx, summary.id)
        raise SystemExit("walk: the demo has no approved plan without a next month's plan")


# --- the workflows ------------------------------------------------------------------------------------------


def walk_visit(walk: Walk, window: Any, school: School) -> bool:
    from app.services import visits
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.editors.windows import open_windows

    student_id, planned, plan, last = school.visit_target()
    home = window.show_page("home")
    walk.until(lambda: home.table.rowCount(), "the This-week table")
    walk.click_cell(home.table, row_of(home.table, student_id), double=True)
    page = walk.until(lambda: window.detail, "the student page")
    walk.tab(page.tabs, _tab_title(page, "visits"))
    tab = walk.until(
        lambda: page.tabs.currentWidget() if hasattr(page.tabs.currentWidget(), "planned") else None,
        "the Visits tab",
    )
    walk.until(lambda: tab.planned.count(), "the planned visits")
    walk.choose(tab.planned, planned.id)
    walk.click(tab.record_button, "record planned visit")
    editor = walk.until(
        lambda: next((w for w in open_windows() if isinstance(w, VisitEditor)), None), "the visit editor"
    )
    walk.until(lambda: editor.detail is not None and editor.progress.rowCount(), "the visit record")
    fill_visit(walk, editor, planned, plan, last)
    walk.click(button(editor, _t(editor, "&Finish and lock")), "finish")
    walk.idle()
    done = visits.get_visit(school.ctx(school.teacher), editor.visit_id)
    editor.close()
    walk.idle()
    return done.status == "done" and bool(done.signature_id)


def _t(widget: QWidget, text: str) -> str:
    return widget.tr(text).replace("&", "")


def _tab_title(page: Any, key: str) -> str:
    from app.ui.pages.registry import student_tabs_for

    for spec in student_tabs_for(page.session.actor.role):
        if spec.key == key:
            return str(spec.translated_title())
    raise SystemExit(f"walk: no student tab {key}")


def fill_visit(walk: Walk, editor: Any, planned: Any, plan: Any, last: Any) -> None:
    """What the finished record must say; the walk types only what differs from what is shown."""
    from app.ui.widgets.check_list import checked_keys

    form, notes = editor.form, editor.notes
    start, _, end = planned.time_slot.partition("-")
    walk.type(form.widgets["start_time"], start, "start time")
    walk.type(form.widgets["end_time"], end, "end time")
    wanted = {plan.teacher_id, *plan.co_teacher_ids}
    if set(checked_keys(editor.teachers)) != wanted:
        walk.check(editor.teachers, wanted)
    walk.type(form.widgets["place"], last.values.get("place", ""), "place")
    walk.type(form.widgets["caregivers_present"], last.values.get("caregivers_present", ""), "caregivers")
    walk.type(form.widgets["health"], "良好", "health")
    # The planned lessons: one row per lesson with the plan's subject and content.
    lessons = list(planned.content)
    while editor.lessons.rowCount() < len(lessons):
        walk.click(editor.add_lesson, "add lesson")
    for row, lesson in enumerate(lessons):
        walk.type_cell(editor.lessons, row, 0, lesson.subject)
        walk.type_cell(editor.lessons, row, 1, lesson.content)
    walk.type(notes.widgets["performance"], "能在提示下完成训练，注意力比上次集中", "performance")
    walk.type(notes.widgets["homework"], plan.family_tasks, "homework")
    later = [v.date for v in plan.visits if v.date > planned.date]
    if later:
        walk.type(notes.widgets["next_visit_on"], later[0].isoformat(), "next visit")
    worked_on = [i for lesson in lessons for i in lesson.objective_ids][:1]
    for row in range(editor.progress.rowCount()):
        item = editor.progress.item(row, 0)
        if item.data(Qt.ItemDataRole.UserRole) in worked_on:
            walk.choose(editor.progress.cellWidget(row, 1), "P")
    walk.draw(editor.pad)


def walk_copy_forward(walk: Walk, window: Any, school: School) -> bool:
    from app.services import planning, plans
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.windows import open_windows

    student_id, last = school.copy_target()
    month = next_month(last.month)
    # What the new plan must say: last month's visits on the same weekdays, one per week as the rule needs,
    # holidays skipped (the rule of app.domain.planning.copy_forward, which the walk does by hand if it must).
    copy = planning.copy_last_month(school.ctx(school.teacher), student_id, month)
    home = window.show_page("home")
    walk.until(lambda: home.table.rowCount(), "the This-week table")
    walk.click_cell(home.table, row_of(home.table, student_id), double=True)
    page = walk.until(lambda: window.detail, "the student page")
    walk.tab(page.tabs, _tab_title(page, "plans"))
    tab = walk.until(
        lambda: page.tabs.currentWidget() if hasattr(page.tabs.currentWidget(), "month") else None,
        "the Monthly plans tab",
    )
    walk.type(tab.month, month, "month")
    walk.click(tab.open_button, "open or write plan")
    editor = walk.until(
        lambda: next((w for w in open_windows() if isinstance(w, PlanEditor)), None), "the plan editor"
    )
    walk.until(lambda: editor.objectives.count(), "the plan editor's objectives")
    fill_plan(walk, editor, last, copy)
    if not editor.submit_button.isEnabled():  # a plan not yet saved cannot be submitted
        walk.click(editor.save_button, "save")
    walk.click(editor.submit_button, "submit")
    walk.idle()
    made = plans.find_plan(school.ctx(school.teacher), student_id, month)
    editor.close()
    walk.idle()
    return (
        made is not None
        and made.status == "submitted"
        and [(v.date, v.time_slot, v.lessons, v.content) for v in made.visits]
        == [(v.date, v.time_slot, v.lessons, v.content) for v in copy.visits]
    )


def fill_plan(walk: Walk, editor: Any, last: Any, copy: Any) -> None:
    copy_button = next(
        (b for b in editor.findChildren(QAbstractButton) if b.objectName() == "copy_last_month"), None
    )
    if copy_button is not None and copy_button.isVisible():
        walk.click(copy_button, "copy last month")
    from app.ui.editors.plan_editor import visit_rows

    table = editor.visits
    for n, row in enumerate(visit_rows(copy)):
        if table.rowCount() <= n:
            walk.click(editor.add_visit, "add visit")
        for column, key in enumerate(("date", "time_slot", "lessons", "subject", "content")):
            text = str(row[key])
            if table.item(n, column) is not None and table.item(n, column).text() == text:
                continue
            # Several lines in one cell are typed as one field (Shift+Enter between lines is typing).
            walk.type_cell(table, n, column, text.replace("\n", " / "))
            table.item(n, column).setText(text)
        if set(editor.visits.objectives_of(n)) != set(row["objective_ids"]):
            walk.click_cell(table, n, 0)
            walk.check(editor.objectives, set(row["objective_ids"]))
    for key in ("materials", "family_tasks", "safety_notes"):
        walk.type(editor.form.widgets[key], getattr(last, key), key)


def walk_approve(walk: Walk, window: Any, school: School) -> bool:
    from app.services import plans

    page = window.pages.get("plans")
    if page is None or window.current_page() is not page:
        walk.nav(window, "plans")
        page = window.pages["plans"]
    queue = page.queue
    walk.until(lambda: queue._rows, "the approval queue")
    row = max(queue.table.currentRow(), 0)
    wanted = queue._rows[row].id
    if queue.plan is None or queue.plan.id != wanted:
        # The panes show another plan than the highlighted row: a person clicks away and back to see it.
        other = 1 if row == 0 and len(queue._rows) > 1 else 0
        walk.click_cell(queue.table, other)
        walk.click_cell(queue.table, row)
        walk.until(lambda: queue.plan is not None and queue.plan.id == wanted, "the highlighted plan")
    walk.click(queue.approve_button, "approve")
    walk.until(lambda: wanted not in [r.id for r in queue._rows], "the queue after approving")
    return plans.get_plan(school.ctx(school.office), wanted).is_approved


# --- main ---------------------------------------------------------------------------------------------------


def open_window(controller: Any, actor: Any, walk: Walk) -> Any:
    window = controller.show_main(actor)
    window.resize(1366, 740)
    walk.idle()
    return window


@dataclass(frozen=True)
class Result:
    workflow: str
    completed: bool
    interactions: int
    error_dialogs: int
    log: tuple[str, ...]

    def line(self) -> str:
        return f"{self.workflow}: {self.interactions} interactions, {self.error_dialogs} error dialogs"


def walk_all(db: Path) -> list[Result]:
    """The three workflows on the demo database ``db`` (it is changed), in the running QApplication if any."""
    from app.paths import resolve
    from app.services.setup import unlock_store
    from app.ui import i18n
    from app.ui.app import Controller, make_application

    app = make_application([])
    qInstallMessageHandler(_quiet)
    language = i18n.current_language()
    i18n.install_translators("zh_CN")
    controller = Controller(resolve(db), today=TODAY)
    controller.store, _admin = unlock_store(resolve(db), "admin", "admin123")  # the demo's administrator
    school = School(controller.store)
    walk = Walk(app, controller.runner)
    results: list[Result] = []

    def run(name: str, actor: Any, body: Callable[[Any], bool]) -> None:
        window = open_window(controller, actor, walk)
        walk.reset()
        ok = body(window)
        results.append(Result(name, ok, walk.count, walk.errors, tuple(walk.log)))
        window.close()
        walk.idle()

    def approve(window: Any) -> bool:
        walk_approve(walk, window, school)  # the first of the session
        walk.reset()
        return walk_approve(walk, window, school)

    try:
        run("visit-from-plan", school.teacher, lambda w: walk_visit(walk, w, school))
        run("plan-copy-forward", school.teacher, lambda w: walk_copy_forward(walk, w, school))
        run("approve", school.office, approve)
    finally:
        app.removeEventFilter(walk)
        controller.runner.shutdown()
        controller.store.dispose()
        i18n.install_translators(language)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db", type=Path, help="a demo database to walk on (it is changed); default: a new one"
    )
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every counted interaction")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "walk.sqlite3"
        if args.db is None:
            build_demo(db, args.students)
        results = walk_all(db)
    for result in results:
        print(result.line() + ("" if result.completed else "  (NOT COMPLETED)"))
        if args.verbose:
            for entry in result.log:
                print(f"    {entry}")
    return 0 if all(r.completed for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
