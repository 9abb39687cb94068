"""Schema migration with a guard: refuse newer databases, back up before upgrading older ones."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

from app.db import server
from app.db.errors import SchemaError
from app.paths import MIGRATIONS

MIGRATIONS_DIR: Path = MIGRATIONS  # app.paths finds them installed or in the checkout


def _config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


# Opening a database only compares its revision with the program's: that must not import Alembic (0.3-0.4 s,
# a third of a CLI command's start-up). The version files' header lines (`revision: str = '0002'`,
# `down_revision: ... = '0001'`, as Alembic's template writes them) are read directly; anything unusual
# (no files, a merge, a branch, a line that is not a plain literal) goes to Alembic's own reading.
# tests/db/test_schema_fast.py holds both readings equal. Alembic itself is imported only to migrate.
_HEADER_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _read_graph() -> dict[str, str | None] | None:
    """revision -> down_revision for every version file, or None when only Alembic can say."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        header = dict(_HEADER_LINE.findall(path.read_text(encoding="utf-8")))
        try:
            revision = ast.literal_eval(header["revision"])
            down = ast.literal_eval(header["down_revision"])
        except (KeyError, ValueError, SyntaxError):
            return None
        if not isinstance(revision, str) or not (down is None or isinstance(down, str)):
            return None  # a merge revision (tuple) or something stranger
        graph[revision] = down
    heads = set(graph) - set(graph.values())
    return graph if graph and len(heads) == 1 else None


def _alembic_script():  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config(None))  # type: ignore[arg-type]


def head_revision() -> str:
    graph = _read_graph()
    if graph is not None:
        (head,) = set(graph) - set(graph.values())
        return head
    head = _alembic_script().get_current_head()
    assert head is not None
    return str(head)


def known_revisions() -> set[str]:
    graph = _read_graph()
    if graph is not None:
        return set(graph)
    return {rev.revision for rev in _alembic_script().walk_revisions()}


def revision_chain() -> list[str]:
    """Revisions from the first to the head (the chain is linear)."""
    return [rev.revision for rev in reversed(list(_alembic_script().walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    """The database's revision: the one row of alembic_version (None when there is no such table or row)."""
    with engine.connect() as conn:
        if server.on_server(conn):
            has_table = "alembic_version" in server.table_names(conn)
        else:
            has_table = (
                conn.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).first()
                is not None
            )
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall() if has_table else []
        if len(rows) > 1:  # several heads stamped: let Alembic raise its own explanation
            from alembic.runtime.migration import MigrationContext

            return MigrationContext.configure(conn).get_current_revision()
        return str(rows[0][0]) if rows else None


def is_empty(engine: Engine) -> bool:
    with engine.connect() as conn:
        # alembic_version alone is what a downgrade to base leaves: still a Songjiao file with no schema.
        if server.on_server(conn):
            return not server.table_names(conn) - {"alembic_version"}
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


def _alembic(conn: Connection, engine: Engine, action: str, target: str) -> None:
    from alembic import command

    cfg = _config(engine)
    cfg.attributes["connection"] = conn
    if action == "upgrade":
        command.upgrade(cfg, target)
    else:
        command.downgrade(cfg, target)


def _run_on_server(engine: Engine, action: str, target: str) -> None:
    # PostgreSQL alters tables in place (no rebuild, so no cascade to fear) and its DDL is transactional: the
    # whole migration, and the deferrable foreign keys after it, commit together or not at all.
    with engine.connect() as conn:
        try:
            _alembic(conn, engine, action, target)
            server.make_foreign_keys_deferrable(conn)
            conn.commit()
        finally:
            conn.rollback()


def _run(engine: Engine, action: str, target: str) -> None:
    if engine.dialect.name == "postgresql":
        _run_on_server(engine, action, target)
        return
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
            _alembic(conn, engine, action, target)
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
