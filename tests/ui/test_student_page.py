"""The student page: errors next to the field at fault with nothing changed, masked IDs, guardians, pauses."""

from __future__ import annotations

from app.services import students
from app.ui.dialogs.guardian import GuardianDialog
from app.ui.pages.student import StudentPage
from tests.ui.helpers import wait_idle


def _open(qtbot, make_window, school, actor, index: int = 0) -> StudentPage:
    window = make_window(actor)
    page = StudentPage(window.session, school.students[index], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    return page


def test_bad_input_shows_the_error_next_to_the_field_and_changes_nothing(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.admin)
    form = page.basic.form
    before = students.get_student(school.ctx, school.students[0])
    form.set_value("name", "小明明")
    form.set_value("birth_date", "2015-13-45")
    page.save()
    wait_idle(qtbot, page)
    assert form.error("birth_date") == "There is no such date: 2015-13-45. Check the month and day."
    assert form.error("name") == ""
    after = students.get_student(school.ctx, school.students[0])
    assert after.values == before.values and after.revision == before.revision
    assert page.has_unsaved_changes()
    # Fix it: the error goes away and only the changed fields are saved.
    form.set_value("birth_date", "2011-03-01")
    page.save()
    wait_idle(qtbot, page)
    assert form.error("birth_date") == ""
    saved = students.get_student(school.ctx, school.students[0])
    assert saved.values["name"] == "小明明" and saved.revision == before.revision + 1
    assert not page.has_unsaved_changes()


def test_required_name_error_sits_under_the_name(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.admin)
    page.basic.form.set_value("name", "")
    page.save()
    wait_idle(qtbot, page)
    assert page.basic.form.error("name") == "This field is required."
    page.basic.form.set_value("name", "小明")  # undo, so closing the window does not ask
    assert not page.has_unsaved_changes()


def test_id_number_is_masked_until_revealed(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.admin)
    shown = page.basic.form.value("id_number")
    assert "*" in shown and len(shown) == 18
    page.basic.reveal_button.click()
    wait_idle(qtbot, page)
    revealed = page.basic.form.value("id_number")
    assert "*" not in revealed and revealed[:6] == shown[:6]
    assert not page.has_unsaved_changes()  # revealing is not an edit


def test_teacher_cannot_edit_roll_data(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.t1)
    assert not page.basic.form.widgets["code"].isEnabled()
    assert not page.basic.form.widgets["status"].isEnabled()
    assert page.basic.form.widgets["safety_notes"].isEnabled()
    page.basic.form.set_value("safety_notes", "有癫痫史，随身带药")
    page.save()
    wait_idle(qtbot, page)
    assert students.get_student(school.ctx, school.students[0]).values["safety_notes"] == "有癫痫史，随身带药"


def test_guardian_dialog_validates_and_adds(make_window, school, qtbot, english):
    page = _open(qtbot, make_window, school, school.t1)
    dialog = GuardianDialog(page.session, school.students[0], None, page)
    qtbot.addWidget(dialog)
    dialog.form.set_value("name", "王芳")
    dialog.form.set_value("phone", "12345")
    dialog.submit()
    wait_idle(qtbot, page)
    assert dialog.form.error("phone") == "Not a phone number."
    assert page.guardians.table.rowCount() == 0
    dialog.form.set_value("phone", "13800138000")
    dialog.form.set_value("is_primary", True)
    dialog.submit()
    wait_idle(qtbot, page)
    assert dialog.result() == GuardianDialog.DialogCode.Accepted
    # The write announced its change; the open page refreshed its table.
    assert page.guardians.table.rowCount() == 1
    assert page.guardians.table.item(0, 0).text() == "王芳"


def test_pause_dates_error_and_add(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.t1)
    tab = page.pauses
    tab.form.set_value("start", "2026-11-10")
    tab.form.set_value("end", "2026-11-01")
    tab.form.set_value("reason", "手术住院")
    tab.add()
    wait_idle(qtbot, page)
    assert tab.form.error("end") == "The pause ends before it starts."
    tab.form.set_value("end", "2026-12-01")
    tab.add()
    wait_idle(qtbot, page)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 2).text() == "手术住院"


def test_registered_tabs_are_present(make_window, school, english, qtbot):
    page = _open(qtbot, make_window, school, school.admin)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert titles[:4] == ["Basic information", "Guardians", "Teachers", "Pauses"]
    for title in ("IEP", "Visits", "Contacts", "Attachments", "Timeline"):
        assert title in titles


