"""This week: a teacher's students and their status this week; the office's students behind the rule."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QTableWidgetItem, QVBoxLayout, QWidget

from app.domain.rules import PeriodResult
from app.services import compliance, school, users
from app.services.compliance import StudentCompliance
from app.services.context import ServiceContext
from app.services.plans import PlanSummary
from app.ui.i18n import QT_TRANSLATE_NOOP, format_date
from app.ui.item_models.compliance import COLOURS
from app.ui.labels import WEEK_STATUSES, label
from app.ui.messages import reason_text
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import home_sections_for, register_home_section, register_page
from app.ui.pages.student_tabs_core import make_table
from app.ui.session import AppSession
from app.ui.widgets.style import make_heading


@dataclass(frozen=True)
class WeekRow:
    student_id: str
    code: str
    name: str
    status: str
    reason: str
    visits: int
    required: int
    owed: int
    teachers: str


@dataclass(frozen=True)
class HomeData:
    term_name: str
    week_label: str
    rows: tuple[WeekRow, ...]


def load_home(ctx: ServiceContext) -> HomeData | None:
    """Runs on the worker: this week's period for each visible student (teacher: assigned ones)."""
    term = school.current_term(ctx)
    if term is None:
        return None
    teacher_id = ctx.actor.id if ctx.actor.is_teacher else None
    result = compliance.term_compliance(ctx, term.id, teacher_id=teacher_id)
    names = {u.id: u.display_name for u in users.list_users(ctx, role="teacher", include_inactive=True)}
    today = result.today
    rows: list[WeekRow] = []
    week_label = ""
    for student in result.students:
        period = _this_period(student, today)
        if period is None:
            continue
        week_label = f"{format_date(period.period.start)} – {format_date(period.period.end)}"
        rows.append(
            WeekRow(
                student.student_id,
                student.code,
                student.name,
                str(period.status),
                period.reason,
                period.visits_counted,
                period.visits_required,
                student.result.totals.owed_makeups,
                "、".join(names.get(t, "") for t in student.teacher_ids if t in names),
            )
        )
    return HomeData(term.name, week_label, tuple(rows))


def _this_period(student: StudentCompliance, today: dt.date) -> PeriodResult | None:
    for period in student.result.periods:
        if period.period.start <= today <= period.period.end:
            return period
    return None


