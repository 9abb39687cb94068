"""The office imports the roster in the window: choose the file, see every row's problems, then all or nothing."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from app.db.models import Student
from app.services.context import reading
from app.ui.dialogs.roster_import import RosterImportDialog
from app.ui.tasks import ThreadRunner
from tests.services.test_roster import HEADERS, good_rows, write_csv


def students_count(ctx) -> int:
    with reading(ctx) as session:
        return session.scalar(select(func.count()).select_from(Student).where(Student.deleted_at.is_(None)))


def open_dialog(qtbot, make_session, school, monkeypatch, path):
    session = make_session(school.office, ThreadRunner())
    dialog = RosterImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), "Roster (*.xlsx *.csv)")
    )
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.choose_button.isEnabled() and dialog.summary.text() != "", timeout=10000)
    return dialog


def test_a_good_roster_is_checked_shown_then_imported(qtbot, make_session, school, monkeypatch, tmp_path):
    path = write_csv(tmp_path / "名单.csv", HEADERS, good_rows())
    before = students_count(school.ctx)
    dialog = open_dialog(qtbot, make_session, school, monkeypatch, path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)
    assert "2" in dialog.summary.text()  # two rows, both new
    assert students_count(school.ctx) == before  # checking wrote nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: students_count(school.ctx) == before + 2, timeout=10000)
    qtbot.waitUntil(dialog.choose_button.isEnabled, timeout=10000)
    assert not dialog.import_button.isEnabled()  # imported once: no second import of the same check


def test_every_problem_is_listed_and_nothing_is_imported(qtbot, make_session, school, monkeypatch, tmp_path):
    rows = good_rows()
    rows[0][3] = "2016-02-30"  # no such day
    rows[1][12] = "nobody"  # no such teacher
    path = write_csv(tmp_path / "bad.csv", HEADERS, rows)
    db = school.ctx.store.paths.db_path
    digest = hashlib.sha256(db.read_bytes()).hexdigest()
    dialog = open_dialog(qtbot, make_session, school, monkeypatch, path)
    assert not dialog.import_button.isEnabled()
    cells = {
        (dialog.problems.item(r, 0).text(), dialog.problems.item(r, 1).text())
        for r in range(dialog.problems.rowCount())
    }
    assert {("2", "出生日期"), ("3", "主教用户名")} <= cells
    assert hashlib.sha256(db.read_bytes()).hexdigest() == digest


def test_names_the_fonts_lack_are_noted_by_row_and_column_and_imported(
    qtbot, make_session, school, monkeypatch, tmp_path, chinese
):
    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    rows = good_rows()
    rows[1][1] = f"王{biang}"
    path = write_csv(tmp_path / "r.csv", HEADERS, rows)
    before = students_count(school.ctx)
    dialog = open_dialog(qtbot, make_session, school, monkeypatch, path)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=10000)  # a note, never a refusal
    notes = [
        tuple(dialog.problems.item(r, c).text() for c in range(3)) for r in range(dialog.problems.rowCount())
    ]
    assert ("3", "姓名", f"「{biang}」无法打印：字库中没有这个字。请告诉学校的信息管理员。") in notes
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: students_count(school.ctx) == before + 2, timeout=10000)
    qtbot.waitUntil(dialog.choose_button.isEnabled, timeout=10000)
