"""`check` on a large school (300 students over 10 terms) finds nothing wrong in sound data.

How fast it is, is measured by benchmarks/bench_check.py (CPU time, target under 5 s), not asserted here:
a test must not depend on how busy the machine is.
"""

from __future__ import annotations

import pytest

from app.services import check
from tests.populate import bulk_school


@pytest.mark.slow
def test_check_a_300_student_10_term_school_finds_nothing(ctx):
    built = bulk_school(ctx, n_students=300, n_terms=10)
    assert built["visit"] == 60_000 and built["visit_lesson"] == 120_000
    assert check.run_checks(ctx.store) == []
