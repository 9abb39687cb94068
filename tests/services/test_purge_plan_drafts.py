"""A purge of a child's records deletes the unsaved drafts of their monthly plans too. A month's plan draft is
keyed by the child and the month ("plan:<child>:<month>"), not by the plan, so it went only with the whole child:
when just the teaching archive was due, the draft stayed, and opening that month again brought the deleted
plan's text back. Another child's plan draft and a contact not saved yet (new text about a child on the roll) stay."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db.models import Draft
from app.services import drafts, privacy
from app.services.context import reading
from tests.exchange.work import finished_visit
from tests.services.test_privacy import _leave


def test_a_months_plan_draft_goes_with_the_childs_records(school, paths):
    office = school.as_(school.office)
    kid, other = school.students[0], school.students[1]
    finished_visit(school.ctx, school.t1, kid, dt.date(2026, 11, 16))  # a record of the child's to purge
    for key in (f"plan:{kid}:2010-05", f"plan:{other}:2010-05", f"contact:new:{kid}"):
        drafts.save_draft(school.as_(school.t1), key, {"values": {"comment": "草稿"}})
    _leave(school.ctx, kid, "graduated", dt.date(2010, 7, 1))
    privacy.set_retention(office, {"photos": 30, "contacts": 30, "records": 10, "student": 30})
    [certificate] = privacy.purge(office, paths).certificates
    assert list(certificate.kinds) == ["records"]
    with reading(school.ctx) as session:
        left = sorted(session.scalars(select(Draft.key)))
    assert left == sorted([f"plan:{other}:2010-05", f"contact:new:{kid}"])
