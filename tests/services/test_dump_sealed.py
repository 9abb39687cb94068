"""Encrypted dumps: sealed to a passphrase or to the office key, loaded back, and every damage refused."""

from __future__ import annotations

import io
import json
import tracemalloc

import pytest

from app.db.models import Student
from app.paths import resolve
from app.services import dump, sealed
from app.services.errors import ValidationError
from tests.conftest import db_digest, open_test_store
from tests.exchange.conftest import Site, join_laptop
from tests.populate import add_records

PASSPHRASE = "correct horse battery"


def _plain(store) -> bytes:
    text = io.StringIO()
    dump.write_dump(store, text)
    return text.getvalue().encode("utf-8")


def _sealed(store, path, **how) -> dict[str, int]:
    with path.open("wb") as out:
        return dump.write_sealed_dump(store, out, **how)


def _secrets(store) -> list[bytes]:
    from sqlalchemy.orm import Session

    with Session(store.engine) as session:
        student = session.query(Student).first()
        assert student is not None
        return [student.name.encode(), student.id_number.encode()]


@pytest.fixture
def target(tmp_path):
    store = open_test_store(resolve(tmp_path / "target.sqlite3"))
    yield store
    store.dispose()


def test_a_dump_sealed_to_a_passphrase_loads_to_the_same_rows_and_hides_them(populated, tmp_path, target):
    store = populated.ctx.store
    path = tmp_path / "school.sjdump"
    counts = _sealed(store, path, passphrase=PASSPHRASE)
    data = path.read_bytes()
    assert data.startswith(sealed.MAGIC)
    for secret in _secrets(store) + [b"tables", b"schema_revision"]:
        assert secret not in data
    assert dump.sealed_kind(path) == "passphrase"
    header = sealed.peek(path)
    assert header is not None and header["key"]["kdf"] == "argon2id"
    assert header["key"]["time_cost"] == sealed.ARGON2_TIME  # the parameters travel in the header
    source = dump.unlock_dump(path, passphrase=PASSPHRASE)
    assert dump.load_dump(target, source) == counts
    assert json.loads(_plain(target))["tables"] == json.loads(_plain(store))["tables"]


def test_a_wrong_passphrase_is_refused_before_anything_is_read(populated, tmp_path, target):
    path = tmp_path / "school.sjdump"
    _sealed(populated.ctx.store, path, passphrase=PASSPHRASE)
    before = db_digest(target.paths.db_path, path)
    with pytest.raises(ValidationError) as refused:
        dump.unlock_dump(path, passphrase="not the passphrase")
    assert refused.value.message_id == "sealed.wrong_passphrase"
    with pytest.raises(ValidationError) as refused:
        dump.unlock_dump(path)
    assert refused.value.message_id == "sealed.passphrase_needed"
    assert db_digest(target.paths.db_path, path) == before


def test_a_short_passphrase_is_refused_and_nothing_is_written(school, tmp_path):
    out = io.BytesIO()
    with pytest.raises(ValidationError) as refused:
        dump.write_sealed_dump(school.ctx.store, out, passphrase="short")
    assert refused.value.message_id == "sealed.short_passphrase"
    assert out.getvalue() == b""


def _chunks(data: bytes) -> tuple[int, list[tuple[int, int]]]:
    """Where the chunks of a sealed file start and end (after the header and key check)."""
    header_len = int.from_bytes(data[9:13], "big")
    at = 13 + header_len + 16
    spans = []
    while at < len(data):
        size = int.from_bytes(data[at : at + 4], "big") & 0x7FFF_FFFF
        spans.append((at, at + 4 + size))
        at += 4 + size
    return 13 + header_len + 16, spans


@pytest.fixture
def many_chunks(populated, tmp_path, monkeypatch):
    """A dump sealed in small chunks, so dropping, swapping and cutting chunks can be tried."""
    monkeypatch.setattr(sealed, "CHUNK", 4096)
    path = tmp_path / "school.sjdump"
    _sealed(populated.ctx.store, path, passphrase=PASSPHRASE)
    data = path.read_bytes()
    start, spans = _chunks(data)
    assert len(spans) >= 4
    return path, data, start, spans


def _damages(data: bytes, start: int, spans: list[tuple[int, int]]) -> dict[str, bytes]:
    (a0, a1), (b0, b1) = spans[0], spans[1]
    last0, _last1 = spans[-1]
    flipped = bytearray(data)
    flipped[a0 + 40] ^= 1
    return {
        "cut inside a chunk": data[: a0 + 100],
        "final chunk dropped": data[:last0],
        "cut after the key check": data[:start],
        "a byte changed": bytes(flipped),
        "two chunks swapped": data[:a0] + data[b0:b1] + data[a0:a1] + data[b1:],
        "a chunk dropped": data[:a0] + data[b0:],
        "a chunk repeated": data[:b1] + data[b0:],
        "bytes appended": data + b"\0",
        "final flag forged": data[:a0] + bytes([data[a0] | 0x80]) + data[a0 + 1 :],
    }


