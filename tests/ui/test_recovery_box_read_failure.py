"""Settings › Users and roles: when the recovery-key box cannot read whether this database has a key to replace
(a database error on the worker), the button stays off; it said "go ahead" before, and the sheet the dialog then
made would carry no school name."""

from __future__ import annotations

from app.ui.pages import settings_recovery
from tests.conftest import sqlite_only
from tests.ui.helpers import wait_idle

pytestmark = sqlite_only  # the key file beside the SQLite database (PostgreSQL has none)


def test_a_failed_read_leaves_the_new_key_button_off(
    make_window, school, qtbot, english, answers, monkeypatch
):
    window = make_window(school.admin)
    page = window.show_page("settings")
    page.tabs.setCurrentWidget(page.users_tab)
    wait_idle(qtbot, window)
    box = page.users_tab.recovery_box
    assert box.new_button.isEnabled()  # an encrypted school: a new key can be made

    def broken(_ctx):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(settings_recovery, "_state", broken)
    answers.warning("Cannot read the settings")
    box.reload()
    wait_idle(qtbot, window)
    assert not box.new_button.isEnabled()
