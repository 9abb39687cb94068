"""The purge folds the write-ahead log into the file (privacy._fold_wal) without stalling the app: a TRUNCATE
checkpoint blocks every new writer while it waits for the readers, and with the pool's 5 s busy timeout one open
read (the hub serving a laptop, a page loading) held the purge, and every save behind it, for 5 s. It waits a
moment only, leaves the folding for later when a reader holds the log, and gives the pooled connection back with
its usual timeout."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import func, select

from app.db.engine import BUSY_TIMEOUT_MS
from app.db.models import Student
from app.services import privacy, students
from app.services.context import reading
from tests.conftest import sqlite_only


@sqlite_only  # a server has no write-ahead log file to fold
def test_a_reader_holding_the_log_does_not_stall_the_fold_and_the_fold_empties_it_after(school):
    ctx = school.ctx
    students.create_student(school.as_(school.admin), {"code": "S031", "name": "甲"})
    wal = Path(f"{ctx.store.paths.db_path}-wal")
    with reading(ctx) as session:
        session.execute(select(func.count()).select_from(Student)).scalar()  # a snapshot held
        started = time.monotonic()
        privacy._fold_wal(ctx)
        assert time.monotonic() - started < 3.0  # was the whole busy timeout (5 s), writers blocked meanwhile
    privacy._fold_wal(ctx)  # no reader now: folded and emptied
    assert not wal.exists() or wal.stat().st_size == 0
    engine = ctx.store.engine
    idle = [engine.raw_connection() for _ in range(engine.pool.checkedin())]  # the fold's among them
    try:
        assert idle and all(
            raw.cursor().execute("PRAGMA busy_timeout").fetchone()[0] == BUSY_TIMEOUT_MS for raw in idle
        )
    finally:
        for raw in idle:
            raw.close()
