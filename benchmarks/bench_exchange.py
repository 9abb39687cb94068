"""Exchange benchmark (not a test): a teacher's term through export and import, and the office's batch.

    .venv/bin/python benchmarks/bench_exchange.py [--teachers 30] [--students 8] [--photos 200] [--photo-kb 100]
        [--backend sqlite|postgresql|both]

Set-up (not timed): an office with N teachers of 8 students each; every teacher's laptop joined from a
join file and filled with a term of work: weekly finished visits with two lessons, guardian contacts,
an IEP with goals and objectives, and photos (incompressible bytes, like JPEG). Timed: teacher 1's
export and the office's import of it (target under 5 s together), the office importing all teachers'
bundles (target under 60 s), and the office's reply export with the laptop's import. Prints Markdown.

``--backend postgresql`` puts the office on a throwaway PostgreSQL (tests/pg.py, started by the script); ``both``
runs the whole benchmark on each, one after the other in one run, and compares the office's import of all
teachers' bundles (issue 13's target: PostgreSQL within 2x SQLite). Laptops are SQLite files either way.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db.base import utcnow  # noqa: E402
from app.db.models import (  # noqa: E402
    Assignment,
    Attachment,
    Blob,
    Contact,
    Goal,
    Iep,
    Objective,
    Student,
    Visit,
    VisitLesson,
)
from app.paths import resolve  # noqa: E402
from app.services import exchange, users  # noqa: E402
from app.services.context import Actor, ServiceContext, transaction  # noqa: E402
from app.services.school import list_terms  # noqa: E402
from app.services.setup import initialize_school, open_store, unlock_store  # noqa: E402

TODAY = dt.date(2027, 1, 20)
TERM = {"name": "2026秋季学期", "start": "2026-09-01", "end": "2027-01-22", "days": []}


def build_office(
    folder: Path, teachers: int, per_teacher: int, db: str | None = None
) -> tuple[ServiceContext, list[Actor]]:
    store = open_store(resolve(db or folder / "office.sqlite3", folder / "office-data"))
    ctx = ServiceContext(store, today_override=TODAY)
    admin = initialize_school(
        ctx,
        {
            "school_name": "基准测试学校",
            "term": TERM,
            "admin": {"username": "admin", "display_name": "管理员", "password": "admin-pass"},
        },
    )
    actors = []
    for i in range(teachers):
        info = users.create_user(
            ctx.as_actor(admin),
            {"username": f"t{i:02d}", "display_name": f"老师{i}", "role": "teacher", "password": "password1"},
        )
        actors.append(Actor(info.id, "teacher", info.display_name))
    with transaction(ctx) as session:
        for i, teacher in enumerate(actors):
            for j in range(per_teacher):
                student = Student(
                    code=f"S{i:02d}{j:02d}", name=f"学生{i}-{j}", birth_date=dt.date(2015, 3, 1)
                )
                session.add(student)
                session.add(
                    Assignment(
                        student_id=student.id,
                        teacher_id=teacher.id,
                        role="main",
                        start_date=dt.date(2026, 9, 1),
                    )
                )
    return ctx, actors


def fill_term(ctx: ServiceContext, teacher: Actor, photos: int, photo_kb: int) -> int:
    """A term of one teacher's work, written in one transaction (the services' speed is not measured here)."""
    term_id = list_terms(ctx)[0].id
    records = 0
    with transaction(ctx.as_actor(teacher)) as session:
        students = [s.id for s in session.query(Student).all()]
        visit_ids: list[tuple[str, str]] = []
        for sid in students:
            iep = Iep(student_id=sid, term_id=term_id, status="active", strengths="能配合", needs="语言")
            session.add(iep)
            for g in range(3):
                goal = Goal(iep_id=iep.id, domain="认知", text=f"目标{g}", position=g)
                session.add(goal)
                session.add_all(
                    [Objective(goal_id=goal.id, text=f"短期目标{g}-{o}", position=o) for o in range(2)]
                )
                records += 3
            day = dt.date(2026, 9, 7)
            while day < dt.date(2027, 1, 15):
                visit = Visit(
                    student_id=sid,
                    teacher_id=teacher.id,
                    date=day,
                    status="done",
                    teacher_ids=[teacher.id],
                    performance="配合良好，完成练习" * 5,
                    finished_at=utcnow(),
                )
                session.add(visit)
                session.add_all(
                    [
                        VisitLesson(
                            visit_id=visit.id, position=n, subject="生活语文", content="认识水果", minutes=40
                        )
                        for n in range(2)
                    ]
                )
                visit_ids.append((sid, visit.id))
                records += 3
                if day.isocalendar().week % 2:
                    session.add(
                        Contact(
                            student_id=sid,
                            at=dt.datetime.combine(day, dt.time(9)),
                            channel="phone",
                            purpose="notice",
                            summary="电话通知家长",
                            recorder_id=teacher.id,
                        )
                    )
                    records += 1
                day += dt.timedelta(days=7)
            records += 1
        for n in range(photos):
            data = os.urandom(photo_kb * 1024)
            sha = hashlib.sha256(data).hexdigest()
            sid, vid = visit_ids[n % len(visit_ids)]
            session.add(Blob(sha256=sha, size=len(data), data=data))
            session.add(
                Attachment(
                    student_id=sid,
                    owner_type="visit",
                    owner_id=vid,
                    kind="photo",
                    mime="image/jpeg",
                    blob_sha256=sha,
                )
            )
            records += 2
    return records


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teachers", type=int, default=30)
    parser.add_argument("--students", type=int, default=8)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--photo-kb", type=int, default=100)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args()
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    batch: dict[str, float] = {}
    failed = 0
    server = None
    if "postgresql" in backends:
        from tests import pg

        # As durable as the SQLite office (synchronous=FULL): every commit flushed to disk, not a test server's
        # fsync=off.
        server_cm = pg.running_server(fsync="on", synchronous_commit="on", full_page_writes="on")
        server = server_cm.__enter__()
    try:
        for backend in backends:
            db = server.url(server.create_database()) if backend == "postgresql" and server else None
            print(f"\n### office on {backend}", flush=True)
            code, batch[backend] = run_once(args, db)
            failed |= code
    finally:
        if server is not None:
            server_cm.__exit__(None, None, None)
    if len(batch) == 2:
        ratio = batch["postgresql"] / batch["sqlite"]
        print(
            f"\noffice imports all bundles: PostgreSQL {batch['postgresql']:.2f} s, SQLite {batch['sqlite']:.2f} s: "
            f"{ratio:.2f}x (target <= 2x)"
        )
        failed |= int(ratio > 2)
    return failed


def run_once(args: argparse.Namespace, db: str | None) -> tuple[int, float]:
    """The whole benchmark with the office on ``db`` (a server URL) or a SQLite file; (exit code, seconds the
    office took to import every teacher's bundle)."""
    folder = Path(tempfile.mkdtemp(prefix="sj-bench-exchange-"))
    try:
        print(f"setting up {args.teachers} teachers x {args.students} students ...", file=sys.stderr)
        office, teachers = build_office(folder, args.teachers, args.students, db)
        laptops: list[ServiceContext] = []
        records = 0
        for i, teacher in enumerate(teachers):
            made = exchange.make_join_file(office, f"t{i:02d}", folder / f"t{i:02d}.sjj")
            paths = resolve(folder / f"t{i:02d}.sqlite3")
            exchange.join_from_file(paths, made.path, made.passphrase, "password1")
            laptop_store, _teacher = unlock_store(paths, f"t{i:02d}", "password1")  # encrypted: log in
            laptop = ServiceContext(laptop_store, today_override=TODAY)
            laptops.append(laptop)
            records = fill_term(laptop, teacher, args.photos, args.photo_kb)
        out = folder / "out"
        out.mkdir()
        rows = []
        [first], t_export = timed(exchange.export, laptops[0], out)
        size_mb = first.path.stat().st_size / 1e6
        result, t_import = timed(exchange.import_file, office, first.path)
        rows.append(
            ("teacher's term: export on the laptop", t_export, f"{first.changes} changes, {size_mb:.1f} MB")
        )
        rows.append(("teacher's term: import at the office", t_import, f"{result.applied} records applied"))
        rows.append(("teacher's term: export + import (target < 5 s)", t_export + t_import, ""))
        bundles = [first.path]
        t_exports = 0.0
        for laptop in laptops[1:]:
            [made_bundle], seconds = timed(exchange.export, laptop, out)
            bundles.append(made_bundle.path)
            t_exports += seconds
        results, t_batch = timed(exchange.import_many, office, bundles[1:])
        refused = [r for _p, r in results if not isinstance(r, exchange.ImportResult)]
        total_mb = sum(p.stat().st_size for p in bundles) / 1e6
        rows.append(
            (
                f"office imports all {len(bundles)} teachers' bundles (target < 60 s)",
                t_import + t_batch,
                f"{total_mb:.0f} MB, {len(refused)} refused",
            )
        )
        [reply], t_reply = timed(exchange.export, office, out, "t00")
        _res, t_back = timed(exchange.import_file, laptops[0], reply.path)
        rows.append(
            ("office reply to one laptop: export + import", t_reply + t_back, f"{reply.changes} changes")
        )
        print(
            f"\n{args.teachers} teachers, {args.students} students each, ~{records} records and "
            f"{args.photos} photos of {args.photo_kb} KB per teacher\n"
        )
        print("| step | seconds | notes |\n|---|---:|---|")
        for name, seconds, notes in rows:
            print(f"| {name} | {seconds:.2f} | {notes} |")
        for ctx in (office, *laptops):
            ctx.store.dispose()
        return (1 if refused else 0), t_import + t_batch
    finally:
        if args.keep:
            print(f"kept {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
