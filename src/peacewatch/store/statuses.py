"""Claim statuses of the stored positions, kept up to date write by write (issue 19).

The status of a position depends only on the positions of its party and issue (corpus/claims.py
``position_statuses``: the same party, issue and direction, or the opposite direction), so a
write changes the statuses of the (party, issue) groups it touches and of no other. Computed
from scratch, the statuses of 30,000 documents took 46 s after every write; here the facts of
every current position are kept, and a new store state reads only the documents written since
the last one (``versions.ingested_at``, indexed), replaces their facts and recomputes the groups
they were or are in. A count of the documents that does not add up (one deleted, a store
rebuilt in place) means a full computation again. tests/test_store_statuses.py checks the
result equals a full computation.

What a write can change, and what is re-read for it: the positions of the document written
(its new or rewritten version replaces the old one's), and the source of every version whose
cluster is named after a written version (the source is the publisher of the cluster's
original, store/claims.py ``source_key``, and a rewrite may change that publisher). A
document deleted by hand leaves the store state (the latest ``ingested_at``) unchanged, so
it is noticed at the next write only: the risk the caches of store/cache.py accept.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa

from peacewatch.corpus.claims import PositionFact, position_statuses
from peacewatch.store import schema
from peacewatch.store.claims import ordinal, source_key, store_state
from peacewatch.vocab import ClaimStatus

Key = tuple[str, int]  # (version id, idx) of a position
Group = tuple[str | None, str]  # (party, issue): statuses never look across groups

# More documents written since the last state than this share of the known ones: one full
# computation is cheaper than replacing that many documents' facts one batch at a time.
FULL_SHARE = 0.2
CHUNK = 500  # ids per IN list (SQLite's default limit on bound parameters is 999 before 3.32)


@dataclass
class Positions:
    """The facts of every current position, with their statuses, as of one store state."""

    state: tuple[object, ...] = ()
    last: object = None  # the latest ingested_at read: documents written at or after it are new
    docs: set[str] = field(default_factory=set)  # every document, to notice one deleted
    # The versions stamped ``last`` when it was read: a write in the same clock tick (a
    # coarse clock, or a bulk load stamping a batch at once) is new only if not among them.
    at_last: set[str] = field(default_factory=set)
    facts: dict[Key, PositionFact] = field(default_factory=dict)
    by_doc: dict[str, list[Key]] = field(default_factory=dict)
    groups: dict[Group, set[Key]] = field(default_factory=dict)
    statuses: dict[Key, ClaimStatus] = field(default_factory=dict)

    def add(self, doc: str, key: Key, fact: PositionFact) -> Group:
        self.facts[key] = fact
        self.by_doc.setdefault(doc, []).append(key)
        group = (fact.party, fact.issue)
        self.groups.setdefault(group, set()).add(key)
        return group

    def drop(self, doc: str) -> set[Group]:
        touched = set()
        for key in self.by_doc.pop(doc, []):
            fact = self.facts.pop(key)
            self.statuses.pop(key, None)
            group = (fact.party, fact.issue)
            members = self.groups[group]
            members.discard(key)
            if not members:
                del self.groups[group]
            touched.add(group)
        return touched

    def recompute(self, groups: Iterable[Group]) -> None:
        for group in groups:
            keys = list(self.groups.get(group, ()))
            found = position_statuses([self.facts[k] for k in keys])
            self.statuses.update(zip(keys, found, strict=True))


_known = Positions()
_lock = threading.Lock()


def stored_position_statuses(conn: sa.Connection, cur: sa.Subquery) -> dict[Key, ClaimStatus]:
    """(version id, idx) -> claim status of every position of the current versions (``cur``:
    query.py's subquery of them). The mapping returned is not changed afterwards: a later
    state gets a new one."""
    global _known
    state = store_state(conn)
    known = _known  # one read: another thread may replace it meanwhile
    if known.state == state:
        return known.statuses
    with _lock:
        known = _known
        if known.state == state:
            return known.statuses
        _known = Positions()  # a failed update leaves nothing half-done behind it
        if known.state[:1] != state[:1] or known.last is None:
            known = full(conn, cur)
        else:
            update(conn, cur, known)
        known.state = state
        _known = known
        return known.statuses


def forget() -> None:
    """Drop the kept facts (tests that rewrite a store in place, leaving its state unchanged)."""
    global _known
    with _lock:
        _known = Positions()


def full(conn: sa.Connection, cur: sa.Subquery) -> Positions:
    """Every current position's facts and statuses, from scratch (the reference)."""
    out = Positions(last=_latest(conn))
    v = schema.versions
    if out.last is not None:
        # ``>=`` not ``==``: the same rows (``last`` is the maximum), but SQLite's planner,
        # with ANALYZE statistics from a bulk load stamping many rows alike, scans the table
        # for ``=`` (4.6 s on /tmp/h8/big-100k.db) and uses ix_versions_ingested_at for ``>=``.
        stamped = sa.select(v.c.id).where(v.c.ingested_at >= out.last)
        out.at_last = set(conn.execute(stamped).scalars())
    out.docs = set(conn.execute(sa.select(schema.documents.c.id)).scalars())
    rows = _fact_rows(conn, cur, None)
    for doc, key, fact in rows:
        out.add(doc, key, fact)
    keys = [key for _, key, _ in rows]
    found = position_statuses([fact for _, _, fact in rows])
    out.statuses = dict(zip(keys, found, strict=True))
    return out


def update(conn: sa.Connection, cur: sa.Subquery, known: Positions) -> None:
    """``known`` brought to the store's current state: the documents written since
    ``known.last`` re-read, the groups they leave or join recomputed. Its statuses are a new
    mapping (readers may still hold the old one)."""
    v = schema.versions
    stmt = sa.select(v.c.id, v.c.doc_id, v.c.ingested_at).where(v.c.ingested_at >= known.last)
    stamped = conn.execute(stmt).all()
    last = max((r.ingested_at for r in stamped), default=known.last)
    at_last = {r.id for r in stamped if r.ingested_at == last}
    if last == known.last:
        at_last |= known.at_last
    written = [r for r in stamped if not (r.ingested_at == known.last and r.id in known.at_last)]
    docs = {r.doc_id for r in written}
    originals = sorted({r.id for r in written})
    for part in _chunks(originals):  # versions whose source is a written version's publisher
        stmt = sa.select(cur.c.doc_id).where(cur.c.cluster_id.in_(part))
        docs.update(conn.execute(stmt).scalars())
    count = conn.execute(sa.select(sa.func.count()).select_from(schema.documents)).scalar_one()
    gone = count != len(known.docs | docs)  # a document deleted (or a store rebuilt in place)
    if gone or len(docs) > FULL_SHARE * max(len(known.docs), 1):
        redone = full(conn, cur)
        known.__dict__.update(redone.__dict__)
        return
    known.last, known.at_last = last, at_last
    known.docs |= docs
    known.statuses = dict(known.statuses)
    touched: set[Group] = set()
    for doc in docs:
        touched |= known.drop(doc)
    for part in _chunks(sorted(docs)):
        for doc, key, fact in _fact_rows(conn, cur, part):
            touched.add(known.add(doc, key, fact))
    known.recompute(touched)


def _latest(conn: sa.Connection) -> object:
    return conn.execute(sa.select(sa.func.max(schema.versions.c.ingested_at))).scalar()


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def _fact_rows(
    conn: sa.Connection, cur: sa.Subquery, docs: list[str] | None
) -> list[tuple[str, Key, PositionFact]]:
    """(document id, key, facts) of the positions of the current versions (of ``docs`` only,
    unless None)."""
    pos = schema.positions
    # As the track dates a position: by said_on when there is one (a month or a year is no
    # day, so undated), else by the document's publication day.
    day = sa.case((pos.c.said_on.is_(None), cur.c.published), else_=pos.c.said_on_date)
    stmt = sa.select(
        cur.c.doc_id,
        pos.c.version_id,
        pos.c.idx,
        pos.c.party,
        pos.c.issue,
        pos.c.stance,
        day,
        source_key(cur.c.cluster_id),
        pos.c.status,
    ).join(cur, cur.c.id == pos.c.version_id)
    if docs is not None:
        stmt = stmt.where(cur.c.doc_id.in_(docs))
    return [
        (
            r[0],
            (r[1], r[2]),
            PositionFact(
                party=r[3],
                issue=r[4],
                stance=r[5],
                day=ordinal(r[6]),
                source=r[7],
                report=r[1],  # one current version per document
                denied=r[8] == "denied",
            ),
        )
        for r in conn.execute(stmt)
    ]
