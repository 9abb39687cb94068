"""Backups with SQLite's online backup API: before migrations, on a schedule, on demand; verified restore.

An encrypted database is backed up through SQLCipher with its key (the copy is encrypted page by page with the
same key) and its key file goes with it (``<backup>.keys``): a backup restored on another machine opens with
the passwords (or the recovery key) it was made with. Restoring asks for that key and refuses a wrong one before
anything is touched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.db import probe, schema
from app.db.engine import (
    SIDE_FILES,
    WrongKeyError,
    connect_file,
    create_private,
    is_encrypted,
    key_file,
    page_format_of,
    remove_with_side_files,
)
from app.paths import AppPaths
from app.services import keyring
from app.services.errors import ServiceError, ValidationError
from app.services.files import replace, sqlite_uri

# What SQLite and SQLCipher raise for a file they cannot read.
DRIVER_ERRORS = probe.DRIVER_ERRORS
# Why a safety backup before a restore may fail: then the current files are copied aside byte for byte.
SAFETY_FAILURES: tuple[type[Exception], ...] = (ValidationError, WrongKeyError, *DRIVER_ERRORS)

PREFIX = "songjiao-backup-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int


def _connect(path: Path, key: bytes | None, *, read_only: bool = False) -> Any:
    if read_only and key is None:
        return sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)  # '#' and '%' safe
    return connect_file(path, key, read_only=read_only)


def _copy_key_file(source: Path, target: Path) -> None:
    """The key file beside ``source`` to beside ``target`` (0600); none is left beside a plaintext copy."""
    data = key_file(source).read_bytes()
    created = create_private(key_file(target))
    if not created:
        key_file(target).chmod(0o600)
    key_file(target).write_bytes(data)


def copy_database(source: Path, target: Path, key: bytes | None = None) -> None:
    if not is_encrypted(source):
        key = None  # a plaintext backup (made before encryption) is restored as it is, encrypted at log-in
    created = create_private(target)
    try:
        if key is not None:
            _copy_key_file(source, target)
        with closing(_connect(source, key)) as src:
            # The copy is written in its source's page format: SQLite's backup API copies pages between
            # files whose pages keep the same room for the cipher's tag (a file of an older format stays so).
            page_format = page_format_of(src) if key is not None else None
            with closing(connect_file(target, key, page_format=page_format)) as dst:
                # The backup API copies a consistent snapshot even while the app has the file open.
                src.backup(dst)
                # The copy arrives in WAL mode; as a rollback-journal file it is one self-contained file, and
                # opening it (to verify it) leaves no -wal and -shm beside it. The app sets WAL again on use.
                dst.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        if created:  # a failed copy leaves nothing behind (an existing target is the caller's business)
            remove_with_side_files(target)
        raise


def refuse_on_server(paths: AppPaths) -> None:
    """Backups here are copies of a SQLite file; a PostgreSQL database is backed up by the server's own tools."""
    if paths.on_server:
        raise ValidationError(
            "backup.on_server",
            "This database is on a PostgreSQL server: back it up with pg_dump and restore it with pg_restore "
            "(see docs/postgres.md). Nothing was changed.",
        )


def make_backup(
    paths: AppPaths, reason: str = "manual", keep: int = DEFAULT_KEEP, *, key: bytes | None = None
) -> BackupInfo:
    """Copy the database into the backup folder, check the copy, then drop the oldest beyond ``keep``.

    ``key`` is the open database's key when it is encrypted (``store.key``); the copy is encrypted with it.
    """
    refuse_on_server(paths)
    if not paths.db_path.exists():
        raise ValidationError("backup.no_database", "There is no database to back up yet.")
    if key is None and is_encrypted(paths.db_path):
        raise ValidationError("backup.locked", "The database is encrypted: log in to back it up.")
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(c for c in reason if c.isalnum() or c in "-_")[:20] or "manual"
    target = paths.backup_dir / f"{PREFIX}{stamp}-{safe_reason}{SUFFIX}"
    partial = target.with_suffix(".partial")
    copy_database(paths.db_path, partial, key)
    problem = verify(partial, key)
    if problem:
        remove_with_side_files(partial)
        raise ValidationError("backup.failed", f"The backup copy failed its check: {problem}")
    if key is not None:  # the key file first: a backup that is listed always has its key beside it
        replace(key_file(partial), key_file(target))
    replace(partial, target)
    rotate(paths, keep)
    return _info(target)


