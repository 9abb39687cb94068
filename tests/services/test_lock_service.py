"""Unlocking: only the logged-in user's own password; a wrong one is refused and audited (ids only), and the
audit chain still verifies afterwards."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models import AuditEntry
from app.services import check, lock, throttle
from app.services.errors import AuthError
from app.services.throttle import MAX_DELAY, failure_delay


def test_the_users_own_password_unlocks_and_a_wrong_one_is_audited(school):
    ctx = school.as_(school.t1)
    with pytest.raises(AuthError):
        lock.unlock(ctx, "admin-pass")  # another user's password does not open this user's lock
    assert lock.unlock(ctx, "password1").id == school.t1.id
    with school.ctx.store.session_factory() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == lock.UNLOCK_FAILED)).all()
    assert [(e.user_id, e.entity, e.entity_id, e.fields) for e in entries] == [
        (school.t1.id, "user", school.t1.id, [])
    ]
    assert check.run_checks(school.ctx.store) == []  # the entry joins the audit chain like any other


def test_the_delay_grows_after_the_first_slip_and_stops_at_half_a_minute(monkeypatch):
    monkeypatch.setattr(throttle, "DELAY_UNIT_S", 1.0)  # the real scale (tests/conftest.py makes it 0)
    assert [failure_delay(n) for n in range(0, 8)] == [0.0, 0.0, 1.0, 2.0, 4.0, 8.0, 16.0, MAX_DELAY]
    assert failure_delay(100) == MAX_DELAY
