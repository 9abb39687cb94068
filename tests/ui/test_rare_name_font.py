"""The window shows names beyond the BMP (𠮷, 𬣙): the bundled fallback font backs Qt's own font fallback."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QLabel

from app.ui.app import add_fallback_font

NAME = "王\U00020bb7\U0002c8d9"


def test_the_fallback_font_is_registered_and_has_the_names_characters(qapp):
    family = add_fallback_font()
    assert family == "Songjiao Han Fallback"
    metrics = QFontMetrics(QFont(family))
    assert all(metrics.inFontUcs4(ord(ch)) for ch in NAME[1:])


def test_the_windows_font_finds_a_glyph_for_the_name_and_not_for_what_no_font_has(qapp):
    """Qt resolves a character through its fallback fonts (the bundled one, and the system's): the label's font
    has the name's characters; an unassigned code point, which no font can have, it would draw as a box."""
    add_fallback_font()
    metrics = QFontMetrics(QLabel().font())
    assert all(metrics.inFontUcs4(ord(ch)) for ch in NAME)
    assert not metrics.inFontUcs4(0x2FFFD)
