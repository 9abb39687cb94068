"""The Exchange page between two real database files: the office (school fixture) and a laptop joined from it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.paths import resolve
from app.services import exchange, plans, visits
from app.services.context import ServiceContext
from app.ui.session import AppSession
from tests.conftest import TEST_KEY, TODAY, db_digest, open_test_store
from tests.ui.helpers import click, wait_idle


class FileDialogs:
    """Qt's file dialogs answered as the person would: the folder or files set before each button press."""

    def __init__(self, monkeypatch) -> None:
        from PySide6.QtWidgets import QFileDialog

        self.folder = ""
        self.files: list[str] = []
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *_a, **_k: self.folder))
        monkeypatch.setattr(
            QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: (self.files, "*.sjb"))
        )


@pytest.fixture
def office_page(school, make_session, qtbot):
    from app.ui.pages.exchange import ExchangePage

    page = ExchangePage(make_session(school.office))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    return page


@pytest.fixture
def laptop(school, office_page, tmp_path, qtbot, new_runner):
    """A laptop joined through the pages: the office makes the join file, the new laptop's dialog joins."""
    from app.ui.dialogs.exchange_join import JoinSchoolDialog

    assert office_page.office_box.isVisibleTo(office_page) and not office_page.laptop_box.isVisibleTo(
        office_page
    )
    assert office_page.teacher.findData("t1") >= 0
    join_path = tmp_path / "t1.sjj"
    office_page.make_join_file("t1", join_path)
    wait_idle(qtbot, office_page)
    shown = office_page.join_dialog
    passphrase = shown.passphrase.text()
    assert len(passphrase.replace("-", "")) == 20 and join_path.exists()
    assert passphrase not in join_path.name
    qtbot.mouseClick(shown.copy_button, Qt.MouseButton.LeftButton)
    assert QApplication.clipboard().text() == passphrase
    shown.close()

    paths = resolve(tmp_path / "laptop.sqlite3")
    dialog = JoinSchoolDialog(paths, runner=new_runner())
    qtbot.addWidget(dialog)
    dialog.file.setText(str(join_path))
    dialog.password.setText("password1")  # the teacher's own password opens the laptop's database
    dialog.passphrase.setText("WRONG-WRONG-WRONG-WRONG")
    dialog.join()
    wait_idle(qtbot, dialog)
    assert dialog.result_ is None and "passphrase" in dialog.status.text().lower()
    dialog.passphrase.setText(passphrase)
    dialog.join()
    wait_idle(qtbot, dialog)
    assert dialog.result_ is not None and dialog.result_.students == 2
    from app.services import keyring

    assert keyring.unlock_user(paths.db_path, "t1", "password1") == TEST_KEY
    store = open_test_store(paths)
    session = AppSession(store, new_runner(), school.t1, language="en", today=TODAY)
    yield session
    session.runner.shutdown()
    store.dispose()


def laptop_page(session, qtbot):
    from app.ui.pages.exchange import ExchangePage

    page = ExchangePage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    return page


