"""``GET /api/track``: the negotiation track as ``peacewatch negotiation`` computes it.

The same code (corpus/negotiation.track_state over store/load.load_documents), not a second
implementation: merged rounds with every report, positions over time per party and issue with
their claim status, what moved, commitments and the events that test them. Computed once per
store state and date range, since it reads every current document's JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter

from peacewatch.api.errors import ERROR_RESPONSES
from peacewatch.api.routes import Day, St
from peacewatch.store.claims import store_state

router = APIRouter(responses=ERROR_RESPONSES)
# The JSON ``peacewatch negotiation --format json`` prints.
Track = dict[str, Any]

# (store state, since, until) -> the track; one store state at a time, as reads._negotiations.
_cache: dict[tuple[object, ...], Track] = {}


def track(engine: sa.Engine, since: date | None, until: date | None) -> Track:
    from peacewatch.corpus.negotiation import Sourced, track_state
    from peacewatch.store.load import load_documents

    with engine.connect() as conn:
        key = (*store_state(conn), since, until)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    stored = load_documents(engine, since, until)
    state = track_state([Sourced(s.doc, s.source) for s in stored])
    # Evidence names the document by its own id (``doc``); the UI opens it by stored version.
    state["versions"] = {s.doc.meta.id: s.version_id for s in stored}
    state["titles"] = {s.doc.meta.id: s.doc.meta.title for s in stored}
    if len(_cache) > 8:
        _cache.clear()
    _cache[key] = state
    return state


@router.get("/track")
def get_track(st: St, since: Day = None, until: Day = None) -> Track:
    """The negotiation track of the documents published in [since, until]: ``rounds`` (merged
    across reports, each report with its numbering and evidence; ``disagreements``),
    ``denied_rounds``, ``positions`` (party x issue, each stance with who said it, its claim
    status and evidence), ``moved`` (stances that changed since the last round) and
    ``commitments`` (with the later events that test them). Every evidence names its document
    (``doc``); ``versions`` maps it to the stored version id (/api/documents/{doc_id})."""
    return track(st.engine, since, until)
