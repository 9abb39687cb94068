"""The walk over every page and dialog: each surface built, loaded and shown, yielded as ``(name, widget)``.

One walker for every test that reads the whole UI: tests/ui/test_no_english.py reads the texts in Chinese,
tests/ui/test_accessibility.py checks the names a screen reader reads and the mnemonics. Every page (as office,
teacher, leader and admin on a small demo school) with its tabs, the student page's tabs, the record editors
and their dialogs (on fresh records and on demo records of every state), the small dialogs, and the
first-run wizard page by page (and its refusal of a short password).

The sessions use the synchronous runner: this walks widgets to read them (every load done before a surface
is yielded), it does not test a workflow.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTabBar, QWidget

from app.services import backup, demo, drafts, ieps, plans, users, visits
from app.ui.session import AppSession
from app.ui.tasks import SyncRunner
from tests.conftest import TODAY
from tests.ui.helpers import wait_idle

Surfaces = Iterator[tuple[str, QWidget]]


@pytest.fixture
def demo_school(ctx):
    """The demo school at its smallest (a whole term with visits, plans, IEPs, contacts) and its logins."""
    ctx.today_override = TODAY
    result = demo.generate(ctx, students=3, terms=1, today=TODAY)
    for reason in ("manual", "pre-migration"):  # the backups tab lists why each was made
        backup.make_backup(ctx.store.paths, reason, key=ctx.store.key)
    logins = {role: (user, password) for user, password, role in result.logins}
    names = frozenset(u.username for u in users.list_users(ctx, include_inactive=True))
    return ctx, logins, names


def sync_session(ctx, actor) -> AppSession:
    return AppSession(ctx.store, SyncRunner(), actor, language="zh_CN", today=TODAY)


def _tabs(widget: QWidget) -> Iterator[int]:
    """Every tab of every tab bar under ``widget`` made current in turn (built and shown)."""
    for bar in widget.findChildren(QTabBar):
        for index in range(bar.count()):
            bar.setCurrentIndex(index)
            yield index


def pages(demo_school, qtbot) -> Surfaces:
    """Every page of the main window for each role (all its tabs visited), and the student page's tabs."""
    from app.services import students
    from app.ui.main_window import MainWindow
    from app.ui.pages.student import StudentPage

    ctx, logins, _names = demo_school
    teacher = next(u for u in users.list_users(ctx) if u.role == "teacher")
    actors = [users.authenticate(ctx, *logins[role]) for role in ("academic_affairs", "leader", "admin")]
    actors.append(users.authenticate(ctx, teacher.username, "teacher123"))
    for actor in actors:
        session = sync_session(ctx, actor)
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        for spec in window.specs:
            page = window.show_page(spec.key)
            for _ in _tabs(page):
                pass
            yield f"{actor.role} · {spec.key}", window
        window.show_page("students")
        student = StudentPage(session, students.list_students(session.ctx)[0].id, window)
        window.open_detail(student)
        for index in _tabs(student):
            yield f"{actor.role} · student tab {index}", student
        session.runner.shutdown()


