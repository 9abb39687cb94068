"""Kill and recover (not a test): a writer saving real records through the services is SIGKILLed at a random
moment, again and again; after every kill the database must hold every record the writer had reported as
saved, and `check` must find nothing.

    .venv/bin/python benchmarks/kill_recover.py [--rounds 200] [--seed 1]

The writer logs guardian contacts (one small transaction each) and, every fifth record, a finished visit
with two lessons (a larger one), printing each record's id only after its transaction committed: those
are the acknowledged records. The kill lands anywhere: mid-transaction, mid-commit, between records, during
start-up. POSIX only (SIGKILL). Prints one Markdown line per 50 rounds and a summary.

The database is encrypted (SQLCipher) as the app makes it: the writer logs in as the teacher (the key unwrapped
from the teacher's slot, Argon2id at the real cost), the checks after each round as the administrator.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import select
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select as sql_select  # noqa: E402

from app.db.models import Contact, Visit  # noqa: E402
from app.paths import resolve  # noqa: E402
from app.services import check, students, users  # noqa: E402
from app.services.context import ServiceContext, reading  # noqa: E402
from app.services.setup import initialize_school, open_store, unlock_store  # noqa: E402

WRITER = textwrap.dedent("""
    import sys, datetime as dt
    from app.paths import resolve
    from app.services import contacts, visits
    from app.services.context import Actor, ServiceContext
    from app.services.setup import unlock_store

    db, teacher_id, student_id, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    store, _teacher = unlock_store(resolve(db), "t1", "password1")
    ctx = ServiceContext(store, today_override=dt.date(2026, 11, 20))
    as_t = ctx.as_actor(Actor(teacher_id, "teacher", "t1"))
    def say(line):
        # One write per line: with PYTHONUNBUFFERED, print() writes its pieces one by one, and a kill between
        # them left "contact" without its id.
        sys.stdout.write(line + "\\n")
        sys.stdout.flush()

    say("ready")
    n = start
    while True:
        n += 1
        if n % 5:
            info = contacts.log_contact(as_t, student_id, {
                "at": f"2026-11-{1 + n % 19:02d} {8 + n % 10:02d}:{n % 60:02d}", "channel": "phone",
                "purpose": "notice", "summary": f"第{n}次电话"})
            say(f"contact {info.id}")
        else:
            day = dt.date(2026, 9, 7) + dt.timedelta(days=n % 70)  # school days before "today", 2026-11-20
            detail = visits.create_visit(as_t, student_id, {
                "date": day.isoformat(), "start_time": "09:00", "end_time": "10:30", "performance": f"第{n}次",
                "lessons": [{"subject": "生活语文", "content": "认识水果", "minutes": 40},
                            {"subject": "康复训练", "content": "抓握练习", "minutes": 40}]})
            visits.finish_visit(as_t, detail.id)
            say(f"visit {detail.id}")
""")


def setup(folder: Path) -> tuple[Path, str, str]:
    db = folder / "school.sqlite3"
    store = open_store(resolve(db))
    ctx = ServiceContext(store, today_override=dt.date(2026, 11, 20))
    admin = initialize_school(
        ctx,
        {
            "school_name": "青山县特殊教育学校",
            "term": {"name": "2026秋季学期", "start": "2026-09-01", "end": "2027-01-20"},
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    as_admin = ctx.as_actor(admin)
    teacher = users.create_user(
        as_admin, {"username": "t1", "display_name": "t1", "role": "teacher", "password": "password1"}
    )
    student = students.create_student(
        as_admin, {"code": "S001", "name": "学生", "birth_date": "2015-03-01", "enrolled_on": "2022-09-01"}
    )
    students.assign_teacher(as_admin, student.id, teacher.id, "main", dt.date(2025, 9, 1))
    store.dispose()
    return db, teacher.id, student.id


def one_round(db: Path, teacher: str, student: str, start: int, rng: random.Random) -> tuple[set, set, float]:
    """Run the writer, kill it at a random moment; the (contact, visit) ids it acknowledged."""
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), teacher, student, str(start)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None
    contacts_, visits_ = set(), set()
    # Most kills during work; some during start-up (opening, the migration guard).
    delay = rng.uniform(0.0, 1.5)
    started = rng.random() < 0.9
    deadline = None if started else time.monotonic() + delay
    while True:
        if deadline is not None and time.monotonic() >= deadline:
            break
        ready, _, _ = select.select([child.stdout], [], [], 0.01)
        if ready:
            line = child.stdout.readline()
            if not line.endswith("\n"):
                break  # the end, or a line cut by the writer's death: not an acknowledgement
            word, *rest = line.split() or [""]
            if word == "ready" and deadline is None:
                deadline = time.monotonic() + delay
            elif word == "contact":
                contacts_.add(rest[0])
            elif word == "visit":
                visits_.add(rest[0])
        if child.poll() is not None:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    if child.returncode != -signal.SIGKILL:  # the writer must die by the kill, not by an error of its own
        raise SystemExit(f"the writer stopped by itself (exit {child.returncode})")
    # Lines already written before the kill are acknowledgements too.
    for line in child.stdout.read().splitlines(keepends=True):
        if not line.endswith("\n"):
            continue  # cut by the kill: not an acknowledgement
        word, *rest = line.split() or [""]
        if not rest:
            continue
        if word == "contact":
            contacts_.add(rest[0])
        elif word == "visit":
            visits_.add(rest[0])
    return contacts_, visits_, delay


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="sj-kill-"))
    db, teacher, student = setup(folder)
    acked_contacts: set[str] = set()
    acked_visits: set[str] = set()
    lost = findings = 0
    began = time.perf_counter()
    print("| rounds | acknowledged records | lost | check findings |")
    print("|---:|---:|---:|---:|")
    for number in range(1, args.rounds + 1):
        c, v, _delay = one_round(
            db, teacher, student, len(acked_contacts) + len(acked_visits) + number * 1000, rng
        )
        acked_contacts |= c
        acked_visits |= v
        store, _admin = unlock_store(resolve(db), "admin", "admin-pass")
        try:
            with reading(ServiceContext(store)) as session:
                present_c = set(session.scalars(sql_select(Contact.id)))
                present_v = set(
                    session.scalars(
                        sql_select(Visit.id).where(Visit.status == "done", Visit.finished_at.is_not(None))
                    )
                )
            lost = len(acked_contacts - present_c) + len(acked_visits - present_v)
            found = check.run_checks(store)
            findings += len(found)
        finally:
            store.dispose()
        if lost or found:
            print(f"round {number}: lost {lost}, findings {[str(f) for f in found]}", file=sys.stderr)
        if number % 50 == 0 or number == args.rounds:
            print(
                f"| {number} | {len(acked_contacts) + len(acked_visits)} | {lost} | {findings} |", flush=True
            )
    print(
        f"\n{args.rounds} SIGKILL rounds in {time.perf_counter() - began:.0f} s: "
        f"{len(acked_contacts)} contacts and {len(acked_visits)} finished visits acknowledged, {lost} lost, "
        f"{findings} check findings."
    )


if __name__ == "__main__":
    main()
