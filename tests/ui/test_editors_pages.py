"""The editors plugged into the shell: student tabs are the real editors; Plans and Visits pages per role."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import plans, visits
from app.ui.pages.student import StudentPage
from tests.ui.helpers import wait_idle


def test_student_page_has_the_editor_tabs(make_window, school, english, qtbot):
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.pages.student_tabs import PlansTab, VisitsTab

    window = make_window(school.t1)
    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    tabs = page.extra_tabs
    assert isinstance(tabs["iep"], IepEditor) and isinstance(tabs["plans"], PlansTab)
    assert isinstance(tabs["visits"], VisitsTab) and isinstance(tabs["contacts"], ContactsPanel)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "IEP" in titles and "Timeline" in titles

    # The IEP tab counts as unsaved work for the shell, and Ctrl+S on it saves it.
    iep = tabs["iep"]
    page.tabs.setCurrentWidget(iep)
    wait_idle(qtbot, window)
    iep.create_iep()
    wait_idle(qtbot, window)
    iep.level_form.widgets["needs"].insertPlainText("练习抓握")
    assert page.has_unsaved_changes()
    page.save()
    wait_idle(qtbot, window)
    assert not page.has_unsaved_changes(), (
        iep.banner.label.text(),
        iep.is_dirty(),
        [w.is_dirty() for w in tabs.values() if hasattr(w, "is_dirty")],
    )


def test_plans_page_per_role_and_visits_page_lazy(make_window, school, english, answers, qtbot):
    from app.ui.pages.plans import PlansPage
    from app.ui.pages.visits import VisitsPage

    t1 = school.as_(school.t1)
    plan = plans.save_plan(t1, school.students[0], "2026-12", {"visits": [{"date": "2026-12-02"}]})
    plans.submit_plan(t1, plan.id)
    for day in range(2, 20):
        visits.create_visit(t1, school.students[day % 2], {"date": f"2026-11-{day:02d}"})

    teacher = make_window(school.t1)
    page = teacher.show_page("plans")
    wait_idle(qtbot, teacher)
    assert isinstance(page, PlansPage) and page.queue is None
    assert page.table is not None and page.table.rowCount() == 1
    page.open_row(0)
    wait_idle(qtbot, teacher)
    assert page.editor is not None and page.editor.detail.id == plan.id
    page.editor.close()

    office = make_window(school.office)
    queue_page = office.show_page("plans")
    wait_idle(qtbot, office)
    assert queue_page.queue is not None and queue_page.queue.table.rowCount() == 1
    assert queue_page.queue.approve_button.isEnabled()

    visits_page = teacher.show_page("visits")
    wait_idle(qtbot, teacher)
    assert isinstance(visits_page, VisitsPage)
    assert visits_page.model.rowCount() == 18
    qtbot.waitUntil(lambda: visits_page.model.data(visits_page.model.index(0, 0)) == "2026-11-19")
    wait_idle(qtbot, teacher)
    assert visits_page.model.fetched_pages == [0]  # 18 rows: one page, fetched once
    visits_page.status.setCurrentIndex(visits_page.status.findData("cancelled"))
    wait_idle(qtbot, teacher)
    assert visits_page.model.rowCount() == 0
    visits_page.status.setCurrentIndex(0)
    visits_page.flag.setCurrentIndex(visits_page.flag.findData("makeups"))
    wait_idle(qtbot, teacher)
    assert visits_page.model.rowCount() == 0
    visits_page.flag.setCurrentIndex(0)
    wait_idle(qtbot, teacher)
    first = visits_page.model.index(0, 0)
    # Rows arrive a page at a time: asking for the first row's id fetches its page; wait until it is there.
    qtbot.waitUntil(lambda: visits_page.model.data(first, Qt.ItemDataRole.UserRole) is not None)
    visits_page._open_index(first)
    wait_idle(qtbot, teacher)
    assert visits_page.editor is not None and visits_page.editor.detail.date.isoformat() == "2026-11-19"
    visits_page.editor.close()
    # The office sees the student's visits too; another teacher's student's visits never reach t2's list.
    other = make_window(school.t2)
    others = other.show_page("visits")
    wait_idle(qtbot, other)
    assert others.model.rowCount() == 0
    assert not answers.asked, answers.asked


def test_ctrl_s_in_the_main_window_saves_the_iep_tab(make_window, school, english, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from app.services import ieps
    from tests.ui.editors_helpers import activate

    window = make_window(school.t1)
    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    iep = page.extra_tabs["iep"]
    page.tabs.setCurrentWidget(iep)
    wait_idle(qtbot, window)
    iep.create_iep()
    wait_idle(qtbot, window)
    iep.tabs.setCurrentWidget(iep.level_form)
    needs = iep.level_form.widgets["needs"]
    activate(qtbot, window)
    needs.setFocus()
    QTest.keyClicks(needs, "grip")
    QTest.keyClick(needs, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, window)
    assert not iep.is_dirty()
    assert ieps.get_iep(window.session.ctx, iep.detail.id).values["needs"] == "grip"


def test_leader_reads_only_and_other_teacher_is_refused(make_session, school, qtbot, english):
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.pages.plans_queue import PlanQueue
    from app.ui.pages.student_tabs import VisitsTab

    ieps_detail = __import__("app.services.ieps", fromlist=["x"]).get_or_create_iep(
        school.as_(school.t1), school.students[0], school.term.id
    )
    leader = make_session(school.leader)
    editor = IepEditor(leader, school.students[0])
    qtbot.addWidget(editor)
    wait_idle(qtbot, leader)
    assert editor.detail.id == ieps_detail.id and not editor.save_button.isEnabled()
    assert not editor.goals.from_bank.isEnabled()
    tab = VisitsTab(leader, school.students[0])
    qtbot.addWidget(tab)
    wait_idle(qtbot, leader)
    assert not tab.new_button.isEnabled()
    queue = PlanQueue(leader)
    qtbot.addWidget(queue)
    assert queue.approve_button.isHidden()

    other = make_session(school.t2)
    refused = IepEditor(other, school.students[0])
    qtbot.addWidget(refused)
    wait_idle(qtbot, other)
    assert refused.detail is None and not refused.banner.isHidden()
    assert not refused.save_button.isEnabled()
