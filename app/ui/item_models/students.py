"""The lazy student list (DESIGN pattern 3): the count up front, rows fetched a page at a time, SQL sorts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from app.services import students
from app.services.context import ServiceContext
from app.services.students import StudentSummary
from app.ui.i18n import format_date
from app.ui.labels import CATEGORIES, GENDERS, STATUSES, label

PAGE_SIZE = 100
COLUMNS = (
    ("code", "code"), ("name", "name"), ("gender", None), ("birth_date", "birth_date"),
    ("grade_class", "grade_class"), ("disability_category", "disability_category"), ("status", "status"),
    ("teachers", None), ("id_masked", None),
)

Index = QModelIndex | QPersistentModelIndex


def _headers() -> dict[str, str]:
    return {
        "code": QCoreApplication.translate("StudentListModel", "Code"), "name": QCoreApplication.translate("StudentListModel", "Name"),
        "gender": QCoreApplication.translate("StudentListModel", "Gender"), "birth_date": QCoreApplication.translate("StudentListModel", "Birth date"),
        "grade_class": QCoreApplication.translate("StudentListModel", "Class"), "disability_category": QCoreApplication.translate("StudentListModel", "Disability"),
        "status": QCoreApplication.translate("StudentListModel", "Status"), "teachers": QCoreApplication.translate("StudentListModel", "Teachers"),
        "id_masked": QCoreApplication.translate("StudentListModel", "ID number"),
    }


class StudentListModel(QAbstractTableModel):
    """Rows are fetched on demand in pages of ``PAGE_SIZE``; ``fetched_pages`` records which (for tests)."""

    def __init__(self, ctx_factory: Callable[[], ServiceContext], parent: Any = None) -> None:
        super().__init__(parent)
        self._ctx = ctx_factory
        self.filters: dict[str, Any] = {}
        self.sort_key = "code"
        self.descending = False
        self._count = 0
        self._pages: dict[int, list[StudentSummary]] = {}
        self.fetched_pages: list[int] = []
        self._headers = _headers()

    # --- loading ---------------------------------------------------------------------------------------

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self.fetched_pages = []
        self._count = students.count_students(self._ctx(), **self._clean_filters())
        self.endResetModel()

    def set_filters(self, **filters: Any) -> None:
        self.filters = filters
        self.reload()

    def _clean_filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.filters.items() if v not in (None, "")}

    def _page(self, number: int) -> list[StudentSummary]:
        page = self._pages.get(number)
        if page is None:
            page = students.list_students(self._ctx(), offset=number * PAGE_SIZE, limit=PAGE_SIZE,
                                          sort=self.sort_key, descending=self.descending, **self._clean_filters())
            self._pages[number] = page
            self.fetched_pages.append(number)
        return page

    def summary(self, row: int) -> StudentSummary | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // PAGE_SIZE)
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    # --- Qt model API ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[COLUMNS[section][0]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.UserRole:
            item = self.summary(index.row())
            return item.id if item else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        item = self.summary(index.row())
        if item is None:
            return None
        key = COLUMNS[index.column()][0]
        if key == "gender":
            return label(GENDERS, item.gender) if item.gender else ""
        if key == "birth_date":
            return format_date(item.birth_date)
        if key == "disability_category":
            return label(CATEGORIES, item.disability_category) if item.disability_category else ""
        if key == "status":
            return label(STATUSES, item.status)
        return getattr(item, key)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort_key = COLUMNS[column][1]
        if sort_key is None:
            return
        self.sort_key = sort_key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
