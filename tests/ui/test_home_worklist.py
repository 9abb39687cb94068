"""The This week page's work-list sections: the right ones per role, filled from the service, opening records."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.services import plans, students, visits
from app.ui.editors.windows import open_windows
from tests.ui.helpers import wait_idle

TEACHER_SECTIONS = {"planned_this_week", "plans_to_write", "records_unfinished", "coming_due"}


def test_teacher_sees_their_work_and_opens_a_visit_record(make_window, school, english, qtbot):
    t1 = school.as_(school.t1)
    forgotten = visits.create_visit(t1, school.students[0], {"date": "2026-11-17"})
    visits.create_visit(t1, school.students[0], {"date": "2026-11-21"})
    window = make_window(school.t1)
    wait_idle(qtbot, window)
    home = window.current_page()
    assert set(home.sections) >= TEACHER_SECTIONS and "teachers_behind" not in home.sections
    unfinished = home.sections["records_unfinished"]
    assert unfinished.list.count() == 1
    entry = unfinished.list.item(0)
    assert entry.data(Qt.ItemDataRole.UserRole).record_id == forgotten.id
    assert "visit not recorded" in entry.text() and "S001" in entry.text()
    assert home.sections["planned_this_week"].list.count() == 1
    assert home.sections["plans_to_write"].list.count() == 2  # December's plans for both students
    assert home.sections["coming_due"].empty.text() == "Nothing coming due."

    before = set(open_windows())
    unfinished.list.itemActivated.emit(entry)
    wait_idle(qtbot, window)
    opened = set(open_windows()) - before
    assert len(opened) == 1 and unfinished.editor in opened
    assert unfinished.editor.windowTitle() == "Visit record"
    unfinished.editor.close()


def test_returned_plan_shows_the_comment_and_opens_the_plan_editor(make_window, school, english, qtbot):
    t1 = school.as_(school.t1)
    plan = plans.save_plan(t1, school.students[0], "2026-12", {"visits": [{"date": "2026-12-02"}]})
    plans.submit_plan(t1, plan.id)
    plans.decide_plan(school.as_(school.office), plan.id, 1, approve=False, comment="请补充家庭任务")
    home = make_window(school.t1).current_page()
    wait_idle(qtbot, home.session)
    section = home.sections["plans_to_write"]
    texts = [section.list.item(i).text() for i in range(section.list.count())]
    returned = next(i for i, text in enumerate(texts) if "returned" in text)
    assert "请补充家庭任务" in texts[returned] and "2026-12" in texts[returned]
    section.list.itemActivated.emit(section.list.item(returned))
    wait_idle(qtbot, home.session)
    title = section.editor.windowTitle() if section.editor is not None else ""
    assert title.startswith("Monthly plan") and "S001" in title  # names the student once it has loaded
    assert (section.editor.student_id, section.editor.month) == (school.students[0], "2026-12")
    section.editor.close()


def test_certificate_opens_the_student_page(make_window, school, english, qtbot):
    students.update_student(
        school.as_(school.admin), school.students[1], {"certificate_valid_until": "2026-10-01"}
    )
    window = make_window(school.t1)
    wait_idle(qtbot, window)
    section = window.current_page().sections["coming_due"]
    assert section.list.count() == 1 and "expired" in section.list.item(0).text()
    section.list.itemActivated.emit(section.list.item(0))
    wait_idle(qtbot, window)
    page = window.current_page()
    assert type(page).__name__ == "StudentPage" and page.student_id == school.students[1]


def test_office_sees_teachers_behind_not_the_teacher_lists(make_window, school, english, qtbot):
    home = make_window(school.office).current_page()
    wait_idle(qtbot, home.session)
    assert "teachers_behind" in home.sections and not TEACHER_SECTIONS & set(home.sections)
    behind = home.sections["teachers_behind"]
    # No visits yet this term: both teachers owe make-ups; t1 (two students) owes more and comes first.
    assert behind.list.count() == 2
    assert behind.list.item(0).text().startswith("张老师") and "weeks met 0%" in behind.list.item(0).text()


def test_the_four_teacher_sections_share_one_read(make_window, school, english):
    from app.services import worklist
    from app.ui.tasks import BaseRunner

    class QueueRunner(BaseRunner):
        """Holds tasks until flushed, as a worker thread would while the page reloads its sections."""

        def __init__(self) -> None:
            super().__init__()
            self.queue: list = []
            self.started: list = []

        def _start(self, task) -> None:
            self.queue.append(task)
            self.started.append(task.fn)

        def flush(self) -> None:
            while self.queue:
                task = self.queue.pop(0)
                task.run()
                self._finish(task)

    visits.create_visit(school.as_(school.t1), school.students[0], {"date": "2026-11-17"})
    runner = QueueRunner()
    window = make_window(school.t1, runner)
    runner.flush()
    assert runner.started.count(worklist.teacher_worklist) == 1
    home = window.current_page()
    assert home.sections["records_unfinished"].list.count() == 1
    assert home.sections["plans_to_write"].list.count() == 2
