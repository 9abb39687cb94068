"""Fixtures shared by the service tests: an empty database to load dumps into."""

from __future__ import annotations

import pytest

from app.paths import resolve
from app.services.setup import open_store
from tests.conftest import ON_SERVER, open_test_store


@pytest.fixture
def target(request, tmp_path):
    """A new, empty database (no school yet) beside the test's own (on the test server in the PostgreSQL run)."""
    if ON_SERVER:
        server = request.getfixturevalue("pg_server")
        with server.database() as url:
            store = open_store(resolve(url, tmp_path / "target-data"))
            yield store
            store.dispose()
        return
    store = open_test_store(resolve(tmp_path / "target" / "new.sqlite3"))
    yield store
    store.dispose()
