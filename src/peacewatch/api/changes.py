"""``GET /api/changes``: what is new since a time, from the change feed of the Atom alerts.

``peacewatch watch --alerts`` turns each newly stored document into alerts with
sources/alerts.changes (a round not seen before, a changed stance, an agreement at a new
stage, an event in a place a commitment covers), remembering what earlier documents said.
This route runs the same function over the current documents in the order they were stored
(ingested_at), so the view and the feed agree on what changed; it then keeps the alerts of
the documents stored after ``since``. Computed once per store state.
"""

from __future__ import annotations

import threading
from datetime import datetime
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Query

# Pydantic reads response TypedDicts only from typing_extensions before Python 3.12.
from typing_extensions import TypedDict

from peacewatch.api.corpus import current_documents, utc_text
from peacewatch.api.errors import ERROR_RESPONSES
from peacewatch.api.routes import Limit, St

router = APIRouter(responses=ERROR_RESPONSES)
Since = Annotated[
    datetime | None,
    Query(
        description="ISO date or date-time (UTC when no zone): alerts of documents stored after it"
    ),
]


class Change(TypedDict):
    """One alert, with the stored document it comes from."""

    id: str
    kind: str
    title: str
    evidence: str
    url: str | None
    published: str | None
    stored_at: str
    version_id: str
    doc_id: str
    document_title: str | None


class Changes(TypedDict):
    total: int
    limit: int
    items: list[Change]
    latest: str | None


_cache: dict[tuple[object, ...], list[Change]] = {}
_lock = threading.Lock()


def all_changes(engine: sa.Engine) -> list[Change]:
    """Every alert of the current documents, oldest stored first."""
    from peacewatch.sources.alerts import changes

    state, docs = current_documents(engine)
    hit = _cache.get(state)
    if hit is not None:
        return hit
    memory: dict[str, object] = {}
    out: list[Change] = []
    for c in sorted(docs, key=lambda c: (c.ingested_at, c.version_id)):
        for a in changes(c.doc, memory, c.ingested_at):
            out.append(
                {
                    "id": a.id,
                    "kind": a.kind,
                    "title": a.title,
                    "evidence": a.evidence,
                    "url": a.url,
                    "published": a.published,
                    "stored_at": c.ingested_at,
                    "version_id": c.version_id,
                    "doc_id": c.version_id.rsplit("/v", 1)[0],
                    "document_title": c.doc.meta.title,
                }
            )
    with _lock:
        _cache.clear()
        _cache[state] = out
    return out


@router.get("/changes")
def get_changes(st: St, since: Since = None, limit: Limit = 100) -> Changes:
    """Alerts (kind: round, position, stage, scope) of the documents stored after ``since``,
    newest first: the Atom feed's entries as a list. ``total`` counts them all; ``items``
    stops at ``limit``; ``latest`` is the newest store time (pass it as ``since`` later)."""
    found = all_changes(st.engine)
    if since is not None:
        cut = utc_text(since)
        found = [a for a in found if a["stored_at"] > cut]
    newest = list(reversed(found))
    latest = max((a["stored_at"] for a in found), default=None)
    return {"total": len(newest), "limit": limit, "items": newest[:limit], "latest": latest}
