"""Read the store back: events, merged events, quotes, places and positions, filtered.

Rows come out as plain dicts with a stable ``id`` ("<version id>#q3": document, version,
record kind and position) and dates as ``datetime.date`` (exports write them as ISO dates).
Only the current version of each document is read unless ``all_versions`` is set.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Literal, TypeVar

import sqlalchemy as sa

from peacewatch.store import schema
from peacewatch.store.cache import per_state
from peacewatch.store.claims import (
    event_status_filter,
    event_statuses,
    store_state,
)
from peacewatch.store.coords import add_coords, in_bbox, place_coord
from peacewatch.store.pages import add_actors, event_rows
from peacewatch.store.pages import record_id as _sid
from peacewatch.store.statuses import stored_position_statuses
from peacewatch.vocab import CLAIM_STATUSES as CLAIM_STATUSES
from peacewatch.vocab import ClaimStatus

Kind = Literal["events", "merged", "quotes", "places", "positions", "documents"]
KINDS: tuple[str, ...] = ("events", "merged", "quotes", "places", "positions", "documents")
Row = dict[str, Any]
# A select statement, whatever its columns (``_keyset`` returns the kind it is given).
SelectT = TypeVar("SelectT", bound=sa.Select)  # type: ignore[type-arg]

d, v = schema.documents, schema.versions
e, a, q, p, n = schema.events, schema.event_actors, schema.quotes, schema.places, schema.entities


@dataclass(frozen=True, slots=True)
class Filters:
    actor: str | None = None  # ISO country code, actor id or whole name (actor_key)
    type: str | None = None  # event type, or its prefix ("CONSULT" matches "CONSULT.visit")
    place: str | None = None  # part of a place name, or an ISO country code for places
    since: date | None = None
    until: date | None = None
    all_versions: bool = False
    limit: int | None = None
    # For the web API: paging with the total number of matches, a map's bounding box
    # (west, south, east, north in degrees) and a negotiation issue for positions.
    offset: int = 0
    with_total: bool = False
    # Count matches only up to this many (None: all). A page needs a bounded count: counting
    # 90,000 quotes of 10,000 documents took longer than reading the page itself.
    count_cap: int | None = None
    # Keyset paging: the sort key (ORDER BY values) of the last row of the previous page;
    # the page starts after it (api/paging.py makes the cursor).
    after: tuple[object, ...] | None = None
    bbox: tuple[float, float, float, float] | None = None
    issue: str | None = None
    outlet: str | None = None  # quotes: the relaying outlet or the document's publisher
    claim_status: ClaimStatus | None = None  # corpus/claims.py (events, quotes, positions)
    with_status: bool = False  # add each row's claim_status (the API; exports leave it out)


def _like(col: Any, text: str) -> Any:
    return sa.func.lower(col).like(f"%{text.casefold()}%")


def _could_be_code(actor: str) -> bool:
    """Country columns hold ISO 3166 codes (two letters, three in a few sources): a longer
    filter can only match a name, and leaving the code test out lets the database skip a
    join per row (the quotes speaker filter, 4x faster on PostgreSQL with 10,000 documents)."""
    return len(actor) <= 3


def actor_key(actor: str) -> tuple[str | None, str]:
    """(the ISO code, the whole name in lower case) an actor filter stands for.

    Exact, never a part of a name: "RU" once matched "tRUmp" and "RUbio" (issue 17). The filter
    is an ISO code ("RU": the country, or an actor named "RU"), an actor id ("state:RU" is the
    country; "person:david-arakhamia" the actor whose name is "David Arakhamia": ids are slugs
    of names, extract/actors/base.slug), or an actor's whole name, in any case.
    """
    actor = actor.strip()
    kind, sep, rest = actor.partition(":")
    if sep and kind and rest and " " not in kind:
        if kind == "state":
            return rest.upper(), rest.casefold()
        return None, rest.replace("-", " ").casefold()
    if _could_be_code(actor) and actor.isalpha():
        return actor.upper(), actor.casefold()
    return None, actor.casefold()


def _like_name(name_col: sa.ColumnElement[str], actor: str) -> sa.ColumnElement[bool]:
    """The actor's whole name, in any case (no ISO code: for columns that hold names only)."""
    return sa.func.lower(name_col) == actor_key(actor)[1]


