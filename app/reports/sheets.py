"""Spreadsheets (xlsx) the office hands on: visits ledger, compliance grid, assessment table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.domain.assessment import GRADE_LABELS_ZH
from app.reports import labels as L
from app.services.archive import LedgerRow
from app.services.assessment import AssessmentInfo
from app.services.compliance import TermCompliance
from app.services.district import GRADES, DistrictReport, SchoolFigures
from app.services.workbooks import memory_sheet, save_workbook

FONT = "等线"  # Excel's default Chinese UI font; WPS and LibreOffice substitute their own
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="DDE5EE")
SHORT = {
    "met": "✓",
    "met_by_makeup": "补",
    "missed_owed": "欠",
    "missed_excused": "假",
    "paused": "停",
    "not_teaching": "",
    "future": "·",
}


def _workbook() -> Workbook:
    """A streaming (write-only) workbook: rows become XML as they are added (in memory, never a temporary
    file: app/services/workbooks.py), so a term's ledger of thousands of visits does not sit in memory as cell
    objects. Styles are named, one record each."""
    wb = Workbook(write_only=True)
    for name, extra in (
        (
            "sj_head",
            {
                "font": Font(name=FONT, bold=True),
                "fill": HEAD_FILL,
                "alignment": Alignment(horizontal="center", vertical="center", wrap_text=True),
            },
        ),
        ("sj_title", {"font": Font(name=FONT, size=14, bold=True), "border": Border()}),
        ("sj_body", {}),
        ("sj_wrap", {"alignment": Alignment(wrap_text=True, vertical="top")}),
        ("sj_pct", {"number_format": "0.0%"}),
        ("sj_num2", {"number_format": "0.00"}),
        ("sj_date", {"number_format": "yyyy-mm-dd"}),
    ):
        style = NamedStyle(name, font=Font(name=FONT, size=10), border=BORDER)
        for key, value in extra.items():
            setattr(style, key, value)
        wb.add_named_style(style)
    for status, colour in L.WEEK_COLOURS.items():
        wb.add_named_style(
            NamedStyle(
                f"sj_{status}",
                font=Font(name=FONT, size=10),
                border=BORDER,
                fill=PatternFill("solid", fgColor=colour.lstrip("#")),
                alignment=Alignment(horizontal="center"),
            )
        )
    return wb


def _sheet(
    wb: Workbook, title: str, heading: str, header: Sequence[str], widths: Sequence[float], frozen: str = "C3"
) -> Any:
    ws = wb.create_sheet(title)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = frozen
    ws.print_title_rows = "1:2"  # heading and column titles on every printed page
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    memory_sheet(ws)  # after the layout above (written at the top of the sheet), before the first row
    ws.append([_cell(ws, heading, "sj_title")])
    ws.append([_cell(ws, h, "sj_head") for h in header])
    return ws


# Text that a spreadsheet program would run as a formula (OWASP "CSV injection"): a roster name such as
# =cmd|' /C calc'!A0 must stay text in the ledgers.
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """Text starting like a formula gets a leading apostrophe (OWASP); everything else is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_LEADS):
        return "'" + value
    return value


def _cell(ws: Any, value: Any, style: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=neutralise(value))
    cell.style = style
    return cell


def _rows(ws: Any, rows: Sequence[Sequence[Any]], styles: dict[int, str] | None = None) -> None:
    """Append rows; ``styles`` maps a 1-based column to a named style (default: ruled body cell)."""
    chosen = styles or {}
    for row in rows:
        ws.append([_cell(ws, value, chosen.get(c, "sj_body")) for c, value in enumerate(row, start=1)])
    if rows:
        ws.auto_filter.ref = f"A2:{get_column_letter(len(rows[0]))}{len(rows) + 2}"


def write_visits(path: Path, term_name: str, rows: Sequence[LedgerRow]) -> None:
    wb = _workbook()
    header = [
        "日期",
        "学生编号",
        "学生姓名",
        "送教教师",
        "状态",
        "开始",
        "结束",
        "课时",
        "分钟",
        "教学内容",
        "取消原因方",
        "取消原因",
        "补送日期",
        "无已批准计划",
        "照护人签名",
    ]
    ws = _sheet(
        wb,
        "送教台账",
        f"送教上门记录台账 · {term_name}",
        header,
        [11, 10, 9, 9, 7, 6, 6, 5, 6, 46, 11, 18, 11, 9, 8],
    )
    _rows(
        ws,
        [
            [
                r.date,
                r.code,
                r.name,
                r.teacher,
                L.VISIT_STATUS.get(r.status, r.status),
                r.start.strftime("%H:%M") if r.start else "",
                r.end.strftime("%H:%M") if r.end else "",
                r.lessons,
                r.minutes,
                r.content,
                L.CAUSE.get(r.cancel_cause or "", ""),
                r.cancel_reason,
                r.makeup_of,
                "是" if r.without_approved_plan else "",
                "已签" if r.signed else "",
            ]
            for r in rows
        ],
        {1: "sj_date", 10: "sj_wrap", 13: "sj_date"},
    )
    save_workbook(wb, path)


