"""Names with characters no shipped font has: the coverage, and the warnings the student service returns."""

from __future__ import annotations

from pathlib import Path

from app.reports.pdf import fonts
from app.services import glyphs, messages, students

# 𰻞 (biang, U+30EDE, CJK Extension G): in no shipped font. 𠮷 (Extension B) is in the fallback font.
BIANG = "\U00030ede"
JI = "\U00020bb7"
FALLBACK_CHARS = Path(__file__).resolve().parents[2] / "packaging" / "fallback-chars.txt"


def test_the_chosen_character_is_in_no_shipped_font():
    assert BIANG not in FALLBACK_CHARS.read_text(encoding="utf-8")
    assert glyphs.missing(f"王{BIANG} {JI}{BIANG}") == [BIANG]
    assert fonts.missing_glyphs(BIANG) == [BIANG]  # the PDFs ask the same coverage
    assert glyphs.missing("王小明 \n") == []
    assert glyphs.unprintable({"name": f"王{BIANG}", "code": BIANG}, glyphs.NAME_FIELDS) == {"name": BIANG}


def test_saving_a_name_the_fonts_lack_warns_and_saves(school):
    result = students.update_student(school.ctx, school.students[0], {"name": f"王{BIANG}{BIANG}"})
    assert result.unprintable == {"name": BIANG}
    detail = students.get_student(school.ctx, school.students[0])
    assert detail.values["name"] == f"王{BIANG}{BIANG}"  # warned, never refused
    assert detail.unprintable == {"name": BIANG}
    text = messages.message_text("glyphs.unprintable", "zh_CN", {"chars": BIANG})
    assert text == f"「{BIANG}」无法打印：字库中没有这个字。请告诉学校的信息管理员。"
    # A name the fallback font draws is no warning.
    assert students.update_student(school.ctx, school.students[0], {"name": f"王{JI}"}).unprintable == {}


def test_a_guardian_name_the_fonts_lack_is_named_on_the_student(school):
    students.save_guardian(school.ctx, school.students[1], {"name": f"李{BIANG}", "relation": "parent"})
    detail = students.get_student(school.ctx, school.students[1])
    assert detail.unprintable == {"guardians": BIANG}
    created = students.create_student(school.ctx, {"code": "S900", "name": f"{BIANG}娃"})
    assert created.unprintable == {"name": BIANG}
