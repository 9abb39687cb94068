"""Schema migration with a guard: refuse newer databases, back up before upgrading older ones."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, text

from app.paths import MIGRATIONS

MIGRATIONS_DIR: Path = MIGRATIONS  # app.paths finds them installed or in the checkout


class SchemaError(Exception):
    """The database cannot be used by this version of the program."""

    def __init__(self, message_id: str, message: str) -> None:
        super().__init__(message)
        self.message_id = message_id


def _config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config(None)).get_current_head()  # type: ignore[arg-type]
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(_config(None))  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        # alembic_version alone is what a downgrade to base leaves: still a Songjiao file with no schema.
        count = conn.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type='table' AND name != 'alembic_version'")
        ).scalar_one()
    return count == 0


def check_compatible(engine: Engine) -> str | None:
    """Return the DB's revision; raise SchemaError if it was written by a newer program."""
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise SchemaError(
            "schema.newer",
            "This database was written by a newer version of Songjiao; please update the program. "
            "Nothing was changed.",
        )
    if current is None and not is_empty(engine):
        raise SchemaError("schema.foreign", "This file is not a Songjiao database. Nothing was changed.")
    return current


def _run(engine: Engine, action: str, target: str) -> None:
    # Foreign keys must be off *before* the transaction: batch rebuilds drop and re-create tables, and
    # ON DELETE CASCADE would silently delete child rows (DESIGN.md pattern 4). SQLite ignores this PRAGMA
    # inside a transaction, and any statement sent through the SQLAlchemy Connection opens one (BEGIN
    # IMMEDIATE, see engine.py), so it goes to the driver connection directly.
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys=OFF")
        if raw.execute("PRAGMA foreign_keys").fetchone()[0] != 0:
            raise SchemaError("schema.foreign_keys_on", "could not switch foreign keys off for the migration")
        try:
            cfg = _config(engine)
            cfg.attributes["connection"] = conn
            if action == "upgrade":
                command.upgrade(cfg, target)
            else:
                command.downgrade(cfg, target)
            conn.commit()
            problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            conn.commit()
        finally:
            conn.rollback()
            raw.execute("PRAGMA foreign_keys=ON")
    if problems:
        raise SchemaError("schema.foreign_keys", f"migration left {len(problems)} broken references")


def upgrade(engine: Engine, target: str = "head") -> None:
    _run(engine, "upgrade", target)


def downgrade(engine: Engine, target: str) -> None:
    _run(engine, "downgrade", target)


def needs_upgrade(engine: Engine) -> bool:
    return check_compatible(engine) != head_revision()
