"""Coordinates of events: the geocoded place of their version that names the event's place
(query.py's events list and bounding-box filter; split from query.py for its length)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from peacewatch.store import schema
from peacewatch.store.rows import Row

e, p = schema.events, schema.places


def in_bbox(lat: Any, lon: Any, bbox: tuple[float, float, float, float] | None) -> list[Any]:
    """Inside a map's bounding box (west, south, east, north in degrees)."""
    if bbox is None:
        return []
    west, south, east, north = bbox
    if west > east:  # the box crosses the antimeridian
        return [lat.between(south, north), sa.or_(lon >= west, lon <= east)]
    return [lat.between(south, north), lon.between(west, east)]


def place_coord(col: Any) -> Any:
    """A coordinate of the event's place, from the geocoded places of the same version whose
    name or mention is the event's place (so events export to GeoJSON too)."""
    want = sa.func.lower(e.c.place)
    return (
        sa.select(col)
        .where(
            p.c.version_id == e.c.version_id,
            p.c.lat.is_not(None),
            sa.or_(sa.func.lower(p.c.name) == want, sa.func.lower(p.c.mention) == want),
        )
        .order_by(p.c.idx)
        .limit(1)
        .scalar_subquery()
        .label(col.name)
    )


def add_coords(conn: sa.Connection, rows: list[Row]) -> list[Row]:
    """Each event's ``lat``/``lon`` (after ``cluster_id``'s predecessors, in column order):
    those of the first geocoded place of its version whose name or mention is the event's
    place, as ``place_coord`` selects them."""
    ids = sorted({r["version_id"] for r in rows if r["place"]})
    first: dict[tuple[str, str], tuple[float, float]] = {}
    if ids:
        stmt = (
            sa.select(p.c.version_id, p.c.name, p.c.mention, p.c.lat, p.c.lon)
            .where(p.c.version_id.in_(ids), p.c.lat.is_not(None))
            .order_by(p.c.version_id, p.c.idx)
        )
        for pr in conn.execute(stmt):
            for label in (pr.name, pr.mention):
                if label is not None:
                    first.setdefault((pr.version_id, label.lower()), (pr.lat, pr.lon))
    out: list[Row] = []
    for r in rows:
        tail: Row = {k: r.pop(k) for k in ("doc_id", "cluster_id", "total_count") if k in r}
        hit = first.get((r["version_id"], r["place"].lower())) if r["place"] else None
        r["lat"], r["lon"] = hit if hit else (None, None)
        out.append({**r, **tail})
    return out
