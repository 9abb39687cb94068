"""A screen reader can name every control, and the keyboard mnemonics of one window do not collide.

Over the walk of every page and dialog (tests/ui/walk.py, the one tests/ui/test_no_english.py takes), in
Chinese and in English: every interactive widget a person can reach (shown, taking focus by Tab) has an
accessible name as Qt's accessibility layer reports it to a screen reader (its own accessible name, its text,
or its buddy label's), the name is not only its mnemonic markup (no '&' left in it: a reader would say
"ampersand"), and within one window no two shown controls or labels use the same mnemonic letter (Alt+letter
would reach only one of them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui import walk

MNEMONIC = re.compile(r"&([^&\s])")  # "&S" in "&Save" or "保存(&S)"; "&&" is a literal ampersand


def accessible_name(widget: QWidget) -> str:
    """The name a screen reader announces for ``widget`` (Qt's accessibility layer computes it)."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name) if iface is not None else ""


def _inner(widget: QWidget) -> bool:
    """A part of a composite control (the line edit in a spin box or an editable combo box, a scroll bar, a
    tab bar's scroll buttons): the reader names the composite, not its parts."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox | QTabBar):
            return True
        if isinstance(parent, QAbstractScrollArea) and widget in parent.findChildren(QScrollBar):
            return True
        parent = parent.parentWidget()
    return isinstance(widget, QScrollBar)


def interactive(root: QWidget) -> Iterator[QWidget]:
    """The controls under ``root`` a person can reach with Tab and sees."""
    for w in (root, *root.findChildren(QWidget)):
        if not w.isVisible() or not (w.focusPolicy() & Qt.FocusPolicy.TabFocus) or _inner(w):
            continue
        yield w


def nameless(root: QWidget) -> list[str]:
    found = []
    for w in interactive(root):
        name = accessible_name(w)
        if not name.replace("&", "").strip() or MNEMONIC.search(name):
            found.append(f"{type(w).__name__}({w.objectName()}) name={name!r} text={_text(w)!r}")
    return found


def _text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton | QLabel):
        return widget.text()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.placeholderText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return widget.toolTip()


def _mnemonic_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every shown text of ``window`` whose mnemonic is live: buttons, labels with a buddy,
    checkable group boxes, tabs."""
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.window() is not window:
            continue
        where = f"{type(w).__name__}({w.objectName()})"
        if isinstance(w, QAbstractButton) or isinstance(w, QLabel) and w.buddy() is not None:
            yield where, w.text()
        elif isinstance(w, QGroupBox) and w.isCheckable():
            yield where, w.title()
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.isTabVisible(i):
                    yield f"{where} tab {i}", w.tabText(i)


def duplicate_mnemonics(root: QWidget) -> list[str]:
    windows = {root.window()} | {w.window() for w in root.findChildren(QWidget) if w.isVisible()}
    found = []
    for window in windows:
        letters: dict[str, list[str]] = {}
        for where, text in _mnemonic_texts(window):
            for letter in MNEMONIC.findall(text.replace("&&", "")):
                letters.setdefault(letter.lower(), []).append(f"{where} {text!r}")
        found += [
            f"{window.windowTitle() or type(window).__name__}: &{k} in {v}"
            for k, v in letters.items()
            if len(v) > 1
        ]
    return found


class Audit:
    def __init__(self) -> None:
        self.found: dict[str, set[str]] = {}
        self.controls = 0

    def check(self, name: str, widget: QWidget) -> None:
        self.controls += sum(1 for _ in interactive(widget))
        for problem in nameless(widget) + duplicate_mnemonics(widget):
            self.found.setdefault(name, set()).add(problem)

    def assert_clean(self, at_least: int) -> None:
        report = "\n".join(f"{name}:\n  " + "\n  ".join(sorted(p)) for name, p in sorted(self.found.items()))
        assert not self.found, f"accessibility problems:\n{report}"
        assert self.controls >= at_least, self.controls


def test_the_audit_finds_a_nameless_control_and_a_shared_mnemonic(qtbot) -> None:
    from PySide6.QtWidgets import QFormLayout, QPushButton

    root = QWidget()
    form = QFormLayout(root)
    named, bare, marked = QLineEdit(), QLineEdit(), QPushButton("&Save")
    marked.setAccessibleName("&Save")  # read out as "ampersand Save"
    label = QLabel("&Name")
    label.setBuddy(named)
    form.addRow(label, named)  # named by its buddy label, without the '&'
    form.addRow(bare)
    form.addRow(QPushButton("N&ext"), marked)
    qtbot.addWidget(root)
    root.show()
    assert accessible_name(named) == "Name"
    assert [p.split(" ")[0] for p in nameless(root)] == ["QLineEdit()", "QPushButton()"]
    assert duplicate_mnemonics(root) == []
    label.setText("&Extra name")
    assert len(duplicate_mnemonics(root)) == 1 and "&e in" in duplicate_mnemonics(root)[0]


@pytest.fixture(params=["zh_CN", "en"])
def language(request):
    return request.getfixturevalue("chinese" if request.param == "zh_CN" else "english")


def test_every_page(demo_school, qtbot, language) -> None:
    audit = Audit()
    for name, widget in walk.pages(demo_school, qtbot):
        audit.check(name, widget)
    audit.assert_clean(at_least=100)


def test_every_record_editor_and_dialog(make_session, school, qtbot, language) -> None:
    audit = Audit()
    for name, widget in walk.record_editors(make_session, school, qtbot):
        widget.show()
        audit.check(name, widget)
    audit.assert_clean(at_least=100)


def test_editors_on_demo_records(demo_school, qtbot, language) -> None:
    audit = Audit()
    for name, widget in walk.demo_editors(demo_school, qtbot):
        audit.check(name, widget)
    audit.assert_clean(at_least=50)


def test_small_dialogs_and_the_wizard(make_session, school, tmp_path, qtbot, language) -> None:
    audit = Audit()
    for name, widget in walk.small_dialogs(make_session, school, tmp_path, qtbot):
        audit.check(name, widget)
    for name, widget in walk.wizard(tmp_path, qtbot):
        audit.check(name, widget)
    audit.assert_clean(at_least=30)
