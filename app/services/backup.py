"""Backups with SQLite's online backup API: before migrations, on a schedule, on demand; verified restore."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.db import schema
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
    with closing(sqlite3.connect(str(source))) as src, closing(sqlite3.connect(str(target))) as dst:
        # The backup API copies a consistent snapshot even while the app has the file open.
        src.backup(dst)


def make_backup(paths: AppPaths, reason: str = "manual", keep: int = DEFAULT_KEEP) -> BackupInfo:
    """Copy the database into the backup folder, check the copy, then drop the oldest beyond ``keep``."""
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
        partial.unlink(missing_ok=True)
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
            shutil.copyfile(current, str(target) + suffix)
    return target


def restore(paths: AppPaths, source: Path, keep: int = DEFAULT_KEEP) -> BackupInfo | None:
    """Replace the database with a verified backup; the current database is backed up first.

    A current database too damaged to back up is copied aside byte for byte instead: restoring is what one
    does when the database is broken, so that must not stop it. The caller must have closed every
    connection (dispose the engine) before calling.
    """
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
    return safety
