"""Document -> the versioned JSON output contract (schema/document.schema.json)."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from typing import Any

from peacewatch.records import SCHEMA_VERSION, Actor, Document, Event, Evidence, Quote, Speaker


def _evidence(e: Evidence) -> dict[str, Any]:
    return {"text": e.text, "start": e.start, "end": e.end}


def _actor(a: Actor) -> dict[str, Any]:
    return {
        "name": a.name,
        "country": a.country,
        "sector": a.sector,
        "entity": a.entity,
        "actor": a.actor,
        "mention": a.mention,
    }


def _speaker(s: Speaker) -> dict[str, Any]:
    return {"name": s.name, "entity": s.entity, "actor": s.actor, "mention": s.mention}


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "kind": q.kind,
        "speaker": _speaker(q.speaker) if q.speaker else None,
        "cue": q.cue,
        "relay": {"name": q.relay.name, "entity": q.relay.entity} if q.relay else None,
        "said_on": q.said_on,
        "evidence": _evidence(q.evidence),
    }


def _event(e: Event) -> dict[str, Any]:
    return {
        "type": e.type,
        "mode": e.mode,
        "contexts": list(e.contexts),
        "actors": [_actor(a) for a in e.actors],
        "recipients": [_actor(a) for a in e.recipients],
        "place": e.place,
        "date": e.date,
        "date_precision": e.date_precision,
        "modality": e.modality,
        "cameo": e.cameo,
        "acled": e.acled,
        "quote": e.quote,
        "magnitude": [
            {"kind": m.kind, "value": m.value, "text": m.text, "start": m.start, "end": m.end}
            for m in e.magnitude
        ],
        "unresolved": list(e.unresolved),
        "evidence": _evidence(e.evidence),
    }


def _plain(obj: Any) -> Any:
    """asdict keeps tuples; JSON (and the schema's "array") wants lists."""
    if isinstance(obj, dict):
        return {k: _plain(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_plain(v) for v in obj]
    return obj


def to_json(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "schema_version": SCHEMA_VERSION,
        "document": {
            "id": m.id,
            "title": m.title,
            "published": m.published,
            "published_source": m.published_source,
            "publisher": m.publisher,
            "url": m.url,
            "language": m.language,
            "byline": m.byline,
            "dateline": m.dateline,
            "encoding": m.encoding,
            "source": m.source,
        },
        "body": {
            "text": doc.body.text,
            "paragraphs": [[p.start, p.end] for p in doc.body.paragraphs],
        },
        "removed": [{"kind": r.kind, "text": r.text} for r in doc.removed],
        "entities": [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "role": e.role,
                "role_evidence": _evidence(e.role_evidence) if e.role_evidence else None,
                "country": e.country,
                "mentions": [[mn.start, mn.end] for mn in e.mentions],
            }
            for e in doc.entities
        ],
        "actors": [_plain(asdict(a)) for a in doc.actors],
        "dates": [asdict(t) for t in doc.dates],
        "places": [asdict(p) for p in doc.places],
        "quotes": [_quote(q) for q in doc.quotes],
        "events": [_event(e) for e in doc.events],
        "negotiation": _plain(asdict(doc.negotiation)),
        "warnings": list(doc.warnings),
    }


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    text = resources.files("peacewatch.schema").joinpath("document.schema.json").read_text()
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``data`` follows the output contract."""
    import jsonschema

    jsonschema.validate(data, schema())


def dumps(doc: Document, indent: int | None = 2) -> str:
    return json.dumps(to_json(doc), ensure_ascii=False, indent=indent)
