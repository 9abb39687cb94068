"""First start: the wizard sets up a school end to end; errors show next to the field at fault."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWizard

from app.services import goal_bank, school, users
from app.services.context import ServiceContext
from app.ui.dialogs.first_run import ADMIN, CHOICE, RULE, SCHOOL, TERM, FirstRunWizard
from tests.conftest import TODAY


def _wizard(store, qtbot) -> FirstRunWizard:
    wizard = FirstRunWizard(store, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _finish(wizard: FirstRunWizard) -> None:
    wizard.button(QWizard.WizardButton.FinishButton).click()


def _fill_to_admin(wizard: FirstRunWizard) -> None:
    assert wizard.currentId() == CHOICE
    wizard.next()
    wizard.form(SCHOOL).set_value("school_name", "青山县特殊教育学校")
    wizard.next()
    assert wizard.currentId() == TERM
    wizard.next()
    assert wizard.currentId() == RULE
    wizard.form(RULE).set_value("lessons_per_visit", 3)
    wizard.next()
    assert wizard.currentId() == ADMIN
    admin = wizard.form(ADMIN)
    admin.set_value("display_name", "王管理员")


def test_wizard_creates_the_school(store, qtbot, english):
    wizard = _wizard(store, qtbot)
    _fill_to_admin(wizard)
    # Entering the term page filled in the statutory holidays of the default autumn term.
    days = wizard.calendar.values()
    assert {"date": "2026-10-01", "kind": "holiday", "name": "国庆节"} in days
    # The table stays editable: drop the first row, add a school-specific day off.
    wizard.calendar.table.selectRow(0)
    wizard.calendar.remove_selected()
    wizard.calendar.add_row(dt.date(2026, 11, 27), "holiday", "校运会")
    admin = wizard.form(ADMIN)
    admin.set_value("password", "secret-123")
    admin.set_value("confirm", "secret-123")
    _finish(wizard)
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.actor is not None and wizard.actor.role == "admin"
    ctx = ServiceContext(store)
    info = school.get_school(ctx)
    assert info.name == "青山县特殊教育学校" and info.rule.lessons_per_visit == 3
    term = school.list_terms(ctx)[0]
    assert term.name == "2026秋季学期" and term.start == dt.date(2026, 9, 1)
    assert dt.date(2026, 11, 27) in {d.date for d in term.days}
    assert users.authenticate(ctx, "admin", "secret-123").display_name == "王管理员"
    bank = goal_bank.list_goal_bank(ctx)  # the wizard loads the shipped goal bank as `init` does
    assert (
        "认识常用汉字100个，会写50个" in [g.text for g in bank] and sum(len(g.objectives) for g in bank) > 30
    )


def test_password_mismatch_is_shown_next_to_the_field(store, qtbot, english):
    wizard = _wizard(store, qtbot)
    _fill_to_admin(wizard)
    admin = wizard.form(ADMIN)
    admin.set_value("password", "secret-123")
    admin.set_value("confirm", "secret-124")
    _finish(wizard)
    assert wizard.currentId() == ADMIN
    assert admin.error("confirm") == "The two passwords differ."
    assert not school.is_set_up(ServiceContext(store))


def test_service_error_goes_back_to_the_page_at_fault(store, qtbot, english):
    wizard = _wizard(store, qtbot)
    _fill_to_admin(wizard)
    wizard.form(TERM).set_value("end", "2026-08-01")  # before the start
    admin = wizard.form(ADMIN)
    admin.set_value("password", "secret-123")
    admin.set_value("confirm", "secret-123")
    _finish(wizard)
    assert wizard.currentId() == TERM
    assert wizard.form(TERM).error("end") == "The term must end after it starts."
    assert not school.is_set_up(ServiceContext(store))


def test_open_the_demo_school(store, qtbot, english):
    from app.ui.dialogs.login import LoginDialog

    wizard = _wizard(store, qtbot)
    assert wizard.open_demo.isEnabled()
    wizard.open_demo.setChecked(True)
    assert wizard.nextId() == -1  # the demo skips the set-up pages
    _finish(wizard)  # built on the worker thread behind a progress dialog; the wizard closes when it is whole
    qtbot.waitUntil(lambda: wizard.result() == QWizard.DialogCode.Accepted, timeout=30000)
    assert wizard.actor is None
    ctx = ServiceContext(store)
    assert school.is_set_up(ctx) and len(users.list_users(ctx, role="teacher")) >= 1
    hint = wizard.demo_hint()
    assert "admin / admin123" in hint
    dialog = LoginDialog(store, last_user="office", hint=hint, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.password.setText("office123")
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.role == "academic_affairs"


def test_cancelling_the_demo_keeps_nothing_and_stays_on_the_choice(store, qtbot, english):
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from tests.conftest import unchanged

    wizard = _wizard(store, qtbot)
    wizard.open_demo.setChecked(True)
    with unchanged(store.paths.db_path):
        _finish(wizard)
        progress = wizard.findChild(QProgressDialog)
        assert progress is not None and wizard.demo_task is not None
        progress.findChild(QPushButton).click()  # its Cancel button (the dialog shows after 400 ms)
        qtbot.waitUntil(lambda: wizard.demo_task.finished, timeout=30000)
    assert wizard.demo_result is None and wizard.isVisible() and wizard.currentId() == CHOICE
    assert not school.is_set_up(ServiceContext(store))
