"""Shared fixtures: one fresh database file per test and a small school to work in."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

if "mutants" in Path(__file__).resolve().parts:
    # Under mutmut (benchmarks/mutation.py) the suite runs many times in one process: a class-based @given
    # test meets a new instance each time, which Hypothesis flags; fixed examples make the score repeatable,
    # and 30 of them per property (not 100) keep a mutant of the visit rule to seconds on a shared machine.
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "mutmut",
        suppress_health_check=[HealthCheck.differing_executors, HealthCheck.too_slow],
        derandomize=True,
        database=None,
        max_examples=30,
        deadline=None,
    )
    settings.load_profile("mutmut")

from app.paths import is_server_url, resolve  # noqa: E402
from app.services import keyring, students, throttle, users  # noqa: E402
from app.services.context import Actor, ServiceContext  # noqa: E402
from app.services.setup import initialize_school, open_store  # noqa: E402

TODAY = dt.date(2026, 11, 20)  # a Friday in the autumn 2026 term
TERM = {
    "name": "2026秋季学期",
    "start": "2026-09-01",
    "end": "2027-01-22",
    "days": [
        {"date": "2026-09-25", "kind": "holiday", "name": "中秋节"},
        *({"date": f"2026-10-0{d}", "kind": "holiday", "name": "国庆节"} for d in (1, 2, 5, 6, 7)),
        {"date": "2026-10-10", "kind": "workday", "name": "调休上班"},
    ],
}


# Every database a test makes is encrypted with this key (the fixture below stands in for the random one), so
# that db_digest() and a test's own reads can open it; tests of the key's randomness call the real function.
TEST_KEY = bytes(range(32))
# Argon2id costs 0.3 s per slot in use; tests make slots with the cheapest parameters (a slot carries its own).
CHEAP_KDF = keyring.KdfParams(time_cost=1, memory_kib=8, parallelism=1)
# The fixtures' users and their passwords (the school fixture below), for logging in on the command line.
PASSWORDS = {"admin": "admin-pass"}
DEFAULT_PASSWORD = "password1"
REAL_NEW_KEY = keyring.new_database_key


@pytest.fixture(autouse=True)
def cheap_keys(monkeypatch):
    """Cheap key slots, the fixed test key for new databases, and no wrong-password delay."""
    monkeypatch.setattr(keyring, "DEFAULT_KDF", CHEAP_KDF)
    monkeypatch.setattr(keyring, "new_database_key", lambda: TEST_KEY)
    monkeypatch.setattr(
        throttle, "DELAY_UNIT_S", 0.0
    )  # every wrong-password wait (tests that time one set it)
    monkeypatch.setattr(keyring, "_failures", [0])


def connect_db(path, read_only: bool = True):
    """A DB-API connection to a test database, encrypted (with TEST_KEY) or plain."""
    from app.db.engine import connect_file, is_encrypted

    return connect_file(Path(path), TEST_KEY if is_encrypted(Path(path)) else None, read_only=read_only)


def open_test_store(paths, **options):
    """Open (or create) a test database as a logged-in user would: an encrypted one with TEST_KEY."""
    return open_store(paths, key=TEST_KEY, **options)


def copy_db(source, target) -> None:
    """A closed database file copied by hand, with its key file (an encrypted file is useless without it)."""
    import shutil

    shutil.copy(source, target)
    keys = Path(str(source) + ".keys")
    if keys.exists():
        shutil.copy(keys, str(target) + ".keys")


def run_as(argv, user: str = "admin", password: str | None = None) -> int:
    """The command line run as ``user`` (``--user`` before the command, the password in SONGJIAO_PASSWORD)."""
    from app.cli.main import run

    saved = os.environ.get("SONGJIAO_PASSWORD")
    os.environ["SONGJIAO_PASSWORD"] = password or PASSWORDS.get(user, DEFAULT_PASSWORD)
    try:
        return run(["--user", user, *argv])
    finally:
        if saved is None:
            os.environ.pop("SONGJIAO_PASSWORD", None)
        else:
            os.environ["SONGJIAO_PASSWORD"] = saved


def db_digest(path, *files) -> str:
    """A digest of everything a refusal must leave alone: the schema and every row of every table of the
    SQLite file ``path`` (tables by name, rows sorted, so the digest depends on content, not on page layout or
    rowid order), then the bytes of each of ``files`` (a folder: every file under it, by relative name; a
    missing path counts as missing), and the database's key file. Compare it before and after: equal means
    nothing changed. An encrypted file is read with TEST_KEY."""
    digest = hashlib.sha256()
    url = path if isinstance(path, str) and is_server_url(path) else _SERVER_DATABASES.get(Path(path))
    if url is not None:
        _server_digest(digest, url)
        return _files_digest(digest, files)
    if not Path(path).exists():  # a refusal on a missing database must not create one
        digest.update(b"<no database>")
        return _files_digest(digest, files)
    keys = Path(str(path) + ".keys")
    digest.update(keys.read_bytes() if keys.exists() else b"<no key file>")
    con = connect_db(path)
    try:
        schema = con.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%' ORDER BY type, name"
        ).fetchall()
        digest.update(repr(schema).encode())
        for _type, table, _sql in (row for row in schema if row[0] == "table"):
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()
            digest.update(f"\0{table}\0{len(rows)}".encode())
            digest.update(repr(sorted(rows, key=repr)).encode())
    finally:
        con.close()
    return _files_digest(digest, files)


def _server_digest(digest, url: str) -> None:
    """db_digest of a PostgreSQL database: its columns and constraints, then every row of every table."""
    import sqlalchemy as sa

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            schema = conn.execute(
                sa.text(
                    "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
                    "WHERE table_schema = current_schema() ORDER BY 1, 2"
                )
            ).fetchall()
            digest.update(repr(schema).encode())
            for table in sorted({row[0] for row in schema}):
                rows = [tuple(r) for r in conn.execute(sa.text(f'SELECT * FROM "{table}"'))]
                digest.update(f"\0{table}\0{len(rows)}".encode())
                digest.update(repr(sorted(rows, key=repr)).encode())
    finally:
        engine.dispose()


def _files_digest(digest, files) -> str:
    for item in map(Path, files):
        found = sorted(p for p in item.rglob("*") if p.is_file()) if item.is_dir() else [item]
        for file in found:
            name = file.relative_to(item).as_posix() if item.is_dir() else str(file)
            digest.update(f"\0{name}\0".encode())
            digest.update(file.read_bytes() if file.exists() else b"<missing>")
    return digest.hexdigest()


@contextmanager
def unchanged(path, *files):
    """``with unchanged(db_path, folder), pytest.raises(...):``: the block may refuse, but nothing in the
    database ``path`` or in ``files`` (see :func:`db_digest`) may be different afterwards."""
    before = db_digest(path, *files)
    yield
    assert db_digest(path, *files) == before, "a refused action changed the database or its files"


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server (tests/pg.py), one per xdist worker, stopped at the end of the run.

    Skipped when this machine has no PostgreSQL binaries, except where SONGJIAO_REQUIRE_PG=1 (.ci/run sets it):
    there a missing server fails the run instead of quietly testing one backend only."""
    from tests import pg

    if pg.find_bin() is None:
        reason = "PostgreSQL binaries not found (install Debian's postgresql, or set SONGJIAO_PG_BIN)"
        if os.environ.get("SONGJIAO_REQUIRE_PG") == "1":
            pytest.fail(f"SONGJIAO_REQUIRE_PG=1 but {reason}", pytrace=False)
        pytest.skip(reason)
    with pg.running_server() as server:
        yield server


