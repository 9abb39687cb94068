"""A copy that went back in time (restored from a backup, or an old file copied over) must never rewind
its peers: no approval undone, no newer value replaced by an older one; its bundles are refused with a
message saying to re-join, and the refusal changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.db.models import MonthlyPlan, PlanRevision, Student
from app.services import backup, check, exchange
from app.services.context import ServiceContext, reading
from tests.conftest import TEST_KEY, TODAY, copy_db, db_digest, open_test_store, sqlite_only
from tests.exchange.conftest import Site, join_laptop
from tests.exchange.work import approve, note, submit_plan


def _refused(site: Site, path: Path, message_id: str) -> exchange.ExchangeRefused:
    before = db_digest(site.db_path)
    with pytest.raises(exchange.ExchangeRefused) as error:
        site.receive(path)
    assert error.value.message_id == message_id, error.value.message
    assert "Nothing was changed" in error.value.message
    assert db_digest(site.db_path) == before
    return error.value


def _reopen(site: Site, stores: list) -> Site:
    store = open_test_store(site.ctx.store.paths)
    stores.append(store)
    return Site(site.name, ServiceContext(store, today_override=TODAY), site.folder)


def _put_back(site: Site, old: Path) -> None:
    """An old copy of the file put back by hand (no restore command: nothing local knows of it)."""
    paths = site.ctx.store.paths
    site.ctx.store.dispose()
    for suffix in ("-wal", "-shm"):
        Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
    copy_db(old, paths.db_path)


def _state(site: Site, plan_id: str, student_id: str) -> tuple[str, int | None, list[str | None], str]:
    with reading(site.ctx) as session:
        plan = session.get(MonthlyPlan, plan_id)
        decisions = list(
            session.scalars(
                select(PlanRevision.decision)
                .where(PlanRevision.plan_id == plan_id)
                .order_by(PlanRevision.number)
            )
        )
        return plan.status, plan.approved_revision, decisions, session.get(Student, student_id).safety_notes


@pytest.fixture
def story(net, school, tmp_path):
    """The issue's sequence up to the restore: the laptop submits and writes "A", sends; a backup is made;
    the office approves and replies; the laptop writes "B" and sends; the office imports it."""
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    plan_id = submit_plan(t1.ctx, school.t1, s1)
    note(t1.ctx, school.t1, s1, "A")
    [up1] = t1.send()
    office.receive(up1)
    saved = backup.make_backup(t1.ctx.store.paths, "manual", key=TEST_KEY)
    approve(office.ctx, school.office, plan_id)
    [down1] = office.send("t1")
    t1.receive(down1)
    note(t1.ctx, school.t1, s1, "B")
    [up2] = t1.send()
    office.receive(up2)
    assert _state(office, plan_id, s1) == ("approved", 1, ["approved"], "B")
    return office, t1, plan_id, s1, saved.path


def test_restore_command_blocks_exchange_until_rejoined(story, net, school, tmp_path):
    office, t1, plan_id, s1, saved = story
    stores: list = []
    t1.ctx.store.dispose()
    backup.restore(t1.ctx.store.paths, saved, key=TEST_KEY, current_key=TEST_KEY)
    t1 = _reopen(t1, stores)
    # What the restore means for exchange is said, and nothing can go out or come in on the old keys.
    assert "Re-join" in (backup.exchange_note(t1.ctx.store.paths, TEST_KEY) or "")
    with pytest.raises(exchange.ExchangeRefused) as error:
        t1.send()
    assert error.value.message_id == "exchange.restored"
    assert "join" in error.value.message
    [down2] = office.send("t1")
    _refused(t1, down2, "exchange.restored")
    assert _state(office, plan_id, s1) == ("approved", 1, ["approved"], "B")
    # Re-joining from a new join file is the way back: the laptop gets the office's (newest) copy.
    fresh = join_laptop(office, tmp_path, "t1", stores)
    assert _state(fresh, plan_id, s1) == ("approved", 1, ["approved"], "B")
    for store in stores:
        store.dispose()


def test_a_copied_back_laptop_cannot_rewind_the_office(story, school):
    """The worst case of the issue: the old file put back by hand, so nothing local knows of the restore."""
    office, t1, plan_id, s1, saved = story
    _put_back(t1, saved)
    t1 = _reopen(t1, [])
    [again] = t1.send()  # number 2 again: the office has a different number 2
    _refused(office, again, "exchange.went_back")
    [later] = t1.send()  # number 3: was accepted, rewinding the plan to submitted and the note to "A"
    before = db_digest(office.db_path)
    with pytest.raises(exchange.ExchangeRefused) as error:
        office.receive(later)
    assert _state(office, plan_id, s1) == ("approved", 1, ["approved"], "B")
    assert db_digest(office.db_path) == before
    assert error.value.message_id == "exchange.went_back"
    assert "Re-join the laptop" in error.value.message
    # The office's reply confirms a bundle the restored laptop wrote differently: refused there too.
    [down2] = office.send("t1")
    _refused(t1, down2, "exchange.went_back")
    t1.ctx.store.dispose()


@sqlite_only  # a copy of the office's file put back; a server is restored by pg_restore (docs/postgres.md)
def test_a_copied_back_office_is_noticed_by_the_laptop(net, school, tmp_path):
    office, join = net
    t1 = join("t1")
    s1 = school.students[0]
    plan_id = submit_plan(t1.ctx, school.t1, s1)
    [up1] = t1.send()
    office.receive(up1)
    old = backup.make_backup(office.ctx.store.paths, "manual", key=TEST_KEY).path
    approve(office.ctx, school.office, plan_id)
    [down1] = office.send("t1")
    t1.receive(down1)
    note(t1.ctx, school.t1, s1, "B")
    [up2] = t1.send()
    office.receive(up2)
    # The office's file is put back by hand: it forgot the approval, the reply and the laptop's "B".
    _put_back(office, old)
    stores: list = []
    office = _reopen(office, stores)
    school.ctx.store = office.ctx.store  # the fixture disposes it
    [again] = office.send("t1")
    _refused(t1, again, "exchange.went_back")
    [later] = office.send("t1")
    _refused(t1, later, "exchange.went_back")
    assert _state(t1, plan_id, s1) == ("approved", 1, ["approved"], "B")
    [up3] = t1.send()
    _refused(office, up3, "exchange.went_back")


def test_check_reports_a_plan_whose_status_contradicts_its_decisions(story, school):
    office, _t1, plan_id, _s1, _saved = story
    from sqlalchemy import update

    with office.ctx.store.session_factory() as session, session.begin():
        session.execute(update(MonthlyPlan).where(MonthlyPlan.id == plan_id).values(status="submitted"))
    codes = {f.code for f in check.run_checks(office.ctx.store)}
    assert "plan.status_contradicts" in codes


def test_the_office_never_takes_a_decided_revision_back_to_submitted():
    """The second line: even a bundle that got past the checks cannot undo a decision at the office."""
    from app.services.exchange import policy

    local = {"status": "approved", "plan_revision": 1, "approved_revision": 1, "revision": 4}
    stale = {"status": "submitted", "plan_revision": 1, "approved_revision": None, "revision": 5}
    assert policy.guard("monthly_plan", stale, local)["status"] == "approved"
    older = {**stale, "status": "draft", "plan_revision": 0}
    assert (
        policy.guard("monthly_plan", older, {**local, "status": "submitted", "plan_revision": 2})[
            "plan_revision"
        ]
        == 2
    )
    newer = {**stale, "plan_revision": 2}  # an edit after the approval: a new revision waits for a decision
    assert policy.guard("monthly_plan", newer, local)["status"] == "submitted"
