"""`songjiao check`: SQLite's own checks plus the record rules, as a list of findings (ids only, no personal data).

Every rule is one set-based SQL query, so a whole school's history checks in a moment.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection

from app.db import server
from app.db.engine import READ_SNAPSHOT
from app.db.models import RECORD_TABLES
from app.services import evidence
from app.services.context import Store

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    severity: str  # error | warning
    code: str  # a stable id, e.g. "visit.done_without_lesson"
    table: str
    record_id: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.severity}: {self.code}: {self.table} {self.record_id}: {self.message}"


# (code, severity, table, message, SQL returning the offending record ids). Only live rows are judged:
# a soft-deleted record is history, not a promise.
RULES: list[tuple[str, str, str, str, str]] = [
    (
        "visit.student_missing",
        ERROR,
        "visit",
        "the visit's student does not exist",
        """
        SELECT v.id FROM visit v LEFT JOIN student s ON s.id = v.student_id
        WHERE v.deleted_at IS NULL AND s.id IS NULL""",
    ),
    (
        "visit.student_deleted",
        WARNING,
        "visit",
        "the visit is live but its student was deleted",
        """
        SELECT v.id FROM visit v JOIN student s ON s.id = v.student_id
        WHERE v.deleted_at IS NULL AND s.deleted_at IS NOT NULL""",
    ),
    (
        "visit.done_not_finished",
        ERROR,
        "visit",
        "a done visit has no finished time",
        """
        SELECT id FROM visit WHERE deleted_at IS NULL AND status = 'done' AND finished_at IS NULL""",
    ),
    (
        "visit.done_without_lesson",
        ERROR,
        "visit",
        "a done visit has no lesson",
        """
        SELECT v.id FROM visit v WHERE v.deleted_at IS NULL AND v.status = 'done' AND NOT EXISTS (
            SELECT 1 FROM visit_lesson l WHERE l.visit_id = v.id AND l.deleted_at IS NULL)""",
    ),
    (
        "visit.cancelled_without_cause",
        ERROR,
        "visit",
        "a cancelled visit has no cause (family or school)",
        """
        SELECT id FROM visit WHERE deleted_at IS NULL AND status = 'cancelled'
        AND (cancel_cause IS NULL OR cancel_cause NOT IN ('family', 'school'))""",
    ),
    (
        "visit.makeup_target",
        ERROR,
        "visit",
        "a make-up does not point at an earlier cancelled visit of the same student",
        """
        SELECT m.id FROM visit m LEFT JOIN visit o ON o.id = m.makeup_of_id
        WHERE m.deleted_at IS NULL AND m.makeup_of_id IS NOT NULL
        AND (o.id IS NULL OR o.status != 'cancelled' OR o.student_id != m.student_id OR m.date <= o.date)""",
    ),
    (
        "plan.approval_missing",
        ERROR,
        "monthly_plan",
        "an approved plan has no approval by academic affairs (not its author) for the approved revision",
        """
        SELECT p.id FROM monthly_plan p WHERE p.deleted_at IS NULL AND p.status = 'approved' AND NOT EXISTS (
            SELECT 1 FROM plan_revision r JOIN "user" u ON u.id = r.reviewer_id
            WHERE r.plan_id = p.id AND r.number = p.approved_revision AND r.decision = 'approved'
            AND r.deleted_at IS NULL AND u.role = 'academic_affairs'
            AND r.reviewer_id != p.teacher_id AND r.reviewer_id != r.submitted_by)""",
    ),
    (
        "plan.status_contradicts",
        ERROR,
        "monthly_plan",
        "the plan's status contradicts the decision on its current revision (it can no longer be decided)",
        # A decided revision fixes the status until the next revision: a plan back at submitted while its
        # revision stays approved is what a copy gone back in time left behind.
        """
        SELECT p.id FROM monthly_plan p JOIN plan_revision r ON r.plan_id = p.id AND r.number = p.plan_revision
        WHERE p.deleted_at IS NULL AND r.deleted_at IS NULL AND r.decision IS NOT NULL
        AND p.status != r.decision""",
    ),
    (
        "assignment.not_teacher",
        ERROR,
        "assignment",
        "the assigned user is missing or not a teacher",
        """
        SELECT a.id FROM assignment a LEFT JOIN "user" u ON u.id = a.teacher_id
        WHERE a.deleted_at IS NULL AND (u.id IS NULL OR u.role != 'teacher')""",
    ),
    (
        "assignment.two_main",
        ERROR,
        "assignment",
        "two main teachers (主教) overlap for one student",
        """
        SELECT b.id FROM assignment a JOIN assignment b
          ON a.student_id = b.student_id AND a.id < b.id
        WHERE a.role = 'main' AND b.role = 'main' AND a.deleted_at IS NULL AND b.deleted_at IS NULL
        AND COALESCE(a.start_date, '0001-01-01') <= COALESCE(b.end_date, '9999-12-31')
        AND COALESCE(b.start_date, '0001-01-01') <= COALESCE(a.end_date, '9999-12-31')""",
    ),
    (
        "calendar.outside_term",
        ERROR,
        "calendar_day",
        "a calendar day lies outside its term",
        """
        SELECT d.id FROM calendar_day d LEFT JOIN term t ON t.id = d.term_id
        WHERE d.deleted_at IS NULL AND (t.id IS NULL OR d.date < t.start_date OR d.date > t.end_date)""",
    ),
]


def _revision_rule() -> str:
    # Every record table, including ones added later: identity rules hold for all of them.
    parts = [
        f"SELECT '{m.__tablename__}', id FROM \"{m.__tablename__}\" WHERE revision IS NULL OR revision < 1"
        for m in RECORD_TABLES
    ]
    return " UNION ALL ".join(parts)


def _sqlite_checks(conn: Connection) -> list[Finding]:
    findings = []
    for (line,) in conn.exec_driver_sql("PRAGMA integrity_check").fetchall():
        if line != "ok":
            findings.append(Finding(ERROR, "sqlite.integrity", "", "", str(line)))
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall():
        record_id = conn.exec_driver_sql(f'SELECT id FROM "{table}" WHERE rowid = ?', (rowid,)).scalar()
        findings.append(
            Finding(
                ERROR,
                "sqlite.foreign_key",
                table,
                str(record_id or rowid),
                f"refers to a missing {parent} row",
            )
        )
    return findings


# What each tamper-evidence problem means (app.services.evidence.verify): ids and causes, never content.
EVIDENCE_MESSAGES = {
    "chain.edited": "this audit entry was changed after it was written (its hash no longer matches)",
    "chain.wrong_link": "the audit chain breaks before this entry: an entry before it was removed or inserted",
    "chain.unhashed": "this audit entry carries no hash: it was written outside the program",
    "chain.head_mismatch": "the audit chain ends early: entries after this one were removed (or the head was changed)",
    "decision.unsigned": "the decision carries no office signature",
    "decision.unknown_key": "the decision is signed by a key that is not the office's",
    "decision.content_changed": "the plan revision's content changed after the decision was signed",
    "decision.bad_signature": "the office signature does not match the decision (changed after signing)",
}


def _evidence_findings(conn: Connection) -> list[Finding]:
    return [
        Finding(ERROR, problem.code, problem.table, problem.record_id, EVIDENCE_MESSAGES[problem.code])
        for problem in evidence.verify(conn)
    ]


# The check reads every page several times (integrity, foreign keys, the rules, the blobs). An encrypted page is
# decrypted and its HMAC verified at every read that misses the page cache, so the check's connection gets a
# cache that holds the whole file (up to this size) and hands it back afterwards.
CHECK_CACHE_MAX_KIB = 192 * 1024


@contextmanager
def _whole_file_cache(store: Store, conn: Connection) -> Iterator[None]:
    if store.key is None:  # plaintext: the operating system's file cache serves the re-reads
        yield
        return
    # In pages, not KiB: SQLite counts each cached page's own header against a size given in KiB, so a cache
    # of the file's size in KiB held only ~95 % of its pages and the last ones were read and decrypted again.
    page_size = int(conn.exec_driver_sql("PRAGMA page_size").scalar() or 4096)
    wal = store.paths.db_path.with_name(store.paths.db_path.name + "-wal")
    pages = sum(path.stat().st_size for path in (store.paths.db_path, wal) if path.exists()) // page_size
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(
        f"PRAGMA cache_size = {max(min(pages + 64, CHECK_CACHE_MAX_KIB * 1024 // page_size), 500)}"
    )
    try:
        yield
    finally:
        conn.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
        conn.exec_driver_sql("PRAGMA shrink_memory")


def run_checks(store: Store) -> list[Finding]:
    """All findings, errors first; an empty list means the database is sound."""
    with (
        store.engine.connect().execution_options(**{READ_SNAPSHOT: True}) as conn,
        _whole_file_cache(store, conn),
    ):
        # A server keeps its own pages and references sound (foreign keys are always enforced there).
        findings = [] if server.on_server(conn) else _sqlite_checks(conn)
        if any(f.code == "sqlite.integrity" for f in findings):
            return findings  # a damaged file: rule queries could crash or mislead
        for code, severity, table, message, sql in RULES:
            findings += [
                Finding(severity, code, table, rid, message)
                for (rid,) in conn.exec_driver_sql(sql).fetchall()
            ]
        findings += [
            Finding(ERROR, "record.revision", table, rid, "revision is below 1")
            for table, rid in conn.exec_driver_sql(_revision_rule()).fetchall()
        ]
        for rid, sha, size, data in conn.exec_driver_sql("SELECT id, sha256, size, data FROM blob"):
            if hashlib.sha256(data or b"").hexdigest() != sha or len(data or b"") != size:
                findings.append(
                    Finding(
                        ERROR,
                        "blob.checksum",
                        "blob",
                        rid,
                        "the stored bytes do not match their checksum or size",
                    )
                )
        findings += _evidence_findings(conn)
        conn.rollback()
    return sorted(findings, key=lambda f: (f.severity != ERROR, f.code, f.record_id))
