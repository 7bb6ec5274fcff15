"""Reads the API needs beyond ``peacewatch.store.query``: entities, one document with its
evidence spans, negotiation tracks from the stored document JSON, and filter choices.

SQL through SQLAlchemy Core only, every value a bound parameter.
"""

from __future__ import annotations

import bisect
import json
import threading
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from peacewatch.api.paging import NEGOTIATION_KINDS
from peacewatch.store import schema
from peacewatch.store.cache import per_state
from peacewatch.store.claims import store_state
from peacewatch.store.query import actor_key

Row = dict[str, Any]
# (published, version id, position): the cursor key of a negotiation item (api/paging.py).
Key = tuple[object, ...]
d, v, n = schema.documents, schema.versions, schema.entities


def _current() -> Any:
    return sa.select(v.c.id, v.c.doc_id, v.c.published).join(
        d, (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version)
    )


def _like(col: Any, text: str) -> Any:
    return sa.func.lower(col).like(f"%{text.casefold()}%")


def entities(
    conn: sa.Connection,
    name: str | None,
    type_: str | None,
    country: str | None,
    limit: int,
    offset: int,
    count_cap: int | None = None,
    total: int | None = None,
) -> tuple[list[Row], int]:
    """A page of entities and the number of all matches (counted unless ``total`` is known:
    api/paging.py keeps it per filter)."""
    cur = _current().subquery("cur")
    cols = [c for c in n.c if c.name != "version_id"]
    stmt = sa.select(n.c.version_id, *cols, cur.c.doc_id, cur.c.published)
    stmt = stmt.join(cur, cur.c.id == n.c.version_id)
    if name:
        stmt = stmt.where(_like(n.c.name, name))
    if type_:
        stmt = stmt.where(n.c.type == type_.upper())
    if country:
        stmt = stmt.where(n.c.country == country.upper())
    stmt = stmt.order_by(n.c.name, n.c.version_id, n.c.idx)
    rows = [dict(r._mapping) for r in conn.execute(stmt.limit(limit).offset(offset))]
    # A second query for the total, bounded like the other lists' (entities are the largest
    # table; COUNT OVER would sort all of it for every page).
    matches: Any = stmt.order_by(None).with_only_columns(
        sa.literal_column("1").label("one"), maintain_column_froms=True
    )
    if count_cap is not None:
        matches = matches.limit(count_cap + 1)
    if total is None:
        counted = sa.select(sa.func.count()).select_from(matches.subquery())
        total = int(conn.execute(counted).scalar_one())
    for r in rows:
        r["id"] = f"{r['version_id']}#n{r['idx']}"
    return rows, total


def _load(doc: Any) -> dict[str, Any]:
    return json.loads(doc) if isinstance(doc, str) else dict(doc)


def _spans(node: Any, path: list[str], out: list[Row]) -> None:
    """Every evidence span in a document's JSON: any object with text, start and end.

    Walking the JSON, instead of listing record kinds, keeps the document view complete when
    the extractors grow new record kinds.
    """
    if isinstance(node, dict):
        if (
            isinstance(node.get("text"), str)
            and isinstance(node.get("start"), int)
            and isinstance(node.get("end"), int)
        ):
            out.append(
                {
                    "kind": path[0].split("[")[0] if path else "record",
                    "path": ".".join(path),
                    "start": node["start"],
                    "end": node["end"],
                    "text": node["text"],
                }
            )
        for k, val in node.items():
            _spans(val, [*path, str(k)], out)
    elif isinstance(node, list):
        for i, val in enumerate(node):
            _spans(val, [*path[:-1], f"{path[-1]}[{i}]"] if path else [str(i)], out)


def record_spans(doc: dict[str, Any]) -> list[Row]:
    """Spans of the records, not of the body itself nor of removed boilerplate (not in body)."""
    out: list[Row] = []
    for key, val in doc.items():
        if key in ("body", "removed", "document", "schema_version", "warnings"):
            continue
        if key == "negotiation" and isinstance(val, dict):
            for sub, sval in val.items():
                _spans(sval, ["negotiation", sub], out)
                for r in out:
                    if r["kind"] == "negotiation":
                        r["kind"] = f"negotiation.{sub}"
            continue
        _spans(val, [key], out)
    text = doc.get("body", {}).get("text", "")
    # Only spans that really point into the body (check_offsets holds for stored documents;
    # this guards the UI against a record that does not).
    good: dict[tuple[str, int, int], Row] = {}
    for s in out:  # a quote's text and its evidence may be one span: listed once
        if 0 <= s["start"] <= s["end"] <= len(text):
            good.setdefault((s["kind"], s["start"], s["end"]), s)
    return sorted(good.values(), key=lambda s: (s["start"], -s["end"]))


