"""The log file and the crash dialog: a session leaves ids only in logs/songjiao.log; an unexpected error on
any thread is logged with its traceback under the reference number the calm dialog shows."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from app import logs
from app.db.models import Student
from app.services import students, visits
from app.ui.tasks import ThreadRunner


@pytest.fixture
def log_file(paths):
    path = logs.setup_logging(paths)
    yield path
    logs.close_logging()


def personal_data(store) -> list[str]:
    """Every name, ID number and address of the test school's children: none may reach the log."""
    with store.session_factory() as session:
        rows = session.execute(select(Student.name, Student.id_number, Student.address)).all()
    return [value for row in rows for value in row if value]


def read_log(path) -> str:
    logs.flush()
    return path.read_text(encoding="utf-8") if path.exists() else ""  # opened on the first line


def crash_dialog_shows(reference: str) -> bool:
    from app.ui.crash import reporter

    dialog = reporter().dialog
    return dialog is not None and dialog.isVisible() and reference in dialog.text()


def test_a_session_logs_ids_only_and_a_planted_error_with_the_reference_shown(
    qtbot, school, make_window, log_file, english
):
    t1 = school.as_(school.t1)
    students.update_student(t1, school.students[0], {"address": "青山县石门村3组12号"})
    window = make_window(school.t1, ThreadRunner())
    for key in ("home", "students", "visits", "plans"):
        window.show_page(key)
    page = window.show_page("students")
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 1), Qt.ItemDataRole.UserRole), timeout=5000)
    from app.ui.pages.student import StudentPage

    window.open_detail(StudentPage(window.session, school.students[0], window))  # names and ID on screen
    empty = visits.create_visit(t1, school.students[0], {"date": "2026-11-16"})
    refused: list[BaseException] = []
    window.session.write(visits.finish_visit, empty.id, on_error=refused.append)  # no lesson: refused
    qtbot.waitUntil(lambda: bool(refused), timeout=5000)

    number = personal_data(school.ctx.store)[1]

    def planted() -> None:
        raise RuntimeError(f"planted failure while reading {number}")  # as a careless library might say

    window.session.runner.submit(planted)  # no on_error: the runner's unexpected error reaches the window
    qtbot.waitUntil(
        lambda: logs.current_log_file() is not None and "planted" in read_log(log_file), timeout=5000
    )
    text = read_log(log_file)
    reference = text.split("unexpected error ", 1)[1].split()[0]
    qtbot.waitUntil(lambda: crash_dialog_shows(reference), timeout=5000)
    assert "Traceback" in text and "RuntimeError" in text and "in planted" in text and "task planted" in text
    assert "task finish_visit: visit.no_lessons" in text  # the refusal by its message id

    found = [value for value in personal_data(school.ctx.store) if value in text]
    assert found == [], "personal data in the log"
    assert "[redacted]" in text  # the ID number in the planted message was masked


@pytest.mark.qt_no_exception_capture
def test_uncaught_errors_on_the_ui_thread_and_a_worker_thread_show_the_dialog(
    qtbot, monkeypatch, log_file, qapp
):
    from app.ui.crash import install_crash_handler

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_crash_handler()

    def in_a_slot() -> None:
        raise ValueError("planted in a slot")

    QTimer.singleShot(0, in_a_slot)
    qtbot.waitUntil(lambda: "planted in a slot" in read_log(log_file), timeout=5000)
    first = read_log(log_file).split("unexpected error ", 1)[1].split()[0]
    qtbot.waitUntil(lambda: crash_dialog_shows(first), timeout=5000)

    def in_a_thread() -> None:
        raise KeyError("planted in a thread")

    worker = threading.Thread(target=in_a_thread, name="planted-worker")
    worker.start()
    worker.join()
    text = read_log(log_file)
    assert "thread planted-worker" in text and "KeyError" in text
    second = text.split("unexpected error ")[2].split()[0]
    qtbot.waitUntil(lambda: crash_dialog_shows(second) and crash_dialog_shows(first), timeout=5000)


def test_the_cli_logs_an_unexpected_error_and_prints_its_reference(tmp_path, monkeypatch, capsys):
    from app.cli.main import run
    from app.services import setup

    def broken(*_args, **_kwargs):
        raise RuntimeError("planted in init")

    monkeypatch.setattr(setup, "initialize_school", broken)
    db = tmp_path / "cli.sqlite3"
    args = ["--db", str(db), "init", "--school", "青山县特殊教育学校", "--term-name", "2026秋季学期"]
    args += [
        "--term-start",
        "2026-09-01",
        "--term-end",
        "2027-01-22",
        "--admin-user",
        "admin",
        "--admin-password",
        "admin-pass",
    ]
    try:
        assert run(args) == 1
    finally:
        logs.close_logging()
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "unexpected error, reference E-" in err
    reference = err.split("reference ", 1)[1].split(";")[0]
    text = (tmp_path / "cli-data" / "logs" / "songjiao.log").read_text(encoding="utf-8")
    assert f"unexpected error {reference} in command init" in text and "planted in init" in text
    assert "command init" in text and "青山县" not in text
