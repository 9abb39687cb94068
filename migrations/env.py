"""Alembic environment: runs on the connection app.db.schema hands in (no alembic.ini needed)."""

from alembic import context

import app.db.models  # noqa: F401  (registers every table)
from app.db.base import Base

target_metadata = Base.metadata


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("migrations run through app.db.schema, which supplies a connection")
    # render_as_batch: SQLite cannot ALTER most things, so Alembic rebuilds tables (DESIGN.md pattern 4).
    context.configure(
        connection=connection, target_metadata=target_metadata, render_as_batch=True, compare_type=True
    )
    with context.begin_transaction():
        context.run_migrations()


run()