class HomePage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset(
        {
            "visit",
            "visit_lesson",
            "monthly_plan",
            "planned_visit",
            "plan_revision",
            "iep",
            "goal",
            "objective",
            "objective_review",
            "student",
            "assignment",
            "pause",
            "school",
            "term",
            "calendar_day",
            "user",
            "contact",
            "draft",
        }
    )

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        # No scroll area around the sections: their tables scroll themselves (a scroll area around tables
        # scrolls twice). The week's students on the left, the other sections in a column on the right, so
        # the page fits a 1366x768 screen.
        page = QHBoxLayout(self)
        self.column = QVBoxLayout()
        self.side = QVBoxLayout()
        page.addLayout(self.column, 3)
        page.addLayout(self.side, 2)
        self.title = QLabel(self.tr("This week"))
        make_heading(self.title)
        self.subtitle = QLabel()
        self.column.addWidget(self.title)
        self.column.addWidget(self.subtitle)
        teacher = session.actor.is_teacher
        self.students_box = QGroupBox(
            self.tr("My students this week") if teacher else self.tr("Students behind the visit rule")
        )
        box_column = QVBoxLayout(self.students_box)
        headers = [self.tr("Student"), self.tr("This week"), self.tr("Visits"), self.tr("Make-ups owed")]
        if not teacher:
            headers.append(self.tr("Teachers"))
        self.table = make_table(headers, self.students_box.title())
        # The week's statuses are what this page is for: room for a teacher's usual caseload (about 8
        # students) before the sections below take space.
        self.table.setMinimumHeight(160)
        # Enter or a double click opens the student (activated is both, once).
        self.table.activated.connect(self._open)
        self.empty = QLabel()
        self.empty.hide()
        box_column.addWidget(self.table)
        box_column.addWidget(self.empty)
        self.column.addWidget(self.students_box, 3)
        # Sections other parts register (plans waiting for approval, records unfinished, IEP reviews due...).
        self.sections: dict[str, QWidget] = {}
        for spec in home_sections_for(session.actor.role):
            group = QGroupBox(spec.translated_title())
            group.setObjectName(f"section_{spec.key}")
            inner = QVBoxLayout(group)
            inner.setContentsMargins(6, 4, 6, 4)
            widget = spec.factory(session, group)
            inner.addWidget(widget)
            self.sections[spec.key] = widget
            self.side.addWidget(group, 1)
        self.data: HomeData | None = None

    def refresh(self) -> None:
        self.session.read(load_home, on_done=self._show, on_error=self.show_error)
        for widget in self.sections.values():
            reload = getattr(widget, "reload", None)
            if reload is not None:
                reload()

    def _show(self, data: HomeData | None) -> None:
        self.data = data
        if data is None:
            self.subtitle.setText(
                self.tr("No term is set up yet. Ask the administrator to add one in Settings.")
            )
            self.table.setRowCount(0)
            return
        self.subtitle.setText(" · ".join(part for part in (data.term_name, data.week_label) if part))
        teacher = self.session.actor.is_teacher
        rows = (
            list(data.rows)
            if teacher
            else sorted(
                (r for r in data.rows if r.owed > 0 or r.status == "missed_owed"),
                key=lambda r: (-r.owed, r.code),
            )
        )
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            status_text = self.status_text(row)
            colour = COLOURS.get(row.status, "#ffffff")
            tip = reason_text(row.reason)
            if not teacher and row.owed > 0 and row.status != "missed_owed":
                # On the office's list a student is there for what is owed: a green "met" cell would say the
                # opposite of why the row is there. This week's own status goes to the tooltip.
                tip = self.tr("This week: {status}").format(status=status_text)
                status_text = self.tr("Make-up owed")
                colour = COLOURS.get("missed_owed", colour)
            cells = [
                f"{row.code} {row.name}",
                status_text,
                f"{row.visits} / {row.required}" if row.required else "",
                str(row.owed),
            ]
            if not teacher:
                cells.append(row.teachers)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row.student_id)
                if c == 1:
                    item.setBackground(QColor(colour))
                    item.setToolTip(tip)
                self.table.setItem(r, c, item)
        if not data.rows:
            # Nobody to be on track: say what to do instead of "everyone is on track".
            empty = (
                self.tr("No students are assigned to you yet. The office assigns them on the Students page.")
                if teacher
                else self.tr("No students yet: add or import them on the Students page.")
            )
        else:
            empty = self.tr("Everyone is on track.")
        self.empty.setText(empty if not rows else "")
        self.empty.setVisible(not rows)

    def status_text(self, row: WeekRow) -> str:
        """The week's status and, when it is not met, why (the rule's reason), e.g. "Not met yet: a visit
        took place but with too few lessons": the bare "Not visited yet 0/1" left the teacher guessing."""
        if row.status == "future":  # this week is still running: "future" means "not met yet", not "ahead"
            if row.reason == "pending":
                return self.tr("Not visited yet")
            return self.tr("Not met yet: {reason}").format(reason=reason_text(row.reason))
        text = label(WEEK_STATUSES, row.status)
        if row.status in ("missed_owed", "missed_excused"):
            return self.tr("{status}: {reason}").format(status=text, reason=reason_text(row.reason))
        return text

    def _open(self, index: QModelIndex) -> None:
        item = self.table.item(index.row(), 0)
        if item is not None and self.window_ is not None:
            from app.ui.pages.student import StudentPage

            self.window_.open_detail(
                StudentPage(self.session, item.data(Qt.ItemDataRole.UserRole), self.window_)
            )


class PlansWaiting(QWidget):
    """Academic affairs: monthly plans submitted and waiting for a decision."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.table = make_table(
            [self.tr("Student"), self.tr("Month"), self.tr("Teacher"), self.tr("Submitted")],
            self.tr("Plans waiting for approval"),
        )
        self.table.setMinimumHeight(80)
        column.addWidget(self.table)

    def reload(self) -> None:
        try:
            from app.services import plans
        except ImportError:  # pragma: no cover - plans arrive with the core services
            return
        self.session.read(plans.office_queue, on_done=self._show)

    def _show(self, queue: list[PlanSummary]) -> None:
        self.table.setRowCount(len(queue))
        for r, plan in enumerate(queue):
            submitted = format_date(plan.submitted_at.date()) if plan.submitted_at else ""
            for c, text in enumerate(
                (f"{plan.student_code} {plan.student_name}", plan.month, plan.teacher_name, submitted)
            ):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, plan.id)
                self.table.setItem(r, c, item)


register_page("home", QT_TRANSLATE_NOOP("Pages", "This week"), HomePage, order=10)
register_home_section(
    "plans_waiting",
    QT_TRANSLATE_NOOP("Pages", "Plans waiting for approval"),
    PlansWaiting,
    order=20,
    roles=("academic_affairs", "admin", "leader"),
)
