"""The editors driven as people drive them: real buttons, the real DB thread, closing and switching records.

Each test here failed before its fix (issue 9, bugs 1, 3, 5 and 6): the suite used to call editor methods on the
synchronous runner, so a button passing ``clicked(bool)`` into a parameter, or a close that does not wait for its
save, never ran.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid

from app.services import attachments, contacts, lessons, plans, students, visits
from app.ui.tasks import ThreadRunner
from tests.ui.editors_helpers import answers, strict_callbacks  # noqa: F401 (autouse fixture)
from tests.ui.test_editors_visits import approved_plan, sign

WAIT = 5000


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def settle(qtbot, session) -> None:
    """Wait until the DB thread is idle and every result was delivered (callbacks and their follow-ups)."""
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=WAIT)
    qtbot.wait(20)  # a callback may submit the next step; give its relay one turn
    qtbot.waitUntil(lambda: not session.runner.busy, timeout=WAIT)


def threaded(make_session, actor):
    session = make_session(actor, ThreadRunner())
    errors: list[BaseException] = []
    session.runner.unhandled_error.connect(errors.append)
    return session, errors


@pytest.fixture(autouse=True)
def close_windows():
    """Editor windows delete themselves on close; those a test left open are closed without asking."""
    from app.ui.editors.windows import open_windows

    yield
    for window in open_windows():
        window.set_clean()  # type: ignore[attr-defined]
        window.close()


def visit_editor(qtbot, session, visit_id):
    """A visit editor in its own window, as the app opens it (it deletes itself when closed)."""
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.editors.windows import open_window

    editor = VisitEditor(session, visit_id)
    open_window(editor, "visit")
    editor.resize(900, 1200)
    qtbot.waitUntil(lambda: editor.detail is not None, timeout=WAIT)
    settle(qtbot, session)
    return editor


# --- bug 1: the Save buttons ----------------------------------------------------------------------------


def test_visit_save_button_saves_without_error(qtbot, school, make_session):
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = visit_editor(qtbot, session, visit.id)
    editor.form.widgets["place"].setText("学生家中")
    assert editor.is_dirty()
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    settle(qtbot, session)
    assert errors == [] and not editor.banner.isVisible()
    assert visits.get_visit(session.ctx, visit.id).values["place"] == "学生家中"


def test_plan_save_button_saves_without_error(qtbot, school, make_session):
    from app.ui.editors.plan_editor import PlanEditor

    session, errors = threaded(make_session, school.t1)
    editor = PlanEditor(session, school.students[0], "2026-12")
    qtbot.addWidget(editor)
    editor.show()
    settle(qtbot, session)
    editor.form.widgets["materials"].setPlainText("勺子、水果卡片")
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    settle(qtbot, session)
    assert errors == [] and not editor.banner.isVisible()
    assert plans.find_plan(session.ctx, school.students[0], "2026-12").materials == "勺子、水果卡片"


def test_no_button_lands_in_a_parameter():
    """``clicked(bool)``, ``triggered(bool)`` and ``toggled(bool)`` pass their flag to a slot that takes one:
    a slot with an optional parameter (``save(then=None)``) then gets ``False``. Every such connection to a
    method of the class must land on a method that takes no parameter."""
    import ast
    import pathlib

    signals = {"clicked", "triggered", "toggled"}
    wrong = []
    for path in sorted(pathlib.Path("app/ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = {c.name: c for c in ast.walk(tree) if isinstance(c, ast.ClassDef)}
        for cls in classes.values():
            methods: dict[str, ast.FunctionDef] = {}
            for base in cls.bases:  # bases in the same module (an editor and its base)
                if isinstance(base, ast.Name) and base.id in classes:
                    methods.update(
                        {f.name: f for f in classes[base.id].body if isinstance(f, ast.FunctionDef)}
                    )
            methods.update({f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)})
            for node in ast.walk(cls):
                if not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr in signals
                    and node.args
                    and isinstance(node.args[0], ast.Attribute)
                    and isinstance(node.args[0].value, ast.Name)
                    and node.args[0].value.id == "self"
                ):
                    continue
                method = methods.get(node.args[0].attr)
                if method is not None and (method.args.args[1:] or method.args.kwonlyargs):
                    wrong.append(f"{path}:{node.lineno} {cls.name}.{method.name}")
    assert wrong == []


def test_the_save_button_is_what_the_guard_checks():
    """The guard above reads source: it must see the connections it is meant to see."""
    import ast
    import pathlib

    source = pathlib.Path("app/ui/editors/visit_editor.py").read_text(encoding="utf-8")
    assert any(isinstance(n, ast.Attribute) and n.attr == "clicked" for n in ast.walk(ast.parse(source)))


def test_an_error_in_an_editor_is_shown_over_the_editor(
    qtbot,
    school,
    make_window,
    monkeypatch,
    strict_callbacks,  # noqa: F811
):
    from tests.ui.editors_helpers import activate

    runner = ThreadRunner()
    window = make_window(school.t1, runner)
    session = window.session
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = visit_editor(qtbot, session, visit.id)
    activate(qtbot, editor)
    from app.ui.crash import reporter

    def broken(_ctx):
        raise RuntimeError("boom")

    session.read(broken)  # no on_error: the window reports it (the crash dialog, with its reference)
    qtbot.waitUntil(lambda: reporter().dialog is not None and reporter().dialog.isVisible(), timeout=WAIT)
    assert reporter().dialog.parentWidget() is editor
    reporter().dialog.close()
    assert [str(e) for e in strict_callbacks] == ["boom"]
    strict_callbacks.clear()  # the one error this test made on purpose


# --- bug 3: a finished visit shows its signature ---------------------------------------------------------


def test_finished_signed_visit_shows_the_signature(qtbot, school, make_session, english):
    plan, _objective = approved_plan(school)
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], planned_visit_id=plan.visits[0].id)
    editor = visit_editor(qtbot, session, visit.id)
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    click(qtbot, editor.finish_button)
    qtbot.waitUntil(lambda: editor.detail.status == "done", timeout=WAIT)
    settle(qtbot, session)
    assert editor.detail.signature_id and editor.signature_state.text() == "Signed."
    assert not editor.pad.is_empty() and editor.pad.is_read_only()
    assert editor.pad.accessibleDescription().startswith("Signed")
    editor.close()

    # Opened again later: the pad shows the stored signature, as the label says.
    again = visit_editor(qtbot, session, visit.id)
    assert again.signature_state.text() == "Signed."
    assert not again.pad.is_empty() and again.pad.accessibleDescription().startswith("Signed")
    assert errors == []


def test_signing_again_replaces_the_shown_signature(qtbot, school, make_session):
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = visit_editor(qtbot, session, visit.id)
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    settle(qtbot, session)
    first = visits.get_visit(session.ctx, visit.id).signature_id
    assert first and not editor.pad.is_empty() and not editor.pad.is_read_only()
    click(qtbot, editor.clear_pad)
    assert editor.pad.is_empty() and editor.is_dirty()
    sign(editor.pad)
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    settle(qtbot, session)
    second = visits.get_visit(session.ctx, visit.id).signature_id
    assert second and second != first and errors == []
    mime, png = attachments.fetch_bytes(session.ctx, second)
    assert mime == "image/png"

    # Cleared but not signed again: the record keeps its signature, and the pad shows it back after the save.
    click(qtbot, editor.clear_pad)
    editor.form.widgets["place"].setText("学生家中")
    click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=WAIT)
    settle(qtbot, session)
    assert visits.get_visit(session.ctx, visit.id).signature_id == second
    assert not editor.pad.is_empty() and editor.signature_state.text() == editor.tr("Signed.")


# --- bug 5: finish and lock leaves nothing unsaved -------------------------------------------------------


def test_finish_and_lock_then_close_asks_nothing(qtbot, school, make_session, answers):  # noqa: F811
    plan, _objective = approved_plan(school)
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], planned_visit_id=plan.visits[0].id)
    editor = visit_editor(qtbot, session, visit.id)
    editor.form.widgets["place"].setText("学生家中")
    # The teacher clicked a lesson (its row stays current): refilling the table on load then ended the load
    # early, and clearing the signed pad afterwards marked the finished record dirty.
    cell = editor.lessons.visualItemRect(editor.lessons.item(0, 1)).center()
    qtbot.mouseClick(editor.lessons.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert editor.lessons.currentRow() == 0
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    click(qtbot, editor.finish_button)
    qtbot.waitUntil(lambda: editor.detail.status == "done", timeout=WAIT)
    settle(qtbot, session)
    assert not editor.is_dirty()
    assert editor.close()
    assert answers.asked == [] and errors == []
    assert visits.get_visit(session.ctx, visit.id).values["place"] == "学生家中"


# --- bug 6: closing and switching wait for the save ------------------------------------------------------


def test_save_on_close_saves_then_closes(qtbot, school, make_session, answers):  # noqa: F811
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = visit_editor(qtbot, session, visit.id)
    editor.form.widgets["place"].setText("学生家中")
    answers.append(QMessageBox.StandardButton.Save)
    editor.close()
    assert len(answers.asked) == 1
    qtbot.waitUntil(lambda: not isValid(editor), timeout=WAIT)  # closed, and deleted as open_window asks
    settle(qtbot, session)
    assert visits.get_visit(session.ctx, visit.id).values["place"] == "学生家中" and errors == []


def test_save_on_close_that_fails_stays_open_with_the_error(qtbot, school, make_session, answers):  # noqa: F811
    session, errors = threaded(make_session, school.t1)
    visit = visits.create_visit(session.ctx, school.students[0], {"date": "2026-11-18"})
    editor = visit_editor(qtbot, session, visit.id)
    editor.form.set_value("start_time", "25:99")
    answers.append(QMessageBox.StandardButton.Save)
    editor.close()
    qtbot.waitUntil(lambda: bool(editor.field_error("start_time")), timeout=WAIT)
    settle(qtbot, session)
    assert editor.isVisible() and editor.is_dirty() and errors == []


def test_switching_contact_entries_saves_first(qtbot, school, make_session, answers):  # noqa: F811
    from app.ui.editors.contacts import ContactsPanel

    student = school.students[0]
    students.save_guardian(
        school.as_(school.admin), student, {"name": "王芳", "relation": "parent", "phone": "13800138000"}
    )
    t1 = school.as_(school.t1)
    guardian = students.get_student(t1, student).guardians[0].id
    for at, summary in (("2026-11-18 18:00", "第一次"), ("2026-11-19 18:00", "第二次")):
        contacts.log_contact(
            t1,
            student,
            {"at": at, "guardian_id": guardian, "channel": "phone", "purpose": "notice", "summary": summary},
        )
    session, errors = threaded(make_session, school.t1)
    panel = ContactsPanel(session, student)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=WAIT)
    settle(qtbot, session)
    first = panel.table.item(0, 5).text()
    panel.edit_row(0)
    panel.form.set_value("summary", f"{first}（已更正）")
    assert panel.is_dirty()
    answers.append(QMessageBox.StandardButton.Save)
    second_id = next(r.id for r in panel._rows if r.summary != first)
    panel.edit_row(1 if panel._rows[1].id == second_id else 0)
    qtbot.waitUntil(lambda: panel.editing is not None and panel.editing.id == second_id, timeout=WAIT)
    settle(qtbot, session)
    summaries = sorted(c.summary for c in contacts.list_contacts(session.ctx, student))
    assert f"{first}（已更正）" in summaries and errors == []
    assert panel.form.value("summary") != f"{first}（已更正）" and not panel.is_dirty()


def test_switching_lesson_plans_saves_first(qtbot, school, make_session, answers):  # noqa: F811
    from app.ui.editors.lesson_plans import LessonPlanLibrary

    t1 = school.as_(school.t1)
    one = lessons.create_lesson_plan(t1, {"title": "认识水果", "subject": "生活语文"})
    two = lessons.create_lesson_plan(t1, {"title": "认识颜色", "subject": "生活语文"})
    session, errors = threaded(make_session, school.t1)
    library = LessonPlanLibrary(session)
    qtbot.addWidget(library)
    library.show()
    qtbot.waitUntil(lambda: library.list.count() == 2, timeout=WAIT)
    settle(qtbot, session)
    rows = {library.list.item(i).data(Qt.ItemDataRole.UserRole): i for i in range(2)}
    library.list.setCurrentRow(rows[one.id])
    qtbot.waitUntil(lambda: library.plan is not None and library.plan.id == one.id, timeout=WAIT)
    settle(qtbot, session)
    library.form.set_value("title", "认识苹果")
    answers.append(QMessageBox.StandardButton.Save)
    library.list.setCurrentRow(rows[two.id])
    qtbot.waitUntil(lambda: library.plan is not None and library.plan.id == two.id, timeout=WAIT)
    settle(qtbot, session)
    assert lessons.get_lesson_plan(session.ctx, one.id).title == "认识苹果" and errors == []
    assert library.form.value("title") == "认识颜色" and not library.is_dirty()
