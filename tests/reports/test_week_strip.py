"""The packet's week strip reads on a black-and-white printer: each week's status is a character, not a colour only."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.reports.labels import WEEK_MARKS, WEEK_STATUS
from app.reports.pdf.packet import render_packet
from app.services import archive


def test_each_week_carries_its_status_mark_and_a_readable_number(term_school):
    student_id = term_school.packet_students[0]
    data = archive.gather_packet(term_school.as_(term_school.t1), student_id, term_school.term.id)
    buffer = io.BytesIO()
    render_packet(data, buffer)
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    review = next(page.extract_text() for page in pages if "各教学周送教情况" in page.extract_text())
    statuses = [str(p.status) for p in data.compliance.periods]
    strip = review.split("各教学周送教情况", 1)[1]
    marked = {s for s in statuses if WEEK_MARKS[s]}
    assert marked
    for status in marked:  # a mark in every square of that status (the legend alone holds one or two)
        assert strip.count(WEEK_MARKS[status]) >= statuses.count(status) + 1
    for status in set(statuses):  # the legend pairs each mark with its words
        assert WEEK_STATUS[status] in strip
