"""exchange log: the SHA-256 of each bundle written or imported

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 07:20:00

A copy restored from a backup (or an old file put back) writes bundles whose numbers its peers have
already seen with other contents; comparing digests is how both sides notice (docs/exchange.md).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("exchange_log", schema=None) as batch_op:
        batch_op.add_column(sa.Column("digest", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("exchange_log", schema=None) as batch_op:
        batch_op.drop_column("digest")
