"""What a database file is, found out before anything writes to it (DESIGN pattern 5), and storage
failures named by their real cause.

Opening a file through the engine already changes it: ``journal_mode=WAL`` rewrites the header and makes
-wal and -shm files, and migrating an empty file turns it into an empty school. So the file is judged
first from its bytes and through a read-only, immutable connection (which writes nothing, not even a
-shm file): missing, a folder, zero bytes, not SQLite, damaged (e.g. truncated), another program's
SQLite file, one from a newer Songjiao, read-only (or in a read-only folder). Each refusal says what to
do and leaves every file as it was.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import struct
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from app.db.engine import WrongKeyError, connect_encrypted, key_file
from app.db.schema import SchemaError

HEADER = b"SQLite format 3\x00"
# Tables every Songjiao database has had since its first revision: an Alembic-managed file without them
# belongs to another program.
OURS = frozenset({"alembic_version", "school", "student"})


try:
    from sqlcipher3 import DatabaseError as _CipherError

    DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError, _CipherError)
except ImportError:  # pragma: no cover - a dependency
    DRIVER_ERRORS = (sqlite3.DatabaseError,)


class StorageError(SchemaError):
    """The database file cannot be used as it is; the message names the cause and what to do."""


@dataclass(frozen=True)
class Probe:
    # missing | new (an empty SQLite file or one with only alembic_version) | ours | encrypted (SQLCipher, with
    # its key file: what it holds is judged once the key is known, see setup.open_store)
    kind: str
    revision: str | None = None


def _refuse(message_id: str, path: Path, text: str) -> StorageError:
    return StorageError(message_id, f"{path}: {text} Nothing was changed.")


def _damaged(path: Path) -> StorageError:
    return _refuse(
        "storage.damaged",
        path,
        "the database file is damaged (cut short or overwritten). Restore the newest backup "
        "(`songjiao backups`, then `songjiao restore FILE`).",
    )


def probe(path: Path, known_revisions: frozenset[str] | set[str], key: bytes | None = None) -> Probe:
    """Judge ``path`` without changing it; raise StorageError for anything that is not usable.

    An encrypted file is judged as far as its bytes allow; with its ``key`` it is read (read-only) and judged
    as a plaintext one is: cut short, another program's, from a newer Songjiao.
    """
    path = Path(path)
    if not path.exists():
        if path.parent.exists() and not os.access(path.parent, os.W_OK | os.X_OK):
            raise read_only_folder(path)
        return Probe("missing")
    if path.is_dir():
        raise _refuse("storage.folder", path, "this is a folder, not a database file: check the --db path.")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(100)
    except PermissionError as error:
        raise _refuse(
            "storage.no_access", path, "this user may not read the database file: check its permissions."
        ) from error
    if size == 0:
        raise _refuse(
            "storage.empty_file",
            path,
            "the file is empty (0 bytes), so it holds no school. If it should, restore the newest backup; "
            "for a new database, delete the empty file or choose another name.",
        )
    if not head.startswith(HEADER) and key_file(path).exists():
        if key is not None:
            _judge_encrypted(path, key, size, known_revisions)
        _check_writable(path)
        return Probe("encrypted")
    if not head.startswith(HEADER):
        raise _refuse(
            "storage.not_sqlite",
            path,
            "this is not a database file (not SQLite): check the --db path.",
        )
    if len(head) < 100:
        raise _damaged(path)
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    pages = struct.unpack(">I", head[28:32])[0]
    wal = Path(str(path) + "-wal")
    # The page count in the header is valid when the change counters agree (SQLite 3.7.0 and later); a
    # file shorter than it says was cut short. With a -wal file the main file may legitimately lag.
    if head[24:28] == head[92:96] and pages and size < pages * page_size and not wal.exists():
        raise _damaged(path)
    tables, revision = _read_schema(path, wal.exists())
    kind = _judge_tables(path, tables, revision, known_revisions)
    _check_writable(path)
    return Probe(kind, revision)


def _judge_encrypted(path: Path, key: bytes, size: int, known_revisions: frozenset[str] | set[str]) -> None:
    wal = Path(str(path) + "-wal")
    try:
        # As for a plaintext file: immutable (nothing written, not even a -shm) unless a -wal must be read.
        conn = connect_encrypted(path, key, read_only=True, immutable=not wal.exists())
    except WrongKeyError as error:
        # A file cut short mid-page cannot be a whole SQLCipher file; a whole one the key does not open
        # is named as such (damaged, or another database's key file).
        if size % 1024:
            raise _damaged(path) from error
        raise
    try:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        if pages and size < pages * page_size and not wal.exists():
            raise _damaged(path)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = None if row is None else str(row[0])
    except DRIVER_ERRORS as error:
        raise _damaged(path) from error
    finally:
        conn.close()
    _judge_tables(path, tables, revision, known_revisions)


def _judge_tables(
    path: Path, tables: set[str], revision: str | None, known_revisions: frozenset[str] | set[str]
) -> str:
    if not tables - {"alembic_version"}:
        kind = "new"
    elif "alembic_version" not in tables or not tables >= OURS:
        raise _refuse(
            "schema.foreign",
            path,
            "this SQLite file belongs to another program, not Songjiao: check the --db path.",
        )
    else:
        kind = "ours"
    if revision is not None and revision not in known_revisions:
        raise _refuse(
            "schema.newer",
            path,
            "the database was written by a newer version of Songjiao: update the program first.",
        )
    return kind


def _check_writable(path: Path) -> None:
    if not os.access(path, os.W_OK):
        raise _refuse(
            "storage.read_only",
            path,
            "the database file is read-only: make it writable (or copy it to a folder of your own) and "
            "try again.",
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise read_only_folder(path)


def locked(path: Path) -> StorageError:
    """An encrypted database opened without its key."""
    return _refuse(
        "storage.locked",
        path,
        "the database is encrypted: log in first (on the command line: --user NAME with its password, or "
        "--recovery-key FILE).",
    )


def probe_server(url: str, known_revisions: frozenset[str] | set[str], where: str) -> Probe:
    """Judge a database on a PostgreSQL server by connecting to it (there is no file to read); ``where`` names it
    in messages (the URL without its password). An empty database is ``new``: making the database itself, and
    the role that owns it, is the server administrator's step (docs/postgres.md)."""
    from sqlalchemy import create_engine, exc
    from sqlalchemy.pool import NullPool

    from app.db import server

    engine = create_engine(url, poolclass=NullPool, hide_parameters=True)
    try:
        with engine.connect() as conn:
            tables = server.table_names(conn)
            revision = None
            if "alembic_version" in tables:
                row = conn.exec_driver_sql("SELECT version_num FROM alembic_version").first()
                revision = None if row is None else str(row[0])
    except exc.DBAPIError as error:
        # The driver's first line says which (no such host, no such database, wrong password); it names the
        # server, the user and the database, never a record.
        reason = str(getattr(error, "orig", error)).strip().splitlines()[0] if str(error).strip() else ""
        raise StorageError(
            "storage.server_unreachable",
            f"{where}: cannot use the PostgreSQL database ({reason}): check the URL, that the server runs, "
            "that the database exists and the user may log in. Nothing was changed.",
        ) from None
    finally:
        engine.dispose()
    if not tables - {"alembic_version"}:
        kind = "new"
    elif "alembic_version" not in tables or not tables >= OURS:
        raise StorageError(
            "schema.foreign",
            f"{where}: this database belongs to another program, not Songjiao: check the URL. Nothing was changed.",
        )
    else:
        kind = "ours"
    if revision is not None and revision not in known_revisions:
        raise StorageError(
            "schema.newer",
            f"{where}: the database was written by a newer version of Songjiao: update the program first. "
            "Nothing was changed.",
        )
    return Probe(kind, revision)


