"""The archive packet (送教上门档案): one student's term, in the order DOMAIN.md gives."""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from app.reports import labels as L
from app.reports.files import packet_file_name
from app.reports.pdf.charts import objective_chart, week_strip
from app.reports.pdf.doc import Anchor, Contents, DocInfo, Heading, build, image_flowable, signature_flowable
from app.reports.pdf.styles import FRAME_W, data_table, field_table, full_row_table, grid_style, para, styles
from app.services.archive import PacketData, PlanSheet, VisitSheet

SECTIONS = (
    ("basic", "学生基本情况"),
    ("guardians", "监护人与家庭送教意愿"),
    ("assessment", "教育评估"),
    ("iep", "个别化教育计划及目标进展"),
    ("plans", "月送教计划及审批"),
    ("lessons", "教案"),
    ("visits", "送教上门记录"),
    ("contacts", "家校联系记录"),
    ("review", "期末评估与进展"),
    ("summary", "教师学期工作总结"),
)
TITLE = "送教上门档案"
__all__ = ["SECTIONS", "TITLE", "packet_file_name", "plan_flowables", "render_packet", "visit_flowables"]


def render_packet(data: PacketData, target: Path | io.BytesIO, password: str | None = None) -> int:
    """Write the packet; returns its page count."""
    info = DocInfo(
        f"{TITLE} · {data.code} · {data.term.name}",
        data.school_name,
        subject=f"{TITLE} {data.term.name}",
        password=password,
    )
    story: list[Flowable] = [
        *_cover(data),
        PageBreak(),
        Heading("contents", "目  录"),
        Spacer(1, 4 * mm),
        Contents(len(SECTIONS)),
    ]
    builders = (
        _basic,
        _guardians,
        _assessment,
        _iep,
        _plans,
        _lessons,
        _visits,
        _contacts,
        _review,
        _summary,
    )
    for (key, title), make in zip(SECTIONS, builders, strict=True):
        story += [PageBreak(), Heading(key, title), *make(data)]
    return build(target, info, story)


def _cover(data: PacketData) -> list[Flowable]:
    s = data.student
    main = "、".join(name for name, role in data.teachers if role == "main")
    assistant = "、".join(name for name, role in data.teachers if role != "main")
    rows = [
        ("学生编号", s["code"]),
        ("学生姓名", s["name"]),
        ("年级班级", s["grade_class"]),
        ("学    期", data.term.name),
        ("起止日期", f"{data.term.start:%Y.%m.%d}—{data.term.end:%Y.%m.%d}"),
        ("主教教师", main),
        ("副教教师", assistant),
        ("打印日期", L.date_zh(data.printed_on)),
    ]
    table = Table(
        [[para(k, "subtitle"), para(v, "subtitle")] for k, v in rows],
        colWidths=[38 * mm, 100 * mm],
        rowHeights=[13 * mm] * len(rows),
    )
    table.setStyle(grid_style(("LINEBELOW", (1, 0), (1, -1), 0.6, "#333333"), ruled=False))
    return [
        Anchor("cover", "封面"),
        Spacer(1, 34 * mm),
        Paragraph(data.school_name, styles()["subtitle"]),
        Spacer(1, 8 * mm),
        Paragraph(TITLE, styles()["title"]),
        Spacer(1, 30 * mm),
        table,
        Spacer(1, 30 * mm),
        para("本档案含学生个人敏感信息，仅限学校存档及教育管理部门查阅。", "center"),
    ]