def _actor_match(
    name_col: sa.ColumnElement[str], country_col: sa.ColumnElement[str], actor: str
) -> sa.ColumnElement[bool]:
    code, name = actor_key(actor)
    by_name = sa.func.lower(name_col) == name
    return by_name if code is None else sa.or_(country_col == code, by_name)


def _in_range(lo_col: Any, hi_col: Any, f: Filters) -> list[Any]:
    """Overlap of [lo, hi] with [since, until]; a row without a date never matches a range."""
    out = []
    if f.since is not None:
        # One column for both ends (a document's date): the bare column, which an index
        # range can start at; coalesce(published, published) made PostgreSQL walk every
        # earlier document (2.2 s for four months of 300,000 documents, BENCHMARKS.md).
        hi = lo_col if hi_col is lo_col else sa.func.coalesce(hi_col, lo_col)
        out.append(hi >= f.since)
    if f.until is not None:
        out.append(lo_col <= f.until)
    return out


def _versions(f: Filters) -> Any:
    """Versions to read: the current one of each document, or all of them."""
    return _versions_of(f.all_versions)


@functools.cache
def _versions_of(all_versions: bool) -> sa.Subquery:
    # Built once: a new subquery per request made SQLAlchemy build its column proxies again
    # (~1.5 ms of a 3 ms /api/documents page on 200 documents). Constructs are immutable,
    # so one is shared by every thread; ``.c`` is filled here, before any thread reads it.
    s = sa.select(v.c.id, v.c.doc_id, v.c.version, v.c.published, v.c.cluster_id, v.c.url)
    if not all_versions:
        s = s.join(d, (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version))
    sub = s.subquery("cur")
    sub.c.id  # noqa: B018 (fills the column collection)
    return sub


def _keyset(stmt: SelectT, f: Filters, dialect: str) -> SelectT:
    """The rows after ``f.after`` in the statement's ORDER BY (all ascending). A row-value
    comparison, which SQLite and PostgreSQL serve as a range of the sort index (an OR per
    column made SQLite scan and sort). The first sort column (a date) may be NULL: SQLite
    sorts NULL first, PostgreSQL last; the other columns (ids, positions) never are."""
    if f.after is None:
        return stmt
    # SQLAlchemy has no public accessor for a statement's ORDER BY: the one place it is read.
    cols = list(stmt._order_by_clauses)
    first, val = cols[0], f.after[0]
    nulls_last = dialect == "postgresql"
    if val is None:  # the page ended among the undated rows
        after = sa.and_(first.is_(None), sa.tuple_(*cols[1:]) > tuple(f.after[1:]))
        if not nulls_last:
            after = sa.or_(after, first.is_not(None))
    else:
        after = sa.tuple_(*cols) > tuple(f.after)  # (NULL dates compare to nothing)
        if nulls_last:
            after = sa.or_(after, first.is_(None))
    return stmt.where(after)


def _run(conn: sa.Connection, stmt: Any, f: Filters, widen: Any = None) -> list[Row]:
    """The page of ``stmt`` (with its bounded count); ``widen``: a function from the page's
    (keys) statement to the statement reading its rows' columns."""
    total = None
    if f.with_total:
        # A separate COUNT over the unordered query: a window COUNT(*) OVER () would make
        # SQLite compute every selected column (the place coordinates of events, ...) for all
        # matches before LIMIT; measured 4x slower on 10,000 documents (benchmarks/api.py).
        matches = stmt.order_by(None).with_only_columns(
            sa.literal_column("1").label("one"), maintain_column_froms=True
        )
        if f.count_cap is not None:
            matches = matches.limit(f.count_cap + 1)
        counted = sa.select(sa.func.count()).select_from(matches.subquery())
        total = conn.execute(counted).scalar_one()
    stmt = _keyset(stmt, f, conn.dialect.name)  # (after the count: it counts every match)
    if f.limit is not None:
        stmt = stmt.limit(f.limit)
    if f.offset:
        stmt = stmt.offset(f.offset)
    if widen is not None:
        stmt = widen(stmt)
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    if total is not None:  # each row carries the number of all matches
        for r in rows:
            r["total_count"] = total
    return rows