def record_editors(make_session, school, qtbot) -> Surfaces:
    """Each editor, panel, page and dialog of the record editors on fresh records, as the role that uses it."""
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.goal_bank_picker import GoalBankPicker
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.timeline import TimelinePanel
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.home_drafts import DraftsSection
    from app.ui.pages.plans import LessonPlansPage, PlansPage
    from app.ui.pages.plans_queue import PlanQueue
    from app.ui.pages.student_tabs import PlansTab, VisitsTab
    from app.ui.pages.visits import VisitsPage

    t1, office = make_session(school.t1), make_session(school.office)
    student = school.students[0]
    ieps.seed_goal_bank(office.ctx)
    iep = ieps.get_or_create_iep(t1.ctx, student, school.term.id)
    goal = ieps.add_goal(t1.ctx, iep.id, "认知", "认识常见物品")
    objective = ieps.add_objective(t1.ctx, goal, {"text": "认识水果"})
    plan = plans.save_plan(
        t1.ctx, student, "2026-12", {"objective_ids": [objective], "visits": [{"date": "2026-12-02"}]}
    )
    plans.submit_plan(t1.ctx, plan.id)
    visit = visits.create_visit(t1.ctx, student, {"date": "2026-11-18"})
    drafts.save_draft(t1.ctx, f"visit:{visit.id}", {"values": {}})

    iep_editor = IepEditor(t1, student)
    widgets = [
        ("iep", iep_editor),
        ("plan", PlanEditor(t1, student, "2026-12")),
        ("queue", PlanQueue(office)),
        ("visit", VisitEditor(t1, visit.id)),
        ("contacts", ContactsPanel(t1, student)),
        ("timeline", TimelinePanel(t1, student)),
        ("plans tab", PlansTab(t1, student)),
        ("visits tab", VisitsTab(t1, student)),
        ("plans page", PlansPage(t1)),
        ("queue page", PlansPage(office)),
        ("visits page", VisitsPage(t1)),
        ("picker", GoalBankPicker(t1)),
        ("lesson plans", LessonPlanLibrary(t1)),
        ("lesson plans page", LessonPlansPage(t1)),
        ("drafts", DraftsSection(t1)),
    ]
    for name, widget in widgets:
        qtbot.addWidget(widget)
        if hasattr(widget, "refresh"):
            widget.refresh()
        wait_idle(qtbot, t1)
        wait_idle(qtbot, office)
        yield name, widget
    panel = iep_editor.goals
    panel.select(objective)
    wait_idle(qtbot, t1)
    for open_dialog in (
        lambda: panel.goal_dialog(None),
        lambda: panel.objective_dialog(None),
        panel.review_dialog,
    ):
        open_dialog()
        wait_idle(qtbot, t1)
        yield type(panel.dialog).__name__, panel.dialog
        panel.dialog.close()
    editor = VisitEditor(t1, visit.id)
    qtbot.addWidget(editor)
    wait_idle(qtbot, t1)
    editor.cancel_visit()
    wait_idle(qtbot, t1)
    yield "cancel dialog", editor.dialog
    editor.dialog.close()


def demo_editors(demo_school, qtbot) -> Surfaces:
    """The editors on records of every state the demo has: finished (amended twice), cancelled and planned
    visits, approved and returned plans with their history, IEPs with scores, contacts, lesson plans; and
    their dialogs (make-up, cancel). Each editor's tabs are visited, each yielded after its tabs."""
    from app.services import visit_list
    from app.ui.editors.contacts import ContactsPanel
    from app.ui.editors.iep_editor import IepEditor
    from app.ui.editors.lesson_plans import LessonPlanLibrary
    from app.ui.editors.plan_editor import PlanEditor
    from app.ui.editors.visit_editor import VisitEditor
    from app.ui.pages.plans_queue import PlanQueue

    ctx, logins, _names = demo_school
    office = sync_session(ctx, users.authenticate(ctx, *logins["academic_affairs"]))
    teacher_info = next(u for u in users.list_users(ctx) if u.role == "teacher")
    teacher = sync_session(ctx, users.authenticate(ctx, teacher_info.username, "teacher123"))

    def shown(name: str, widget: QWidget) -> Surfaces:
        qtbot.addWidget(widget)
        widget.show()
        for index in _tabs(widget):
            yield f"{name} tab {index}", widget
        yield name, widget

    listed = visit_list.list_visits(teacher.ctx, limit=None)
    by_status = {v.status: v for v in listed}
    assert {"done", "cancelled", "planned"} <= by_status.keys()
    # A finished visit corrected twice: the editor lists each amendment with the field it changed.
    done = by_status["done"].id
    visits.amend_visit(teacher.ctx, done, {"place": "学校资源教室"}, "地点写错了")
    visits.amend_visit(teacher.ctx, done, {"homework": "每天读绘本"}, "补充作业")
    for status, visit in sorted(by_status.items()):
        editor = VisitEditor(teacher, visit.id)
        yield from shown(f"visit editor ({status})", editor)
        if status == "cancelled" and visit.cancel_cause == "school":
            editor.schedule_makeup()
            yield from shown("make-up dialog", editor.dialog)
        if status == "planned":
            editor.cancel_visit()
            yield from shown("cancel dialog", editor.dialog)
    student_id = listed[0].student_id
    for summary in {p.status: p for p in plans.list_plans(teacher.ctx, student_id)}.values():
        yield from shown(f"plan editor ({summary.status})", PlanEditor(teacher, student_id, summary.month))
    yield from shown("plan editor (new month)", PlanEditor(teacher, student_id, "2027-01"))
    yield from shown("IEP editor", IepEditor(teacher, student_id))
    yield from shown("contacts", ContactsPanel(teacher, student_id))
    yield from shown("lesson plans", LessonPlanLibrary(teacher))
    yield from shown("approval queue", PlanQueue(office))
    for session in (office, teacher):
        session.runner.shutdown()


