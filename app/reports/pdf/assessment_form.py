"""The teacher's semester assessment form (送教教师学期考核表): indicators, manual items, grade, signatures."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from app.domain.assessment import GRADE_LABELS_ZH
from app.reports.pdf.doc import Anchor, DocInfo, Heading, build
from app.reports.pdf.styles import FRAME_W, fit, grid_style, para, styles
from app.services.assessment import AssessmentInfo

TITLE = "送教教师学期考核表"

# (key of the indicator/part, label, how the raw figures read)
ITEMS = (
    ("weeks_met", "送教周达标率", lambda f: f"{f.student_weeks_met}/{f.student_weeks_due} 生·周"),
    ("lessons", "课时完成率", lambda f: f"{f.lessons_delivered}/{f.lessons_required} 课时"),
    ("records_complete", "记录完整率", lambda f: f"{f.complete_visits}/{f.done_visits} 次"),
    ("plans_on_time", "月计划按时提交率", lambda f: f"{f.plans_submitted_before_month}/{f.plans_total} 份"),
    (
        "plans_approved_first",
        "送教前计划获批率",
        lambda f: f"{f.plans_approved_before_first_visit}/{f.plans_total} 份",
    ),
    ("contacts", "家校联系（每生每月）", lambda f: f"{f.contacts} 次 / {f.student_months} 生·月"),
    ("objectives_passed", "IEP短期目标通过率", lambda f: f"{f.objectives_passed}/{f.objectives_reviewed} 个"),
)
MANUAL = (("conduct", "师德与安全（不收礼、不在家长家用餐）"), ("satisfaction", "家长满意度"))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def assessment_story(
    a: AssessmentInfo, school_name: str, weights: dict[str, float] | None = None
) -> list[Flowable]:
    f = a.figures
    widths = [50 * mm, 44 * mm, 26 * mm, 20 * mm, FRAME_W - 140 * mm]
    head = Table(
        [
            [fit(x, w) for x, w in zip(row, [24 * mm, FRAME_W / 2 - 24 * mm] * 2, strict=True)]
            for row in (
                ["教师姓名", a.teacher_name, "学期", a.term_name],
                [
                    "教学周数",
                    f"{f.teaching_weeks} 周",
                    "送教次数/课时",
                    f"{f.visits_done} 次 / {f.lessons_delivered} 课时",
                ],
                [
                    "送教时长",
                    f"{f.minutes_delivered} / 应 {f.minutes_required} 分钟",
                    "待补送",
                    f"{f.owed_makeups_outstanding} 次",
                ],
            )
        ],
        colWidths=[24 * mm, FRAME_W / 2 - 24 * mm] * 2,
    )
    head.setStyle(
        grid_style(("BACKGROUND", (0, 0), (0, -1), "#EEF1F5"), ("BACKGROUND", (2, 0), (2, -1), "#EEF1F5"))
    )
    rows: list[list[object]] = [["考核指标", "原始数据", "指标值", "权重", "说明"]]
    for key, label, raw in ITEMS:
        value = a.indicators.get(key)
        shown = _pct(value)
        if key == "contacts":
            per = a.indicators.get("contacts_per_student_month")
            shown = "—" if per is None else f"{per:.2f} 次"
        weight = (weights or {}).get(key)
        rows.append(
            [
                label,
                raw(f),
                shown,
                "" if weight is None else f"{weight:g}",
                "无数据，不计分" if key in a.excluded else "",
            ]
        )
    for key, label in MANUAL:
        rating = a.manual.get(key)
        weight = (weights or {}).get(key)
        rows.append(
            [
                label,
                "教务处评定",
                "待评定" if rating is None else _pct(rating),
                "" if weight is None else f"{weight:g}",
                "人工评分（0–100%）",
            ]
        )
    table = Table(
        [[fit(c, w) for c, w in zip(r, widths, strict=True)] for r in rows], colWidths=widths, repeatRows=1
    )
    table.setStyle(grid_style(header_rows=1))
    # Only a decided grade is ticked; until then the boxes stay empty for academic affairs to mark.
    boxes = "　".join(("■" if key == a.grade else "□") + label for key, label in GRADE_LABELS_ZH.items())
    decision = Table(
        [
            [
                fit("综合得分", 26 * mm),
                f"{a.score:.1f}",
                fit("建议等级", 26 * mm),
                GRADE_LABELS_ZH[a.suggested_grade],
            ],
            [fit("考核等级", 26 * mm), boxes, "", ""],
            [fit("教务处评语", 26 * mm), para(a.comment or ""), "", ""],
        ],
        colWidths=[26 * mm, FRAME_W / 2 - 26 * mm, 26 * mm, FRAME_W / 2 - 26 * mm],
        rowHeights=[9 * mm, 9 * mm, 34 * mm],
    )
    decision.setStyle(
        grid_style(
            ("SPAN", (1, 1), (3, 1)),
            ("SPAN", (1, 2), (3, 2)),
            ("BACKGROUND", (0, 0), (0, -1), "#EEF1F5"),
            ("BACKGROUND", (2, 0), (2, 0), "#EEF1F5"),
            ("VALIGN", (1, 2), (1, 2), "TOP"),
        )
    )
    signs = Table(
        [[para("教师本人签名：\n\n日期："), para("教务处签名：\n\n日期："), para("校长签名：\n\n日期：")]],
        colWidths=[FRAME_W / 3] * 3,
        rowHeights=[26 * mm],
    )
    signs.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    return [
        Heading(f"teacher-{a.teacher_id}", f"{a.teacher_name} 学期考核", "form_title"),
        para(f"{school_name}　{a.term_name}", "center"),
        Spacer(1, 3 * mm),
        head,
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        decision,
        Spacer(1, 3 * mm),
        signs,
        Spacer(1, 2 * mm),
        para("注：指标值封顶100%；无数据的指标不计分，其余权重按比例折算为100分。", "small"),
    ]


def render_assessments(
    target: Path | io.BytesIO,
    items: Sequence[AssessmentInfo],
    school_name: str,
    weights: dict[str, float] | None = None,
    password: str | None = None,
) -> int:
    """One page per teacher (one teacher or the whole staff), bookmarked by teacher."""
    term = items[0].term_name if items else ""
    story: list[Flowable] = [Anchor("assessment", TITLE)]
    for i, item in enumerate(items):
        if i:
            story.append(PageBreak())
        story += assessment_story(item, school_name, weights)
    if not items:
        story.append(Paragraph("（本学期无送教教师）", styles()["body"]))
    return build(target, DocInfo(f"{TITLE} · {term}", school_name, password=password), story)
