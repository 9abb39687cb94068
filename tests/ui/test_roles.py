"""Roles decide what the shell shows: a teacher sees only their students and no Settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import wait_idle


def _nav_keys(window) -> list[str]:
    return [window.nav.item(r).data(Qt.ItemDataRole.UserRole) for r in range(window.nav.count())]


def test_teacher_sees_only_assigned_students(make_window, school, english, qtbot):
    window = make_window(school.t1)
    page = window.show_page("students")
    wait_idle(qtbot, window)
    names = {page.model.summary(r).name for r in range(page.model.rowCount())}
    assert names == {"小明", "小红"}  # 小刚 belongs to t2
    assert not page.teacher.isVisible()  # no teacher filter for teachers
    assert not page.new_button.isVisible()


def test_teacher_cannot_open_settings(make_window, school, english):
    window = make_window(school.t1)
    assert "settings" not in _nav_keys(window)
    with pytest.raises(KeyError):
        window.show_page("settings")
    assert window.findChild(type(window.act_new), "act_view_settings") is None


def test_office_opens_settings_but_not_the_users_tab(make_window, school, english):
    window = make_window(school.office)
    page = window.show_page("settings")
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Users and roles" not in tabs and "Term calendar" in tabs
    admin = make_window(school.admin).show_page("settings")
    assert "Users and roles" in [admin.tabs.tabText(i) for i in range(admin.tabs.count())]


def test_admin_sees_everyone_and_filters_by_teacher(make_window, school, english, qtbot):
    window = make_window(school.admin)
    page = window.show_page("students")
    wait_idle(qtbot, window)
    assert page.model.rowCount() == 3
    page.teacher.setCurrentIndex(page.teacher.findData(school.t2.id))
    wait_idle(qtbot, window)
    assert page.model.rowCount() == 1 and page.model.summary(0).name == "小刚"


def test_teacher_home_lists_their_students_this_week(make_window, school, english, qtbot):
    window = make_window(school.t1)
    wait_idle(qtbot, window)
    home = window.current_page()
    assert home.objectName() == "page_home"
    rows = {home.table.item(r, 0).text() for r in range(home.table.rowCount())}
    assert rows == {"S001 小明", "S002 小红"}
    # 2026-11-20 is a Friday of a running week with no visit yet: still pending ("future").
    assert home.table.item(0, 1).text() == "Not visited yet"