def document(conn: sa.Connection, doc_id: str, version: int | None) -> Row | None:
    stmt = sa.select(v, d.c.key).join(d, d.c.id == v.c.doc_id).where(v.c.doc_id == doc_id)
    if version is None:
        stmt = stmt.where(v.c.version == d.c.current_version)
    else:
        stmt = stmt.where(v.c.version == version)
    row = conn.execute(stmt).first()
    if row is None:
        return None
    out = dict(row._mapping)
    out.pop("ingested_at", None)
    out.pop("body_text", None)
    body = _load(out.pop("document"))
    return {"version": out, "document": body, "spans": record_spans(body)}


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Item:
    """One round, commitment or agreement of a document, ready to serve."""

    day: date | None
    seq: int  # document order (published, id), then kind and position: the answer's order
    key: Key
    parties: tuple[str, ...]
    row: Row


@dataclass(frozen=True, slots=True)
class _Section:
    """The items of one kind: in document order (a cursor is a bisect), and by day."""

    every: list[_Item]
    keys: list[Key]  # _order(item.key) of ``every`` (bisect)
    dated: list[_Item]  # by (day, seq): a date range is a slice
    days: list[date]


@dataclass(frozen=True, slots=True)
class _Negotiations:
    docs: list[tuple[Any, dict[str, Any]]]  # (version fields, its negotiation member)
    sections: dict[str, _Section]


KINDS = NEGOTIATION_KINDS


def _order(key: Key) -> Key:
    """Documents without a publication day first, as on SQLite; the same on PostgreSQL (which
    sorts NULL last): the order is Python's, not the database's collation."""
    published, version_id, idx = key
    return (published is not None, published or date.min, version_id, idx)


def _negotiations(conn: sa.Connection) -> _Negotiations:
    """Rounds, commitments and agreements live in the stored document JSON (the store has no
    table for them). Only the ``negotiation`` member is read (json_extract on SQLite, -> on
    PostgreSQL: the whole documents of 10,000 versions are ~400 MB of JSON), once per store
    state, and indexed by day: a month of 100,000 documents was a walk over all of them per
    request (4 s p95 with 8 clients, BENCHMARKS.md)."""
    return per_state("negotiations", store_state(conn), lambda: _read_negotiations(conn))


def _read_negotiations(conn: sa.Connection) -> _Negotiations:
    cur = _current().subquery("cur")
    neg = v.c.document["negotiation"].label("negotiation")
    stmt = sa.select(v.c.id, v.c.doc_id, v.c.published, v.c.title, neg)
    stmt = stmt.join(cur, cur.c.id == v.c.id)
    rows = sorted(conn.execute(stmt), key=lambda r: _order((r.published, r.id, 0)))
    docs = [(r, _load(r.negotiation) if r.negotiation else {}) for r in rows]
    every: dict[str, list[_Item]] = {k: [] for k in KINDS}
    seq = 0
    for r, neg_ in docs:
        parties = [str(p) for p in neg_.get("parties", [])]
        for kind in KINDS:
            for i, item in enumerate(neg_.get(kind, [])):
                day = _date(item.get("date")) or r.published
                row = {
                    **item,
                    "id": f"{r.id}#{kind}{i}",
                    "version_id": r.id,
                    "doc_id": r.doc_id,
                    "published": r.published,
                    "title": r.title,
                    "parties": parties,
                    "day": day,
                }
                key = (r.published, r.id, i)
                every[kind].append(_Item(day, seq, key, tuple(parties), row))
                seq += 1
    return _Negotiations(docs, {k: _section(xs) for k, xs in every.items()})


def _section(every: list[_Item]) -> _Section:
    dated = sorted((x for x in every if x.day is not None), key=lambda x: (x.day, x.seq))
    days = [x.day for x in dated if x.day is not None]
    return _Section(every, [_order(x.key) for x in every], dated, days)


@dataclass(frozen=True, slots=True)
class TalksPage:
    """One page of one kind: its items, the number of all matches, where the next starts."""

    items: list[Row]
    total: int
    after: Key | None  # the last item's cursor key when more follow


def negotiation_page(
    conn: sa.Connection,
    kind: str,
    span: tuple[date | None, date | None],
    party: str | None,
    limit: int,
    after: Key | None = None,
) -> TalksPage:
    """Up to ``limit`` rounds, commitments or agreements (``kind``) of the current versions in
    document order, from after the cursor key ``after``. A month of 100,000 documents is
    ~4,700 items (2.7 MB of JSON in one answer before paging, BENCHMARKS.md)."""
    sec = _negotiations(conn).sections[kind]
    chosen, keys = _chosen(sec, span, party)
    start = 0 if after is None else bisect.bisect_right(keys, _order(after))
    got = chosen[start : start + limit + 1]
    total = len(chosen)
    page = got[:limit]
    items = [{**x.row, "parties": list(x.parties)} for x in page]  # a copy: the cache stays
    return TalksPage(items, total, page[-1].key if len(got) > limit else None)


# (section, span, party) -> its items and their cursor keys: a page of a filter re-sorted its
# matches every time (12,500 rounds of a month of 300,000 documents: 100-210 ms a page).
_CHOSEN: dict[tuple[int, object, object], tuple[_Section, list[_Item], list[Key]]] = {}
_CHOSEN_LOCK = threading.Lock()


