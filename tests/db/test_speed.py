"""`check` stays fast on a large school (300 students over 10 terms): set-based SQL, not per-row loops."""

from __future__ import annotations

import time

import pytest

from app.services import check
from tests.populate import bulk_school


@pytest.mark.slow
def test_check_a_300_student_10_term_school_in_under_5_seconds(ctx):
    built = bulk_school(ctx, n_students=300, n_terms=10)
    assert built["visit"] == 60_000 and built["visit_lesson"] == 120_000
    started, cpu_started = time.perf_counter(), time.process_time()
    findings = check.run_checks(ctx.store)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    assert findings == []
    # CPU time of this process (SQLite runs in it): the machine is shared, so wall time also measures the
    # neighbours. About 2 s on one free core of the 2-core CI machine.
    assert cpu < 5.0, f"check used {cpu:.1f} s of CPU ({elapsed:.1f} s wall)"