def _basic(data: PacketData) -> list[Flowable]:
    s = data.student
    pairs: list[tuple[str, object]] = [
        ("姓名", s["name"]),
        ("性别", L.GENDER.get(s["gender"], "")),
        ("出生日期", L.date_zh(s["birth_date"])),
        ("民族", s["ethnicity"]),
        ("证件类型", L.ID_TYPE.get(s["id_type"], s["id_type"])),
        ("证件号码", s["id_number"]),
        ("学籍号", s["roll_number"]),
        ("联系电话", s["phone"]),
        ("入学年月", L.date_zh(s["enrolled_on"])),
        ("年级班级", s["grade_class"]),
        ("安置方式", L.PLACEMENT.get(s["placement"], s["placement"])),
        ("在籍状态", L.STATUS.get(s["status"], s["status"])),
        ("残疾类别", L.CATEGORY.get(s["disability_category"] or 0, "")),
        ("残疾等级", L.GRADE.get(s["disability_grade"] or 0, "")),
        ("残疾人证号", s["certificate_no"]),
        ("发证日期", L.date_zh(s["certificate_issued"])),
        ("证件有效期至", L.date_zh(s["certificate_valid_until"])),
        ("留守/孤儿", f"留守儿童：{L.yes_no(s['left_behind'])}　孤儿：{L.yes_no(s['orphan'])}"),
    ]
    long_pairs: list[tuple[str, object]] = [
        ("户籍地", s["hukou"]),
        ("现住址", s["address"]),
        (
            "诊断",
            f"{s['diagnosis']}（{s['diagnosis_hospital']} {L.date_zh(s['diagnosis_date'])}）"
            if s["diagnosis_hospital"] or s["diagnosis_date"]
            else s["diagnosis"],
        ),
        ("专家委员会意见", f"{s['committee_opinion']}　{L.date_zh(s['committee_date'])}".strip()),
        ("安全提示", s["safety_notes"]),
        ("送教教师", "；".join(f"{L.TEACHER_ROLE.get(r, r)}：{n}" for n, r in data.teachers)),
    ]
    note = "证件号码已部分隐藏。" if not data.revealed else "本档案显示完整证件号码，请妥善保管。"
    return [
        field_table(pairs),
        Spacer(1, 3 * mm),
        full_row_table(long_pairs, label_w=30 * mm),
        Spacer(1, 2 * mm),
        para(note, "small"),
    ]


def _guardians(data: PacketData) -> list[Flowable]:
    rows = [
        [
            g.name,
            L.RELATION.get(g.relation, g.relation),
            " / ".join(p for p in (g.phone, g.phone2) if p),
            g.address,
            L.yes_no(g.lives_with_child),
            "、".join(x for x, on in (("主要", g.is_primary), ("紧急联系人", g.is_emergency)) if on),
            f"{L.date_zh(g.delegated_start)}—{L.date_zh(g.delegated_end)}" if g.delegated_start else "",
        ]
        for g in data.guardians
    ]
    table = data_table(
        ["姓名", "关系", "电话", "住址", "同住", "角色", "委托照护期"],
        rows or [["（无记录）"] + [""] * 6],
        [20 * mm, 22 * mm, 28 * mm, 40 * mm, 12 * mm, 22 * mm, FRAME_W - 144 * mm],
    )
    consent = L.date_zh(data.student["consent_signed_on"]) or "未登记"
    return [
        table,
        Spacer(1, 6 * mm),
        Paragraph("家庭送教意愿", styles()["h2"]),
        full_row_table(
            [
                (
                    "家庭自愿送教",
                    f"已签署家庭自愿送教上门申请，签署日期：{consent}"
                    if data.student["consent_signed_on"]
                    else "尚未登记签署日期",
                ),
                (
                    "书面告知学校",
                    "；".join(
                        f"{g.name}：{L.date_zh(g.school_notified_on)}"
                        for g in data.guardians
                        if g.school_notified_on
                    )
                    or "—",
                ),
            ],
            label_w=30 * mm,
        ),
        Spacer(1, 6 * mm),
        Paragraph("个人信息处理同意", styles()["h2"]),
        data_table(
            ["用途", "同意人", "同意日期", "撤回日期"],
            [
                [L.CONSENT_PURPOSE.get(p, p), L.RELATION.get(by, by), L.date_zh(on), L.date_zh(off) or "有效"]
                for p, by, on, off in data.consents
            ]
            or [["（无记录）", "", "", ""]],
            [FRAME_W - 102 * mm, 30 * mm, 36 * mm, 36 * mm],
        ),
    ]


def _assessment(data: PacketData) -> list[Flowable]:
    iep = data.iep
    if iep is None:
        return [para("本学期尚无个别化教育计划及评估记录。", "body")]
    head = field_table(
        [
            ("评估工具", iep.assessment_tool),
            ("评估日期", L.date_zh(iep.assessment_date)),
            ("评估人", iep.assessor),
            ("计划状态", L.IEP_STATUS.get(iep.status, iep.status)),
        ]
    )
    rows = [
        [
            sc.domain,
            "" if sc.score is None else f"{sc.score:g}",
            "" if sc.max_score is None else f"{sc.max_score:g}",
            sc.note,
        ]
        for sc in iep.scores
    ]
    scores = data_table(
        ["领域", "得分", "满分", "说明"],
        rows or [["（无）", "", "", ""]],
        [34 * mm, 18 * mm, 18 * mm, FRAME_W - 70 * mm],
    )
    level = full_row_table(
        [("优势", iep.strengths), ("需要", iep.needs), ("家长期望", iep.guardian_expectations)]
    )
    return [head, Spacer(1, 3 * mm), scores, Spacer(1, 3 * mm), Paragraph("现有水平", styles()["h2"]), level]


