"""The database key and its slots: the key file beside an encrypted database (docs/encryption.md).

The database is encrypted with one random 256-bit key (SQLCipher, app/db/engine.py). That key is stored only
wrapped (AES-256-GCM), in a JSON key file beside the database, once per *slot*:

- one slot per user, wrapped by a key derived from the user's password with Argon2id. The slot carries its own
  Argon2 parameters and salt, so a slot made on a faster machine (or a cheap one in tests) still opens. A slot is
  found by a salted tag of the user name, never the name itself: the file names nobody.
- one recovery slot for the school, wrapped by a random recovery key printed once at set-up (the sheet for the
  school's safe); it opens the database when every password is lost.
- on a teacher's laptop, one slot for the office, wrapped to the office's X25519 public key (ECIES), so the
  office can recover a laptop's database with its own private key.

The key file must be readable before the database opens (it is how the database is opened), so it is plain JSON;
every value in it is either random, public, or wrapped. It is private to the user (0600) and replaced atomically.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.db.engine import KEY_BYTES, key_file
from app.services import throttle
from app.services.errors import AuthError, ServiceError
from app.services.files import write_atomic

log = logging.getLogger(__name__)

FORMAT = "songjiao-keys"
VERSION = 1


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored in each slot (so a slot opens with the parameters it was made with)."""

    time_cost: int = 3
    memory_kib: int = 128 * 1024
    parallelism: int = 1


# Measured on the 2-core test machine (benchmarks/bench_encryption.py), idle: t=3 with 128 MiB and 1 lane takes
# 0.29 s, the cost the issue asks for (64 MiB took 0.13 s idle). Tests lower it through a fixture.
DEFAULT_KDF = KdfParams()
# Wrong passwords wait longer each time in this process (app.services.throttle: the one curve, shared with the
# lock), on top of the Argon2 cost of every try. A copy of the key file can be attacked offline without any
# delay, which is why the derivation itself is slow.
# Crockford base32 without I, L, O, U, as the exchange passphrases: nothing to misread when typed from paper.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS = 10  # 10 groups of 4 = 40 characters = 200 bits
# The text file's first line: what the file is, for whoever finds it in the safe (the reader looks only for the key).
RECOVERY_FILE_HEADER = "送教上门 恢复密钥 / Songjiao recovery key"


class KeyFileError(ServiceError):
    """The key file is missing, damaged, or does not hold the slot asked for; nothing was changed."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    return base64.b64decode(str(text), validate=True)


def new_database_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


# --- the file ---------------------------------------------------------------------------------------------


@dataclass
class KeyFile:
    tag_salt: bytes
    slots: list[dict[str, Any]]

    def user_tag(self, username: str) -> str:
        """The slot's name for a user: HMAC of the user name under this file's random salt."""
        normalized = username.strip().casefold().encode("utf-8")
        return _b64(hmac.new(self.tag_salt, normalized, hashlib.sha256).digest())

    def has_user(self, username: str) -> bool:
        """Whether ``username`` has a key slot here (so can log in)."""
        return self.find("user", self.user_tag(username)) is not None

    def find(self, kind: str, tag: str | None = None) -> dict[str, Any] | None:
        for slot in self.slots:
            if slot.get("kind") == kind and (tag is None or slot.get("tag") == tag):
                return slot
        return None

    def put(self, slot: dict[str, Any]) -> None:
        """Add ``slot``, replacing the slot of the same kind and tag."""
        self.slots = [
            s for s in self.slots if not (s.get("kind") == slot["kind"] and s.get("tag") == slot.get("tag"))
        ]
        self.slots.append(slot)

    def drop(self, kind: str, tag: str | None = None) -> None:
        self.slots = [s for s in self.slots if not (s.get("kind") == kind and s.get("tag") == tag)]

    def to_json(self) -> str:
        return json.dumps(
            {"format": FORMAT, "version": VERSION, "tag_salt": _b64(self.tag_salt), "slots": self.slots},
            indent=1,
        )


def new_key_file() -> KeyFile:
    return KeyFile(secrets.token_bytes(16), [])


def read_key_file(path: Path) -> KeyFile:
    """The key file at ``path`` (the ``.keys`` file itself)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError("not a key file")
        if int(data.get("version", 0)) > VERSION:
            raise KeyFileError(
                "keys.newer", f"{path}: the key file was written by a newer Songjiao; update the program."
            )
        slots = data.get("slots")
        if not isinstance(slots, list):
            raise ValueError("no slots")
        return KeyFile(_unb64(data["tag_salt"]), [s for s in slots if isinstance(s, dict)])
    except FileNotFoundError as error:
        raise KeyFileError(
            "keys.missing",
            f"{path}: the key file of the encrypted database is missing: put it back beside the database "
            "(it is in every backup), or restore a backup.",
            path=str(path),
        ) from error
    except (ValueError, KeyError, TypeError) as error:
        raise KeyFileError(
            "keys.damaged",
            f"{path}: the key file of the database is damaged: restore it from a backup.",
            path=str(path),
        ) from error


