"""Print and export from the app: the whole term on the real worker thread (and its worker processes), cancel,
a teacher's own packets, one student's packet, blank forms."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from app.services import demo, users
from app.ui.session import AppSession
from tests.ui.helpers import click, wait_idle

TIMEOUT_MS = 180_000


@pytest.fixture
def tiny_demo(ctx):
    """The demo school at its smallest that still has a whole term: 6 students, 1 term."""
    result = demo.generate(ctx, students=6, terms=1)
    logins = {role: (user, password) for user, password, role in result.logins}
    return ctx, logins


def login(ctx, logins, role):
    user, password = logins[role]
    return users.authenticate(ctx, user, password)


def make_page(ctx, actor, runner, qtbot):
    from app.ui.pages.export import ExportPage

    session = AppSession(ctx.store, runner, actor, language="en", today=ctx.today_override)
    page = ExportPage(session)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.term.count() > 0, timeout=10_000)
    return page


def file_dialogs(monkeypatch, *, folder=None, save=None) -> list[str]:
    """Qt's file dialogs answered as a person would (a folder chosen, a file name accepted): the export
    buttons are pressed for real, only the native dialog is not shown. Returns the titles asked."""
    from PySide6.QtWidgets import QFileDialog

    asked: list[str] = []

    def directory(_parent, title, *_args, **_kwargs):
        asked.append(title)
        return str(folder)

    def save_name(_parent, title, *_args, **_kwargs):
        asked.append(title)
        return str(save), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(directory))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
    return asked


def pdf_text(path) -> str:
    reader = PdfReader(str(path))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def wait_done(qtbot, page):
    qtbot.waitUntil(lambda: page.task is not None and page.task.finished, timeout=TIMEOUT_MS)
    result = page.result_row.result
    assert result is not None
    return result


def whole_pdfs(folder):
    files = sorted(folder.rglob("*"))
    assert not [f for f in files if f.name.endswith(".part")]
    for pdf in (f for f in files if f.suffix == ".pdf"):
        assert len(PdfReader(str(pdf)).pages) >= 1, pdf.name
    return [f for f in files if f.is_file()]


def test_office_exports_the_term_then_cancels(tiny_demo, tmp_path, qtbot, english, new_runner, monkeypatch):
    ctx, logins = tiny_demo
    runner = new_runner()
    page = make_page(ctx, login(ctx, logins, "academic_affairs"), runner, qtbot)
    assert page.options_box.reveal.isChecked() is False
    assert not page.options_box.warning.isVisibleTo(page)
    page.options_box.reveal.setChecked(True)
    assert page.options_box.warning.isVisibleTo(page)
    page.options_box.reveal.setChecked(False)

    out = tmp_path / "term"
    out.mkdir()
    file_dialogs(monkeypatch, folder=out)
    click(qtbot, page, "Export the whole term…")
    assert not page.task.finished  # on the worker, the UI goes on
    result = wait_done(qtbot, page)
    assert not result.cancelled and not result.errors
    files = whole_pdfs(out)
    packets = [f for f in files if f.parent.name == "packets"]
    assert len(packets) >= 5
    names = {f.name for f in files if f.parent == out}
    assert any(n.startswith("summary_") for n in names) and any(n.startswith("visits_") for n in names)
    assert page.result_row.open_folder.isVisible() and page.result_row.folder == out
    assert page.result_row.text.text().startswith("Done: ")
    summary = next(f for f in files if f.parent == out and f.name.startswith("summary_"))
    assert "送教" in pdf_text(summary)  # read back: the term's summary, in Chinese

    # Cancel as soon as the first document is in: only whole files are left. The worker is held until
    # the cancel is wired, and the cancel runs on the worker's own thread the moment the first document is
    # reported (a direct connection): no race between the export finishing and the UI thread's cancel.
    cancelled = tmp_path / "cancelled"
    hold = threading.Event()
    runner.submit(hold.wait, 10)
    page.export_term(cancelled)
    task = page.task
    task.progress_signal.changed.connect(
        lambda done, _total, _text: task.progress.cancel() if done >= 1 else None,
        Qt.ConnectionType.DirectConnection,
    )
    hold.set()
    result = wait_done(qtbot, page)
    assert result.cancelled
    left = whole_pdfs(cancelled)
    assert len(left) < len(files)
    assert set(result.files) <= set(left)
    assert page.result_row.text.text().startswith("Cancelled: ")


def test_teacher_packets_blank_forms_and_student_tab(
    tiny_demo, tmp_path, qtbot, english, new_runner, monkeypatch
):
    from app.services import archive, school
    from app.ui.pages.export import PacketTab

    ctx, _logins = tiny_demo
    teacher = next(
        u
        for u in users.list_users(ctx, role="teacher")
        if archive.packet_students(
            ctx.as_actor(_actor(u)),
            school.current_term(ctx).id if school.current_term(ctx) else school.list_terms(ctx)[0].id,
        )
    )
    actor = _actor(teacher)
    page = make_page(ctx, actor, new_runner(), qtbot)
    assert not hasattr(page, "term_button")  # the whole term is the office's
    out = tmp_path / "mine"
    asked = file_dialogs(monkeypatch, folder=out)
    # A typo in the repetition: refused before any folder is asked for, nothing written, the reason shown.
    qtbot.keyClicks(page.options_box.password, "secret")
    qtbot.keyClicks(page.options_box.confirm, "secrte")
    click(qtbot, page, "Export my students' archive packets…")
    error = page.options_box.pdf_password.error
    assert error.isVisibleTo(page) and "Repeat" not in error.text()
    assert "Password for the PDF files" in error.text() and "differ" in error.text()
    assert asked == [] and page.task is None and not out.exists()
    page.options_box.confirm.clear()
    qtbot.keyClicks(page.options_box.confirm, "secret")
    assert not error.isVisibleTo(page)  # retyping takes the complaint away
    click(qtbot, page, "Export my students' archive packets…")
    result = wait_done(qtbot, page)
    mine = archive.packet_students(ctx.as_actor(actor), page.term_id())
    assert len(result.files) == len(mine) >= 1
    reader = PdfReader(str(result.files[0]))
    assert reader.is_encrypted and reader.decrypt("secret")

    page.options_box.password.setText("")
    page.options_box.confirm.setText("")
    file_dialogs(monkeypatch, save=tmp_path / "forms" / "visit_form_blank.pdf")
    click(qtbot, page, "Visit record form…")
    wait_idle(qtbot, page, timeout=TIMEOUT_MS)
    assert page.result_row.file == tmp_path / "forms" / "visit_form_blank.pdf"
    assert page.result_row.open_file.isVisibleTo(page)
    assert len(PdfReader(str(page.result_row.file)).pages) == 1
    assert "送教上门记录表" in pdf_text(page.result_row.file)  # the visit form, not just any one page

    session = page.session
    tab = PacketTab(session, mine[0][0])
    qtbot.addWidget(tab)
    wait_idle(qtbot, session)
    assert tab.term.count() >= 1 and tab._code == mine[0][1]
    target = tmp_path / "one" / f"packet_{mine[0][1]}.pdf"
    tab.show()
    file_dialogs(monkeypatch, save=target)
    click(qtbot, tab, "Export archive packet…")
    wait_idle(qtbot, session, timeout=TIMEOUT_MS)
    assert tab.result_row.text.text().startswith("Done"), tab.result_row.text.text()
    assert tab.result_row.result.files == (target,) and len(PdfReader(str(target)).pages) > 3
    assert mine[0][1] in pdf_text(target)  # this student's packet: their code is printed in it


def _actor(info):
    from app.services.context import Actor

    return Actor(info.id, info.role, info.display_name)


def test_office_teacher_form(tiny_demo, tmp_path, qtbot, english, new_runner):
    ctx, logins = tiny_demo
    page = make_page(ctx, login(ctx, logins, "academic_affairs"), new_runner(), qtbot)
    assert page.teacher.count() >= 1
    out = tmp_path / "form.pdf"
    page.export_assessment(out, str(page.teacher.itemData(0)))
    wait_idle(qtbot, page, timeout=TIMEOUT_MS)
    assert page.result_row.result.files == (out,) and len(PdfReader(str(out)).pages) == 1
    text = pdf_text(out)
    teacher = users.get_user(ctx, str(page.teacher.itemData(0)))
    assert "送教教师学期考核表" in text and teacher.display_name in text  # the chosen teacher's form


def test_a_name_the_fonts_lack_prints_and_the_result_says_which_record(
    tiny_demo, tmp_path, qtbot, english, new_runner, monkeypatch
):
    """The student tab's packet export on the real worker: the PDF is written, and the result line (warning
    colour) names the record by its code."""
    from app.services import archive, school, students
    from app.ui.pages.export import PacketTab

    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    ctx, logins = tiny_demo
    term = school.current_term(ctx) or school.list_terms(ctx)[0]
    student_id, code = archive.packet_students(ctx, term.id)[0][:2]
    students.update_student(ctx, student_id, {"name": f"王{biang}"})
    page = make_page(ctx, login(ctx, logins, "academic_affairs"), new_runner(), qtbot)
    tab = PacketTab(page.session, student_id)
    qtbot.addWidget(tab)
    wait_idle(qtbot, page.session)
    tab.show()
    target = tmp_path / f"packet_{code}.pdf"
    file_dialogs(monkeypatch, save=target)
    click(qtbot, tab, "Export archive packet…")
    wait_idle(qtbot, page.session, timeout=TIMEOUT_MS)
    text = tab.result_row.text.text()
    assert text.startswith("Done") and "print as empty boxes" in text and code in text, text
    assert biang not in text and tab.result_row.result.unprintable == (code,)
    assert len(PdfReader(str(target)).pages) > 3  # printed all the same
