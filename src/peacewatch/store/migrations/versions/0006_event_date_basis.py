"""Where an event's date comes from: stated, relative, or reported (issue 16).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 04:30:00

A nullable text column, added in place on SQLite and PostgreSQL. ``date_precision`` was already
stored; with ``date_basis`` the store keeps both. A "reported" date is the publication date, a
bound and not the day the event happened: corroboration (corpus/corroborate.py) never merges
events on it. Events stored before have NULL, read as "no basis known" (the pipeline of that
time left them undated); ``ingest --reanalyze`` fills it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("date_basis", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("date_basis")
