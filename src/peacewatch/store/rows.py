"""Document -> rows of the store's tables: pure functions, no database.

Ids are deterministic (see schema.py): a document's id comes from its key, a version's from the
document id and its number, a record's from the version and its position in the Document.
"""

from __future__ import annotations

import base64
import calendar
import hashlib
import json
import re
from datetime import date
from typing import Any

from peacewatch import __version__
from peacewatch.records import SCHEMA_VERSION, Actor, Document, RawInput
from peacewatch.serialize import to_json

Row = dict[str, Any]

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def doc_key(raw: RawInput) -> str:
    """What makes two inputs the same document: its URL when known, else the input id."""
    return raw.url or raw.id


def doc_id(key: str) -> str:
    return "d-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def version_id(did: str, version: int) -> str:
    return f"{did}/v{version}"


def input_hash(raw: RawInput, published: str | None) -> str:
    """Hash of everything the analysis reads: an unchanged hash means nothing to redo."""
    h = hashlib.sha256()
    data = raw.data.encode("utf-8") if isinstance(raw.data, str) else raw.data
    h.update(data)
    meta = [raw.content_type, published or raw.published, raw.url, raw.title, raw.publisher]
    h.update(json.dumps(meta).encode("utf-8"))
    return h.hexdigest()


def raw_to_json(raw: RawInput) -> Row:
    """A RawInput as JSON, so a dead letter can be retried without its original file."""
    data = raw.data
    row: Row = {
        "id": raw.id,
        "source": raw.source,
        "content_type": raw.content_type,
        "published": raw.published,
        "url": raw.url,
        "title": raw.title,
        "publisher": raw.publisher,
        "published_source": raw.published_source,
    }
    if isinstance(data, str):
        row["text"] = data
    else:
        row["base64"] = base64.b64encode(data).decode("ascii")
    return row


def raw_from_json(row: Row) -> RawInput:
    data: bytes | str = row["text"] if "text" in row else base64.b64decode(row["base64"])
    return RawInput(
        id=row["id"],
        source=row["source"],
        data=data,
        content_type=row["content_type"],
        published=row.get("published"),
        url=row.get("url"),
        title=row.get("title"),
        publisher=row.get("publisher"),
        published_source=row.get("published_source"),
    )


