"""The actor mentions of an event that could not be resolved (issue 14).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 01:20:00

A nullable JSON column, added in place on SQLite and PostgreSQL. Corroboration never merges
an event with no resolved actor but an unresolved one ("CONSULT by we") across documents;
events stored before have NULL, read as none (``ingest --reanalyze`` fills it).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from peacewatch.store.schema import JSONType

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("events", sa.Column("unresolved", JSONType, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("unresolved")
