"""Helpers shared by the editor tests (imported by test_editors_*.py; sessions come from tests/ui/conftest.py)."""

from __future__ import annotations

# The strict fixtures live in tests/ui/helpers.py and are autouse for every UI module (tests/ui/conftest.py);
# they are re-exported here so older imports (`from tests.ui.editors_helpers import answers`) keep working.
from tests.ui.helpers import answers, strict_callbacks  # noqa: F401


def dialog_of(panel):
    """The FormDialog or picker the panel opened last (dialogs are opened with open(), not exec())."""
    assert panel.dialog is not None and panel.dialog.isVisible()
    return panel.dialog


def activate(qtbot, widget) -> None:
    """Make the widget's window the active one: shortcuts such as Ctrl+S reach only the active window."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def press_save(qtbot, editor, target=None) -> None:
    """Ctrl+S as a user presses it, in the editor's focused control."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    activate(qtbot, editor)
    QTest.keyClick(
        target or editor.focusWidget() or editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
