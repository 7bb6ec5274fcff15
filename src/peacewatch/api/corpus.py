"""The store's current documents as Documents, each read and decoded once per version.

The negotiation tracks and the "new since" feed read every current document. Decoding the
stored JSON (serialize.from_json) was 2.2 s of the first /api/track's 2.8 s on official-2022
(cProfile): a new store state re-read all 195 documents for one new one. Here decoded
documents are kept per (version id, ingested_at) — ``ingest --reanalyze`` rewrites a version
in place and stamps ingested_at — so a write costs the decoding of what it wrote only.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa

from peacewatch.records import Document
from peacewatch.serialize import from_json
from peacewatch.store import schema
from peacewatch.store.claims import source_key, store_state

# Sections no reader of these documents uses; from_json reads a missing section as empty.
SKIPPED = frozenset({"entities", "quotes", "dates", "actors", "removed"})
# Decoded in chunks: a bound list of ids per statement stays under SQLite's variable limit.
CHUNK = 200


@dataclass(frozen=True, slots=True)
class Current:
    """A current version: its id, independent source, ingestion time and decoded Document
    (without the ``SKIPPED`` sections)."""

    version_id: str
    source: str
    ingested_at: str  # UTC (utc_text)
    doc: Document


_lock = threading.Lock()
# (engine url, version id, ingested_at) -> decoded document; versions not current any more are
# dropped at each refresh.
_decoded: dict[tuple[str, str, str], Document] = {}
_current: dict[str, tuple[tuple[object, ...], list[Current]]] = {}


def current_documents(engine: sa.Engine) -> tuple[tuple[object, ...], list[Current]]:
    """(store state, every current version oldest published first). Cached per store state."""
    url = str(engine.url)
    with engine.connect() as conn:
        state = store_state(conn)
        hit = _current.get(url)
        if hit is not None and hit[0] == state:
            return hit
        v, d = schema.versions, schema.documents
        stmt = (
            sa.select(v.c.id, v.c.ingested_at, source_key(v.c.cluster_id).label("src"))
            .join(d, (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version))
            .order_by(v.c.published, v.c.id)
        )
        rows = [(r.id, utc_text(r.ingested_at), str(r.src)) for r in conn.execute(stmt)]
        with _lock:
            missing = [vid for vid, at, _ in rows if (url, vid, at) not in _decoded]
        fresh: dict[str, Document] = {}
        for i in range(0, len(missing), CHUNK):
            ids = missing[i : i + CHUNK]
            for vid, doc in conn.execute(sa.select(v.c.id, v.c.document).where(v.c.id.in_(ids))):
                data = json.loads(doc) if isinstance(doc, str) else doc
                fresh[vid] = from_json({k: x for k, x in data.items() if k not in SKIPPED})
    with _lock:
        keep = {(url, vid, at) for vid, at, _ in rows}
        for k in [k for k in _decoded if k[0] == url and k not in keep]:
            del _decoded[k]
        for vid, at, _ in rows:
            if vid in fresh:
                _decoded[(url, vid, at)] = fresh[vid]
        docs = [Current(vid, src, at, _decoded[(url, vid, at)]) for vid, at, src in rows]
        _current[url] = (state, docs)
    return state, docs


def utc_text(value: datetime) -> str:
    """A time as UTC text that sorts as time ("2026-12-04 05:58:44.427592"): SQLite gives
    ingested_at back naive (it was written as UTC), PostgreSQL with its zone."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return value.isoformat(sep=" ", timespec="microseconds")


def in_range(docs: list[Current], since: date | None, until: date | None) -> list[Current]:
    """Those published in [since, until] (as store/load.load_documents: undated documents only
    when no range is asked for)."""
    if since is None and until is None:
        return docs
    out = []
    for c in docs:
        pub = c.doc.meta.published
        if not pub:
            continue
        day = pub[:10]
        if (since is None or day >= since.isoformat()) and (
            until is None or day <= until.isoformat()
        ):
            out.append(c)
    return out