def _info(path: Path) -> BackupInfo:
    stem = path.name[len(PREFIX) : -len(SUFFIX)]
    parts = stem.split("-")
    try:
        created = dt.datetime.strptime("-".join(parts[:3]), "%Y%m%d-%H%M%S-%f")
    except ValueError:
        created = dt.datetime.fromtimestamp(path.stat().st_mtime)
    reason = "-".join(parts[3:]) or "manual"
    return BackupInfo(path, created, reason, path.stat().st_size)


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    if not paths.backup_dir.exists():
        return []
    found = [_info(p) for p in paths.backup_dir.glob(f"{PREFIX}*{SUFFIX}")]
    return sorted(found, key=lambda b: b.created, reverse=True)


def rotate(paths: AppPaths, keep: int) -> list[Path]:
    removed = []
    # Half-made copies (and the -wal/-shm files earlier versions left beside every backup): an hour old
    # means no backup is still writing them.
    stale = dt.datetime.now().timestamp() - 3600
    for litter in paths.backup_dir.glob(f"{PREFIX}*.partial*"):
        with contextlib.suppress(OSError):
            if litter.stat().st_mtime < stale:
                litter.unlink()
    for old in list_backups(paths)[max(keep, 1) :]:
        old.path.unlink(missing_ok=True)
        key_file(old.path).unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def backup_if_due(
    paths: AppPaths, every_hours: int, keep: int = DEFAULT_KEEP, *, key: bytes | None = None
) -> BackupInfo | None:
    """The scheduled backup: one when the newest is older than ``every_hours``."""
    if not paths.db_path.exists():
        return None
    latest = list_backups(paths)
    if latest and dt.datetime.now() - latest[0].created < dt.timedelta(hours=every_hours):
        return None
    return make_backup(paths, "scheduled", keep, key=key)


def needs_key(path: Path) -> bool:
    """True for an encrypted backup (or database): restoring or checking it needs its key."""
    return is_encrypted(Path(path))


def opens_with(path: Path, key: bytes | None) -> bool:
    """True when ``key`` opens the file ``path`` (any key opens a plaintext one). A backup made under another
    key (before a key change, or at another office) needs its own: a password it had, or its recovery key."""
    if not needs_key(path):
        return True
    if key is None:
        return False
    try:
        with closing(_connect(Path(path), key, read_only=True)):
            return True
    except WrongKeyError:
        return False


def unwrap_backup_key(path: Path, *, username: str = "", password: str = "", recovery: str = "") -> bytes:
    """The key of the encrypted backup ``path`` from its own key file: a user's password as it was when the
    backup was made, or the recovery key of that time. A wrong one is refused (AuthError) and, unlike a log-in,
    noted nowhere: a backup's refusals leave no file beside it."""
    from app.services import keyring

    if recovery:
        return keyring.unlock_recovery(Path(path), recovery)
    return keyring.unlock_user(Path(path), username, password, wait=False)


def verify(path: Path, key: bytes | None = None) -> str | None:
    """Why this file is not a usable Songjiao database, or None when it is (``key``: an encrypted file's)."""
    path = Path(path)
    if not path.is_file():
        return "the file does not exist"
    if key is None and needs_key(path):
        return "the file is encrypted: its key (a password or the recovery key) is needed to check it"
    if not needs_key(path):
        key = None  # a plaintext file (a backup made before encryption)
    try:
        with closing(_connect(path, key, read_only=True)) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchone()
            if not result or result[0] != "ok":
                return "the file is damaged (integrity check failed)"
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if "alembic_version" not in tables or "school" not in tables:
                return "the file is not a Songjiao database"
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if revision is None or revision[0] not in schema.known_revisions():
                return "the file was written by a newer version of Songjiao"
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                return "the file has broken references"
    except WrongKeyError:
        return "the key does not open the file (it is damaged, or belongs to another database)"
    except DRIVER_ERRORS:
        return "the file is not a SQLite database or is damaged"
    return None


