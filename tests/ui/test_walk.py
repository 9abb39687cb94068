"""The daily workflows stay short (issue 9): benchmarks/walk.py on a small demo school, its figures checked.

The walk presses the real buttons of the real windows on the real ThreadRunner and counts what a person does;
a workflow that needs more steps again, or shows an error dialog on the way, fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMITS = {"visit-from-plan": 10, "plan-copy-forward": 6, "approve": 2}


def _walk_module():
    spec = importlib.util.spec_from_file_location("walk", ROOT / "benchmarks" / "walk.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["walk"] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_the_three_workflows_are_short_and_show_no_error(qapp, tmp_path):
    walk = _walk_module()
    db = tmp_path / "walk.sqlite3"
    walk.build_demo(db, 20)
    results = {r.workflow: r for r in walk.walk_all(db)}
    assert set(results) == set(LIMITS)
    for name, limit in LIMITS.items():
        result = results[name]
        assert result.completed, f"{name} did not reach its end: {result.log}"
        assert result.error_dialogs == 0, f"{name}: {result.log}"
        assert result.interactions <= limit, f"{name}: {result.line()} {result.log}"
