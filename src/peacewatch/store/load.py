"""Documents back from the store: ``from_json``, the inverse of ``output.to_json``.

The store keeps each version's full JSON output (``versions.document``), so corpus-level stages
(the negotiation track) read the records back instead of re-analysing every article with spaCy,
which costs minutes per hundred documents on a small machine. ``parses`` are not stored, so a
loaded Document has none: stages that need spaCy must not run on it.

The records are frozen dataclasses; most of the JSON is ``dataclasses.asdict`` of them, so a
generic builder driven by the type hints rebuilds them. The few parts ``to_json`` writes by
hand (paragraphs and entity mentions as ``[start, end]`` pairs, quote speakers) are rebuilt here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

import sqlalchemy as sa

from peacewatch import records as r
from peacewatch.store import schema
from peacewatch.store.claims import source_key


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(r))


def _build(tp: Any, value: Any) -> Any:
    """``value`` (parsed JSON) as an instance of the type ``tp``."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(kept[0], value) if len(kept) == 1 else value
    if origin is tuple:
        args = typing.get_args(tp)
        item = args[0] if args else Any
        return tuple(_build(item, v) for v in value)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record(tp, value)
    return value  # str, int, float, bool, Literal[...], Any


def _record(cls: type, data: dict[str, Any]) -> Any:
    hints = _hints(cls)
    kwargs = {
        f.name: _build(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.init and f.name in data
    }
    return cls(**kwargs)


def _evidence(d: dict[str, Any] | None) -> r.Evidence | None:
    return r.Evidence(d["text"], d["start"], d["end"]) if d else None


def from_json(data: dict[str, Any]) -> r.Document:
    """The Document ``output.to_json`` wrote (without spaCy parses)."""
    text: str = data["body"]["text"]
    body = r.Body(text, tuple(r.Paragraph(s, e) for s, e in data["body"]["paragraphs"]))
    entities = tuple(
        r.Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=tuple(r.Mention(text[s:t], s, t) for s, t in e["mentions"]),
            role=e.get("role"),
            role_evidence=_evidence(e.get("role_evidence")),
            country=e.get("country"),
        )
        for e in data.get("entities", [])
    )
    quotes = tuple(
        r.Quote(
            text=q["text"],
            start=q["start"],
            end=q["end"],
            kind=q["kind"],
            speaker=r.Speaker(**q["speaker"]) if q.get("speaker") else None,
            cue=q.get("cue"),
            relay=r.Relay(**q["relay"]) if q.get("relay") else None,
            said_on=q.get("said_on"),
            evidence=r.Evidence(**q["evidence"]),
        )
        for q in data.get("quotes", [])
    )
    return r.Document(
        meta=_record(r.Metadata, data["document"]),
        body=body,
        removed=tuple(r.Removed(x["kind"], x["text"]) for x in data.get("removed", [])),
        entities=entities,
        dates=tuple(_record(r.TimeExpression, x) for x in data.get("dates", [])),
        places=tuple(_record(r.Place, x) for x in data.get("places", [])),
        quotes=quotes,
        events=tuple(_record(r.Event, x) for x in data.get("events", [])),
        negotiation=_record(r.Negotiation, data.get("negotiation") or {}),
        warnings=tuple(data.get("warnings", [])),
    )


@dataclass(frozen=True, slots=True)
class Stored:
    """A document read back from the store, with its syndication cluster and its independent
    source (store/claims.py ``source_key``: the publisher of the cluster's original, else the
    cluster)."""

    version_id: str
    cluster_id: str
    doc: r.Document
    source: str = ""


def load_documents(
    engine: sa.Engine, since: date | None = None, until: date | None = None
) -> list[Stored]:
    """The current version of every stored document published in [since, until], oldest first.

    Undated documents are kept only when no range is asked for (a range cannot place them).
    """
    v, d = schema.versions, schema.documents
    stmt = (
        sa.select(v.c.id, v.c.cluster_id, v.c.document, source_key(v.c.cluster_id).label("src"))
        .join(d, (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version))
        .order_by(v.c.published, v.c.id)
    )
    if since is not None:
        stmt = stmt.where(v.c.published >= since)
    if until is not None:
        stmt = stmt.where(v.c.published <= until)
    with engine.connect() as conn:
        rows: Iterable[Any] = conn.execute(stmt)
        return [Stored(row.id, row.cluster_id, from_json(row.document), row.src) for row in rows]
