"""visit: a covering date index for the visit list; lesson_plan: an is_template index

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-01 16:10:00

The Visits page's count, its filters and its date-ordered list read only these columns of a visit, so an
index holding them all answers them without the table (issue 12: on an encrypted file the first count of a
connection decrypted the whole visit table). It replaces the plain ``date`` index, whose every use it serves
(same leading column). A teacher's lesson plan library asks for "own plans OR templates"; an index on
``is_template`` lets each side of the OR use an index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here, not imported from the models: a migration must keep meaning what it meant when written.
COVERED = ["date", "student_id", "teacher_id", "status", "deleted_at", "makeup_of_id", "id"]


def upgrade() -> None:
    op.create_index("ix_visit_date_cover", "visit", COVERED)
    op.drop_index("ix_visit_date", table_name="visit")
    op.create_index("ix_lesson_plan_is_template", "lesson_plan", ["is_template"])


def downgrade() -> None:
    op.drop_index("ix_lesson_plan_is_template", table_name="lesson_plan")
    op.create_index("ix_visit_date", "visit", ["date"])
    op.drop_index("ix_visit_date_cover", table_name="visit")
