"""Drop three single-column indexes that are the leading column of a composite index.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 20:50:00

ix_versions_published, ix_entities_type and ix_events_date_start index exactly the first
column of (published, id), (type, name, version_id, idx) and (date_start, version_id, idx)
(migrations 0002/0008). Any lookup or range on the column alone can use the composite index
(SQLite and PostgreSQL both use a B-tree's leading column), so the single-column copies only
cost write time, disk and a planner choice (issue #19).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DROPPED = {
    "ix_versions_published": ("versions", "published"),
    "ix_entities_type": ("entities", "type"),
    "ix_events_date_start": ("events", "date_start"),
}


def upgrade() -> None:
    for name in DROPPED:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    for name, (table, column) in DROPPED.items():
        op.create_index(name, table, [column])
