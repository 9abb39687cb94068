"""The purge folds the write-ahead log into the file (privacy._fold_wal) without stalling the app. A TRUNCATE
checkpoint that waits in SQLite's busy handler blocks every new writer meanwhile, and with the pool's 5 s busy
timeout one open read (the hub serving a laptop, a page loading) held every save for those 5 s (and a save's own
5 s could run out: "database is locked"). The fold tries without waiting, again for a moment, so saves go on; it
leaves the folding for later when a reader holds the log, and gives the pooled connection back as it was."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from sqlalchemy import func, select

from app.db.engine import BUSY_TIMEOUT_MS
from app.db.models import Student
from app.services import privacy, students
from app.services.context import reading
from tests.conftest import sqlite_only


@sqlite_only  # a server has no write-ahead log file to fold
def test_saves_go_on_while_the_fold_waits_for_a_reader_and_the_fold_empties_the_log_after(school):
    ctx, admin = school.ctx, school.as_(school.admin)
    students.create_student(admin, {"code": "S031", "name": "甲"})
    wal = Path(f"{ctx.store.paths.db_path}-wal")
    folding = threading.Thread(target=privacy._fold_wal, args=(ctx,))
    with reading(ctx) as session:
        session.execute(select(func.count()).select_from(Student)).scalar()  # a snapshot held
        folding.start()
        time.sleep(0.3)  # the fold is waiting for this reader now
        started = time.monotonic()
        students.create_student(admin, {"code": "S032", "name": "乙"})  # a save meanwhile
        assert time.monotonic() - started < 1.5, "a save waited for the purge's checkpoint"
        folding.join(timeout=30)
    assert not folding.is_alive()
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