@pytest.fixture
def pg_url(pg_server):
    """A new, empty PostgreSQL database for this test (dropped afterwards): its SQLAlchemy URL
    ``postgresql+psycopg://postgres@/NAME?host=SOCKET_FOLDER``."""
    with pg_server.database() as url:
        yield url


# The backend the database fixtures give: SONGJIAO_TEST_DB=postgresql runs the same tests on the throwaway
# PostgreSQL (tests/pg.py); .ci/run runs the services, exchange, reports, CLI and db suites both ways.
BACKEND = os.environ.get("SONGJIAO_TEST_DB", "sqlite")
ON_SERVER = BACKEND == "postgresql"
# The stand-in db_path of each test database on the server -> its URL, so db_digest(paths.db_path) digests it.
_SERVER_DATABASES: dict[Path, str] = {}


@pytest.fixture(scope="session")
def pg_template(pg_server):
    """A database migrated to the head revision once per run; each test's database is a copy of it."""
    name = pg_server.create_database("songjiao_template")
    store = open_store(resolve(pg_server.url(name), pg_server.base / "template-data"))
    store.dispose()
    return name


@pytest.fixture
def pg_paths(request, tmp_path, monkeypatch):
    """AppPaths of a fresh, migrated PostgreSQL database (a copy of the template) with its data folder in
    tmp_path; dropped after the test."""
    server = request.getfixturevalue("pg_server")
    template = request.getfixturevalue("pg_template")
    name = server.create_database(template=template)
    paths = resolve(server.url(name), tmp_path / "server-data")
    # A command given only the URL (`--db URL`, no --data-dir) logs into this test's folder too, and names the
    # same database (db_path is the URL's stand-in inside the data folder).
    monkeypatch.setenv("SONGJIAO_DATA_DIR", str(paths.data_dir))
    _SERVER_DATABASES[paths.db_path] = server.url(name)
    yield paths
    del _SERVER_DATABASES[paths.db_path]
    server.drop_database(name)


