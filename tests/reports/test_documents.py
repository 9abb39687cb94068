"""Forms, the assessment form, the term summary and the spreadsheets, read back."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from app.db.models import MonthlyPlan, Visit
from app.reports import sheets
from app.reports.pdf import assessment_form, forms, summary
from app.services import archive, assessment, compliance
from app.services.errors import NotFound, PermissionDenied
from tests.reports.conftest import SUBSET, fonts_of


def _read(buffer: io.BytesIO) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    return reader, "".join("".join(page.extract_text() for page in reader.pages).split())


def _ids(store, model, *where):
    with store.session_factory() as session:
        return list(session.scalars(select(model.id).where(*where)))


def test_blank_forms_are_one_ruled_page_each():
    for render, title in (
        (forms.render_visit_form, "送教上门记录表"),
        (forms.render_plan_form, "月送教计划表"),
    ):
        buffer = io.BytesIO()
        assert render(buffer) == 1
        reader, text = _read(buffer)
        assert len(reader.pages) == 1 and title in text
        assert "□批准" in text or "□完成" in text  # tick boxes to fill by hand
        assert all(embedded and SUBSET.match(name) for name, embedded in fonts_of(reader))


def test_visit_form_filled_from_a_record(term_school):
    store = term_school.ctx.store
    student = term_school.packet_students[0]
    visit_id = _ids(store, Visit, Visit.student_id == student, Visit.status == "done")[0]
    filled = archive.gather_visit_form(term_school.as_(term_school.t1), visit_id)
    buffer = io.BytesIO()
    assert forms.render_visit_form(buffer, filled.header, filled.visit) == 1
    _, text = _read(buffer)
    assert filled.header.name in text and filled.header.code in text
    assert "老师认真负责，孩子有进步。" in text and "穿脱衣服练习" in text
    with pytest.raises(NotFound):  # t2 is not this student's teacher
        archive.gather_visit_form(term_school.as_(term_school.t2), visit_id)


def test_plan_form_filled_shows_the_approval_decisions(term_school):
    store = term_school.ctx.store
    plan_id = _ids(
        store,
        MonthlyPlan,
        MonthlyPlan.student_id == term_school.packet_students[0],
        MonthlyPlan.month == "2026-10",
    )[0]
    filled = archive.gather_plan_form(term_school.as_(term_school.office), plan_id)
    buffer = io.BytesIO()
    forms.render_plan_form(buffer, filled.header, filled.plan)
    _, text = _read(buffer)
    assert "2026年10月" in text
    assert "退回修改" in text and "请补充安全注意事项" in text
    assert "批准" in text and "同意，按计划实施" in text and "教务王老师" in text


def test_assessment_form_one_page_per_teacher(term_school):
    office = term_school.as_(term_school.office)
    items = assessment.list_assessments(office, term_school.term.id)
    buffer = io.BytesIO()
    pages = assessment_form.render_assessments(buffer, items, "青山县特殊教育学校")
    reader, text = _read(buffer)
    assert pages == len(items) == len(reader.pages) == 2
    for item in items:
        assert item.teacher_name in text
    assert "送教周达标率" in text and "教师本人签名" in text and "□不合格" in text
    assert [o.title for o in reader.outline] == [
        "送教教师学期考核表",
        *(f"{i.teacher_name} 学期考核" for i in items),
    ]


def test_summary_lists_every_student_with_totals(term_school):
    office = term_school.as_(term_school.office)
    data = archive.gather_summary(office, term_school.term.id)
    buffer = io.BytesIO()
    summary.render_summary(buffer, data)
    reader, text = _read(buffer)
    assert len(data.rows) == 7  # three fixture students and four populated ones
    for row in data.rows:
        assert row.code in text
    assert "合计" in text and "7人" in text and "每周至少1次" in text
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    with pytest.raises(PermissionDenied):
        archive.gather_summary(term_school.as_(term_school.t1), term_school.term.id)


def test_spreadsheets_read_back(term_school, tmp_path):
    office = term_school.as_(term_school.office)
    term = term_school.term
    visits = tmp_path / "visits.xlsx"
    rows = archive.visit_ledger(office, term.id)
    sheets.write_visits(visits, term.name, rows)
    ws = load_workbook(visits).active
    assert ws["A2"].value == "日期" and ws["B2"].value == "学生编号"
    assert ws.freeze_panes == "C3" and ws.print_title_rows == "$1:$2"
    assert ws.max_row == len(rows) + 2 and ws.column_dimensions["J"].width > 30
    assert {ws.cell(r, 5).value for r in range(3, ws.max_row + 1)} == {"已完成", "已取消"}

    grid = tmp_path / "compliance.xlsx"
    result = compliance.term_compliance(office, term.id)
    sheets.write_compliance(grid, result)
    ws = load_workbook(grid).active
    weeks = len(result.students[0].result.periods)
    assert ws.cell(2, 3 + weeks).value == "应送"
    colours = {
        ws.cell(r, c).fill.fgColor.rgb[-6:]
        for r in range(3, 3 + len(result.students))
        for c in range(3, 3 + weeks)
    }
    assert "4CAF50" in colours and "FFB300" in colours  # met weeks green, the excused week amber

    table = tmp_path / "assessment.xlsx"
    sheets.write_assessment(table, term.name, assessment.list_assessments(office, term.id))
    ws = load_workbook(table).active
    assert ws["A2"].value == "教师" and {ws["A3"].value, ws["A4"].value} == {"张老师", "陈老师"}
    assert ws["E3"].number_format == "0.0%"
