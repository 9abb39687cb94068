"""Opening a database on a PostgreSQL server (--db postgresql+psycopg://…): judged by connecting, not as a file;
an empty database becomes a school's, anything else unusable is refused with one line that names the database
(never its password) and changes nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.cli.main import run
from app.db import schema
from app.db.probe import StorageError
from app.paths import hide_password, resolve
from app.services.setup import open_store
from tests.conftest import db_digest, run_as
from tests.services.test_maintenance_cli import INIT


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("songjiao: error:") and "Traceback" not in err, err
    return err


def test_an_empty_database_is_migrated_and_a_plain_postgresql_url_gets_psycopg(pg_url, tmp_path):
    plain = pg_url.replace("postgresql+psycopg://", "postgresql://")
    paths = resolve(plain, tmp_path)
    assert paths.db_url == pg_url and paths.on_server
    store = open_store(paths)
    try:
        assert schema.current_revision(store.engine) == schema.head_revision()
        with store.engine.connect() as conn:  # every foreign key may be deferred (bundles, dumps)
            stiff = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT condeferrable"
            )
            assert stiff.scalar_one() == 0
    finally:
        store.dispose()
    assert not paths.db_path.exists()  # the stand-in name is never a file


def test_init_on_the_server_through_the_cli(pg_url, tmp_path, capsys):
    data = ["--data-dir", str(tmp_path / "data")]
    assert run(["--db", pg_url, *data, *INIT]) == 0
    capsys.readouterr()
    assert run_as(["--db", pg_url, *data, "check"], password=INIT[INIT.index("--admin-password") + 1]) == 0
    capsys.readouterr()
    with_password = pg_url.replace("postgres@", "postgres:secret-pw@")
    assert run_as(["--db", with_password, *data, "backup"], password="admin-pass") == 2  # pg_dump's job
    line = _one_line_error(capsys)
    assert "pg_dump" in line


def test_unusable_databases_are_refused_unchanged(pg_server, tmp_path, capsys):
    missing = pg_server.url("no_such_database").replace("postgres@", "postgres:secret-pw@")
    with pytest.raises(StorageError) as error:
        open_store(resolve(missing, tmp_path))
    assert error.value.message_id == "storage.server_unreachable"
    assert "secret-pw" not in str(error.value) and hide_password(missing) in str(error.value)
    assert run(["--db", missing, "--data-dir", str(tmp_path), "students", "list"]) == 2
    line = _one_line_error(capsys)
    assert "secret-pw" not in line and "PostgreSQL" in line

    with pg_server.database() as foreign:
        engine = sa.create_engine(foreign, poolclass=sa.pool.NullPool)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE invoices (n integer)")
        before = db_digest(foreign)
        with pytest.raises(StorageError) as error:
            open_store(resolve(foreign, tmp_path))
        assert error.value.message_id == "schema.foreign"
        assert db_digest(foreign) == before

    with pg_server.database() as newer:
        store = open_store(resolve(newer, tmp_path))
        store.dispose()
        engine = sa.create_engine(newer, poolclass=sa.pool.NullPool)
        with engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        before = db_digest(newer)
        with pytest.raises(StorageError) as error:
            open_store(resolve(newer, tmp_path))
        assert error.value.message_id == "schema.newer"
        assert db_digest(newer) == before
