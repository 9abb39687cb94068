"""Change notices that do work: one use case per user action, what it changed, pages that refresh only for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import ieps, lessons, students, visits
from app.services.context import Changes, recorded
from app.services.errors import ValidationError
from app.ui.tasks import ThreadRunner
from tests.ui.helpers import wait_idle
from tests.ui.test_editors_visits import approved_plan, sign

WAIT = 5000


def notices(session):
    received: list[tuple[Changes, object]] = []
    session.bus.data_changed.connect(lambda changes, initiator: received.append((changes, initiator)))
    return received


def test_a_write_reports_the_tables_and_records_it_changed(school):
    t1 = school.as_(school.t1)
    created = recorded(visits.create_visit, t1, school.students[0], {"date": "2026-11-18"})
    visit = created.result
    assert {"visit", "visit_lesson"} >= created.changes.tables >= {"visit"}
    assert visit.id in created.changes.ids("visit")
    assert not recorded(visits.get_visit, t1, visit.id).changes  # a read changes nothing
    with pytest.raises(ValidationError):
        recorded(visits.update_visit, t1, visit.id, {"start_time": "25:99"})
    changed = Changes().merge(Changes(frozenset({("visit", visit.id)})))
    assert changed.tables == {"visit"} and changed.touches({"visit", "student"})
    assert not changed.touches({"lesson_plan"}) and Changes.everything().touches({"lesson_plan"})


def test_saving_a_signed_visit_is_one_write_and_one_notice(qtbot, school, make_session):
    from app.ui.editors.visit_editor import VisitEditor

    session = make_session(school.t1, ThreadRunner())
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = VisitEditor(session, visit.id)
    qtbot.addWidget(editor)
    editor.resize(900, 1200)
    editor.show()
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=WAIT)
    editor.form.widgets["place"].setText("学生家中")
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    received = notices(session)
    writes = []
    session.runner.task_finished.connect(lambda task: writes.append(task.name))
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=WAIT)
    assert [name for name in writes if not name.endswith("_draft")] == ["save_visit"]  # drafts aside
    [(changes, initiator)] = received
    assert {"visit", "attachment"} <= changes.tables and initiator is editor
    saved = visits.get_visit(session.ctx, visit.id)
    assert saved.values["place"] == "学生家中" and saved.signature_id


def test_a_refused_finish_saves_nothing_of_the_form_or_signature(school, qapp):
    """Finish is one transaction with the save: a refusal leaves the record as it was."""
    from app.ui.widgets.signature_pad import SignaturePad

    plan, _objective = approved_plan(school)
    t1 = school.as_(school.t1)
    visit = visits.create_visit(t1, school.students[0], planned_visit_id=plan.visits[0].id)
    pad = SignaturePad()
    pad.set_strokes([[[10, 10, 1], [60, 40, 1]]])
    png = pad.to_png(white=True)
    with pytest.raises(ValidationError) as refused:
        visits.save_visit(
            t1,
            visit.id,
            {"place": "学生家中", "date": "2026-11-25"},
            visit.revision,
            signature=png,
            finish=True,
        )
    assert refused.value.message_id == "visit.future"
    again = visits.get_visit(t1, visit.id)
    assert again.status == "planned" and again.values["place"] != "学生家中" and again.signature_id is None


def test_saving_an_iep_with_its_scores_is_one_transaction(school):
    t1 = school.as_(school.t1)
    iep = ieps.get_or_create_iep(t1, school.students[0], school.term.id)
    domain = ieps.SCORE_DOMAINS[0]
    with pytest.raises(ValidationError):  # a score above its maximum: the text fields are not saved either
        ieps.save_iep(
            t1, iep.id, {"needs": "练习抓握"}, iep.revision, [{"domain": domain, "score": 9, "max_score": 5}]
        )
    assert ieps.get_iep(t1, iep.id).values["needs"] != "练习抓握"
    outcome = recorded(
        ieps.save_iep,
        t1,
        iep.id,
        {"needs": "练习抓握"},
        iep.revision,
        [{"domain": domain, "score": 3, "max_score": 5}],
    )
    saved = outcome.result
    assert saved.values["needs"] == "练习抓握" and [(s.domain, s.score) for s in saved.scores] == [
        (domain, 3)
    ]
    assert {"iep", "iep_score"} <= outcome.changes.tables


def test_recorded_counts_every_transaction_of_a_call_and_of_calls_inside_it(school):
    """A use case of two transactions (or one recorded call inside another) reports both writes."""
    t1 = school.as_(school.t1)

    def two_writes(ctx):
        first = visits.create_visit(ctx, school.students[0], {"date": "2026-11-17"})
        inner = recorded(lessons.create_lesson_plan, ctx, {"title": "认识水果", "subject": "生活语文"})
        return first, inner

    outcome = recorded(two_writes, t1)
    first, inner = outcome.result
    assert first.id in outcome.changes.ids("visit")
    assert inner.changes.tables >= {"lesson_plan"} and not inner.changes.ids("visit")
    assert outcome.changes.ids("lesson_plan") == inner.changes.ids("lesson_plan") != frozenset()


def test_pages_refresh_only_for_the_tables_they_show_and_not_for_their_own_writes(
    qtbot, school, make_session
):
    from app.ui.pages.visits import VisitsPage

    session = make_session(school.t1)
    page = VisitsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.shown()
    refreshed = []
    page.on_data_changed = lambda changes: refreshed.append(changes.tables)  # type: ignore[method-assign]

    session.write(lessons.create_lesson_plan, {"title": "认识水果", "subject": "生活语文"})
    wait_idle(qtbot, session)
    assert refreshed == []  # a lesson plan is not on the visits page
    session.write(visits.create_visit, school.students[0], {"date": "2026-11-18"})
    wait_idle(qtbot, session)
    assert len(refreshed) == 1 and "visit" in refreshed[0]
    session.write(visits.create_visit, school.students[0], {"date": "2026-11-17"}, initiator=page)
    wait_idle(qtbot, session)
    assert len(refreshed) == 1  # the page's own write: it shows the result already
    session.announce_everything()
    wait_idle(qtbot, session)
    assert len(refreshed) == 2

    page.hide()  # a hidden page that missed a change reloads when shown again
    session.write(students.update_student, school.students[0], {"phone": "13800138000"})
    wait_idle(qtbot, session)
    assert page._stale and len(refreshed) == 2