def write_compliance(path: Path, result: TermCompliance) -> None:
    """One row per student, one column per week, each cell coloured by the week's status."""
    wb = _workbook()
    periods = result.students[0].result.periods if result.students else ()
    weeks = [f"{p.period.start:%m/%d}" for p in periods]
    header = ["学生编号", "学生姓名", *weeks, "应送", "达标", "缺送待补", "达标率"]
    ws = _sheet(
        wb,
        "送教达标",
        f"送教达标情况 · {result.term.name}（✓达标 补补送 欠缺送待补 假有因 停暂停 ·未到）",
        header,
        [10, 9, *([5.2] * len(weeks)), 6, 6, 8, 8],
    )
    for s in result.students:
        t = s.result.totals
        due, met = t.due_periods, t.met + t.met_by_makeup
        ws.append(
            [
                _cell(ws, s.code, "sj_body"),
                _cell(ws, s.name, "sj_body"),
                *(_cell(ws, SHORT[str(p.status)], f"sj_{p.status}") for p in s.result.periods),
                *(_cell(ws, v, "sj_body") for v in (due, met, t.missed_owed)),
                _cell(ws, None if due == 0 else met / due, "sj_pct"),
            ]
        )
    # Legend below the grid, so a printed copy explains its colours.
    ws.append([])
    legend: list[Any] = [None, None]
    for status, label in L.WEEK_STATUS.items():
        legend += [_cell(ws, label, f"sj_{status}"), None]
    ws.append(legend)
    save_workbook(wb, path)


def write_assessment(path: Path, term_name: str, items: Sequence[AssessmentInfo]) -> None:
    wb = _workbook()
    header = [
        "教师",
        "教学周",
        "应送生·周",
        "达标生·周",
        "周达标率",
        "送教次数",
        "完成课时",
        "应送课时",
        "课时完成率",
        "记录完整率",
        "计划按时率",
        "计划先批率",
        "每生每月联系",
        "目标通过率",
        "师德与安全",
        "家长满意度",
        "综合得分",
        "建议等级",
        "考核等级",
        "评语",
    ]
    ws = _sheet(
        wb,
        "学期考核",
        f"送教教师学期考核汇总 · {term_name}",
        header,
        [9, 7, 9, 9, 9, 8, 8, 8, 9, 9, 9, 9, 10, 9, 9, 9, 8, 8, 8, 30],
        frozen="B3",
    )
    rows = []
    for a in items:
        f, ind = a.figures, a.indicators
        rows.append(
            [
                a.teacher_name,
                f.teaching_weeks,
                f.student_weeks_due,
                f.student_weeks_met,
                ind.get("weeks_met"),
                f.visits_done,
                f.lessons_delivered,
                f.lessons_required,
                ind.get("lessons"),
                ind.get("records_complete"),
                ind.get("plans_on_time"),
                ind.get("plans_approved_first"),
                ind.get("contacts_per_student_month"),
                ind.get("objectives_passed"),
                a.manual.get("conduct"),
                a.manual.get("satisfaction"),
                round(a.score, 1),
                GRADE_LABELS_ZH[a.suggested_grade],
                GRADE_LABELS_ZH[a.grade] if a.grade else "",
                a.comment,
            ]
        )
    _rows(ws, rows, {**dict.fromkeys((5, 9, 10, 11, 12, 14, 15, 16), "sj_pct"), 13: "sj_num2", 20: "sj_wrap"})
    save_workbook(wb, path)


DISTRICT_HEADER = (
    "学校代码",
    "学校",
    "在送学生",
    "送教次数",
    "已送课时",
    "按规定应送课时",
    "课时完成率",
    "达标周数",
    "应达标周数",
    "周达标率",
    "月计划",
    "已审批",
    "按时审批",
    "按时审批率",
    *(GRADE_LABELS_ZH[g] for g in ("excellent", "good", "pass", "fail")),
)


def district_row(f: SchoolFigures) -> list[Any]:
    """One school's (or the total's) figures in DISTRICT_HEADER's order; percentages as fractions, or None."""

    def share(part: int, whole: int) -> float | None:
        return part / whole if whole else None

    return [
        f.school_code,
        f.school_name,
        f.students,
        f.visits_done,
        f.lessons_done,
        f.lessons_by_rule,
        share(f.lessons_done, f.lessons_by_rule),
        f.weeks_met,
        f.weeks_due,
        share(f.weeks_met, f.weeks_due),
        f.plans,
        f.plans_approved,
        f.plans_on_time,
        share(f.plans_on_time, f.plans),
        *(f.grades[g] for g in GRADES),
    ]


def district_as_of(report: DistrictReport) -> str:
    """The day the figures were computed (the oldest school's), for the title."""
    day = report.total.as_of
    return f"（数据截至 {day:%Y-%m-%d}）" if day else ""


def write_district(path: Path, report: DistrictReport) -> None:
    """The bureau's workbook: one row per school and the total; the district's children by category and grade."""
    wb = _workbook()
    ws = _sheet(
        wb,
        "各校汇总",
        f"送教上门工作汇总 · {report.term}{district_as_of(report)}",
        DISTRICT_HEADER,
        [10, 24, *([9] * (len(DISTRICT_HEADER) - 2))],
    )
    pct = {7: "sj_pct", 10: "sj_pct", 14: "sj_pct"}
    _rows(ws, [district_row(f) for f in (*report.schools, report.total)], pct)
    cats = _sheet(
        wb,
        "残疾类别与等级",
        "在送学生 · 残疾类别与等级（全区县）",
        ["残疾类别", "残疾等级", "人数"],
        [14, 16, 8],
    )
    _rows(
        cats,
        [
            [L.CATEGORY.get(c, "未填") if c else "未填", L.GRADE.get(g, "未填") if g else "未填", n]
            for c, g, n in report.by_category
        ],
    )
    save_workbook(wb, path)
