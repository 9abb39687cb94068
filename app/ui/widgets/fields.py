"""A form whose every field has its own error line beneath it (errors shown next to the field at fault)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import glyphs
from app.ui.messages import message
from app.ui.widgets.announce import announce
from app.ui.widgets.style import error_style


class FieldForm(QWidget):
    """Rows of label + widget + (hidden) error label, addressed by the service's field names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self._descriptions: dict[
            str, str
        ] = {}  # a field's own accessible description, while an error replaces it
        self._glyph_warnings: dict[str, str] = {}  # field -> the unprintable-character warning it shows

    def watch_printable(self, key: str) -> None:
        """Warn under the name field ``key`` as it is typed when a character will print as an empty box.

        Only text with a character beyond the BMP is checked while typing: they are the ones the fonts may
        lack (CJK Extension B and later), and reading the fonts' coverage (a third of a second, once) must not
        stall the first keystrokes of every name. The service's check on save covers every character.
        """
        widget = self.widgets[key]
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda text: self._check_printable(key, text))

    def _check_printable(self, key: str, text: str) -> None:
        chars = glyphs.missing(text) if any(ord(ch) > 0xFFFF for ch in text) else []
        shown = self._glyph_warnings.pop(key, None)
        if chars:
            warning = message("glyphs.unprintable", chars="".join(chars))
            if warning != shown or self.error(key) != warning:
                self.show_error(key, warning, focus=False)
            self._glyph_warnings[key] = warning
        elif shown is not None and self.error(key) == shown:
            self.clear_error(key)  # only the warning this check put there: a service's error stays

    def add(self, key: str, label: str, widget: QWidget, *, extra: QWidget | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if extra is not None:
            from PySide6.QtWidgets import QHBoxLayout

            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(extra)
            column.addLayout(row)
        else:
            column.addWidget(widget)
        error = QLabel(box)
        error.setStyleSheet(error_style())
        error.setWordWrap(True)
        error.setObjectName(f"error_{key}")
        error.hide()
        column.addWidget(error)
        caption = QLabel(label, self)
        caption.setBuddy(widget)
        widget.setAccessibleName(label.replace("&", ""))
        widget.setObjectName(key)
        if isinstance(widget, QPlainTextEdit | QTextEdit):
            # Tab moves on to the next field, as in every other field; nobody types a tab into a record, and a
            # keyboard-only user would otherwise be trapped in the first text box.
            widget.setTabChangesFocus(True)
        self.layout_.addRow(caption, box)
        self.widgets[key], self.errors[key], self.labels[key] = widget, error, caption
        return widget

    def show_error(self, key: str | None, text: str, *, focus: bool = True) -> bool:
        """Show ``text`` under the field ``key``; False when the form has no such field.

        The text becomes the field's accessible description (read out with the field when it gets the focus)
        and is announced at once: the focus moving to a field says nothing of why. ``focus=False`` for a
        warning shown while the user types elsewhere: the cursor stays where it is, and the announcement waits
        for the screen reader to finish what it is saying.
        """
        if key is None or key not in self.errors:
            return False
        label = self.errors[key]
        label.setText(text)
        label.show()
        label.setAccessibleName(text)
        widget = self.widgets[key]
        self._descriptions.setdefault(key, widget.accessibleDescription())
        widget.setAccessibleDescription(text)
        if focus:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        caption = self.labels[key].text().replace("&", "")
        announce(widget, f"{caption}: {text}" if caption else text, urgent=focus)
        return True

    def clear_error(self, key: str) -> None:
        if key in self.errors:
            self.errors[key].clear()
            self.errors[key].hide()
            if key in self._descriptions:
                self.widgets[key].setAccessibleDescription(self._descriptions.pop(key))

    def clear_errors(self) -> None:
        for key in self.errors:
            self.clear_error(key)

    def error(self, key: str) -> str:
        label = self.errors[key]
        return label.text() if not label.isHidden() else ""

    def value(self, key: str) -> Any:
        return widget_value(self.widgets[key])

    def set_value(self, key: str, value: Any) -> None:
        set_widget_value(self.widgets[key], value)

    def values(self) -> dict[str, Any]:
        return {key: widget_value(w) for key, w in self.widgets.items()}


def widget_value(widget: QWidget) -> Any:
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    raise TypeError(type(widget).__name__)


def set_widget_value(widget: QWidget, value: Any) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value or 0))


def combo(
    items: dict[Any, str] | list[tuple[Any, str]], parent: QWidget | None = None, *, empty: str | None = None
) -> QComboBox:
    """A combo box of (code, translated label); ``empty`` adds a first "none" entry with data None."""
    box = QComboBox(parent)
    # Entries often arrive after the box is first shown (guardians, terms, teachers from the worker): the
    # default sizes it once, on first show, and then clips "(未记录" and "2026秋季学期".
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    if empty is not None:
        box.addItem(empty, None)
    pairs = items.items() if isinstance(items, dict) else items
    for code, text in pairs:
        box.addItem(text, code)
    return box


def date_edit(parent: QWidget | None = None) -> QLineEdit:
    """Dates are typed (YYYY-MM-DD) so that they may stay empty; the service says when one is wrong."""
    edit = QLineEdit(parent)
    edit.setPlaceholderText("YYYY-MM-DD")
    edit.setMaxLength(10)
    return edit
