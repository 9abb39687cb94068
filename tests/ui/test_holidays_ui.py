"""Years whose official holidays this version does not know: said in the term calendar and on the compliance
page; the office imports the year's holiday file from Settings with a real button, and the warning goes."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QFileDialog

from app.services import holidays
from tests.services.test_holidays import YEAR_2027, holiday_file
from tests.ui.helpers import click, wait_idle


def test_the_office_imports_the_holiday_file_and_the_warnings_go(
    make_window, school, english, qtbot, monkeypatch, tmp_path
):
    window = make_window(school.office)
    compliance_page = window.show_page("compliance")
    wait_idle(qtbot, window)
    # The fixture's term runs 2026-09-01 to 2027-01-22: 2027 is unknown to the holiday package.
    assert compliance_page.holiday_notice.isVisible() and "2027" in compliance_page.holiday_notice.text()
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    page.tabs.setCurrentWidget(page.term_tab)
    calendar = page.term_tab.calendar
    qtbot.waitUntil(calendar.notice.isVisible, timeout=10000)
    assert "2027" in calendar.notice.text() and "holiday file" in calendar.notice.text()

    path = holiday_file(tmp_path, YEAR_2027)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), "Holiday file (*.json)")
    )
    click(qtbot, page.term_tab, "Import holiday file…")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: 2027 in holidays.imported(school.ctx), timeout=10000)
    qtbot.waitUntil(lambda: not calendar.notice.isVisible(), timeout=10000)
    assert "2027" in window.statusBar().currentMessage()

    click(qtbot, page.term_tab, "Fill in statutory holidays")  # now with the imported New Year's Day
    days = {row["date"]: row for row in calendar.values()}
    assert days["2027-01-01"] == {"date": "2027-01-01", "kind": "holiday", "name": "元旦"}
    assert days["2027-01-09"]["kind"] == "workday"
    assert days["2026-10-01"]["name"] == "国庆节"  # the package's year is untouched

    compliance_page = window.show_page("compliance")
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not compliance_page.holiday_notice.isVisible(), timeout=10000)


def test_a_bad_holiday_file_is_refused_with_its_line_and_changes_nothing(
    make_window, school, english, qtbot, monkeypatch, tmp_path, answers
):
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {"format": "songjiao-holidays", "version": 1, "years": [{**YEAR_2027, "year": 1999}]}, indent=2
        ),
        encoding="utf-8",
    )
    answers.warning("Cannot import")
    window = make_window(school.office)
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    page.tabs.setCurrentWidget(page.term_tab)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    from tests.conftest import unchanged

    with unchanged(school.ctx.store.paths.db_path):
        click(qtbot, page.term_tab, "Import holiday file…")
        wait_idle(qtbot, window)
        qtbot.waitUntil(lambda: len(answers.asked) == 1, timeout=10000)
    assert "line 6" in answers.asked[0] and "year" in answers.asked[0]
    assert page.term_tab.calendar.notice.isVisible()
