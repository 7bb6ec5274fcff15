"""A page of events: its rows, read once the page is chosen on its keys, and each event's
actors and recipients, read for the page's events only (query.py's events list; split from
query.py for its length)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from peacewatch.store import schema
from peacewatch.store.rows import Row

a, e = schema.event_actors, schema.events


def record_id(table: sa.Table, letter: str) -> sa.Label[str]:
    """A record's stable id: "<version id>#<letter><idx>" (query.py's lists)."""
    return (table.c.version_id + f"#{letter}" + sa.cast(table.c.idx, sa.String)).label("id")


def event_rows(keys: sa.Select[Any], cur: sa.Subquery) -> sa.Select[Any]:
    """The events of the page ``keys`` (date_start, version_id, idx: query.events chooses the
    page on the date index's columns alone), in its order, with the document and cluster."""
    k = keys.subquery("page")
    cols = [c for c in e.c if c.name != "version_id"]
    on = (e.c.version_id == k.c.version_id) & (e.c.idx == k.c.idx)
    rows = sa.select(record_id(e, "e"), e.c.version_id, *cols, cur.c.doc_id, cur.c.cluster_id)
    rows = rows.select_from(k.join(e, on).join(cur, cur.c.id == e.c.version_id))
    return rows.order_by(k.c.date_start, k.c.version_id, k.c.idx)


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
