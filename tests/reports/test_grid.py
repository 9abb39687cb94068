"""The fast text grid: CJK line breaking and splitting across pages with the header repeated."""

from __future__ import annotations

import io

from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.reports.pdf.doc import DocInfo, Heading, build
from app.reports.pdf.fonts import register_fonts
from app.reports.pdf.grid import NO_LINE_START, Grid, break_lines


def test_lines_fit_keep_latin_runs_and_never_start_with_closing_punctuation():
    font = register_fonts()
    text = "学生在教师指导下完成了生活自理训练，情绪稳定。ABC12345 家长积极配合，每天练习10分钟。" * 3
    lines = break_lines(text, font, 9, 120)
    assert len(lines) > 3
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    for line in lines:
        assert line[:1] not in NO_LINE_START
        # a line may overhang only by the punctuation mark pulled up to it
        assert stringWidth(line.rstrip("".join(NO_LINE_START)), font, 9) <= 120
    assert any("ABC12345" in line for line in lines)
    assert break_lines("第一行\n第二行", font, 9, 200) == ["第一行", "第二行"]


def test_long_grid_splits_with_its_header_on_every_page():
    rows = [["序号", "内容"]] + [[str(i), f"第{i}行 送教内容"] for i in range(120)]
    buffer = io.BytesIO()
    pages = build(buffer, DocInfo("t", "学校"), [Heading("g", "表格"), Grid(rows, [60, 300], header_rows=1)])
    reader = PdfReader(buffer)
    assert pages == len(reader.pages) >= 2
    texts = [page.extract_text() for page in reader.pages]
    assert all("序号" in text for text in texts)
    assert all(f"第{i}行" in "".join(texts) for i in range(120))
