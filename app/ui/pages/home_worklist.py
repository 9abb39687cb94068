"""This week's to-do sections: a teacher's visits, plans, unfinished records and dates coming due; teachers behind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.services import ieps, worklist
from app.services.ieps import IepDetail
from app.ui.i18n import QT_TRANSLATE_NOOP, format_date
from app.ui.pages.registry import register_home_section
from app.ui.session import AppSession

TEACHER = ("teacher",)
OFFICE = ("academic_affairs", "admin", "leader")
_VISIT_KINDS = ("visit", "not_recorded", "incomplete")
_PLAN_KINDS = ("planned_visit", "plan_missing", "plan_draft", "plan_returned")
# Sections waiting for the same session's work list: the page reloads all four at once, so they share one read.
_waiting: dict[int, list[Callable[[worklist.Worklist], None]]] = {}


def load_worklist(session: AppSession, on_done: Callable[[worklist.Worklist], None]) -> None:
    """Read the actor's work list on the worker; callers arriving while a read is running join it."""
    key = id(session)
    if key in _waiting:
        _waiting[key].append(on_done)
        return
    _waiting[key] = [on_done]

    def deliver(work: worklist.Worklist) -> None:
        for callback in _waiting.pop(key, []):
            callback(work)

    def failed(error: BaseException) -> None:
        _waiting.pop(key, None)
        raise error  # the runner reports it as unhandled, as it would without this wrapper

    session.read(worklist.teacher_worklist, on_done=deliver, on_error=failed)


class WorklistSection(QWidget):
    """A compact list of one part of the teacher's work list; Enter or double-click opens the record."""

    part = "this_week"

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.accessible_name())
        self.list.setMinimumHeight(48)
        self.list.itemActivated.connect(lambda entry: self.open_item(entry.data(Qt.ItemDataRole.UserRole)))
        self.empty = QLabel(self)
        self.empty.hide()  # until the list is known to be empty: both at once would not fit a laptop's height
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        self.items: tuple[worklist.WorkItem, ...] = ()
        self.editor: QWidget | None = None

    def accessible_name(self) -> str:
        return ""

    def empty_text(self) -> str:
        return ""

    def reload(self) -> None:
        load_worklist(self.session, self.show_list)

    def show_list(self, work: worklist.Worklist) -> None:
        self.items = getattr(work, self.part)
        self.list.clear()
        for work_item in self.items:
            entry = QListWidgetItem(
                f"{work_item.student_code} {work_item.student_name}  ·  {self.describe(work_item)}"
            )
            entry.setData(Qt.ItemDataRole.UserRole, work_item)
            self.list.addItem(entry)
        self.list.setVisible(bool(self.items))
        self.empty.setText(self.empty_text())
        self.empty.setVisible(not self.items)

    def describe(self, item: worklist.WorkItem) -> str:
        day = format_date(item.day)
        if item.kind == "visit":
            return self.tr("%1: visit planned").replace("%1", day)
        if item.kind == "planned_visit":
            return self.tr("%1: in the monthly plan, no visit record yet").replace("%1", day)
        if item.kind == "plan_missing":
            return self.tr("Plan for %1 not written yet").replace("%1", item.month)
        if item.kind == "plan_draft":
            return self.tr("Plan for %1 not submitted yet").replace("%1", item.month)
        if item.kind == "plan_returned":
            return self.tr("Plan for %1 returned: %2").replace("%1", item.month).replace("%2", item.detail)
        if item.kind == "not_recorded":
            return self.tr("%1: visit not recorded").replace("%1", day)
        if item.kind == "incomplete":
            parts = {
                "content": self.tr("lesson content"),
                "objectives": self.tr("linked objectives"),
                "signature": self.tr("caregiver's signature"),
            }
            return (
                self.tr("%1: record missing %2")
                .replace("%1", day)
                .replace("%2", self.tr(", ").join(parts[p] for p in item.missing))
            )
        if item.kind == "objective_due":
            return (
                self.tr("Objective ends %1, not reviewed: %2").replace("%1", day).replace("%2", item.detail)
            )
        if item.kind == "certificate_expired":
            return self.tr("Disability certificate expired on %1").replace("%1", day)
        return self.tr("Disability certificate valid until %1").replace("%1", day)

    def open_item(self, item: worklist.WorkItem) -> None:
        """The visit editor for visits, the plan editor for plans, the IEP for objectives, else the student."""
        if item.kind in _VISIT_KINDS:
            from app.ui.editors.visit_editor import VisitEditor

            self._show(VisitEditor(self.session, item.record_id), self.tr("Visit record"))
        elif item.kind in _PLAN_KINDS:
            from app.ui.editors.plan_editor import PlanEditor

            self._show(PlanEditor(self.session, item.student_id, item.month), self.tr("Monthly plan"))
        elif item.kind == "objective_due":
            self.session.read(ieps.get_iep, item.record_id, on_done=self._open_iep, on_error=lambda _e: None)
        else:
            self.open_student(item.student_id)

    def open_student(self, student_id: str) -> None:
        from app.ui.pages.base import Shell

        window = self.window()
        if isinstance(window, Shell):
            from app.ui.pages.student import StudentPage

            window.open_detail(StudentPage(self.session, student_id, window))

    def _open_iep(self, iep: IepDetail) -> None:
        from app.ui.editors.iep_editor import IepEditor

        self._show(IepEditor(self.session, iep.student_id, term_id=iep.term_id), self.tr("IEP"))

    def _show(self, editor: QWidget, title: str) -> None:
        from app.ui.editors.windows import open_window

        self.editor = open_window(editor, title)


