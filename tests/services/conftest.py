"""Fixtures shared by the service tests: an empty database to load dumps into."""

from __future__ import annotations

import pytest

from app.paths import resolve
from tests.conftest import open_test_store


@pytest.fixture
def target(tmp_path):
    """A new, empty database (no school yet) beside the test's own."""
    store = open_test_store(resolve(tmp_path / "target" / "new.sqlite3"))
    yield store
    store.dispose()