def test_teacher_sends_office_imports(
    school, office_page, laptop, tmp_path, qtbot, english, monkeypatch, answers
):
    """Send and receive both ways by the pages' buttons (Send to office…, Import teachers' files…, Send to
    teacher…, Receive from office…), on the real worker, the bundles read back by the other side."""
    dialogs = FileDialogs(monkeypatch)
    page = laptop_page(laptop, qtbot)
    assert page.laptop_box.isVisibleTo(page) and not page.office_box.isVisibleTo(page)
    assert page.pending.text() == "The office has received everything."
    visit = visits.create_visit(
        ServiceContext(laptop.store, school.t1, TODAY), school.students[0], {"date": "2026-11-18"}
    )
    page.refresh()
    wait_idle(qtbot, page)
    assert "visit records 1" in page.pending.text()

    stick = tmp_path / "usb"
    stick.mkdir()
    dialogs.folder = str(stick)
    click(qtbot, page, "Send to office…")
    wait_idle(qtbot, page)
    sent = sorted(stick.glob("*.sjb"))
    assert [p.name for p in sent] == ["songjiao-t1-to-office-00001.sjb"]
    assert page.results.rowCount() == 1 and page.results.item(0, 0).text() == sent[0].name
    assert "小明" not in sent[0].name

    dialogs.files = [str(p) for p in sent]
    click(qtbot, office_page, "Import teachers' files…")
    wait_idle(qtbot, office_page)
    table = office_page.results
    assert table.rowCount() == 1
    assert [table.item(0, c).text() for c in (0, 1)] == [sent[0].name, "t1"]
    assert table.item(0, 4).text().startswith("imported; ") and "visit records 1" in table.item(0, 4).text()
    assert int(table.item(0, 2).text()) >= 1
    assert visits.get_visit(school.ctx, visit.id).id == visit.id
    assert office_page.history.rowCount() >= 2  # the join and the bundle that came in
    assert office_page.peers.rowCount() == 1 and office_page.peers.item(0, 0).text() == "t1"

    # A plan goes the same way; the office approves it and answers; the laptop sees the decision come in.
    teacher_ctx = ServiceContext(laptop.store, school.t1, TODAY)
    plan = plans.save_plan(teacher_ctx, school.students[0], "2026-12", {"visits": [{"date": "2026-12-02"}]})
    plans.submit_plan(teacher_ctx, plan.id)
    page.send(stick)
    wait_idle(qtbot, page)
    office_page.receive(sorted(stick.glob("*00002.sjb")))
    wait_idle(qtbot, office_page)
    assert "monthly plans 1" in office_page.results.item(0, 4).text()
    submitted = plans.get_plan(school.ctx, plan.id)
    plans.decide_plan(school.as_(school.office), plan.id, submitted.plan_revision, True)
    out = tmp_path / "office-out"
    out.mkdir()
    office_page.teacher.setCurrentIndex(office_page.teacher.findData("t1"))
    assert office_page.teacher.currentData() == "t1"
    dialogs.folder = str(out)
    answers.question("every teacher", QMessageBox.StandardButton.No)  # No: only for t1
    click(qtbot, office_page, "Send to teacher…")
    wait_idle(qtbot, office_page)
    back = sorted(out.glob("*.sjb"))
    assert len(back) == 1 and office_page.results.item(0, 4).text() == "written"
    dialogs.files = [str(p) for p in back]
    click(qtbot, page, "Receive from office…")
    wait_idle(qtbot, page)
    came_in = page.results.item(0, 4).text()
    assert came_in.startswith("imported; ") and "plan revisions and decisions 1" in came_in, came_in
    assert plans.get_plan(teacher_ctx, plan.id).is_approved
    page.refresh()
    wait_idle(qtbot, page)
    assert page.pending.text() == "The office has received everything."


def test_garbage_file_is_refused_and_changes_nothing(school, office_page, laptop, tmp_path, qtbot, english):
    garbage = tmp_path / "songjiao-t1-to-office-00009.sjb"
    garbage.write_bytes(b"PK\x03\x04 a photo, not a bundle" + bytes(range(256)) * 4)
    before = db_digest(school.ctx.store.paths.db_path)
    office_page.receive([garbage])
    wait_idle(qtbot, office_page)
    result = office_page.results.item(0, 4).text()
    assert result.startswith("refused: ") and result.endswith("Nothing was changed.")
    assert "damaged" in result
    assert office_page.results.item(0, 2).text() == "0"
    assert "0 record(s) in, 1 refused" in office_page.results_label.text()
    assert db_digest(school.ctx.store.paths.db_path) == before

    # The laptop refuses a bundle meant for the office just the same.
    page = laptop_page(laptop, qtbot)
    stick = tmp_path / "usb"
    stick.mkdir()
    page.send(stick)
    wait_idle(qtbot, page)
    bundle = next(stick.glob("*.sjb"))
    laptop_db = laptop.paths.db_path
    before = db_digest(laptop_db)
    page.receive([bundle])
    wait_idle(qtbot, page)
    assert (
        page.results.item(0, 4)
        .text()
        .startswith("refused: The file comes from a device this copy does not know.")
    )
    assert db_digest(laptop_db) == before