def test_registered_tabs_are_built_when_first_shown_and_reload_after_changes(
    make_window, school, english, qtbot
):
    from app.services import visits
    from app.ui.pages.student_tabs import VisitsTab

    t1 = school.as_(school.t1)
    visits.create_visit(t1, school.students[0], {"date": "2026-11-18"})
    page = _open(qtbot, make_window, school, school.t1)
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Visits")
    assert not isinstance(page.tabs.widget(index), VisitsTab)  # opening a student builds no registered tab
    page.tabs.setCurrentIndex(index)
    wait_idle(qtbot, page)
    tab = page.tabs.widget(index)
    assert (
        isinstance(tab, VisitsTab)
        and page.tabs.currentWidget() is tab
        and page.tabs.tabText(index) == "Visits"
    )
    assert page.extra_tabs["visits"] is tab and tab.model.rowCount() == 1
    # A change elsewhere: the built tab reloads when shown again; a tab never shown stays unbuilt.
    page.tabs.setCurrentIndex(0)
    visits.create_visit(t1, school.students[0], {"date": "2026-11-19"})
    page.on_data_changed(None)
    wait_idle(qtbot, page)
    assert tab.model.rowCount() == 1
    page.tabs.setCurrentIndex(index)
    wait_idle(qtbot, page)
    assert tab.model.rowCount() == 2 and page.tabs.widget(index) is tab
    timeline = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Timeline")
    assert type(page.tabs.widget(timeline)).__name__ == "QWidget"


def test_leaving_with_unsaved_changes_asks(make_window, school, english, qtbot, answers):
    from PySide6.QtWidgets import QMessageBox

    page = _open(qtbot, make_window, school, school.admin)
    window = page.window_
    page.basic.form.set_value("phone", "13912345678")
    answers.question("Save the changes", QMessageBox.StandardButton.Cancel)
    window.show_page("compliance")  # Cancel: stay on the record, navigation unchanged
    assert window.stack.currentWidget() is page and window.detail is page
    assert window.nav.currentItem().text() == "Students"  # a student sits under Students, whatever was open
    answers.question("Save the changes", QMessageBox.StandardButton.Discard)
    window.show_page("compliance")  # Discard: left, nothing written
    wait_idle(qtbot, window)
    assert window.detail is None and window.current_page().objectName() == "page_compliance"
    assert students.get_student(school.ctx, school.students[0]).values["phone"] != "13912345678"


def test_leaving_with_save_saves_then_leaves(make_window, school, english, qtbot, answers):
    from PySide6.QtWidgets import QMessageBox

    page = _open(qtbot, make_window, school, school.admin)
    window = page.window_
    page.basic.form.set_value("phone", "13912345678")
    answers.question("Save the changes", QMessageBox.StandardButton.Save)
    window.show_page("compliance")  # Save: saved, then left
    wait_idle(qtbot, window)
    assert students.get_student(school.ctx, school.students[0]).values["phone"] == "13912345678"
    assert window.detail is None and window.current_page().objectName() == "page_compliance"


def test_a_name_the_fonts_lack_is_saved_with_a_warning_under_the_name(make_window, school, chinese, qtbot):
    """Typed and saved with real keys and clicks: the name is kept, and the field says which character will not
    print (Chinese UI, the words the information manager is asked for)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    page = _open(qtbot, make_window, school, school.admin)
    name = page.basic.form.widgets["name"]
    name.clear()
    # Chinese arrives as an input method commits it (QTest's key clicks type ASCII only): the way an IME types.
    name.setFocus()
    for text in ("王", biang):
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(name, commit)
    assert name.text() == f"王{biang}"
    qtbot.mouseClick(page.basic.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert page.basic.form.error("name") == f"「{biang}」无法打印：字库中没有这个字。请告诉学校的信息管理员。"
    assert name.accessibleDescription() == page.basic.form.error("name")
    assert students.get_student(school.ctx, school.students[0]).values["name"] == f"王{biang}"
    assert not page.has_unsaved_changes()


def test_a_guardian_name_the_fonts_lack_is_warned_as_typed_then_on_the_student_page(
    make_window, school, qtbot, chinese
):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    page = _open(qtbot, make_window, school, school.t1)
    dialog = GuardianDialog(page.session, school.students[0], None, page)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.form.widgets["name"]
    name.setFocus()
    for text in ("王", biang):  # typed as an input method commits it
        commit = QInputMethodEvent()
        commit.setCommitString(text)
        QApplication.sendEvent(name, commit)
    warning = f"「{biang}」无法打印：字库中没有这个字。请告诉学校的信息管理员。"
    assert dialog.form.error("name") == warning and dialog.focusWidget() is name  # the cursor stays
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert dialog.form.error("name") == ""  # the character gone, the warning goes with it
    commit = QInputMethodEvent()
    commit.setCommitString(biang)
    QApplication.sendEvent(name, commit)
    assert dialog.form.error("name") == warning
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, page)
    assert dialog.result() == GuardianDialog.DialogCode.Accepted  # saved: a warning never refuses
    assert page.guardians.table.rowCount() == 1
    assert page.basic.warnings.isVisibleTo(page) and biang in page.basic.warnings.text()
