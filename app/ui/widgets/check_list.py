"""A QListWidget used as a list of check boxes, each item keyed by a code or id (subjects, objectives, teachers)."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

KEY = Qt.ItemDataRole.UserRole


def add_checkable(widget: QListWidget, key: str, text: str) -> QListWidgetItem:
    """An unchecked item showing ``text``, keyed by ``key``."""
    item = QListWidgetItem(text)
    item.setData(KEY, key)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Unchecked)
    widget.addItem(item)
    return item


def checked_keys(widget: QListWidget) -> list[str]:
    """The keys of the checked items, in list order."""
    return [
        widget.item(i).data(KEY)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


def set_checked_keys(widget: QListWidget, keys: Collection[str]) -> None:
    """Check exactly the items whose key is in ``keys``."""
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(KEY) in keys else Qt.CheckState.Unchecked)
