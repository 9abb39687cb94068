"""Hub load benchmark (not a test; loopback only, bounded): N laptops each sync a week's work with one hub.

    .venv/bin/python benchmarks/bench_hub.py [--laptops 300] [--concurrency 8] [--keep DIR]
        [--backend sqlite|postgresql]

Set-up (not timed): an office (SQLite) with N teachers of one student each; every laptop joined from a
join file naming the hub, then a week's work written on each laptop through the real services: two finished visits with two
lessons each, two guardian contacts and a submitted monthly plan. The hub runs as ``songjiao hub serve``
in its own process (TLS on a free loopback port, the pinned self-signed certificate). ``--backend postgresql``
puts the office on a throwaway, durable PostgreSQL started by the script (tests/pg.py) and runs the hub as
its own role behind row-level security (``hub setup-db``), as docs/hub.md sets a school up.

Timed: round 1, every laptop syncs once (``--concurrency`` at a time, the order shuffled): sync latency
as the laptop sees it (its export, the TLS request, the office's import and reply, its import of the
reply). Round 2, every laptop syncs again: the office's acknowledgement comes back and nothing is
applied twice. Checked: every record made on a laptop is at the office exactly once (one import audit
entry each), none is lost, every laptop ends with nothing unacknowledged. The hub's memory is read from
/proc (VmRSS at the end, VmHWM the peak), its CPU time (user + system) per sync from /proc too: a figure that
stays meaningful when other work loads the machine, unlike the wall times. Prints Markdown.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime as dt
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from app.db.models import AuditEntry, Contact, MonthlyPlan, Visit  # noqa: E402
from app.paths import resolve  # noqa: E402
from app.services import district, exchange  # noqa: E402
from app.services.context import Actor, ServiceContext, reading, transaction  # noqa: E402
from app.services.exchange import client, hublink, rls, tls  # noqa: E402
from app.services.exchange import hub as hub_service  # noqa: E402
from app.services.exchange.join import ensure_office_identity  # noqa: E402
from app.services.setup import open_store  # noqa: E402
from benchmarks.bench_exchange import TODAY, build_office  # noqa: E402
from tests.exchange import work  # noqa: E402

WEEK = (dt.date(2027, 1, 11), dt.date(2027, 1, 13))
LAPTOP_KEY = bytes(range(32))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def setup(
    folder: Path, laptops: int, office_url: str | None = None
) -> tuple[ServiceContext, list[ServiceContext], list[Actor], str, Path]:
    office, actors = build_office(folder, laptops, 1, office_url)
    certs = tls.make_certificate(folder / "certs")
    port = free_port()
    url = f"https://localhost:{port}"
    with transaction(office) as session:
        ensure_office_identity(session)
        hublink.write(session, hublink.make_link(url, certs.cert.read_text()))
    template = folder / "template.sqlite3"
    # Migrated once, copied for every laptop; every laptop's database is encrypted with one known key (a
    # benchmark's shortcut: a real laptop makes its own and wraps it for the teacher's password).
    open_store(resolve(template), key=LAPTOP_KEY).dispose()
    contexts = []
    for n, actor in enumerate(actors):
        join = folder / f"join-{n}.sjj"
        made = exchange.make_join_file(office, f"t{n:02d}", join)
        db = folder / f"laptop-{n}.sqlite3"
        shutil.copyfile(template, db)
        shutil.copyfile(f"{template}.keys", f"{db}.keys")
        exchange.join_from_file(resolve(db), join, made.passphrase, key=LAPTOP_KEY)
        ctx = ServiceContext(open_store(resolve(db), key=LAPTOP_KEY), today_override=TODAY)
        with reading(ctx) as session:
            from app.db.models import Student

            student = session.scalar(select(Student.id))
        assert student is not None
        for day in WEEK:
            work.finished_visit(ctx, actor, student, day)
            work.contact(ctx, actor, student, f"{day} 16:00")
        work.submit_plan(ctx, actor, student, "2027-01")
        contexts.append(ctx)
    return office, contexts, actors, url, certs.cert.parent


def memory(pid: int) -> dict[str, int]:
    """The hub process's resident memory (kB): now and at its peak."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            out[name] = int(value.split()[0])
    return out


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) the hub process has used so far: per request, it stays meaningful when other
    work loads the machine, unlike the wall figures."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sync_all(contexts: list[ServiceContext], concurrency: int) -> tuple[list[float], list[Any], float]:
    order = list(range(len(contexts)))
    random.shuffle(order)
    latencies: list[float] = [0.0] * len(contexts)
    results: list[Any] = [None] * len(contexts)
    lock = threading.Lock()

    def one(n: int) -> None:
        start = time.perf_counter()
        result = client.sync(contexts[n])
        with lock:
            latencies[n] = time.perf_counter() - start
            results[n] = result

    began = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        for future in [pool.submit(one, n) for n in order]:
            future.result()  # a refused or failed sync stops the benchmark: it must not happen
    return latencies, results, time.perf_counter() - began


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--laptops", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=8, help="laptops syncing at the same moment")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it (default: a temp folder)")
    parser.add_argument(
        "--backend",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="the office database: an encrypted SQLite file, or a throwaway PostgreSQL (tests/pg.py) with the "
        "hub behind row-level security as its own role",
    )
    args = parser.parse_args()
    if args.backend == "sqlite":
        return run(args, None)
    from tests import pg

    # As durable as the SQLite office (synchronous=FULL): every commit flushed to disk, not a test server's fsync=off.
    with pg.running_server(fsync="on", synchronous_commit="on", full_page_writes="on") as server:
        postmaster = int((server.data / "postmaster.pid").read_text().split()[0])
        return run(args, server.url(server.create_database()), postmaster)


