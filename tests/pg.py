"""A throwaway PostgreSQL server for the tests and benchmarks (issue 13: every backend tested).

Debian's ``postgresql`` package (``/usr/lib/postgresql/<N>/bin``) is started by the test run itself: a data folder
in a fresh temporary folder, listening on a unix socket in that folder only (no TCP port, so parallel runs and
xdist workers never collide), with the settings a test server can afford (``fsync=off``: a crash loses only
test data). PostgreSQL refuses to run as root, and CI runs as root, so the server then runs as the unprivileged
``postgres`` system user the package created (``runuser``); the test process, root, reaches its socket anyway.

Each test gets its own database, copied from a template (``CREATE DATABASE … TEMPLATE``, a file copy: ~30 ms),
so tests never see each other's rows. ``SONGJIAO_PG_BIN`` chooses another bin folder.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

# Settings for a server that holds nothing worth keeping: no disk flushes, small and quick to start.
TEST_SETTINGS = {
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "listen_addresses": "''",
    "max_connections": "200",
    "shared_buffers": "64MB",
    "max_wal_size": "1GB",
    "autovacuum": "off",
    "log_min_messages": "warning",
    "logging_collector": "off",
}


def find_bin() -> Path | None:
    """The folder with initdb and pg_ctl: $SONGJIAO_PG_BIN, else the newest Debian PostgreSQL, else PATH."""
    override = os.environ.get("SONGJIAO_PG_BIN")
    if override:
        return Path(override) if (Path(override) / "initdb").exists() else None
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    for folder in reversed(debian):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


class PgServer:
    """One running PostgreSQL: ``url(name)`` gives a SQLAlchemy URL for a database on it."""

    USER = "postgres"  # the superuser initdb creates (-U); trust authentication on the private socket

    def __init__(self, bin_dir: Path, base: Path) -> None:
        self.bin_dir = bin_dir
        self.base = base
        self.data = base / "data"
        self.socket_dir = base
        self._run_as: list[str] = []
        self._names = itertools.count(1)

    # --- life cycle -----------------------------------------------------------------------------------------------
    def start(self) -> PgServer:
        if os.geteuid() == 0:
            # PostgreSQL refuses root: the package's system user runs it, owning the folder.
            account = pwd.getpwnam("postgres")
            os.chown(self.base, account.pw_uid, account.pw_gid)
            self._run_as = ["runuser", "-u", "postgres", "--"]
        os.chmod(self.base, 0o700)
        self._run(
            self.bin_dir / "initdb",
            "-D",
            str(self.data),
            "-U",
            self.USER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        options = " ".join(f"-c {key}={value}" for key, value in TEST_SETTINGS.items())
        options += f" -c unix_socket_directories={self.socket_dir} -k {self.socket_dir}"
        self._run(
            self.bin_dir / "pg_ctl",
            "-D",
            str(self.data),
            "-l",
            str(self.base / "server.log"),
            "-o",
            options,
            "-w",
            "-t",
            "60",
            "start",
        )
        return self

    def stop(self) -> None:
        if self.data.exists():
            self._run(
                self.bin_dir / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False
            )
        shutil.rmtree(self.base, ignore_errors=True)

    def _run(self, *args: object, check: bool = True) -> None:
        command = [*self._run_as, *map(str, args)]
        done = subprocess.run(command, capture_output=True, text=True, cwd=self.base)
        if check and done.returncode != 0:
            log = self.base / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(
                f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}"
            )

    # --- databases ----------------------------------------------------------------------------------------------
    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.socket_dir} user={self.USER} dbname={dbname}"

    def url(self, dbname: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for ``dbname`` over the unix socket."""
        return f"postgresql+psycopg://{self.USER}@/{dbname}?host={self.socket_dir}"

    def admin(self, *statements: str) -> None:
        """Run statements as the superuser outside a transaction (CREATE/DROP DATABASE need that)."""
        with psycopg.connect(self.conninfo(), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)  # type: ignore[arg-type]

    def create_database(self, name: str | None = None, *, template: str = "template0") -> str:
        """A new empty database (or a copy of ``template``); returns its name."""
        name = name or f"t{os.getpid()}_{next(self._names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return name

    def drop_database(self, name: str) -> None:
        # FORCE: a test that left a connection open (a leaked engine) must not block the drop.
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    @contextmanager
    def database(self, *, template: str = "template0") -> Iterator[str]:
        """A fresh database for one test: yields its SQLAlchemy URL, drops it afterwards."""
        name = self.create_database(template=template)
        try:
            yield self.url(name)
        finally:
            self.drop_database(name)


@contextmanager
def running_server() -> Iterator[PgServer]:
    """Start a throwaway server (in a new folder under the system's temp folder) and stop it afterwards."""
    bin_dir = find_bin()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL binaries (initdb, pg_ctl) found")
    # Not pytest's tmp_path: its folders are private to root, and the server runs as `postgres`.
    # A short path: a unix socket's path may be at most ~100 bytes.
    base = Path(tempfile.mkdtemp(prefix="sjpg-"))
    server = PgServer(bin_dir, base)
    started = time.monotonic()
    try:
        server.start()
        server.started_in = time.monotonic() - started  # type: ignore[attr-defined]
        yield server
    finally:
        server.stop()
