"""Fixtures for exchange tests: the office (the shared `school` fixture) and laptops joined from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from app.paths import resolve
from app.services import exchange
from app.services.context import ServiceContext, Store
from tests.conftest import DEFAULT_PASSWORD, TODAY, open_test_store


@dataclass
class Site:
    """One copy of the app: the office or a laptop."""

    name: str
    ctx: ServiceContext
    folder: Path

    @property
    def db_path(self) -> Path:
        return self.ctx.store.paths.db_path

    def send(self, teacher: str | None = None) -> list[Path]:
        return [r.path for r in exchange.export(self.ctx, self.folder, teacher)]

    def receive(self, path: Path, **kwargs: object) -> exchange.ImportResult:
        return exchange.import_file(self.ctx, path, **kwargs)  # type: ignore[arg-type]


def join_laptop(office: Site, tmp_path: Path, username: str, stores: list[Store]) -> Site:
    name = f"{username}-{len(stores)}"
    folder = tmp_path / f"{name}-out"
    folder.mkdir()
    join_path = tmp_path / f"join-{name}.sjj"
    made = exchange.make_join_file(office.ctx, username, join_path)
    paths = resolve(tmp_path / f"laptop-{name}.sqlite3")
    # The teacher's own password (every fixture teacher has it) wraps the laptop database's key.
    exchange.join_from_file(paths, join_path, made.passphrase, DEFAULT_PASSWORD, username)
    store = open_test_store(paths)
    stores.append(store)
    return Site(username, ServiceContext(store, today_override=TODAY), folder)


@pytest.fixture
def net(school, tmp_path):
    """The office and a function that joins laptops; stores are closed at the end."""
    stores: list[Store] = []
    folder = tmp_path / "office-out"
    folder.mkdir()
    office = Site("office", school.ctx, folder)

    def join(username: str) -> Site:
        return join_laptop(office, tmp_path, username, stores)

    yield office, join
    for store in stores:
        store.dispose()