# ---- claim status: store/claims.py computes it; here it is added to a page's rows ----------


def _add_status(conn: sa.Connection, rows: list[Row], table: Any, f: Filters) -> None:
    """Each row's ``claim_status``, looked up for the page only (as add_coords does)."""
    ids = sorted({r["version_id"] for r in rows})
    if not ids or not f.with_status:
        return
    if table is schema.positions:
        found = stored_position_statuses(conn, _versions(Filters()))
    else:
        found = event_statuses(conn, {(r["version_id"], r["idx"]) for r in rows})
    for r in rows:
        # Positions of a version that is no longer current are not in the statuses (those
        # cover current versions): their own denial, else reported.
        fallback = "denied" if r.get("status") == "denied" else "reported"
        r["claim_status"] = found.get((r["version_id"], r["idx"]), fallback)


# Events longer than this are few (11 of 844,619 on the 100,000-document store, all of a year's
# precision; 15 are longer than a week): they are read apart, once per store state, so that
# the date walk of a range starts a month before ``since`` and not a year (the longest span),
# which visited 91,000 events before the range (65-140 ms CPU a page, BENCHMARKS.md).
LONG_EVENT_DAYS = 31


def _long_events(conn: sa.Connection) -> list[tuple[date, date]]:
    """(start, end) of the events longer than LONG_EVENT_DAYS (reads every event once per
    store state)."""

    def compute() -> list[tuple[date, date]]:
        if conn.dialect.name == "sqlite":
            days = sa.func.julianday(e.c.date_end) - sa.func.julianday(e.c.date_start)
        else:
            days = e.c.date_end - e.c.date_start
        found = conn.execute(sa.select(e.c.date_start, e.c.date_end).where(days > LONG_EVENT_DAYS))
        return [(lo, hi) for lo, hi in found]

    return per_state("long_events", store_state(conn), compute)


def _earliest_start(conn: sa.Connection, since: date) -> date:
    """No stored event that ends on or after ``since`` starts before this day: one that lasts
    at most LONG_EVENT_DAYS starts after since minus that; the longer ones are known."""
    # Near year 1 (the schema fuzzer's "since=0001-01-05") there is no earlier bound.
    if since - date.min < timedelta(days=LONG_EVENT_DAYS):
        return date.min
    bound = since - timedelta(days=LONG_EVENT_DAYS)
    return min([bound, *(lo for lo, hi in _long_events(conn) if hi >= since and lo < bound)])


# Above this many rows of an actor in event_actors, its events are read in date order and
# each tested (a common actor fills a page at once); at or below it, the actor's events are
# found first and sorted (few). On 100,000 documents (BENCHMARKS.md) the first way took 17 s
# for an actor of ~90 events (every event in date order tested), the second 37 s for "UA"
# (~150,000 events sorted); a sort of 2,000 events is a few ms.
RARE_ACTOR = 2000


def _event_actor(conn: sa.Connection, actor: str) -> sa.ColumnElement[bool]:
    match = _actor_match(a.c.name, a.c.country, actor)
    probe = sa.select(sa.literal_column("1")).where(match).limit(RARE_ACTOR + 1).subquery()
    many = conn.execute(sa.select(sa.func.count()).select_from(probe)).scalar_one()
    if many > RARE_ACTOR:  # a correlated EXISTS, probed per event in date order
        return sa.exists().where(a.c.version_id == e.c.version_id, a.c.event_idx == e.c.idx, match)
    keys = sa.select(a.c.version_id, a.c.event_idx).where(match)
    return sa.tuple_(e.c.version_id, e.c.idx).in_(keys)


