"""The JSON endpoints. Lists share one page shape: {total, total_exact, limit, offset, items,
next_cursor}.

Paging: ``cursor`` (the ``next_cursor`` of the previous page; api/paging.py) costs the same on
every page; ``offset`` still works (the web UI's pager) but walks every row before the page.

``total`` counts matches up to COUNT_CAP unless the request asks for ``exact_total``: past the
cap, ``total`` is COUNT_CAP + 1 and ``total_exact`` false (the UI shows "1,000+").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel
from pydantic_core import to_json

from peacewatch.api import mapview, paging, reads
from peacewatch.api.errors import ERROR_RESPONSES, ApiError
from peacewatch.api.search import search_page
from peacewatch.api.state import State
from peacewatch.store.claims import store_state
from peacewatch.store.query import QUERIES, Filters
from peacewatch.store.search import SearchKind

router = APIRouter(responses=ERROR_RESPONSES)

MAX_LIMIT = 500
# Counting every match cost more than reading the page on 10,000 documents (90,000 quotes:
# ~200 ms of a ~400 ms request, benchmarks/api.py); a pager needs "more than a thousand".
COUNT_CAP = 1000


class Page(BaseModel):
    total: int
    total_exact: bool = True
    limit: int
    offset: int
    items: list[dict[str, Any]]
    # The next page (pass it as ``cursor``); null on a page shorter than ``limit``, the last.
    next_cursor: str | None = None


class DocumentOut(BaseModel):
    version: dict[str, Any]
    document: dict[str, Any]
    spans: list[dict[str, Any]]


class NegotiationOut(BaseModel):
    """Up to ``limit`` items of each section asked for (``kind``), in document order; a
    section's ``next_cursor`` (with its ``kind``) reads its next page. Sections not asked for
    are empty and have no total."""

    rounds: list[dict[str, Any]]
    commitments: list[dict[str, Any]]
    agreements: list[dict[str, Any]]
    limit: int = 0
    totals: dict[str, int] = {}
    next_cursor: dict[str, str | None] = {}


async def state(request: Request) -> State:
    # async: FastAPI runs a plain ``def`` dependency on the thread pool, one more thread hop
    # for every request (this one only reads an attribute).
    st = request.app.state.pw
    assert isinstance(st, State)
    return st


St = Annotated[State, Depends(state)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Exact = Annotated[
    bool,
    Query(description=f"count every match (else up to {COUNT_CAP}; slower on large stores)"),
]
Text = Annotated[str | None, Query(max_length=200)]
Cursor = Annotated[
    str | None,
    Query(max_length=400, description="next_cursor of the previous page (instead of offset)"),
]
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]
NUM = r"-?[0-9]{1,3}(\.[0-9]{1,8})?"
ClaimStatus = Annotated[
    Literal["reported", "corroborated", "contested", "denied"] | None,
    Query(
        description="reported: one independent source; corroborated: two or more; contested: "
        "sources disagree; denied: reported as not having happened (a position: its party "
        "denies holding it)"
    ),
]
BBox = Annotated[
    str | None,
    Query(
        pattern=f"^{NUM},{NUM},{NUM},{NUM}$",
        description="west,south,east,north in degrees (WGS84); west > east crosses 180°",
    ),
]


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    fix = "write it as west,south,east,north, e.g. 22,44,41,53"
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise ApiError(422, "invalid_request", "bbox: four numbers expected", fix) from exc
    # No range check: a box past the poles or with south > north simply matches nothing.
    return (w, s, e, n)


def _clean(value: str | None) -> str | None:
    # NUL cannot be stored in PostgreSQL text and never occurs in a real filter.
    return value.replace("\x00", "") or None if value else None


# The filters of each list, one definition for the list route and its export
# (api/exports.py), so the two never disagree on what a filter means.
def event_filters(
    actor: Text = None,
    type: Text = None,
    place: Text = None,
    bbox: BBox = None,
    claim_status: ClaimStatus = None,
    since: Day = None,
    until: Day = None,
) -> Filters:
    return Filters(
        actor=_clean(actor), type=_clean(type), place=_clean(place), bbox=_bbox(bbox),
        claim_status=claim_status, since=since, until=until,
    )  # fmt: skip


def quote_filters(
    speaker: Text = None, outlet: Text = None, place: Text = None, since: Day = None,
    until: Day = None,
) -> Filters:  # fmt: skip
    return Filters(
        actor=_clean(speaker), outlet=_clean(outlet), place=_clean(place), since=since,
        until=until,
    )  # fmt: skip


def place_filters(
    place: Text = None, actor: Text = None, bbox: BBox = None, since: Day = None,
    until: Day = None,
) -> Filters:  # fmt: skip
    return Filters(
        place=_clean(place), actor=_clean(actor), bbox=_bbox(bbox), since=since, until=until
    )


def position_filters(
    actor: Text = None,
    issue: Text = None,
    stance: Text = None,
    place: Text = None,
    claim_status: ClaimStatus = None,
    since: Day = None,
    until: Day = None,
) -> Filters:
    return Filters(
        actor=_clean(actor), issue=_clean(issue), claim_status=claim_status, type=_clean(stance),
        place=_clean(place), since=since, until=until,
    )  # fmt: skip


EventFilters = Annotated[Filters, Depends(event_filters)]
QuoteFilters = Annotated[Filters, Depends(quote_filters)]
PlaceFilters = Annotated[Filters, Depends(place_filters)]
PositionFilters = Annotated[Filters, Depends(position_filters)]


def _page(st: State, kind: str, f: Filters, exact: bool = False, cursor: str | None = None) -> Page:
    cap = None if exact else COUNT_CAP
    if cursor is not None and f.offset:
        raise ApiError(422, "invalid_request", "cursor and offset together", "pass only cursor")
    after = paging.decode(kind, cursor) if cursor is not None else None
    f = replace(f, with_status=True, count_cap=cap)
    # The total is that of every match, whatever the page: counted once per filter.
    with st.engine.connect() as conn:
        key = (store_state(conn), kind, replace(f, limit=None, offset=0), cap)
        total = paging.cached_total(key)
        rows = QUERIES[kind](conn, replace(f, after=after, with_total=total is None and not after))
        if total is None and rows and not after:
            total = int(rows[0]["total_count"])
        elif total is None:  # past the end, or a cursor page: count from the first row
            first = QUERIES[kind](conn, replace(f, limit=1, offset=0, with_total=True))
            total = int(first[0]["total_count"]) if first else 0
    paging.keep_total(key, total)
    for r in rows:
        r.pop("total_count", None)
    capped = cap is not None and total > cap
    nxt = paging.encode(kind, rows[-1]) if rows and len(rows) == f.limit else None
    return Page(
        total=total,
        total_exact=not capped,
        limit=f.limit or 0,
        offset=f.offset,
        items=rows,
        next_cursor=nxt,
    )


@router.get("/health")
def health(st: St) -> dict[str, Any]:
    """Liveness, whether write endpoints are enabled, and who may use /api/analyze
    ("token": with the server's token, "open": anyone, "off": no one)."""
    return {"ok": True, "writable": st.settings.token is not None, "analyze": st.analyze_policy}


@router.get("/documents", response_model=Page)
def list_documents(
    st: St,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Current versions of the stored documents, by publication date."""
    return _page(
        st,
        "documents",
        Filters(since=since, until=until, limit=limit, offset=offset),
        exact_total,
        cursor,
    )


@router.get("/documents/{doc_id}", response_model=DocumentOut)
def get_document(
    st: St, doc_id: str, version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None
) -> DocumentOut:
    """One document: its clean body, every record, and every evidence span in the body."""
    with st.engine.connect() as conn:
        found = reads.document(conn, doc_id, version)
    if found is None:
        raise ApiError(404, "not_found", "no such document", "list ids with /api/documents")
    return DocumentOut(**found)


@router.get("/events", response_model=Page)
def list_events(
    st: St,
    f: EventFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Events (PLOVER types) with actors, place (and its coordinates when geocoded), dates,
    and claim status (from the corroborated events: /api/merged)."""
    return _page(st, "events", replace(f, limit=limit, offset=offset), exact_total, cursor)


@router.get("/quotes", response_model=Page)
def list_quotes(
    st: St,
    f: QuoteFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Quotes with speaker, relay and date; ``outlet`` matches the relay or the publisher."""
    return _page(st, "quotes", replace(f, limit=limit, offset=offset), exact_total, cursor)


@router.get("/places", response_model=Page)
def list_places(
    st: St,
    f: PlaceFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Geocoded place mentions with their precision (``feature``: city, region, country)."""
    return _page(st, "places", replace(f, limit=limit, offset=offset), exact_total, cursor)


@router.get("/positions", response_model=Page)
def list_positions(
    st: St,
    f: PositionFilters,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Negotiation positions: party, speaker, issue, stance, date, and claim status (the
    same stance from two independent sources within a week: corroborated; opposite stances
    within a day: contested)."""
    return _page(st, "positions", replace(f, limit=limit, offset=offset), exact_total, cursor)


@router.get("/entities", response_model=Page)
def list_entities(
    st: St,
    name: Text = None,
    type: Text = None,
    country: Text = None,
    limit: Limit = 50,
    offset: Offset = 0,
    exact_total: Exact = False,
) -> Page:
    """People, organisations, outlets and states named in the documents."""
    cap = None if exact_total else COUNT_CAP
    args = (_clean(name), _clean(type), _clean(country))
    with st.engine.connect() as conn:
        key = (store_state(conn), "entities", args, cap)  # counted once, as _page does
        known = paging.cached_total(key)
        rows, total = reads.entities(conn, *args, limit, offset, cap, known)
    paging.keep_total(key, total)
    exact = cap is None or total <= cap
    return Page(total=total, total_exact=exact, limit=limit, offset=offset, items=rows)


@router.get("/merged", response_model=Page)
def list_merged(
    st: St,
    actor: Text = None,
    type: Text = None,
    place: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page:
    """Corroborated events: the same event across documents, with its sources' claims."""
    f = Filters(
        actor=_clean(actor), type=_clean(type), place=_clean(place), since=since, until=until
    )
    with st.engine.connect() as conn:
        rows = QUERIES["merged"](conn, f)  # actor filtered in Python there: paged here
    return Page(total=len(rows), limit=limit, offset=offset, items=rows[offset : offset + limit])


@router.get("/map")
def get_map(st: St, ef: EventFilters, pf: PlaceFilters) -> mapview.MapData:
    """The map: every matching place mention and event grouped by name, coordinates and month
    (``points``), country-level ones by country and month (``countries``), with the totals
    and how many were read (api/mapview.py). With ``type``, events only."""
    with st.engine.connect() as conn:
        return mapview.map_data(conn, ef, None if ef.type else pf)


NegotiationKind = Literal["all", "rounds", "commitments", "agreements"]
# A month of 100,000 documents was ~4,700 items, 2.7 MB in one answer (BENCHMARKS.md): a
# section holds at most a page; the UI follows next_cursor (web/static/js/ui.js talksAll).
TALKS_LIMIT = 100


@router.get("/negotiation", response_model=NegotiationOut)
def get_negotiation(
    st: St,
    party: Text = None,
    since: Day = None,
    until: Day = None,
    kind: Annotated[NegotiationKind, Query()] = "all",
    limit: Limit = TALKS_LIMIT,
    cursor: Cursor = None,
) -> Response:
    """Rounds, commitments and agreements reported by the current documents, a page of each."""
    if cursor is not None and kind == "all":
        raise ApiError(
            422, "invalid_request", "cursor: needs kind", "pass the section's kind with its cursor"
        )
    kinds = paging.NEGOTIATION_KINDS if kind == "all" else (kind,)
    sections: dict[str, list[dict[str, object]]] = {k: [] for k in paging.NEGOTIATION_KINDS}
    totals: dict[str, int] = {}
    cursors: dict[str, str | None] = {}
    after = None if cursor is None else paging.decode(f"negotiation.{kind}", cursor)
    with st.engine.connect() as conn:
        for k in kinds:
            got = reads.negotiation_page(conn, k, (since, until), _clean(party), limit, after)
            sections[k], totals[k] = got.items, got.total
            cursors[k] = _talks_cursor(k, got.after)
    out = {**sections, "limit": limit, "totals": totals, "next_cursor": cursors}
    # Serialised by pydantic-core straight from the rows, as NegotiationOut would (the same
    # JSON: tests/test_api_negotiation_json.py), without validating every item twice (once
    # into the model, once as the response): the validation was 350 of 370 ms CPU of a month
    # of 100,000 documents before paging (BENCHMARKS.md).
    return Response(to_json(out), media_type="application/json")


def _talks_cursor(kind: str, after: reads.Key | None) -> str | None:
    name = f"negotiation.{kind}"
    return (
        None
        if after is None
        else paging.encode(name, dict(zip(paging.KEYS[name], after, strict=True)))
    )


@router.get("/facets")
def get_facets(st: St) -> dict[str, list[Any]]:
    """Values for the UI's filter menus: event types, issues, parties, speakers, ..."""
    with st.engine.connect() as conn:
        return reads.facets(conn)


@router.get("/search", response_model=Page)
def get_search(
    st: St,
    q: Annotated[
        str,
        Query(min_length=1, max_length=500, description='words, "a phrase", word*, a OR b, -word'),
    ],
    kind: Annotated[SearchKind, Query()] = "all",
    limit: Limit = 50,
    exact_total: Exact = False,
    cursor: Cursor = None,
) -> Page:
    """Full-text search over document bodies, quotes and positions, newest first; matches in
    ``snippet`` between « and » (offsets in ``marks``). See api/search.py for the item fields."""
    cap = None if exact_total else COUNT_CAP
    return Page(**search_page(st.engine, q, kind, limit, cursor, cap))
