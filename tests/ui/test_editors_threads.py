"""The editors on the real DB worker thread: results arrive on the UI thread, the window stays responsive."""

from __future__ import annotations

import threading

from app.services import ieps, visits
from app.ui.tasks import ThreadRunner


def test_iep_editor_loads_and_saves_on_the_worker(qtbot, school, make_session):
    from app.ui.editors.iep_editor import IepEditor

    runner = ThreadRunner()
    session = make_session(school.t1, runner)
    ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)

    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    assert editor.detail is None  # nothing was read on the UI thread
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=5000)
    editor.level_form.widgets["needs"].insertPlainText("练习抓握")
    with qtbot.waitSignal(editor.record_saved, timeout=5000):
        editor.save()
    assert threading.current_thread() is threading.main_thread()
    assert ieps.find_iep(session.ctx, school.students[0], school.term.id).values["needs"] == "练习抓握"


def test_visits_page_fills_in_from_the_worker(qtbot, school, make_session, english):
    from app.ui.pages.visits import VisitsPage

    t1 = school.as_(school.t1)
    for day in range(2, 12):
        visits.create_visit(t1, school.students[0], {"date": f"2026-11-{day:02d}"})
    session = make_session(school.t1, ThreadRunner())
    page = VisitsPage(session)
    qtbot.addWidget(page)
    page.show()
    page.shown()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=5000)
    index = page.model.index(0, 0)
    first = page.model.data(index)
    assert first in ("…", "2026-11-11")  # a placeholder until the page of rows arrives
    qtbot.waitUntil(lambda: page.model.data(index) == "2026-11-11", timeout=5000)
