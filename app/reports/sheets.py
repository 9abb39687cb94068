"""Spreadsheets (xlsx) the office hands on: visits ledger, compliance grid, assessment table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.assessment import GRADE_LABELS_ZH
from app.reports import labels as L
from app.services.archive_forms import LedgerRow
from app.services.assessment import AssessmentInfo
from app.services.compliance import TermCompliance

FONT = "等线"  # Excel's default Chinese UI font; WPS and LibreOffice substitute their own
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE5EE")
SHORT = {"met": "✓", "met_by_makeup": "补", "missed_owed": "欠", "missed_excused": "假", "paused": "停",
         "not_teaching": "", "future": "·"}


def _sheet(wb: Workbook, title: str, heading: str, header: Sequence[str], widths: Sequence[float]) -> Worksheet:
    ws = wb.active if wb.active is not None and wb.active.max_row == 1 and wb.active.title == "Sheet" \
        else wb.create_sheet()
    assert ws is not None
    ws.title = title
    ws.append([heading])
    ws.cell(1, 1).font = Font(name=FONT, size=14, bold=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(list(header))
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
        cell = ws.cell(2, col)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.freeze_panes = "C3"
    ws.print_title_rows = "1:2"  # heading and column titles on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return ws


def _styles(wb: Workbook) -> None:
    # Named styles: one shared style record per kind instead of font+border objects hashed per cell.
    for name, wrap in (("sj_body", False), ("sj_wrap", True)):
        if name not in wb.named_styles:
            wb.add_named_style(NamedStyle(name, font=Font(name=FONT, size=10), border=BORDER,
                                          alignment=Alignment(wrap_text=wrap, vertical="top" if wrap else None)))


def _rows(ws: Worksheet, rows: Sequence[Sequence[Any]], wrap_cols: Sequence[int] = ()) -> None:
    _styles(ws.parent)
    width = max((len(r) for r in rows), default=0)
    # ws.max_row and ws.max_column scan every cell: count rows here instead (quadratic otherwise).
    for r, row in enumerate(rows, start=3):
        ws.append(list(row))
        for c in range(1, width + 1):
            ws.cell(r, c).style = "sj_wrap" if c in wrap_cols else "sj_body"
    if rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(width)}{len(rows) + 2}"


def write_visits(path: Path, term_name: str, rows: Sequence[LedgerRow]) -> None:
    wb = Workbook()
    header = ["日期", "学生编号", "学生姓名", "送教教师", "状态", "开始", "结束", "课时", "分钟", "教学内容", "取消原因方",
              "取消原因", "补送日期", "无已批准计划", "照护人签名"]
    ws = _sheet(wb, "送教台账", f"送教上门记录台账 · {term_name}", header,
                [11, 10, 9, 9, 7, 6, 6, 5, 6, 46, 11, 18, 11, 9, 8])
    _rows(ws, [[r.date, r.code, r.name, r.teacher, L.VISIT_STATUS.get(r.status, r.status),
                r.start.strftime("%H:%M") if r.start else "", r.end.strftime("%H:%M") if r.end else "", r.lessons,
                r.minutes, r.content, L.CAUSE.get(r.cancel_cause or "", ""), r.cancel_reason, r.makeup_of,
                "是" if r.without_approved_plan else "", "已签" if r.signed else ""] for r in rows], wrap_cols=(10,))
    for r in range(3, len(rows) + 3):
        ws.cell(r, 1).number_format = "yyyy-mm-dd"
        ws.cell(r, 13).number_format = "yyyy-mm-dd"
    wb.save(path)


def write_compliance(path: Path, result: TermCompliance) -> None:
    """One row per student, one column per week, each cell coloured by the week's status."""
    wb = Workbook()
    periods = result.students[0].result.periods if result.students else ()
    weeks = [f"{p.period.start:%m/%d}" for p in periods]
    header = ["学生编号", "学生姓名", *weeks, "应送", "达标", "缺送待补", "达标率"]
    ws = _sheet(wb, "送教达标", f"送教达标情况 · {result.term.name}（✓达标 补补送 欠缺送待补 假有因 停暂停 ·未到）",
                header, [10, 9, *([5.2] * len(weeks)), 6, 6, 8, 8])
    rows = []
    for s in result.students:
        t = s.result.totals
        due = t.due_periods
        met = t.met + t.met_by_makeup
        rows.append([s.code, s.name, *(SHORT[str(p.status)] for p in s.result.periods), due, met, t.missed_owed,
                     None if due == 0 else met / due])
    _rows(ws, rows)
    fills = {status: PatternFill("solid", fgColor=colour.lstrip("#")) for status, colour in L.WEEK_COLOURS.items()}
    for r, s in enumerate(result.students, start=3):
        for c, p in enumerate(s.result.periods, start=3):
            cell = ws.cell(r, c)
            cell.fill = fills[str(p.status)]
            cell.alignment = Alignment(horizontal="center")
        ws.cell(r, len(header)).number_format = "0.0%"
    # Legend below the grid, so a printed copy explains its colours.
    legend_row = len(rows) + 4
    for i, (status, label) in enumerate(L.WEEK_STATUS.items()):
        cell = ws.cell(legend_row, 3 + 2 * i, label)
        cell.fill = fills[status]
        cell.font = Font(name=FONT, size=9)
    wb.save(path)


def write_assessment(path: Path, term_name: str, items: Sequence[AssessmentInfo]) -> None:
    wb = Workbook()
    header = ["教师", "教学周", "应送生·周", "达标生·周", "周达标率", "送教次数", "完成课时", "应送课时", "课时完成率",
              "记录完整率", "计划按时率", "计划先批率", "每生每月联系", "目标通过率", "师德与安全", "家长满意度", "综合得分",
              "建议等级", "考核等级", "评语"]
    ws = _sheet(wb, "学期考核", f"送教教师学期考核汇总 · {term_name}", header,
                [9, 7, 9, 9, 9, 8, 8, 8, 9, 9, 9, 9, 10, 9, 9, 9, 8, 8, 8, 30])
    rows = []
    for a in items:
        f, ind = a.figures, a.indicators
        rows.append([a.teacher_name, f.teaching_weeks, f.student_weeks_due, f.student_weeks_met, ind.get("weeks_met"),
                     f.visits_done, f.lessons_delivered, f.lessons_required, ind.get("lessons"),
                     ind.get("records_complete"), ind.get("plans_on_time"), ind.get("plans_approved_first"),
                     ind.get("contacts_per_student_month"), ind.get("objectives_passed"), a.manual.get("conduct"),
                     a.manual.get("satisfaction"), round(a.score, 1), GRADE_LABELS_ZH[a.suggested_grade],
                     GRADE_LABELS_ZH[a.grade] if a.grade else "", a.comment])
    _rows(ws, rows, wrap_cols=(20,))
    ws.freeze_panes = "B3"
    for r in range(3, len(rows) + 3):
        for c in (5, 9, 10, 11, 12, 14, 15, 16):
            ws.cell(r, c).number_format = "0.0%"
        ws.cell(r, 13).number_format = "0.00"
    wb.save(path)
