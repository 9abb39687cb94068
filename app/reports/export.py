"""Batch export: one student, one teacher or a whole term, on every core, with progress and cancel.

Each job (a packet, a teacher's form, the summary, a spreadsheet) runs in a worker process started
with the 'spawn' method (the same on Windows, macOS and Linux); each worker opens its own database
engine and registers the font once. Files are written under a temporary name and renamed when
complete, so a cancelled export leaves only whole documents behind.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.paths import AppPaths
from app.reports.files import packet_paths, safe_part
from app.services import archive, glyphs
from app.services.context import Actor, ServiceContext, Store, require_role
from app.services.files import distinct_names, write_atomic
from app.services.progress import TaskState
from app.services.school import get_term
from app.services.students import unprintable_codes
from app.services.users import list_users


@dataclass(frozen=True)
class ExportOptions:
    password: str | None = None
    reveal_ids: bool = False
    workers: int | None = None  # default: every core, at most the number of jobs


@dataclass(frozen=True)
class ExportResult:
    files: tuple[Path, ...]
    pages: int
    seconds: float
    cancelled: bool = False
    errors: tuple[str, ...] = field(default_factory=tuple)
    # Codes (学生编号) of the students whose name or a guardian's holds a character no shipped font has: the
    # documents are written, with the font's empty box in its place (app.services.glyphs).
    unprintable: tuple[str, ...] = field(default_factory=tuple)
    # User names (log-in names) of the teachers whose display name, printed on packets and forms, holds one.
    unprintable_users: tuple[str, ...] = field(default_factory=tuple)


# --- jobs (run in workers, or in-process for single documents) ------------------------------------------

Job = tuple[str, str, str]  # kind, record id ("" when none), output path


def _no_pages(write: Callable[[Path], None]) -> Callable[[Path], int]:
    def wrapped(path: Path) -> int:
        write(path)
        return 0

    return wrapped


def run_job(ctx: ServiceContext, term_id: str, job: Job, options: ExportOptions) -> tuple[int, list[str]]:
    """Produce a job's files; returns the page count (0 for spreadsheets) and the files written."""
    if job[0] == "assessments":
        return _assessments(ctx, term_id, Path(job[2]), options)
    return _run_one(ctx, term_id, job, options), [job[2]]


def _assessments(
    ctx: ServiceContext, term_id: str, folder: Path, options: ExportOptions
) -> tuple[int, list[str]]:
    """Every teacher's form (one file each and all in one), and the assessment table, from one computation:
    the figures need the term's compliance per teacher, the slowest part of a term export."""
    from app.reports import sheets
    from app.reports.pdf import assessment_form
    from app.services import assessment
    from app.services.archive import teacher_ids_for_term
    from app.services.school import get_school

    term = get_term(ctx, term_id)
    school = get_school(ctx)
    items = assessment.list_assessments(ctx, term_id)
    weights = assessment.school_weights(school.assessment_weights)[0].as_dict()
    usernames = dict(teacher_ids_for_term(ctx))
    tag = safe_part(term.name)
    files: list[str] = []

    def pdf(path: Path, chosen: list[Any]) -> int:
        files.append(str(path))
        return write_atomic(
            path,
            lambda p: assessment_form.render_assessments(p, chosen, school.name, weights, options.password),
        )

    pages = pdf(folder.parent / f"assessment_{tag}.pdf", items)
    names = distinct_names(
        f"assessment_{safe_part(usernames.get(item.teacher_id, item.teacher_id))}_{tag}.pdf" for item in items
    )
    for item, name in zip(items, names, strict=True):
        pages += pdf(folder / name, [item])
    table = folder.parent / f"assessment_{tag}.xlsx"
    write_atomic(table, _no_pages(lambda p: sheets.write_assessment(p, term.name, items)))
    files.append(str(table))
    return pages, files


