"""Dumps from an older database revision: replayed into a scratch database at that revision, then migrated.

The migrations are the one place that knows how old data becomes new data, so a dump is converted exactly
as the database it came from would have been. The scratch database lives in memory: no child's data is
written to a temporary file.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData

from app.db import schema
from app.db.engine import make_engine
from app.services.dump.check import SchemaCheck
from app.services.dump.rows import check_rows, insert_rows
from app.services.dump.schema import build_schema
from app.services.dump.write import dump_database
from app.services.errors import ValidationError


def upgrade_dump(data: dict[str, Any], revision: str) -> dict[str, Any]:
    """The same records as a dump of this program's revision; refuses (naming table/row/field) what is wrong."""
    engine = make_engine(":memory:")
    try:
        schema.upgrade(engine, revision)
        reflected = MetaData()
        reflected.reflect(engine)
        raw = data.get("tables")
        names = list(raw) if isinstance(raw, dict) else []
        unknown = [n for n in names if n not in reflected.tables or n == "alembic_version"]
        if unknown:
            raise ValidationError(
                "dump.schema",
                f"table '{unknown[0]}': there was no such table at revision {revision}. Nothing was loaded.",
                field=unknown[0],
            )
        tables = [t for t in reflected.sorted_tables if t.name in names]
        rows = check_rows(data, SchemaCheck(build_schema(tables)), tables)
        with engine.connect() as conn, conn.begin():
            insert_rows(conn, rows, tables)
        schema.upgrade(engine, "head")
        return dump_database(engine)
    finally:
        engine.dispose()