SMALL_PASSPHRASE = "ABCDE-FGHJK-LMNPQ-RSTUV"


def small_dialogs(make_session, school, tmp_path, qtbot) -> Surfaces:
    """The guardian, new-student, user, login, passphrase, join and this-computer dialogs, a new recovery key's
    two."""
    from app.services.exchange import JoinFile
    from app.ui.dialogs.exchange_join import JoinSchoolDialog, PassphraseDialog
    from app.ui.dialogs.guardian import GuardianDialog
    from app.ui.dialogs.login import LoginDialog
    from app.ui.dialogs.new_student import NewStudentDialog
    from app.ui.dialogs.recovery import NewRecoveryKeyDialog, RecoveryKeyDialog
    from app.ui.pages.settings import ThisComputerDialog
    from app.ui.pages.settings_admin import UserDialog

    session = make_session(school.admin)
    made = JoinFile(tmp_path / "songjiao-join-t1.sjj", SMALL_PASSPHRASE, "device", "AB12 CD34", 1)
    for dialog in (
        GuardianDialog(session, school.students[0], None),
        NewStudentDialog(session),
        UserDialog(session),
        LoginDialog(school.ctx.store, today=TODAY),
        PassphraseDialog(made, "t1"),
        JoinSchoolDialog(school.ctx.store.paths, runner=SyncRunner()),
        ThisComputerDialog(make_session(school.t1)),
        NewRecoveryKeyDialog(session),  # Settings › Users and roles: the password again
        RecoveryKeyDialog("-".join(["2468"] * 10), "青山县特殊教育学校", replaced=True),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        yield type(dialog).__name__, dialog
    yield from key_dialogs(school, tmp_path, qtbot)


def key_dialogs(school, tmp_path, qtbot) -> Surfaces:
    """The login's recovery-key dialog: the key page, then (the school's key typed) the new-password page;
    the restore's dialog for a backup under another key, each way (a password, the recovery key)."""
    from app.services import setup
    from app.ui.dialogs.backup_key import BackupKeyDialog
    from app.ui.dialogs.recovery_login import RecoveryLoginDialog

    backup_key = BackupKeyDialog(tmp_path / "songjiao-backup-other.sqlite3")
    qtbot.addWidget(backup_key)
    backup_key.show()
    yield "backup key (password)", backup_key
    backup_key.by_recovery.setChecked(True)
    yield "backup key (recovery key)", backup_key

    text = setup.make_recovery_key(school.as_(school.admin))
    dialog = RecoveryLoginDialog(school.ctx.store.paths, school.ctx.store)
    qtbot.addWidget(dialog)
    dialog.show()
    yield "recovery login (key)", dialog
    dialog.key.setText(text or "")
    dialog.open_with_key()
    assert dialog.pages.currentIndex() == 1, dialog.error.text()
    yield "recovery login (new password)", dialog


def wizard(tmp_path, qtbot) -> Surfaces:
    """The first-run wizard page by page (a school name typed before Next, as a person does), then its last
    page refusing a password too short (yielded as "wizard refusal")."""
    from app.paths import resolve
    from app.ui.dialogs.first_run import FirstRunWizard
    from tests.conftest import open_test_store

    store = open_test_store(resolve(str(tmp_path / "new.sqlite3"), str(tmp_path / "data")))
    try:
        shown = FirstRunWizard(store, today=TODAY)
        qtbot.addWidget(shown)
        shown.show()
        shown.form(1).set_value("school_name", "青山县特殊教育学校")
        seen = []
        for _ in range(len(shown.pageIds())):
            seen.append(shown.currentId())
            yield f"wizard page {shown.currentId()}", shown
            shown.next()
        assert seen == shown.pageIds()
        admin = shown.form(shown.pageIds()[-1])
        admin.set_value("display_name", "管理员")
        admin.set_value("password", "abc")
        admin.set_value("confirm", "abc")
        assert not shown.validateCurrentPage()
        yield "wizard refusal", shown
    finally:
        store.dispose()
