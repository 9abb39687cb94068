"""The lazy visit list (DESIGN pattern 3): count first, pages of rows fetched on the DB worker, SQL sorts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.services import visits
from app.ui.editors.labels import CANCEL_CAUSES, VISIT_STATUSES, label
from app.ui.i18n import format_date
from app.ui.session import AppSession

PAGE_SIZE = 200
# (key, sort key for the service or None, header source in the "VisitListModel" context)
COLUMNS = (
    ("date", "date", "Date"), ("student", "student_code", "Student"), ("teacher", "teacher", "Teacher"),
    ("status", "status", "Status"), ("lessons", None, "Lessons"), ("flags", None, "Notes"),
)
Index = QModelIndex | QPersistentModelIndex
# Header sources for lupdate (which reads these calls): translated through the same context at run time.
HEADER_SOURCES = (QT_TRANSLATE_NOOP("VisitListModel", "Date"), QT_TRANSLATE_NOOP("VisitListModel", "Student"),
                  QT_TRANSLATE_NOOP("VisitListModel", "Teacher"), QT_TRANSLATE_NOOP("VisitListModel", "Status"),
                  QT_TRANSLATE_NOOP("VisitListModel", "Lessons"), QT_TRANSLATE_NOOP("VisitListModel", "Notes"))


class VisitListModel(QAbstractTableModel):
    """Holds the count and the pages fetched so far; a page missing when the view asks is fetched in the
    background and the rows fill in when it arrives (the view never waits on the database)."""

    def __init__(self, session: AppSession, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.filters: dict[str, Any] = {}
        self.sort_key = "date"
        self.descending = True
        self._count = 0
        self._pages: dict[int, list[Any]] = {}
        self._pending: set[int] = set()
        self._generation = 0  # pages of an earlier query arriving late are dropped
        self.fetched_pages: list[int] = []

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.session.read(visits.count_visits, **self._clean_filters(),
                          on_done=lambda count: self._counted(generation, count))

    def _counted(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self.fetched_pages = []
        self._count = count
        self.endResetModel()

    def set_filters(self, **filters: Any) -> None:
        self.filters = filters
        self.reload()

    def _clean_filters(self) -> dict[str, Any]:
        return {k: v for k, v in self.filters.items() if v not in (None, "")}

    def _request(self, number: int) -> None:
        if number in self._pending:
            return
        self._pending.add(number)
        generation = self._generation
        self.session.read(visits.list_visits, offset=number * PAGE_SIZE, limit=PAGE_SIZE, sort=self.sort_key,
                          descending=self.descending, **self._clean_filters(),
                          on_done=lambda rows: self._arrived(generation, number, rows))

    def _arrived(self, generation: int, number: int, rows: list[Any]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        self._pages[number] = rows
        self.fetched_pages.append(number)
        first = number * PAGE_SIZE
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def summary(self, row: int) -> Any:
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            page = self._pages.get(number)  # the synchronous runner (tests) has it already
            if page is None:
                return None
        offset = row % PAGE_SIZE
        return page[offset] if offset < len(page) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("VisitListModel", COLUMNS[section][2])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.summary(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return item.id if item else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        if item is None:
            return "…"
        key = COLUMNS[index.column()][0]
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
                n=item.lessons, m=item.minutes)
        notes = []
        if item.without_approved_plan:
            notes.append(QCoreApplication.translate("VisitListModel", "no approved plan"))
        if item.makeup_of_id:
            notes.append(QCoreApplication.translate("VisitListModel", "make-up"))
        if item.status == "done" and not item.has_signature:
            notes.append(QCoreApplication.translate("VisitListModel", "not signed"))
        return ", ".join(notes)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort_key = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if sort_key is None or (sort_key, descending) == (self.sort_key, self.descending):
            # The view calls sort() when sorting is enabled and again for the initial indicator; each
            # reload was a count over every visit (~30 ms) queued ahead of the page's own first load.
            return
        self.sort_key = sort_key
        self.descending = descending
        self.reload()
