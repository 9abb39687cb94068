"""Paper forms: the single visit record (送教上门记录表) and the monthly plan form (月送教计划表).

Each prints blank (ruled boxes to fill by hand at the family's home) or filled from a record, on the
same grid, so a filled form and a hand-written one file side by side.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.reports import labels as L
from app.reports.pdf.doc import Anchor, DocInfo, build, image_flowable, signature_flowable
from app.reports.pdf.styles import FRAME_W, fit, grid_style, para, styles
from app.services.archive import FormHeader, PlanSheet, VisitSheet

VISIT_TITLE = "送教上门记录表"
PLAN_TITLE = "月送教计划表"
BOX = "□"


def _blank_header() -> FormHeader:
    return FormHeader("", "", "", "", (None, None), ())


def _header_rows(h: FormHeader) -> list[list[object]]:
    main = "、".join(n for n, r in h.teachers if r == "main")
    assistant = "、".join(n for n, r in h.teachers if r != "main")
    disability = f"{L.CATEGORY.get(h.disability[0] or 0, '')} {L.GRADE.get(h.disability[1] or 0, '')}".strip()
    return [
        ["学生姓名", h.name, "学生编号", h.code, "年级班级", h.grade_class],
        ["残疾类别", disability, "主教教师", main, "副教教师", assistant],
    ]


def _grid(
    rows: Sequence[Sequence[object]],
    widths: list[float],
    heights: list[float | None] | None = None,
    shade_cols: tuple[int, ...] = (0,),
    header: bool = False,
) -> Table:
    body = [[fit(c, w) for c, w in zip(row, widths, strict=True)] for row in rows]
    table = Table(body, colWidths=widths, rowHeights=heights)
    extra = [("BACKGROUND", (c, 0), (c, -1), "#EEF1F5") for c in shade_cols]
    if header:
        extra.append(("BACKGROUND", (0, 0), (-1, 0), "#EEF1F5"))
    table.setStyle(grid_style(*extra, ("VALIGN", (0, 0), (-1, -1), "TOP" if heights else "MIDDLE")))
    return table


SIX = [20 * mm, FRAME_W / 3 - 20 * mm] * 3


def visit_form_story(header: FormHeader | None, visit: VisitSheet | None) -> list[Flowable]:
    """One A4 visit record; ``visit=None`` prints it blank."""
    h = header or _blank_header()
    blank = visit is None
    school = h.school_name or "____________________学校"
    out: list[Flowable] = [
        Anchor("form", VISIT_TITLE),
        Paragraph(f"{school}{VISIT_TITLE}", styles()["form_title"]),
        _grid(_header_rows(h), SIX, shade_cols=(0, 2, 4)),
    ]
    if blank:
        when = [
            ["送教日期", "　　年　　月　　日", "时间", "　　:　　—　　:", "地点", ""],
            ["送教教师", "", "在场照护人", "", "状态", f"{BOX}完成 {BOX}取消"],
        ]
    else:
        assert visit is not None
        status = L.VISIT_STATUS.get(visit.status, visit.status)
        if visit.status == "cancelled":
            status += f"（{L.CAUSE.get(visit.cancel_cause or '', '')}：{visit.cancel_reason}）"
        if visit.makeup_of:
            status += f"，补送{visit.makeup_of:%m-%d}"
        when = [
            [
                "送教日期",
                L.date_zh(visit.date),
                "时间",
                L.time_span(visit.start, visit.end),
                "地点",
                visit.place,
            ],
            ["送教教师", visit.teachers, "在场照护人", visit.caregivers, "状态", status],
        ]
    out.append(_grid(when, SIX, shade_cols=(0, 2, 4)))
    lesson_w = [24 * mm, 68 * mm, FRAME_W - 108 * mm, 16 * mm]
    lessons: list[list[object]] = [["科目/领域", "教学内容", "对应目标", "分钟"]]
    if blank:
        lessons += [["", "", "", ""] for _ in range(3)]
    else:
        assert visit is not None
        lessons += [[ls.subject, ls.content, "\n".join(ls.objectives), ls.minutes] for ls in visit.lessons]
    out += [
        Spacer(1, 1.5 * mm),
        _grid(lessons, lesson_w, [7 * mm] + [12 * mm] * 3 if blank else None, shade_cols=(), header=True),
    ]
    v = visit
    fields = [
        ("健康与情绪", "" if v is None else f"{v.health}　{v.mood}".strip(), 12),
        (
            "表现与进步",
            ""
            if v is None
            else v.performance + "".join(f"\n{o}：{L.result_zh(r)} {n}" for o, r, n in v.progress),
            30,
        ),
        ("家庭指导", "" if v is None else v.guidance, 20),
        ("家庭作业", "" if v is None else v.homework, 14),
        ("下次送教", "　　年　　月　　日" if v is None else L.date_zh(v.next_visit), 8),
    ]
    out += [
        Spacer(1, 1.5 * mm),
        _grid(
            [[label, text] for label, text, _ in fields],
            [24 * mm, FRAME_W - 24 * mm],
            [height * mm for _, _, height in fields] if blank else None,
        ),
    ]
    if v is not None and v.photos:
        cells = [image_flowable(p.data, 54 * mm, 36 * mm) for p in v.photos[:3]]
        photos = Table([cells], colWidths=[FRAME_W / 3] * len(cells))
        photos.setStyle(grid_style(("ALIGN", (0, 0), (-1, -1), "CENTER")))
        out += [Spacer(1, 1.5 * mm), photos]
    signature: object = ""
    if v is not None:
        signature = signature_flowable(v, 46 * mm, 15 * mm)
    sign = Table(
        [
            [
                fit("照护人意见", 22 * mm),
                para("" if v is None else v.opinion),
                fit("照护人签名", 22 * mm),
                signature,
            ],
            [fit("送教教师签名", 22 * mm), "", fit("日期", 22 * mm), "" if v is None else L.date_zh(v.date)],
        ],
        colWidths=[22 * mm, FRAME_W - 96 * mm, 22 * mm, 52 * mm],
        rowHeights=[22 * mm, 12 * mm],
    )
    sign.setStyle(
        grid_style(("BACKGROUND", (0, 0), (0, -1), "#EEF1F5"), ("BACKGROUND", (2, 0), (2, -1), "#EEF1F5"))
    )
    out += [Spacer(1, 1.5 * mm), sign]
    return out


def plan_form_story(header: FormHeader | None, plan: PlanSheet | None) -> list[Flowable]:
    """The monthly plan with its approval block; ``plan=None`` prints it blank for hand filling."""
    h = header or _blank_header()
    school = h.school_name or "____________________学校"
    month = "　　　　年　　月" if plan is None else L.month_zh(plan.month)
    out: list[Flowable] = [
        Anchor("form", PLAN_TITLE),
        Paragraph(f"{school}{PLAN_TITLE}", styles()["form_title"]),
        para(f"计划月份：{month}", "center"),
        Spacer(1, 2 * mm),
        _grid(_header_rows(h), SIX, shade_cols=(0, 2, 4)),
    ]
    visit_w = [30 * mm, 26 * mm, 14 * mm, FRAME_W - 70 * mm]
    rows: list[list[object]] = [["计划日期", "时段", "课时", "每课时内容"]]
    if plan is None:
        rows += [["　月　日", "", "", ""] for _ in range(5)]  # up to five visits a month on paper
    else:
        rows += [[L.date_zh(v.date), v.time_slot, v.lessons, v.content] for v in plan.visits]
    out += [
        Spacer(1, 1.5 * mm),
        _grid(rows, visit_w, [7 * mm] + [14 * mm] * 5 if plan is None else None, shade_cols=(), header=True),
    ]
    fields = [
        ("对应IEP目标", "" if plan is None else "\n".join(plan.objectives), 20),
        ("教具材料", "" if plan is None else plan.materials, 10),
        ("家庭任务", "" if plan is None else plan.family_tasks, 14),
        ("安全注意", "" if plan is None else plan.safety_notes, 10),
    ]
    out += [
        Spacer(1, 1.5 * mm),
        _grid(
            [[label, text] for label, text, _ in fields],
            [26 * mm, FRAME_W - 26 * mm],
            [height * mm for _, _, height in fields] if plan is None else None,
        ),
    ]
    out += [Spacer(1, 3 * mm), Paragraph("教务处审核", styles()["h2"])]
    if plan is None or not plan.decisions:
        review = [
            ["审核结果", f"{BOX}批准　　{BOX}退回修改"],
            ["审核意见", ""],
            ["审核人", ""],
            ["审核时间", "　　年　　月　　日　　时"],
        ]
        out.append(_grid(review, [26 * mm, FRAME_W - 26 * mm], [9 * mm, 22 * mm, 9 * mm, 9 * mm]))
    else:
        decisions = [["版本", "提交时间", "审核结果", "审核人", "审核时间", "审核意见"]]
        decisions += [
            [
                f"第{d.number}版",
                L.datetime_zh(d.submitted_at),
                L.DECISION.get(d.decision, d.decision or ""),
                d.reviewer,
                L.datetime_zh(d.decided_at),
                d.comment,
            ]
            for d in plan.decisions
        ]
        out.append(
            _grid(
                decisions,
                [14 * mm, 30 * mm, 20 * mm, 18 * mm, 30 * mm, FRAME_W - 112 * mm],
                shade_cols=(),
                header=True,
            )
        )
    sign = Table(
        [[para("主教教师签名："), para("教务处签章："), para("日期：")]],
        colWidths=[FRAME_W / 3] * 3,
        rowHeights=[14 * mm],
    )
    sign.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ruled=False))
    return [*out, Spacer(1, 4 * mm), sign]


def render_visit_form(
    target: Path | io.BytesIO,
    header: FormHeader | None = None,
    visit: VisitSheet | None = None,
    password: str | None = None,
) -> int:
    info = DocInfo(
        VISIT_TITLE + ("（空白）" if visit is None else f" · {header.code if header else ''}"),
        header.school_name if header else "",
        password=password,
    )
    return build(target, info, visit_form_story(header, visit))


def render_plan_form(
    target: Path | io.BytesIO,
    header: FormHeader | None = None,
    plan: PlanSheet | None = None,
    password: str | None = None,
) -> int:
    info = DocInfo(
        PLAN_TITLE + ("（空白）" if plan is None else f" · {header.code if header else ''}"),
        header.school_name if header else "",
        password=password,
    )
    return build(target, info, plan_form_story(header, plan))
