"""Fixtures for storage tests: a populated school, and a migration chain with a later test-only revision."""

from __future__ import annotations

import shutil
import textwrap

import pytest

from app.db import schema

FUTURE = '''
"""test-only: a later revision that rebuilds the student table both ways

Revision ID: test_future
Revises: {head}
"""

import sqlalchemy as sa
from alembic import op

revision = "test_future"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # recreate="always": the table rebuild that silently deletes children when foreign keys are on.
    with op.batch_alter_table("student", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.String(20), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("student", recreate="always") as batch:
        batch.drop_column("nickname")
'''


@pytest.fixture
def future_migrations(tmp_path, monkeypatch):
    """The real migrations plus a test-only later revision, as a newer program would ship them."""
    head = schema.head_revision()
    target = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, target, ignore=shutil.ignore_patterns("__pycache__"))
    (target / "versions" / "9999_test_future.py").write_text(
        textwrap.dedent(FUTURE).format(head=head), encoding="utf-8"
    )
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", target)
    return head