def write_key_file(path: Path, keys: KeyFile) -> None:
    """Replace the key file atomically, private to the user (0600)."""

    def write(part: Path) -> None:
        part.unlink(missing_ok=True)
        fd = os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(keys.to_json())
            handle.flush()
            os.fsync(handle.fileno())

    write_atomic(Path(path), write)
    _sync_folder(Path(path).parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX): without it a power cut after the write may bring the old key file
    back, and with it the old recovery key, while the school keeps only the new sheet. Windows cannot open a
    folder for this; NTFS journals the rename. Best effort, as SQLite's own folder sync: the new file is in place
    already, and some file systems (network and FUSE mounts) refuse to sync a folder; an error here would have
    the caller roll back what the key file already says (a password change, a new recovery key)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as error:
        log.info("the key file's folder could not be synced (errno %s)", error.errno)


def load(db_path: Path) -> KeyFile:
    return read_key_file(key_file(db_path))


def save(db_path: Path, keys: KeyFile) -> None:
    write_key_file(key_file(db_path), keys)


# --- wrapping ---------------------------------------------------------------------------------------------


def _aad(kind: str, tag: str | None) -> bytes:
    # The slot's kind and tag are bound to its ciphertext: a slot copied under another user's tag fails.
    return f"{FORMAT}/{VERSION}/{kind}/{tag or ''}".encode()


def _wrap(wrapping_key: bytes, database_key: bytes, kind: str, tag: str | None) -> dict[str, Any]:
    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(wrapping_key).encrypt(nonce, database_key, _aad(kind, tag))
    slot: dict[str, Any] = {"kind": kind, "nonce": _b64(nonce), "wrapped": _b64(wrapped)}
    if tag is not None:
        slot["tag"] = tag
    return slot


def _unwrap(wrapping_key: bytes, slot: dict[str, Any]) -> bytes | None:
    try:
        key = AESGCM(wrapping_key).decrypt(
            _unb64(slot["nonce"]), _unb64(slot["wrapped"]), _aad(str(slot["kind"]), slot.get("tag"))
        )
    except (InvalidTag, KeyError, ValueError):
        return None
    return key if len(key) == KEY_BYTES else None


def derive(password: str, salt: bytes, params: KdfParams) -> bytes:
    """The password's wrapping key (Argon2id)."""
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def user_slot(
    keys: KeyFile,
    database_key: bytes,
    username: str,
    password: str,
    derived: tuple[bytes, bytes] | None = None,
) -> dict[str, Any]:
    """A user's slot; ``derived`` is (salt, wrapping key) already derived for this password."""
    params = DEFAULT_KDF
    salt, wrapping = derived or _derive_new(password)
    tag = keys.user_tag(username)
    slot = _wrap(wrapping, database_key, "user", tag)
    slot["kdf"] = {
        "alg": "argon2id",
        "t": params.time_cost,
        "m": params.memory_kib,
        "p": params.parallelism,
        "salt": _b64(salt),
    }
    return slot


def _derive_new(password: str) -> tuple[bytes, bytes]:
    salt = secrets.token_bytes(16)
    return salt, derive(password, salt, DEFAULT_KDF)


def _slot_params(slot: dict[str, Any]) -> tuple[KdfParams, bytes]:
    kdf = slot.get("kdf") or {}
    if kdf.get("alg") != "argon2id":
        raise ValueError("unknown key derivation")
    return KdfParams(int(kdf["t"]), int(kdf["m"]), int(kdf["p"])), _unb64(kdf["salt"])


# --- what the services call -------------------------------------------------------------------------------


def set_user(db_path: Path, database_key: bytes, username: str, password: str) -> None:
    """Write (or replace) ``username``'s slot: at set-up, for a new user, at a password change or reset."""
    keys = load(db_path)
    keys.put(user_slot(keys, database_key, username, password))
    save(db_path, keys)


def derive_new_many(passwords: list[str]) -> dict[str, tuple[bytes, bytes]]:
    """(salt, wrapping key) for each distinct password, for :func:`set_users`; the slow part of making slots,
    which a caller may run on another thread beside other work (argon2 releases the GIL while it derives)."""
    return {password: _derive_new(password) for password in dict.fromkeys(passwords)}