def _iep(data: PacketData) -> list[Flowable]:
    iep = data.iep
    if iep is None:
        return [para("本学期尚无个别化教育计划。", "body")]
    out: list[Flowable] = [
        full_row_table(
            [
                ("课程科目", "、".join(iep.subjects)),
                ("送教安排", f"每周 {iep.visits_per_week} 次，每次 {iep.lessons_per_visit} 课时"),
                ("相关服务", iep.related_services),
                ("家庭配合与照护者培训", iep.family_cooperation),
                (
                    "签名",
                    f"教师：{L.date_zh(iep.signed_teacher_on) or '未签'}　监护人：{L.date_zh(iep.signed_guardian_on) or '未签'}"
                    f"　学校：{L.date_zh(iep.signed_school_on) or '未签'}",
                ),
            ],
            label_w=34 * mm,
        )
    ]
    widths = [12 * mm, 58 * mm, 34 * mm, 14 * mm, 40 * mm, FRAME_W - 158 * mm]
    for g_no, goal in enumerate(iep.goals, start=1):
        rows = [
            [
                o.number,
                o.text,
                f"{L.date_zh(o.start)}—{L.date_zh(o.end)}" if o.start or o.end else "",
                L.METHOD.get(o.method, o.method),
                "；".join(f"{r.date:%m-%d} {L.result_zh(r.result)}" for r in o.reviews),
                L.result_zh(o.final),
            ]
            for o in goal.objectives
        ]
        out += [
            CondPageBreak(30 * mm),
            Paragraph(f"长期目标 {g_no}（{goal.domain}）：{goal.text}", styles()["h2"]),
            data_table(
                ["序号", "短期目标", "起止日期", "评量", "评估记录", "结果"],
                rows or [["", "（无短期目标）"] + [""] * 4],
                widths,
            ),
        ]
    out.append(para("结果：P 通过　C 继续　D 放弃　S 简化　E 加深　或 0–3 分。", "small"))
    return out


def _decision_block(plan: PlanSheet) -> Table:
    rows = [
        [
            f"第{d.number}版",
            L.datetime_zh(d.submitted_at),
            d.submitted_by,
            L.DECISION.get(d.decision, d.decision),
            d.reviewer,
            L.datetime_zh(d.decided_at),
            d.comment,
        ]
        for d in plan.decisions
    ]
    return data_table(
        ["版本", "提交时间", "提交人", "审核结果", "审核人", "审核时间", "审核意见"],
        rows or [["—", "未提交审核", "", "", "", "", ""]],
        [12 * mm, 26 * mm, 20 * mm, 16 * mm, 23 * mm, 26 * mm, FRAME_W - 123 * mm],
    )


def plan_flowables(plan: PlanSheet) -> list[Flowable]:
    """One monthly plan with its approval block; shared with the monthly plan form."""
    head = field_table(
        [
            ("计划月份", L.month_zh(plan.month)),
            ("状态", L.PLAN_STATUS.get(plan.status, plan.status)),
            ("主教", plan.teacher),
            ("副教", plan.co_teachers),
            ("当前版本", f"第{plan.revision}版"),
            ("已批准版本", f"第{plan.approved_revision}版" if plan.approved_revision else "无"),
        ]
    )
    visits = data_table(
        ["日期", "时段", "课时", "内容"],
        [[L.date_zh(v.date), v.time_slot, v.lessons, v.content] for v in plan.visits]
        or [["（无）", "", "", ""]],
        [28 * mm, 26 * mm, 12 * mm, FRAME_W - 66 * mm],
    )
    body = full_row_table(
        [
            ("对应目标", "\n".join(plan.objectives)),
            ("教具材料", plan.materials),
            ("家庭任务", plan.family_tasks),
            ("安全注意", plan.safety_notes),
        ]
    )
    return [
        head,
        Spacer(1, 2 * mm),
        visits,
        Spacer(1, 2 * mm),
        body,
        Spacer(1, 2 * mm),
        KeepTogether([para("审核记录", "label"), _decision_block(plan), *_signature_lines(plan)]),
    ]


def _signature_lines(plan: PlanSheet) -> list[Flowable]:
    """Each decision's signature: the office key's fingerprint, to compare with the key the office shows."""
    lines = [
        f"第{d.number}版{L.DECISION.get(d.decision, d.decision)}：学校签名密钥指纹 {d.signed_by}"
        + ("（签名有效）" if d.signature_ok else "（签名无效，请运行数据检查）")
        for d in plan.decisions
        if d.decision
    ]
    return [para(line, "small") for line in lines]