def _run_one(ctx: ServiceContext, term_id: str, job: Job, options: ExportOptions) -> int:
    from app.reports import sheets
    from app.reports.pdf import assessment_form, packet, summary
    from app.services import archive, assessment, compliance
    from app.services.school import get_school

    kind, record_id, out = job
    path = Path(out)
    if kind == "packet":
        data = archive.gather_packet(ctx, record_id, term_id, reveal=options.reveal_ids)
        return write_atomic(path, lambda p: packet.render_packet(data, p, options.password))
    if kind == "assessment":
        school = get_school(ctx)
        items = (
            [assessment.get_assessment(ctx, record_id, term_id)]
            if record_id
            else assessment.list_assessments(ctx, term_id)
        )
        weights = assessment.school_weights(school.assessment_weights)[0].as_dict()
        return write_atomic(
            path,
            lambda p: assessment_form.render_assessments(p, items, school.name, weights, options.password),
        )
    if kind == "summary":
        data_summary = archive.gather_summary(ctx, term_id)
        return write_atomic(path, lambda p: summary.render_summary(p, data_summary, options.password))
    if kind in ("form-visit", "form-plan"):
        return write_atomic(path, lambda p: _render_form(ctx, kind, record_id, p, options.password))
    if kind == "sheet-visits":
        term = get_term(ctx, term_id)
        rows = archive.visit_ledger(ctx, term_id)
        return write_atomic(path, _no_pages(lambda p: sheets.write_visits(p, term.name, rows)))
    if kind == "sheet-compliance":
        result = compliance.term_compliance(ctx, term_id)
        return write_atomic(path, _no_pages(lambda p: sheets.write_compliance(p, result)))
    if kind == "sheet-assessment":
        term = get_term(ctx, term_id)
        items = assessment.list_assessments(ctx, term_id)
        return write_atomic(path, _no_pages(lambda p: sheets.write_assessment(p, term.name, items)))
    raise ValueError(f"unknown export job {kind}")


def _render_form(ctx: ServiceContext, kind: str, record_id: str, path: Path, password: str | None) -> int:
    """A visit record or monthly plan form, filled from one record or blank (record_id "") for hand filling."""
    from app.reports.pdf import forms

    if kind == "form-visit":
        visit = archive.gather_visit_form(ctx, record_id) if record_id else None
        return forms.render_visit_form(
            path, visit.header if visit else None, visit.visit if visit else None, password
        )
    plan = archive.gather_plan_form(ctx, record_id) if record_id else None
    return forms.render_plan_form(path, plan.header if plan else None, plan.plan if plan else None, password)


_worker_ctx: ServiceContext | None = None


def _init_worker(
    db_path: str,
    db_url: str | None,
    data_dir: str,
    actor: tuple[str, str, str],
    today: str | None,
    key: bytes | None = None,
) -> None:
    global _worker_ctx
    from app.reports.pdf.fonts import register_fonts

    # The database key reaches the worker through the pool's pipe (memory to memory), never a file.
    store = Store(AppPaths(Path(data_dir), Path(db_path), db_url), key=key)
    _worker_ctx = ServiceContext(store, Actor(*actor), dt.date.fromisoformat(today) if today else None)
    register_fonts()


def _worker(args: tuple[str, Job, ExportOptions]) -> tuple[Job, int, list[str], str]:
    term_id, job, options = args
    assert _worker_ctx is not None
    try:
        return (job, *run_job(_worker_ctx, term_id, job, options), "")
    except Exception as error:  # one bad record must not sink a whole term's export
        # The message names the job kind and file (a code), never personal data.
        return job, 0, [], f"{job[0]} {Path(job[2]).name}: {type(error).__name__}: {error}"


