"""The SQLite engine with the connection settings a school's only copy of its records needs; encrypted with
SQLCipher 4 when a database key is given (docs/encryption.md)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from app.db.errors import SchemaError
from app.paths import KEY_FILE_SUFFIX

BUSY_TIMEOUT_MS = 5000
SIDE_FILES = ("-wal", "-shm", "-journal")
KEY_BYTES = 32
# 64 MiB of page cache per encrypted connection: every page read from disk is decrypted and its HMAC checked,
# so a cache that holds the working set keeps joins near plain SQLite's speed (DESIGN.md pattern 5: a join over
# every visit and lesson took 1.2 s with the default cache against 0.15 s with this one).
ENCRYPTED_CACHE_KIB = 65536
# The page format of new files: SQLCipher 4's AES-256-CBC with a per-page HMAC, in 8 KiB pages with HMAC-SHA256.
# Reading a page from the file costs its decryption and HMAC check, and about half of that is per page (the
# cipher's and the HMAC's set-up), not per byte: 8 KiB pages pay it half as often, and SQLite's own b-tree work
# is lighter too. `check`, which reads every page, went from +15 % and +16 % of plaintext to +13 % and +5 % (two
# idle runs of benchmarks/bench_core.py --compare); 16 KiB pages made the b-tree work dearer than they saved. SHA-256 runs on the CPU's SHA extensions, a third cheaper than SQLCipher's
# default SHA-512, and a 256-bit tag is as strong as the AES-256 it guards.
PAGE_FORMAT: tuple[str, ...] = ("cipher_hmac_algorithm = HMAC_SHA256", "cipher_page_size = 8192")
# Older files open in their own format: 4 KiB pages with HMAC-SHA256 (the version before), and SQLCipher 4's
# own defaults, 4 KiB pages with HMAC-SHA512 (this program's first encrypted files).
SHA256_4K_FORMAT: tuple[str, ...] = ("cipher_hmac_algorithm = HMAC_SHA256",)
LEGACY_FORMAT: tuple[str, ...] = ()
FORMATS = (PAGE_FORMAT, SHA256_4K_FORMAT, LEGACY_FORMAT)  # the order they are tried in: newest first
# What a format leaves unsaid is SQLCipher 4's default.
CIPHER_DEFAULTS = {"cipher_hmac_algorithm": "HMAC_SHA512", "cipher_page_size": "4096"}


class WrongKeyError(SchemaError):
    """The database key does not open this file (the file is damaged or the key belongs to another file)."""


def key_file(db_path: Path) -> Path:
    """Where the wrapped key of an encrypted database lives: beside it, readable before the database opens."""
    return Path(str(db_path) + KEY_FILE_SUFFIX)


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
    for suffix in ("", *SIDE_FILES, KEY_FILE_SUFFIX):
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


def make_engine(path: Path | str, *, echo: bool = False, key: bytes | None = None) -> Engine:
    """The engine for ``path``: SQLCipher with ``key`` (the raw 256-bit database key), else plain SQLite."""
    if key is not None:
        return _encrypted_engine(Path(path), key, echo)
    return _sqlite_engine("sqlite+pysqlite:///" + str(Path(path)), echo)


def _sqlite_engine(url: str, echo: bool, **options: Any) -> Engine:
    # hide_parameters: a database error's text (logged, shown) must not carry the row's names and ID numbers.
    engine = create_engine(url, echo=echo, future=True, hide_parameters=True, **options)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def connect_encrypted(
    path: Path,
    key: bytes,
    *,
    read_only: bool = False,
    immutable: bool = False,
    page_format: tuple[str, ...] | None = None,
) -> Any:
    """A sqlcipher3 connection to ``path`` opened with the raw ``key``; WrongKeyError when the key does not fit.

    The key is given raw (``x'…'``), so SQLCipher's own passphrase derivation (PBKDF2, ~0.15 s per connection)
    is skipped: the key is random already, and the slow derivation guards the user's password in the key file
    instead. Nothing is written before the key is checked, so a wrong key leaves every byte as it was.

    A new (empty) file gets :data:`PAGE_FORMAT`; an existing one opens in the format it was written in (each of
    :data:`FORMATS` is tried: a page of another format fails its HMAC like a wrong key, before anything is
    written), unless ``page_format`` names the one to use (a backup's copy takes its source's).
    """
    import sqlcipher3

    if len(key) != KEY_BYTES:
        raise ValueError("a database key has 32 bytes")
    target = _read_only_uri(path, immutable) if read_only or immutable else str(path)
    refused: BaseException | None = None
    for pragmas in FORMATS if page_format is None else (page_format,):
        conn = sqlcipher3.connect(target, uri=read_only or immutable, check_same_thread=False)
        try:
            # SQLCipher logs a failed page check to stderr by default: one line on the terminal is ours to write.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
            for pragma in pragmas:
                conn.execute(f"PRAGMA {pragma}")
            # Temporary tables and indices (sorting, big joins) stay in memory, never in an unencrypted temp file.
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as error:
            conn.close()
            if str(getattr(error, "sqlite_errorname", "")).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise  # another program holds the file: said as such, never taken for a key that does not fit
            refused = error
            continue
        except BaseException:
            conn.close()
            raise
        return conn
    raise WrongKeyError(
        "storage.wrong_key",
        f"{path}: the key does not open this database (the file is damaged, or its key file belongs to "
        "another database). Nothing was changed.",
    ) from refused


def page_format_of(conn: Any) -> tuple[str, ...]:
    """The page format an open encrypted connection reads (one of :data:`FORMATS`)."""
    settings = {name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]).upper() for name in CIPHER_DEFAULTS}
    for page_format in FORMATS:
        named = dict(pragma.split(" = ") for pragma in page_format)
        if {**CIPHER_DEFAULTS, **named} == settings:
            return page_format
    raise ValueError(f"an encrypted connection in a page format this program does not write: {settings}")


def connect_file(
    path: Path,
    key: bytes | None = None,
    *,
    read_only: bool = False,
    page_format: tuple[str, ...] | None = None,
) -> Any:
    """A DB-API connection to a closed database file, outside SQLAlchemy (backups, restore): through SQLCipher
    with ``key`` (``page_format``: see :func:`connect_encrypted`), else plain sqlite3."""
    if key is not None:
        return connect_encrypted(path, key, read_only=read_only, page_format=page_format)
    import sqlite3

    if read_only:
        return sqlite3.connect(_read_only_uri(path), uri=True)
    return sqlite3.connect(str(path))


def _read_only_uri(path: Path, immutable: bool = False) -> str:
    # Quoted: a '#' or '%' in a folder name would otherwise end or bend the path (app/services/files.py).
    # immutable=1: read as bytes, no locks, no -shm made beside the file (app/db/probe.py).
    posix = Path(path).absolute().as_posix()
    uri = "file://" + quote(posix if posix.startswith("/") else "/" + posix, safe="/:") + "?mode=ro"
    return uri + ("&immutable=1" if immutable else "")


def export_encrypted(plain: Path, target: Path, key: bytes) -> None:
    """Copy the closed plaintext database ``plain`` into the new file ``target``, encrypted with ``key``
    (SQLCipher's sqlcipher_export: every table, index, trigger and row, page by page into the cipher)."""
    import sqlcipher3

    conn = sqlcipher3.connect(str(plain))
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        # The plaintext's WAL is folded in first, so that nothing of it stays beside the file afterwards.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), f"x'{key.hex()}'"))
        for pragma in PAGE_FORMAT:
            conn.execute(f"PRAGMA encrypted.{pragma}")
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()


def _encrypted_engine(path: Path, key: bytes, echo: bool) -> Engine:
    import sqlcipher3

    connect_encrypted(path, key).close()  # a wrong key fails here, typed, before any pool or PRAGMA
    # module=sqlcipher3: SQLAlchemy translates the driver's own exception classes (IntegrityError ...).
    # QueuePool as for a plain file: the URL names no file, which SQLAlchemy would take for :memory: and give
    # one connection per thread (a read snapshot and a save on one thread would then share a connection).
    return _sqlite_engine(
        "sqlite+pysqlite://",
        echo,
        module=sqlcipher3,
        creator=lambda: connect_encrypted(path, key),
        poolclass=QueuePool,
    )


def is_encrypted(path: Path) -> bool:
    """True when ``path`` is a database file that does not start like plain SQLite (SQLCipher's first page
    is random bytes) and a key file lies beside it."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(16)
    except OSError:
        return False
    return bool(head) and head != b"SQLite format 3\x00" and key_file(Path(path)).exists()


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False, future=True)
