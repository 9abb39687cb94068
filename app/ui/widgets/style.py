"""Looks that follow the user's system: text sizes relative to the font the user chose, colours that keep their
contrast in dark mode. No fixed point sizes (they stop text from growing) and no light background without its
own dark text (in dark mode the palette's text is white)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

INK = "#1f1f1f"  # text on the light tints below, whatever colour the palette gives text
# The text-size setting (Settings, kept per computer): a factor on the system's own font size.
TEXT_SIZES = {"normal": 1.0, "large": 1.25, "larger": 1.5}
_base_point_size: float | None = None


def is_dark() -> bool:
    """The system (or the user) runs a dark palette: light text on a dark window."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def error_style() -> str:
    """Red that reads on the window's background (#b3261e is 1.9:1 on a dark window; #ff8a80 is 7:1)."""
    return "color: #ff8a80;" if is_dark() else "color: #b3261e;"


def error_label() -> QLabel:
    """A dialog's error line: wrapped, in the error colour, hidden until there is something to say."""
    label = QLabel()
    label.setStyleSheet(error_style())
    label.setWordWrap(True)
    label.hide()
    return label


def password_field(accessible: str) -> QLineEdit:
    """A line edit that shows no password, named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible)
    return field


def warning_color() -> str:
    return "#ffcc80" if is_dark() else "#8a5300"


def warning_style() -> str:
    return f"color: {warning_color()};"


def tint_style(selector: str, background: str) -> str:
    """A light notice background with text that stays dark on it, in light and dark mode alike."""
    return f"{selector} {{ background: {background}; color: {INK}; }}"


# Text a person may need to copy (a passphrase, the office's comment, an error): by mouse, and by keyboard for
# whoever uses no mouse (Tab reaches the label, Shift+arrows select, Ctrl+C copies).
SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard


def make_selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(SELECTABLE)
    label.setFocusPolicy(
        Qt.FocusPolicy.StrongFocus
    )  # Qt gives such a label click focus only: Tab must reach it
    return label


def make_heading(label: QLabel, scale: float = 1.45) -> QLabel:
    """A page or dialog title: bold and ``scale`` times the application's font, so it grows with the setting."""
    font = QFont(label.font())
    font.setPointSizeF(QApplication.font().pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def apply_text_size(key: str) -> str:
    """Set the application's font to the chosen size ("normal", "large", "larger"); returns the key in force.

    The factor applies to the system's font as found at the first call, so choosing again never compounds.
    """
    global _base_point_size
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "normal"
    key = key if key in TEXT_SIZES else "normal"
    font = QFont(app.font())
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size * TEXT_SIZES[key])
    app.setFont(font)
    return key