def run_jobs(
    ctx: ServiceContext,
    term_id: str,
    jobs: list[Job],
    options: ExportOptions,
    progress: TaskState | None = None,
) -> ExportResult:
    """Run jobs on a process pool (or in-process for a single job); report each finished file.

    Cancelling stops after the documents in hand: the result lists the whole files written so far."""
    started = time.perf_counter()
    done: list[Path] = []
    errors: list[str] = []
    finished: list[Job] = []
    pages = 0
    total = len(jobs)
    workers = min(options.workers or os.cpu_count() or 1, total)
    if progress is not None:
        progress.update(0, total, "")
    if workers <= 1:
        for count, job in enumerate(jobs, start=1):
            if progress is not None and progress.cancelled:
                break
            job_pages, files = run_job(ctx, term_id, job, options)
            finished.append(job)
            pages += job_pages
            done += [Path(f) for f in files]
            if progress is not None:
                progress.update(count, total, Path(job[2]).name)
        return ExportResult(
            tuple(done),
            pages,
            time.perf_counter() - started,
            progress is not None and progress.cancelled,
            unprintable=_unprintable(ctx, finished),
            unprintable_users=_unprintable_users(ctx, finished),
        )
    spawn = multiprocessing.get_context("spawn")
    init = (
        str(ctx.store.paths.db_path),
        ctx.store.paths.db_url,  # each worker opens its own connection to the same server
        str(ctx.store.paths.data_dir),
        (ctx.actor.id, ctx.actor.role, ctx.actor.display_name),
        ctx.today_override.isoformat() if ctx.today_override else None,
        ctx.store.key,
    )
    cancelled = False
    with spawn.Pool(workers, initializer=_init_worker, initargs=init) as pool:
        results: Iterator[tuple[Job, int, list[str], str]] = pool.imap_unordered(
            _worker, [(term_id, job, options) for job in jobs], chunksize=1
        )
        for count, (job, job_pages, files, error) in enumerate(results, start=1):
            if error:
                errors.append(error)
            else:
                finished.append(job)
            done += [Path(f) for f in files]
            pages += job_pages
            if progress is not None:
                progress.update(count, total, Path(job[2]).name)
            if progress is not None and progress.cancelled:
                cancelled = True
                pool.terminate()
                break
    if cancelled:
        # A terminated worker may leave a half-written file behind under its temporary name.
        for folder in {Path(job[2]).parent for job in jobs} | {
            Path(job[2]) for job in jobs if job[0] == "assessments"
        }:
            for part in folder.glob("*.part") if folder.is_dir() else ():
                part.unlink(missing_ok=True)
    return ExportResult(
        tuple(done),
        pages,
        time.perf_counter() - started,
        cancelled,
        tuple(errors),
        _unprintable(ctx, finished),
        _unprintable_users(ctx, finished),
    )


def _unprintable_users(ctx: ServiceContext, jobs: list[Job]) -> tuple[str, ...]:
    """Teachers whose display name the fonts cannot draw, when a PDF was written (packets, forms and the
    summary print teachers' names; a spreadsheet is no printout of ours)."""
    if not any(not job[0].startswith("sheet-") for job in jobs):
        return ()
    return tuple(
        sorted(u.username for u in list_users(ctx, role="teacher") if glyphs.missing(u.display_name))
    )


def _unprintable(ctx: ServiceContext, jobs: list[Job]) -> tuple[str, ...]:
    """Which of the records the written documents print has a name the fonts cannot draw (codes only)."""
    ids = {
        kind: [j[1] for j in jobs if j[0] == kind and j[1]] for kind in ("packet", "form-visit", "form-plan")
    }
    if not any(ids.values()):
        return ()
    return unprintable_codes(ctx, ids["packet"], visit_ids=ids["form-visit"], plan_ids=ids["form-plan"])


# --- use cases ------------------------------------------------------------------------------------------


def export_packet(
    ctx: ServiceContext,
    student_id: str,
    term_id: str,
    out: Path,
    options: ExportOptions = ExportOptions(),
    progress: TaskState | None = None,
) -> ExportResult:
    """One student's packet, in this process (a teacher may export only an assigned student)."""
    return run_jobs(ctx, term_id, [("packet", student_id, str(out))], options, progress)


