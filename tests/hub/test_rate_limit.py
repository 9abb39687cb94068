"""The per-address limiter's table: bounded, O(1) per new address, and an address in use keeps its bucket."""

from __future__ import annotations

from app.hub import server
from app.hub.server import RateLimit


def test_table_stays_bounded_and_a_known_address_keeps_its_bucket(monkeypatch):
    monkeypatch.setattr(server, "_MAX_BUCKETS", 3)
    # The clock stands still: no bucket refills.
    limit = RateLimit(per_minute=1, burst=1, clock=lambda: 1000.0)
    assert limit.take("known") == 0.0
    assert limit.take("known") > 0  # its one request a minute is spent
    for n in range(1_000):  # rotating addresses, each spending its bucket: none is full again
        assert limit.take(f"10.0.{n // 256}.{n % 256}") == 0.0
        assert len(limit._buckets) <= 3
        assert limit.take("known") > 0  # still held back: not forgotten while it keeps asking


def test_the_least_recently_used_address_is_forgotten(monkeypatch):
    monkeypatch.setattr(server, "_MAX_BUCKETS", 2)
    limit = RateLimit(per_minute=1, burst=1, clock=lambda: 1000.0)
    limit.take("a")
    limit.take("b")
    limit.take("a")  # a used again: b is now the oldest
    limit.take("c")
    assert list(limit._buckets) == ["a", "c"]