def test_revoke_then_the_laptop_is_refused(school, office_page, laptop, tmp_path, qtbot, english):
    page = laptop_page(laptop, qtbot)
    stick = tmp_path / "usb"
    stick.mkdir()
    page.send(stick)
    wait_idle(qtbot, page)
    office_page.teacher.setCurrentIndex(office_page.teacher.findData("t1"))
    wait_idle(qtbot, office_page)
    office_page.revoke("t1")
    wait_idle(qtbot, office_page)
    assert office_page.results_label.text() == "1 laptop key revoked."
    assert office_page.peers.item(0, 4).text() == "revoked"
    office_page.receive(list(stick.glob("*.sjb")))
    wait_idle(qtbot, office_page)
    assert "revoked" in office_page.results.item(0, 4).text()


def test_conflicts_listed_and_settled(school, office_page, laptop, qtbot, english):
    # A conflict row as the import writes it (both versions kept); the page lists it and settles it.
    from app.db.models import ExchangeConflict
    from app.services.context import transaction

    peer = exchange.status(school.ctx).peers[0].device_id
    with transaction(school.ctx) as session:
        session.add(
            ExchangeConflict(
                peer_id=peer,
                table_name="visit",
                record_key="k1",
                student_id=school.students[0],
                kind="both_edited",
                kept={"summary": "办公室"},
                other={"summary": "老师"},
            )
        )
    office_page.refresh()
    wait_idle(qtbot, office_page)
    assert office_page.conflicts.rowCount() == 1
    office_page.conflicts.setCurrentCell(0, 0)
    wait_idle(qtbot, office_page)
    assert (
        "办公室" in office_page.conflict_view.toPlainText()
        and "老师" in office_page.conflict_view.toPlainText()
    )
    office_page.settle_current()
    wait_idle(qtbot, office_page)
    assert office_page.conflicts.rowCount() == 0
    assert exchange.list_conflicts(school.ctx) == []


def test_copy_that_does_not_exchange(school, make_session, qtbot, english):
    from app.ui.pages.exchange import ExchangePage

    page = ExchangePage(make_session(school.t1))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_idle(qtbot, page)
    assert not page.laptop_box.isVisibleTo(page) and not page.office_box.isVisibleTo(page)
    assert "Join my school from a file" in page.identity.text()


