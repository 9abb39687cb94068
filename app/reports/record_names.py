"""Chinese names for the tables and fields of one child's record, and their values as a reader reads them.

The guardian's access copy (PIPL art. 45) and the deletion certificate print what the database holds; a guardian
reads 出生日期 2019年2月14日, not ``birth_date 2019-02-14``. The JSON file beside the access copy keeps the stored
names and every value as stored (internal ids included); the PDF leaves out what only the program reads (ids,
record versions, signatures' bytes), listed in HIDDEN.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.reports import labels as L

TABLES = {
    "student": "学生基本信息",
    "guardian": "监护人",
    "consent": "个人信息处理同意记录",
    "assignment": "送教教师安排",
    "pause": "暂停送教",
    "iep": "个别化教育计划（IEP）",
    "iep_score": "IEP 评估得分",
    "goal": "IEP 长期目标",
    "objective": "IEP 短期目标",
    "objective_review": "短期目标评估",
    "monthly_plan": "月送教计划",
    "planned_visit": "计划送教",
    "plan_revision": "计划提交与审批",
    "visit": "送教记录",
    "visit_lesson": "送教课时",
    "objective_progress": "目标达成情况",
    "visit_amendment": "送教记录更正",
    "lesson_plan": "教案",
    "contact": "家校联系记录",
    "attachment": "照片与附件",
    "blob": "照片与附件文件",
}

# Fields only the program reads: the JSON keeps them, the PDF does not print them.
HIDDEN = frozenset(
    {
        "id",
        "revision",
        "author_id",
        "deleted_at",
        "owner_type",
        "position",  # the order the rows are printed in
        "snapshot",  # the plan as submitted: the plan's own rows are printed
        "content_hash",
        "signature",  # the approval's signature bytes: its key's fingerprint is printed (signed_by)
        "submitted_by",  # a user's internal id
    }
)

FIELDS = {
    # the child
    "code": "学生编号",
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "ethnicity": "民族",
    "id_type": "身份证件类型",
    "id_number": "证件号码",
    "roll_number": "学籍号",
    "hukou": "户籍地",
    "address": "住址",
    "phone": "联系电话",
    "phone2": "备用电话",
    "enrolled_on": "入学日期",
    "grade_class": "年级班级",
    "placement": "安置方式",
    "disability_category": "残疾类别",
    "disability_grade": "残疾等级",
    "certificate_no": "残疾人证号",
    "certificate_issued": "发证日期",
    "certificate_valid_until": "证件有效期至",
    "diagnosis": "诊断情况",
    "diagnosis_hospital": "诊断医院",
    "diagnosis_date": "诊断日期",
    "committee_opinion": "专家委员会意见",
    "committee_date": "评估日期",
    "left_behind": "留守儿童",
    "orphan": "孤儿",
    "safety_notes": "安全注意事项",
    "status": "状态",
    "status_since": "状态变更日期",
    "consent_signed_on": "送教协议签订日期",
    # guardians, consent, teachers, pauses
    "relation": "关系",
    "lives_with_child": "与孩子同住",
    "is_primary": "主要监护人",
    "is_emergency": "紧急联系人",
    "delegated_start": "委托照护开始",
    "delegated_end": "委托照护结束",
    "school_notified_on": "告知学校日期",
    "given_by": "同意人",
    "purpose": "用途",
    "given_on": "同意日期",
    "withdrawn_on": "撤回日期",
    "note": "备注",
    "role": "角色",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "reason": "原因",
    # IEP
    "assessment_tool": "评估工具",
    "assessment_date": "评估日期",
    "assessor": "评估人",
    "strengths": "优势",
    "needs": "需要",
    "guardian_expectations": "家长期望",
    "subjects": "科目",
    "visits_per_week": "每周送教次数",
    "lessons_per_visit": "每次课时数",
    "related_services": "相关服务",
    "family_cooperation": "家庭配合",
    "signed_teacher_on": "教师签字日期",
    "signed_guardian_on": "监护人签字日期",
    "signed_school_on": "学校签字日期",
    "review_date": "评估复核日期",
    "review_summary": "评估总结",
    "extra": "其他",
    "domain": "领域",
    "score": "得分",
    "max_score": "满分",
    "text": "内容",
    "criterion": "达成标准",
    "method": "评估方式",
    "result": "结果",
    "date": "日期",
    # plans, visits, lesson plans
    "month": "月份",
    "plan_revision": "计划版本",
    "approved_revision": "已批准版本",
    "materials": "教具与材料",
    "family_tasks": "家庭任务",
    "first_submitted_at": "首次提交时间",
    "time_slot": "时间段",
    "lessons": "课时数",
    "content": "内容",
    "number": "版本号",
    "submitted_at": "提交时间",
    "submitted_by": "提交人",
    "decision": "审批结果",
    "decided_at": "审批时间",
    "comment": "审批意见",
    "signed_by": "审批签名密钥指纹",
    "start_time": "开始时间",
    "end_time": "结束时间",
    "place": "地点",
    "caregivers_present": "在场照护人",
    "health": "健康状况",
    "mood": "情绪状态",
    "performance": "学习表现",
    "family_guidance": "家庭指导",
    "homework": "家庭作业",
    "caregiver_opinion": "家长意见",
    "next_visit_on": "下次送教日期",
    "cancel_reason": "取消原因",
    "cancel_cause": "取消原因类别",
    "without_approved_plan": "无已批准计划",
    "finished_at": "完成时间",
    "signature_kind": "签名方式",
    "signature_name": "签名人",
    "signature_reason": "未能手写签名的原因",
    "subject": "科目",
    "minutes": "分钟数",
    "field": "更正的项目",
    "old_value": "原内容",
    "new_value": "新内容",
    "title": "课题",
    "lesson_no": "课次",
    "key_points": "教学重点",
    "difficulties": "教学难点",
    "aids": "教具",
    "process": "教学过程",
    "support_level": "辅助程度",
    "assessment": "评价",
    "reflection": "教学反思",
    "is_template": "模板",
    # contacts, attachments
    "at": "时间",
    "channel": "方式",
    "answered": "已接通",
    "summary": "内容摘要",
    "feedback": "家长反馈",
    "follow_up_on": "跟进日期",
    "kind": "类别",
    "mime": "文件类型",
    "caption": "说明",
    "blob_sha256": "文件校验值（SHA-256）",
    "sha256": "文件校验值（SHA-256）",
    "size": "大小（字节）",
    "data": "文件内容",
    # every record
    "created_at": "创建时间",
    "updated_at": "最后修改时间",
}

# Stored codes and the words the forms print for them, by field (and by table where a field means two things).
_CODES: dict[str, dict[Any, str]] = {
    "gender": L.GENDER,
    "id_type": L.ID_TYPE,
    "placement": L.PLACEMENT,
    "disability_category": L.CATEGORY,
    "disability_grade": L.GRADE,
    "relation": L.RELATION,
    "given_by": L.RELATION,
    "channel": L.CHANNEL,
    "method": L.METHOD,
    "cancel_cause": L.CAUSE,
    "role": L.TEACHER_ROLE,
    "decision": {"approved": "批准", "returned": "退回修改"},
    "signature_kind": {"mark": "按手印", "proxy": "代签"},
    "kind": {"photo": "照片", "signature": "签名", "document": "文件"},
}
_TABLE_CODES: dict[tuple[str, str], dict[Any, str]] = {
    ("student", "status"): L.STATUS,
    ("monthly_plan", "status"): L.PLAN_STATUS,
    ("visit", "status"): L.VISIT_STATUS,
    ("iep", "status"): L.IEP_STATUS,
    ("consent", "purpose"): L.CONSENT_PURPOSE,
    ("contact", "purpose"): L.PURPOSE,
}
# Times the program stamps (stored in UTC): printed in local time. A contact's time is as the teacher typed it.
_STAMPS = frozenset(
    {"created_at", "updated_at", "first_submitted_at", "submitted_at", "decided_at", "finished_at"}
)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def table_name(table: str) -> str:
    return TABLES.get(table, table)


def in_order(counts: dict[str, int]) -> list[tuple[str, int]]:
    """``counts`` by table in the order of TABLES (the child, then the records, as the archive is filed), not
    by the tables' English names."""
    order = {table: n for n, table in enumerate(TABLES)}
    return sorted(counts.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def shown(field: str) -> bool:
    """Whether the PDF prints ``field``: not the program's own ids and bookkeeping."""
    return field not in HIDDEN and not field.endswith(("_id", "_ids"))


def field_name(field: str) -> str:
    return FIELDS.get(field, field)


def value_text(table: str, field: str, value: Any) -> str:
    """``value`` of ``table.field`` as the paper forms print it: codes in words, dates the Chinese way."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return L.yes_no(value)
    codes = _TABLE_CODES.get((table, field)) or _CODES.get(field)
    if codes is not None and value in codes:
        return codes[value]
    if field == "mime" and isinstance(value, str):  # image/png -> PNG 文件
        return f"{value.rpartition('/')[2].upper()} 文件"
    if field == "result":
        return L.result_zh(str(value))
    if isinstance(value, str):
        if _DATE.match(value):
            return L.date_zh(dt.date.fromisoformat(value))
        if _DATETIME.match(value):
            moment = dt.datetime.fromisoformat(value)
            if field in _STAMPS:
                return L.datetime_zh(moment)
            return f"{L.date_zh(moment)} {moment:%H:%M}"
        return value
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "\n".join(_nested(table, item) for item in value)
        return "、".join(value_text(table, field, item) for item in value)
    if isinstance(value, dict):
        return _nested(table, value)
    return str(value)


def _nested(table: str, item: Any) -> str:
    """A list's or a mapping's entries, "名称：内容" each (a lesson plan's steps, a planned visit's lessons)."""
    if not isinstance(item, dict):
        return value_text(table, "", item)
    parts = [
        f"{field_name(key)}：{value_text(table, key, value)}"
        for key, value in item.items()
        if shown(key) and value not in (None, "", [], {})
    ]
    return "；".join(parts)
