"""The lazy paged table model (DESIGN pattern 3) the student and visit lists share: count first, pages on the DB worker."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.session import AppSession

Index = QModelIndex | QPersistentModelIndex
LOADING = "…"  # shown in a cell whose page is still on its way from the worker


class HasId(Protocol):
    @property
    def id(self) -> str: ...


Row = TypeVar("Row", bound=HasId)  # the service's summary type of one row (StudentSummary, VisitSummary)


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """Holds the count and the pages fetched so far; a page missing when the view asks is fetched in the
    background and the rows fill in when it arrives (the view never waits on the database, and no query runs
    on the UI thread). Sorting and filtering are the service's, in SQL.

    Subclasses pass the service's ``count(ctx, **filters)`` and ``fetch(ctx, offset=, limit=, sort=,
    descending=, **filters)`` and say how a cell and a header read (:meth:`display`, :meth:`header`).
    ``sort_keys`` gives the service's sort key per column, ``None`` where the column cannot sort.
    ``fetched_pages`` records which pages were loaded (for tests)."""

    def __init__(
        self,
        session: AppSession,
        *,
        count: Callable[..., int],
        fetch: Callable[..., list[Row]],
        sort_keys: Sequence[str | None],
        sort_key: str,
        descending: bool,
        page_size: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._count_rows = count
        self._fetch_rows = fetch
        self.sort_keys = tuple(sort_keys)
        self.page_size = page_size
        self.filters: dict[str, Any] = {}  # the service's filter keywords, passed on as they are
        self.sort_key = sort_key
        self.descending = descending
        self._count = 0
        self._pages: dict[int, list[Row]] = {}
        self._pending: set[int] = set()
        self._generation = 0  # pages of an earlier query arriving late are dropped
        self.fetched_pages: list[int] = []

    # --- what subclasses say -------------------------------------------------------------------------

    def display(self, item: Row, column: int) -> str:
        """The text of ``column`` for one fetched row."""
        raise NotImplementedError

    def header(self, section: int) -> str:
        raise NotImplementedError

    # --- loading -------------------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.session.read(
            self._count_rows, **self._clean_filters(), on_done=lambda count: self._counted(generation, count)
        )

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
        self.session.read(
            self._fetch_rows,
            offset=number * self.page_size,
            limit=self.page_size,
            sort=self.sort_key,
            descending=self.descending,
            **self._clean_filters(),
            on_done=lambda rows: self._arrived(generation, number, rows),
        )

    def _arrived(self, generation: int, number: int, rows: list[Row]) -> None:
        if generation != self._generation:
            return
        self._pending.discard(number)
        self._pages[number] = rows
        self.fetched_pages.append(number)
        first = number * self.page_size
        last = min(first + len(rows), self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def summary(self, row: int) -> Row | None:
        """The fetched row, or ``None`` while its page is loading (asking starts the load)."""
        if not 0 <= row < self._count:
            return None
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            page = self._pages.get(number)  # the synchronous runner (tests) has it already
            if page is None:
                return None
        offset = row % self.page_size
        return page[offset] if offset < len(page) else None

    # --- Qt model API --------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.sort_keys)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:  # Qt's QVariant: whatever the role asks for
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.header(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt's QVariant
        # Only the roles below look at the row: others (colours, fonts) must not trigger a page load.
        if not index.isValid() or role not in (
            Qt.ItemDataRole.UserRole,
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        item = self.summary(index.row())
        if role == Qt.ItemDataRole.UserRole:
            return item.id if item else None
        return LOADING if item is None else self.display(item, index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort_key = self.sort_keys[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if sort_key is None or (sort_key, descending) == (self.sort_key, self.descending):
            # The view calls sort() when sorting is enabled and again for the initial indicator; each
            # reload is a count over every row queued ahead of the page's own first load.
            return
        self.sort_key = sort_key
        self.descending = descending
        self.reload()
