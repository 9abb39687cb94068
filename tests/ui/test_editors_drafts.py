"""Nothing lost: drafts written as the user types come back after a crash; closing with changes asks first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from app.services import drafts, ieps
from tests.ui.helpers import wait_idle


def open_iep(qtbot, session, student_id, *, keep=True):
    from app.ui.editors.iep_editor import IepEditor

    editor = IepEditor(session, student_id)
    if keep:
        qtbot.addWidget(editor)
    editor.show()
    wait_idle(qtbot, session)
    return editor


def test_draft_offered_back_after_a_crash(qtbot, school, make_session):
    session = make_session(school.t1)
    iep = ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)
    key = f"iep:{iep.id}"
    editor = open_iep(qtbot, session, school.students[0], keep=False)
    needs = editor.level_form.widgets["needs"]
    needs.setFocus()
    QTest.keyClicks(needs, "hold a spoon")
    wait_idle(qtbot, session)
    assert drafts.get_draft(session.ctx, key) is None  # debounced: not one write per key
    qtbot.waitUntil(lambda: drafts.get_draft(session.ctx, key) is not None, timeout=3000)

    # The crash: the window goes away without closing (no question, no save, no discard).
    with qtbot.waitSignal(editor.destroyed):
        editor.deleteLater()

    again = open_iep(qtbot, session, school.students[0])
    assert again.level_form.value("needs") == ""
    assert not again.banner.isHidden() and "Restore" in [b.text() for b in again.banner.buttons()]
    restore = next(b for b in again.banner.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert again.level_form.value("needs") == "hold a spoon" and again.is_dirty()
    again.save()
    wait_idle(qtbot, session)
    assert ieps.get_iep(session.ctx, iep.id).values["needs"] == "hold a spoon"
    assert drafts.get_draft(session.ctx, key) is None  # saved: the draft is gone


def test_closing_with_changes_asks(qtbot, school, make_session, answers):
    session = make_session(school.t1)
    ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)
    editor = open_iep(qtbot, session, school.students[0])
    editor.level_form.widgets["strengths"].insertPlainText("爱笑")
    answers.question("not saved", QMessageBox.StandardButton.Cancel)
    assert not editor.close() and editor.isVisible()
    assert answers.asked and "not saved" in answers.asked[-1]
    answers.question("not saved", QMessageBox.StandardButton.Discard)
    assert editor.close()
    wait_idle(qtbot, session)
    assert ieps.find_iep(session.ctx, school.students[0], school.term.id).values["strengths"] == ""


def test_closing_with_save_saves_and_closes(qtbot, school, make_session, answers):
    session = make_session(school.t1)
    ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)
    editor = open_iep(qtbot, session, school.students[0])
    editor.level_form.widgets["strengths"].insertPlainText("爱笑")
    answers.question("not saved", QMessageBox.StandardButton.Save)
    editor.close()  # the window closes once the save succeeded (queued: the save ends on the worker)
    wait_idle(qtbot, session)
    assert ieps.find_iep(session.ctx, school.students[0], school.term.id).values["strengths"] == "爱笑"
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)


def test_visit_draft_with_signature_comes_back(qtbot, school, make_session):
    from PySide6.QtCore import QPoint

    from app.services import visits
    from app.ui.editors.visit_editor import VisitEditor

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = VisitEditor(session, visit.id)
    editor.resize(900, 1200)
    editor.show()
    wait_idle(qtbot, session)
    editor.notes.widgets["homework"].insertPlainText("饭前洗手")
    editor.pad.show()
    QTest.mousePress(editor.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 40))
    QTest.mouseMove(editor.pad, QPoint(120, 90))
    QTest.mouseRelease(editor.pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(120, 90))
    editor.save_draft_now()  # what the 1 s timer does
    with qtbot.waitSignal(editor.destroyed):
        editor.deleteLater()  # the crash

    again = VisitEditor(session, visit.id)
    qtbot.addWidget(again)
    wait_idle(qtbot, session)
    restore = next(b for b in again.banner.buttons() if b.text() == "Restore")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert again.notes.value("homework") == "饭前洗手" and not again.pad.is_empty()


def test_home_page_lists_drafts_and_opens_them(make_window, school, qtbot, english):
    from app.services import visits

    window = make_window(school.t1)
    wait_idle(qtbot, window)
    session = window.session
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    drafts.save_draft(session.ctx, f"visit:{visit.id}", {"values": {"homework": "复习"}})
    home = window.show_page("home")
    wait_idle(qtbot, window)
    home.refresh()
    section = home.sections["drafts"]
    wait_idle(qtbot, window)
    assert section.list.count() == 1 and "Visit record" in section.list.item(0).text()
    qtbot.mouseClick(section.open_button, Qt.MouseButton.LeftButton)
    editor = section.editor
    qtbot.addWidget(editor)
    wait_idle(qtbot, window)
    assert editor.isWindow() and "Restore" in [b.text() for b in editor.banner.buttons()]
