"""Errors where and when they can be fixed: the first-run wizard checks each page on Next and shows all of the
page's errors beside their fields; the new-student dialog shows a whole date error and says "no such date";
the student page warns about an ID number's check digit at the field, and keeps it readable while wrong."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from app.services import school as school_service
from app.services import students
from app.services.context import ServiceContext
from app.ui.dialogs.first_run import ADMIN, CHOICE, RULE, SCHOOL, TERM, FirstRunWizard
from app.ui.tasks import ThreadRunner
from tests.conftest import TODAY, make_id_number
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixtures)

NO_SUCH_DATE = "There is no such date: 2026-02-30. Check the month and day."


def press(qtbot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def test_each_wizard_page_is_checked_on_next_with_every_error_beside_its_field(store, qtbot, english):
    wizard = FirstRunWizard(store, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    nxt = QWizard.WizardButton.NextButton
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == SCHOOL
    press(qtbot, wizard, nxt)  # no school name
    assert wizard.currentId() == SCHOOL
    assert wizard.form(SCHOOL).error("school_name") == "This field is required."
    wizard.form(SCHOOL).set_value("school_name", "青山县特殊教育学校")
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == TERM and wizard.form(SCHOOL).error("school_name") == ""

    term = wizard.form(TERM)
    term.set_value("name", "")
    term.set_value("start", "2026-02-30")
    term.set_value("end", "next summer")
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == TERM  # all three at once, not one per click
    assert term.error("name") == "This field is required."
    assert term.error("start") == NO_SUCH_DATE
    assert term.error("end") == "Not a date: use YYYY-MM-DD, e.g. 2026-09-01."
    term.set_value("name", "2026秋季学期")
    term.set_value("start", "2026-09-01")
    term.set_value("end", "2026-08-01")
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == TERM and term.error("end") == "The term must end after it starts."
    assert term.error("start") == "" and term.error("name") == ""
    term.set_value("end", "2027-01-22")
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == RULE

    wizard.form(RULE).set_value("yearly_min_lessons", "many")
    press(qtbot, wizard, nxt)
    assert (
        wizard.currentId() == RULE
        and wizard.form(RULE).error("yearly_min_lessons") == "Enter a whole number."
    )
    wizard.form(RULE).set_value("yearly_min_lessons", "")
    press(qtbot, wizard, nxt)
    assert wizard.currentId() == ADMIN

    admin = wizard.form(ADMIN)
    admin.set_value("display_name", "")
    admin.set_value("password", "abc")
    admin.set_value("confirm", "abd")
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.currentId() == ADMIN
    assert admin.error("display_name") == "This field is required."
    assert admin.error("password") == "The password needs at least 6 characters."
    assert admin.error("confirm") == "The two passwords differ."
    assert not school_service.is_set_up(ServiceContext(store))
    admin.set_value("display_name", "王管理员")
    admin.set_value("password", "secret-123")
    admin.set_value("confirm", "secret-123")
    press(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert wizard.result() == QWizard.DialogCode.Accepted and school_service.is_set_up(ServiceContext(store))
    assert CHOICE == 0  # the page ids the test walked, in order


def test_new_student_dialog_says_no_such_date_and_shows_the_whole_error(qtbot, school, make_session, english):
    from app.ui.dialogs.new_student import NewStudentDialog

    dialog = NewStudentDialog(make_session(school.office, ThreadRunner()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.set_value("code", "S009")
    dialog.form.set_value("name", "小军")
    dialog.form.widgets["birth_date"].setFocus()
    qtbot.keyClicks(dialog.form.widgets["birth_date"], "2026-02-30")
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    label = dialog.form.errors["birth_date"]
    qtbot.waitUntil(lambda: dialog.form.error("birth_date") == NO_SUCH_DATE, timeout=5000)
    qtbot.waitUntil(
        lambda: label.height() >= label.heightForWidth(label.width()), timeout=2000
    )  # not cut off
    assert dialog.isVisible() and dialog.ok_button().isEnabled()


def test_a_wrong_check_digit_is_shown_at_the_field_and_stays_readable(qtbot, school, make_window, english):
    from app.ui.pages.student import StudentPage

    window = make_window(school.admin, ThreadRunner())
    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    form = page.basic.form
    qtbot.waitUntil(lambda: page.basic.detail is not None, timeout=5000)
    right = make_id_number("46010020110301123")
    wrong = right[:17] + ("0" if right[17] != "0" else "1")
    edit = form.widgets["id_number"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, wrong)
    assert form.error("id_number") == "The ID number's check digit is wrong."  # before saving
    qtbot.mouseClick(page.basic.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: (
            students.get_student(school.ctx, school.students[0], reveal=True).values["id_number"] == wrong
        ),
        timeout=5000,
    )
    qtbot.wait(300)  # the page reloads after the save
    assert edit.text() == wrong  # not masked while it is wrong: the mistake can be seen and fixed
    assert form.error("id_number") == "The ID number's check digit is wrong."
    assert page.basic.warnings.isHidden()  # the warning is at the field, not above the form

    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, right)
    assert form.error("id_number") == ""
    qtbot.mouseClick(page.basic.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "*" in edit.text(), timeout=5000)  # right again: masked as every ID number is