def test_first_run_offers_joining(store, qtbot, english):
    from app.ui.dialogs.first_run import CHOICE, FirstRunWizard

    wizard = FirstRunWizard(store, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.join_school.isEnabled()
    wizard.join_school.setChecked(True)
    assert wizard.currentId() == CHOICE and wizard.nextId() == -1


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_pages_and_dialogs_translated(
    language, request, school, make_session, laptop, tmp_path, qtbot, new_runner
):
    from PySide6.QtWidgets import QWidget

    from app.ui.dialogs.exchange_join import JoinSchoolDialog, PassphraseDialog
    from app.ui.dialogs.first_run import FirstRunWizard
    from app.ui.pages.exchange import ExchangePage
    from app.ui.pages.export import ExportPage, PacketTab
    from tests.ui.test_translations import _translated_sources, visible_texts

    request.getfixturevalue("chinese" if language == "zh_CN" else "english")
    made = exchange.make_join_file(school.ctx, "t2", tmp_path / "t2.sjj")
    office, teacher = make_session(school.office), make_session(school.t1)
    surfaces = [
        ("office exchange", ExchangePage(office)),
        ("laptop exchange", ExchangePage(laptop)),
        ("no exchange", ExchangePage(teacher)),
        ("passphrase", PassphraseDialog(made, "t2")),
        ("join", JoinSchoolDialog(tmp_path / "x", runner=new_runner())),
        ("office export", ExportPage(office)),
        ("teacher export", ExportPage(teacher)),
        ("packet tab", PacketTab(teacher, school.students[0])),
    ]
    english = _translated_sources("songjiao_transfer") | _translated_sources()
    for name, widget in surfaces:
        qtbot.addWidget(widget)
        if hasattr(widget, "refresh"):
            widget.refresh()
        widget.show()
        texts = visible_texts(widget) | {w.accessibleName() for w in (widget, *widget.findChildren(QWidget))}
        texts -= {""}
        if name == "laptop exchange":
            assert ("发送给教务处…" if language == "zh_CN" else "Send to office…") in texts
        if language == "zh_CN":
            leaks = sorted(t for t in texts if t in english)
            assert leaks == [], f"{name} shows untranslated text: {leaks}"
        else:
            assert not any("导出" in t or "交换" in t for t in texts), name
    wizard = FirstRunWizard(laptop.store, today=TODAY)
    qtbot.addWidget(wizard)
    expected = (
        "从文件加入我的学校（教师笔记本电脑）"
        if language == "zh_CN"
        else "Join my school from a file (a teacher's laptop)"
    )
    assert wizard.join_school.text() == expected


def test_catalogue_complete():
    import xml.etree.ElementTree as ET

    from app.ui.i18n import I18N_DIR

    for language in ("zh_CN", "en"):
        root = ET.parse(I18N_DIR / f"songjiao_transfer_{language}.ts").getroot()
        left = [
            m.findtext("source")
            for m in root.iter("message")
            if (t := m.find("translation")) is None or t.get("type") == "unfinished"
        ]
        assert left == [], (language, left)
        assert (I18N_DIR / f"songjiao_transfer_{language}.qm").exists()


def test_many_deletions_are_asked_about(school, office_page, laptop, tmp_path, qtbot, english, answers):
    from app.services import students

    page = laptop_page(laptop, qtbot)
    as_t1 = ServiceContext(laptop.store, school.t1, TODAY)
    ids = [
        students.save_guardian(as_t1, school.students[0], {"name": f"亲属{i}", "relation": "other"})
        for i in range(7)
    ]
    stick = tmp_path / "usb"
    stick.mkdir()
    page.send(stick)
    wait_idle(qtbot, page)
    office_page.receive(sorted(stick.glob("*.sjb")))
    wait_idle(qtbot, office_page)
    out = tmp_path / "office-out"
    out.mkdir()
    office_page.send(out, "t1")
    wait_idle(qtbot, office_page)
    page.receive(sorted(out.glob("*.sjb")))
    wait_idle(qtbot, page)
    for gid in ids:
        students.delete_guardian(as_t1, gid)
    page.send(stick)
    wait_idle(qtbot, page)
    newest = sorted(stick.glob("*.sjb"))[-1]

    answers.question("would delete more records than usual", QMessageBox.StandardButton.No)  # No first
    before = db_digest(school.ctx.store.paths.db_path)
    office_page.receive([newest])
    wait_idle(qtbot, office_page)
    assert answers.asked[-1].startswith("1 file(s) would delete more records than usual")
    assert "would delete 7 records" in office_page.results.item(0, 4).text()
    assert db_digest(school.ctx.store.paths.db_path) == before
    answers.question("would delete more records than usual", QMessageBox.StandardButton.Yes)  # then Yes
    office_page.receive([newest])
    wait_idle(qtbot, office_page)
    assert len(answers.asked) == 2 and office_page.results.item(0, 4).text().startswith("imported")
    assert students.get_student(school.ctx, school.students[0]).guardians == ()


def test_pages_in_the_main_window(school, make_window, qtbot, english):
    from app.ui.pages.student import StudentPage

    office = make_window(school.office)
    exchange_page = office.show_page("exchange")
    wait_idle(qtbot, office)
    assert exchange_page.office_box.isVisibleTo(office)
    export_page = office.show_page("export")
    wait_idle(qtbot, office)
    assert export_page.term.count() == 1
    teacher = make_window(school.t1)
    wait_idle(qtbot, teacher)
    assert not hasattr(teacher.show_page("export"), "term_button")
    page = StudentPage(teacher.session, school.students[0], teacher)
    teacher.open_detail(page)
    wait_idle(qtbot, teacher)
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Archive packet" in titles
    page.tabs.setCurrentIndex(titles.index("Archive packet"))
    wait_idle(qtbot, teacher)
    from PySide6.QtWidgets import QPushButton

    assert "Export archive packet…" in {b.text() for b in page.findChildren(QPushButton)}
