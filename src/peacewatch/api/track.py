"""``GET /api/track`` and ``GET /api/tracks``: negotiation tracks as ``peacewatch negotiation``
computes them.

The same code (corpus/negotiation.track_state), not a second implementation: merged rounds
with every report, positions over time per party and issue with their claim status, what
moved, commitments and the events that test them. ``/api/tracks`` lists the tracks by process
and period (corpus/tracks.py); ``/api/track?track=ID`` is one of them, without it every
document (the CLI's state). Computed once per store state, track and date range; the
documents are decoded once per version (api/corpus.py), and ``warm`` does the first
computation when the server starts instead of in the first user's request.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from datetime import date
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Query

# Pydantic reads response TypedDicts only from typing_extensions before Python 3.12.
from typing_extensions import TypedDict

from peacewatch.api.corpus import Current, current_documents, in_range
from peacewatch.api.errors import ERROR_RESPONSES, ApiError
from peacewatch.api.routes import Day, St
from peacewatch.corpus.tracks import TrackInfo, roles, split_tracks
from peacewatch.records import Document, Negotiation
from peacewatch.store.schema import documents

router = APIRouter(responses=ERROR_RESPONSES)
log = logging.getLogger(__name__)
# The JSON ``peacewatch negotiation --format json`` prints.
Track = dict[str, Any]
TrackId = Annotated[
    str | None,
    Query(
        alias="track",
        max_length=300,
        description="a track's id from /api/tracks (else every document)",
    ),
]


class TrackItem(TypedDict):
    """One track of /api/tracks."""

    id: str
    process: list[str]
    label: str
    start: str | None
    end: str | None
    documents: int
    process_documents: int


class Tracks(TypedDict):
    items: list[TrackItem]


# (store state, track, since, until) -> the track; cleared past a few entries.
_cache: dict[tuple[object, ...], Track] = {}
_splits: dict[tuple[object, ...], list[TrackInfo]] = {}
_lock = threading.Lock()


def _tracks(state: tuple[object, ...], docs: list[Current]) -> list[TrackInfo]:
    hit = _splits.get(state)
    if hit is None:
        hit = split_tracks([c.doc for c in docs])
        _splits.clear()
        _splits[state] = hit
    return hit


def tracks(engine: sa.Engine) -> list[TrackItem]:
    """Every track: id, process, period, documents and rounds, the largest process first."""
    state, docs = current_documents(engine)
    out: list[TrackItem] = []
    for t in _tracks(state, docs):
        out.append(
            {
                "id": t.id,
                "process": list(t.process),
                "label": f"{' – '.join(t.process)}, {_span(t)}",
                "start": t.start,
                "end": t.end,
                "documents": len(t.docs),
                "process_documents": t.own,
            }
        )
    return out


def _span(t: TrackInfo) -> str:
    if not t.start or not t.end:
        return "undated"
    return t.start[:7] if t.start[:7] == t.end[:7] else f"{t.start[:7]} to {t.end[:7]}"


def track(
    engine: sa.Engine, since: date | None, until: date | None, track_id: str | None = None
) -> Track:
    from peacewatch.corpus.negotiation import Sourced, track_state

    state, docs = current_documents(engine)
    key = (*state, track_id, since, until)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    info = None
    if track_id is not None:
        info = next((t for t in _tracks(state, docs) if t.id == track_id), None)
        if info is None:
            raise ApiError(404, "not_found", f"no track {track_id!r}", "list ids with /api/tracks")
        wanted = set(info.docs)
        docs = [c for c in docs if c.doc.meta.id in wanted]
    stored = in_range(docs, since, until)
    loose = info.loose if info is not None else frozenset()
    sourced = [Sourced(_events_only(s.doc, loose), s.source) for s in stored]
    out = track_state(sourced)
    # Evidence names the document by its own id (``doc``); the UI opens it by stored version.
    out["versions"] = {s.doc.meta.id: s.version_id for s in stored}
    out["titles"] = {s.doc.meta.id: s.doc.meta.title for s in stored}
    out["urls"] = {s.doc.meta.id: s.doc.meta.url for s in stored if s.doc.meta.url}
    if info is not None:
        out["track"] = {"id": info.id, "process": list(info.process)}
        out["track"] |= {"start": info.start, "end": info.end}
        out |= roles([s.doc for s in sourced], info.process)
    with _lock:
        if len(_cache) > 16:
            _cache.clear()
        _cache[key] = out
    return out


def _events_only(doc: Document, loose: frozenset[str]) -> Document:
    """A document of no process, in a track: its events without its negotiation record
    (corpus/tracks.py)."""
    return replace(doc, negotiation=Negotiation()) if doc.meta.id in loose else doc


# Above this many documents the tracks are not computed at start: the track of every
# document links rounds across all of them (corpus/linking.py), and on a 100,000-document
# store it had used 12 min of CPU at start without finishing, holding the GIL that the
# server's requests need (BENCHMARKS.md, issue 19). The bound is not tuned: no size between
# 391 documents (the corpus) and 100,000 was timed.
WARM_TRACK_MAX = 20_000


def warm(engine: sa.Engine) -> threading.Thread:
    """Compute every track, the unfiltered map, the position statuses and the facets in a
    background thread (``serve`` calls it at start): the first user then reads them cached.
    Failures are logged; the request computes it again."""

    def run() -> None:
        try:
            with engine.connect() as conn:
                many = conn.execute(sa.select(sa.func.count()).select_from(documents)).scalar()
            if (many or 0) <= WARM_TRACK_MAX:
                track(engine, None, None)
                for t in tracks(engine)[:5]:
                    track(engine, None, None, t["id"])
            else:
                log.info("%s documents: the tracks are computed when asked, not at start", many)
            from peacewatch.api.mapview import map_data
            from peacewatch.store.query import Filters

            with engine.connect() as conn:  # the unfiltered map (api/mapview.py)
                map_data(conn, Filters(), Filters())
            _warm_reads(engine)
        except Exception:  # a broken store must not kill the server; its requests say why
            log.exception("warming the negotiation track failed")

    thread = threading.Thread(target=run, name="warm-track", daemon=True)
    thread.start()
    return thread


def _warm_reads(engine: sa.Engine) -> None:
    """The position claim statuses (store/statuses.py: kept up to date after this, write by
    write) and the filter menus (facets and the negotiation index): on 100,000 documents
    ~7 s and ~22 s of the first request that needed them (BENCHMARKS.md)."""
    from peacewatch.api import reads
    from peacewatch.store.query import Filters, _versions
    from peacewatch.store.statuses import stored_position_statuses

    with engine.connect() as conn:
        stored_position_statuses(conn, _versions(Filters()))
        reads.facets(conn)


@router.get("/tracks")
def get_tracks(st: St) -> Tracks:
    """The negotiation tracks: one per process (the pair of parties at the table) and period
    (a gap of more than four months between rounds starts a new one), the process with the
    most documents first. Open one with /api/track?track=ID."""
    return {"items": tracks(st.engine)}


@router.get("/track")
def get_track(st: St, since: Day = None, until: Day = None, track_id: TrackId = None) -> Track:
    """The negotiation track of the documents published in [since, until] (of one track of
    /api/tracks, else of every document): ``rounds`` (merged across reports, each report with
    its numbering and evidence; ``disagreements``), ``denied_rounds``, ``positions`` (party x
    issue, each stance with who said it, its claim status and evidence), ``moved`` (stances
    that changed since the last round) and ``commitments`` (with the later events that test
    them). Every evidence names its document (``doc``); ``versions`` maps it to the stored
    version id (/api/documents/{doc_id}), ``urls`` to its original URL. With ``track``:
    ``track`` (its id, process and period), ``parties`` (the process's first) and
    ``third_parties`` (mediators, hosts, guarantors, observers), each by documents naming them."""
    return track(st.engine, since, until, track_id)
