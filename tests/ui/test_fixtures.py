"""The UI test fixtures themselves fail when they should: undeclared boxes, callback errors, unclear clicks."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.ui.tasks import SyncRunner, ThreadRunner
from tests.ui.helpers import Answers, click, find_button, wait_idle

Button = QMessageBox.StandardButton


def test_answers_take_only_what_was_declared():
    answers = Answers().question("not saved", Button.Save).warning("Cannot save")
    assert answers._answer("question", "Unsaved changes", "Changes not saved. Save?", None) == Button.Save
    assert answers._answer("warning", "Cannot save", "The date is wrong.", None) == Button.Ok
    assert answers.problems() == []
    # Undeclared: answered the harmless way, and reported.
    both = Button.Save | Button.Discard | Button.Cancel
    assert answers._answer("question", "Delete", "Delete this?", both) == Button.Cancel
    assert answers._answer("question", "Delete", "Delete this?", None) == Button.No
    assert answers._answer("warning", "Oops", "Something went wrong", None) == Button.Ok
    assert len(answers.problems()) == 3 and all(p.startswith("unexpected ") for p in answers.problems())
    never = Answers().question("never asked")
    assert never.problems() == ["expected question matching 'never asked' never came"]


def test_an_error_in_a_callback_is_caught_for_the_test(strict_callbacks):
    runner = SyncRunner()

    def broken(_result):
        raise RuntimeError("boom")

    runner.submit(lambda: 1, on_done=broken)
    assert [str(e) for e in strict_callbacks.errors] == ["boom"]
    strict_callbacks.errors.clear()  # seen: this test is about the catching, it must not fail for it


def test_wait_idle_returns_once_the_worker_delivered(qtbot):
    runner = ThreadRunner()
    release = threading.Event()
    got: list[int] = []
    runner.submit(lambda: release.wait(5) and 7, on_done=got.append)
    QTimer.singleShot(50, release.set)
    assert runner.busy and got == []
    wait_idle(qtbot, runner)
    assert got == [7] and not runner.busy
    runner.shutdown()


def test_click_names_one_visible_enabled_button(qtbot):
    root = QWidget()
    layout = QVBoxLayout(root)
    pressed: list[str] = []
    for text in ("&Save", "Save", "Close"):
        button = QPushButton(text)
        button.clicked.connect(lambda _=False, t=text: pressed.append(t))
        layout.addWidget(button)
    off = QPushButton("Off")
    off.setEnabled(False)
    layout.addWidget(off)
    qtbot.addWidget(root)
    root.show()
    click(qtbot, root, "Close")
    assert pressed == ["Close"]
    with pytest.raises(AssertionError, match="2 visible buttons"):
        find_button(root, "Save")  # "&Save" and "Save" read the same
    with pytest.raises(AssertionError, match="no visible button"):
        find_button(root, "Print")
    with pytest.raises(AssertionError, match="disabled"):
        click(qtbot, root, "Off")
    assert pressed == ["Close"]


class _Panel(QWidget):
    """A window part that shows a result in a child label (touching a deleted C++ object raises)."""

    def __init__(self) -> None:
        super().__init__()
        from PySide6.QtWidgets import QLabel

        self.label = QLabel(self)

    def show_result(self, result) -> None:
        self.label.setText(str(result))


@pytest.mark.parametrize("bind", ["method", "lambda", "error"])
def test_a_result_arriving_after_its_window_closed_is_dropped_quietly(qtbot, strict_callbacks, bind):
    """The window that asked is closed and deleted while the worker runs: the result is dropped, no "Internal
    C++ object already deleted" reaches the user (it did: the callback ran on the dead window)."""
    import shiboken6

    runner = ThreadRunner()
    release = threading.Event()
    panel, kept = _Panel(), _Panel()
    callbacks = {
        "method": {"on_done": panel.show_result},
        "lambda": {"on_done": lambda result: panel.show_result(result)},
        "error": {"on_error": lambda error: panel.show_result(error)},
    }[bind]

    def work():
        release.wait(5)
        if bind == "error":
            raise ValueError("refused")
        return 7

    runner.submit(work, **callbacks)
    runner.submit(lambda: 8, on_done=kept.show_result)  # a live window still gets its result
    shiboken6.delete(panel)
    release.set()
    wait_idle(qtbot, runner)
    assert strict_callbacks.errors == []
    assert kept.label.text() == "8"
    runner.shutdown()
