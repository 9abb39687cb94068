"""Nothing of a child in the clear anywhere on disk: a teacher's session (a photo added and viewed, the
caregiver's signature, an unsaved draft naming the child, packets exported with a password, a spreadsheet, the
lock with a wrong password, a backup, an encrypted dump and a refused load) with the temporary folder pointed at
a fresh one. Afterwards neither that folder nor the data folder (the database, its -wal and -shm, the backups,
logs, exports, the dump) holds a child's name, ID number, the photo's or the signature's bytes, searched with
packaging/leak_scan.py's own needles; and while it ran no file was opened for writing in the temporary folder at
all (an audit hook sees every open: a temporary file deleted again is caught too).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest

from app.services import attachments, backup, drafts, visits
from tests.conftest import run_as
from tests.packaging.test_leak_scan import _module as _leak_scan
from tests.ui.editors_helpers import press_save
from tests.ui.helpers import wait_idle
from tests.ui.test_crash_log import log_file, personal_data, read_log  # noqa: F401 (log_file: a fixture)
from tests.ui.test_editors_visits import approved_plan, sign

leak_scan = _leak_scan()  # packaging/leak_scan.py: the script a school's IT runs by hand
_WATCHED: list[Path] = []
_WRITTEN: list[str] = []
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC


def _hook(event: str, args: tuple) -> None:
    if event != "open" or not _WATCHED or not args or not isinstance(args[0], str | bytes | os.PathLike):
        return
    mode, flags = (args[1] if len(args) > 1 else None), (args[2] if len(args) > 2 else 0)
    writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or bool((flags or 0) & _WRITE_FLAGS)
    if writing:
        path = os.fsdecode(args[0])
        if any(path.startswith(str(folder) + os.sep) for folder in _WATCHED):  # inside, not the folder
            _WRITTEN.append(path)


sys.addaudithook(_hook)  # audit hooks cannot be removed: this one does nothing unless a test watches


@pytest.fixture
def fresh_tmp(tmp_path, monkeypatch):
    """TMPDIR (and TEMP, TMP) pointed at an empty folder, for this process and the export's workers."""
    folder = tmp_path / "fresh-tmp"
    folder.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    _WRITTEN.clear()
    _WATCHED[:] = [folder]
    yield folder
    _WATCHED.clear()


