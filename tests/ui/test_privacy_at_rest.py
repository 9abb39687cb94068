"""Issue 12's yardstick: after a session in the real window, a child's name and ID number are readable in none
of the database, its -wal and -shm, the backups, the logs or the temporary folder."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

import pytest

from app import logs
from app.services import backup
from tests.conftest import make_id_number
from tests.ui.helpers import wait_idle

NAME = "小明"  # the school fixture's first student
ID_NUMBER = make_id_number("46010020110301123")  # and her ID number


def _readable_in(files: list[Path]) -> list[str]:
    hits = []
    for file in files:
        if file.is_file():
            data = file.read_bytes()
            if NAME.encode() in data or ID_NUMBER.encode() in data:
                hits.append(str(file))
    return hits


@pytest.fixture
def log_file(paths):
    path = logs.setup_logging(paths)
    yield path
    logs.close_logging()


def test_a_gui_session_leaves_no_readable_name_or_id_number_on_disk(
    school, paths, make_window, qtbot, tmp_path, monkeypatch, english, log_file
):
    temp = tmp_path / "temp"  # this test's own temporary folder: what the app puts there is all it holds
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    logging.getLogger("app").info("a session begins")  # the log file is part of what is scanned
    window = make_window(school.admin)
    for key in ("students", "visits", "compliance", "settings"):
        window.show_page(key)
        wait_idle(qtbot, window.session)
    students_page = window.show_page("students")
    wait_idle(qtbot, window.session)
    students_page.table.selectRow(0)
    wait_idle(qtbot, window.session)
    backup.make_backup(paths, "session", key=window.session.store.key)
    wait_idle(qtbot, window.session)
    files = [paths.db_path, *(Path(str(paths.db_path) + s) for s in ("-wal", "-shm", ".keys"))]
    files += [p for p in paths.data_dir.rglob("*")] + [p for p in temp.rglob("*")]
    assert Path(str(paths.db_path) + "-wal").exists()  # a live WAL was among them
    assert any(p.suffix == ".sqlite3" for p in paths.backup_dir.iterdir())
    logs.flush()
    assert log_file in files and log_file.stat().st_size > 0  # the log was written, and is scanned
    assert _readable_in(files) == []