def export_packets(
    ctx: ServiceContext,
    term_id: str,
    out_dir: Path,
    *,
    teacher_id: str | None = None,
    options: ExportOptions = ExportOptions(),
    progress: TaskState | None = None,
) -> ExportResult:
    """Packets of every student the actor sees (or of one teacher's students)."""
    term = get_term(ctx, term_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = [
        ("packet", sid, str(path))
        for sid, path in packet_paths(out_dir, archive.packet_students(ctx, term_id, teacher_id), term.name)
    ]
    return run_jobs(ctx, term_id, jobs, options, progress)


def term_jobs(ctx: ServiceContext, term_id: str, out_dir: Path) -> list[Job]:
    term = get_term(ctx, term_id)
    tag = safe_part(term.name)
    packets = out_dir / "packets"
    forms = out_dir / "assessment"
    for folder in (packets, forms):
        folder.mkdir(parents=True, exist_ok=True)
    # The longer single jobs first, so no core idles at the end waiting for them.
    jobs: list[Job] = [
        ("assessments", "", str(forms)),
        ("sheet-visits", "", str(out_dir / f"visits_{tag}.xlsx")),
        ("sheet-compliance", "", str(out_dir / f"compliance_{tag}.xlsx")),
        ("summary", "", str(out_dir / f"summary_{tag}.pdf")),
    ]
    jobs += [
        ("packet", sid, str(path))
        for sid, path in packet_paths(packets, archive.packet_students(ctx, term_id), term.name)
    ]
    return jobs


def export_term(
    ctx: ServiceContext,
    term_id: str,
    out_dir: Path,
    options: ExportOptions = ExportOptions(),
    progress: TaskState | None = None,
) -> ExportResult:
    """Everything the term end needs: every packet, every teacher's form, the summary, the spreadsheets."""
    require_role(ctx, "academic_affairs", "leader", "admin")
    out_dir.mkdir(parents=True, exist_ok=True)
    return run_jobs(ctx, term_id, term_jobs(ctx, term_id, out_dir), options, progress)


def export_single(
    ctx: ServiceContext,
    kind: str,
    term_id: str,
    out: Path,
    record_id: str = "",
    options: ExportOptions = ExportOptions(),
    progress: TaskState | None = None,
) -> ExportResult:
    """One assessment form (record_id = teacher, or all), the summary, or one spreadsheet, in-process."""
    # The visits ledger and compliance grid list only the students the actor sees, so a teacher may export
    # them for their own students; the summary and the whole staff's assessment are the office's.
    if kind in ("summary", "sheet-assessment") or (kind == "assessment" and not record_id):
        require_role(ctx, "academic_affairs", "leader", "admin")
    out.parent.mkdir(parents=True, exist_ok=True)
    return run_jobs(ctx, term_id, [(kind, record_id, str(out))], options, progress)


def export_form(
    ctx: ServiceContext,
    form: str,
    out: Path,
    record_id: str = "",
    options: ExportOptions = ExportOptions(),
    progress: TaskState | None = None,
) -> ExportResult:
    """A visit ("visit") or monthly plan ("plan") form, filled from a record or blank, written atomically."""
    if form not in ("visit", "plan"):
        raise ValueError(f"unknown form {form}")
    out.parent.mkdir(parents=True, exist_ok=True)
    return run_jobs(ctx, "", [(f"form-{form}", record_id, str(out))], options, progress)


def options_from(**kwargs: Any) -> ExportOptions:
    return ExportOptions(**{k: v for k, v in kwargs.items() if v is not None})


def export_recovery_sheet(school_name: str, key_text: str, pdf_path: Path) -> tuple[Path, Path]:
    """The recovery key as a printable sheet (PDF) and as a text file beside it (``--recovery-key FILE``
    reads it); both private to the user (0600), both meant to leave this computer for the school's safe."""
    from app.reports.pdf.recovery import render_recovery_sheet
    from app.services.keyring import RECOVERY_FILE_HEADER

    pdf_path = Path(pdf_path)
    text_path = pdf_path.with_suffix(".txt")

    def private(write: Callable[[Path], object]) -> Callable[[Path], object]:
        def run(part: Path) -> object:
            part.unlink(missing_ok=True)
            os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return write(part)

        return run

    write_atomic(
        pdf_path,
        private(lambda part: render_recovery_sheet(part, school_name, key_text, dt.date.today())),
    )
    text = f"{RECOVERY_FILE_HEADER} ({school_name})\n{key_text}\n"
    write_atomic(text_path, private(lambda part: part.write_text(text, encoding="utf-8")))
    return pdf_path, text_path
