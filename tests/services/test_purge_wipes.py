"""A purge leaves nothing of the child in the encrypted file's free space. SQLite keeps a deleted row's bytes in
its page until they are overwritten: readable to anyone holding a password (or the recovery key), and copied page
by page into the backup made after the purge. SQLCipher turns secure_delete on for a keyed connection; the purge
turns it on itself, whatever the build's default (here switched off on every connection, as in a build without
it). The test decrypts the pages itself (SQLCipher 4: AES-256-CBC, each page's IV in its reserved tail) and
searches the plaintext."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from sqlalchemy import event, text

from app.db.engine import connect_encrypted
from app.services import privacy, students
from tests.conftest import TEST_KEY, make_id_number, sqlite_only
from tests.services.test_privacy import _leave

RESERVED = 48  # each page's tail in the page format of a new file: IV 16 + HMAC-SHA256 32 (app/db/engine.py)
NAME, ADDRESS = "欧阳清晰", "某某村十二号院"


def _decrypted(path: Path) -> bytes:
    from contextlib import closing

    with closing(connect_encrypted(path, TEST_KEY, read_only=True)) as conn:
        page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    data, pages = path.read_bytes(), []
    for start in range(0, len(data) - page_size + 1, page_size):
        page = data[start : start + page_size]
        iv = page[page_size - RESERVED : page_size - RESERVED + 16]
        body = page[16 if start == 0 else 0 : page_size - RESERVED]  # the first page begins with the salt
        decryptor = Cipher(algorithms.AES(TEST_KEY), modes.CBC(iv)).decryptor()
        pages.append(decryptor.update(body) + decryptor.finalize())
    return b"".join(pages)


@sqlite_only  # a server's pages are PostgreSQL's: its VACUUM is the school's IT's (docs/postgres.md)
def test_the_purged_childs_bytes_are_in_neither_the_file_nor_the_backup_made_after(school, paths):
    engine = school.ctx.store.engine

    @event.listens_for(engine, "connect")
    def no_wiping(dbapi_connection, _record) -> None:
        dbapi_connection.execute("PRAGMA secure_delete = OFF")

    engine.dispose()  # every connection from now on made without it
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA secure_delete")).scalar() == 0
    office = school.as_(school.office)
    kid = students.create_student(
        school.as_(school.admin),
        {"code": "S030", "name": NAME, "address": ADDRESS, "id_number": make_id_number("46010020110315123")},
    ).id
    _leave(school.ctx, kid, "graduated", dt.date(2000, 7, 1))
    privacy.set_retention(office, {"photos": 10, "contacts": 10, "records": 10, "student": 10})
    result = privacy.purge(office, paths)
    assert [c.student_id for c in result.certificates] == [kid] and result.backup_made is not None
    wal = Path(f"{paths.db_path}-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the log's older pages folded in by the purge itself
    school.ctx.store.dispose()
    for file in (paths.db_path, result.backup_made):
        plain = _decrypted(file)
        assert "小明".encode() in plain  # the pages read: another child's row is there (the search can fail)
        left = [what for what in (NAME, ADDRESS) if what.encode() in plain]
        assert left == [], f"the purged child is still in the free space of {file.name}"
