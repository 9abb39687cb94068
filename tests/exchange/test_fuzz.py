"""Thousands of mutated bundle files: every one is refused cleanly, none crashes, none writes anything."""

from __future__ import annotations

import copy
import datetime as dt
import os
import random

import pytest
from sqlalchemy import select

from app.db.models import ExchangeDevice
from app.services import attachments, exchange
from app.services.context import reading
from app.services.exchange import bundle, changes, keys
from tests.conftest import db_digest
from tests.exchange.work import contact, finished_visit, png

# The CI machine is small: a moderate count always; the big run (SONGJIAO_FUZZ_BIG=1) tries 8000.
CASES = int(os.environ.get("SONGJIAO_FUZZ_CASES", "1500"))
BIG_CASES = 8000


@pytest.fixture
def setting(net, school, tmp_path):
    office, join = net
    t1 = join("t1")
    visit = finished_visit(t1.ctx, school.t1, school.students[0], dt.date(2026, 11, 16))
    attachments.add_attachment(t1.ctx.as_actor(school.t1), "visit", visit, "photo", png(3, 3000))
    contact(t1.ctx, school.t1, school.students[1], "2026-11-18 09:30")
    [good] = t1.send()
    with reading(t1.ctx) as session:
        me = session.scalar(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(True)))
        peer = session.scalar(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(False)))
        identity = (me.sign_private, peer.kx_public, peer.id)
    return office, good, identity


def _open(data: bytes, office) -> tuple[dict, bundle.Payload, list[bytes]]:
    """Decrypt a genuine bundle with the office's key (the test plays both sides)."""
    container = bundle.parse(data)
    with reading(office.ctx) as session:
        me = session.scalar(select(ExchangeDevice).where(ExchangeDevice.is_self.is_(True)))
        kx_private = me.kx_private
    eph = bytes.fromhex(container.header["eph"])
    key = changes.bundle_key(kx_private, eph, eph, container.aad[bundle._PREFIX.size :])
    payload = bundle.decode_payload(bundle.decrypt(container, key))
    blobs, offset = [], 0
    for _sha, size in payload.body["blobs"]:
        blobs.append(bytes(payload.blob_data[offset : offset + size]))
        offset += size
    return container.header, payload, blobs


def _seal(header: dict, body: dict, blobs: list[bytes], sign_private: bytes, kx_public: bytes) -> bytes:
    header = {k: v for k, v in header.items() if k not in ("nonce", "eph")}
    eph_private, eph_public = keys.ephemeral()
    header["eph"] = eph_public.hex()
    return bundle.seal(
        bundle.KIND_BUNDLE,
        header,
        bundle.encode_payload(body, blobs),
        None,
        sign_private,
        derive=lambda hb: changes.bundle_key(eph_private, kx_public, eph_public, hb),
    )


