"""Document <-> the versioned JSON output contract (schema/document.schema.json).

``to_json`` writes a Document; ``from_json`` reads one back (the store keeps each version's JSON
and corpus-level stages read the records from it instead of re-analysing the articles). A
Document read back has no spaCy ``parses``: stages that need them must not run on it.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import asdict
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from peacewatch import records as r
from peacewatch.records import SCHEMA_VERSION, Actor, Document, Event, Evidence, Quote, Speaker

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


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
        "date_basis": e.date_basis,
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


# ---- JSON -> Document ------------------------------------------------------------------------
# Most of the JSON is ``dataclasses.asdict`` of the records, so a builder driven by their type
# hints rebuilds them; the parts ``to_json`` writes by hand (paragraphs and entity mentions as
# [start, end] pairs, quote speakers and relays) are read by hand. Fields missing from the JSON
# take their defaults, so documents stored before a field existed still load.


class FormatError(ValueError):
    """JSON that is not a peacewatch document: where, what is wrong, and what to do."""

    def __init__(self, where: str, cause: str, fix: str) -> None:
        super().__init__(f"{where}: {cause}. {fix}")
        self.where, self.cause, self.fix = where, cause, fix


_FIX = (
    "Give the JSON that `peacewatch analyze -f json` (or the store) wrote for one document; "
    "if it was written by another version, analyse the article again"
)
T = TypeVar("T", bound="DataclassInstance")


@cache
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls, vars(r))


def _build(tp: object, value: object, where: str) -> object:
    """``value`` (parsed JSON) as an instance of the type ``tp``."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        kept = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(kept[0], value, where) if len(kept) == 1 else value
    if origin is Literal and value not in typing.get_args(tp):
        allowed = ", ".join(map(repr, typing.get_args(tp)))
        raise FormatError(where, f"{value!r} is not one of {allowed}", _FIX)
    if origin is tuple:
        item = typing.get_args(tp)[0]
        return tuple(_build(item, v, f"{where}[{i}]") for i, v in enumerate(_list(value, where)))
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _record(tp, value, where)
    return value  # str, int, float, bool


def _list(value: object, where: str) -> list[object]:
    if not isinstance(value, list):
        raise FormatError(where, f"expected a list, got {type(value).__name__}", _FIX)
    return value


def _record(cls: type[T], data: object, where: str) -> T:
    if not isinstance(data, Mapping):
        raise FormatError(where, f"expected an object, got {type(data).__name__}", _FIX)
    hints = _hints(cls)
    kwargs = {
        f.name: _build(hints[f.name], data[f.name], f"{where}.{f.name}")
        for f in dataclasses.fields(cls)
        if f.init and f.name in data
    }
    try:
        return cls(**kwargs)
    except TypeError as e:  # a required field is missing
        raise FormatError(where, str(e).split(".", 1)[-1].strip(), _FIX) from e


def _pair(value: object, where: str) -> tuple[int, int]:
    if isinstance(value, list) and len(value) == 2:
        start, end = value
        if type(start) is int and type(end) is int:
            return start, end
    raise FormatError(where, f"expected [start, end], got {value!r}", _FIX)


def _entity(e: object, text: str, where: str) -> r.Entity:
    if not isinstance(e, Mapping):
        raise FormatError(where, f"expected an object, got {type(e).__name__}", _FIX)
    spans = [_pair(x, f"{where}.mentions[{j}]") for j, x in enumerate(_list(e["mentions"], where))]
    mentions = [{"text": text[s:t], "start": s, "end": t} for s, t in spans]
    return _record(r.Entity, {**e, "mentions": mentions}, where)


def _sections(data: Mapping[str, Any]) -> dict[str, Any]:
    """The Document's fields from the JSON's sections, each read where it is."""
    body = data["body"]
    text = body["text"]
    paragraphs = _list(body["paragraphs"], "body.paragraphs")
    listed = {k: _list(data.get(k, []), k) for k in ("entities", "quotes")}
    return {
        "meta": _record(r.Metadata, data["document"], "document"),
        "body": r.Body(
            text,
            tuple(
                r.Paragraph(*_pair(p, f"body.paragraphs[{i}]")) for i, p in enumerate(paragraphs)
            ),
        ),
        "removed": _build(tuple[r.Removed, ...], data.get("removed", []), "removed"),
        "entities": tuple(
            _entity(e, text, f"entities[{i}]") for i, e in enumerate(listed["entities"])
        ),
        "actors": _build(tuple[r.ActorRecord, ...], data.get("actors", []), "actors"),
        "dates": _build(tuple[r.TimeExpression, ...], data.get("dates", []), "dates"),
        "places": _build(tuple[r.Place, ...], data.get("places", []), "places"),
        "quotes": _build(tuple[r.Quote, ...], listed["quotes"], "quotes"),
        "events": _build(tuple[r.Event, ...], data.get("events", []), "events"),
        "negotiation": _record(r.Negotiation, data.get("negotiation") or {}, "negotiation"),
        "warnings": tuple(_list(data.get("warnings", []), "warnings")),
    }


def from_json(data: Mapping[str, Any]) -> Document:
    """The Document ``to_json`` wrote (without spaCy parses); ``FormatError`` on anything else."""
    if not isinstance(data, Mapping):
        raise FormatError("document", f"expected a JSON object, got {type(data).__name__}", _FIX)
    version = data.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise FormatError(
            "schema_version", f"{version!r}, this version reads {SCHEMA_VERSION!r}", _FIX
        )
    try:
        return Document(**_sections(data))
    except FormatError:
        raise
    except KeyError as e:
        raise FormatError("document", f"missing field {e}", _FIX) from e
    except (TypeError, ValueError) as e:  # a section of the wrong shape
        raise FormatError("document", str(e), _FIX) from e
