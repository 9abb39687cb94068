"""The lazy student list (DESIGN pattern 3): the count up front, rows fetched a page at a time, SQL sorts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from app.services import students
from app.services.students import StudentSummary
from app.ui.i18n import format_date
from app.ui.item_models.lazy import LazyTableModel
from app.ui.labels import CATEGORIES, GENDERS, STATUSES, label
from app.ui.session import AppSession

PAGE_SIZE = 100
COLUMNS = (
    ("code", "code"),
    ("name", "name"),
    ("gender", None),
    ("birth_date", "birth_date"),
    ("grade_class", "grade_class"),
    ("disability_category", "disability_category"),
    ("status", "status"),
    ("teachers", None),
    ("id_masked", None),
)


def _headers() -> dict[str, str]:
    return {
        "code": QCoreApplication.translate("StudentListModel", "Code"),
        "name": QCoreApplication.translate("StudentListModel", "Name"),
        "gender": QCoreApplication.translate("StudentListModel", "Gender"),
        "birth_date": QCoreApplication.translate("StudentListModel", "Birth date"),
        "grade_class": QCoreApplication.translate("StudentListModel", "Class"),
        "disability_category": QCoreApplication.translate("StudentListModel", "Disability"),
        "status": QCoreApplication.translate("StudentListModel", "Status"),
        "teachers": QCoreApplication.translate("StudentListModel", "Teachers"),
        "id_masked": QCoreApplication.translate("StudentListModel", "ID number"),
    }


class StudentListModel(LazyTableModel[StudentSummary]):
    """Students in pages of ``PAGE_SIZE``, fetched on the DB worker as the view shows them."""

    def __init__(self, session: AppSession, parent: QObject | None = None) -> None:
        super().__init__(
            session,
            count=students.count_students,
            fetch=students.list_students,
            sort_keys=[sort for _key, sort in COLUMNS],
            sort_key="code",
            descending=False,
            page_size=PAGE_SIZE,
            parent=parent,
        )
        self._headers = _headers()

    def header(self, section: int) -> str:
        return self._headers[COLUMNS[section][0]]

    def display(self, item: StudentSummary, column: int) -> str:
        key = COLUMNS[column][0]
        if key == "gender":
            return label(GENDERS, item.gender) if item.gender else ""
        if key == "birth_date":
            return format_date(item.birth_date)
        if key == "disability_category":
            return label(CATEGORIES, item.disability_category) if item.disability_category else ""
        if key == "status":
            return label(STATUSES, item.status)
        value = getattr(item, key)
        return "" if value is None else str(value)
