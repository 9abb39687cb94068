"""Fixtures shared by the service tests: an empty database to load dumps into."""

from __future__ import annotations

import pytest

from app.paths import resolve
from app.services.setup import open_store


@pytest.fixture
def target(tmp_path):
    """A new, empty database (no school yet) beside the test's own."""
    store = open_store(resolve(tmp_path / "target" / "new.sqlite3"))
    yield store
    store.dispose()