def read_only_folder(path: Path) -> StorageError:
    return _refuse(
        "storage.read_only_folder",
        path,
        "the folder of the database is read-only (SQLite needs to write its journal beside the file): "
        "move the database to a folder of your own, or make this one writable.",
    )


def _read_schema(path: Path, has_wal: bool) -> tuple[set[str], str | None]:
    # immutable=1 reads the file as bytes, with no locks and no -shm; with a -wal present (a database in
    # use, or left by a crash) the WAL must be read too, so a plain read-only connection is used.
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if has_wal else "&immutable=1")
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = None if row is None else str(row[0])
            return tables, revision
    except sqlite3.DatabaseError as error:
        raise _damaged(path) from error


def describe(error: BaseException, path: Path | str | None = None) -> str:
    """A storage failure during work (not at opening) as one line naming its cause and what to do."""
    text = str(getattr(error, "orig", None) or error).lower()
    number = getattr(error, "errno", None)
    where = f"{path}: " if path is not None else ""
    orig = getattr(error, "orig", None)
    if orig is not None and type(orig).__module__.startswith("psycopg"):
        # The server's first line only: its DETAIL lines can quote a row's values (a name, an ID number).
        first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
        return f"{where}the PostgreSQL server stopped the work ({first}): check the server and try again."
    if number == errno.ENOSPC or "disk is full" in text or "database or disk is full" in text:
        return f"{where}the disk is full: free some space (or move the data folder) and try again."
    if number in (errno.EROFS, errno.EACCES, errno.EPERM) or "readonly" in text or "read-only" in text:
        what = "the file or its folder" if isinstance(error, OSError) else "the database or its folder"
        return f"{where}{what} is read-only: make it writable (or use a folder of your own) and try again."
    if "locked" in text or "busy" in text:
        return f"{where}the database is in use by another program (locked): close it and try again."
    if "unable to open" in text:
        return f"{where}the database file cannot be opened: check the --db path and its folder's permissions."
    return (
        f"{where}the database file is damaged: restore the newest backup "
        "(`songjiao backups`, then `songjiao restore FILE`)."
    )
