"""A purge deletes the unsaved editor drafts about what it deletes: a visit's draft (keyed by the visit, not the
child, and holding the caregiver's signature) goes with the visit, also when only the teaching archive is due;
another child's draft stays."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.db.models import Draft, Visit
from app.services import drafts, privacy
from app.services.context import reading
from tests.exchange.work import finished_visit
from tests.services.test_privacy import _leave


def test_the_drafts_of_purged_records_go_with_them_and_others_stay(school, paths):
    office = school.as_(school.office)
    kid, other = school.students[0], school.students[1]
    visit = finished_visit(school.ctx, school.t1, kid, dt.date(2026, 11, 16))
    kept = finished_visit(school.ctx, school.t1, other, dt.date(2026, 11, 17))
    for user, key in (
        (school.t1, f"visit:{visit}"),
        (school.office, f"visit:{visit}"),
        (school.t1, f"visit:{kept}"),
    ):
        drafts.save_draft(school.as_(user), key, {"values": {"performance": "草稿"}, "signature": "iVBOR"})
    drafts.save_draft(school.as_(school.t1), f"contact:new:{kid}", {"values": {"summary": "草稿"}})
    _leave(school.ctx, kid, "graduated", dt.date(2010, 7, 1))
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 30})
    [certificate] = privacy.purge(office, paths).certificates
    assert "records" in certificate.kinds and "student" not in certificate.kinds
    with reading(school.ctx) as session:
        assert session.get(Visit, visit) is None and session.get(Visit, kept) is not None
        left = sorted(session.scalars(select(Draft.key)))
    # The child stays on the roll (only the archive was due): a new contact's draft is the child's, kept.
    assert left == sorted([f"visit:{kept}", f"contact:new:{kid}"])