class PlannedThisWeek(WorklistSection):
    part = "this_week"

    def accessible_name(self) -> str:
        return self.tr("Planned visits this week")

    def empty_text(self) -> str:
        return self.tr("No more visits planned this week.")


class PlansToWrite(WorklistSection):
    part = "plans"

    def accessible_name(self) -> str:
        return self.tr("Plans to write or resubmit")

    def empty_text(self) -> str:
        return self.tr("All plans are written and submitted.")


class RecordsUnfinished(WorklistSection):
    part = "unfinished"

    def accessible_name(self) -> str:
        return self.tr("Records left unfinished")

    def empty_text(self) -> str:
        return self.tr("All records are complete.")


class ComingDue(WorklistSection):
    part = "coming_due"

    def accessible_name(self) -> str:
        return self.tr("IEP reviews and certificates coming due")

    def empty_text(self) -> str:
        return self.tr("Nothing coming due.")


class TeachersBehind(QWidget):
    """Academic affairs: teachers whose students owe make-ups or missed weeks this term, most behind first."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Teachers behind the visit rule"))
        self.list.setMinimumHeight(48)
        self.empty = QLabel(self)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        column.addWidget(self.empty)
        self.rows: list[worklist.TeacherBehind] = []

    def reload(self) -> None:
        self.session.read(worklist.teachers_behind, on_done=self.show_rows, on_error=lambda _e: None)

    def show_rows(self, rows: list[worklist.TeacherBehind]) -> None:
        self.rows = [r for r in rows if r.behind]
        self.list.clear()
        for row in self.rows:
            ratio = row.met_ratio
            text = (
                self.tr("%1: make-ups owed %2, weeks met %3, students %4")
                .replace("%1", row.name)
                .replace("%2", str(row.owed_makeups))
                .replace("%3", "—" if ratio is None else f"{ratio:.0%}")
                .replace("%4", str(row.students))
            )
            entry = QListWidgetItem(text)
            entry.setData(Qt.ItemDataRole.UserRole, row.teacher_id)
            self.list.addItem(entry)
        self.list.setVisible(bool(self.rows))
        nobody = not any(r.students for r in rows)
        self.empty.setText(
            self.tr("No teacher has students yet.") if nobody else self.tr("Every teacher is on track.")
        )
        self.empty.setVisible(not self.rows)


register_home_section(
    "planned_this_week",
    QT_TRANSLATE_NOOP("Pages", "Planned visits this week"),
    PlannedThisWeek,
    order=30,
    roles=TEACHER,
)
register_home_section(
    "plans_to_write",
    QT_TRANSLATE_NOOP("Pages", "Plans to write or resubmit"),
    PlansToWrite,
    order=40,
    roles=TEACHER,
)
register_home_section(
    "records_unfinished",
    QT_TRANSLATE_NOOP("Pages", "Records left unfinished"),
    RecordsUnfinished,
    order=50,
    roles=TEACHER,
)
register_home_section(
    "coming_due",
    QT_TRANSLATE_NOOP("Pages", "IEP reviews and certificates coming due"),
    ComingDue,
    order=60,
    roles=TEACHER,
)
register_home_section(
    "teachers_behind",
    QT_TRANSLATE_NOOP("Pages", "Teachers behind the visit rule"),
    TeachersBehind,
    order=30,
    roles=OFFICE,
)
