"""The Plans page: a teacher's plans to write, resubmit or read; the office's approval queue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from app.services import plans
from app.services.context import ServiceContext
from app.services.plans import PlanSummary
from app.ui.editors.plan_editor import PlanEditor
from app.ui.editors.windows import open_window
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.labels import PLAN_STATUSES, label
from app.ui.pages.base import Page, Shell
from app.ui.pages.plans_queue import PlanQueue
from app.ui.pages.registry import register_page
from app.ui.session import AppSession


def my_plans(ctx: ServiceContext) -> list[PlanSummary]:
    """The plans of the students this user sees, this school year's months, newest first (worker thread)."""
    today = ctx.today()
    since = f"{today.year - 1 if today.month < 9 else today.year}-09"
    return plans.list_visible_plans(ctx, since)


class PlansPage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset({"monthly_plan", "planned_visit", "plan_revision", "student", "user"})

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        self.setObjectName("page_plans")
        layout = QVBoxLayout(self)
        self.queue: PlanQueue | None = None
        self.table: QTableWidget | None = None
        self.editor: PlanEditor | None = None
        if session.actor.role in ("academic_affairs", "system"):
            layout.addWidget(QLabel(self.tr("Plans waiting for your decision, oldest first.")))
            self.queue = PlanQueue(session, self)
            layout.addWidget(self.queue, 1)
            self._stale = False  # the queue loaded itself; the first shown() must not ask again
        else:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "Monthly plans of your students. Open one to edit, submit or read "
                        "the office's comment."
                    )
                )
            )
            self.table = QTableWidget(0, 4, self)
            self.table.setHorizontalHeaderLabels(
                [self.tr("Month"), self.tr("Student"), self.tr("Status"), self.tr("Visits planned")]
            )
            self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
            self.table.setAccessibleName(self.tr("My monthly plans"))
            self.table.cellActivated.connect(lambda row, _c: self.open_row(row))
            self.table.cellDoubleClicked.connect(lambda row, _c: self.open_row(row))
            layout.addWidget(self.table, 1)
        self._rows: list[PlanSummary] = []

    def refresh(self) -> None:
        if self.queue is not None:
            self.queue.refresh()
        else:
            self.session.read(my_plans, on_done=self._show, on_error=self.show_error)

    def _show(self, rows: list[PlanSummary]) -> None:
        assert self.table is not None
        self._rows = rows
        self.table.setRowCount(len(rows))
        for n, row in enumerate(rows):
            for column, text in enumerate(
                (
                    row.month,
                    f"{row.student_code} {row.student_name}",
                    label(PLAN_STATUSES, row.status),
                    str(row.visits_planned),
                )
            ):
                self.table.setItem(n, column, QTableWidgetItem(text))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            summary = self._rows[row]
            self.editor = PlanEditor(self.session, summary.student_id, summary.month)
            open_window(self.editor, self.tr("Monthly plan {month}").format(month=summary.month))


register_page("plans", QT_TRANSLATE_NOOP("Pages", "Plans"), PlansPage, order=30)


class LessonPlansPage(Page):
    """The teacher's lesson plan library (教案) with the shared templates."""

    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset({"lesson_plan", "student"})

    can_save = True

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        from app.ui.editors.lesson_plans import LessonPlanLibrary

        self.setObjectName("page_lesson_plans")
        self.library = LessonPlanLibrary(session, self)
        QVBoxLayout(self).addWidget(self.library)
        self._stale = False  # the library loaded itself; the first shown() must not load it twice

    def refresh(self) -> None:
        self.library.reload()

    def save(self) -> None:
        self.library.save()

    def has_unsaved_changes(self) -> bool:
        return self.library.is_dirty()


# The lesson plan library is a page of its own beside Plans, registered with it.
register_page(
    "lesson_plans",
    QT_TRANSLATE_NOOP("Pages", "Lesson plans"),
    LessonPlansPage,
    order=35,
    roles=("teacher", "academic_affairs", "leader", "admin"),
)