@pytest.fixture
def paths(request, tmp_path):
    """The test's database: a new SQLite file, or (SONGJIAO_TEST_DB=postgresql) a database on the test server."""
    if ON_SERVER:
        return request.getfixturevalue("pg_paths")
    return resolve(tmp_path / "school.sqlite3")


sqlite_only = pytest.mark.skipif(
    ON_SERVER, reason="about the SQLite file itself (the PostgreSQL run covers the rest)"
)


@pytest.fixture
def store(paths):
    store = open_test_store(paths)
    yield store
    store.dispose()


@pytest.fixture
def ctx(store):
    return ServiceContext(store, today_override=TODAY)


def make_id_number(prefix17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(c) * w for c, w in zip(prefix17, weights, strict=True))
    return prefix17 + "10X98765432"[total % 11]


@pytest.fixture
def school(ctx):
    """A school with an admin, an academic affairs clerk, a leader, two teachers and three students."""
    admin = initialize_school(
        ctx,
        {
            "school_name": "青山县特殊教育学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    as_admin = ctx.as_actor(admin)

    def user(username: str, name: str, role: str) -> Actor:
        info = users.create_user(
            as_admin, {"username": username, "display_name": name, "role": role, "password": "password1"}
        )
        return Actor(info.id, info.role, info.display_name)

    office = user("office", "教务王老师", "academic_affairs")
    leader = user("leader", "李校长", "leader")
    t1 = user("t1", "张老师", "teacher")
    t2 = user("t2", "陈老师", "teacher")
    created = []
    for i, (name, teacher) in enumerate((("小明", t1), ("小红", t1), ("小刚", t2)), start=1):
        result = students.create_student(
            as_admin,
            {
                "code": f"S{i:03d}",
                "name": name,
                "gender": "M" if i != 2 else "F",
                "birth_date": f"201{i}-03-0{i}",
                "id_number": make_id_number(f"46010020{10 + i}03{i:02d}123"),
                "disability_category": 5,
                "disability_grade": 2,
                "enrolled_on": "2025-09-01",
                "grade_class": "三年级1班",
            },
        )
        students.assign_teacher(as_admin, result.id, teacher.id, "main", dt.date(2025, 9, 1))
        created.append(result.id)
    from app.services.school import list_terms

    return SimpleNamespace(
        ctx=ctx,
        admin=admin,
        office=office,
        leader=leader,
        t1=t1,
        t2=t2,
        students=created,
        term=list_terms(ctx)[0],
        as_=lambda actor: ctx.as_actor(actor),
    )


@pytest.fixture
def populated(school):
    """The school with one or more rows in every table (tests/populate.py), for storage tests."""
    from tests.populate import add_records

    return add_records(school)
