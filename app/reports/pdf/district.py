"""The bureau's PDF of a term: one row per school and the total, and the district's children by category."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.reports import labels as L
from app.reports.pdf.doc import DocInfo, build
from app.reports.pdf.styles import MARGIN, PAGE_H, data_table, para
from app.reports.sheets import DISTRICT_HEADER, district_row
from app.services.district import DistrictReport

TITLE = "送教上门工作汇总（区县）"


def _text(value: object) -> str:
    if value is None:
        return "—"
    return f"{value:.1%}" if isinstance(value, float) else str(value)


def render_district(report: DistrictReport, target: Path | io.BytesIO) -> int:
    # Landscape: eighteen columns. The school's code is left out of the printed table (the name says it).
    header = list(DISTRICT_HEADER[1:])
    width = (PAGE_H - 2 * MARGIN - 30 * mm) / (len(header) - 1)
    widths = [30 * mm, *([width] * (len(header) - 1))]
    rows = [[_text(v) for v in district_row(f)[1:]] for f in (*report.schools, report.total)]
    story: list[Flowable] = [
        para(f"{TITLE} · {report.term}", "h1"),
        Spacer(1, 4 * mm),
        data_table(header, rows, widths),
        Spacer(1, 4 * mm),
        para("在送学生 · 残疾类别与等级", "label"),
        data_table(
            ["残疾类别", "残疾等级", "人数"],
            [
                [L.CATEGORY.get(c, "未填") if c else "未填", L.GRADE.get(g, "未填") if g else "未填", str(n)]
                for c, g, n in report.by_category
            ]
            or [["—", "—", "0"]],
            [60 * mm, 60 * mm, 30 * mm],
        ),
        Spacer(1, 4 * mm),
        para(
            "按规定应送课时与应达标周数按学期自然周计算，未扣除节假日与暂停送教；"
            "按时审批指月计划在该月开始前获批。各校的精确达标情况见学校端的达标统计。",
            "small",
        ),
    ]
    return build(target, DocInfo(f"{TITLE} · {report.term}", "区县", landscape=True), story)