def _raw_mutation(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    out = bytearray(data)
    if kind == 0:  # bit flips anywhere
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        return bytes(out)
    if kind == 1:  # truncation
        return bytes(out[: rng.randrange(len(out))])
    if kind == 2:  # inserted or deleted bytes
        i = rng.randrange(len(out))
        return (
            bytes(out[:i] + os.urandom(rng.randint(1, 16)) + out[i:])
            if rng.random() < 0.5
            else bytes(out[:i] + out[i + rng.randint(1, 16) :])
        )
    j = rng.randrange(len(out) - 8)  # a run of garbage
    out[j : j + 8] = os.urandom(8)
    return bytes(out)


def _value(rng: random.Random):
    return rng.choice([None, 0, -1, 2**63, 1.5, True, "", "x" * 300, [], {}, "2026-13-45", "../../etc"])


def _struct_mutation(header: dict, body: dict, blobs: list[bytes], rng: random.Random):
    header, body, blobs = copy.deepcopy(header), copy.deepcopy(body), list(blobs)
    items = body["changes"]
    kind = rng.randrange(12)
    # A blob's bookkeeping fields carry no meaning (it is known by its SHA-256): mutate record rows only.
    change = rng.choice([c for c in items if c["t"] != "blob"] if kind < 2 else items)
    if kind == 0:
        change["row"][rng.choice(sorted(change["row"]))] = _value(rng)
    elif kind == 1:
        del change["row"][rng.choice(sorted(change["row"]))]
    elif kind == 2:
        change["t"] = rng.choice(["user", "school", "assignment", "setting", "nope", None, 3])
    elif kind == 3:
        change["h"] = _value(rng) if rng.random() < 0.5 else "0" * 64
    elif kind == 4:
        change["k"] = _value(rng)
    elif kind == 5:
        twin = copy.deepcopy(change)
        if "row" in twin and "revision" in twin["row"]:
            twin["row"]["revision"] += 1
        twin["h"] = "f" * 64
        items.append(twin)
    elif kind == 6 and body["blobs"]:
        body["blobs"][0][1] += rng.choice([-1, 1, 1000])
    elif kind == 7 and blobs:
        blobs[0] = blobs[0][:-1] + bytes([blobs[0][-1] ^ 1])
    elif kind == 8:
        name = rng.choice(["seq", "acked_up_to"])  # a later seq would be valid: only impossible values here
        header[name] = rng.choice([0, -1, "1", 1.5, True, None] + ([10**9] if name == "acked_up_to" else []))
    elif kind == 9:
        header[rng.choice(["recipient", "sender", "schema", "format"])] = _value(rng)
    elif kind == 10:
        body[rng.choice(["changes", "blobs"])] = rng.choice(
            [None, 0, "", {}, True, [[]], [None]]
        )  # [] is valid
    else:
        change["gone"] = True
        change["h"] = ""
        change.pop("row", None)
        change["t"] = rng.choice(["student", "blob", "user"])
    return header, body, blobs, kind


def test_mutated_bundles_are_refused_without_a_trace(setting, tmp_path):
    _fuzz(setting, tmp_path, CASES)


@pytest.mark.slow
@pytest.mark.skipif(
    not os.environ.get("SONGJIAO_FUZZ_BIG"), reason="the big fuzz run: set SONGJIAO_FUZZ_BIG=1"
)
def test_mutated_bundles_big_run(setting, tmp_path):
    _fuzz(setting, tmp_path, BIG_CASES)


def _fuzz(setting, tmp_path, cases: int) -> None:
    office, good, (sign_private, office_kx, _office_id) = setting
    data = good.read_bytes()
    header, payload, blobs = _open(data, office)
    rng = random.Random(20261129 + cases)
    target = tmp_path / "mutant.sjb"
    before = db_digest(office.db_path)
    outcomes: dict[str, int] = {}

    def attempt(mutant: bytes, what: object = "raw") -> None:
        target.write_bytes(mutant)
        try:
            exchange.import_file(office.ctx, target)
        except exchange.ExchangeRefused as error:
            outcomes[error.message_id] = outcomes.get(error.message_id, 0) + 1
            return
        pytest.fail(f"a mutated bundle was accepted: {what}")

    raw_cases = cases // 2
    for i in range(raw_cases):
        attempt(_raw_mutation(data, rng))
        if i % 250 == 0:
            assert db_digest(office.db_path) == before
    # Wrong keys: signed by a stranger, encrypted to a stranger, or both right but the body altered.
    stranger = keys.generate()
    attempt(_seal(header, payload.body, blobs, stranger.sign_private, office_kx))
    attempt(_seal(header, payload.body, blobs, sign_private, stranger.kx_public))
    for i in range(cases - raw_cases):
        *mutated, kind = _struct_mutation(header, payload.body, blobs, rng)
        if mutated == [header, payload.body, blobs]:
            continue  # the mutation happened to write back the same value
        changed = (
            [
                c
                for c in mutated[1]["changes"]
                if isinstance(mutated[1]["changes"], list) and c not in payload.body["changes"]
            ]
            if isinstance(mutated[1]["changes"], list)
            else []
        )
        attempt(_seal(*mutated, sign_private, office_kx), (kind, changed))
        if i % 100 == 0:
            assert db_digest(office.db_path) == before
    assert db_digest(office.db_path) == before
    assert {
        "exchange.bad_signature",
        "exchange.damaged",
        "exchange.malformed",
        "exchange.cannot_decrypt",
    } <= set(outcomes)
    # After all that, the genuine bundle still imports, and then only replays are refused.
    exchange.import_file(office.ctx, good)
    with pytest.raises(exchange.ExchangeRefused):
        exchange.import_file(office.ctx, good)
