"""What a page of events carries beyond its own rows: each event's actors and recipients,
read for the page's events only (query.py's events list; split from query.py for its length).
"""

from __future__ import annotations

import sqlalchemy as sa

from peacewatch.store import schema
from peacewatch.store.rows import Row

a = schema.event_actors


def of_pairs(
    first: sa.ColumnElement[str], second: sa.ColumnElement[int], keys: set[tuple[str, int]]
) -> sa.ColumnElement[bool]:
    """A superset of the rows whose ``(first, second)`` is one of ``keys``, for a primary-key
    search: ``first IN (...) AND second IN (...)``; the caller keeps the exact pairs.

    A row-value IN made SQLite scan the whole table (EXPLAIN QUERY PLAN); ``first IN`` alone
    read every record of the page's documents (564 events and 518 actors for a page of 45
    events of a rare actor on 100,000 documents); an OR of the pairs is exact but cost
    ~1 ms of SQLAlchemy to build for a page of 50, more than the rows it saves."""
    return sa.and_(
        first.in_(sorted({k for k, _ in keys})), second.in_(sorted({i for _, i in keys}))
    )


def add_actors(conn: sa.Connection, rows: list[Row]) -> None:
    """Each event row's ``actors`` and ``recipients`` (name, country, sector, entity)."""
    if not rows:
        return
    who: dict[tuple[str, int], dict[str, list[Row]]] = {}
    keys = {(r["version_id"], r["idx"]) for r in rows}
    mine = sa.select(a).where(of_pairs(a.c.version_id, a.c.event_idx, keys)).order_by(a.c.idx)
    for ar in conn.execute(mine):
        if (ar.version_id, ar.event_idx) not in keys:
            continue
        slot = who.setdefault((ar.version_id, ar.event_idx), {"actor": [], "recipient": []})
        slot[ar.role].append(
            {"name": ar.name, "country": ar.country, "sector": ar.sector, "entity": ar.entity}
        )
    for r in rows:
        slot = who.get((r["version_id"], r["idx"]), {"actor": [], "recipient": []})
        r["actors"], r["recipients"] = slot["actor"], slot["recipient"]
