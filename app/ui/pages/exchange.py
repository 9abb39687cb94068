"""The Exchange page: a laptop sends to and receives from the office; the office imports, joins and revokes.

Every exchange call (export, import, status, history, conflicts) runs on the DB worker thread; imports and
sends show the progress dialog of app/ui/widgets/progress.py. A refusal shows its message and changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import exchange, users
from app.services.context import ServiceContext
from app.services.errors import ServiceError
from app.services.exchange import client
from app.services.exchange.sync import ConflictInfo, LogEntry
from app.services.progress import TaskState
from app.ui.dialogs.exchange_join import PassphraseDialog
from app.ui.i18n import QT_TRANSLATE_NOOP, format_timestamp
from app.ui.labels import CONFLICT_KINDS, label
from app.ui.messages import error_text
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page
from app.ui.prefs import save_prefs, start_folder
from app.ui.session import AppSession
from app.ui.tasks import Task
from app.ui.widgets.progress import run_with_progress
from app.ui.widgets.style import error_style

OFFICE_ROLES = ("academic_affairs", "admin", "system")
PREF_FOLDER = "exchange_folder"
AUTO_SYNC_MINUTES = 10  # the quiet try with the hub; offline it costs one refused connection
AUTO_SYNC_FIRST_MS = 3000  # the first try, once the window is up
HUB_LOG_PREFIX = "hub "  # exchange_log.file_name of bundles that came or went by network (client.sync)

# Record kinds (exchange table names) as people call them; translated in the "Exchange" context.
KINDS: dict[str, str] = {
    "school": QT_TRANSLATE_NOOP("Exchange", "school settings"),
    "setting": QT_TRANSLATE_NOOP("Exchange", "settings"),
    "term": QT_TRANSLATE_NOOP("Exchange", "terms"),
    "calendar_day": QT_TRANSLATE_NOOP("Exchange", "calendar days"),
    "user": QT_TRANSLATE_NOOP("Exchange", "users"),
    "student": QT_TRANSLATE_NOOP("Exchange", "students"),
    "guardian": QT_TRANSLATE_NOOP("Exchange", "guardians"),
    "assignment": QT_TRANSLATE_NOOP("Exchange", "assignments"),
    "pause": QT_TRANSLATE_NOOP("Exchange", "pauses"),
    "goal_bank_item": QT_TRANSLATE_NOOP("Exchange", "goal bank items"),
    "iep": QT_TRANSLATE_NOOP("Exchange", "IEPs"),
    "iep_score": QT_TRANSLATE_NOOP("Exchange", "assessment scores"),
    "goal": QT_TRANSLATE_NOOP("Exchange", "goals"),
    "objective": QT_TRANSLATE_NOOP("Exchange", "objectives"),
    "objective_review": QT_TRANSLATE_NOOP("Exchange", "objective reviews"),
    "monthly_plan": QT_TRANSLATE_NOOP("Exchange", "monthly plans"),
    "planned_visit": QT_TRANSLATE_NOOP("Exchange", "planned visits"),
    "plan_revision": QT_TRANSLATE_NOOP("Exchange", "plan revisions and decisions"),
    "lesson_plan": QT_TRANSLATE_NOOP("Exchange", "lesson plans"),
    "blob": QT_TRANSLATE_NOOP("Exchange", "photos and signatures"),
    "attachment": QT_TRANSLATE_NOOP("Exchange", "attachments"),
    "visit": QT_TRANSLATE_NOOP("Exchange", "visit records"),
    "visit_lesson": QT_TRANSLATE_NOOP("Exchange", "lessons of visits"),
    "objective_progress": QT_TRANSLATE_NOOP("Exchange", "progress notes"),
    "visit_amendment": QT_TRANSLATE_NOOP("Exchange", "amendments"),
    "contact": QT_TRANSLATE_NOOP("Exchange", "contacts"),
    "teacher_assessment": QT_TRANSLATE_NOOP("Exchange", "teacher assessments"),
}


def kind_text(table: str) -> str:
    from PySide6.QtCore import QCoreApplication

    source = KINDS.get(table)
    return QCoreApplication.translate("Exchange", source) if source else table


def counts_text(by_table: dict[str, int]) -> str:
    return "、".join(f"{kind_text(t)} {n}" for t, n in sorted(by_table.items()))


Received = tuple[Path, exchange.ImportResult | ServiceError]  # a bundle file and what importing it did


# --- worker-thread functions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Overview:
    kind: str  # office | laptop | none
    status: exchange.ExchangeStatus | None
    history: tuple[LogEntry, ...]
    conflicts: tuple[ConflictInfo, ...]
    teachers: tuple[tuple[str, str], ...]  # username, "username display name"
    hub_url: str | None = None  # a laptop that knows the school's hub: "Sync now" is offered


def load_overview(ctx: ServiceContext) -> Overview:
    try:
        status: exchange.ExchangeStatus | None = exchange.status(ctx)
    except exchange.ExchangeRefused:
        status = None
    office = ctx.actor.role in OFFICE_ROLES
    kind = status.role if status is not None else ("office" if office else "none")
    teachers: tuple[tuple[str, str], ...] = ()
    if kind == "office" and office:
        teachers = tuple(
            (u.username, f"{u.username} {u.display_name}") for u in users.list_users(ctx, role="teacher")
        )
    history = tuple(exchange.history(ctx, 50)) if status is not None else ()
    conflicts = tuple(exchange.list_conflicts(ctx)) if status is not None else ()
    hub = client.hub_url(ctx) if kind == "laptop" else None
    return Overview(kind, status, history, conflicts, teachers, hub)


def send_task(
    ctx: ServiceContext, out: Path, teacher: str | None, progress: TaskState | None = None
) -> list[exchange.SentBundle]:
    if progress is not None:
        progress.update(0, 1, "")
    results = exchange.export(ctx, out, teacher)
    if progress is not None:
        progress.update(1, 1, "")
    return results


def import_task(
    ctx: ServiceContext, paths: list[Path], confirm_deletes: bool = False, progress: TaskState | None = None
) -> list[Received]:
    return exchange.import_many(ctx, paths, confirm_deletes=confirm_deletes, progress=progress)


def sync_task(
    ctx: ServiceContext, confirm_deletes: bool = False, progress: TaskState | None = None
) -> client.SyncResult:
    if progress is not None:
        progress.update(0, 1, "")
    result = client.sync(ctx, confirm_deletes=confirm_deletes)
    if progress is not None:
        progress.update(1, 1, "")
    return result


def quiet_sync_task(ctx: ServiceContext) -> client.SyncResult | None:
    """The automatic try: nothing at all on a copy that does not sync by network (the office, no hub)."""
    if client.hub_url(ctx) is None:
        return None
    return client.sync(ctx)


class AutoSync(QObject):
    """A quiet sync with the hub at start and every few minutes, on the DB worker like every call.

    Offline it writes nothing (client.sync asks the hub first) and shows no box: the outcome goes out
    as ``bus.hub_tried`` and the Exchange page, when open, shows it in a line.
    """

    def __init__(
        self, session: AppSession, parent: QObject | None = None, minutes: float = AUTO_SYNC_MINUTES
    ):
        super().__init__(parent)
        self.session = session
        self.trying = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(minutes * 60_000))
        self.timer.timeout.connect(self.try_now)

    def start(self, first_ms: int = AUTO_SYNC_FIRST_MS) -> None:
        # A child timer, not QTimer.singleShot: it dies with the window, never firing into a closed one.
        self.first = QTimer(self)
        self.first.setSingleShot(True)
        self.first.timeout.connect(self.try_now)
        self.first.start(first_ms)
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if hasattr(self, "first"):
            self.first.stop()

    def try_now(self) -> None:
        if self.trying:
            return
        self.trying = True
        self.session.runner.submit(
            quiet_sync_task, self.session.ctx, on_done=self._done, on_error=self._failed
        )

    def _done(self, result: client.SyncResult | None) -> None:
        self.trying = False
        if result is None:
            return
        self.session.bus.hub_tried.emit(result)
        if result.received.applied or result.office_applied:
            self.session.announce_everything()

    def _failed(self, error: BaseException) -> None:
        self.trying = False
        self.session.bus.hub_tried.emit(error)


def teacher_of(status: exchange.ExchangeStatus | None, device_id: str) -> str:
    if status is None:
        return ""
    return next((p.teacher for p in status.peers if p.device_id == device_id), "")


# --- the page -------------------------------------------------------------------------------------------------


class ExchangePage(Page):
    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.setObjectName("page_exchange")
        self.overview: Overview | None = None
        self.task: Task | None = None
        self.last_results: list[Received] = []
        column = QVBoxLayout(self)
        self.identity = QLabel("")
        self.identity.setWordWrap(True)
        column.addWidget(self.identity)
        self.tabs = QTabWidget(self)
        column.addWidget(self.tabs, 1)

        main = QWidget()
        main_column = QVBoxLayout(main)
        # A teacher's laptop.
        self.laptop_box = QGroupBox(self.tr("This laptop and the office"))
        laptop = QVBoxLayout(self.laptop_box)
        buttons = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send to office…"))
        self.send_button.setToolTip(
            self.tr("Write one file with everything the office has not yet received, e.g. onto a USB stick")
        )
        self.send_button.clicked.connect(self._send_clicked)
        self.receive_button = QPushButton(self.tr("Receive from office…"))
        self.receive_button.clicked.connect(self._receive_clicked)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(
            self.tr("Send to and receive from the office over the network, through the school's hub")
        )
        self.sync_button.clicked.connect(lambda: self.sync())
        self.sync_button.setVisible(False)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.receive_button)
        buttons.addStretch(1)
        laptop.addLayout(buttons)
        self.hub_state = QLabel("")
        self.hub_state.setWordWrap(True)
        self.hub_state.setAccessibleName(self.tr("Hub"))
        laptop.addWidget(self.hub_state)
        self.last_try: object = None
        session.bus.hub_tried.connect(self._hub_tried)
        self.pending = QLabel("")
        self.pending.setWordWrap(True)
        laptop.addWidget(self.pending)
        main_column.addWidget(self.laptop_box)

        # The office.
        self.office_box = QGroupBox(self.tr("The office and the teachers' laptops"))
        office = QVBoxLayout(self.office_box)
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import teachers' files…"))
        self.import_button.clicked.connect(self._import_clicked)
        row.addWidget(self.import_button)
        row.addStretch(1)
        office.addLayout(row)
        teacher_row = QHBoxLayout()
        self.teacher = QComboBox()
        self.teacher.setAccessibleName(self.tr("Teacher"))
        self.join_button = QPushButton(self.tr("Make a join file…"))
        self.join_button.clicked.connect(self._join_clicked)
        self.send_teacher_button = QPushButton(self.tr("Send to teacher…"))
        self.send_teacher_button.clicked.connect(self._send_teacher_clicked)
        self.revoke_button = QPushButton(self.tr("Revoke lost laptop…"))
        self.revoke_button.clicked.connect(self._revoke_clicked)
        teacher_row.addWidget(QLabel(self.tr("Teacher")))
        teacher_row.addWidget(self.teacher, 1)
        for button in (self.join_button, self.send_teacher_button, self.revoke_button):
            teacher_row.addWidget(button)
        office.addLayout(teacher_row)
        self.peers = self._table(
            [
                self.tr("Teacher"),
                self.tr("Not yet received"),
                self.tr("Of which"),
                self.tr("Last received"),
                self.tr("Key"),
            ],
            self.tr("Teachers' laptops"),
        )
        office.addWidget(self.peers)
        main_column.addWidget(self.office_box)

        self.results_label = QLabel("")
        self.results_label.setWordWrap(True)
        main_column.addWidget(self.results_label)
        self.results = self._table(
            [
                self.tr("File"),
                self.tr("Teacher"),
                self.tr("Records in"),
                self.tr("Conflicts"),
                self.tr("Result"),
            ],
            self.tr("What came in"),
        )
        main_column.addWidget(self.results, 1)
        self.tabs.addTab(main, self.tr("Send and receive"))

        conflicts = QWidget()
        conflict_column = QVBoxLayout(conflicts)
        conflict_column.addWidget(
            QLabel(
                self.tr(
                    "Records edited on both sides: both versions are kept. Read them, "
                    "re-enter what matters, then mark the conflict settled."
                )
            )
        )
        split = QSplitter()
        self.conflicts = self._table(
            [self.tr("Record"), self.tr("Kind"), self.tr("Found")], self.tr("Conflicts")
        )
        self.conflicts.currentCellChanged.connect(lambda row, *_a: self._show_conflict(row))
        self.conflict_view = QPlainTextEdit()
        self.conflict_view.setTabChangesFocus(True)
        self.conflict_view.setReadOnly(True)
        self.conflict_view.setAccessibleName(self.tr("Both versions"))
        split.addWidget(self.conflicts)
        split.addWidget(self.conflict_view)
        conflict_column.addWidget(split, 1)
        self.settle_button = QPushButton(self.tr("Mark settled"))
        self.settle_button.setEnabled(False)
        self.settle_button.clicked.connect(self.settle_current)
        conflict_column.addWidget(self.settle_button)
        self.tabs.addTab(conflicts, self.tr("Conflicts"))

        self.history = self._table(
            [
                self.tr("When"),
                self.tr("Direction"),
                self.tr("Teacher"),
                self.tr("Number"),
                self.tr("Records"),
                self.tr("File"),
            ],
            self.tr("History"),
        )
        self.tabs.addTab(self.history, self.tr("History"))

    def _table(self, headers: list[str], name: str) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.horizontalHeader().setStretchLastSection(True)
        table.setAccessibleName(name)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: Sequence[tuple[str, ...]]) -> None:
        table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, text in enumerate(row):
                table.setItem(n, column, QTableWidgetItem(text))

    # --- loading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.session.read(load_overview, on_done=self._show, on_error=self.show_error)

    def _show(self, overview: Overview) -> None:
        self.overview = overview
        status = overview.status
        self.laptop_box.setVisible(overview.kind == "laptop")
        self.office_box.setVisible(overview.kind == "office")
        if overview.kind == "none":
            self.identity.setText(
                self.tr(
                    "This copy does not exchange with the office yet. On a new laptop, choose "
                    '"Join my school from a file" when Songjiao first starts.'
                )
            )
        elif status is None:
            self.identity.setText(self.tr("The office copy: make a join file for each teacher's laptop."))
        else:
            where = self.tr("This laptop") if status.role == "laptop" else self.tr("The office copy")
            self.identity.setText(
                self.tr("{where}; key fingerprint {fp}").format(where=where, fp=status.fingerprint)
            )
        self.sync_button.setVisible(overview.hub_url is not None)
        self._show_hub_state()
        if overview.kind == "laptop" and status is not None:
            office = next((p for p in status.peers if p.role == "office"), None)
            if office is None or office.not_yet_received == 0:
                self.pending.setText(self.tr("The office has received everything."))
            else:
                self.pending.setText(
                    self.tr("The office has not yet received: {counts}").format(
                        counts=counts_text(office.by_table)
                    )
                )
        if overview.kind == "office":
            current = self.teacher.currentData()
            self.teacher.clear()
            for username, text in overview.teachers:
                self.teacher.addItem(text, username)
            if current:
                self.teacher.setCurrentIndex(max(0, self.teacher.findData(current)))
            peers = status.peers if status is not None else ()
            self._fill(
                self.peers,
                [
                    (
                        p.teacher,
                        str(p.not_yet_received),
                        counts_text(p.by_table),
                        format_timestamp(p.last_import_at),
                        self.tr("revoked") if p.revoked else self.tr("valid"),
                    )
                    for p in peers
                ],
            )
        self._fill(
            self.conflicts,
            [
                (kind_text(c.table), label(CONFLICT_KINDS, c.kind), format_timestamp(c.detected_at))
                for c in overview.conflicts
            ],
        )
        self.tabs.setTabText(1, self.tr("Conflicts ({count})").format(count=len(overview.conflicts)))
        self._show_conflict(self.conflicts.currentRow())
        directions = {"in": self.tr("received"), "out": self.tr("sent"), "join": self.tr("join")}
        self._fill(
            self.history,
            [
                (
                    format_timestamp(e.at),
                    directions.get(e.direction, e.direction),
                    e.teacher,
                    str(e.seq),
                    str(e.applied if e.direction == "in" else e.changes),
                    e.file_name,
                )
                for e in overview.history
            ],
        )

    def _show_conflict(self, row: int) -> None:
        conflicts = self.overview.conflicts if self.overview else ()
        if not 0 <= row < len(conflicts):
            self.conflict_view.setPlainText("")
            self.settle_button.setEnabled(False)
            return
        conflict = conflicts[row]
        kept = json.dumps(conflict.kept, ensure_ascii=False, indent=1, default=str)
        other = json.dumps(conflict.other, ensure_ascii=False, indent=1, default=str)
        self.conflict_view.setPlainText(
            self.tr("Kept here:") + f"\n{kept}\n\n" + self.tr("The other version:") + f"\n{other}"
        )
        self.settle_button.setEnabled(True)

    # --- actions (tests call these with paths; the buttons ask for them first) -------------------------

    def send(self, folder: Path, teacher: str | None = None) -> None:
        save_prefs(self.session.paths, **{PREF_FOLDER: str(folder)})
        self.task = run_with_progress(
            self,
            self.session.runner,
            send_task,
            self.session.ctx,
            folder,
            teacher,
            title=self.tr("Sending"),
            on_done=self._sent,
            on_error=self._refused,
        )

    def _sent(self, results: list[exchange.SentBundle]) -> None:
        self.results_label.setStyleSheet("")
        self._fill(
            self.results,
            [
                (
                    r.path.name,
                    teacher_of(self.overview.status if self.overview else None, r.peer_id),
                    str(r.changes),
                    "",
                    self.tr("written"),
                )
                for r in results
            ],
        )
        self.results_label.setText(
            self.tr(
                "Written %n file(s). Carry them to the other side and import them there.", "", len(results)
            )
        )
        self.refresh()

    def _show_hub_state(self) -> None:
        overview = self.overview
        if overview is None or overview.hub_url is None:
            self.hub_state.setText("")
            return
        if isinstance(self.last_try, BaseException):
            # Quiet: a line in the page, in the page's normal colour (offline is a normal state).
            self.hub_state.setText(error_text(self.last_try))
            return
        last = next(
            (
                e.at
                for e in overview.history
                if e.direction == "in" and e.file_name.startswith(HUB_LOG_PREFIX)
            ),
            None,
        )
        if last is None:
            self.hub_state.setText(self.tr("Hub: {url}; not synced yet.").format(url=overview.hub_url))
        else:
            self.hub_state.setText(
                self.tr("Hub: {url}; last synced {when}.").format(
                    url=overview.hub_url, when=format_timestamp(last)
                )
            )

    def _hub_tried(self, outcome: object) -> None:
        self.last_try = outcome
        if not isinstance(outcome, BaseException):
            self.refresh()  # the history now holds the sync
        self._show_hub_state()

    def sync(self, confirm_deletes: bool = False) -> None:
        self.task = run_with_progress(
            self,
            self.session.runner,
            sync_task,
            self.session.ctx,
            confirm_deletes,
            title=self.tr("Syncing"),
            on_done=self._synced,
            on_error=self._sync_failed,
        )

    def _synced(self, result: client.SyncResult) -> None:
        got = result.received
        parts = [self.tr("synced")]
        if got.by_table:
            parts.append(counts_text(got.by_table))
        if got.purged_students:
            parts.append(self.tr("%n student(s) left this laptop", "", got.purged_students))
        self._fill(
            self.results,
            [(self.tr("hub"), "", str(got.applied), str(got.conflicts), "; ".join(parts))],
        )
        self.results_label.setStyleSheet("")
        self.results_label.setText(
            self.tr("Synced with the hub: {sent} record(s) sent, {received} record(s) in.").format(
                sent=result.sent.changes, received=got.applied
            )
        )
        if got.applied:
            self.session.announce_everything()
        self.session.bus.hub_tried.emit(result)

    def _sync_failed(self, error: BaseException) -> None:
        self.session.bus.hub_tried.emit(error)
        self._refused(error)
        if getattr(error, "message_id", "") == "exchange.many_deletes" and self.ask_deletes(1):
            self.sync(confirm_deletes=True)

    def receive(self, paths: list[Path], confirm_deletes: bool = False) -> None:
        if paths:
            save_prefs(self.session.paths, **{PREF_FOLDER: str(paths[0].parent)})
        self.task = run_with_progress(
            self,
            self.session.runner,
            import_task,
            self.session.ctx,
            list(paths),
            confirm_deletes,
            title=self.tr("Importing"),
            on_done=self._received,
            on_error=self._refused,
        )

    def ask_deletes(self, count: int) -> bool:
        """A bundle would delete more than a few records: import it anyway? (Tests replace this.)"""
        answer = QMessageBox.question(
            self,
            self.tr("Many deletions"),
            self.tr("{count} file(s) would delete more records than usual. Import them anyway?").format(
                count=count
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _received(self, results: list[Received]) -> None:
        self.results_label.setStyleSheet("")
        self.last_results = results
        status = self.overview.status if self.overview else None
        rows = []
        refused = 0
        applied = 0
        for path, outcome in results:
            if isinstance(outcome, exchange.ImportResult):
                applied += outcome.applied
                parts = [self.tr("imported")]
                if outcome.by_table:
                    parts.append(counts_text(outcome.by_table))
                if outcome.purged_students:
                    parts.append(self.tr("%n student(s) left this laptop", "", outcome.purged_students))
                rows.append(
                    (
                        path.name,
                        teacher_of(status, outcome.peer_id),
                        str(outcome.applied),
                        str(outcome.conflicts),
                        "; ".join(parts),
                    )
                )
            else:
                refused += 1
                rows.append(
                    (
                        path.name,
                        "",
                        "0",
                        "",
                        self.tr("refused: {reason}").format(reason=error_text(outcome)),
                    )
                )
        self._fill(self.results, rows)
        self.results_label.setText(
            self.tr("{files} file(s): {records} record(s) in, {refused} refused.").format(
                files=len(results), records=applied, refused=refused
            )
        )
        if applied:
            self.session.announce_everything()  # plans, visits, students... may all have changed
        self.refresh()
        asking = [p for p, o in results if getattr(o, "message_id", "") == "exchange.many_deletes"]
        if asking and self.ask_deletes(len(asking)):
            self.receive(asking, confirm_deletes=True)

    def _refused(self, error: BaseException) -> None:
        # In the page, not a modal box: the reason stays in view next to what the user was doing.
        self.results_label.setText(error_text(error))
        self.results_label.setStyleSheet(error_style())

    def make_join_file(self, teacher: str, out: Path) -> None:
        def made(result: exchange.JoinFile) -> None:
            self.join_dialog = PassphraseDialog(result, teacher, self)
            self.join_dialog.open()
            self.refresh()

        self.session.write(
            exchange.make_join_file, teacher, out, on_done=made, on_error=self._refused, initiator=self
        )

    def revoke(self, teacher: str) -> None:
        def revoked(count: int) -> None:
            self.results_label.setText(self.tr("%n laptop key(s) revoked.", "", count))
            self.refresh()

        self.session.write(
            exchange.revoke_teacher, teacher, on_done=revoked, on_error=self._refused, initiator=self
        )

    def settle_current(self) -> None:
        row = self.conflicts.currentRow()
        if self.overview and 0 <= row < len(self.overview.conflicts):
            self.session.write(
                exchange.settle_conflict,
                self.overview.conflicts[row].id,
                on_done=lambda _r: self.refresh(),
                on_error=self._refused,
                initiator=self,  # refreshed by its own on_done: the notice need not refresh it again
            )

    # --- buttons ---------------------------------------------------------------------------------------

    def _folder(self) -> str:
        return start_folder(self.session.paths, PREF_FOLDER)

    def _send_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Where to write the file (e.g. a USB stick)"), self._folder()
        )
        if folder:
            self.send(Path(folder))

    def _receive_clicked(self) -> None:
        files, _f = QFileDialog.getOpenFileNames(
            self, self.tr("Files from the office"), self._folder(), self.tr("Songjiao exchange files (*.sjb)")
        )
        if files:
            self.receive([Path(f) for f in files])

    def _import_clicked(self) -> None:
        files, _f = QFileDialog.getOpenFileNames(
            self, self.tr("Teachers' files"), self._folder(), self.tr("Songjiao exchange files (*.sjb)")
        )
        if files:
            self.receive([Path(f) for f in files])

    def _send_teacher_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where to write the files"), self._folder())
        if not folder:
            return
        teacher = self.teacher.currentData()
        everyone = QMessageBox.question(
            self,
            self.tr("Send to teacher"),
            self.tr("Write files for every teacher's laptop? (No: only for {t})").format(
                t=self.teacher.currentText()
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        self.send(Path(folder), None if everyone == QMessageBox.StandardButton.Yes else teacher)

    def _join_clicked(self) -> None:
        teacher = self.teacher.currentData()
        if not teacher:
            return
        out, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the join file"),
            str(Path(self._folder()) / f"songjiao-join-{teacher}{exchange.JOIN_SUFFIX}"),
            self.tr("Join files (*.sjj)"),
        )
        if out:
            self.make_join_file(str(teacher), Path(out))

    def _revoke_clicked(self) -> None:
        teacher = self.teacher.currentData()
        if not teacher:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Revoke lost laptop"),
            self.tr(
                "Refuse every file from {t}'s current laptop from now on? The teacher needs a new join file."
            ).format(t=self.teacher.currentText()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(str(teacher))


register_page(
    "exchange",
    QT_TRANSLATE_NOOP("Pages", "Exchange"),
    ExchangePage,
    order=70,
    roles=("teacher", "academic_affairs", "admin"),
)
