"""school: official holidays imported from a holiday file (years the holiday package does not know)

Revision ID: 0010
Revises: 0003
Create Date: 2026-12-01 10:00:00

The chinese_calendar package knows only the years it shipped with; the State Council publishes each
year's holidays in December. The school imports them as a file (docs/holidays.md) and they travel to
the laptops on the school row.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added nullable, filled, then made NOT NULL: a JSON server default is not portable (PostgreSQL wants a
    # cast, SQLite a text literal), and existing schools simply have imported nothing yet.
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.add_column(sa.Column("official_holidays", sa.JSON(), nullable=True))
    school = sa.table("school", sa.column("official_holidays", sa.JSON()))
    op.execute(school.update().values(official_holidays={}))
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.alter_column("official_holidays", existing_type=sa.JSON(), nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("school", schema=None) as batch_op:
        batch_op.drop_column("official_holidays")
