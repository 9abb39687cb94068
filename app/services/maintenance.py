"""Housekeeping: the scheduled backup at start-up (with the school's own settings) and schema migration on demand."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import exc, select

from app.db import probe, schema
from app.db.engine import is_encrypted
from app.db.models import School
from app.paths import AppPaths
from app.services import backup
from app.services.context import Store

# What a damaged, locked or foreign database file raises, for the callers that report it in one line.
DATABASE_ERRORS: tuple[type[Exception], ...] = (exc.DatabaseError, *backup.DRIVER_ERRORS)


def judge_database(paths: AppPaths, *, create: bool, key: bytes | None = None) -> None:
    """Refuse an unusable database file before anything touches it (app/db/probe.py); a missing one is
    refused too unless the command creates databases (a mistyped --db must not make one). ``key``: an
    encrypted file's, so that what it holds is judged too."""
    if paths.db_url is not None:
        probe.probe_server(paths.db_url, schema.known_revisions(), paths.where)
        return
    if probe.probe(paths.db_path, schema.known_revisions(), key).kind == "missing" and not create:
        raise probe.StorageError(
            "storage.missing",
            f"{paths.db_path}: there is no database here: check the --db path. Nothing was created.",
        )


def storage_problem(error: BaseException, path: Path | str | None) -> str | None:
    """One line naming a storage failure's cause and what to do (disk full, read-only, ...), or None when
    ``error`` is not a storage failure."""
    if isinstance(error, OSError):
        return probe.describe(error, Path(error.filename) if error.filename else path)
    if isinstance(error, DATABASE_ERRORS):
        return probe.describe(error, path)
    return None


log = logging.getLogger(__name__)
DEFAULT_EVERY_HOURS = 24


def backup_settings(store: Store) -> tuple[int, int]:
    """(keep, every_hours) from the school row, or the defaults before the school is set up."""
    with store.session_factory() as session:
        row = session.execute(
            select(School.backup_keep, School.backup_every_hours).where(School.deleted_at.is_(None))
        ).first()
        session.rollback()
    if row is None:
        return backup.DEFAULT_KEEP, DEFAULT_EVERY_HOURS
    return max(int(row[0] or backup.DEFAULT_KEEP), 1), max(int(row[1] or DEFAULT_EVERY_HOURS), 1)


def startup_housekeeping(store: Store) -> backup.BackupInfo | None:
    """Make the scheduled backup if one is due. Safe to run on a worker thread; returns the new backup."""
    keep, every_hours = backup_settings(store)
    made = backup.backup_if_due(store.paths, every_hours, keep, key=store.key)
    if made is not None:
        log.info("scheduled backup made (%d bytes)", made.size)
    return made


def keep_everything(paths: AppPaths) -> int:
    """A backup count that deletes nothing: used when the school's own setting cannot be read."""
    return len(backup.list_backups(paths)) + 1


def revisions() -> list[str]:
    """Every schema revision a database can be migrated to, "base" (no tables) first, this program's last."""
    return ["base", *schema.revision_chain()]


@dataclass(frozen=True)
class Migration:
    current: str
    target: str
    backup: Path | None  # the copy made first (none for an empty or new database, or nothing to do)


def migrate(paths: AppPaths, target: str, key: bytes | None = None) -> Migration:
    """Up- or downgrade the database to ``target`` (one of revisions()), after a backup of any data.
    ``key``: an encrypted database's (unwrapped at log-in)."""
    chain = revisions()
    if target not in chain:
        raise ValueError(target)
    # A server's database is pg_dump's to back up (docs/postgres.md); its DDL is transactional besides.
    existed = paths.db_path.is_file() and not paths.on_server
    if key is None and existed and is_encrypted(paths.db_path):
        raise probe.locked(paths.db_path)
    store = Store(paths, key=key)
    saved: Path | None = None
    try:
        current = schema.check_compatible(store.engine) or "base"
        if current == target:
            return Migration(current, target, None)
        if existed and not schema.is_empty(store.engine):
            keep = keep_everything(paths)
            if current == chain[-1]:
                keep = backup_settings(store)[0]
            store.dispose()
            saved = backup.make_backup(paths, "pre-migration", keep, key=key).path
        if chain.index(target) > chain.index(current):
            schema.upgrade(store.engine, target)
        else:
            schema.downgrade(store.engine, target)
    finally:
        store.dispose()
    return Migration(current, target, saved)


__all__ = [
    "DATABASE_ERRORS",
    "judge_database",
    "storage_problem",
    "Migration",
    "backup_settings",
    "keep_everything",
    "migrate",
    "revisions",
    "startup_housekeeping",
]
