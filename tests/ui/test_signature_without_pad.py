"""A caregiver who cannot sign on the pad, as the teacher records it: "Cannot sign on the pad…", how, who and
why in the dialog (refused there while incomplete), then Finish saves the record with it in one call; the
record says so when opened again."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import visits
from tests.reports.test_packet_visits import LESSONS
from tests.ui.helpers import click, wait_idle
from tests.ui.test_editors_buttons import visit_editor


def test_a_thumbprint_is_recorded_from_the_editor_and_finishes_the_visit(
    qtbot, school, make_session, english
):
    session = make_session(school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-02", "lessons": LESSONS})
    editor = visit_editor(qtbot, session, visit.id)
    assert editor.signature_state.text() == "Not signed yet."
    click(qtbot, editor, "Cannot sign on the pad…")
    dialog = editor.dialog
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.set_value("kind", "mark")
    form.set_value("name", "王秀英（奶奶）")
    click(qtbot, dialog, "OK")  # no reason yet: refused beside the field, the dialog stays
    assert dialog.isVisible() and form.error("reason") == "This field is required."
    form.set_value("reason", "右手不能握笔")
    click(qtbot, dialog, "OK")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    shown = "Thumbprint on the paper record (按手印): 王秀英（奶奶）. Reason: 右手不能握笔"
    assert editor.signature_state.text() == shown
    assert visits.get_visit(session.ctx, visit.id).signed_without_pad is None  # saved with the record only
    qtbot.mouseClick(editor.finish_button, Qt.MouseButton.LeftButton)  # signed: Finish asks nothing
    qtbot.waitUntil(lambda: editor.detail.status == "done", timeout=5000)
    wait_idle(qtbot, session)
    stored = visits.get_visit(session.ctx, visit.id)
    assert stored.status == "done" and stored.signed_without_pad == visits.SignedWithoutPad(
        "mark", "王秀英（奶奶）", "右手不能握笔"
    )
    assert not editor.without_pad_button.isEnabled()  # finished and signed: nothing replaces it
    editor.close()
    again = visit_editor(qtbot, session, visit.id)
    assert again.signature_state.text() == shown