def events(conn: sa.Connection, f: Filters) -> list[Row]:
    cur = _versions(f)
    # The page is chosen on the keys (the columns of the date index, migration 0011), then
    # its rows read: PostgreSQL tests an index scan's filter only after fetching the row, so
    # a date range's walk read every walked event (64,000 for CONSULT over four months of
    # 442,300 documents: 392 ms); on the keys alone it is an index-only scan (119 ms).
    # The coordinates are looked up after paging (add_coords): as correlated subqueries in
    # the SELECT, SQLite computed them for every match before ORDER BY/LIMIT (3.7 s for a
    # page of 50 on 10,000 documents, benchmarks/api.py).
    stmt = sa.select(e.c.date_start, e.c.version_id, e.c.idx).join(cur, cur.c.id == e.c.version_id)
    if f.type:
        stmt = stmt.where(sa.or_(e.c.type == f.type, e.c.type.like(f"{f.type}.%")))
    if f.place:
        stmt = stmt.where(_like(e.c.place, f.place))
    if f.actor:
        stmt = stmt.where(_event_actor(conn, f.actor))
    stmt = stmt.where(*_in_range(e.c.date_start, e.c.date_end, f))
    if f.since is not None:
        # The overlap test on coalesce(date_end, date_start) is no index range: a lower bound
        # on date_start (``_earliest_start``) lets the date index start near ``since`` instead
        # of at the first event (7.6 s p95 for a type and four months on 100,000 documents,
        # BENCHMARKS.md).
        stmt = stmt.where(e.c.date_start >= _earliest_start(conn, f.since))
    if f.bbox is not None:  # (building the two coordinate subqueries costs ~1 ms a request)
        stmt = stmt.where(*in_bbox(place_coord(p.c.lat), place_coord(p.c.lon), f.bbox))
    if f.claim_status:
        stmt = stmt.where(event_status_filter(f.claim_status))
    page = stmt.order_by(e.c.date_start, e.c.version_id, e.c.idx)
    rows = add_coords(conn, _run(conn, page, f, lambda keys: event_rows(keys, cur)))
    _add_status(conn, rows, e, f)
    add_actors(conn, rows)
    return rows


def merged(conn: sa.Connection, f: Filters) -> list[Row]:
    g = schema.event_groups
    stmt = sa.select(g)
    if f.type:
        stmt = stmt.where(sa.or_(g.c.type == f.type, g.c.type.like(f"{f.type}.%")))
    if f.place:
        stmt = stmt.where(_like(g.c.place, f.place))  # (case-insensitive)
    stmt = stmt.where(*_in_range(g.c.date_start, g.c.date_end, f)).order_by(g.c.date_start, g.c.id)
    rows = [dict(r._mapping) for r in conn.execute(stmt)]
    if f.actor:
        # ``actors`` is a small JSON list (country codes, else names): filtered here, the same
        # way on both backends, instead of with two JSON dialects.
        code, name = actor_key(f.actor)
        rows = [
            r for r in rows if any(str(x) == code or str(x).casefold() == name for x in r["actors"])
        ]
    return rows[: f.limit] if f.limit is not None else rows