def _plans(data: PacketData) -> list[Flowable]:
    if not data.plans:
        return [para("本学期无月送教计划。", "body")]
    out: list[Flowable] = []
    for i, plan in enumerate(data.plans):
        if i:
            out.append(CondPageBreak(120 * mm))
        out += [
            Heading(f"plan-{plan.month}", f"{L.month_zh(plan.month)}送教计划", "h2", level=1),
            *plan_flowables(plan),
            Spacer(1, 4 * mm),
        ]
    return out


def _lessons(data: PacketData) -> list[Flowable]:
    if not data.lesson_plans:
        return [para("本学期无教案。", "body")]
    out: list[Flowable] = []
    for lp in data.lesson_plans:
        out += [
            CondPageBreak(80 * mm),
            Paragraph(f"{L.date_zh(lp.date)}　{lp.title}", styles()["h2"]),
            field_table(
                [
                    ("科目/领域", lp.subject),
                    ("课时", f"第{lp.lesson_no}课时，{lp.minutes}分钟"),
                    ("执教", lp.teacher),
                    ("支持程度", lp.support_level),
                ]
            ),
            full_row_table(
                [
                    ("教学目标", "\n".join(lp.objectives)),
                    ("重点", lp.key_points),
                    ("难点", lp.difficulties),
                    ("教具", lp.aids),
                    *lp.process,
                    ("评价", lp.assessment),
                    ("教学反思", lp.reflection),
                ]
            ),
            Spacer(1, 3 * mm),
        ]
    return out


def visit_flowables(v: VisitSheet) -> list[Flowable]:
    """One visit record; shared with the single visit record form."""
    status = L.VISIT_STATUS.get(v.status, v.status)
    if v.status == "cancelled":
        status += f"（{L.CAUSE.get(v.cancel_cause or '', '')}：{v.cancel_reason}）"
    if v.makeup_of:
        status += f"　补送 {L.date_zh(v.makeup_of)} 的送教"
    if v.without_approved_plan:
        status += "　［无已批准月计划］"
    out: list[Flowable] = [
        field_table(
            [
                ("日期", L.date_zh(v.date)),
                ("时间", L.time_span(v.start, v.end)),
                ("送教教师", v.teachers),
                ("地点", v.place),
                ("在场照护人", v.caregivers),
                ("状态", status),
            ]
        )
    ]
    if v.status == "cancelled":
        return out
    minutes = sum(ls.minutes for ls in v.lessons)
    out += [
        Spacer(1, 1.5 * mm),
        data_table(
            ["科目/领域", "教学内容", "对应目标", "分钟"],
            [[ls.subject, ls.content, "\n".join(ls.objectives), ls.minutes] for ls in v.lessons]
            + [["合计", f"{len(v.lessons)} 课时", "", minutes]],
            [26 * mm, 70 * mm, FRAME_W - 110 * mm, 14 * mm],
        ),
    ]
    if v.progress:
        out += [
            Spacer(1, 1.5 * mm),
            data_table(
                ["目标", "表现", "说明"],
                [[o, L.result_zh(r), n] for o, r, n in v.progress],
                [80 * mm, 18 * mm, FRAME_W - 98 * mm],
            ),
        ]
    out += [
        Spacer(1, 1.5 * mm),
        full_row_table(
            [
                ("健康/情绪", f"{v.health}　{v.mood}".strip()),
                ("表现与进步", v.performance),
                ("家庭指导", v.guidance),
                ("家庭作业", v.homework),
                ("下次送教", L.date_zh(v.next_visit)),
                *((f"更正：{f}", f"{new}（{why}）") for f, new, why in v.amendments),
            ]
        ),
    ]
    if v.photos:
        cells = [image_flowable(p.data, 54 * mm, 40 * mm) for p in v.photos[:3]]
        photos = Table(
            [cells, [para(p.caption, "small") for p in v.photos[:3]]], colWidths=[FRAME_W / 3] * len(cells)
        )
        photos.setStyle(grid_style(("ALIGN", (0, 0), (-1, -1), "CENTER"), ruled=False))
        out += [Spacer(1, 1.5 * mm), para("送教照片", "label"), photos]
    signature = signature_flowable(v, 50 * mm, 16 * mm)
    sign = Table(
        [[para("照护人意见", "label"), para(v.opinion), para("照护人签名", "label"), signature]],
        colWidths=[22 * mm, FRAME_W - 96 * mm, 22 * mm, 52 * mm],
        rowHeights=[20 * mm],
    )
    sign.setStyle(grid_style())
    return [*out, Spacer(1, 1.5 * mm), sign]


