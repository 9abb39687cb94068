"""Batch export on worker processes, with progress and cancel; the `songjiao export` command."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app.db.models import Student, User, Visit
from app.reports.export import ExportOptions, export_packets, export_single, export_term
from app.services.errors import PermissionDenied
from app.services.progress import TaskState
from tests.conftest import run_as


def _names(store) -> list[str]:
    with store.session_factory() as session:
        return list(session.scalars(select(Student.name)))


def _text(path) -> str:
    """The text of every page of a PDF: what the reader of the printout sees."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _no_child_name_in(paths, names) -> None:
    for path in paths:
        for name in names:
            assert name not in path.name, path.name


def test_whole_term_on_two_workers(term_school, tmp_path):
    office = term_school.as_(term_school.office)
    seen: list[tuple[int, int]] = []
    result = export_term(
        office,
        term_school.term.id,
        tmp_path / "out",
        ExportOptions(workers=2),
        progress=TaskState(lambda done, total, label: seen.append((done, total))),
    )
    assert not result.errors and not result.cancelled
    files = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*") if p.is_file()
    )
    tag = term_school.term.name
    assert (
        f"summary_{tag}.pdf" in files and f"visits_{tag}.xlsx" in files and f"compliance_{tag}.xlsx" in files
    )
    assert f"assessment_{tag}.pdf" in files and f"assessment_{tag}.xlsx" in files
    assert f"assessment/assessment_t1_{tag}.pdf" in files and f"assessment/assessment_t2_{tag}.pdf" in files
    assert sum(f.startswith("packets/") for f in files) == 7
    assert not any(f.endswith(".part") for f in files)
    assert len(result.files) == len(files)
    _no_child_name_in(result.files, _names(term_school.ctx.store))
    assert seen[0] == (0, seen[-1][1]) and seen[-1][0] == seen[-1][1]  # progress from 0 to the total
    packet = next(p for p in result.files if p.name.startswith("packet_B0100"))
    assert "B0100" in PdfReader(packet).pages[0].extract_text()


def test_teacher_exports_only_own_students_and_not_the_term(term_school, tmp_path):
    teacher = term_school.as_(term_school.t1)
    result = export_packets(teacher, term_school.term.id, tmp_path, options=ExportOptions(workers=1))
    codes = sorted(p.name.split("_")[1] for p in result.files)
    assert codes == ["B0100", "B0102", "S001", "S002"]
    with pytest.raises(PermissionDenied):
        export_term(teacher, term_school.term.id, tmp_path / "term")
    with pytest.raises(PermissionDenied):
        export_single(teacher, "summary", term_school.term.id, tmp_path / "s.pdf")
    ledger = tmp_path / "mine.xlsx"
    export_single(teacher, "sheet-visits", term_school.term.id, ledger)
    ws = load_workbook(ledger).active
    assert {ws.cell(r, 2).value for r in range(3, ws.max_row + 1)} == {"B0100", "B0102"}


def test_cancel_stops_the_export_and_leaves_only_whole_files(term_school, tmp_path):
    office = term_school.as_(term_school.office)

    def cancel_after_the_first(done: int, total: int, label: str) -> None:
        if done >= 1:
            state.cancel()

    state = TaskState(cancel_after_the_first)
    result = export_packets(
        office,
        term_school.term.id,
        tmp_path,
        options=ExportOptions(workers=2),
        progress=state,
    )
    assert result.cancelled
    assert 1 <= len(result.files) < 7
    assert not list(tmp_path.glob("*.part"))
    for path in tmp_path.glob("*.pdf"):
        assert len(PdfReader(path).pages) > 5  # every file left is a complete packet


