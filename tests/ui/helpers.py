"""Shared UI test pieces: strict dialog answers, strict callbacks, clicking by name, waiting for the worker.

The fixtures here are registered for every UI module by tests/ui/conftest.py (autouse), so a test module needs
no import to get them; the helpers are imported: ``from tests.ui.helpers import click, wait_idle``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

IDLE_TIMEOUT_MS = (
    10_000  # generous: two cores shared by many processes; waitUntil returns as soon as it holds
)

Button = QMessageBox.StandardButton


@dataclass
class Expected:
    kind: str  # "question" or "warning" (warning, critical and information boxes)
    match: str  # a part of the box's title or text; "" matches any
    reply: Button


class Answers:
    """Modal boxes answered without a screen, and only those the test declared.

    ``answers.question("not saved", Button.Save)`` expects one question whose title or text contains
    "not saved" and answers it Save; ``answers.warning("Cannot save")`` expects one warning (or critical or
    information box). A box nobody declared is answered the harmless way (Cancel/No/Ok), recorded, and fails
    the test at teardown; so does a declared box that never came. ``asked`` holds every box's text in order.
    """

    def __init__(self) -> None:
        self.expected: list[Expected] = []
        self.asked: list[str] = []
        self.unexpected: list[str] = []
        # Set once the test body is over (tests/ui/conftest.py): qtbot then closes the windows the test left
        # open, and an editor left with changes asks; that question belongs to the harness, not the test.
        self.closing = False

    def question(self, match: str = "", reply: Button = Button.Yes) -> Answers:
        self.expected.append(Expected("question", match, reply))
        return self

    def warning(self, match: str = "") -> Answers:
        self.expected.append(Expected("warning", match, Button.Ok))
        return self

    def append(self, reply: Button) -> None:
        """Older spelling: expect one question, whatever its text, answered ``reply``."""
        self.question("", reply)

    def _answer(self, kind: str, title: str, text: str, buttons) -> Button:
        self.asked.append(text)
        if self.closing and kind == "question":
            return Button.Discard if buttons is not None and buttons & Button.Discard else Button.No
        for i, expected in enumerate(self.expected):
            if expected.kind == kind and (expected.match in text or expected.match in title):
                del self.expected[i]
                return expected.reply
        self.unexpected.append(f"{kind}: {title!r} {text!r}")
        if kind != "question":
            return Button.Ok
        if buttons is not None and buttons & Button.Cancel:
            return Button.Cancel
        return Button.No

    def problems(self) -> list[str]:
        return [f"unexpected {u}" for u in self.unexpected] + [
            f"expected {e.kind} matching {e.match!r} never came" for e in self.expected
        ]


@pytest.fixture(autouse=True)
def answers(monkeypatch):
    """Qt's QMessageBox statics replaced (not our code): a real modal box would block an offscreen test."""
    queue = Answers()

    def question(_parent, title, text, buttons=None, default=None):
        return queue._answer("question", title, text, buttons)

    def note(_parent, title, text, *args, **kwargs):
        return queue._answer("warning", title, text, None)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(note))
    yield queue
    problems = queue.problems()
    assert not problems, "message boxes: " + "; ".join(problems)


class Callbacks(list):
    """What ``strict_callbacks`` saw: the errors no callback took (the list itself, also as ``errors``), and
    every runner made during the test (``runners``)."""

    def __init__(self) -> None:
        super().__init__()
        self.runners: list = []

    @property
    def errors(self) -> list[BaseException]:
        return self


@pytest.fixture(autouse=True)
def strict_callbacks(monkeypatch):
    """An exception in any service callback fails the test. The runners turn such an exception into the
    ``unhandled_error`` signal (the window shows it), so every runner made during the test is listened to.
    (Exceptions raised in Qt slots and event handlers are failed by pytest-qt's own exception capture.)
    The runners are also drained before the test's widgets are closed (tests/ui/conftest.py)."""
    from app.ui.tasks import BaseRunner

    seen = Callbacks()
    original = BaseRunner.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.unhandled_error.connect(seen.errors.append)
        seen.runners.append(self)

    monkeypatch.setattr(BaseRunner, "__init__", init)
    yield seen
    assert not seen.errors, f"unhandled errors in callbacks: {seen.errors!r}"


def drain(runners, timeout: float = IDLE_TIMEOUT_MS / 1000) -> None:
    """Run the event loop until no runner has work pending (no qtbot needed: used from a pytest hook)."""
    deadline = time.monotonic() + timeout
    while any(_alive(r) and r.busy for r in runners):
        if time.monotonic() > deadline:
            raise AssertionError("the DB worker was still busy when the test ended")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    QCoreApplication.processEvents()


def _alive(obj) -> bool:
    try:
        obj.objectName()
    except RuntimeError:  # its C++ side is gone: nothing can be delivered to it any more
        return False
    return True


def _runner_of(target):
    """A runner, or the runner of a session, or of a window's/page's session."""
    for path in ((), ("runner",), ("session", "runner")):
        obj = target
        for attr in path:
            obj = getattr(obj, attr, None)
        if obj is not None and hasattr(obj, "busy") and hasattr(obj, "submit"):
            return obj
    raise TypeError(f"no runner in {target!r}")


def wait_idle(qtbot, target, timeout: int = IDLE_TIMEOUT_MS) -> None:
    """Wait until the DB worker has no task pending and the callbacks' follow-ups (0 ms timers, tasks the
    callbacks submitted) are delivered too: idle before and after one round of the event loop."""
    runner = _runner_of(target)

    def settled() -> bool:
        if runner.busy:
            return False
        QCoreApplication.processEvents()
        return not runner.busy

    qtbot.waitUntil(settled, timeout=timeout)


def _label(button: QAbstractButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def find_button(root: QWidget, name: str) -> QAbstractButton:
    """The one visible button under ``root`` whose accessible name or text (mnemonic '&' removed) is
    ``name``. Fails clearly when there is none or more than one: a click must say what it presses."""
    found = [
        b
        for b in root.findChildren(QAbstractButton)
        if name in (b.accessibleName(), _label(b)) and b.isVisible()
    ]
    if not found:
        visible = sorted(
            {_label(b) or b.accessibleName() for b in root.findChildren(QAbstractButton) if b.isVisible()}
        )
        raise AssertionError(f"no visible button {name!r}; visible buttons: {visible}")
    if len(found) > 1:
        raise AssertionError(f"{len(found)} visible buttons named {name!r}: name the dialog or panel instead")
    return found[0]


def click(qtbot, root: QWidget, name: str) -> QAbstractButton:
    """Press the button named ``name`` (accessible name or text) under ``root`` with the mouse, as a user
    does; a disabled button fails the test instead of being pressed without effect."""
    button = find_button(root, name)
    assert button.isEnabled(), f"button {name!r} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return button
