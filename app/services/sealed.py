"""A streamed, authenticated file format for data leaving the database (dumps): chunked AES-256-GCM.

Layout (integers big-endian)::

    "SJSEALED" | version u8 | header_len u32 | header (canonical JSON) | key_check (16)
    chunk*:  flag_and_len u32 | ciphertext (len bytes, the 16-byte GCM tag included)

The header says how the key is made, in the clear (it holds no personal data): from a passphrase with Argon2id
(its salt and cost parameters in the header) or for a recipient's X25519 key (the exchange's keys: the office's
public key, a one-time key of the sender in the header). The master secret is stretched by HKDF-SHA256 with the
hash of the header as info, so the header cannot be changed without changing the key. ``key_check`` (an HMAC
of the key) tells a wrong passphrase from a damaged file.

Each chunk holds at most ``chunk`` bytes of plaintext. Its nonce is the chunk counter (8 bytes), three zero
bytes and a final flag (1 on the last chunk): the STREAM construction (Hoang, Reyhanitabar, Rogaway and Vizár,
2015), so chunks cannot be reordered, dropped, repeated or cut off without the reader noticing. The flag is also
the top bit of the length word (the reader needs it in the clear; forging it breaks the tag). The header is the
associated data of every chunk. A file without a final chunk (truncated) or with bytes after it is refused.
Memory: one chunk each way, whatever the size of the file.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.services.errors import ValidationError
from app.services.exchange import keys

MAGIC = b"SJSEALED"
VERSION = 1
CHUNK = 1024 * 1024
_PREFIX = struct.Struct(">8sBI")
_WORD = struct.Struct(">I")
_FINAL = 0x8000_0000
_TAG = 16
_CHECK = 16
MAX_HEADER = 16 * 1024
# Argon2id: about 0.3 s on a school laptop (measured 0.27 s on the 2-core test machine), 64 MiB.
ARGON2_TIME, ARGON2_MEMORY_KIB, ARGON2_LANES = 3, 64 * 1024, 1
# Values read from a file are capped: an altered header must not make the reader work for an hour.
_MAX_TIME, _MAX_MEMORY_KIB, _MAX_LANES, _MAX_CHUNK = 20, 1024 * 1024, 8, 16 * 1024 * 1024
MIN_PASSPHRASE = 8
_INFO = b"songjiao-sealed-v1"


def _refuse(message_id: str, message: str) -> ValidationError:
    return ValidationError(message_id, f"{message} Nothing was changed.")


def damaged(detail: str) -> ValidationError:
    """The one refusal for a file that was cut off or altered (``detail`` is for the developer only)."""
    return _refuse("sealed.damaged", f"The encrypted file is damaged or was altered ({detail}).")


def canonical(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            "sealed.short_passphrase",
            f"The passphrase needs at least {MIN_PASSPHRASE} characters.",
            field="passphrase",
            min_len=MIN_PASSPHRASE,
        )


def _stretch(master: bytes, header_bytes: bytes) -> bytes:
    info = _INFO + hashlib.sha256(header_bytes).digest()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(master)


def _key_check(key: bytes) -> bytes:
    return hmac.new(key, b"songjiao-sealed-key-check", hashlib.sha256).digest()[:_CHECK]


def _argon2(passphrase: str, params: dict[str, Any]) -> bytes:
    try:
        salt = bytes.fromhex(params["salt"])
        time_cost, memory, lanes = int(params["time_cost"]), int(params["memory_kib"]), int(params["lanes"])
    except (KeyError, TypeError, ValueError) as error:
        raise damaged("key parameters") from error
    if not (1 <= time_cost <= _MAX_TIME and 8 <= memory <= _MAX_MEMORY_KIB and 1 <= lanes <= _MAX_LANES):
        raise damaged("key parameters out of range")
    if not 16 <= len(salt) <= 64:
        raise damaged("salt")
    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost, memory, lanes, 32, Type.ID)


@dataclass(frozen=True)
class Recipient:
    """Whom a file is sealed for: an X25519 public key (the office's), named by its device and fingerprint."""

    device_id: str
    kx_public: bytes
    fingerprint: str


def passphrase_header(**fields: Any) -> dict[str, Any]:
    """A header for a file sealed to a passphrase (fresh salt, this program's Argon2id costs)."""
    return {
        **fields,
        "key": {
            "kind": "passphrase",
            "kdf": "argon2id",
            "salt": os.urandom(16).hex(),
            "time_cost": ARGON2_TIME,
            "memory_kib": ARGON2_MEMORY_KIB,
            "lanes": ARGON2_LANES,
        },
    }


def open_writer(
    out: IO[bytes],
    header: dict[str, Any],
    passphrase: str | None = None,
    recipient: Recipient | None = None,
) -> SealedWriter:
    """Start a sealed file on ``out``: to a passphrase, or to a recipient's public key (exactly one)."""
    if (passphrase is None) == (recipient is None):
        raise ValueError("seal to a passphrase or to a recipient")
    header = {**header, "cipher": "AES-256-GCM", "chunk": CHUNK}
    if passphrase is not None:
        check_passphrase(passphrase)
        header = passphrase_header(**header)
        header_bytes = canonical(header)
        master = _argon2(passphrase, header["key"])
    else:
        assert recipient is not None
        eph_private, eph_public = keys.ephemeral()
        header["key"] = {
            "kind": "office",
            "device": recipient.device_id,
            "fingerprint": recipient.fingerprint,
            "eph": eph_public.hex(),
        }
        header_bytes = canonical(header)
        master = keys.shared_key(eph_private, recipient.kx_public, salt=eph_public, info=_INFO)
    key = _stretch(master, header_bytes)
    prefix = _PREFIX.pack(MAGIC, VERSION, len(header_bytes)) + header_bytes
    out.write(prefix + _key_check(key))
    return SealedWriter(out, AESGCM(key), prefix)


def _nonce(counter: int, final: bool) -> bytes:
    return counter.to_bytes(8, "big") + b"\0\0" + (b"\1" if final else b"\0") + b"\0"


class SealedWriter(io.BufferedIOBase):
    """Plaintext in, sealed chunks out. Call finish() once everything is written: without it the file reads as
    truncated (a dump that failed half way is never mistaken for a complete one)."""

    def __init__(self, out: IO[bytes], aead: AESGCM, aad: bytes) -> None:
        super().__init__()
        self._out, self._aead, self._aad = out, aead, aad
        self._buffer = bytearray()
        self._counter = 0
        self._finished = False

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if self._finished:
            raise ValueError("the sealed file is finished")
        self._buffer += data
        while len(self._buffer) > CHUNK:  # keep a remainder: the last chunk must carry the final flag
            self._emit(bytes(self._buffer[:CHUNK]), final=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _emit(self, plain: bytes, final: bool) -> None:
        sealed = self._aead.encrypt(_nonce(self._counter, final), plain, self._aad)
        self._out.write(_WORD.pack(len(sealed) | (_FINAL if final else 0)) + sealed)
        self._counter += 1

    def finish(self) -> None:
        """Write the last chunk (with the final flag) and flush ``out``; the caller closes ``out``."""
        if not self._finished:
            self._emit(bytes(self._buffer), final=True)
            self._buffer.clear()
            self._finished = True
            self._out.flush()


@dataclass(frozen=True)
class Sealed:
    """A sealed file and the key that opens it (checked): the source a reader is made from, any number of times."""

    path: Path
    key: bytes
    header: dict[str, Any]

    def open(self) -> IO[bytes]:
        handle = self.path.open("rb")
        try:
            header_len = _PREFIX.unpack(handle.read(_PREFIX.size))[2]
            aad = handle.read(header_len)
            handle.read(_CHECK)
        except BaseException:
            handle.close()
            raise
        return io.BufferedReader(
            _Reader(handle, AESGCM(self.key), _PREFIX.pack(MAGIC, VERSION, header_len) + aad), CHUNK
        )


class _Reader(io.RawIOBase):
    def __init__(self, handle: IO[bytes], aead: AESGCM, aad: bytes) -> None:
        super().__init__()
        self._handle, self._aead, self._aad = handle, aead, aad
        self._plain = memoryview(b"")
        self._counter = 0
        self._done = False

    def readable(self) -> bool:
        return True

    def _next(self) -> None:
        word = self._handle.read(_WORD.size)
        if len(word) < _WORD.size:
            raise damaged("truncated" if not word else "cut inside a chunk")
        (value,) = _WORD.unpack(word)
        final, size = bool(value & _FINAL), value & ~_FINAL
        if not _TAG <= size <= _MAX_CHUNK + _TAG:
            raise damaged("chunk length")
        sealed = self._handle.read(size)
        if len(sealed) < size:
            raise damaged("cut inside a chunk")
        try:
            self._plain = memoryview(self._aead.decrypt(_nonce(self._counter, final), sealed, self._aad))
        except InvalidTag as error:
            raise damaged(f"chunk {self._counter + 1} altered") from error
        self._counter += 1
        if final:
            if self._handle.read(1):
                raise damaged("bytes after the end")
            self._done = True

    def readinto(self, target: Any) -> int:
        while not self._plain and not self._done:
            self._next()
        count = min(len(target), len(self._plain))
        target[:count] = self._plain[:count]
        self._plain = self._plain[count:]
        return count

    def close(self) -> None:
        self._handle.close()
        super().close()


def peek(path: Path) -> dict[str, Any] | None:
    """The clear header of a sealed file; None when the file is not one (e.g. a plaintext dump)."""
    with Path(path).open("rb") as handle:
        head = handle.read(_PREFIX.size)
        if len(head) < _PREFIX.size or head[: len(MAGIC)] != MAGIC:
            return None
        _magic, version, header_len = _PREFIX.unpack(head)
        if version != VERSION:
            raise _refuse(
                "sealed.newer", "The file was encrypted by a newer version of Songjiao; please update."
            )
        if header_len > MAX_HEADER:
            raise damaged("header length")
        try:
            header = json.loads(handle.read(header_len))
        except (UnicodeDecodeError, ValueError) as error:
            raise damaged("header") from error
    if not isinstance(header, dict) or not isinstance(header.get("key"), dict):
        raise damaged("header")
    return header


def unlock(path: Path, passphrase: str | None = None, kx_private: bytes | None = None) -> Sealed:
    """The key of a sealed file from its passphrase (or the recipient's private key), checked against the file.

    A wrong passphrase or another office's key is refused here, before a byte of the content is read.
    """
    path = Path(path)
    header = peek(path)
    if header is None:
        raise _refuse("sealed.not_sealed", "The file is not an encrypted Songjiao file.")
    with path.open("rb") as handle:
        header_bytes = handle.read(_PREFIX.unpack(handle.read(_PREFIX.size))[2])
        check = handle.read(_CHECK)
    if len(check) < _CHECK:
        raise damaged("truncated")
    if canonical(header) != header_bytes:
        raise damaged("header not canonical")
    spec = header["key"]
    if spec.get("kind") == "passphrase":
        if passphrase is None:
            raise _refuse("sealed.passphrase_needed", "The file is encrypted with a passphrase.")
        master = _argon2(passphrase, spec)
        wrong = _refuse("sealed.wrong_passphrase", "The passphrase is wrong.")
    elif spec.get("kind") == "office":
        if kx_private is None:
            raise _refuse(
                "sealed.office_key_needed",
                "The file is encrypted for the office's key; open it with the office database.",
            )
        try:
            eph = bytes.fromhex(spec["eph"])
            master = keys.shared_key(kx_private, eph, salt=eph, info=_INFO)
        except (KeyError, TypeError, ValueError) as error:
            raise damaged("recipient") from error
        wrong = _refuse("sealed.wrong_key", "The file was encrypted for another office's key.")
    else:
        raise damaged("key kind")
    key = _stretch(master, header_bytes)
    if not hmac.compare_digest(_key_check(key), check):
        raise wrong
    return Sealed(path, key, header)
