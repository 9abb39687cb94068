"""The hub serving one school of a district (issue 13): the school's schema ``school_<code>`` in the district's
PostgreSQL, chosen by the URL's ``options=-csearch_path%3Dschool_<code>`` (app/services/district.py). The school's
own hub role, walled in by row-level security in that schema, syncs a laptop end to end; the records land in
that school's schema only, and the hub's role can read nothing of the other school."""

from __future__ import annotations

import datetime as dt

import psycopg
import pytest
from sqlalchemy import func, select

from app.db.models import Visit
from app.hub.run import free_port
from app.hub.server import RateLimit
from app.paths import resolve
from app.services import district, students
from app.services.context import ServiceContext, reading, transaction
from app.services.exchange import client, hublink, tls
from app.services.exchange import hub as hub_service
from app.services.exchange.join import ensure_office_identity
from app.services.setup import open_store
from tests.conftest import TODAY
from tests.exchange import work
from tests.exchange.conftest import Site, join_laptop
from tests.hub.conftest import Hub

HUB_ROLE = "songjiao_hub_qs"  # one hub role per school: a role's rights are the whole server's


@pytest.fixture
def district_url(pg_server, pg_url):
    """A district with two schools; ``qs`` is the one the ``school`` fixture fills and the hub serves."""
    district.add_school(pg_url, "qs", "青山县特殊教育学校")
    district.add_school(pg_url, "hs", "河石镇中心小学")
    return pg_url


@pytest.fixture
def paths(district_url, tmp_path):
    """The office's database: school ``qs``'s schema in the district, as its office's --db names it."""
    return resolve(district.school_url(district_url, "qs"), tmp_path / "office-data")


def _visits(url: str) -> int:
    store = open_store(resolve(url), migrate=False, create=False)
    try:
        with reading(ServiceContext(store)) as session:
            return int(session.scalar(select(func.count()).select_from(Visit)) or 0)
    finally:
        store.dispose()


def test_the_hub_serves_a_district_school_schema_behind_its_wall(school, district_url, pg_server, tmp_path):
    url = school.ctx.store.paths.db_url
    assert url is not None and "search_path" in url
    pg_server.admin(f"CREATE ROLE {HUB_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
    assert hub_service.secure_database(school.ctx, HUB_ROLE) > 30  # as the owner, in school_qs
    made = tls.make_certificate(tmp_path / "certs")
    port = free_port()
    with transaction(school.ctx) as session:
        ensure_office_identity(session)
        hublink.write(session, hublink.make_link(f"https://localhost:{port}", made.cert.read_text()))
    # The hub's URL: the school's, logging in as the school's hub role (what `hub serve --db` is given).
    hub_url = district.with_user(url, HUB_ROLE)
    store = open_store(resolve(hub_url, tmp_path / "hub-data"))
    as_hub = ServiceContext(store, today_override=TODAY)
    assert hub_service.check_wall(as_hub).role == HUB_ROLE  # checked in school_qs, where its tables are
    running = Hub(as_hub, made, port, RateLimit(600, burst=50)).start()
    stores: list = []
    try:
        office = Site("office", school.ctx, tmp_path)
        t1 = join_laptop(office, tmp_path, "t1", stores)
        students.update_student(
            t1.ctx.as_actor(school.t1), school.students[0], {"safety_notes": "via the district hub"}
        )
        work.finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
        done = client.sync(t1.ctx)
        assert done.office_applied >= 3
        assert (
            students.get_student(school.ctx, school.students[0]).values["safety_notes"]
            == "via the district hub"
        )
        assert client.sync(t1.ctx).office_applied == 0  # nothing applied twice
    finally:
        running.stop()
        store.dispose()
        for s in stores:
            s.dispose()
    # The visit is in school_qs; the other school's schema got nothing.
    assert _visits(url) == 1
    assert _visits(district.school_url(district_url, "hs")) == 0
    # The hub's role has no right on the other school (nor on the district's registry).
    conninfo = pg_server.conninfo(url.rsplit("/", 1)[1].split("?")[0]).replace(
        "user=postgres", f"user={HUB_ROLE}"
    )
    with psycopg.connect(conninfo) as conn:
        for table in ("school_hs.visit", "school_hs.student", "district.school"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"SELECT count(*) FROM {table}")  # type: ignore[arg-type]
            conn.rollback()
