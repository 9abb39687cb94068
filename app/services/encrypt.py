"""Encrypting a plaintext database in place: the first log-in after updating to the encrypting version.

Databases made before encryption are plaintext SQLite files. At the first log-in with this version (the GUI or
``--user`` on the command line) the file is copied into a new SQLCipher file under a fresh random key, the copy
is checked (integrity and every table's row count), the key file is written with the slot of the user logging
in, and the copy is swapped in atomically. The plaintext file, its -wal/-shm and every plaintext backup are
removed, and one encrypted backup is made. Copies made elsewhere (a USB stick, another computer, an e-mail) are
not reached: the user is told so.

The other users' passwords are known only as hashes, so they have no slot yet: their log-in says to ask the
administrator, who sets a new password for each (Settings → Users, or ``songjiao users passwd``), which writes
their slot. The recovery key is made at the same time and shown to the administrator (the CLI prints it), so at
an office only an administrator's log-in encrypts (setup.encrypt_at_login). A teacher's laptop (a joined copy)
has no recovery key: as at joining, the office's X25519 key gets a slot, so the office can recover it.
"""

from __future__ import annotations

import logging
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.db.engine import SIDE_FILES, connect_file, export_encrypted, is_encrypted, key_file
from app.db.models import ExchangeDevice
from app.services import backup, keyring
from app.services.context import ServiceContext, Store, reading
from app.services.files import replace

log = logging.getLogger(__name__)

NOTICE = (
    "The database is encrypted now, and its plaintext backups were removed. Copies made elsewhere before "
    "(a USB stick, another computer, an e-mail attachment) are not reached: delete them. The other users "
    "need a new password from the administrator before they can log in."
)


@dataclass(frozen=True)
class Encrypted:
    store: Store  # the encrypted database, open
    removed_backups: int  # plaintext backups deleted
    recovery_key: str | None  # the school's new recovery key, to be shown once; None on a laptop


def laptop_office_key(store: Store) -> bytes | None:
    """On a teacher's laptop (a copy joined to an office), the office's X25519 public key; None at an office."""
    with reading(ServiceContext(store)) as session:
        laptop = select(ExchangeDevice.id).where(ExchangeDevice.is_self, ExchangeDevice.role == "laptop")
        if session.scalar(laptop) is None:
            return None
        return session.scalar(select(ExchangeDevice.kx_public).where(ExchangeDevice.role == "office"))


def _tables(conn: object) -> dict[str, int]:
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]  # type: ignore[attr-defined]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}  # type: ignore[attr-defined]


def encrypt_in_place(store: Store, username: str, password: str) -> Encrypted:
    """Encrypt ``store``'s plaintext database (closed here) and return it open under its new key.

    Any failure before the swap leaves the plaintext file as it was (the half-made copy is removed).
    """
    paths = store.paths
    db = paths.db_path
    office_key = laptop_office_key(store)
    store.dispose()
    key = keyring.new_database_key()
    copy = db.with_name(db.name + ".encrypting")
    for suffix in ("", *SIDE_FILES, ".keys"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    try:
        export_encrypted(db, copy, key)
        with (
            closing(connect_file(db, read_only=True)) as plain,
            closing(connect_file(copy, key)) as encrypted,
        ):
            problem = encrypted.execute("PRAGMA integrity_check").fetchone()[0]
            if problem != "ok" or _tables(plain) != _tables(encrypted):
                raise RuntimeError("the encrypted copy differs from the database")
        keys = keyring.new_key_file()
        keys.put(keyring.user_slot(keys, key, username, password))
        # Written before the swap: beside a plaintext file a key file is ignored (its header says SQLite).
        keyring.write_key_file(key_file(db), keys)
        for suffix in SIDE_FILES:  # the plaintext's -wal was folded in by the export
            Path(str(db) + suffix).unlink(missing_ok=True)
        replace(copy, db)
    except BaseException:
        for suffix in ("", *SIDE_FILES):
            Path(str(copy) + suffix).unlink(missing_ok=True)
        if not is_encrypted(db):
            key_file(db).unlink(missing_ok=True)
        raise
    if office_key is not None:  # a laptop: recovered by the office, as a laptop joined encrypted is
        keyring.set_office(db, key, office_key)
        recovery = None
    else:
        recovery = keyring.set_recovery(db, key)
    removed = 0
    for old in backup.list_backups(paths):
        if not backup.needs_key(old.path):
            old.path.unlink(missing_ok=True)
            removed += 1
    for damaged in paths.backup_dir.glob("songjiao-damaged-*") if paths.backup_dir.exists() else []:
        if not is_encrypted(damaged) and not damaged.name.endswith(".keys"):
            damaged.unlink(missing_ok=True)
    encrypted_store = Store(paths, key=key)
    backup.make_backup(paths, "encrypted", key=key)
    log.info("database encrypted in place; %d plaintext backups removed", removed)
    return Encrypted(encrypted_store, removed, recovery)
