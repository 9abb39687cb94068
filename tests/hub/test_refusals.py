"""What the hub refuses, and how clearly: wrong certificate, unknown or revoked device, damaged, oversized,
replayed and too frequent requests, and a hub that is down (files still work). Each refusal changes nothing."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import delete

from app.db.models import ExchangeDevice
from app.hub.server import RateLimit
from app.services import exchange, messages
from app.services.context import transaction
from app.services.exchange import client, hublink, tls
from app.services.exchange.sync import export_data
from tests.conftest import db_digest
from tests.hub.conftest import Hub


def post(hub: Hub, data: bytes, **headers: str) -> httpx.Response:
    with httpx.Client(verify=tls.pinned_context(hub.cert.cert.read_text())) as http:
        return http.post(f"{hub.url}/v1/sync", content=data, headers=headers)


def refused(response: httpx.Response, status: int, message_id: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == message_id
    assert body["message"] == messages.message_text(message_id, "en", body["params"])
    return body


def test_wrong_certificate_pin_is_refused_before_anything_is_sent(lan, tmp_path):
    office, join, hub = lan
    t1 = join("t1")
    other = tls.make_certificate(tmp_path / "impostor")  # what the laptop pinned is not what the hub shows
    with transaction(t1.ctx) as session:
        hublink.write(session, hublink.make_link(hub.url, other.cert.read_text()))
    before = db_digest(t1.db_path)
    office_before = db_digest(office.db_path)
    with pytest.raises(client.HubError) as error:
        client.sync(t1.ctx)
    assert error.value.message_id == "hub.wrong_certificate"
    assert "localhost" in str(error.value)
    assert db_digest(t1.db_path) == before and db_digest(office.db_path) == office_before


def test_host_not_in_the_certificate_is_refused(lan):
    office, join, hub = lan
    t1 = join("t1")
    with pytest.raises(client.HubError) as error:  # the certificate names localhost and 127.0.0.1 only
        client.sync(t1.ctx, f"https://127.0.0.2:{hub.port}")
    assert error.value.message_id in ("hub.wrong_certificate", "hub.offline")


def test_unknown_device_is_refused(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    sent = export_data(t1.ctx)
    with transaction(school.ctx) as session:  # the office forgot this laptop (e.g. another school's)
        session.execute(delete(ExchangeDevice).where(ExchangeDevice.id == t1_id(t1)))
    before = db_digest(office.db_path)
    body = refused(post(hub, sent.data), 403, "exchange.unknown_sender")
    assert "does not know" in body["message"] and body["message"].endswith("Nothing was changed.")
    assert db_digest(office.db_path) == before


def t1_id(site) -> str:
    return exchange.status(site.ctx).device_id


def test_revoked_device_and_damaged_bundle_are_refused(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    exchange.revoke_teacher(school.ctx, "t1")
    before = db_digest(office.db_path)
    with pytest.raises(client.HubError) as error:
        client.sync(t1.ctx)
    assert error.value.message_id == "exchange.revoked"
    refused(post(hub, bytes(range(256)) * 2), 400, "exchange.damaged")
    assert db_digest(office.db_path) == before


def test_oversized_bundle_gets_413_with_a_clear_body(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    small = Hub(hub.ctx, hub.cert, hub.port + 0, hub.rate)
    hub.stop()
    small.max_bytes = 1500
    small.start()
    try:
        big = b"x" * 5000
        body = refused(post(small, big), 413, "hub.too_large")
        assert body["params"] == {"limit_mb": 1}
        # no declared length (chunked): refused while reading
        with httpx.Client(verify=tls.pinned_context(hub.cert.cert.read_text())) as http:
            chunked = http.post(f"{hub.url}/v1/sync", content=iter([big[:1000]] * 5))
        refused(chunked, 413, "hub.too_large")
        import os

        from app.services import students

        as_t1 = t1.ctx.as_actor(school.t1)  # a real bundle over the limit (random text barely compresses)
        students.update_student(as_t1, school.students[0], {"safety_notes": os.urandom(900).hex()})
        before = db_digest(office.db_path)
        with pytest.raises(client.HubError) as error:
            client.sync(t1.ctx)
        assert error.value.message_id == "hub.too_large"
        assert db_digest(office.db_path) == before
    finally:
        small.stop()


def test_replayed_request_is_refused_and_changes_nothing(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    sent = export_data(t1.ctx)
    first = post(hub, sent.data)
    assert first.status_code == 200 and first.content.startswith(b"SJBUNDLE")
    before = db_digest(office.db_path)
    body = refused(post(hub, sent.data), 409, "exchange.replayed")
    assert "already imported" in body["message"]
    assert db_digest(office.db_path) == before


def test_rate_limit_per_device(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    t2 = join("t2")
    now = [1000.0]
    hub.stop()
    limited = Hub(hub.ctx, hub.cert, hub.port, hub.rate)
    limited.rate = type(hub.rate)(per_minute=2, burst=2, clock=lambda: now[0])
    limited.start()
    try:
        client.sync(t1.ctx)
        client.sync(t1.ctx)
        before = db_digest(office.db_path)
        third = export_data(t1.ctx)
        body = refused(post(limited, third.data), 429, "hub.rate_limited")
        assert body["params"]["retry_after"] == 30
        assert db_digest(office.db_path) == before
        client.sync(t2.ctx)  # another laptop is not held back by t1's haste
        now[0] += 31
        client.sync(t1.ctx)  # after the wait: accepted (the refused bundle was only a lost one)
        assert exchange.status(t1.ctx).peers[0].not_yet_received == 0
    finally:
        limited.stop()


def test_rate_limit_per_address_over_tls(lan, school):
    """One client address asking too often is refused (429, in the laptop's language) before the hub
    reads or checks anything, whichever laptop asks; another address is not held back."""
    office, join, hub = lan
    t1, t2 = join("t1"), join("t2")
    now = [1000.0]
    hub.stop()
    limited = Hub(hub.ctx, hub.cert, hub.port, hub.rate)
    # A sync is two requests (hello, then the bundle): three requests let t1 sync once, then t2's hello passes
    # and its bundle is refused.
    limited.address_rate = RateLimit(per_minute=6, burst=3, clock=lambda: now[0])
    limited.start()
    try:
        client.sync(t1.ctx)
        before = db_digest(office.db_path)
        with pytest.raises(client.HubError) as error:
            client.sync(t2.ctx)  # another laptop, the same address: held back (its device bucket is full)
        assert error.value.message_id == "hub.address_rate_limited"
        assert error.value.params["retry_after"] == 10
        zh = messages.error_text(error.value, "zh_CN")
        assert zh is not None and "10 秒后再试" in zh and "未做任何更改" in zh
        assert db_digest(office.db_path) == before
        with httpx.Client(verify=tls.pinned_context(hub.cert.cert.read_text())) as http:
            hello = http.get(f"{hub.url}/v1/hello")
        body = refused(hello, 429, "hub.address_rate_limited")
        assert hello.headers["retry-after"] == str(body["params"]["retry_after"])
        # Another address (the loopback's 127.0.0.2 as the source) is not held back; the refused bundle was
        # only a lost one (its number is superseded by the next).
        other = httpx.HTTPTransport(
            verify=tls.pinned_context(hub.cert.cert.read_text()), local_address="127.0.0.2"
        )
        done = client.sync(t2.ctx, transport=other)
        assert done.office_applied == 0 and exchange.status(t2.ctx).peers[0].not_yet_received == 0
        now[0] += 31
        client.sync(t1.ctx)  # after the wait the first address is served again
    finally:
        limited.stop()


def test_hub_down_is_one_clear_line_and_files_still_work(lan, school):
    office, join, hub = lan
    t1 = join("t1")
    hub.stop()
    before = db_digest(t1.db_path)
    with pytest.raises(client.HubError) as error:
        client.sync(t1.ctx)
    assert error.value.message_id == "hub.offline"
    assert "\n" not in str(error.value) and "exchange files work as before" in str(error.value)
    assert db_digest(t1.db_path) == before  # no bundle number used for a request that never left
    [stick] = t1.send()
    assert office.receive(stick).seq == 1


def test_hub_restart_keeps_the_exchange_going(lan, school):
    from app.services import students

    office, join, hub = lan
    t1 = join("t1")
    as_t1 = t1.ctx.as_actor(school.t1)
    students.update_student(as_t1, school.students[0], {"safety_notes": "before the restart"})
    client.sync(t1.ctx)
    hub.stop()
    hub.start()  # same port, same database: the sequence numbers carry on
    students.update_student(as_t1, school.students[0], {"safety_notes": "after the restart"})
    done = client.sync(t1.ctx)
    assert done.sent.seq == 2 and done.received.seq == 2 and done.office_applied == 1
    assert students.get_student(school.ctx, school.students[0]).values["safety_notes"] == "after the restart"


def test_a_laptop_without_a_hub_is_told_to_use_files(lan, school):
    from app.db.models import Setting

    office, join, hub = lan
    t1 = join("t1")
    with transaction(t1.ctx) as session:  # as a laptop joined before the school had a hub
        session.execute(delete(Setting).where(Setting.key == hublink.SETTING_KEY))
    with pytest.raises(client.HubError) as error:
        client.sync(t1.ctx)
    assert error.value.message_id == "hub.none" and "exchange files" in str(error.value)
    # the office's next bundle (a file) carries the hub: after importing it the laptop can sync
    [reply] = office.send("t1")
    t1.receive(reply)
    assert client.link(t1.ctx) == hub.link
    assert client.sync(t1.ctx).url == hub.url
