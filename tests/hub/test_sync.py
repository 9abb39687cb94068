"""A laptop syncing with the real hub over TLS on loopback: the same bundles as the files, end to end."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services import exchange, students
from app.services.context import reading
from app.services.exchange import client
from tests.conftest import db_digest
from tests.exchange import work


def test_join_file_carries_the_hub_and_its_pinned_certificate(lan):
    office, join, hub = lan
    t1 = join("t1")
    known = client.link(t1.ctx)
    assert known is not None and known.url == hub.url
    assert known.fingerprint == hub.cert.fingerprint and known.cert == hub.cert.cert.read_text()


def test_laptop_sync_end_to_end(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    students.update_student(as_t1, school.students[0], {"safety_notes": "seizures: call 120"})
    plan_id = work.submit_plan(t1.ctx, school.t1, school.students[0])
    done = client.sync(t1.ctx)
    assert done.url == hub.url and done.office_applied >= 3
    assert students.get_student(school.ctx, school.students[0]).values["safety_notes"] == "seizures: call 120"
    # the office decides; the next sync brings the decision back and confirms everything
    work.approve(school.ctx, school.office, plan_id)
    again = client.sync(t1.ctx)
    assert again.received.applied >= 1
    from app.services import plans

    assert plans.get_plan(as_t1, plan_id).status == "approved"
    assert exchange.status(t1.ctx).peers[0].not_yet_received == 0
    # nothing new: a sync still works and changes no record on either side
    quiet = client.sync(t1.ctx)
    assert quiet.sent.changes == 0 and quiet.received.applied == 0


def _visit_rows(ctx, visit_id: str) -> int:
    from sqlalchemy import func, select

    from app.db.models import AuditEntry, Visit

    with reading(ctx) as session:
        assert session.scalar(select(func.count()).select_from(Visit).where(Visit.id == visit_id)) == 1
        return session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.entity_id == visit_id)
        )


def test_change_by_file_first_then_network_is_applied_once(lan, school):
    """The stick arrives first; the network bundle resends the (unacknowledged) visit: already there."""
    office, join, hub = lan
    t1 = join("t1")
    visit_id = work.finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
    [stick] = t1.send()
    first = office.receive(stick)
    assert first.by_table.get("visit") == 1
    audited = _visit_rows(school.ctx, visit_id)
    done = client.sync(t1.ctx)
    assert done.sent.changes >= 1  # it did travel again (the laptop had no acknowledgement yet)
    assert done.office_applied == 0  # ...and was applied once: the second copy was a no-op
    assert _visit_rows(school.ctx, visit_id) == audited
    assert exchange.status(t1.ctx).peers[0].not_yet_received == 0


def test_change_by_network_first_then_file_is_applied_once(lan, school):
    """The network bundle goes first; the older stick arriving later is refused and changes nothing."""
    office, join, hub = lan
    t1 = join("t1")
    visit_id = work.finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
    [stick] = t1.send()
    done = client.sync(t1.ctx)
    assert done.office_applied >= 1
    audited = _visit_rows(school.ctx, visit_id)
    before = db_digest(school.ctx.store.paths.db_path)
    with pytest.raises(exchange.ExchangeRefused) as refused:
        office.receive(stick)
    assert refused.value.message_id == "exchange.older"
    assert db_digest(school.ctx.store.paths.db_path) == before
    assert _visit_rows(school.ctx, visit_id) == audited


def test_office_change_by_network_and_by_file_reaches_the_laptop_once(lan, school):
    """The office's reply comes by network; its file for the same laptop, written before, comes after."""
    office, join, hub = lan
    t1 = join("t1")
    students.update_student(school.ctx, school.students[0], {"safety_notes": "allergic to peanuts"})
    [stick] = office.send("t1")
    done = client.sync(t1.ctx)
    assert done.received.by_table.get("student") == 1
    with pytest.raises(exchange.ExchangeRefused) as refused:
        t1.receive(stick)
    assert refused.value.message_id == "exchange.older"
    as_t1 = t1.ctx.as_actor(school.t1)
    assert students.get_student(as_t1, school.students[0]).values["safety_notes"] == "allergic to peanuts"
