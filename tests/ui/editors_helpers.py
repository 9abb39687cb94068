"""Helpers shared by the editor tests (imported by test_editors_*.py; sessions come from tests/ui/conftest.py)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


class Answers(list):
    """Queued answers; ``asked`` holds every question's text."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """Modal questions answered without a screen: tests set ``answers.append(button)``; default Discard/Yes.

    Qt's own QMessageBox is replaced (not our code): a modal box would block an offscreen test forever.
    """
    queue = Answers()
    asked = queue.asked

    def question(_parent, _title, text, buttons=None, default=None):
        asked.append(text)
        if queue:
            return queue.pop(0)
        if buttons is not None and buttons & QMessageBox.StandardButton.Discard:
            return QMessageBox.StandardButton.Discard
        return QMessageBox.StandardButton.Yes

    def note(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(note))
    return queue


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


@pytest.fixture(autouse=True)
def strict_callbacks(monkeypatch):
    """An exception in any service callback fails the test. The runners report such errors only on a signal
    (the window shows them), so every runner made during the test is listened to; nothing else changes."""
    from app.ui.tasks import BaseRunner

    errors: list[BaseException] = []
    original = BaseRunner.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.unhandled_error.connect(errors.append)

    monkeypatch.setattr(BaseRunner, "__init__", init)
    yield errors
    assert not errors, f"unhandled errors in callbacks: {errors!r}"
