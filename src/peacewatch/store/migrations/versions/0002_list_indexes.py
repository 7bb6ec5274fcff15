"""Composite indexes for the web API's list endpoints (see peacewatch.store.schema).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:15:00

Indexes only: no table is rewritten, so this is quick on a populated store (about 2 s for
10,000 documents on SQLite) and a downgrade loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("ix_versions_published_id", "versions", ["published", "id"]),
    ("ix_events_date_start_version_id_idx", "events", ["date_start", "version_id", "idx"]),
    ("ix_entities_type_name_version_id_idx", "entities", ["type", "name", "version_id", "idx"]),
    ("ix_entities_version_id_entity_id", "entities", ["version_id", "entity_id"]),
]


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)
    # Planner statistics, so that the new indexes are chosen on a populated store: without
    # them SQLite sorted every place and position of 10,000 documents for each page.
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
