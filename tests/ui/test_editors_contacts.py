"""Guardian contacts as the teacher: an unanswered attempt and an answered call, errors beside the field."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import contacts, students
from tests.ui.editors_helpers import answers  # noqa: F401 (autouse fixture)


def test_contact_log_with_unanswered_attempt(qtbot, school, make_session):
    from app.ui.editors.contacts import ContactsPanel

    student = school.students[0]
    students.save_guardian(school.as_(school.admin), student, {"name": "王芳", "relation": "parent",
                                                                  "phone": "13800138000"})
    session = make_session(school.t1)
    panel = ContactsPanel(session, student)
    qtbot.addWidget(panel)
    panel.show()
    guardian_box = panel.form.widgets["guardian_id"]
    assert guardian_box.count() == 2

    panel.form.set_value("at", "2026-11-19 18:30")
    guardian_box.setCurrentIndex(1)
    panel.form.set_value("channel", "phone")
    panel.form.set_value("purpose", "notice")
    qtbot.mouseClick(panel.unanswered_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 1 and panel.table.item(0, 4).text() == "No answer"

    panel.form.set_value("at", "tomorrow-ish")
    panel.form.set_value("summary", "通知周三送教")
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert panel.form.error("at") and panel.table.rowCount() == 1
    panel.form.set_value("at", "2026-11-19 19:05")
    qtbot.mouseClick(panel.log_button, Qt.MouseButton.LeftButton)
    assert not panel.form.error("at") and panel.table.rowCount() == 2

    log = contacts.list_contacts(session.ctx, student)
    assert [(c.answered, c.channel, c.purpose, c.guardian_name) for c in log] == [
        (True, "phone", "notice", "王芳"), (False, "phone", "notice", "王芳")]  # the form keeps who and how
    assert [c.answered for c in contacts.list_contacts(session.ctx, student, answered=False)] == [False]