def iso_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day of an ISO date, month or year; (None, None) for anything else."""
    m = _ISO.match(value or "")
    if not m:
        return None, None
    try:
        y = int(m.group(1))
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            mo = int(m.group(2))
            return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None, None


def iso_day(value: str | None) -> date | None:
    """The day of a full ISO date; None for a month, a year or anything else (never a guess)."""
    lo, hi = iso_range(value)
    return lo if lo == hi else None


def _actor_rows(vid: str, ev_idx: int, role: str, actors: tuple[Actor, ...]) -> list[Row]:
    return [
        {
            "version_id": vid,
            "event_idx": ev_idx,
            "role": role,
            "idx": i,
            "name": a.name,
            "country": a.country,
            "sector": a.sector,
            "entity": a.entity,
        }
        for i, a in enumerate(actors)
    ]


def record_rows(doc: Document, vid: str) -> dict[str, list[Row]]:
    """Rows of every record table for one version, keyed by table name."""
    entities, mentions = _entity_rows(doc, vid)
    events, event_actors = _event_rows(doc, vid)
    return {
        "paragraphs": [
            {"version_id": vid, "idx": i, "start": p.start, "end": p.end}
            for i, p in enumerate(doc.body.paragraphs)
        ],
        "removed": [
            {"version_id": vid, "idx": i, "kind": r.kind, "text": r.text}
            for i, r in enumerate(doc.removed)
        ],
        "entities": entities,
        "mentions": mentions,
        "dates": _date_rows(doc, vid),
        "places": _place_rows(doc, vid),
        "quotes": _quote_rows(doc, vid),
        "events": events,
        "event_actors": event_actors,
        "positions": _position_rows(doc, vid),
    }


def _entity_rows(doc: Document, vid: str) -> tuple[list[Row], list[Row]]:
    """Entities, and their mentions (keyed by the entity's position)."""
    entities: list[Row] = []
    mentions: list[Row] = []
    for i, e in enumerate(doc.entities):
        ev = e.role_evidence
        entities.append(
            {
                "version_id": vid,
                "idx": i,
                "entity_id": e.id,
                "name": e.name,
                "type": e.type,
                "role": e.role,
                "country": e.country,
                "role_text": ev.text if ev else None,
                "role_start": ev.start if ev else None,
                "role_end": ev.end if ev else None,
            }
        )
        mentions += [
            {
                "version_id": vid,
                "entity_idx": i,
                "idx": j,
                "text": mn.text,
                "start": mn.start,
                "end": mn.end,
            }
            for j, mn in enumerate(e.mentions)
        ]
    return entities, mentions


def _date_rows(doc: Document, vid: str) -> list[Row]:
    out: list[Row] = []
    for i, t in enumerate(doc.dates):
        lo, hi = iso_range(t.value) if t.precision in ("day", "month", "year") else (None, None)
        out.append(
            {
                "version_id": vid,
                "idx": i,
                "text": t.text,
                "start": t.start,
                "end": t.end,
                "value": t.value,
                "precision": t.precision,
                "rule": t.rule,
                "date_start": lo,
                "date_end": hi,
            }
        )
    return out


def _place_rows(doc: Document, vid: str) -> list[Row]:
    return [
        {
            "version_id": vid,
            "idx": i,
            "mention": p.mention,
            "start": p.start,
            "end": p.end,
            "name": p.name,
            "lat": p.lat,
            "lon": p.lon,
            "country": p.country,
            "admin1": p.admin1,
            "feature": p.feature,
            "geonameid": p.geonameid,
            "metonymy": p.metonymy,
        }
        for i, p in enumerate(doc.places)
    ]


def _quote_rows(doc: Document, vid: str) -> list[Row]:
    return [
        {
            "version_id": vid,
            "idx": i,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "speaker": q.speaker.name if q.speaker else None,
            "speaker_entity": q.speaker.entity if q.speaker else None,
            "cue": q.cue,
            "relay": q.relay.name if q.relay else None,
            "relay_entity": q.relay.entity if q.relay else None,
            "said_on": q.said_on,
            "said_on_date": iso_day(q.said_on),
            "evidence_text": q.evidence.text,
            "evidence_start": q.evidence.start,
            "evidence_end": q.evidence.end,
        }
        for i, q in enumerate(doc.quotes)
    ]


def _event_rows(doc: Document, vid: str) -> tuple[list[Row], list[Row]]:
    """Events, and their actors and recipients (keyed by the event's position)."""
    events: list[Row] = []
    actors: list[Row] = []
    for i, event in enumerate(doc.events):
        lo, hi = iso_range(event.date)
        events.append(
            {
                "version_id": vid,
                "idx": i,
                "type": event.type,
                "mode": event.mode,
                "modality": event.modality,
                "cameo": event.cameo,
                "acled": event.acled,
                "quote_idx": event.quote,
                "magnitude": [
                    {
                        "kind": m.kind,
                        "value": m.value,
                        "text": m.text,
                        "start": m.start,
                        "end": m.end,
                    }
                    for m in event.magnitude
                ],
                "contexts": list(event.contexts),
                "unresolved": list(event.unresolved),
                "place": event.place,
                "date": event.date,
                "date_precision": event.date_precision,
                "date_basis": event.date_basis,
                "date_start": lo,
                "date_end": hi,
                "evidence_text": event.evidence.text,
                "evidence_start": event.evidence.start,
                "evidence_end": event.evidence.end,
            }
        )
        actors += _actor_rows(vid, i, "actor", event.actors)
        actors += _actor_rows(vid, i, "recipient", event.recipients)
    return events, actors


def _position_rows(doc: Document, vid: str) -> list[Row]:
    """Positions, numbered across the issues in document order."""
    stated = [p for issue in doc.negotiation.issues for p in issue.positions]
    return [
        {
            "version_id": vid,
            "idx": i,
            "issue": pos.issue,
            "stance": pos.stance,
            "party": pos.party,
            "by": pos.by,
            "by_entity": pos.by_entity,
            "said_on": pos.said_on,
            "said_on_date": iso_day(pos.said_on),
            "detail": pos.detail,
            "condition": pos.condition,
            "status": pos.status,
            "evidence_text": pos.evidence.text,
            "evidence_start": pos.evidence.start,
            "evidence_end": pos.evidence.end,
        }
        for i, pos in enumerate(stated)
    ]


def version_row(doc: Document, did: str, version: int, ihash: str, chash: str) -> Row:
    m = doc.meta
    return {
        "id": version_id(did, version),
        "doc_id": did,
        "version": version,
        "input_hash": ihash,
        "content_hash": chash,
        "title": m.title,
        "published": iso_day(m.published),
        "published_source": m.published_source,
        "publisher": m.publisher,
        "url": m.url,
        "source": m.source,
        "language": m.language,
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "body_text": doc.body.text,
        "document": to_json(doc),
    }
