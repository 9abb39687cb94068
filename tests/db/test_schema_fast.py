"""The quick reading of the migrations (no Alembic import) agrees with Alembic's, and hands odd cases to it."""

from __future__ import annotations

import shutil
import subprocess
import sys

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app.db import schema


def _alembic_view() -> tuple[str | None, set[str]]:
    script = ScriptDirectory(str(schema.MIGRATIONS_DIR))
    return script.get_current_head(), {rev.revision for rev in script.walk_revisions()}


def test_quick_head_and_known_revisions_equal_alembics():
    assert schema._read_graph() is not None  # the shipped files are read without Alembic
    assert (schema.head_revision(), schema.known_revisions()) == _alembic_view()


def test_with_a_later_revision_both_readings_still_agree(future_migrations):
    assert schema.head_revision() == "test_future"
    assert (schema.head_revision(), schema.known_revisions()) == _alembic_view()


def test_a_merge_revision_goes_to_alembic(tmp_path, monkeypatch):
    target = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    head = schema.head_revision()
    for name, down in (("a1", head), ("b1", head)):
        (target / "versions" / f"{name}.py").write_text(
            f"revision = {name!r}\ndown_revision = {down!r}\ndef upgrade():\n    pass\ndef downgrade():\n    pass\n"
        )
    (target / "versions" / "m1.py").write_text(
        "revision = 'm1'\ndown_revision = ('a1', 'b1')\ndef upgrade():\n    pass\ndef downgrade():\n    pass\n"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", target)
    assert schema._read_graph() is None
    assert schema.head_revision() == "m1"
    assert {"a1", "b1", "m1", head} <= schema.known_revisions()


def test_current_revision_reads_the_stamp_like_alembic(tmp_path):
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    assert schema.current_revision(engine) is None  # no table
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    assert schema.current_revision(engine) is None  # no row
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO alembic_version VALUES ('0002')")
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == "0002"
    assert schema.current_revision(engine) == "0002"
    engine.dispose()


def test_opening_a_current_database_does_not_import_alembic(tmp_path):
    db = tmp_path / "t.sqlite3"
    # Made by a command that creates databases (a read command refuses a missing --db, issue 10).
    made = [sys.executable, "-m", "app", "--db", str(db), "users", "list"]
    assert subprocess.run(made, timeout=120).returncode == 2 and not db.exists()
    from app.paths import resolve
    from app.services import keyring
    from tests.conftest import TEST_KEY, open_test_store

    open_test_store(resolve(db)).dispose()
    recovery = tmp_path / "recovery.txt"  # the school has no users yet: the recovery key opens it
    recovery.write_text(keyring.set_recovery(db, TEST_KEY), encoding="utf-8")
    code = (
        "import sys\nfrom app.cli.main import run\n"
        f"code = run(['--db', {str(db)!r}, '--recovery-key', {str(recovery)!r}, 'terms', 'list'])\n"
        "sys.exit(code or (1 if any(m.startswith('alembic') for m in sys.modules) else 0))"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
