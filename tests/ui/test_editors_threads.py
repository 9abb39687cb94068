"""The editors on the real DB worker thread: results arrive on the UI thread, the window stays responsive."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from app.services import ieps, visits
from app.ui.item_models.lazy import LOADING
from app.ui.tasks import Task


def test_iep_editor_loads_and_saves_on_the_worker(qtbot, school, make_session, monkeypatch):
    from app.ui.editors.iep_editor import IepEditor

    ran_on: list[str] = []  # the thread each service call ran on (observed, the call itself unchanged)
    run = Task.run

    def observed(task):
        ran_on.append(threading.current_thread().name)
        run(task)

    monkeypatch.setattr(Task, "run", observed)
    session = make_session(school.t1)
    ieps.get_or_create_iep(session.ctx, school.students[0], school.term.id)

    editor = IepEditor(session, school.students[0])
    qtbot.addWidget(editor)
    assert editor.detail is None  # nothing was read on the UI thread
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=5000)
    editor.level_form.widgets["needs"].insertPlainText("练习抓握")
    delivered_on: list[threading.Thread] = []
    # A direct connection runs the slot on whichever thread emits: the thread that delivers the result.
    editor.record_saved.connect(
        lambda *_: delivered_on.append(threading.current_thread()), Qt.ConnectionType.DirectConnection
    )
    with qtbot.waitSignal(editor.record_saved, timeout=5000):
        editor.save()
    assert delivered_on == [threading.main_thread()]
    assert ran_on and all(name.startswith("songjiao-db") for name in ran_on), ran_on
    assert ieps.find_iep(session.ctx, school.students[0], school.term.id).values["needs"] == "练习抓握"


def test_visits_page_fills_in_from_the_worker(qtbot, school, make_session, english):
    from app.ui.pages.visits import VisitsPage

    t1 = school.as_(school.t1)
    for day in range(2, 12):
        visits.create_visit(t1, school.students[0], {"date": f"2026-11-{day:02d}"})
    session = make_session(school.t1)
    page = VisitsPage(session)
    qtbot.addWidget(page)
    hold = threading.Event()
    # The moment the count arrives (on the UI thread, before any paint asks for rows), the worker is given a
    # task that waits: the first page of rows cannot arrive until the test lets it, so the placeholder shows.
    page.model.modelReset.connect(lambda: session.runner.submit(hold.wait, 10))
    page.show()
    page.shown()
    qtbot.waitUntil(lambda: page.model.rowCount() == 10, timeout=5000)
    index = page.model.index(0, 0)
    assert page.model.data(index) == LOADING  # a placeholder until the page of rows arrives
    hold.set()
    qtbot.waitUntil(lambda: page.model.data(index) == "2026-11-11", timeout=5000)
    assert page.model.fetched_pages == [0]  # one page fetched once, however often the view asked
