"""The exchange's state machine with the hub in the loop: laptops sync by network as well as by file, the
hub's replies get lost, requests are sent twice, files arrive after later network syncs, and the hub
restarts (with the office's restore too). The machine's own invariants hold throughout (no approval lost,
no value silently replaced by an older one, no foreign student on a laptop) and, after a final clean
round, every laptop holds exactly the office's records (tests/exchange/test_stateful.py)."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import rule

from app.hub.run import Background, config, free_port
from app.hub.server import RateLimit
from app.services.context import transaction
from app.services.errors import ServiceError
from app.services.exchange import client, hublink, tls
from app.services.exchange.join import ensure_office_identity
from app.services.exchange.sync import export_data
from tests.conftest import db_digest
from tests.exchange.test_stateful import SITES, TEACHERS, WENT_BACK, ExchangeMachine, _settings


class HubMachine(ExchangeMachine):
    def __init__(self) -> None:
        super().__init__()
        self.cert = tls.make_certificate(self.dir / "hub-cert")
        self.port = free_port()
        self.link = hublink.make_link(f"https://localhost:{self.port}", self.cert.cert.read_text())
        for site in self.sites.values():  # the office records its hub; the laptops as a join file would
            with transaction(site) as session:
                if site is self.sites["office"]:
                    ensure_office_identity(session)
                hublink.write(session, self.link)
        self.hub: Background | None = None
        self._start_hub()

    def _start_hub(self) -> None:
        cfg = config(
            self.sites["office"],
            "127.0.0.1",
            self.port,
            self.cert.cert,
            self.cert.key,
            rate=RateLimit(10_000, burst=10_000),
            log_level="warning",
        )
        self.hub = Background(cfg).start()

    def _stop_hub(self) -> None:
        if self.hub is not None:
            self.hub.stop()
            self.hub = None

    def teardown(self) -> None:
        try:
            super().teardown()
        finally:
            self._stop_hub()

    # --- the network ----------------------------------------------------------------------------------------

    @rule(teacher=st.sampled_from(TEACHERS))
    def sync(self, teacher: str) -> None:
        """Sync now: send what the office has not acknowledged, apply its answer."""
        office_before = db_digest(self.sites["office"].store.paths.db_path)
        try:
            done = client.sync(self.sites[teacher])
            event(f"synced, office applied {min(done.office_applied, 3)}")
        except ServiceError as error:
            event(f"sync refused: {error.message_id}")
            assert teacher in self.stale and error.message_id in WENT_BACK, error.message
            if isinstance(error, client.HubError) and error.message_id != "exchange.restored":
                # refused at the hub: the office is as it was (the laptop used a bundle number: a loss)
                assert db_digest(self.sites["office"].store.paths.db_path) == office_before

    @rule(teacher=st.sampled_from(TEACHERS), twice=st.booleans())
    def reply_lost(self, teacher: str, twice: bool) -> None:
        """The request reaches the hub but its answer never comes back; ``twice``: the request is resent."""
        try:
            sent = export_data(self.sites[teacher])
        except ServiceError as error:  # the laptop's own refusal to send (it was restored)
            assert teacher in self.stale and error.message_id == "exchange.restored", error.message
            return
        with httpx.Client(verify=tls.pinned_context(self.link.cert)) as http:
            for attempt in range(2 if twice else 1):
                response = http.post(f"{self.link.url}/v1/sync", content=sent.data)
                if response.status_code != 200:
                    error_id = response.json()["error"]
                    event(f"lost-reply request refused: {error_id}")
                    allowed = ("exchange.replayed",) if attempt else ()
                    assert error_id in allowed or (teacher in self.stale and error_id in WENT_BACK), error_id

    @rule()
    def hub_restart(self) -> None:
        self._stop_hub()
        self._start_hub()

    @rule(site=st.sampled_from(SITES), n=st.integers(0, 20), by_command=st.booleans())
    def restore(self, site: str, n: int, by_command: bool) -> None:
        if site == "office":
            self._stop_hub()  # the hub holds the office's database: it is restarted on the restored one
        try:
            super().restore(site, n, by_command)
        finally:
            if self.hub is None:
                self._start_hub()

    def _rejoin(self, teacher: str) -> None:
        super()._rejoin(teacher)  # the new join file carries the hub (the office remembers it)
        assert client.link(self.sites[teacher]) == self.link

    def _final_round(self) -> None:
        for teacher in sorted(self.stale):
            self._rejoin(teacher)
        for teacher in TEACHERS:  # one clean sync by network, then the file rounds of the base machine
            client.sync(self.sites[teacher])
        super()._final_round()


HubMachine.TestCase.settings = _settings(20)
TestHubMachine = pytest.mark.timeout(1800)(HubMachine.TestCase)