def server_cpu(postmaster: int) -> float:
    """CPU time of a PostgreSQL server so far: the postmaster, its live backends, and the ended ones it reaped."""
    fields = Path(f"/proc/{postmaster}/stat").read_text().rpartition(")")[2].split()
    ticks = sum(int(f) for f in fields[11:15])  # utime, stime, cutime, cstime
    for child in Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split():
        try:
            stat = Path(f"/proc/{child}/stat").read_text().rpartition(")")[2].split()
        except FileNotFoundError:  # ended meanwhile: its time is in the postmaster's cutime once reaped
            continue
        ticks += int(stat[11]) + int(stat[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def run(args: argparse.Namespace, db: str | None, postmaster: int | None = None) -> int:
    """The benchmark with the office on ``db`` (a PostgreSQL URL) or, without it, on a SQLite file."""
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-hub-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return measure(args, db, postmaster, folder)
    finally:  # a failed run leaves nothing behind either (300 laptops' databases are some 350 MB)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def measure(args: argparse.Namespace, db: str | None, postmaster: int | None, folder: Path) -> int:
    random.seed(13)
    started = time.perf_counter()
    office, laptops, _actors, url, certs = setup(folder, args.laptops, db)
    if db is None:
        office_db = str(office.store.paths.db_path)
    else:
        # The hub's own role: owns nothing, no BYPASSRLS; the wall put up by the owner (docs/hub.md).
        with office.store.engine.begin() as conn:
            conn.exec_driver_sql(f"CREATE ROLE {rls.DEFAULT_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS")
        hub_service.secure_database(office, rls.DEFAULT_ROLE)
        office_db = district.with_user(db, rls.DEFAULT_ROLE)
    built = time.perf_counter() - started
    office_key = office.store.key
    office.store.dispose()  # the hub process owns the office database from here
    port = url.rsplit(":", 1)[1]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SONGJIAO_PASSWORD": "admin-pass"}
    log = (folder / "hub.log").open(
        "w"
    )  # what the hub says (counts and ids only): shown if it fails to start
    hub = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "app",
            "--db",
            office_db,
            "--user",
            "admin",
            "hub",
            "serve",
            "--listen",
            f"127.0.0.1:{port}",
        ]
        + ["--cert", str(certs / "hub.crt"), "--key", str(certs / "hub.key"), "--rate", "1000"]
        # Every laptop here connects from 127.0.0.1: the per-address limit would otherwise be what is measured.
        + ["--address-rate", "100000"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                client.probe(laptops[0])
                break
            except client.HubError:
                if time.monotonic() > deadline or hub.poll() is not None:
                    print((folder / "hub.log").read_text()[-3000:], file=sys.stderr)
                    raise
                time.sleep(0.2)
        idle = memory(hub.pid)
        cpu0, db0 = cpu_seconds(hub.pid), server_cpu(postmaster) if postmaster else 0.0
        first, results, wall1 = sync_all(laptops, args.concurrency)
        cpu1, db1 = cpu_seconds(hub.pid), server_cpu(postmaster) if postmaster else 0.0
        second, again, wall2 = sync_all(laptops, args.concurrency)
        cpu2, db2 = cpu_seconds(hub.pid), server_cpu(postmaster) if postmaster else 0.0
        used = memory(hub.pid)
    finally:
        hub.terminate()
        hub.wait(30)
        log.close()
    sent = sum(r.sent.changes for r in results)
    applied = sum(r.office_applied for r in results)
    twice = sum(r.office_applied for r in again)
    office = ServiceContext(open_store(resolve(db or office_db), key=office_key), today_override=TODAY)
    made = {"visit": 2 * len(laptops), "contact": 2 * len(laptops), "monthly_plan": len(laptops)}
    with reading(office) as session:
        found = {
            "visit": session.scalar(select(func.count()).select_from(Visit)),
            "contact": session.scalar(select(func.count()).select_from(Contact)),
            "monthly_plan": session.scalar(select(func.count()).select_from(MonthlyPlan)),
        }
        imports = list(
            session.execute(
                select(AuditEntry.entity_id, func.count())
                .where(
                    AuditEntry.action == "import", AuditEntry.entity.in_(["visit", "contact", "monthly_plan"])
                )
                .group_by(AuditEntry.entity_id)
            )
        )
    once = all(count == 1 for _id, count in imports) and len(imports) == sum(made.values())
    pending = sum(exchange.status(ctx).peers[0].not_yet_received for ctx in laptops)
    load = os.getloadavg()
    print(
        f"## Hub load: {len(laptops)} laptops, {args.concurrency} syncing at a time (loopback, TLS), "
        f"office on {args.backend}\n"
    )
    print(
        f"set-up (not timed) {built:.0f} s; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}\n"
    )
    print(
        "| round | syncs | wall, s | p50, s | p95, s | max, s | hub CPU per sync, s | records applied at the office |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, lat, wall, cpu, n in (
        ("1: a week's work", first, wall1, cpu1 - cpu0, applied),
        ("2: acknowledgements", second, wall2, cpu2 - cpu1, twice),
    ):
        print(
            f"| {name} | {len(lat)} | {wall:.1f} | {percentile(lat, 50):.2f} | {percentile(lat, 95):.2f} "
            f"| {max(lat):.2f} | {cpu / len(lat):.3f} | {n} |"
        )
    print()
    print(
        f"- records sent in round 1: {sent}; applied at the office: {applied}; applied again in round 2: {twice}"
    )
    print(f"- made on laptops vs at the office: {made} vs {found}; one import audit entry each: {once}")
    print(f"- records still unacknowledged on the laptops after round 2: {pending}")
    if postmaster:
        print(
            f"- PostgreSQL server CPU per sync (beside the hub's): round 1 {(db1 - db0) / len(first):.3f} s, "
            f"round 2 {(db2 - db1) / len(second):.3f} s"
        )
    print(
        f"- hub memory: {idle.get('VmRSS', 0) / 1024:.0f} MB idle, {used.get('VmRSS', 0) / 1024:.0f} MB after, "
        f"peak {used.get('VmHWM', 0) / 1024:.0f} MB"
    )
    ok = found == made and once and twice == 0 and pending == 0
    for ctx in [*laptops, office]:
        ctx.store.dispose()
    print(f"\n{'PASS' if ok else 'FAIL'}: every change applied exactly once, none lost")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
