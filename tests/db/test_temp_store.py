"""Temporary tables, indices and sorts of an encrypted database stay in memory (temp_store = MEMORY) on every
connection the program opens: the app's pool, a backup's copy, a restore's check. SQLCipher's temporary files
would be written unencrypted, and how a driver wheel was built (SQLITE_TEMP_STORE) differs by platform."""

from __future__ import annotations

from contextlib import closing

from sqlalchemy import text

from app.db.engine import connect_file
from app.services import backup
from tests.conftest import TEST_KEY, sqlite_only

MEMORY = 2  # PRAGMA temp_store: 0 the build's default, 1 file, 2 memory


@sqlite_only  # key files and SQLCipher: a server database has neither
def test_every_encrypted_connection_keeps_temporary_data_in_memory(school, paths):
    with school.ctx.store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA temp_store")).scalar() == MEMORY
    made = backup.make_backup(paths, key=TEST_KEY)
    for read_only in (False, True):
        with closing(connect_file(made.path, TEST_KEY, read_only=read_only)) as conn:
            assert conn.execute("PRAGMA temp_store").fetchone()[0] == MEMORY