def test_the_watch_sees_a_temporary_file_deleted_again(fresh_tmp, tmp_path):
    """The check below can fail: openpyxl's own save writes each sheet to a temporary file, then deletes it."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["小明"])
    book.save(tmp_path / "plain.xlsx")
    assert _WRITTEN and all("openpyxl" in path for path in _WRITTEN)
    assert list(fresh_tmp.iterdir()) == []  # gone afterwards: only the watch saw it


def _photo(path: Path) -> bytes:
    """A photo of noise: its bytes occur nowhere else."""
    picture = QImage(160, 120, QImage.Format.Format_RGB32)
    noise = random.Random(12)
    for y in range(120):
        for x in range(160):
            picture.setPixelColor(
                x, y, QColor(noise.randrange(256), noise.randrange(256), noise.randrange(256))
            )
    assert picture.save(str(path), "JPG", 95)
    return path.read_bytes()


def _files(folder: Path) -> list[Path]:
    return [f for f in folder.rglob("*") if f.is_file()]


def test_a_session_leaves_nothing_of_a_child_in_the_clear(
    qtbot,
    school,
    make_window,
    fresh_tmp,
    log_file,  # noqa: F811 - the fixture imported above
    english,
    tmp_path,
    monkeypatch,
    answers,  # noqa: F811
):
    from app.ui.editors.attachments import AttachmentsPanel
    from app.ui.editors.visit_editor import VisitEditor, start_from_planned
    from app.ui.pages.export import ExportPage

    paths = school.ctx.store.paths
    window = make_window(school.t1)
    session = window.session
    plan, _objective = approved_plan(school)
    visit = start_from_planned(session.ctx, school.students[0], plan.visits[0].id)
    _photo(tmp_path / "photo.jpg")  # the teacher's own picture folder: outside what is scanned

    panel = AttachmentsPanel(session, "visit", visit.id)  # add and view a photo
    qtbot.addWidget(panel)
    wait_idle(qtbot, session)
    panel.add_file(tmp_path / "photo.jpg", "上课照片")
    wait_idle(qtbot, session)
    assert panel.list.count() == 1
    panel.view(panel.list.item(0).data(Qt.ItemDataRole.UserRole)).close()

    editor = VisitEditor(session, visit.id)  # the caregiver signs on the pad
    qtbot.addWidget(editor)
    editor.resize(900, 1200)
    editor.show()
    wait_idle(qtbot, session)
    editor.pad.show()
    qtbot.waitExposed(editor.pad)
    sign(editor.pad)
    editor.form.widgets["place"].setText("学生家中")
    press_save(qtbot, editor, editor.form.widgets["place"])
    wait_idle(qtbot, session)
    signature_id = visits.get_visit(session.ctx, visit.id).signature_id
    assert signature_id
    signature = attachments.fetch_bytes(session.ctx, signature_id)[1]

    page = ExportPage(session)  # packets with a password into the data folder, a ledger elsewhere
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.term.count() > 0, timeout=10_000)
    page.options_box.password.setText("packet pass")
    page.options_box.confirm.setText("packet pass")
    page.export_packets(paths.export_dir / "packets")
    qtbot.waitUntil(lambda: page.task is not None and page.task.finished, timeout=120_000)
    packets = page.result_row.result.files
    assert packets and all(PdfReader(str(p)).is_encrypted for p in packets)
    page.options_box.password.setText("")
    page.options_box.confirm.setText("")
    from app.reports import export

    export.export_single(session.ctx, "sheet-visits", page.term_id(), tmp_path / "chosen" / "visits.xlsx")

    name = personal_data(school.ctx.store)[0]  # typed, not saved: a draft naming the child, in the database
    editor.form.widgets["place"].setText(f"{name}家中")
    editor.save_draft_now()
    wait_idle(qtbot, session)
    assert name in str(drafts.get_draft(session.ctx, editor.draft_key).payload)

    window.lock.lock("test")  # the lock: one wrong password, then the right one
    prompt = window.lock.prompt
    assert prompt is not None
    QTest.keyClicks(prompt.password, "not my password")
    QTest.keyClick(prompt.password, Qt.Key.Key_Return)
    wait_idle(qtbot, session)
    qtbot.waitUntil(prompt.password.isEnabled, timeout=5000)
    QTest.keyClicks(prompt.password, "password1")
    QTest.keyClick(prompt.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.lock.locked, timeout=5000)
    wait_idle(qtbot, session)
    assert editor.form.widgets["place"].text() == f"{name}家中"  # the unsaved text survived the lock
    made = backup.make_backup(paths, "session", key=session.store.key)

    text = read_log(log_file)  # before the command line below takes the log over
    assert "window locked (test)" in text and "wrong password at the lock" in text
    assert "not my password" not in text and "password1" not in text

    db = str(paths.db_path)  # an encrypted dump into the data folder; a wrong passphrase refused
    monkeypatch.setenv("SONGJIAO_DUMP_PASSPHRASE", "dump passphrase")
    dump_file = paths.data_dir / "school.sjdump"
    assert run_as(["--db", db, "dump", "--out", str(dump_file)]) == 0
    monkeypatch.setenv("SONGJIAO_DUMP_PASSPHRASE", "wrong passphrase")
    assert run_as(["--db", str(tmp_path / "copy.sqlite3"), "load", str(dump_file)]) == 2

    assert _WRITTEN == [], f"files written in the temporary folder: {_WRITTEN}"
    (tmp_path / "signature.png").write_bytes(signature)
    needles = leak_scan.needles(
        personal_data(school.ctx.store), [tmp_path / "photo.jpg", tmp_path / "signature.png"]
    )
    database = [Path(db + suffix) for suffix in ("", "-wal", "-shm")]
    assert all(f.exists() for f in database) and made.path.exists()  # a live WAL, a backup among them
    scanned = list(dict.fromkeys(_files(fresh_tmp) + _files(paths.data_dir) + database))
    assert dump_file in scanned and log_file in scanned and set(packets) <= set(scanned)
    assert made.path in scanned
    count, found = leak_scan.scan(scanned, needles)
    assert count == len(scanned) and found == [], "personal data in the clear on disk"
    text = read_log(log_file)
    for secret in ("packet pass", "dump passphrase", "wrong passphrase", "not my password", "password1"):
        assert secret not in text, "a password in the log"
