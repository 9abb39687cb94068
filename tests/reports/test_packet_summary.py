"""The teacher's term summary written through the IEP service is printed in the archive packet."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.reports.pdf.packet import render_packet
from app.services import archive, ieps


def _packet_text(term_school, student_id: str) -> str:
    data = archive.gather_packet(term_school.as_(term_school.t1), student_id, term_school.term.id)
    buffer = io.BytesIO()
    render_packet(data, buffer)
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    # Line breaks fall wherever the box wraps: compare without whitespace.
    return "".join("".join(page.extract_text().split()) for page in reader.pages)


def test_packet_prints_the_summary_the_teacher_saved(term_school):
    ctx = term_school.as_(term_school.t1)
    student_id = term_school.packet_students[0]
    iep = ieps.find_iep(ctx, student_id, term_school.term.id)
    assert iep is not None
    summary = "学生能独立用勺进食，语言表达仍需加强。"
    assert summary not in _packet_text(term_school, student_id)
    ieps.update_iep(ctx, iep.id, {"teacher_summary": summary})
    assert summary in _packet_text(term_school, student_id)


def test_packet_leaves_the_box_for_the_teacher_when_no_summary(term_school):
    ctx = term_school.as_(term_school.t1)
    student_id = term_school.packet_students[0]
    iep = ieps.find_iep(ctx, student_id, term_school.term.id)
    assert iep is not None
    populated = iep.values["teacher_summary"]
    assert populated and populated in _packet_text(term_school, student_id)
    ieps.update_iep(ctx, iep.id, {"teacher_summary": ""})
    text = _packet_text(term_school, student_id)
    assert "（教师填写）" in text and populated not in text
