"""A writer killed mid-transaction (power cut, task manager): every committed row survives, no uncommitted one does."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select

from app.db.models import Setting
from app.paths import resolve
from app.services import check
from app.services.context import ServiceContext, reading
from tests.conftest import open_test_store

WRITER = textwrap.dedent("""
    import sys, time
    from sqlalchemy import text
    from app.db.models import Setting
    from app.paths import resolve
    from app.services.context import ServiceContext, transaction
    from app.services.setup import open_store

    ctx = ServiceContext(open_store(resolve(sys.argv[1]), key=bytes(range(32))))  # tests.conftest.TEST_KEY
    kill_at = int(sys.argv[2])
    batch = 0
    while True:
        with transaction(ctx) as session:
            # A small page cache (an encrypted connection has 64 MiB), so the big batch spills to the WAL.
            session.execute(text("PRAGMA cache_size = -2000"))
            # The last batch is big enough to spill uncommitted pages into the WAL file before the kill.
            rows = 4000 if batch == kill_at else 20
            for j in range(rows):
                session.add(Setting(key=f"crash-{batch}-{j}", value={"batch": batch, "pad": "x" * 800}))
            session.flush()
            if batch == kill_at:
                print(f"open {batch}", flush=True)
                time.sleep(60)
        print(f"committed {batch}", flush=True)
        batch += 1
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_mid_transaction_keeps_committed_rows_only(tmp_path):
    db = tmp_path / "crash.sqlite3"
    open_test_store(resolve(db)).dispose()  # created and migrated before the writer starts
    kill_at = 12
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), str(kill_at)], stdout=subprocess.PIPE, text=True
    )
    committed = []
    try:
        assert child.stdout is not None
        for line in child.stdout:
            word, number = line.split()
            if word == "committed":
                committed.append(int(number))
            else:
                assert int(number) == kill_at
                assert (
                    tmp_path / "crash.sqlite3-wal"
                ).stat().st_size > 1_000_000  # uncommitted pages on disk
                os.kill(child.pid, signal.SIGKILL)
                break
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert committed == list(range(kill_at))

    store = open_test_store(resolve(db))
    try:
        with reading(ServiceContext(store)) as session:
            keys = list(session.scalars(select(Setting.key).where(Setting.key.like("crash-%"))))
        batches: dict[int, int] = {}
        for key in keys:
            batch = int(key.split("-")[1])
            batches[batch] = batches.get(batch, 0) + 1
        assert batches == {batch: 20 for batch in committed}
        assert check.run_checks(store) == []
    finally:
        store.dispose()
