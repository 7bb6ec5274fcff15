"""Events by date: the date index also holds date_end and type, so the walk filters in it.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:05:00

A page of events over a date range walks (date_start, version_id, idx) from a month before
``since`` (query.py ``_earliest_start``) and tests each event's ``date_end`` (the overlap) and,
with a type filter, its ``type``. Those two columns were read from the table row of every
event walked: on the 100,000-document SQLite store, CONSULT events of four months walked
~8,000 earlier events that end before ``since`` and the non-CONSULT ones among the range,
each a table lookup (4.8 ms CPU for the statement). With both columns in the index only the
page's 50 events are looked up (1.7 ms; EXPLAIN QUERY PLAN: the same index range search).
The leading columns and so the order are unchanged: the plain list and every other date walk
use it as before. PostgreSQL gets the same index (one schema on both backends); its plain
index scans test such columns after the heap fetch, so the gain there is smaller.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD = "ix_events_date_start_version_id_idx"
NEW = "ix_events_date_start_version_id_idx_date_end_type"


def upgrade() -> None:
    # IF (NOT) EXISTS: a big store built by benchmarks/big_store.py with its indexes deferred
    # may already have the new index and not the old one.
    cols = ["date_start", "version_id", "idx", "date_end", "type"]
    op.create_index(NEW, "events", cols, if_not_exists=True)
    op.drop_index(OLD, table_name="events", if_exists=True)
    op.execute("ANALYZE events")


def downgrade() -> None:
    op.create_index(OLD, "events", ["date_start", "version_id", "idx"])
    op.drop_index(NEW, table_name="events")
