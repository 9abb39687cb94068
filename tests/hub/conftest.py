"""Fixtures for hub tests: a real hub (uvicorn, TLS on a loopback port) over the office's database,
and laptops joined from join files that carry the hub's address and pinned certificate."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from app.hub.run import Background, config, free_port
from app.hub.server import RateLimit
from app.services.context import ServiceContext, transaction
from app.services.exchange import hublink, tls
from app.services.exchange.join import ensure_office_identity
from tests.conftest import TODAY
from tests.exchange.conftest import Site, join_laptop


@dataclass
class Hub:
    """A hub that can be stopped and started again on the same port (a restart)."""

    ctx: ServiceContext
    cert: tls.MadeCertificate
    port: int
    rate: RateLimit
    max_bytes: int | None = None
    # Every test laptop connects from 127.0.0.1: generous, unless a test is about the per-address limit.
    address_rate: RateLimit = field(default_factory=lambda: RateLimit(60_000, burst=1_000))
    running: Background | None = None

    @property
    def url(self) -> str:
        return f"https://localhost:{self.port}"

    @property
    def link(self) -> hublink.HubLink:
        return hublink.make_link(self.url, self.cert.cert.read_text())

    def start(self) -> Hub:
        cfg = config(
            self.ctx,
            "127.0.0.1",
            self.port,
            self.cert.cert,
            self.cert.key,
            max_bytes=self.max_bytes,
            rate=self.rate,
            address_rate=self.address_rate,
            log_level="warning",
        )
        self.running = Background(cfg).start()
        return self

    def stop(self) -> None:
        if self.running is not None:
            self.running.stop()
            self.running = None


@pytest.fixture
def hub(school, tmp_path):
    """The office's hub, running; the office has its exchange identity and remembers the hub."""
    with transaction(school.ctx) as session:
        ensure_office_identity(session)
    made = tls.make_certificate(tmp_path / "hub-cert")
    running = Hub(
        ServiceContext(school.ctx.store, today_override=TODAY), made, free_port(), RateLimit(600, burst=50)
    )
    with transaction(school.ctx) as session:
        hublink.write(session, running.link)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def lan(school, hub, tmp_path):
    """(office, join, hub): join("t1") makes a laptop joined from a join file naming the hub."""
    stores: list = []
    folder = tmp_path / "office-out"
    folder.mkdir()
    office = Site("office", ServiceContext(school.ctx.store, today_override=TODAY), folder)

    def join(username: str) -> Site:
        return join_laptop(office, tmp_path, username, stores)

    yield office, join, hub
    for store in stores:
        store.dispose()


def folder(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    return path
