"""Editors opened in their own windows (several at once, like documents); each asks before losing changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

_open: set[QWidget] = set()  # keeps Python wrappers alive while the windows are open


def open_window(editor: QWidget, title: str) -> QWidget:
    """Show ``editor`` as a top-level window; closing it runs the editor's own unsaved-changes check."""
    editor.setParent(None)
    editor.setWindowFlag(Qt.WindowType.Window, True)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    editor.setWindowTitle(title)
    editor.resize(900, 760)
    _open.add(editor)
    editor.destroyed.connect(lambda *_: _open.discard(editor))
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def open_windows() -> list[QWidget]:
    return list(_open)
