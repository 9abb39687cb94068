"""Names beyond the BMP (CJK Extension B and later: 𠮷, 𬣙) print: the fallback font draws what Zen Hei lacks.

Read back with pypdf (the characters are in the text, the fallback font is embedded where they are) and drawn
with pdftoppm (the glyph is ink, not an empty box: the name's cell is darker than the same cell without it).
"""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from sqlalchemy import update

from app.db.models import Student
from app.reports.pdf.fonts import (
    EXT_B_NAME_CHARS,
    FALLBACK_NAME,
    FONT_NAME,
    markup,
    missing_glyphs,
    needs_fallback,
    runs,
)
from app.reports.pdf.grid import Grid
from app.reports.pdf.packet import render_packet
from app.reports.pdf.styles import fit, para
from app.services import archive
from tests.reports.conftest import SUBSET, fonts_of

NAME = "王\U00020bb7\U0002c8d9"  # 王𠮷𬣙: one BMP character, two of Extensions B and E


def test_runs_split_by_the_font_that_has_the_glyph():
    assert list(runs(f"学生{NAME}（男）")) == [
        (FONT_NAME, "学生王"),
        (FALLBACK_NAME, "\U00020bb7\U0002c8d9"),
        (FONT_NAME, "（男）"),
    ]
    assert list(runs("王小明")) == [(FONT_NAME, "王小明")]
    assert markup("a<b \U00020bb7&") == f'a&lt;b <font name="{FALLBACK_NAME}">\U00020bb7</font>&amp;'
    assert needs_fallback(NAME) and not needs_fallback("䶮堃喆 送教")


def test_no_shipped_font_is_missing_a_name_character_of_the_list_but_others_are_named():
    assert missing_glyphs(EXT_B_NAME_CHARS + NAME + "鿍鿎鿏") == []
    assert missing_glyphs("王\U00030000") == ["\U00030000"]  # Extension G: no shipped font has it


def test_a_cell_with_a_rare_character_becomes_a_paragraph_and_plain_cells_stay_text():
    assert fit("王小明", 100) == "王小明"
    cell = fit(NAME, 100)
    assert not isinstance(cell, str) and FALLBACK_NAME in cell.text  # type: ignore[attr-defined]
    assert FALLBACK_NAME in para(NAME).text


@pytest.fixture
def packet_pdf(term_school):
    student_id = term_school.packet_students[0]
    with term_school.ctx.store.session_factory() as session:
        session.execute(update(Student).where(Student.id == student_id).values(name=NAME))
        session.commit()
    data = archive.gather_packet(term_school.as_(term_school.t1), student_id, term_school.term.id)
    buffer = io.BytesIO()
    render_packet(data, buffer)
    return buffer.getvalue()


def test_the_packet_prints_the_name_with_the_fallback_font(packet_pdf):
    reader = PdfReader(io.BytesIO(packet_pdf))
    texts = ["".join((page.extract_text() or "").split()) for page in reader.pages]
    assert NAME in texts[0]  # the cover
    assert sum(NAME in text for text in texts) >= 2  # the cover and the basic data
    names = [name for name, _ in fonts_of(reader)]
    assert any(FALLBACK_NAME in n or "SongjiaoHanFallback" in n for n in names), names
    for name, embedded in fonts_of(reader):
        assert embedded and SUBSET.match(name), name  # both fonts embedded, as subsets
    cover = reader.pages[0]["/Resources"]["/Font"]
    assert any("SongjiaoHanFallback" in str(f.get_object()["/BaseFont"]) for f in cover.values())


def _ink(png: bytes) -> int:
    """Dark pixels of a greyscale PGM image (pdftoppm -gray)."""
    header_end = 0
    fields = 0
    while fields < 4:  # P5, width, height, maxval
        while png[header_end : header_end + 1].isspace():
            header_end += 1
        while not png[header_end : header_end + 1].isspace():
            header_end += 1
        fields += 1
    pixels = png[header_end + 1 :]
    return sum(1 for value in pixels if value < 128)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_the_rare_characters_are_drawn_not_left_blank(tmp_path):
    """A grid cell with 𠮷𬣙 has as much ink as one with two common characters, far more than an empty one."""
    from reportlab.lib.pagesizes import A6
    from reportlab.platypus import SimpleDocTemplate

    def ink_of(text: str) -> int:
        path = tmp_path / "cell.pdf"
        SimpleDocTemplate(str(path), pagesize=A6).build([Grid([[text]], [120], size=28, leading=34)])
        done = subprocess.run(
            ["pdftoppm", "-gray", "-r", "72", "-singlefile", str(path)], capture_output=True, check=True
        )
        return _ink(done.stdout)

    empty, common, rare = ink_of(""), ink_of("王明"), ink_of("\U00020bb7\U0002c8d9")
    assert rare - empty > (common - empty) / 2, (empty, common, rare)
