"""Migrations: empty to head, and every step down and back up on a populated database without losing rows."""

from __future__ import annotations

import hashlib
from contextlib import closing

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, inspect

from app.db import schema
from app.db.base import Base
from app.db.engine import make_engine
from app.db.schema import revision_chain
from app.services import backup, check
from app.services.dump import DUMP_TABLES
from tests.conftest import connect_db, open_test_store, sqlite_only
from tests.populate import row_counts


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def _assert_matches_models(engine) -> None:
    models = Base.metadata
    if engine.dialect.name == "postgresql":
        # On a server every foreign key is DEFERRABLE after migrating (app/db/server.py): the models plus that.
        models = MetaData(naming_convention=Base.metadata.naming_convention)
        for table in Base.metadata.tables.values():
            table.to_metadata(models)
        for table in models.tables.values():
            for fk in table.foreign_key_constraints:
                fk.deferrable, fk.initially = True, "IMMEDIATE"
    with engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), models)
    assert diffs == []


def _walk_down_and_up(engine) -> None:
    """From head, down one step at a time to the first revision, then up again; rows kept at every step."""
    chain = revision_chain()
    before = row_counts(engine)
    dumped = [t.name for t in DUMP_TABLES]
    assert all(before[name] for name in dumped), "the fixture must populate every record table"
    dropped: set[str] = set()  # tables a downgrade removed with their rows (they come back empty or re-made)
    for down_to in reversed(chain[:-1]):
        shared = sorted(_tables(engine))
        counts = row_counts(engine, shared)
        schema.downgrade(engine, down_to)
        assert schema.current_revision(engine) == down_to
        kept = [t for t in shared if t in _tables(engine)]
        assert row_counts(engine, kept) == {t: counts[t] for t in kept}
        dropped |= {t for t in shared if t not in kept and counts[t]}
    for up_to in chain[1:]:
        schema.upgrade(engine, up_to)
        assert schema.current_revision(engine) == up_to
    after = row_counts(engine)
    assert {t: n for t, n in after.items() if t not in dropped} == {
        t: n for t, n in before.items() if t not in dropped
    }


def test_empty_to_head_step_by_step_matches_the_models(tmp_path):
    engine = make_engine(tmp_path / "new.sqlite3")
    for revision in revision_chain():
        schema.upgrade(engine, revision)
        assert schema.current_revision(engine) == revision
    _assert_matches_models(engine)
    engine.dispose()


def test_every_step_down_and_up_keeps_rows_on_a_populated_database(populated):
    engine = populated.ctx.store.engine
    _walk_down_and_up(engine)
    assert check.run_checks(populated.ctx.store) == []


def test_all_the_way_down_and_back_up(populated):
    engine = populated.ctx.store.engine
    schema.downgrade(engine, "base")
    assert _tables(engine) == set()
    schema.upgrade(engine, "head")
    _assert_matches_models(engine)
    assert set(row_counts(engine).values()) == {0}
    # A database taken down to base is still recognised as an empty Songjiao file.
    assert schema.check_compatible(engine) == schema.head_revision()


@sqlite_only  # SQLite's table rebuild (recreate) and its foreign-key check
def test_a_later_revision_that_rebuilds_tables_keeps_every_child_row(populated, future_migrations):
    """A later revision rebuilds `student`, which many tables reference with ON DELETE CASCADE."""
    engine = populated.ctx.store.engine
    before = row_counts(engine)
    schema.upgrade(engine, "head")
    assert schema.current_revision(engine) == "test_future"
    assert row_counts(engine) == before
    _walk_down_and_up(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@sqlite_only  # the file's bytes; the server's refusal is tests/db/test_pg_open.py
def test_open_store_refuses_a_newer_database_and_leaves_it_byte_identical(populated, paths):
    populated.ctx.store.dispose()
    with closing(connect_db(paths.db_path, read_only=False)) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
    before = _sha(paths.db_path)
    with pytest.raises(schema.SchemaError) as error:
        open_test_store(paths)
    assert error.value.message_id == "schema.newer"
    assert _sha(paths.db_path) == before
    assert backup.list_backups(paths) == []


@sqlite_only  # the file backup before an upgrade (a server's is pg_dump)
def test_an_older_database_is_backed_up_before_it_is_upgraded(populated, paths, future_migrations):
    store = populated.ctx.store
    before = row_counts(store.engine)
    store.dispose()
    upgraded = open_test_store(paths)
    try:
        assert schema.current_revision(upgraded.engine) == "test_future"
        assert row_counts(upgraded.engine) == before
    finally:
        upgraded.dispose()
    saved = backup.list_backups(paths)
    assert [b.reason for b in saved] == ["pre-migration"]
    with closing(connect_db(saved[0].path, read_only=False)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == future_migrations
        assert conn.execute("SELECT count(*) FROM visit").fetchone()[0] == before["visit"]


@sqlite_only  # plants its forgery through SQLite's driver (its placeholders, autocommit)
def test_0005_links_the_existing_audit_and_signs_existing_decisions(populated):
    """A database from before tamper evidence: its entries get their chain and its decisions the office's
    signature, and `check` is clean after; an edit after that shows."""
    engine = populated.ctx.store.engine
    schema.downgrade(engine, "0003")
    with engine.connect() as conn:
        entries = conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar_one()
    schema.upgrade(engine)
    with engine.connect() as conn:
        unlinked = conn.exec_driver_sql(
            "SELECT count(*) FROM audit_entry WHERE entry_hash IS NULL"
        ).scalar_one()
        unsigned = conn.exec_driver_sql(
            "SELECT count(*) FROM plan_revision WHERE decision IS NOT NULL AND signature IS NULL"
        ).scalar_one()
        head = conn.exec_driver_sql("SELECT length FROM audit_head").scalar_one()
    assert entries > 10 and unlinked == 0 and unsigned == 0 and head == entries
    assert check.run_checks(populated.ctx.store) == []
    with engine.connect() as conn:
        conn.connection.driver_connection.execute("UPDATE audit_entry SET entity = 'visit' WHERE id = 2")
    assert [(f.code, f.record_id) for f in check.run_checks(populated.ctx.store)] == [("chain.edited", "2")]
