"""Stored times are UTC; everything printed or shown is local: a decision at 07:30 in China carries that day's date."""

from __future__ import annotations

import datetime as dt
import io
import time

import pytest
from pypdf import PdfReader
from sqlalchemy import select, update

from app.db.models import MonthlyPlan, PlanRevision
from app.domain.clock import local_time
from app.reports.pdf import forms
from app.services import archive

# 2026-12-01 07:30 in Beijing is 2026-11-30 23:30 UTC: printed as stored it would say 30 November.
DECIDED_UTC = dt.datetime(2026, 11, 30, 23, 30)


@pytest.fixture
def china(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_local_time_converts_stored_utc_to_this_computers_zone(china):
    assert local_time(DECIDED_UTC) == dt.datetime(2026, 12, 1, 7, 30)
    assert local_time(DECIDED_UTC.replace(tzinfo=dt.UTC)) == dt.datetime(2026, 12, 1, 7, 30)


def test_local_time_in_utc_is_the_stored_time(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        assert local_time(DECIDED_UTC) == DECIDED_UTC
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_decision_at_half_past_seven_prints_with_the_local_date_and_time(term_school, china):
    store = term_school.ctx.store
    with store.session_factory() as session, session.begin():
        plan_id = session.scalars(
            select(MonthlyPlan.id).where(
                MonthlyPlan.student_id == term_school.packet_students[0], MonthlyPlan.month == "2026-10"
            )
        ).first()
        session.execute(
            update(PlanRevision)
            .where(PlanRevision.plan_id == plan_id, PlanRevision.decision == "approved")
            .values(decided_at=DECIDED_UTC)
        )
    filled = archive.gather_plan_form(term_school.as_(term_school.office), plan_id)
    buffer = io.BytesIO()
    forms.render_plan_form(buffer, filled.header, filled.plan)
    pages = PdfReader(io.BytesIO(buffer.getvalue())).pages
    text = "".join("".join(page.extract_text() for page in pages).split())  # the cell wraps date and time
    assert "2026年12月1日07:30" in text
    assert "2026年11月30日23:30" not in text
