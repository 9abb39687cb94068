"""The system's text size and dark mode are honoured: a text-size setting, headings that grow, notices readable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from app.ui.editors.base import Banner
from app.ui.prefs import load_prefs
from app.ui.widgets.style import INK, apply_text_size, error_style, make_heading


@pytest.fixture
def normal_size(qapp):
    yield
    apply_text_size("normal")


def test_the_text_size_setting_grows_the_font_and_the_headings(make_window, school, qtbot, normal_size):
    window = make_window(school.admin)
    base = QApplication.font().pointSizeF()
    page = window.show_page("settings")
    tab = page.language_tab
    page.tabs.setCurrentWidget(tab)
    tab.text_size.setCurrentIndex(tab.text_size.findData("larger"))
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
    assert load_prefs(window.session.paths)["text_size"] == "larger"
    heading = make_heading(QLabel("设置"))
    assert heading.font().pointSizeF() == pytest.approx(base * 1.5 * 1.45)
    apply_text_size("larger")  # choosing again never compounds
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)


def test_notices_keep_dark_text_and_errors_turn_light_in_dark_mode(qtbot, qapp):
    light = QApplication.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    QApplication.setPalette(dark)
    try:
        banner = Banner()
        qtbot.addWidget(banner)
        banner.show_message("草稿已恢复", error=False)
        assert INK in banner.styleSheet()  # white palette text would vanish on the light tint
        assert error_style() == "color: #ff8a80;"
    finally:
        QApplication.setPalette(light)
    assert error_style() == "color: #b3261e;"