def quotes(conn: sa.Connection, f: Filters) -> list[Row]:
    """Quotes, by their document's publication date (an index order: sorting by the date of
    each quote, said_on_date else published, sorted all 90,000 quotes of 10,000 documents for
    every page); ``since``/``until`` still apply to the quote's own date."""
    cur = _versions(f)
    cols = [c for c in q.c if c.name != "version_id"]
    # The speaker's entity row (entity ids are unique within a version): a join, where a
    # correlated subquery per quote made the speaker filter the slowest list (benchmarks/api.py).
    sp = n.alias("speaker_entity_row")
    stmt = sa.select(
        _sid(q, "q"),
        q.c.version_id,
        *cols,
        sp.c.country.label("speaker_country"),
        cur.c.doc_id,
        cur.c.published,
    )
    stmt = stmt.join(cur, cur.c.id == q.c.version_id).outerjoin(
        sp, (sp.c.version_id == q.c.version_id) & (sp.c.entity_id == q.c.speaker_entity)
    )
    if f.actor:
        stmt = stmt.where(_actor_match(q.c.speaker, sp.c.country, f.actor))
    if f.place:  # quotes from documents that mention the place
        stmt = stmt.where(
            sa.exists().where(
                p.c.version_id == q.c.version_id,
                sa.or_(_like(p.c.name, f.place), _like(p.c.mention, f.place)),
            )
        )
    if f.outlet:
        stmt = stmt.where(
            sa.or_(
                _like(q.c.relay, f.outlet),
                sa.exists().where(v.c.id == q.c.version_id, _like(v.c.publisher, f.outlet)),
            )
        )
    day = sa.func.coalesce(q.c.said_on_date, cur.c.published)
    stmt = stmt.where(*_in_range(day, day, f))
    return _run(conn, stmt.order_by(cur.c.published, cur.c.id, q.c.idx), f)


def places(conn: sa.Connection, f: Filters) -> list[Row]:
    cur = _versions(f)
    cols = [c for c in p.c if c.name != "version_id"]
    stmt = sa.select(_sid(p, "p"), p.c.version_id, *cols, cur.c.doc_id, cur.c.published)
    stmt = stmt.join(cur, cur.c.id == p.c.version_id)
    if f.place:
        stmt = stmt.where(
            sa.or_(_like(p.c.name, f.place), _like(p.c.mention, f.place), p.c.country == f.place)
        )
    if f.actor:  # places in documents that mention the actor
        stmt = stmt.where(
            sa.exists().where(
                n.c.version_id == p.c.version_id, _actor_match(n.c.name, n.c.country, f.actor)
            )
        )
    stmt = stmt.where(*_in_range(cur.c.published, cur.c.published, f))
    stmt = stmt.where(*in_bbox(p.c.lat, p.c.lon, f.bbox))
    return _run(conn, stmt.order_by(cur.c.published, cur.c.id, p.c.idx), f)


def _position_issue(conn: sa.Connection, issue: str) -> sa.ColumnElement[bool]:
    """``issue = ?``, with no index for a common issue on SQLite: SQLite chose the issue index
    and sorted every match by date ("ceasefire": 247 ms CPU a page on 100,000 documents,
    BENCHMARKS.md); walking the versions' date index and testing each position finds a page
    of a common issue in a few hundred versions. A rare issue keeps the index (a walk would
    visit every version). The threshold is RARE_ACTOR's, for the same trade-off."""
    pos = schema.positions
    if conn.dialect.name != "sqlite":
        return pos.c.issue == issue
    probe = sa.select(pos.c.issue).where(pos.c.issue == issue).limit(RARE_ACTOR + 1).subquery()
    many = conn.execute(sa.select(sa.func.count()).select_from(probe)).scalar_one()
    if many <= RARE_ACTOR:
        return pos.c.issue == issue
    return sa.literal_column("+positions.issue", sa.String) == issue  # unary plus: no index


