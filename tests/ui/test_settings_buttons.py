"""Each settings tab changed and saved by its own button, on the real worker: the school and its visit rule,
the term calendar, a backup made, the text size applied (and the language asked for)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from app.services import backup
from app.services import school as school_service
from app.ui.widgets.style import apply_text_size
from tests.ui.helpers import click, wait_idle


@pytest.fixture
def normal_size(qapp):
    yield
    apply_text_size("normal")


def test_each_settings_tab_is_changed_and_saved_by_its_button(
    make_window, school, qtbot, english, normal_size
):
    window = make_window(school.admin)
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    tabs = page.tabs

    def tab(widget):
        tabs.setCurrentWidget(widget)
        wait_idle(qtbot, window)
        return widget

    school_tab = tab(page.school_tab)
    school_tab.form.set_value("phone", "0571-12345678")
    school_tab.form.set_value("lessons_per_visit", 3)
    click(qtbot, school_tab, "Save school settings")
    wait_idle(qtbot, window)
    info = school_service.get_school(school.ctx)
    assert info.phone == "0571-12345678" and info.rule.lessons_per_visit == 3
    assert window.statusBar().currentMessage() == "Saved."

    term_tab = tab(page.term_tab)
    term_tab.form.set_value("name", "2026学年第一学期")
    click(qtbot, term_tab, "Save term")
    wait_idle(qtbot, window)
    assert [t.name for t in school_service.list_terms(school.ctx)] == ["2026学年第一学期"]

    backups_tab = tab(page.backups_tab)
    before = len(backup.list_backups(school.ctx.store.paths))
    click(qtbot, backups_tab, "Make a backup now")
    wait_idle(qtbot, window)
    assert len(backup.list_backups(school.ctx.store.paths)) == before + 1
    qtbot.waitUntil(lambda: backups_tab.table.rowCount() == before + 1, timeout=5000)

    language_tab = tab(page.language_tab)
    asked: list[str] = []
    window.language_requested.connect(asked.append)
    language_tab.form.set_value("language", "zh_CN")
    language_tab.text_size.setCurrentIndex(language_tab.text_size.findData("large"))
    base = QApplication.font().pointSizeF()
    click(qtbot, language_tab, "Apply")
    assert asked == ["zh_CN"]  # the controller rebuilds the window in Chinese (tests/ui/test_app_flow.py)
    qtbot.waitUntil(lambda: QApplication.font().pointSizeF() > base, timeout=5000)
