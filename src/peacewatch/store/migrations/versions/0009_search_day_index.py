"""PostgreSQL: an index on search's sort key, so a common word's first page walks the dates.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 16:50:00

Search pages are newest first by ``coalesce(published, DATE '0001-01-01') DESC, id DESC``
(store/search.py). On 300,000 PostgreSQL documents "ceasefire" matches 15 % of the bodies: the
planner read every version (a parallel sequential scan, detoasting each ``search_tsv``) and
sorted the 45,000 matches, 10.8 s for a page of 50 (EXPLAIN ANALYZE, BENCHMARKS.md). With an
index on exactly that expression it walks the index backwards and tests rows until the page is
full (127 ms cold); for a rare word it still takes the GIN index and sorts the few matches.
SQLite has its own walk for common words (search._newest, on the (published, id) index, where
NULL sorts first as the sentinel date does), so the index is PostgreSQL's only. Left out of
schema comparisons (schema.EXPRESSION_INDEXES).
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NAME = "ix_versions_day_id"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    day = "coalesce(published, DATE '0001-01-01')"  # store/search._keys, spelt alike
    op.execute(f"CREATE INDEX IF NOT EXISTS {NAME} ON versions ({day}, id)")
    op.execute("ANALYZE versions")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {NAME}")
