"""Errors said, not only shown: a field's error is its accessible description and is announced (first-run
wizard, settings, student form, record editors), the banner is announced, the compliance grid's reasons
are reached with the keyboard, and a passphrase or the office's comment can be selected with the keyboard.

What the screen reader would be told is read where Qt hands it over: ``QAccessible.updateAccessibility``
(Qt's own static, recorded here; a real screen reader would take the same event)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QToolTip, QWizard

from app.services import plans
from app.ui.dialogs.first_run import ADMIN, FirstRunWizard
from tests.conftest import TODAY
from tests.ui.helpers import click, wait_idle

Polite = QAccessible.AnnouncementPoliteness


@pytest.fixture
def spoken(monkeypatch):
    """Every announcement the app raises, as (text, urgent, the widget's accessible name)."""
    said: list[tuple[str, bool, str]] = []
    original = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            said.append(
                (event.message(), event.politeness() == Polite.Assertive, event.object().objectName())
            )
        original(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    return said


def test_the_wizard_says_why_next_did_not_go_on(store, qtbot, english, spoken):
    wizard = FirstRunWizard(store, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.form(1).set_value("school_name", "青山县特殊教育学校")
    while wizard.currentId() != ADMIN:
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    form = wizard.form(ADMIN)
    for key, value in (("display_name", "管理员"), ("password", "abc"), ("confirm", "abd")):
        form.set_value(key, value)
    spoken.clear()
    last = (
        QWizard.WizardButton.FinishButton
        if wizard.pageIds()[-1] == ADMIN
        else QWizard.WizardButton.NextButton
    )
    qtbot.mouseClick(wizard.button(last), Qt.MouseButton.LeftButton)
    short, differ = "The password needs at least 6 characters.", "The two passwords differ."
    assert form.widgets["password"].accessibleDescription() == short
    assert form.widgets["confirm"].accessibleDescription() == differ
    # The first error interrupts (the focus moved there), the next waits its turn; each names its field.
    assert spoken == [
        (f"Password: {short}", True, "password"),
        (f"Repeat the password: {differ}", False, "confirm"),
    ]
    assert wizard.focusWidget() is form.widgets["password"]
    form.set_value("password", "abcdef")
    form.set_value("confirm", "abcdef")
    assert wizard.validateCurrentPage()
    assert form.widgets["password"].accessibleDescription() == ""  # the error gone, its description too


def test_settings_say_the_error_at_the_field_and_that_it_saved(make_window, school, english, qtbot, spoken):
    window = make_window(school.admin)
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    form = page.school_tab.form
    form.set_value("name", "")
    click(qtbot, page, "Save school settings")
    wait_idle(qtbot, window)
    assert form.widgets["name"].accessibleDescription() == "This field is required."
    assert ("School name: This field is required.", True, "name") in spoken
    form.set_value("name", "青山县特殊教育学校")
    click(qtbot, page, "Save school settings")
    wait_idle(qtbot, window)
    assert form.widgets["name"].accessibleDescription() == ""
    assert spoken[-1][:2] == ("Saved.", False)


def test_the_student_form_says_the_error_at_the_field(make_window, school, english, qtbot, spoken):
    from app.ui.pages.student import StudentPage

    window = make_window(school.admin)
    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    form = page.basic.form
    form.set_value("birth_date", "2015-13-45")
    click(qtbot, page, "Save")
    wait_idle(qtbot, window)
    text = "There is no such date: 2015-13-45. Check the month and day."
    assert form.widgets["birth_date"].accessibleDescription() == text
    assert any(said[0].endswith(text) and said[1] and said[2] == "birth_date" for said in spoken), spoken
    form.set_value("birth_date", students_birth_date(school))  # undo: closing must not ask


def students_birth_date(school) -> str | None:
    from app.services import students

    value = students.get_student(school.ctx, school.students[0]).values.get("birth_date")
    return value.isoformat() if isinstance(value, dt.date) else value


def test_the_banner_is_announced(make_session, school, qtbot, spoken):
    from app.ui.editors.base import Banner

    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message("Someone else saved this record.", error=True)
    banner.show_message("A draft was kept.")
    assert [(t, urgent) for t, urgent, _ in spoken] == [
        ("Someone else saved this record.", True),
        ("A draft was kept.", False),
    ]


def test_the_compliance_reasons_are_reached_with_the_keyboard(make_window, school, english, qtbot):
    window = make_window(school.t1)
    page = window.show_page("compliance")
    wait_idle(qtbot, window)
    table = page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(table, Qt.Key.Key_Right)  # from the student's name to the term's first week
    index = table.currentIndex()
    assert index.column() == 1
    reason = index.data(Qt.ItemDataRole.ToolTipRole)
    assert reason and page.reason.text() == reason
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole) == reason  # read out with the cell
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert page.reason.text() == table.currentIndex().data(Qt.ItemDataRole.ToolTipRole) != ""
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(QToolTip.isVisible, timeout=5000)
    assert QToolTip.text() == page.reason.text()
    QToolTip.hideText()


def _select_all_by_keyboard(qtbot, label) -> str:
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_Home)
    qtbot.keyClick(label, Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    return label.selectedText()


def test_the_passphrase_and_the_comment_are_selected_with_the_keyboard(make_session, school, tmp_path, qtbot):
    from app.services.exchange import JoinFile
    from app.ui.dialogs.exchange_join import PassphraseDialog
    from app.ui.editors.plan_editor import PlanEditor

    dialog = PassphraseDialog(JoinFile(tmp_path / "j.sjj", "ABCDE-FGHJK", "device", "AB12", 1), "t1")
    qtbot.addWidget(dialog)
    dialog.show()
    passphrase = next(w for w in dialog.findChildren(QLabel) if w.text() == "ABCDE-FGHJK")
    assert passphrase.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert _select_all_by_keyboard(qtbot, passphrase) == "ABCDE-FGHJK"

    t1, office = make_session(school.t1), make_session(school.office)
    student = school.students[0]
    plan = plans.save_plan(t1.ctx, student, "2026-12", {"visits": [{"date": "2026-12-02"}]})
    submitted = plans.submit_plan(t1.ctx, plan.id)
    plans.decide_plan(office.ctx, plan.id, submitted.plan_revision, approve=False, comment="请补充目标")
    editor = PlanEditor(t1, student, "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, t1)
    assert "请补充目标" in editor.comment.text()
    assert "请补充目标" in _select_all_by_keyboard(qtbot, editor.comment)
