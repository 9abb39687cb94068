"""Housekeeping when the app starts: the scheduled backup, with the school's own settings."""

from __future__ import annotations

import logging

from sqlalchemy import select

from app.db.models import School
from app.services import backup
from app.services.context import Store

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
    made = backup.backup_if_due(store.paths, every_hours, keep)
    if made is not None:
        log.info("scheduled backup made (%d bytes)", made.size)
    return made
