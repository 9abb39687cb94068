"""The lazy students list: full row count, rows fetched a page at a time, search and sort in SQL."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert

from app.db.base import new_id, utcnow
from app.db.models import Assignment, Student
from app.services.context import transaction
from app.ui.item_models.students import PAGE_SIZE
from tests.ui.helpers import wait_idle


def _bulk_students(school, count: int) -> None:
    now = utcnow()
    rows = [
        {
            "id": new_id(),
            "code": f"B{i:05d}",
            "name": f"学生{i:05d}",
            "grade_class": f"{i % 9 + 1}年级",
            "status": "active" if i % 10 else "paused",
            "disability_category": i % 7 + 1,
            "revision": 1,
            "created_at": now,
            "updated_at": now,
            "enrolled_on": dt.date(2025, 9, 1),
        }
        for i in range(count)
    ]
    with transaction(school.ctx) as session:
        session.execute(insert(Student), rows)
        session.execute(
            insert(Assignment),
            [
                {
                    "id": new_id(),
                    "student_id": r["id"],
                    "teacher_id": school.t1.id,
                    "role": "main",
                    "start_date": dt.date(2025, 9, 1),
                    "revision": 1,
                    "created_at": now,
                    "updated_at": now,
                }
                for r in rows[:50]
            ],
        )


def test_lazy_model_fetches_only_visible_pages(make_window, school, qtbot, english):
    _bulk_students(school, 2000)
    window = make_window(school.admin)
    window.resize(1000, 600)
    page = window.show_page("students")
    wait_idle(qtbot, window)
    model = page.model
    assert model.rowCount() == 2003
    assert model.fetched_pages == [0]  # the view painted the first rows only
    page.table.scrollToBottom()
    page.table.viewport().repaint()
    wait_idle(qtbot, window)
    last = (2003 - 1) // PAGE_SIZE
    assert last in model.fetched_pages
    assert len(set(model.fetched_pages)) <= 3  # not the 21 pages in between
    assert model.summary(2002) is not None


def test_search_is_debounced_and_filters_in_sql(make_window, school, qtbot, english):
    _bulk_students(school, 300)
    page = make_window(school.admin).show_page("students")
    wait_idle(qtbot, page.session)
    qtbot.keyClicks(page.search, "0012")
    assert page.model.rowCount() == 303  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: page.model.rowCount() == 11, timeout=2000)  # B00012, B00120 … B00129
    page.search.clear()
    page.apply_filters()
    page.status.setCurrentIndex(page.status.findData("paused"))
    wait_idle(qtbot, page.session)
    assert page.model.rowCount() == 30
    page.category.setCurrentIndex(page.category.findData(1))
    wait_idle(qtbot, page.session)
    assert page.model.rowCount() == 5  # paused (every tenth) and category 1 (every seventh): 300 / 70 + 1
    assert all(page.model.summary(r).disability_category == 1 for r in range(page.model.rowCount()))


def test_sorting_happens_in_sql(make_window, school, english, qtbot):
    _bulk_students(school, 250)
    page = make_window(school.admin).show_page("students")
    wait_idle(qtbot, page.session)
    page.table.sortByColumn(0, page.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    wait_idle(qtbot, page.session)
    assert page.model.summary(0).code == "S003"  # S > B, descending
    assert page.model.fetched_pages == [0]


def test_teacher_list_is_limited_even_in_a_big_school(make_window, school, english, qtbot):
    _bulk_students(school, 500)
    page = make_window(school.t1).show_page("students")
    wait_idle(qtbot, page.session)
    assert page.model.rowCount() == 52  # 50 bulk + 小明 + 小红


def test_new_student_dialog_creates_and_shows_errors_in_the_dialog(make_session, school, qtbot, english):
    from app.ui.dialogs.new_student import NewStudentDialog
    from app.ui.pages.settings_admin import UserDialog

    office = make_session(school.office)
    dialog = NewStudentDialog(office)
    qtbot.addWidget(dialog)
    dialog.form.set_value("code", "S001")
    dialog.form.set_value("name", "新同学")
    dialog.submit()
    wait_idle(qtbot, office)
    assert dialog.form.error("code") == "This student code is already used."
    assert dialog.student_id is None and dialog.result() == 0
    dialog.form.set_value("code", "S900")
    dialog.submit()
    wait_idle(qtbot, office)
    assert dialog.result() == NewStudentDialog.DialogCode.Accepted
    assert dialog.student_id is not None
    # An error no field can show stays in the dialog, beside the buttons.
    teacher = make_session(school.t1)
    users_dialog = UserDialog(teacher)
    qtbot.addWidget(users_dialog)
    users_dialog.form.set_value("username", "t9")
    users_dialog.form.set_value("password", "secret123")
    users_dialog.form.set_value("confirm", "secret123")
    users_dialog.submit()
    wait_idle(qtbot, teacher)
    assert users_dialog.result() == 0
    assert (
        not users_dialog.message.isHidden()
        and users_dialog.message.text() == "Your role does not allow this."
    )


def test_new_student_and_new_user_dialogs_warn_of_names_the_fonts_lack_as_typed(
    make_session, school, qtbot, chinese
):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from app.services import students, users
    from app.ui.dialogs.new_student import NewStudentDialog
    from app.ui.pages.settings_admin import UserDialog

    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    warning = f"「{biang}」无法打印：字库中没有这个字。请告诉学校的信息管理员。"
    office = make_session(school.office)
    dialog = NewStudentDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.widgets["code"], "S901")
    name = dialog.form.widgets["name"]
    name.setFocus()
    commit = QInputMethodEvent()  # Chinese arrives as an input method commits it (QTest types ASCII only)
    commit.setCommitString(f"王{biang}")
    QApplication.sendEvent(name, commit)
    assert dialog.form.error("name") == warning
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, office)
    assert dialog.result() == NewStudentDialog.DialogCode.Accepted  # created all the same
    assert students.get_student(school.ctx, dialog.student_id).unprintable == {"name": biang}

    admin = make_session(school.admin)
    add_user = UserDialog(admin)
    qtbot.addWidget(add_user)
    add_user.show()
    qtbot.keyClicks(add_user.form.widgets["username"], "t9")
    shown = add_user.form.widgets["display_name"]
    shown.setFocus()
    commit = QInputMethodEvent()
    commit.setCommitString(f"{biang}老师")
    QApplication.sendEvent(shown, commit)
    assert add_user.form.error("display_name") == warning
    qtbot.keyClicks(add_user.form.widgets["password"], "secret123")
    qtbot.keyClicks(add_user.form.widgets["confirm"], "secret132")  # a typo: refused beside the field
    qtbot.mouseClick(add_user.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, admin)
    assert add_user.isVisible() and add_user.form.error("confirm") == "两次输入的密码不一致。"
    assert not any(u.username == "t9" for u in users.list_users(school.ctx))
    add_user.form.widgets["confirm"].clear()
    qtbot.keyClicks(add_user.form.widgets["confirm"], "secret123")
    qtbot.mouseClick(add_user.ok_button(), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, admin)
    assert add_user.result() == UserDialog.DialogCode.Accepted
    assert any(u.username == "t9" for u in users.list_users(school.ctx))