def set_users(
    db_path: Path,
    database_key: bytes,
    logins: list[tuple[str, str]],
    derived: dict[str, tuple[bytes, bytes]] | None = None,
) -> None:
    """Slots for many (user name, password) pairs at once (the demo school's 40 teachers): one derivation per
    distinct password, its salt shared by the slots of that password. Those users share the password anyway,
    so one guess tested against all their slots costs what it costs against one. ``derived``: derivations
    made already (:func:`derive_new_many`); a password missing from it is derived here."""
    keys = load(db_path)
    derived = dict(derived or {})
    for username, password in logins:
        if password not in derived:
            derived[password] = _derive_new(password)
        keys.put(user_slot(keys, database_key, username, password, derived[password]))
    save(db_path, keys)


def drop_user(db_path: Path, username: str) -> None:
    keys = load(db_path)
    keys.drop("user", keys.user_tag(username))
    save(db_path, keys)


def has_user(db_path: Path, username: str) -> bool:
    return load(db_path).has_user(username)


_failures = [0]  # wrong passwords in this process, for the growing delay


def failure_delay() -> float:
    """Seconds to wait after the latest wrong password: throttle's curve for this process's failures in a row."""
    return throttle.failure_delay(_failures[0])


def _count_failure(db_path: Path) -> None:
    """One more wrong try in a row: counted in this process, or by the refusals noted beside the database
    since it was last opened (note_failure), whichever is more. Each command-line run is a process of its own,
    and the desktop app can be restarted: neither starts the delay again."""
    _failures[0] = max(_failures[0], len(noted_failures(db_path))) + 1


def _refused(wait: bool, db_path: Path) -> AuthError:
    _count_failure(db_path)
    delay = failure_delay()
    if delay and wait:  # the desktop app keeps its window live and disables the button instead
        time.sleep(delay)
    # Same message for unknown user and wrong password: don't reveal who has an account.
    return AuthError("login.failed", "Wrong user name or password.", field="password")


def unlock_user(db_path: Path, username: str, password: str, *, wait: bool = True) -> bytes:
    """The database key from ``username``'s slot; AuthError (after a growing delay) for a wrong password."""
    keys = load(db_path)
    slot = keys.find("user", keys.user_tag(username))
    if slot is None:
        # Derive anyway, so that an unknown user name costs what a wrong password costs.
        derive(password, secrets.token_bytes(16), DEFAULT_KDF)
        raise _refused(wait, db_path)
    try:
        params, salt = _slot_params(slot)
    except (KeyError, ValueError, TypeError) as error:
        raise KeyFileError(
            "keys.damaged", f"{key_file(db_path)}: the key file of the database is damaged.", path=""
        ) from error
    key = _unwrap(derive(password, salt, params), slot)
    if key is None:
        raise _refused(wait, db_path)
    _failures[0] = 0
    return key


FAILURES_SUFFIX = ".failed-logins"


def note_failure(db_path: Path) -> None:
    """Remember a refused log-in beside the database (its time only: no name, no password), so the audit log
    records it once someone opens the database (the refused attempt itself cannot write into it)."""
    import datetime as dt

    with Path(str(db_path) + FAILURES_SUFFIX).open("a", encoding="utf-8") as handle:
        handle.write(dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "\n")


def noted_failures(db_path: Path) -> list[str]:
    """The refused log-ins noted since the last opening (UTC times), left in place."""
    try:
        return Path(str(db_path) + FAILURES_SUFFIX).read_text(encoding="utf-8").split()
    except (FileNotFoundError, UnicodeDecodeError):
        return []


def take_failures(db_path: Path) -> list[str]:
    """The refused log-ins noted since the last opening (UTC times), forgotten once read."""
    lines = noted_failures(db_path)
    Path(str(db_path) + FAILURES_SUFFIX).unlink(missing_ok=True)
    return lines


# --- the recovery key -------------------------------------------------------------------------------------


def new_recovery_text() -> str:
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * 4))
    return "-".join(chars[i : i + 4] for i in range(0, len(chars), 4))


def _normalize_recovery(text: str) -> str | None:
    """The recovery key's 40 characters, however it was typed (spaces, dashes, lower case, O for 0)."""
    cleaned = re.sub(r"[\s\-]", "", text.upper()).translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_GROUPS * 4 or any(c not in RECOVERY_ALPHABET for c in cleaned):
        return None
    return cleaned


