"""The school's term summary table (送教上门工作学期汇总表) for the education management center."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.reports import labels as L
from app.reports.pdf.doc import Anchor, DocInfo, Heading, build
from app.reports.pdf.styles import MARGIN, PAGE_W, fit, grid_style, para, styles
from app.services.archive import TermSummary

TITLE = "送教上门工作学期汇总表"
WIDE = 297 * mm - 2 * MARGIN  # A4 landscape frame width
assert abs(PAGE_W - 210 * mm) < 1


def _pct(num: int, den: int) -> str:
    return "—" if den == 0 else f"{100 * num / den:.1f}%"


def summary_story(s: TermSummary) -> list[Flowable]:
    header = [
        "序号",
        "学生编号",
        "姓名",
        "残疾类别",
        "等级",
        "主教教师",
        "教学周",
        "应送周",
        "达标周",
        "其中补送",
        "缺送待补",
        "有因缺送",
        "暂停周",
        "送教次数",
        "课时（完成/应）",
        "达标率",
    ]
    widths = [10, 20, 18, 18, 10, 20, 13, 13, 13, 13, 13, 13, 13, 14, 24, 16]
    scale = WIDE / (sum(widths) * mm)
    cols = [w * mm * scale for w in widths]
    rows: list[list[object]] = []
    total = dict.fromkeys(
        ("teaching", "due", "met", "makeup", "owed", "excused", "paused", "visits", "lessons", "required"), 0
    )
    for i, r in enumerate(s.rows, start=1):
        t = r.result.totals
        due, met = t.due_periods, t.met + t.met_by_makeup
        rows.append(
            [
                i,
                r.code,
                r.name,
                L.CATEGORY.get(r.category or 0, "")[:2],
                L.GRADE.get(r.grade or 0, "")[:2],
                r.teacher,
                t.teaching_periods,
                due,
                met,
                t.met_by_makeup,
                t.missed_owed,
                t.missed_excused,
                t.paused,
                t.visits_done,
                f"{t.lessons_delivered}/{t.lessons_required}",
                _pct(met, due),
            ]
        )
        for key, value in (
            ("teaching", t.teaching_periods),
            ("due", due),
            ("met", met),
            ("makeup", t.met_by_makeup),
            ("owed", t.missed_owed),
            ("excused", t.missed_excused),
            ("paused", t.paused),
            ("visits", t.visits_done),
            ("lessons", t.lessons_delivered),
            ("required", t.lessons_required),
        ):
            total[key] += value
    rows.append(
        [
            "合计",
            "",
            f"{len(s.rows)}人",
            "",
            "",
            "",
            "",
            total["due"],
            total["met"],
            total["makeup"],
            total["owed"],
            total["excused"],
            total["paused"],
            total["visits"],
            f"{total['lessons']}/{total['required']}",
            _pct(total["met"], total["due"]),
        ]
    )
    body = [[fit(h, w, "cell_c") for h, w in zip(header, cols, strict=True)]]
    body += [[fit(c, w) for c, w in zip(row, cols, strict=True)] for row in rows]
    table = Table(body, colWidths=cols, repeatRows=1)
    table.setStyle(
        grid_style(
            ("ALIGN", (6, 1), (-1, -1), "RIGHT"),
            ("BACKGROUND", (0, -1), (-1, -1), "#EEF1F5"),
            ("SPAN", (0, -1), (1, -1)),
            header_rows=1,
        )
    )
    rule = s.rule
    period = "周" if rule.period == "week" else "月"
    facts = (
        f"学校：{s.school_name}{'（' + s.school_code + '）' if s.school_code else ''}　学期：{s.term.name}"
        f"（{L.date_zh(s.term.start)}—{L.date_zh(s.term.end)}）　统计日期：{L.date_zh(s.today)}"
    )
    rule_text = (
        f"送教标准：每{period}至少 {rule.visits_per_period} 次，每次至少 {rule.lessons_per_visit} 课时，"
        f"每课时 {rule.minutes_per_lesson} 分钟。送教学生 {len(s.rows)} 人，送教教师 {s.teachers} 人；"
        f"月送教计划 {s.plans} 份，已批准 {s.plans_approved} 份；家校联系 {s.contacts} 次。"
    )
    signs = Table(
        [[para("填表人："), para("校长签字："), para("学校（盖章）："), para("日期：")]],
        colWidths=[WIDE / 4] * 4,
        rowHeights=[16 * mm],
    )
    signs.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ruled=False))
    return [
        Anchor("summary", TITLE),
        Heading("summary-table", TITLE, "form_title", level=1),
        para(facts, "body"),
        para(rule_text, "body"),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 4 * mm),
        Paragraph("达标率 = 达标周 ÷ 应送周（应送周不含暂停、未到及非教学周）。", styles()["small"]),
        signs,
    ]


def render_summary(target: Path | io.BytesIO, summary: TermSummary, password: str | None = None) -> int:
    info = DocInfo(f"{TITLE} · {summary.term.name}", summary.school_name, password=password, landscape=True)
    return build(target, info, summary_story(summary))
