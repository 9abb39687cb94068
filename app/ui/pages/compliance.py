"""The compliance view: the term's weeks for every visible student (per teacher or the whole school)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout

from app.services import compliance, school, users
from app.services.compliance import TermCompliance
from app.services.context import ServiceContext
from app.services.school import TermInfo
from app.services.users import UserInfo
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.item_models.compliance import ComplianceModel, StatusDelegate
from app.ui.messages import message
from app.ui.pages.base import Page, Shell
from app.ui.pages.registry import register_page
from app.ui.session import AppSession
from app.ui.widgets.fields import combo
from app.ui.widgets.legend import Legend
from app.ui.widgets.style import make_heading, warning_style


class CompliancePage(Page):
    # The tables on screen: a write announced on the bus refreshes the page only when it changed one.
    shows = frozenset(
        {
            "visit",
            "visit_lesson",
            "student",
            "assignment",
            "pause",
            "school",
            "term",
            "calendar_day",
            "user",
            "monthly_plan",
            "plan_revision",
            "contact",
        }
    )

    def __init__(self, session: AppSession, window: Shell | None = None) -> None:
        super().__init__(session, window)
        column = QVBoxLayout(self)
        title = QLabel(self.tr("Visit rule compliance"))
        make_heading(title)
        column.addWidget(title)
        bar = QHBoxLayout()
        self.term = combo([])
        self.term.setAccessibleName(self.tr("Term"))
        self.teacher = combo([], empty=self.tr("Whole school"))
        self.teacher.setAccessibleName(self.tr("Teacher"))
        self.teacher.setVisible(session.actor.reads_all)
        term_label = QLabel(self.tr("Term:"))
        term_label.setBuddy(self.term)
        bar.addWidget(term_label)
        bar.addWidget(self.term)
        bar.addWidget(self.teacher)
        bar.addStretch(1)
        self.summary = QLabel()
        bar.addWidget(self.summary)
        column.addLayout(bar)
        # The term reaches a year whose official holidays nobody here knows: its weeks may be counted wrong.
        self.holiday_notice = QLabel()
        self.holiday_notice.setWordWrap(True)
        self.holiday_notice.setStyleSheet(warning_style())
        self.holiday_notice.hide()
        column.addWidget(self.holiday_notice)
        self.model = ComplianceModel(self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Compliance grid: students by weeks"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(StatusDelegate(self.table))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setDefaultSectionSize(52)
        self.table.setMouseTracking(True)
        column.addWidget(self.table, 1)
        column.addWidget(Legend())
        self._loaded_choices = False
        self.term.currentIndexChanged.connect(lambda _i: self.load())
        self.teacher.currentIndexChanged.connect(lambda _i: self.load())
        self.loading = False

    def refresh(self) -> None:
        if not self._loaded_choices:
            self._loaded_choices = True
            self.session.read(_choices, on_done=self._fill_choices, on_error=self.show_error)
        else:
            self.load()

    def _fill_choices(self, choices: Choices) -> None:
        terms, current, teachers = choices
        for box in (self.term, self.teacher):
            box.blockSignals(True)
        for term in terms:
            self.term.addItem(term.name, term.id)
        if current is not None:
            self.term.setCurrentIndex(max(self.term.findData(current.id), 0))
        for info in teachers:
            self.teacher.addItem(info.display_name, info.id)
        for box in (self.term, self.teacher):
            box.blockSignals(False)
        self.load()

    def load(self) -> None:
        term_id = self.term.currentData()
        if term_id is None:
            self.model.set_result(None)
            return
        self.loading = True
        self.summary.setText(self.tr("Loading…"))
        teacher_id = self.teacher.currentData() if self.session.actor.reads_all else None
        self.session.read(
            compliance.term_compliance,
            term_id,
            teacher_id=teacher_id,
            on_done=self._show,
            on_error=self.show_error,
        )

    def _show(self, result: TermCompliance) -> None:
        self.loading = False
        years = "、".join(map(str, result.unknown_holiday_years))
        self.holiday_notice.setText(message("holidays.unknown_years", years=years) if years else "")
        self.holiday_notice.setAccessibleName(self.holiday_notice.text())
        self.holiday_notice.setVisible(bool(years))
        self.model.set_result(result)
        self.table.resizeColumnToContents(0)
        owed = sum(s.result.totals.owed_makeups for s in result.students)
        self.summary.setText(
            self.tr("%n student(s)", "", len(result.students))
            + " · "
            + self.tr("make-ups owed: {owed}").format(owed=owed)
        )


Choices = tuple[list[TermInfo], TermInfo | None, list[UserInfo]]  # terms, the current one, the teachers


def _choices(ctx: ServiceContext) -> Choices:
    """Terms, the current term and (for the office) the teachers, in one background call."""
    teachers = users.list_users(ctx, role="teacher") if ctx.actor.reads_all else []
    return school.list_terms(ctx), school.current_term(ctx), teachers


register_page("compliance", QT_TRANSLATE_NOOP("Pages", "Compliance"), CompliancePage, order=50)