def positions(conn: sa.Connection, f: Filters) -> list[Row]:
    """Negotiation positions: who (party, speaker) holds which stance on which issue, when.

    ``--type`` matches the issue or the stance; ``--actor`` the party or who stated it.
    """
    pos = schema.positions
    cur = _versions(f)
    cols = [c for c in pos.c if c.name != "version_id"]
    stmt = sa.select(_sid(pos, "s"), pos.c.version_id, *cols, cur.c.doc_id, cur.c.published)
    stmt = stmt.join(cur, cur.c.id == pos.c.version_id)
    if f.actor:
        # Parties are ISO codes, else names; ``by`` is the name of who stated the position.
        stmt = stmt.where(
            sa.or_(_actor_match(pos.c.party, pos.c.party, f.actor), _like_name(pos.c.by, f.actor))
        )
    if f.type:
        stmt = stmt.where(sa.or_(pos.c.issue == f.type, pos.c.stance == f.type))
    if f.issue:
        stmt = stmt.where(_position_issue(conn, f.issue))
    if f.place:  # positions from documents that mention the place
        stmt = stmt.where(
            sa.exists().where(
                p.c.version_id == pos.c.version_id,
                sa.or_(_like(p.c.name, f.place), _like(p.c.mention, f.place)),
            )
        )
    day = sa.func.coalesce(pos.c.said_on_date, cur.c.published)
    stmt = stmt.where(*_in_range(day, day, f))
    stmt = stmt.order_by(cur.c.published, cur.c.id, pos.c.idx)  # as quotes, for speed
    if not f.claim_status:
        rows = _run(conn, stmt, f)
        _add_status(conn, rows, pos, f)
        return rows
    # Filtered on the cached statuses: the keys of every match in order (narrow rows), then
    # the page's rows in full.
    status = stored_position_statuses(conn, _versions(Filters()))
    # Stop reading once the page and the bounded count are known: "reported" matches most
    # positions, and reading all of them took 0.5 s a request on 10,000 documents.
    end = None if f.limit is None else f.offset + f.limit
    need = end
    if f.with_total:
        need = None if f.count_cap is None or end is None else max(end, f.count_cap + 1)
    keys: list[tuple[str, int]] = []
    narrow = _keyset(stmt, f, conn.dialect.name)
    narrow_cols = (pos.c.version_id, pos.c.idx, pos.c.status)
    # Streamed (a server-side cursor on PostgreSQL, planned for its first rows): the loop
    # stops at the page and the bounded count, which PostgreSQL, planning the whole result,
    # sorted every position for first (2.7-3.6 s on 300,000 documents).
    result = conn.execution_options(stream_results=True).execute(
        narrow.with_only_columns(*narrow_cols)
    )
    for vid, idx, own in result:
        fallback = "denied" if own == "denied" else "reported"  # as _add_status
        if status.get((vid, idx), fallback) == f.claim_status:
            keys.append((vid, idx))
            if need is not None and len(keys) >= need:
                break
    result.close()
    total = len(keys)
    if f.count_cap is not None:  # the same answer as _run's bounded count
        total = min(total, f.count_cap + 1)
    page = keys[f.offset : end]
    rows = []
    if page:
        # By version id, then the page's keys: SQLite served the row-value IN (version, idx)
        # by scanning every position (5 s on 30,000 documents).
        full = stmt.where(pos.c.version_id.in_(sorted({vid for vid, _ in page})))
        wanted = set(page)
        rows = _run(conn, full, replace(f, limit=None, offset=0, with_total=False, after=None))
        rows = [r for r in rows if (r["version_id"], r["idx"]) in wanted]
    for r in rows:
        r["claim_status"] = f.claim_status
        if f.with_total:
            r["total_count"] = total
    return rows


def documents(conn: sa.Connection, f: Filters) -> list[Row]:
    cur = _versions(f)
    keep = [c for c in v.c if c.name not in ("document", "body_text", "id")]
    stmt = sa.select(v.c.id, d.c.key, *keep, schema.clusters.c.size.label("cluster_size"))
    stmt = stmt.join(cur, cur.c.id == v.c.id).join(d, d.c.id == v.c.doc_id)
    stmt = stmt.join(schema.clusters, schema.clusters.c.id == v.c.cluster_id)
    stmt = stmt.where(*_in_range(v.c.published, v.c.published, f))
    rows = _run(conn, stmt.order_by(v.c.published, v.c.id), f)
    for r in rows:
        r.pop("ingested_at", None)  # wall-clock: would make exports of equal stores differ
    return rows


QUERIES = {
    "events": events,
    "merged": merged,
    "quotes": quotes,
    "places": places,
    "positions": positions,
    "documents": documents,
}


def run_query(engine: sa.Engine, kind: str, f: Filters) -> list[Row]:
    with engine.connect() as conn:
        return QUERIES[kind](conn, f)
