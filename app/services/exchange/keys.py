"""Device identities: Ed25519 for signatures, X25519 for encryption, and one-time join passphrases."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

# Crockford base32 without I, L, O, U: nothing a clerk can misread when typing it on another machine.
PASSPHRASE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSPHRASE_GROUPS = 5  # 5 groups of 4 = 20 characters = 100 bits
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


@dataclass(frozen=True)
class KeyPair:
    """A device's two key pairs as raw 32-byte values."""

    sign_private: bytes
    sign_public: bytes
    kx_private: bytes
    kx_public: bytes

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.sign_public)


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def generate() -> KeyPair:
    """Fresh keys. X25519 is a separate key, not converted from Ed25519: each key has one job."""
    sign = Ed25519PrivateKey.generate()
    kx = X25519PrivateKey.generate()
    return KeyPair(
        _raw_private(sign), _raw_public(sign.public_key()), _raw_private(kx), _raw_public(kx.public_key())
    )


def fingerprint(sign_public: bytes) -> str:
    """A short, readable key fingerprint to compare over the phone (not secret)."""
    digest = hashlib.sha256(sign_public).hexdigest()[:16].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 16, 4))


def sign(sign_private: bytes, message: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(sign_private).sign(message)


def verify(sign_public: bytes, signature: bytes, message: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature

    try:
        Ed25519PublicKey.from_public_bytes(sign_public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def ephemeral() -> tuple[bytes, bytes]:
    """A one-bundle X25519 key pair (private, public)."""
    key = X25519PrivateKey.generate()
    return _raw_private(key), _raw_public(key.public_key())


def shared_key(own_private: bytes, peer_public: bytes, salt: bytes, info: bytes) -> bytes:
    """X25519 agreement stretched by HKDF-SHA256 into a 256-bit AEAD key."""
    secret = X25519PrivateKey.from_private_bytes(own_private).exchange(
        X25519PublicKey.from_public_bytes(peer_public)
    )
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)


def new_passphrase() -> str:
    chars = "".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(PASSPHRASE_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def normalize_passphrase(text: str) -> str:
    """Forgive case, spaces, dashes and the usual look-alikes (O→0, I/L→1) when the passphrase is typed."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1"})
    cleaned = "".join(c for c in text.upper().translate(table) if c.isalnum())
    return "-".join(cleaned[i : i + 4] for i in range(0, len(cleaned), 4))


def passphrase_key(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    if n > 2**20 or r > 16 or p > 4:  # values come from a file: cap the work an altered file can demand
        raise ValueError("key derivation parameters out of range")
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(normalize_passphrase(passphrase).encode())


def same(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