def _keep_damaged(paths: AppPaths) -> Path:
    """A raw copy of a database that SQLite cannot back up (damaged, or from a newer program), kept aside."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = paths.backup_dir / f"songjiao-damaged-{stamp}{SUFFIX}"
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", ".keys"):
        current = Path(str(paths.db_path) + suffix)
        if current.exists():
            create_private(Path(str(target) + suffix))
            shutil.copyfile(current, str(target) + suffix)
    return target


def restore(
    paths: AppPaths,
    source: Path,
    keep: int = DEFAULT_KEEP,
    *,
    key: bytes | None = None,
    current_key: bytes | None = None,
) -> BackupInfo | None:
    """Replace the database with a verified backup; the current database is backed up first.

    ``key`` is the backup's own key (unwrapped from the backup's key file by a password or the recovery key);
    a wrong one is refused before anything is touched. ``current_key`` opens the current database for the
    safety backup; without it (or when the current file is too damaged to back up) the current files are
    copied aside byte for byte instead (an encrypted file stays encrypted): restoring is what one does when
    the database is broken, so that must not stop it. The caller must have closed every connection.
    """
    refuse_on_server(paths)
    source = Path(source)
    problem = verify(source, key)
    if problem:
        raise ValidationError(
            "restore.invalid", f"Cannot restore: {problem}. Nothing was changed.", field="file"
        )
    safety = None
    if paths.db_path.exists():
        try:
            if current_key is None and is_encrypted(paths.db_path):
                raise ValidationError("backup.locked", "no key for the current database")
            safety = make_backup(paths, "pre-restore", keep, key=current_key)
        except SAFETY_FAILURES:
            _keep_damaged(paths)
    recovery = _current_recovery_slot(paths, key, current_key)
    paths.db_path.parent.mkdir(parents=True, exist_ok=True)
    # The current files are saved (above); the backup's copy starts from a clean file, which also drops a key
    # file that belonged to the replaced database.
    for suffix in ("", *SIDE_FILES, ".keys"):
        Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
    copy_database(source, paths.db_path, key)
    if recovery is not None:
        keyring.restore_recovery(paths.db_path, recovery)
    from app.services.exchange.lineage import mark_restored  # the exchange package imports this module

    mark_restored(paths.db_path, key)
    return safety


def _current_recovery_slot(
    paths: AppPaths, key: bytes | None, current_key: bytes | None
) -> dict[str, Any] | None:
    """The school's recovery slot now, for a restored copy of the same database (the same key) to take in place
    of the slot of its time: the sheet in the safe is the current key; one replaced since (lost, or used at a
    recovery log-in) must not open the database again. None when the databases differ or there is none."""
    if key is None or key != current_key:
        return None
    try:
        return keyring.recovery_slot(paths.db_path)
    except ServiceError:  # a damaged current key file: the backup's own slot is all there is
        return None


def exchange_role_after_restore(paths: AppPaths, key: bytes | None = None) -> str | None:
    """``office`` or ``laptop`` when a restored copy can no longer exchange with its peers, else None."""
    from app.services.exchange.lineage import restore_role

    return restore_role(paths.db_path, key) if paths.db_path.exists() else None


def exchange_note(paths: AppPaths, key: bytes | None = None) -> str | None:
    """What a restore meant for exchange (English, for the command line), or None if nothing."""
    from app.services.exchange.lineage import RESTORE_NOTES

    role = exchange_role_after_restore(paths, key)
    return None if role is None else RESTORE_NOTES[role]
