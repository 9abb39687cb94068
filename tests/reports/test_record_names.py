"""The guardian's access copy and the deletion certificate speak Chinese: every table and field the privacy
export holds has a Chinese name (or is one of the program's own ids, left to the JSON), and the PDF of a whole
demo child's record carries no English word that is not the child's own data."""

from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader

from app.db.base import Base
from app.reports import record_names as N
from app.reports.pdf.privacy import render_access_copy, render_certificate
from app.reports.privacy import write_access_copy
from app.services import demo, privacy, students
from tests.conftest import TODAY
from tests.reports.test_local_time import china  # noqa: F401 (fixture: China's time zone)

WORD = re.compile(r"[A-Za-z]{2,}")
# What the PDFs may print in Latin letters: the names schools use for these, file kinds, the hash's name.
ALLOWED = {"IEP", "PNG", "JPEG", "PDF", "JSON", "SHA"}


def _strings(value: object) -> set[str]:
    if isinstance(value, dict):
        return {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return set(WORD.findall(value)) if isinstance(value, str) else set()


def test_every_exported_table_and_field_has_a_chinese_name() -> None:
    """A column added to a child's tables without a name here fails (it would print as its English name)."""
    missing = []
    for kind in privacy.KIND_TABLES.values():
        for table in kind:
            if table not in N.TABLES:
                missing.append(table)
            for column in Base.metadata.tables[table].columns:
                if N.shown(column.name) and column.name not in N.FIELDS:
                    missing.append(f"{table}.{column.name}")
    assert missing == []


def test_values_print_as_the_forms_print_them(china) -> None:  # noqa: F811
    assert N.value_text("student", "gender", "M") == "男"
    assert N.value_text("student", "status", "active") == "在籍送教"
    assert N.value_text("contact", "purpose", "notice") == "送教通知"
    assert N.value_text("consent", "purpose", "photos") == "拍摄和保存照片"
    assert N.value_text("student", "orphan", False) == "否"
    assert N.value_text("student", "birth_date", "2019-02-14") == "2019年2月14日"
    # A stamp the program made (UTC) in China's time; a contact's time as it was typed.
    assert N.value_text("student", "created_at", "2025-08-17T09:00:00") == "2025年8月17日 17:00"
    assert N.value_text("contact", "at", "2026-09-15T19:30:00") == "2026年9月15日 19:30"
    assert N.value_text("attachment", "mime", "image/png") == "PNG 文件"
    assert N.value_text("iep", "subjects", ["生活语文", "生活数学"]) == "生活语文、生活数学"
    lessons = [{"subject": "劳动技能", "content": "整理玩具", "objective_ids": ["x"]}]
    assert N.value_text("planned_visit", "content", lessons) == "科目：劳动技能；内容：整理玩具"
    assert not N.shown("teacher_id") and not N.shown("revision") and N.shown("name")


def test_a_demo_childs_access_copy_has_no_english(ctx, tmp_path) -> None:
    ctx.today_override = TODAY
    demo.generate(ctx, students=2, terms=1, today=TODAY)
    kid = students.list_students(ctx)[0].id
    made = write_access_copy(ctx, kid, tmp_path)
    record = json.loads(made.json.read_text(encoding="utf-8"))
    assert {"student", "visit", "iep", "monthly_plan", "lesson_plan"} <= set(record["tables"])
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(made.pdf.read_bytes())).pages)
    data = _strings(record["tables"])  # the child's own data (an assessment tool's name, say) may be Latin
    english = sorted({w for w in WORD.findall(text) if w not in ALLOWED and w not in data})
    assert english == []
    assert "出生日期" in text and "送教记录" in text and "birth_date" not in text


def test_the_deletion_certificate_names_tables_in_chinese(china) -> None:  # noqa: F811
    import datetime as dt

    certificate = privacy.Certificate(
        "c" * 36,
        "s" * 36,
        ("records", "student"),
        {"visit": 3, "student": 1},
        dt.datetime(2026, 12, 1, 1, 30),
        "office",
        "测试学校",
    )
    buffer = io.BytesIO()
    render_certificate(certificate, buffer)
    text = "".join(p.extract_text() for p in PdfReader(buffer).pages)
    assert "送教记录" in text and "学生基本信息" in text and "visit" not in text
    assert text.index("学生基本信息") < text.index("送教记录")  # the child first, as the archive is filed
    # Deleted at 01:30 UTC: 09:30 in China, not labelled UTC.
    assert "2026年12月1日 09:30" in text and "UTC" not in text


def test_render_access_copy_keeps_every_shown_value(china, tmp_path) -> None:  # noqa: F811
    record = {
        "school": "测试学校",
        "student_id": "k" * 36,
        "made_at": "2026-12-01T01:00:00",
        "tables": {"student": [{"id": "k" * 36, "name": "测试儿童", "gender": "F", "revision": 3}]},
        "photos": {},
    }
    buffer = io.BytesIO()
    render_access_copy(record, buffer)
    text = "".join(p.extract_text() for p in PdfReader(buffer).pages)
    assert "测试儿童" in text and "女" in text and "2026年12月1日 09:00" in text
