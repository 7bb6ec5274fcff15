"""Indexes for exact actor and speaker filters on big stores (issue 19).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 07:40:00

Chosen from the plans of the API's statements on a synthetic store of 100,000 documents
(``benchmarks/big_store.py explain``): the exact actor filters compare ``lower(name)`` (names
in any case, issue 17), which no plain index on the column serves, so a rare speaker or actor
made SQLite walk every quote or event in date order looking for a page. Expression indexes on
``lower(...)`` (SQLite and PostgreSQL both have them). They are not in the SQLAlchemy metadata
(``schema.EXPRESSION_INDEXES``: autogenerate compares expressions differently per backend).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = [
    ("ix_quotes_lower_speaker", "quotes", "speaker"),
    ("ix_event_actors_lower_name", "event_actors", "name"),
    ("ix_positions_lower_by", "positions", "by"),
]


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.create_index(name, table, [sa.text(f'lower("{column}")')], unique=False)
    op.execute("ANALYZE")


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
