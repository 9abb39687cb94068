"""visit: a signature without the pad (a thumbprint mark or a name typed for the caregiver, with the reason)

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-01 10:40:00

Some caregivers cannot draw a signature (a disability, no writing): the record notes a mark (按手印) or a
name typed for them (代签) and why, and the archive packet prints that instead of a picture.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A string default is portable (SQLite and PostgreSQL both add a NOT NULL column with DEFAULT '').
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signature_kind", sa.String(length=10), nullable=True))
        batch_op.add_column(
            sa.Column("signature_name", sa.String(length=60), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("signature_reason", sa.String(length=200), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("visit", schema=None) as batch_op:
        batch_op.drop_column("signature_reason")
        batch_op.drop_column("signature_name")
        batch_op.drop_column("signature_kind")
