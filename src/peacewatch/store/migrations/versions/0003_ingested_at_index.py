"""An index on versions.ingested_at, the last-write stamp of the API's caches.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 18:00:00

``ingest --reanalyze`` rewrites a version's records in place without changing the number of
documents or their current versions, so the caches of derived data (claim statuses, the
negotiation reads) key on max(ingested_at) too; the index makes that a single lookup.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_versions_ingested_at", "versions", ["ingested_at"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_versions_ingested_at", table_name="versions")
