"""A confirmation that arrives after the peer's own version must not take the base back.

The stateful test's seed 150887997931470295738003505567248102492 found this: a copy sends a record twice
(the first send is not confirmed yet, so the second carries it again), then imports the peer's newer
version of it. When the peer later confirms the second send, the base (the version the peer is known to
hold) must stay the newer version the peer sent, not go back to what was sent before it. With the old
base, the next change from the peer looked like a both-sides edit: the laptop kept its stale copy, the
office took it back over its own newer edit, and copies could stop converging."""

from __future__ import annotations

from sqlalchemy import select

from app.db.models import ExchangeConflict, Visit
from app.services import visits
from app.services.context import reading


def _performance(site, visit_id: str) -> str:  # type: ignore[no-untyped-def]
    with reading(site.ctx) as session:
        return str(session.get(Visit, visit_id).performance)


def _conflicts(site) -> int:  # type: ignore[no-untyped-def]
    with reading(site.ctx) as session:
        return len(session.scalars(select(ExchangeConflict.id)).all())


def test_a_late_confirmation_does_not_take_the_base_back(net, school):
    office, join = net
    t1 = join("t1")
    visit = visits.create_visit(
        t1.ctx.as_actor(school.t1), school.students[0], {"date": "2026-11-18", "performance": "v1"}
    )
    [first] = t1.send()
    [second] = t1.send()  # not confirmed yet: it carries the visit again
    office.receive(first)
    visits.update_visit(office.ctx.as_actor(school.office), visit.id, {"performance": "甲"})
    [down1] = office.send("t1")
    t1.receive(down1)  # the laptop never edited the visit: it takes the office's version
    assert _performance(t1, visit.id) == "甲"
    office.receive(second)  # the old copy arrives late: stale, the office keeps its own
    visits.update_visit(office.ctx.as_actor(school.office), visit.id, {"performance": "乙"})
    [down2] = office.send("t1")  # confirms `second`, which carried v1
    t1.receive(down2)
    # Only the office edited since the laptop took 甲: the laptop follows, no conflict.
    assert _performance(t1, visit.id) == "乙"
    for up in t1.send():
        office.receive(up)
    for down in office.send("t1"):
        t1.receive(down)
    assert _performance(office, visit.id) == _performance(t1, visit.id) == "乙"
    assert _conflicts(office) == _conflicts(t1) == 0
