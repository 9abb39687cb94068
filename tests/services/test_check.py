"""`check`: a clean populated database passes; each planted problem is found, by code, with the record's id."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.db.models import Assignment
from app.services import check
from app.services.context import transaction
from tests.conftest import ON_SERVER, run_as


def _sql(store, *statements, foreign_keys: bool = True) -> None:
    """Plant a problem behind the app's back, straight through the driver (SQLite's spelling of the SQL)."""
    with store.engine.connect() as conn:
        raw = conn.connection.driver_connection
        if ON_SERVER:  # psycopg's placeholders and bytes; replica mode skips the foreign-key triggers
            if not foreign_keys:
                raw.execute("SET session_replication_role = replica")
            for statement, params in statements:
                raw.execute(statement.replace("?", "%s").replace("X'00'", "'\\x00'::bytea"), params)
            raw.execute("SET session_replication_role = DEFAULT")
            raw.commit()
            return
        if not foreign_keys:
            raw.execute("PRAGMA foreign_keys=OFF")
        for statement, params in statements:
            raw.execute(statement, params)
        raw.execute("PRAGMA foreign_keys=ON")


def _codes(store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in check.run_checks(store):
        found.setdefault(finding.code, set()).add(finding.record_id)
    return found


def test_a_clean_database_passes(populated):
    assert check.run_checks(populated.ctx.store) == []


PLANTS = {
    "visit.student_missing": lambda s: [
        ("UPDATE visit SET student_id = 'gone' WHERE id = ?", (s.visits.done,))
    ],
    "visit.student_deleted": lambda s: [
        ("UPDATE student SET deleted_at = '2026-11-15 00:00:00.000000' WHERE id = ?", (s.students[0],))
    ],
    "visit.done_not_finished": lambda s: [
        ("UPDATE visit SET finished_at = NULL WHERE id = ?", (s.visits.done,))
    ],
    "visit.done_without_lesson": lambda s: [
        ("DELETE FROM visit_lesson WHERE visit_id = ?", (s.visits.makeup,))
    ],
    "visit.cancelled_without_cause": lambda s: [
        ("UPDATE visit SET cancel_cause = NULL WHERE id = ?", (s.visits.cancelled,))
    ],
    "visit.makeup_target": lambda s: [
        ("UPDATE visit SET date = '2026-11-09' WHERE id = ?", (s.visits.makeup,))
    ],
    "plan.approval_missing": lambda s: [
        ("UPDATE plan_revision SET reviewer_id = ? WHERE plan_id = ?", (s.t1.id, s.plan_id))
    ],
    "assignment.not_teacher": lambda s: [
        ("UPDATE assignment SET teacher_id = ? WHERE student_id = ?", (s.office.id, s.students[2]))
    ],
    "calendar.outside_term": lambda s: [
        ("UPDATE calendar_day SET date = '2027-03-01' WHERE date = '2026-09-25'", ())
    ],
    "record.revision": lambda s: [("UPDATE goal SET revision = 0", ())],
    "blob.checksum": lambda s: [("UPDATE blob SET data = X'00'", ())],
}


@pytest.mark.parametrize("code", sorted(PLANTS))
def test_each_planted_problem_is_found(populated, code):
    store = populated.ctx.store
    _sql(store, *PLANTS[code](populated), foreign_keys=code != "visit.student_missing")
    found = _codes(store)
    assert code in found
    # SQLite's own foreign-key check finds the dangling reference too (a server never stores one on its own);
    # a missing reviewer breaks the office's signature, since the reviewer is part of what it signed.
    expected_extra = {
        "visit.student_missing": set() if ON_SERVER else {"sqlite.foreign_key"},
        "plan.approval_missing": {"decision.bad_signature"},
    }.get(code, set())
    assert set(found) == {code} | expected_extra  # and nothing else is blamed


@pytest.mark.parametrize(
    ("plant", "code"),
    [
        # the make-up replaces a visit that was not cancelled
        (
            lambda s: ("UPDATE visit SET status = 'planned' WHERE id = ?", (s.visits.cancelled,)),
            "visit.makeup_target",
        ),
        # ...or another child's visit
        (
            lambda s: ("UPDATE visit SET student_id = ? WHERE id = ?", (s.students[1], s.visits.cancelled)),
            "visit.makeup_target",
        ),
        # an approval of a revision that was never decided
        (lambda s: ("UPDATE monthly_plan SET approved_revision = 2", ()), "plan.approval_missing"),
        # a reviewer whose role may not approve
        (
            lambda s: ("UPDATE \"user\" SET role = 'leader' WHERE role = 'academic_affairs'", ()),
            "plan.approval_missing",
        ),
        # the plan's author approving a revision someone else submitted
        (lambda s: ("UPDATE monthly_plan SET teacher_id = ?", (s.office.id,)), "plan.approval_missing"),
    ],
)
def test_the_other_ways_to_break_make_ups_and_approvals(populated, plant, code):
    _sql(populated.ctx.store, plant(populated))
    assert set(_codes(populated.ctx.store)) == {code}


def test_two_main_teachers_at_once(populated):
    s = populated
    with transaction(s.ctx) as session:
        session.add(
            Assignment(
                student_id=s.students[0], teacher_id=s.t2.id, role="main", start_date=dt.date(2026, 10, 1)
            )
        )
    assert "assignment.two_main" in _codes(s.ctx.store)


def test_cli_check_exit_codes_and_json(populated, paths, capsys):
    db = paths.db_option
    assert run_as(["--db", db, "check"]) == 0
    assert "no problems" in capsys.readouterr().out
    _sql(populated.ctx.store, ("UPDATE visit SET finished_at = NULL WHERE id = ?", (populated.visits.done,)))
    assert run_as(["--db", db, "check"]) == 1
    assert populated.visits.done in capsys.readouterr().out
    assert run_as(["--db", db, "check", "--json"]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert findings == [
        {
            "severity": "error",
            "code": "visit.done_not_finished",
            "table": "visit",
            "record_id": populated.visits.done,
            "message": "a done visit has no finished time",
        }
    ]


def test_cli_check_bad_input_exits_2_with_one_line(tmp_path, capsys):
    assert run_as(["--db", str(tmp_path / "missing.sqlite3"), "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no database" in err
    assert not (tmp_path / "missing.sqlite3").exists()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"\x00garbage" * 1000)
    assert run_as(["--db", str(garbage), "check"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.skipif(ON_SERVER, reason="a server keeps its own cache; no SQLCipher file")
def test_check_on_an_encrypted_file_caches_every_page_and_hands_the_cache_back(populated, monkeypatch):
    """Every page decrypted once: the check's cache holds the whole file (counted in pages, so that the
    pages' own headers do not push the last ones out), and the connection gets its usual cache back."""
    from app.db.engine import ENCRYPTED_CACHE_KIB
    from app.services import evidence

    store = populated.ctx.store
    assert store.key is not None
    seen: list[tuple[int, int]] = []
    verify = evidence.verify

    def spying(conn):
        cache = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        seen.append((cache, conn.exec_driver_sql("PRAGMA page_count").scalar()))
        return verify(conn)

    monkeypatch.setattr(evidence, "verify", spying)
    assert check.run_checks(store) == []
    ((cache, pages),) = seen
    assert cache >= pages > 0  # a positive cache_size counts pages
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -ENCRYPTED_CACHE_KIB