def _chosen(
    sec: _Section, span: tuple[date | None, date | None], party: str | None
) -> tuple[list[_Item], list[Key]]:
    """The items of a section in ``span`` and of ``party``, in document order, with their
    keys; kept per section object (a new store state makes new sections)."""
    key = (id(sec), span, party)
    hit = _CHOSEN.get(key)
    if hit is not None and hit[0] is sec:
        return hit[1], hit[2]
    since, until = span
    if since is None and until is None:
        chosen = sec.every
    else:  # an item without a day never matches a range
        lo = 0 if since is None else bisect.bisect_left(sec.days, since)
        hi = len(sec.days) if until is None else bisect.bisect_right(sec.days, until)
        chosen = sorted(sec.dated[lo:hi], key=lambda x: x.seq)
    if party:
        # Exact, as the lists' actor filters (store/query.actor_key): parties are ISO codes,
        # else names; "RU" must not match a party whose name has the letters "ru" in it.
        code, name = actor_key(party)
        chosen = [x for x in chosen if any(p == code or p.casefold() == name for p in x.parties)]
    keys = sec.keys if chosen is sec.every else [_order(x.key) for x in chosen]
    with _CHOSEN_LOCK:
        if len(_CHOSEN) >= 256:
            _CHOSEN.clear()  # bounded memory; the next requests sort again
        _CHOSEN[key] = (sec, chosen, keys)
    return chosen, keys


def negotiation(
    conn: sa.Connection,
    since: date | None,
    until: date | None,
    party: str | None,
    limit: int | None = None,
) -> dict[str, list[Row]]:
    """Rounds, commitments and agreements of the current versions: the first ``limit`` of each
    (all without a limit)."""
    big = sum(len(s.every) for s in _negotiations(conn).sections.values())
    return {
        k: negotiation_page(conn, k, (since, until), party, limit or big + 1).items for k in KINDS
    }


def facets(conn: sa.Connection) -> dict[str, list[Any]]:
    """The values the UI offers in its filter menus: once per store state (each menu reads
    every current document: seconds on 100,000 documents)."""
    return per_state("facets", store_state(conn), lambda: _facets(conn))


def _facets(conn: sa.Connection) -> dict[str, list[Any]]:
    cur = _current().subquery("cur")
    e, p, pos = schema.events, schema.places, schema.positions

    def distinct(col: Any, vcol: Any) -> list[Any]:
        stmt = (
            sa.select(col)
            .join(cur, cur.c.id == vcol)
            .where(col.is_not(None))
            .distinct()
            .order_by(col)
            .limit(500)
        )
        return [x for (x,) in conn.execute(stmt)]

    return {
        "event_types": distinct(e.c.type, e.c.version_id),
        "issues": distinct(pos.c.issue, pos.c.version_id),
        "parties": distinct(pos.c.party, pos.c.version_id),
        "speakers": _speakers(conn, cur),
        "countries": distinct(p.c.country, p.c.version_id),
        "publishers": distinct(v.c.publisher, v.c.id),
        **_talk_roles(conn),
    }


def _speakers(conn: sa.Connection, cur: sa.Subquery) -> list[str]:
    """Speakers linked to a named entity (a person, organisation, state or group, not an
    outlet), the most quoted first.

    A speaker without an entity is a phrase the attribution could not resolve to anyone
    ("time", "war", "Almost two weeks of our resistance"): a menu of 240 such entries hid the
    people who speak (issue 17). Their quotes stay in the list; only the menu leaves them out.
    So does a name only ever cited as a source ("According to Wikipedia, our big goal is a
    grand slam": cue "according to"): a reference or a report is not a speaker, and nothing
    but the cue tells it from one (the entity is an ORG like any ministry).
    """
    q = schema.quotes
    sp = n.alias("speaker_entity_row")
    k = sa.func.count().label("k")
    spoken = sa.func.sum(sa.case((sa.func.lower(q.c.cue) == "according to", 0), else_=1))
    stmt = (
        sa.select(q.c.speaker, k)
        .join(cur, cur.c.id == q.c.version_id)
        .join(sp, (sp.c.version_id == q.c.version_id) & (sp.c.entity_id == q.c.speaker_entity))
        .where(q.c.speaker.is_not(None), sp.c.type != "OUTLET")
        .group_by(q.c.speaker)
        .having(spoken > 0)
        .order_by(k.desc(), q.c.speaker)
        .limit(500)
    )
    return [name for name, _ in conn.execute(stmt)]


def _talk_roles(conn: sa.Connection) -> dict[str, list[str]]:
    """The parties of the talks and their third parties (mediators, hosts, guarantors,
    observers), each ordered by the number of documents that name them so: the positions
    board puts the parties' columns first (issue 17)."""
    parties: Counter[str] = Counter()
    third: Counter[str] = Counter()
    for _, neg in _negotiations(conn).docs:
        parties.update({str(x) for x in neg.get("parties", [])})
        third.update(
            {
                str(x)
                for k in ("mediators", "hosts", "guarantors", "observers")
                for x in neg.get(k, [])
            }
        )

    def most_named(c: Counter[str]) -> list[str]:
        return [x for x, _ in sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))]

    for x in parties:  # a party named a mediator elsewhere is still a party
        third.pop(x, None)
    return {"talk_parties": most_named(parties), "talk_third_parties": most_named(third)}