def test_a_truncated_or_edited_file_is_refused_and_the_database_stays_empty(many_chunks, tmp_path, target):
    path, data, start, spans = many_chunks
    before = db_digest(target.paths.db_path)
    for what, damaged in _damages(data, start, spans).items():
        path.write_bytes(damaged)
        with pytest.raises(ValidationError) as refused:
            dump.load_dump(target, dump.unlock_dump(path, passphrase=PASSPHRASE))
        assert refused.value.message_id == "sealed.damaged", what
        assert db_digest(target.paths.db_path) == before, what
    path.write_bytes(data)  # the intact file still loads
    assert dump.load_dump(target, dump.unlock_dump(path, passphrase=PASSPHRASE))


def test_an_edited_header_changes_the_key(many_chunks):
    path, data, _start, _spans = many_chunks
    header = sealed.peek(path)
    assert header is not None
    edited = data.replace(b'"time_cost":3', b'"time_cost":2')
    assert edited != data
    path.write_bytes(edited)
    with pytest.raises(ValidationError) as refused:
        dump.unlock_dump(path, passphrase=PASSPHRASE)
    assert refused.value.message_id == "sealed.wrong_passphrase"  # a different key: nothing is decrypted
    path.write_bytes(data.replace(b'"time_cost":3', b'"time_cost":99'))
    with pytest.raises(ValidationError) as refused:
        dump.unlock_dump(path, passphrase=PASSPHRASE)
    assert refused.value.message_id == "sealed.damaged"  # an altered file may not ask for an hour of work


def test_reading_and_writing_keep_memory_to_about_one_chunk(tmp_path):
    path = tmp_path / "big.sealed"
    line = b"x" * 199 + b"\n"
    tracemalloc.start()
    try:
        with path.open("wb") as out:
            writer = sealed.open_writer(out, {"content": "test"}, passphrase=PASSPHRASE)
            for _ in range(100_000):  # 20 MB
                writer.write(line)
            writer.finish()
        written_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        count = 0
        with sealed.unlock(path, passphrase=PASSPHRASE).open() as reader:
            for got in reader:
                assert got == line
                count += 1
        read_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert count == 100_000
    assert path.stat().st_size > 20_000_000
    assert written_peak < 6 * sealed.CHUNK and read_peak < 6 * sealed.CHUNK, (written_peak, read_peak)


def test_a_laptop_dump_sealed_to_the_office_key_opens_only_with_the_office_database(school, tmp_path, target):
    add_records(school)
    stores: list = []
    office = Site("office", school.ctx, tmp_path)
    try:
        laptop = join_laptop(office, tmp_path, "t1", stores)
        path = tmp_path / "laptop.sjdump"
        recipient = dump.office_recipient(laptop.ctx.store)
        counts = _sealed(laptop.ctx.store, path, recipient=recipient)
        assert dump.sealed_kind(path) == "office"
        for secret in _secrets(laptop.ctx.store):
            assert secret not in path.read_bytes()
        with pytest.raises(ValidationError) as refused:
            dump.office_private_key(laptop.ctx.store)  # the laptop cannot open its own office dump
        assert refused.value.message_id == "dump.not_office"
        with pytest.raises(ValidationError) as refused:
            dump.unlock_dump(path, passphrase=PASSPHRASE)
        assert refused.value.message_id == "sealed.office_key_needed"
        with pytest.raises(ValidationError) as refused:  # another office's key
            dump.unlock_dump(path, kx_private=bytes(range(32)))
        assert refused.value.message_id == "sealed.wrong_key"
        source = dump.unlock_dump(path, kx_private=dump.office_private_key(school.ctx.store))
        assert dump.load_dump(target, source) == counts
    finally:
        for store in stores:
            store.dispose()


def test_without_exchange_there_is_no_office_key(school):
    with pytest.raises(ValidationError) as refused:
        dump.office_recipient(school.ctx.store)
    assert refused.value.message_id == "dump.no_office_key"


def test_old_plaintext_dumps_still_load(populated, tmp_path, target):
    path = tmp_path / "old.json"
    path.write_bytes(_plain(populated.ctx.store))
    assert dump.sealed_kind(path) is None
    assert dump.load_dump(target, path)
