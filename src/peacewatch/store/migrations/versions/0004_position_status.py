"""A status column on positions: "denied" when the party denies holding the stance.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 18:30:00

A nullable column, added without rewriting the table (SQLite and PostgreSQL both add it in
place). Positions stored before it have NULL, which is what the pipeline of that time gave
every position: it dropped denied ones instead of keeping them. ``ingest --reanalyze`` fills
it for stored documents.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("positions", sa.Column("status", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("positions") as batch:
        batch.drop_column("status")
