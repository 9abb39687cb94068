"""Chinese labels for stored codes, as the paper forms print them."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import local_time

GENDER = {"M": "男", "F": "女"}
PLACEMENT = {
    "home": "送教上门（家庭）",
    "welfare": "送教上门（福利院）",
    "rehab": "送教上门（康复机构）",
    "remote": "送教上门（远程）",
}
CATEGORY = {
    1: "视力残疾",
    2: "听力残疾",
    3: "言语残疾",
    4: "肢体残疾",
    5: "智力残疾",
    6: "精神残疾",
    7: "多重残疾",
}
GRADE = {1: "一级（极重度）", 2: "二级（重度）", 3: "三级（中度）", 4: "四级（轻度）"}
ID_TYPE = {
    "resident_id": "居民身份证",
    "passport": "护照",
    "hk_macau": "港澳居民来往内地通行证",
    "other": "其他",
}
STATUS = {
    "active": "在籍送教",
    "paused": "暂停",
    "returned": "返校就读",
    "transferred": "转出",
    "graduated": "毕业",
}
RELATION = {
    "parent": "父母",
    "grandparent": "祖父母/外祖父母",
    "sibling": "兄姐",
    "temporary": "临时监护人",
    "delegated": "委托照护人",
    "other": "其他",
}
CHANNEL = {"phone": "电话", "wechat": "微信", "meeting": "面谈", "home": "入户", "letter": "书信"}
PURPOSE = {"notice": "送教通知", "follow_up": "回访", "training": "家长培训", "other": "其他"}
METHOD = {"O": "观察", "W": "作品", "T": "测验", "V": "口头", "P": "操作"}
RESULT = {"P": "通过", "C": "继续", "D": "放弃", "S": "简化", "E": "加深"}
PLAN_STATUS = {
    "draft": "草稿",
    "submitted": "已提交待审",
    "approved": "已批准",
    "returned": "已退回",
    "resubmitted": "已重新提交",
}
CONSENT_PURPOSE = {
    "home_teaching": "送教上门服务及档案",
    "photos": "拍摄和保存照片",
    "health": "健康与诊断信息",
    "exchange": "教师笔记本同步",
    "sharing": "向康复机构等提供信息",
}
RECORD_KIND = {
    "photos": "照片与附件",
    "contacts": "家校联系记录",
    "records": "送教档案（送教、计划、IEP）",
    "student": "学生基本信息及其余全部记录",
}
DECISION = {"approved": "批准", "returned": "退回修改", None: "待审核"}
VISIT_STATUS = {"planned": "计划", "done": "已完成", "cancelled": "已取消"}
CAUSE = {"family": "家庭/学生原因", "school": "学校/教师原因"}
IEP_STATUS = {"draft": "草稿", "active": "执行中", "reviewed": "已评估", "archived": "已归档"}
TEACHER_ROLE = {"main": "主教", "assistant": "副教"}
WEEK_STATUS = {
    "met": "达标",
    "met_by_makeup": "补送达标",
    "missed_owed": "缺送待补",
    "missed_excused": "缺送（有因）",
    "paused": "暂停",
    "not_teaching": "非教学周",
    "future": "未到",
}
WEEK_COLOURS = {
    "met": "#4CAF50",
    "met_by_makeup": "#8BC34A",
    "missed_owed": "#E53935",
    "missed_excused": "#FFB300",
    "paused": "#90A4AE",
    "not_teaching": "#E0E0E0",
    "future": "#FFFFFF",
}
# One character per week status, printed in the week strip's squares: schools print on black-and-white lasers,
# where the colours alone all come out grey.
WEEK_MARKS = {
    "met": "达",
    "met_by_makeup": "补",
    "missed_owed": "缺",
    "missed_excused": "因",
    "paused": "停",
    "not_teaching": "休",
    "future": "",
}
PROCESS_STEPS = (
    ("intro", "导入"),
    ("teach", "新授/训练"),
    ("practice", "练习"),
    ("summary", "小结"),
    ("home", "家庭延伸训练"),
)


def signed_without_pad_zh(kind: str, name: str, reason: str) -> str:
    """How the record reads when the caregiver could not sign on the pad: 按手印 (a thumbprint on the paper
    record) or 代签 (a name typed for them), who, and why."""
    what = f"按手印：{name}" if kind == "mark" else f"代签：{name}"
    return f"{what}\n原因：{reason}"


def yes_no(value: bool) -> str:
    return "是" if value else "否"


def date_zh(value: dt.date | dt.datetime | None) -> str:
    """2026年11月29日, the way Chinese forms write a date."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


def datetime_zh(value: dt.datetime | None) -> str:
    """A stored (UTC) timestamp as the local date and time it happened, e.g. 2026年12月1日 07:30."""
    if value is None:
        return ""
    value = local_time(value)
    return f"{date_zh(value)} {value:%H:%M}"


def time_span(start: dt.time | None, end: dt.time | None) -> str:
    return "–".join(f"{t:%H:%M}" for t in (start, end) if t is not None)


def month_zh(month: str) -> str:
    """'2026-10' -> '2026年10月'."""
    year, _, mon = month.partition("-")
    return f"{year}年{int(mon)}月" if mon else month


def result_zh(code: str | None) -> str:
    if not code:
        return ""
    return RESULT.get(code, f"{code}分" if code.isdigit() else code)
