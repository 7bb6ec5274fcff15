"""``GET /api/export/{events,quotes,places,positions,documents}``: the rows of a list with the
list's own filters, as a file.

CSV, JSON (one array), JSON Lines or GeoJSON (points of events and places; a row without
coordinates has a null geometry, which is valid GeoJSON). Every match is written: the rows
are read in pages of ``BATCH`` along the list's keyset order (api/paging.py) and streamed,
so a large export neither stops at the list's 500-row page limit nor sits in memory. One
route per list with exactly that list's filters, so the OpenAPI spec says which apply.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from peacewatch.api import paging
from peacewatch.api.errors import ERROR_RESPONSES
from peacewatch.api.routes import (
    Day,
    EventFilters,
    PlaceFilters,
    PositionFilters,
    QuoteFilters,
    St,
)
from peacewatch.api.state import State
from peacewatch.store.query import QUERIES, Filters, Row

router = APIRouter(responses=ERROR_RESPONSES)

Format = Literal["csv", "json", "jsonl", "geojson"]
BATCH = 500
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "jsonl": "application/x-ndjson",
    "geojson": "application/geo+json",
}


def _plain(value: object) -> object:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _cell(value: object) -> object:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_plain)
    return "" if value is None else _plain(value)


def _rows(st: State, kind: str, f: Filters) -> Iterator[Row]:
    """Every match, a page at a time along the list's keyset order."""
    after = None
    while True:
        with st.engine.connect() as conn:
            rows = QUERIES[kind](conn, replace(f, after=after, limit=BATCH))
        yield from rows
        if len(rows) < BATCH:
            return
        after = tuple(rows[-1].get(k) for k in paging.KEYS[kind])


def _chunks(parts: Iterator[str]) -> Iterator[str]:
    """Parts joined into chunks of ~64 kB: Starlette runs a sync iterator on the thread pool,
    one thread hop per item, which made a row-per-item JSON export 3-4 times slower."""
    buf: list[str] = []
    size = 0
    for p in parts:
        buf.append(p)
        size += len(p)
        if size > 64_000:
            yield "".join(buf)
            buf, size = [], 0
    yield "".join(buf)


def _csv(rows: Iterator[Row]) -> Iterator[str]:
    buf = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for r in rows:
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(r), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _cell(x) for k, x in r.items()})
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


def _json(rows: Iterator[Row], lines: bool) -> Iterator[str]:
    sep = "\n" if lines else ",\n"
    first = True
    if not lines:
        yield "["
    for r in rows:
        text = json.dumps(r, ensure_ascii=False, default=_plain)
        yield text + "\n" if lines else ("" if first else sep) + text
        first = False
    if not lines:
        yield "]\n"


def _geojson(rows: Iterator[Row]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        point = lat is not None and lon is not None
        geometry = {"type": "Point", "coordinates": [lon, lat]} if point else None
        props = {k: x for k, x in r.items() if k not in ("id", "lat", "lon")}
        feature = {"type": "Feature", "id": r.get("id"), "geometry": geometry, "properties": props}
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False, default=_plain)
        first = False
    yield "]}\n"


def _send(st: State, kind: str, fmt: str, f: Filters) -> StreamingResponse:
    rows = _rows(st, kind, replace(f, with_status=kind != "documents"))
    if fmt == "csv":
        body = _csv(rows)
    elif fmt == "geojson":
        body = _geojson(rows)
    else:
        body = _json(rows, lines=fmt == "jsonl")
    headers = {"Content-Disposition": f'attachment; filename="peacewatch-{kind}.{fmt}"'}
    return StreamingResponse(_chunks(body), media_type=MEDIA[fmt], headers=headers)


Fmt = Annotated[Format, Query(description="csv, json (one array), jsonl, geojson")]


@router.get("/export/events", response_class=StreamingResponse)
def export_events(
    st: St,
    f: EventFilters,
    format: Fmt = "csv",
) -> StreamingResponse:
    """Every event /api/events lists with these filters (GeoJSON: points where geocoded)."""
    return _send(st, "events", format, f)


@router.get("/export/quotes", response_class=StreamingResponse)
def export_quotes(
    st: St,
    f: QuoteFilters,
    format: Fmt = "csv",
) -> StreamingResponse:
    """Every quote /api/quotes lists with these filters."""
    return _send(st, "quotes", format, f)


@router.get("/export/places", response_class=StreamingResponse)
def export_places(
    st: St,
    f: PlaceFilters,
    format: Fmt = "csv",
) -> StreamingResponse:
    """Every place mention /api/places lists with these filters (GeoJSON: their points)."""
    return _send(st, "places", format, f)


@router.get("/export/positions", response_class=StreamingResponse)
def export_positions(
    st: St,
    f: PositionFilters,
    format: Fmt = "csv",
) -> StreamingResponse:
    """Every position /api/positions lists with these filters."""
    return _send(st, "positions", format, f)


@router.get("/export/documents", response_class=StreamingResponse)
def export_documents(
    st: St, format: Fmt = "csv", since: Day = None, until: Day = None
) -> StreamingResponse:
    """Every current document /api/documents lists (metadata, not the bodies)."""
    return _send(st, "documents", format, Filters(since=since, until=until))
