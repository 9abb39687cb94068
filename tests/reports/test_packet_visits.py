"""Which visits the archive packet prints and how it flags them: read when printing, never fixed at finishing."""

from __future__ import annotations

import io

from pypdf import PdfReader

from app.reports.pdf.packet import render_packet
from app.services import archive, plans, visits
from app.services.visit_list import list_visits

LESSONS = [
    {"subject": "生活语文", "content": "认读a o e", "minutes": 30},
    {"subject": "康复训练", "content": "手指操", "minutes": 30},
]
FLAG = "无已批准月计划"


def packet_text(ctx, student_id: str, term_id: str) -> tuple[archive.PacketData, str]:
    data = archive.gather_packet(ctx, student_id, term_id)
    buffer = io.BytesIO()
    render_packet(data, buffer)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(buffer.getvalue())).pages)
    return data, text


def test_a_visit_recorded_before_its_plan_was_approved_loses_the_flag_on_approval(school):
    t1, office = school.as_(school.t1), school.as_(school.office)
    student = school.students[0]
    visit = visits.create_visit(t1, student, {"date": "2026-11-02", "lessons": LESSONS})
    assert visits.finish_visit(t1, visit.id).without_approved_plan
    data, text = packet_text(t1, student, school.term.id)
    assert [v.without_approved_plan for v in data.visits] == [True] and FLAG in text

    plan = plans.save_plan(t1, student, "2026-11", {"visits": [{"date": "2026-11-02", "lessons": 2}]})
    plans.submit_plan(t1, plan.id)
    plans.decide_plan(office, plan.id, 1, approve=True)

    data, text = packet_text(t1, student, school.term.id)
    assert [v.without_approved_plan for v in data.visits] == [False] and FLAG not in text
    assert not visits.get_visit(t1, visit.id).without_approved_plan  # the editor reads the same truth
    assert [r.without_approved_plan for r in list_visits(t1, student_id=student)] == [False]
    assert list_visits(t1, student_id=student, flagged=True) == []
    ledger = archive.visit_ledger(office, school.term.id)
    assert [r.without_approved_plan for r in ledger] == [False]

    # An approved plan edited afterwards waits for a new approval; the visit made under the approved one stays planned.
    plans.save_plan(t1, student, "2026-11", {"visits": [{"date": "2026-11-02", "lessons": 3}]})
    assert not visits.get_visit(t1, visit.id).without_approved_plan


def test_a_month_whose_plan_is_only_submitted_keeps_the_flag(school):
    t1 = school.as_(school.t1)
    student = school.students[0]
    plan = plans.save_plan(t1, student, "2026-11", {"visits": [{"date": "2026-11-02", "lessons": 2}]})
    plans.submit_plan(t1, plan.id)
    visit = visits.create_visit(t1, student, {"date": "2026-11-02", "lessons": LESSONS})
    visits.finish_visit(t1, visit.id)
    assert visits.get_visit(t1, visit.id).without_approved_plan
    assert [r.id for r in list_visits(t1, student_id=student, flagged=True)] == [visit.id]


def test_the_packet_prints_held_and_cancelled_visits_not_planned_ones(school):
    t1 = school.as_(school.t1)
    student = school.students[0]
    held = visits.create_visit(t1, student, {"date": "2026-11-16", "lessons": LESSONS})
    visits.finish_visit(t1, held.id)
    cancelled = visits.create_visit(t1, student, {"date": "2026-11-10"})
    visits.cancel_visit(t1, cancelled.id, "孩子发烧", "family")
    future = visits.create_visit(t1, student, {"date": "2026-12-03"})  # planned, after today
    overdue = visits.create_visit(t1, student, {"date": "2026-11-18"})  # planned, never recorded

    data, text = packet_text(t1, student, school.term.id)
    assert [v.id for v in data.visits] == [cancelled.id, held.id]
    assert "2026年12月3日 送教记录" not in text and "2026年11月18日 送教记录" not in text
    assert "2026年11月16日 送教记录" in text and "0 课时" not in text
    # The single paper form of a planned visit still prints (for signing on paper).
    assert archive.gather_visit_form(t1, future.id).visit.id == future.id
    assert archive.gather_visit_form(t1, overdue.id).visit.status == "planned"