def test_cli_packet_form_and_sheet(term_school, tmp_path, capsys, monkeypatch):
    db = term_school.ctx.store.paths.db_option
    out = tmp_path / "p.pdf"
    monkeypatch.setenv("PACKET_PASSWORD", "pw")
    assert (
        run_as(
            [
                "--db",
                db,
                "export",
                "packet",
                "--student",
                "B0100",
                "--term",
                term_school.term.name,
                "--out",
                str(out),
                "--pdf-password-env",
                "PACKET_PASSWORD",
                "--json",
            ]
        )
        == 0
    )
    reported = json.loads(capsys.readouterr().out)
    assert reported["files"] == [str(out)] and reported["pages"] > 10
    reader = PdfReader(out)
    assert reader.is_encrypted and not reader.decrypt("wrong") and reader.decrypt("pw")
    assert "pw" not in " ".join(str(a) for a in reader.metadata or {})
    monkeypatch.delenv("PACKET_PASSWORD")
    refused = tmp_path / "refused.pdf"
    packet = ["--db", db, "export", "packet", "--student", "B0100", "--term", term_school.term.name]
    assert run_as([*packet, "--out", str(refused), "--pdf-password-env", "PACKET_PASSWORD"]) == 2
    assert "PACKET_PASSWORD" in capsys.readouterr().err and not refused.exists()
    with pytest.raises(SystemExit):  # the password itself is no longer taken on the command line
        run_as([*packet, "--out", str(refused), "--password", "pw"])
    capsys.readouterr()

    assert (
        run_as(["--db", db, "export", "form", "visit", "--blank", "--out", str(tmp_path / "blank.pdf")]) == 0
    )
    blank = _text(tmp_path / "blank.pdf")
    assert "送教上门记录表" in blank
    with term_school.ctx.store.session_factory() as session:
        visit_id, visit_date, code = session.execute(
            select(Visit.id, Visit.date, Student.code)
            .join(Student, Student.id == Visit.student_id)
            .where(Visit.status == "done")
        ).first()
    assert (
        run_as(["--db", db, "export", "form", "visit", "--id", visit_id, "--out", str(tmp_path / "v.pdf")])
        == 0
    )
    filled = _text(tmp_path / "v.pdf")
    # The form filled from that record: its student and day are printed, which the blank one has not.
    assert "送教上门记录表" in filled and code in filled and code not in blank
    assert any(
        day in filled
        for day in (
            visit_date.isoformat(),
            f"{visit_date:%Y年%m月%d日}",
            f"{visit_date.year}年{visit_date.month}月{visit_date.day}日",
        )
    )
    assert (
        run_as(
            [
                "--db",
                db,
                "export",
                "sheet",
                "compliance",
                "--term",
                term_school.term.name,
                "--out",
                str(tmp_path / "c.xlsx"),
            ]
        )
        == 0
    )
    cells = {
        str(value)
        for sheet in load_workbook(tmp_path / "c.xlsx", read_only=True).worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    }
    with term_school.ctx.store.session_factory() as session:
        codes = set(session.scalars(select(Student.code)))
    shown = {c for c in codes if any(c in cell for cell in cells)}
    assert shown and shown <= codes, shown  # the sheet lists the school's students, by code
    assert (
        run_as(
            [
                "--db",
                db,
                "export",
                "assessment",
                "--teacher",
                "t1",
                "--term",
                term_school.term.name,
                "--out",
                str(tmp_path / "a.pdf"),
            ]
        )
        == 0
    )
    assessment = _text(tmp_path / "a.pdf")
    with term_school.ctx.store.session_factory() as session:
        t1_name = session.scalar(select(User.display_name).where(User.username == "t1"))
    assert (
        "送教教师学期考核表" in assessment and t1_name in assessment and term_school.term.name in assessment
    )
    capsys.readouterr()
    # A teacher may not print another teacher's student: the same refusal as a missing student.
    assert (
        run_as(
            [
                "--db",
                db,
                "export",
                "packet",
                "--student",
                "B0101",
                "--as-user",
                "t1",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_name_the_fonts_lack_still_prints_and_the_export_warns_by_code(term_school, tmp_path, capsys):
    """CLI packet and filled visit form: the PDF is written (the empty box in place of the character), and stderr
    names the record by its code, never by the name."""
    from app.services import glyphs

    biang = "\U00030ede"  # CJK Extension G: in no shipped font (tests/services/test_glyphs.py)
    assert glyphs.missing(biang) == [biang]
    db = term_school.ctx.store.paths.db_option
    with term_school.ctx.store.session_factory() as session:
        student = session.scalar(select(Student).where(Student.code == "B0100"))
        student.name = f"王{biang}"
        visit_id = session.scalar(select(Visit.id).where(Visit.student_id == student.id))
        teacher = session.scalar(select(User).where(User.role == "teacher").order_by(User.username))
        teacher.display_name = f"{biang}老师"
        username = teacher.username
        session.commit()
    out = tmp_path / "p.pdf"
    packet = ["--db", db, "export", "packet", "--student", "B0100", "--term", term_school.term.name]
    assert run_as([*packet, "--out", str(out), "--json"]) == 0
    printed = capsys.readouterr()
    reported = json.loads(printed.out)
    assert reported["unprintable"] == ["B0100"] and reported["unprintable_users"] == [username]
    assert "warning:" in printed.err and "B0100" in printed.err and biang not in printed.err
    assert username in printed.err
    assert "王" in _text(out) and PdfReader(out).pages  # printed all the same
    form = tmp_path / "v.pdf"
    assert run_as(["--db", db, "export", "form", "visit", "--id", visit_id, "--out", str(form)]) == 0
    assert "B0100" in capsys.readouterr().err and form.stat().st_size > 0
    # Two workers (the term's packets): the result names only that record.
    result = export_packets(
        term_school.ctx, term_school.term.id, tmp_path / "all", options=ExportOptions(workers=2)
    )
    assert result.unprintable == ("B0100",) and not result.errors and len(result.files) >= 2
    assert result.unprintable_users == (username,)
    # A spreadsheet is no printout: nobody is warned about it.
    sheet = export_single(term_school.ctx, "sheet-visits", term_school.term.id, tmp_path / "v.xlsx")
    assert sheet.unprintable == () and sheet.unprintable_users == ()
