"""The SQLite engine with the connection settings a school's only copy of its records needs."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm", "-journal")


def create_private(path: Path) -> bool:
    """Create ``path`` empty and readable by the user only (0600), unless it exists; True if created.

    Children's records must not be world-readable on a shared computer. SQLite gives the -wal, -shm and
    -journal files the main file's permissions, so creating the main file private covers them. On Windows
    the mode only decides read-only or not: the data lives in the user's profile folder, private already.
    """
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Autocommit mode at the driver so that PRAGMAs are not swallowed by an implicit transaction;
    # SQLAlchemy issues BEGIN itself (see _on_begin).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a power cut on a teacher's laptop must not lose a committed visit record.
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


# Execution option for long read-only work (dump, check): a plain BEGIN reads a WAL snapshot and lets the
# app keep saving meanwhile, where BEGIN IMMEDIATE would hold the write lock for the whole read.
READ_SNAPSHOT = "songjiao_read_snapshot"


def _on_begin(connection: Any) -> None:
    # IMMEDIATE takes the write lock up front, so two writers queue instead of failing mid-transaction.
    snapshot = connection.get_execution_options().get(READ_SNAPSHOT)
    connection.exec_driver_sql("BEGIN" if snapshot else "BEGIN IMMEDIATE")


def make_engine(path: Path | str, *, echo: bool = False) -> Engine:
    url = "sqlite+pysqlite:///" + str(Path(path))
    # hide_parameters: a database error's text (logged, shown) must not carry the row's names and ID numbers.
    engine = create_engine(url, echo=echo, future=True, hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
