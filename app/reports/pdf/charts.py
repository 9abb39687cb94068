"""Progress charts for the end-of-term review: objective results per domain and the week strip."""

from __future__ import annotations

from collections import Counter

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import STATE_DEFAULTS, Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from app.domain.rules import ComplianceResult
from app.reports.labels import WEEK_COLOURS, WEEK_MARKS, WEEK_STATUS
from app.reports.pdf.fonts import register_fonts
from app.reports.pdf.styles import FRAME_W
from app.services.archive import GoalSheet

# The graphics renderer opens every drawing with its default font selected, which would put an
# unembedded Helvetica into the PDF although no glyph of it is drawn: default to our font instead.
STATE_DEFAULTS["fontName"] = register_fonts()

# Final result of an objective, grouped as the review meeting reads them.
RESULT_GROUPS = (
    ("通过", ("P", "3"), "#4CAF50"),
    ("继续/部分", ("C", "S", "E", "2", "1"), "#FFB300"),
    ("放弃/未达", ("D", "0"), "#E53935"),
    ("未评估", ("",), "#B0BEC5"),
)


def objective_chart(goals: tuple[GoalSheet, ...]) -> Drawing:
    """Stacked bars: how many objectives of each domain ended passed, continuing, dropped or unreviewed."""
    font = register_fonts()
    domains: list[str] = []
    counts: dict[str, Counter[str]] = {}
    for goal in goals:
        if goal.domain not in counts:
            domains.append(goal.domain)
            counts[goal.domain] = Counter()
        for obj in goal.objectives:
            group = next((label for label, codes, _ in RESULT_GROUPS if obj.final in codes), "继续/部分")
            counts[goal.domain][group] += 1
    drawing = Drawing(FRAME_W, 72 * mm)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 14 * mm, 14 * mm, FRAME_W - 58 * mm, 52 * mm
    chart.categoryAxis.style = "stacked"
    chart.data = [[counts[d][label] for d in domains] or [0] for label, _, _ in RESULT_GROUPS]
    chart.categoryAxis.categoryNames = [d[:6] for d in domains] or ["—"]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    top = max((sum(c.values()) for c in counts.values()), default=1)
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = max(1, (top + 4) // 5)
    chart.barWidth = 10
    for i, (_, _, colour) in enumerate(RESULT_GROUPS):
        chart.bars[i].fillColor = colors.HexColor(colour)
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = FRAME_W - 40 * mm, 60 * mm
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.columnMaximum = len(RESULT_GROUPS)  # one column: two would run past the right margin
    legend.colorNamePairs = [(colors.HexColor(colour), label) for label, _, colour in RESULT_GROUPS]
    drawing.add(legend)
    drawing.add(String(0, 68 * mm, "短期目标期末结果（按领域）", fontName=font, fontSize=9))
    return drawing


def week_strip(result: ComplianceResult) -> Drawing:
    """One square per rule period, coloured by status, with a legend: the term at a glance."""
    font = register_fonts()
    periods = result.periods
    cell = min(7 * mm, (FRAME_W - 4 * mm) / max(len(periods), 1))
    drawing = Drawing(FRAME_W, 30 * mm)
    drawing.add(String(0, 26 * mm, "各教学周送教情况", fontName=font, fontSize=9))
    for i, period in enumerate(periods):
        status = str(period.status)
        drawing.add(
            Rect(
                i * cell,
                16 * mm,
                cell - 1,
                cell - 1,
                fillColor=colors.HexColor(WEEK_COLOURS[status]),
                strokeColor=colors.HexColor("#777777"),
                strokeWidth=0.3,
            )
        )
        mark = WEEK_MARKS[status]
        if mark:
            size = min(9.0, (cell - 1) * 0.62)
            drawing.add(
                String(
                    i * cell + (cell - 1) / 2,
                    16 * mm + (cell - 1) / 2 - size * 0.36,
                    mark,
                    fontName=font,
                    fontSize=size,
                    textAnchor="middle",
                )
            )
        if i % 2 == 0 or cell > 5 * mm:
            drawing.add(
                String(
                    i * cell + cell / 2, 12 * mm, str(i + 1), fontName=font, fontSize=7.5, textAnchor="middle"
                )
            )
    used = list(dict.fromkeys(str(p.status) for p in periods))
    x = 0.0
    for status in used:
        drawing.add(
            Rect(
                x,
                4 * mm,
                3.5 * mm,
                3.5 * mm,
                fillColor=colors.HexColor(WEEK_COLOURS[status]),
                strokeColor=colors.HexColor("#777777"),
                strokeWidth=0.3,
            )
        )
        drawing.add(
            String(
                x + 1.75 * mm, 4.85 * mm, WEEK_MARKS[status], fontName=font, fontSize=7, textAnchor="middle"
            )
        )
        label = WEEK_STATUS[status]
        drawing.add(String(x + 5 * mm, 4.6 * mm, label, fontName=font, fontSize=8))
        x += 9 * mm + len(label) * 8
    return drawing
