"""The exchange file container: signed by the sender, encrypted to the recipient, body compressed.

Layout (all integers big-endian)::

    "SJBUNDLE" | version u8 | kind u8 | header_len u32 | header (JSON) | body_len u64 | body | signature (64)

The header is readable without a key (it routes the file: sender, recipient, sequence, schema) but it
is authenticated twice: it is the AEAD's associated data and it is covered by the Ed25519 signature over
everything before the signature. The body is AES-256-GCM ciphertext of the payload::

    json_len u64 | zlib(JSON) | attachment bytes, back to back (photos are compressed already)
"""

from __future__ import annotations

import hashlib
import json
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.services.exchange import keys
from app.services.exchange.errors import ExchangeRefused

MAGIC = b"SJBUNDLE"
VERSION = 1
KIND_BUNDLE = 1
KIND_JOIN = 2
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_HEADER_BYTES = 64 * 1024
MAX_JSON_BYTES = 1024 * 1024 * 1024  # decompressed: refuse a zip bomb before it fills memory
SIGNATURE_BYTES = 64
_PREFIX = struct.Struct(">8sBBI")
_LEN = struct.Struct(">Q")


def canonical(data: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Container:
    kind: int
    header: dict[str, Any]
    aad: bytes  # magic .. end of header
    body: bytes
    digest: bytes  # sha256 of everything before the signature
    signature: bytes


def _signed_message(digest: bytes) -> bytes:
    return b"songjiao-container-v1" + digest


def seal(
    kind: int,
    header: dict[str, Any],
    payload: bytes,
    key: bytes | None,
    sign_private: bytes,
    derive: Any = None,
) -> bytes:
    """Encrypt ``payload`` under ``key`` (or ``derive(header_bytes)``), then sign the whole file."""
    header = {**header, "nonce": os.urandom(12).hex()}
    header_bytes = canonical(header)
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise ValueError("header too large")
    aad = _PREFIX.pack(MAGIC, VERSION, kind, len(header_bytes)) + header_bytes
    aead_key = key if key is not None else derive(header_bytes)
    body = AESGCM(aead_key).encrypt(bytes.fromhex(header["nonce"]), payload, aad)
    prefix = aad + _LEN.pack(len(body)) + body
    return prefix + keys.sign(sign_private, _signed_message(hashlib.sha256(prefix).digest()))


def _damaged(detail: str) -> ExchangeRefused:
    return ExchangeRefused(
        "exchange.damaged", f"The file is damaged or is not a Songjiao exchange file ({detail})."
    )


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, refusing an oversized one before reading it."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ExchangeRefused("exchange.unreadable", "The file cannot be read.") from error
    if size > max_bytes:
        raise ExchangeRefused(
            "exchange.too_large", f"The file is larger than {max_bytes // (1024 * 1024)} MB and was not read."
        )
    return path.read_bytes()


def parse(data: bytes) -> Container:
    """Split a file into its parts; any inconsistency (truncation, trailing bytes) is a refusal."""
    if len(data) > MAX_FILE_BYTES:
        raise ExchangeRefused("exchange.too_large", "The file is too large.")
    if len(data) < _PREFIX.size + _LEN.size + SIGNATURE_BYTES:
        raise _damaged("too short")
    magic, version, kind, header_len = _PREFIX.unpack_from(data, 0)
    if magic != MAGIC:
        raise _damaged("unknown format")
    if version != VERSION:
        raise ExchangeRefused(
            "exchange.newer_format",
            "The file was written in a newer exchange format; please update Songjiao.",
        )
    if kind not in (KIND_BUNDLE, KIND_JOIN) or header_len > MAX_HEADER_BYTES:
        raise _damaged("bad header")
    header_end = _PREFIX.size + header_len
    if header_end + _LEN.size > len(data):
        raise _damaged("truncated")
    (body_len,) = _LEN.unpack_from(data, header_end)
    body_start = header_end + _LEN.size
    if body_start + body_len + SIGNATURE_BYTES != len(data):
        raise _damaged(
            "truncated" if body_start + body_len + SIGNATURE_BYTES > len(data) else "trailing bytes"
        )
    try:
        header = json.loads(data[_PREFIX.size : header_end])
    except (UnicodeDecodeError, ValueError) as error:
        raise _damaged("bad header") from error
    if not isinstance(header, dict) or not isinstance(header.get("nonce"), str):
        raise _damaged("bad header")
    prefix_end = body_start + body_len
    return Container(
        kind,
        header,
        data[:header_end],
        data[body_start:prefix_end],
        hashlib.sha256(data[:prefix_end]).digest(),
        data[prefix_end:],
    )


def peek_header(path: Path) -> dict[str, Any]:
    """The clear header alone (for sorting a pile of files), without reading the whole file."""
    with Path(path).open("rb") as f:
        prefix = f.read(_PREFIX.size)
        if len(prefix) < _PREFIX.size:
            raise _damaged("too short")
        magic, _version, _kind, header_len = _PREFIX.unpack(prefix)
        if magic != MAGIC or header_len > MAX_HEADER_BYTES:
            raise _damaged("unknown format")
        try:
            header = json.loads(f.read(header_len))
        except (UnicodeDecodeError, ValueError) as error:
            raise _damaged("bad header") from error
    if not isinstance(header, dict):
        raise _damaged("bad header")
    return header


def check_signature(container: Container, sign_public: bytes) -> None:
    if not keys.verify(sign_public, container.signature, _signed_message(container.digest)):
        raise ExchangeRefused(
            "exchange.bad_signature",
            "The file's signature does not match its sender: it was altered or forged.",
        )


def decrypt(container: Container, key: bytes) -> bytes:
    try:
        nonce = bytes.fromhex(container.header["nonce"])
        return AESGCM(key).decrypt(nonce, container.body, container.aad)
    except (InvalidTag, ValueError) as error:
        raise ExchangeRefused(
            "exchange.cannot_decrypt",
            "The file cannot be decrypted here: it is for another device, or it was altered.",
        ) from error


# --- payload ----------------------------------------------------------------------------------------------


def encode_payload(body: dict[str, Any], blobs: list[bytes]) -> bytes:
    packed = zlib.compress(canonical(body), 6)
    return b"".join([_LEN.pack(len(packed)), packed, *blobs])


@dataclass(frozen=True)
class Payload:
    body: dict[str, Any]
    blob_data: memoryview  # attachment bytes; offsets are listed in body["blobs"]


def decode_payload(plaintext: bytes) -> Payload:
    try:
        (json_len,) = _LEN.unpack_from(plaintext, 0)
        if _LEN.size + json_len > len(plaintext):
            raise _damaged("truncated body")
        inflater = zlib.decompressobj()
        raw = inflater.decompress(plaintext[_LEN.size : _LEN.size + json_len], MAX_JSON_BYTES)
        if inflater.unconsumed_tail or not inflater.eof:
            raise _damaged("body too large or truncated")
        body = json.loads(raw)
    except (struct.error, zlib.error, UnicodeDecodeError, ValueError) as error:
        raise _damaged("bad body") from error
    if not isinstance(body, dict):
        raise _damaged("bad body")
    return Payload(body, memoryview(plaintext)[_LEN.size + json_len :])
