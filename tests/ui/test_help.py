"""Help (F1): one page per workflow in Chinese and English, opened at the page about where the user is."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.widgets.help import HELP_DIR, PAGES, page_path
from tests.ui.editors_helpers import activate, answers, strict_callbacks  # noqa: F401 (autouse fixtures)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_page_exists_in_both_languages_and_its_links_resolve(language):
    for page in PAGES:
        path = HELP_DIR / language / f"{page}.md"
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path
        for target in re.findall(r"\]\(([^)]+)\)", text):
            assert (path.parent / target).is_file(), f"{path.name} links to a missing {target}"
    chinese = (HELP_DIR / "zh_CN" / "visit.md").read_text(encoding="utf-8")
    assert "完成并锁定" in chinese and "复制上月计划" in (HELP_DIR / "zh_CN" / "plan.md").read_text(
        encoding="utf-8"
    )


def test_f1_in_the_main_window_opens_the_office_month_then_the_approval_page(
    qtbot, school, make_window, chinese
):
    from app.ui.widgets import help as help_dialog

    window = make_window(school.office)
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = help_dialog._dialog[0]
    assert dialog.isVisible() and dialog.current_page() == "office-month"
    assert "教务处的一个月" in dialog.browser.toPlainText()
    window.show_page("plans")
    activate(qtbot, window)
    QTest.keyClick(window, Qt.Key.Key_F1)
    assert dialog.current_page() == "approve"
    # A link inside the page leads to another page, and the contents follow.
    dialog.browser.setSource(dialog.browser.source().resolved("index.md"))
    assert dialog.current_page() == "index" and dialog.contents.currentRow() == 0


def test_f1_in_a_visit_record_opens_recording_a_visit(qtbot, school, make_session, english):
    from app.services import visits
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.editors.windows import open_window
    from app.ui.widgets import help as help_dialog

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = open_window(VisitEditor(session, visit.id), "visit")
    qtbot.addWidget(editor)
    activate(qtbot, editor)
    QTest.keyClick(editor, Qt.Key.Key_F1)
    dialog = help_dialog._dialog[0]
    assert dialog.current_page() == "visit" and page_path("visit", "en").parent.name == "en"
    assert "Record planned visit" in dialog.browser.toPlainText()
