"""The crash dialog after an earlier one was closed: the old dialog's deletion must not take the new one along."""

from __future__ import annotations

import gc

from app.ui.crash import CrashReporter


def test_a_second_error_after_the_first_dialog_was_closed_shows_a_dialog(qtbot):
    shown = CrashReporter()
    first = shown.show("E-1")
    first.close()
    del first
    second = shown.show("E-2")  # replacing the first dialog deletes it; its 'destroyed' came after
    gc.collect()
    qtbot.addWidget(second)
    assert shown.dialog is second and second.isVisible() and "E-2" in second.text()
    second.close()
