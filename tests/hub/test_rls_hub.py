"""The hub end to end on a PostgreSQL office behind its row-level security wall: the hub connects as its own
role (owns nothing, no BYPASSRLS), `hub serve`'s check passes, and a laptop's sync goes through the real
import and reply with every transaction scoped to the laptop's teacher."""

from __future__ import annotations

import datetime as dt

import pytest

from app.hub.run import free_port
from app.hub.server import RateLimit
from app.paths import resolve
from app.services import plans, students
from app.services.context import ServiceContext, transaction
from app.services.exchange import client, hublink, rls, tls
from app.services.exchange import hub as hub_service
from app.services.exchange.join import ensure_office_identity
from app.services.setup import open_store
from tests.conftest import TODAY
from tests.exchange import work
from tests.exchange.conftest import Site, join_laptop
from tests.hub.conftest import Hub


@pytest.fixture
def paths(pg_paths):
    """This module's office is on the test server, whichever backend the run is for."""
    return pg_paths


def test_a_laptop_syncs_through_the_hub_under_row_level_security(school, pg_server, tmp_path):
    office_paths = school.ctx.store.paths
    url = office_paths.db_url
    assert url is not None and url.startswith("postgresql")
    role = rls.DEFAULT_ROLE
    pg_server.admin(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN "
        f"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS; END IF; END $$"
    )
    assert hub_service.secure_database(school.ctx, role) > 30  # as the owner
    made = tls.make_certificate(tmp_path / "certs")
    port = free_port()
    with transaction(school.ctx) as session:
        ensure_office_identity(session)
        hublink.write(session, hublink.make_link(f"https://localhost:{port}", made.cert.read_text()))
    # The hub's own connection, opened as `hub serve` opens it (the schema is current: nothing to migrate).
    store = open_store(resolve(url.replace("postgres@", f"{role}@"), tmp_path / "hub-data"))
    as_hub = ServiceContext(store, today_override=TODAY)
    assert hub_service.check_wall(as_hub).role == role
    running = Hub(as_hub, made, port, RateLimit(600, burst=50)).start()
    stores: list = []
    try:
        office = Site("office", school.ctx, tmp_path)
        t1 = join_laptop(office, tmp_path, "t1", stores)
        as_t1 = t1.ctx.as_actor(school.t1)
        students.update_student(as_t1, school.students[0], {"safety_notes": "through the wall"})
        visit = work.finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
        plan = work.submit_plan(t1.ctx, school.t1, school.students[0])
        done = client.sync(t1.ctx)
        assert done.office_applied >= 5 and done.received.applied == 0
        assert (
            students.get_student(school.ctx, school.students[0]).values["safety_notes"] == "through the wall"
        )
        from app.services import visits

        assert visits.get_visit(school.ctx, visit).id == visit
        work.approve(school.ctx, school.office, plan)
        again = client.sync(t1.ctx)
        assert again.received.applied >= 1 and plans.get_plan(as_t1, plan).status == "approved"
        assert client.sync(t1.ctx).received.applied == 0  # nothing applied twice
    finally:
        running.stop()
        store.dispose()
        for s in stores:
            s.dispose()
