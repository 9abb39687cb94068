"""The lazy visit list (DESIGN pattern 3): the visit columns over the shared lazy paged model."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtWidgets import QTableView

from app.services import visits
from app.services.visit_list import VisitSummary
from app.ui.i18n import format_date
from app.ui.item_models.lazy import LazyTableModel
from app.ui.labels import CANCEL_CAUSES, VISIT_STATUSES, label
from app.ui.session import AppSession

PAGE_SIZE = 200
# (key, sort key for the service or None, header source in the "VisitListModel" context)
COLUMNS = (
    ("date", "date", "Date"),
    ("student", "student_code", "Student"),
    ("teacher", "teacher", "Teacher"),
    ("status", "status", "Status"),
    ("lessons", None, "Lessons"),
    ("flags", None, "Notes"),
)
# Header sources for lupdate (which reads these calls): translated through the same context at run time.
HEADER_SOURCES = (
    QT_TRANSLATE_NOOP("VisitListModel", "Date"),
    QT_TRANSLATE_NOOP("VisitListModel", "Student"),
    QT_TRANSLATE_NOOP("VisitListModel", "Teacher"),
    QT_TRANSLATE_NOOP("VisitListModel", "Status"),
    QT_TRANSLATE_NOOP("VisitListModel", "Lessons"),
    QT_TRANSLATE_NOOP("VisitListModel", "Notes"),
)


class VisitListModel(LazyTableModel[VisitSummary]):
    """Visits in pages of ``PAGE_SIZE``, newest first, fetched on the DB worker as the view shows them."""

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(
            session,
            count=visits.count_visits,
            fetch=visits.list_visits,
            sort_keys=[sort for _key, sort, _header in COLUMNS],
            sort_key="date",
            descending=True,
            page_size=PAGE_SIZE,
            parent=parent,
        )

    def header(self, section: int) -> str:
        return QCoreApplication.translate("VisitListModel", COLUMNS[section][2])

    def display(self, item: VisitSummary, column: int) -> str:
        key = COLUMNS[column][0]
        if key == "date":
            clock = item.start_time.strftime(" %H:%M") if item.start_time else ""
            return format_date(item.date) + clock
        if key == "student":
            return f"{item.student_code} {item.student_name}"
        if key == "teacher":
            return item.teacher_name
        if key == "status":
            text = label(VISIT_STATUSES, item.status)
            return f"{text} ({label(CANCEL_CAUSES, item.cancel_cause)})" if item.cancel_cause else text
        if key == "lessons":
            return QCoreApplication.translate("VisitListModel", "{n} lessons, {m} min").format(
                n=item.lessons, m=item.minutes
            )
        notes = []
        if item.without_approved_plan:
            notes.append(QCoreApplication.translate("VisitListModel", "no approved plan"))
        if item.makeup_of_id:
            notes.append(QCoreApplication.translate("VisitListModel", "make-up"))
        if item.status == "done" and not item.has_signature:
            notes.append(QCoreApplication.translate("VisitListModel", "not signed"))
        return ", ".join(notes)


# The widest text each column usually shows: measured once, not per row (the rows are fetched lazily and
# ResizeToContents would ask for rows the user never sees).
SAMPLES = (
    "2026年12月31日 14:30",
    "SJ0000 欧阳上官宏",
    "欧阳上官老师",
    "已取消 (家庭或学生原因)",
    "3 课时，120 分钟",
)


def fit_columns(view: QTableView) -> None:
    """Columns wide enough for a whole date, code and name; the notes take the rest of the row."""
    metrics = view.fontMetrics()
    for column, sample in enumerate(SAMPLES):
        view.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
    view.horizontalHeader().setStretchLastSection(True)
