"""Guardian contacts as the teacher: an unanswered attempt and an answered call, errors beside the field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.services import contacts, students
from tests.ui.helpers import wait_idle


def test_contact_log_with_unanswered_attempt(qtbot, school, make_session):
    from app.ui.editors.contacts import ContactsPanel

    student = school.students[0]
    students.save_guardian(
        school.as_(school.admin), student, {"name": "王芳", "relation": "parent", "phone": "13800138000"}
    )
    session = make_session(school.t1)
    panel = ContactsPanel(session, student)
    qtbot.addWidget(panel)
    panel.show()
    wait_idle(qtbot, session)
    guardian_box = panel.form.widgets["guardian_id"]
    assert guardian_box.count() == 2

    panel.form.set_value("at", "2026-11-19 18:30")
    guardian_box.setCurrentIndex(1)
    panel.form.set_value("channel", "phone")
    panel.form.set_value("purpose", "notice")
    qtbot.mouseClick(panel.unanswered_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "No answer"

    panel.form.set_value("at", "tomorrow-ish")
    panel.form.set_value("summary", "通知周三送教")
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert panel.form.error("at") and panel.table.rowCount() == 1
    panel.form.set_value("at", "2026-11-19 19:05")
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert not panel.form.error("at") and panel.table.rowCount() == 2

    log = contacts.list_contacts(session.ctx, student)
    assert [(c.answered, c.channel, c.purpose, c.guardian_name) for c in log] == [
        (True, "phone", "notice", "王芳"),
        (False, "phone", "notice", "王芳"),
    ]  # the form keeps who and how
    assert [c.answered for c in contacts.list_contacts(session.ctx, student, answered=False)] == [False]


def test_timeline_lists_events_and_opens_them(qtbot, school, make_session, english):
    from app.services import visits
    from app.ui.editors.timeline import TimelinePanel
    from app.ui.editors.visit_editor import VisitEditor

    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    contacts.log_contact(
        session.ctx,
        school.students[0],
        {"at": "2026-11-17 10:00", "channel": "phone", "purpose": "notice", "answered": False},
    )
    panel = TimelinePanel(session, school.students[0])
    qtbot.addWidget(panel)
    wait_idle(qtbot, session)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert len(texts) == 2 and "Visit" in texts[0] and "Guardian contact" in texts[1]
    panel.open_event("visit", visit.id)
    qtbot.addWidget(panel.editor)
    wait_idle(qtbot, session)
    assert isinstance(panel.editor, VisitEditor) and panel.editor.isWindow()


def test_correct_and_delete_a_logged_contact(qtbot, school, make_session, answers):
    from app.ui.editors.contacts import ContactsPanel

    session = make_session(school.t1)
    contacts.log_contact(
        session.ctx,
        school.students[0],
        {"at": "2026-11-17 10:00", "channel": "phone", "purpose": "notice", "summary": "通知送教"},
    )
    panel = ContactsPanel(session, school.students[0])
    qtbot.addWidget(panel)
    wait_idle(qtbot, session)
    assert not panel.delete_button.isEnabled()
    panel.edit_row(0)
    wait_idle(qtbot, session)
    assert panel.form.value("summary") == "通知送教" and panel.delete_button.isEnabled()
    panel.form.set_value("summary", "通知周三送教")
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    log = contacts.list_contacts(session.ctx, school.students[0])
    assert [c.summary for c in log] == ["通知周三送教"]  # corrected, not a second entry
    panel.edit_row(0)
    answers.question("Delete this contact entry?", QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, session)
    assert contacts.list_contacts(session.ctx, school.students[0]) == [] and panel.table.rowCount() == 0
