"""The bureau's PDF of a term: one row per school and the total, and the district's children by category."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.reports import labels as L
from app.reports.pdf.doc import DocInfo, build
from app.reports.pdf.styles import MARGIN, PAGE_H, data_table, para
from app.reports.sheets import DISTRICT_HEADER, district_as_of, district_row
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
        para(f"{TITLE} · {report.term}{district_as_of(report)}", "h1"),
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
            "送教次数、课时与达标周数由各校按本校校历、法定节假日、学期起止与送教规定逐周计算"
            "（暂停送教的周与尚未到的周不计入应达标周），与学校端的学期汇总一致；"
            "按时审批指月计划在该月开始前获批。",
            "small",
        ),
    ]
    return build(target, DocInfo(f"{TITLE} · {report.term}", "区县", landscape=True), story)
