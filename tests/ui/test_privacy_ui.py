"""Privacy in the window, pressed as a user does: consents on the student's Privacy tab, the guardian's copy,
and Settings › Privacy (retention years, deleting children whose retention ended)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from app.db.models import Student
from app.services import backup, privacy
from app.services.context import transaction
from app.ui.pages.student import StudentPage
from tests.conftest import TEST_KEY
from tests.ui.helpers import click, wait_idle

Button = QMessageBox.StandardButton


def _privacy_tab(qtbot, make_window, school, actor):
    window = make_window(actor)
    page = StudentPage(window.session, school.students[0], window)
    window.open_detail(page)
    wait_idle(qtbot, window)
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == "Privacy")
    page.tabs.setCurrentIndex(index)
    wait_idle(qtbot, page)
    return window, page.tabs.widget(index)


def test_record_and_withdraw_a_consent_and_a_bad_date_is_named(make_window, school, english, qtbot):
    _window, tab = _privacy_tab(qtbot, make_window, school, school.office)
    tab.purpose.setCurrentIndex(tab.purpose.findData("photos"))
    tab.given_by.setCurrentIndex(tab.given_by.findData("grandparent"))
    tab.given_on.setText("2026-13-40")
    click(qtbot, tab, "Record consent")
    wait_idle(qtbot, tab)
    assert tab.message.text() and tab.table.rowCount() == 0
    assert privacy.list_consents(school.as_(school.office), school.students[0]) == []
    tab.given_on.setText("2026-09-01")
    click(qtbot, tab, "Record consent")
    wait_idle(qtbot, tab)
    assert tab.table.rowCount() == 1 and tab.table.item(0, 1).text() == "Grandparent"
    assert tab.table.item(0, 3).text() == "in force"
    tab.table.selectRow(0)
    click(qtbot, tab, "Withdraw selected")
    wait_idle(qtbot, tab)
    [consent] = privacy.list_consents(school.as_(school.office), school.students[0])
    assert consent.withdrawn_on == school.ctx.today() and tab.table.item(0, 3).text() != "in force"


def test_export_whole_record_writes_the_guardians_copy(
    make_window, school, english, qtbot, answers, tmp_path, monkeypatch
):
    from app.ui.pages import student_privacy

    monkeypatch.setattr(student_privacy, "choose_folder", lambda *_a: tmp_path / "copy")
    answers.warning("Hand these two files")
    _window, tab = _privacy_tab(qtbot, make_window, school, school.office)
    click(qtbot, tab, "Export whole record…")
    click(qtbot, tab.access_dialog, "Export…")  # no password: the two files, as before
    wait_idle(qtbot, tab)
    assert sorted(p.suffix for p in (tmp_path / "copy").iterdir()) == [".json", ".pdf"]


def test_a_teacher_reads_consents_but_neither_records_nor_exports(make_window, school, english, qtbot):
    privacy.add_consent(
        school.as_(school.office),
        school.students[0],
        {"given_by": "parent", "purpose": "photos", "given_on": "2026-09-01"},
    )
    _window, tab = _privacy_tab(qtbot, make_window, school, school.t1)
    assert tab.table.rowCount() == 1
    assert not tab.export_button.isVisible() and not tab.add_button.isEnabled()


def test_settings_privacy_saves_years_and_deletes_whom_retention_ended(
    make_window, school, english, qtbot, answers, paths
):
    with transaction(school.ctx) as session:
        student = session.get(Student, school.students[2])
        student.status, student.status_since = "graduated", dt.date(1990, 7, 1)
    old = backup.make_backup(paths, key=TEST_KEY)
    window = make_window(school.admin)
    page = window.show_page("settings")
    wait_idle(qtbot, window)
    tab = page.privacy_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.years["photos"].value() == 10 and tab.table.rowCount() == 1
    assert tab.table.item(0, 0).text() == "S003"
    tab.years["photos"].setValue(5)
    click(qtbot, tab, "Save retention")
    wait_idle(qtbot, window)
    assert privacy.retention(school.as_(school.admin))["photos"] == 5
    answers.question("Delete records for good", Button.Yes).warning("Deleted the records of 1")
    click(qtbot, tab, "Delete records whose retention ended…")
    wait_idle(qtbot, window)
    with transaction(school.ctx) as session:
        assert session.get(Student, school.students[2]) is None
    assert not old.path.exists()
    assert len(list((paths.export_dir / "deletion-certificates").glob("*.pdf"))) == 1
    assert tab.table.rowCount() == 0 and not tab.purge_button.isEnabled()


def test_the_guardians_copy_with_a_password_typed_twice_holds_the_json_inside(
    make_window, school, english, qtbot, answers, tmp_path, monkeypatch
):
    """The copy leaves the school like an archive packet: the same optional PDF password, typed twice; with it
    no plaintext JSON is written beside the PDF, it rides inside under the same password."""
    import json

    from pypdf import PdfReader

    from app.ui.pages import student_privacy

    asked: list[str] = []
    monkeypatch.setattr(student_privacy, "choose_folder", lambda _p, _s, title: asked.append(title) or out)
    out = tmp_path / "copy"
    _window, tab = _privacy_tab(qtbot, make_window, school, school.office)
    click(qtbot, tab, "Export whole record…")
    dialog = tab.access_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.pdf_password.password, "family pass")
    qtbot.keyClicks(dialog.pdf_password.confirm, "family psas")
    click(qtbot, dialog, "Export…")
    assert dialog.isVisible() and dialog.pdf_password.error.isVisibleTo(dialog)
    assert "Password for the PDF" in dialog.pdf_password.error.text()
    assert asked == [] and not out.exists()  # nothing asked, nothing written
    dialog.pdf_password.confirm.clear()
    qtbot.keyClicks(dialog.pdf_password.confirm, "family pass")
    answers.warning("Hand this file to the guardian")
    click(qtbot, dialog, "Export…")
    wait_idle(qtbot, tab)
    assert not dialog.isVisible() and len(asked) == 1
    [pdf] = list(out.iterdir())  # one file: the JSON is not beside it
    reader = PdfReader(str(pdf))
    assert reader.is_encrypted and not reader.decrypt("family psas")
    assert reader.decrypt("family pass")
    [(name, [data])] = reader.attachments.items()
    record = json.loads(data)
    assert name.endswith(".json") and record["student_id"] == school.students[0]
    child = record["tables"]["student"][0]["name"]
    assert child and child.encode() not in pdf.read_bytes()  # the record is unreadable without the password