def _recovery_wrapping_key(text: str) -> bytes:
    # The recovery key is random (200 bits): no slow derivation needed, HKDF only makes it an AES key.
    return HKDF(hashes.SHA256(), 32, salt=None, info=b"songjiao recovery slot").derive(text.encode("ascii"))


def set_recovery(db_path: Path, database_key: bytes) -> str:
    """A new recovery key for the school (replacing any earlier one); returns its text, shown once."""
    text = new_recovery_text()
    normalized = _normalize_recovery(text)
    assert normalized is not None
    keys = load(db_path)
    keys.put(_wrap(_recovery_wrapping_key(normalized), database_key, "recovery", None))
    save(db_path, keys)
    return text


def unfinished(db_path: Path) -> bool:
    """The key file beside ``db_path`` holds no slot: a set-up or a join that never finished (killed, closed).
    Nobody can open that database and it holds no school, so a command that makes databases starts it again.
    KeyFileError when there is no key file."""
    return not load(db_path).slots


def recovery_slot(db_path: Path) -> dict[str, Any] | None:
    """The school's recovery slot as it is now (to be put back by :func:`restore_recovery` if a replacement
    cannot be completed), None when there is none."""
    return load(db_path).find("recovery")


def restore_recovery(db_path: Path, slot: dict[str, Any] | None) -> None:
    """Put ``slot`` (from :func:`recovery_slot`) back as the recovery slot: the earlier recovery key works again."""
    keys = load(db_path)
    if slot is None:
        keys.drop("recovery")
    else:
        keys.put(slot)
    save(db_path, keys)


def read_recovery_file(path: Path) -> str:
    """The recovery key written in a file: the sheet's text file, or any file whose one line is the key."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as error:
        raise KeyFileError(
            "keys.recovery_file", f"{path}: the recovery key file cannot be read.", path=str(path)
        ) from error
    for line in lines:
        if _normalize_recovery(line) is not None:
            return line.strip()
    raise KeyFileError("keys.recovery_file", f"{path}: no recovery key in this file.", path=str(path))


def unlock_recovery(db_path: Path, text: str) -> bytes:
    """The database key from the recovery slot; AuthError for a wrong recovery key."""
    keys = load(db_path)
    slot = keys.find("recovery")
    normalized = _normalize_recovery(text)
    key = None if slot is None or normalized is None else _unwrap(_recovery_wrapping_key(normalized), slot)
    if key is None:
        _count_failure(db_path)
        raise AuthError(
            "keys.wrong_recovery", "The recovery key does not open this database.", field="recovery"
        )
    _failures[0] = 0  # the right key ends a run of wrong tries, as the right password does
    return key


# --- the office's slot on a laptop ------------------------------------------------------------------------


def _office_wrapping_key(shared: bytes, ephemeral_public: bytes, office_public: bytes) -> bytes:
    return HKDF(
        hashes.SHA256(), 32, salt=ephemeral_public + office_public, info=b"songjiao office slot"
    ).derive(shared)


def set_office(db_path: Path, database_key: bytes, office_kx_public: bytes) -> None:
    """Wrap the laptop's database key to the office's X25519 public key (the office can recover the laptop)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(office_kx_public))
    tag = _b64(hashlib.sha256(office_kx_public).digest()[:16])
    slot = _wrap(
        _office_wrapping_key(shared, ephemeral_public, office_kx_public), database_key, "office", tag
    )
    slot["ephemeral"] = _b64(ephemeral_public)
    keys = load(db_path)
    keys.put(slot)
    save(db_path, keys)


def unlock_office(db_path: Path, office_kx_private: bytes) -> bytes:
    """The laptop database's key, opened with the office's X25519 private key."""
    private = X25519PrivateKey.from_private_bytes(office_kx_private)
    public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    keys = load(db_path)
    slot = keys.find("office", _b64(hashlib.sha256(public).digest()[:16]))
    key = None
    if slot is not None:
        ephemeral_public = _unb64(slot.get("ephemeral", ""))
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
        key = _unwrap(_office_wrapping_key(shared, ephemeral_public, public), slot)
    if key is None:
        raise AuthError("keys.not_office", "This office's key does not open this database.")
    return key


__all__ = [
    "DEFAULT_KDF",
    "KdfParams",
    "KeyFile",
    "KeyFileError",
    "drop_user",
    "has_user",
    "load",
    "new_database_key",
    "read_recovery_file",
    "recovery_slot",
    "restore_recovery",
    "save",
    "set_office",
    "set_recovery",
    "set_user",
    "unlock_office",
    "unlock_recovery",
    "unlock_user",
    "unfinished",
]
