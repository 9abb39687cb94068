"""Encrypted dumps: write_dump's stream sealed to a passphrase or to the office's exchange key, and opened again.

The container is app/services/sealed.py (chunked AES-256-GCM); the office key is the X25519 key the exchange
already encrypts bundles to (app/services/exchange/keys.py), so a laptop's dump can be opened at the office and
nowhere else. The plaintext never touches the disk: it is encrypted chunk by chunk as write_dump produces it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import ExchangeDevice
from app.services import sealed
from app.services.context import Store
from app.services.dump.schema import FORMAT
from app.services.dump.write import write_dump
from app.services.errors import ValidationError
from app.services.exchange import keys
from app.services.progress import TaskState

CONTENT = FORMAT  # the header names what is inside, so `load` can say "not a dump" before asking for a key


def office_recipient(store: Store) -> sealed.Recipient:
    """The office's public key as this database knows it: its own (at the office) or its office peer's (a laptop)."""
    with Session(store.engine) as session:
        office = session.scalars(
            select(ExchangeDevice)
            .where(ExchangeDevice.role == "office", ExchangeDevice.revoked_at.is_(None))
            .order_by(ExchangeDevice.is_self.desc())
        ).first()
        if office is None:
            raise ValidationError(
                "dump.no_office_key",
                "This database knows no office key (exchange is not set up); use a passphrase. "
                "Nothing was written.",
            )
        return sealed.Recipient(office.id, office.kx_public, keys.fingerprint(office.sign_public))


def office_private_key(store: Store) -> bytes:
    """The office's own X25519 private key (only an office database holds it)."""
    with Session(store.engine) as session:
        office = session.scalars(
            select(ExchangeDevice).where(ExchangeDevice.role == "office", ExchangeDevice.is_self.is_(True))
        ).first()
        if office is None or office.kx_private is None:
            raise ValidationError(
                "dump.not_office",
                "That database is not the office's: it cannot open a dump encrypted for the office key.",
            )
        return office.kx_private


def write_sealed_dump(
    store: Store,
    out: IO[bytes],
    passphrase: str | None = None,
    recipient: sealed.Recipient | None = None,
    progress: TaskState | None = None,
) -> dict[str, int]:
    """Stream the dump encrypted into ``out`` (binary); the same rows and layout as write_dump inside (and its
    ``progress``: a cancel stops it half written, for the caller to throw away)."""
    writer = sealed.open_writer(out, {"content": CONTENT}, passphrase=passphrase, recipient=recipient)
    # newline="": the same bytes on every platform, as a plaintext dump.
    text = io.TextIOWrapper(writer, encoding="utf-8", newline="", write_through=False)  # type: ignore[type-var]
    counts = write_dump(store, text, progress)
    text.flush()
    writer.finish()
    text.detach()  # ``out`` stays open: the caller owns it
    return counts


def sealed_kind(path: Path) -> str | None:
    """``"passphrase"`` or ``"office"`` for an encrypted dump, None for a plaintext one; a refusal for another file."""
    header = sealed.peek(Path(path))
    if header is None:
        return None
    if header.get("content") != CONTENT:
        raise ValidationError("dump.not_songjiao", "The file is not a Songjiao dump. Nothing was loaded.")
    kind = header["key"].get("kind")
    if kind not in ("passphrase", "office"):
        raise sealed.damaged("key kind")
    return str(kind)


def unlock_dump(path: Path, passphrase: str | None = None, kx_private: bytes | None = None) -> sealed.Sealed:
    """The source load_dump/check_dump read an encrypted dump from; a wrong key is refused here."""
    sealed_kind(path)
    return sealed.unlock(Path(path), passphrase=passphrase, kx_private=kx_private)
