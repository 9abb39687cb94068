"""Backups with SQLite's online backup API: before migrations, on a schedule, on demand; verified restore."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.db import schema
from app.db.engine import create_private, remove_with_side_files
from app.paths import AppPaths
from app.services.errors import ValidationError
from app.services.files import replace, sqlite_uri

PREFIX = "songjiao-backup-"
SUFFIX = ".sqlite3"
DEFAULT_KEEP = 10


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int


def _copy(source: Path, target: Path) -> None:
    created = create_private(target)
    try:
        with closing(sqlite3.connect(str(source))) as src, closing(sqlite3.connect(str(target))) as dst:
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


def make_backup(paths: AppPaths, reason: str = "manual", keep: int = DEFAULT_KEEP) -> BackupInfo:
    """Copy the database into the backup folder, check the copy, then drop the oldest beyond ``keep``."""
    refuse_on_server(paths)
    if not paths.db_path.exists():
        raise ValidationError("backup.no_database", "There is no database to back up yet.")
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    safe_reason = "".join(c for c in reason if c.isalnum() or c in "-_")[:20] or "manual"
    target = paths.backup_dir / f"{PREFIX}{stamp}-{safe_reason}{SUFFIX}"
    partial = target.with_suffix(".partial")
    _copy(paths.db_path, partial)
    problem = verify(partial)
    if problem:
        remove_with_side_files(partial)
        raise ValidationError("backup.failed", f"The backup copy failed its check: {problem}")
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
        removed.append(old.path)
    return removed


def backup_if_due(paths: AppPaths, every_hours: int, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """The scheduled backup: one when the newest is older than ``every_hours``."""
    if not paths.db_path.exists():
        return None
    latest = list_backups(paths)
    if latest and dt.datetime.now() - latest[0].created < dt.timedelta(hours=every_hours):
        return None
    return make_backup(paths, "scheduled", keep)


def verify(path: Path) -> str | None:
    """Why this file is not a usable Songjiao database, or None when it is."""
    if not path.is_file():
        return "the file does not exist"
    try:
        with closing(sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)) as conn:
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
    except sqlite3.DatabaseError:
        return "the file is not a SQLite database or is damaged"
    return None


def _keep_damaged(paths: AppPaths) -> Path:
    """A raw copy of a database that SQLite cannot back up (damaged, or from a newer program), kept aside."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = paths.backup_dir / f"songjiao-damaged-{stamp}{SUFFIX}"
    paths.backup_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        current = Path(str(paths.db_path) + suffix)
        if current.exists():
            create_private(Path(str(target) + suffix))
            shutil.copyfile(current, str(target) + suffix)
    return target


def restore(paths: AppPaths, source: Path, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """Replace the database with a verified backup; the current database is backed up first.

    A current database too damaged to back up is copied aside byte for byte instead: restoring is what one
    does when the database is broken, so that must not stop it. The caller must have closed every
    connection (dispose the engine) before calling.
    """
    refuse_on_server(paths)
    source = Path(source)
    problem = verify(source)
    if problem:
        raise ValidationError(
            "restore.invalid", f"Cannot restore: {problem}. Nothing was changed.", field="file"
        )
    safety = None
    if paths.db_path.exists():
        try:
            safety = make_backup(paths, "pre-restore", keep)
        except (ValidationError, sqlite3.DatabaseError):
            _keep_damaged(paths)
    paths.db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        _copy(source, paths.db_path)
    except sqlite3.DatabaseError:
        # The old file is not a database SQLite can write into; its bytes are kept aside (above), so start clean.
        for suffix in ("", "-wal", "-shm"):
            Path(str(paths.db_path) + suffix).unlink(missing_ok=True)
        _copy(source, paths.db_path)
    from app.services.exchange.lineage import mark_restored  # the exchange package imports this module

    mark_restored(paths.db_path)
    return safety


def exchange_role_after_restore(paths: AppPaths) -> str | None:
    """``office`` or ``laptop`` when a restored copy can no longer exchange with its peers, else None."""
    from app.services.exchange.lineage import restore_role

    return restore_role(paths.db_path) if paths.db_path.exists() else None


def exchange_note(paths: AppPaths) -> str | None:
    """What a restore meant for exchange (English, for the command line), or None if nothing."""
    from app.services.exchange.lineage import RESTORE_NOTES

    role = exchange_role_after_restore(paths)
    return None if role is None else RESTORE_NOTES[role]