def _visits(data: PacketData) -> list[Flowable]:
    if not data.visits:
        return [para("本学期无送教记录。", "body")]
    out: list[Flowable] = []
    for visit in data.visits:
        # A record is one paper sheet: kept whole on a page when it fits (photos and signature included).
        out += [
            KeepTogether(
                [
                    Heading(f"visit-{visit.id}", f"{L.date_zh(visit.date)} 送教记录", "h2", level=1),
                    *visit_flowables(visit),
                ]
            ),
            Spacer(1, 4 * mm),
        ]
    return out


def _contacts(data: PacketData) -> list[Flowable]:
    rows = [
        [
            f"{c.at:%Y-%m-%d %H:%M}",
            c.guardian,
            L.CHANNEL.get(c.channel, c.channel),
            L.PURPOSE.get(c.purpose, c.purpose),
            "是" if c.answered else "未接通",
            c.summary,
            c.feedback,
            f"{c.follow_up_on or ''}",
            c.recorder,
        ]
        for c in data.contacts
    ]
    widths = [21 * mm, 14 * mm, 10 * mm, 17 * mm, 13 * mm, 38 * mm, 24 * mm, 19 * mm]
    widths.append(FRAME_W - sum(widths))
    answered = sum(1 for c in data.contacts if c.answered)
    return [
        para(
            f"本学期联系 {len(data.contacts)} 次，其中接通 {answered} 次（未接通的尝试同样记录在案）。",
            "body",
        ),
        Spacer(1, 2 * mm),
        data_table(
            ["时间", "联系人", "方式", "目的", "接通", "内容摘要", "家长反馈", "跟进日期", "记录人"],
            rows or [["（无记录）"] + [""] * 8],
            widths,
        ),
    ]


def _review(data: PacketData) -> list[Flowable]:
    t = data.compliance.totals
    due = t.teaching_periods - t.paused - t.future
    met = t.met + t.met_by_makeup
    figures = field_table(
        [
            ("教学周", t.teaching_periods),
            ("应送周数", due),
            ("达标周数", f"{met}（其中补送 {t.met_by_makeup}）"),
            ("缺送待补", t.missed_owed),
            ("缺送（有因）", t.missed_excused),
            ("暂停", t.paused),
            ("完成送教", f"{t.visits_done} 次"),
            ("完成课时", f"{t.lessons_delivered} / 应 {t.lessons_required}"),
            ("送教时长", f"{t.minutes_delivered} 分钟"),
            ("待补送", f"{t.owed_makeups} 次"),
        ],
        columns=2,
        label_w=24 * mm,
    )
    out: list[Flowable] = [figures, Spacer(1, 3 * mm), week_strip(data.compliance)]
    if data.iep is not None:
        objectives = [o for g in data.iep.goals for o in g.objectives]
        passed = sum(1 for o in objectives if o.final in ("P", "3"))
        out += [
            objective_chart(data.iep.goals),
            para(f"短期目标 {len(objectives)} 个，通过 {passed} 个。", "body"),
            Spacer(1, 2 * mm),
            full_row_table(
                [("评估日期", L.date_zh(data.iep.review_date)), ("期末评估", data.iep.review_summary)]
            ),
        ]
    return out


def _summary(data: PacketData) -> list[Flowable]:
    text = data.iep.teacher_summary if data.iep and data.iep.teacher_summary else ""
    t = data.compliance.totals
    auto = (
        f"本学期共送教 {t.visits_done} 次，{t.lessons_delivered} 课时；联系家长 {len(data.contacts)} 次；"
        f"月计划 {len(data.plans)} 份，教案 {len(data.lesson_plans)} 篇。"
    )
    box = Table(
        [[para(text or "（教师填写）", "body")]],
        colWidths=[FRAME_W],
        rowHeights=[110 * mm if len(text) < 900 else None],
    )
    box.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "TOP")))
    signs = Table(
        [[para("送教教师签名："), para("教务处审核："), para("日期：")]],
        colWidths=[FRAME_W / 3] * 3,
        rowHeights=[14 * mm],
    )
    signs.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ruled=False))
    return [para(auto, "body"), Spacer(1, 3 * mm), box, Spacer(1, 8 * mm), signs]
