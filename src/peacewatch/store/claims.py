"""Claim status of stored records, after the rules of corpus/negotiation.py.

``reported`` (one independent source), ``corroborated`` (two or more), ``contested`` (sources
disagree, or the party denies it), ``denied`` (reported as not having happened; a position the
party denies holding). Split from query.py, which adds the
status to a page of rows; the SQL pieces here are joined into its statements.
"""

from __future__ import annotations

import bisect
from datetime import date
from typing import Any

import sqlalchemy as sa

from peacewatch.corpus.negotiation import CONTEST_DAYS, SAME_CLAIM_DAYS
from peacewatch.corpus.track import DIRECTION, NEUTRAL
from peacewatch.store import schema

d, v, e = schema.documents, schema.versions, schema.events


def source_key(cluster_id: Any) -> Any:
    """SQL: the independent source of a version in cluster ``cluster_id``.

    Syndicated copies share a cluster (one source, whoever reprints it); releases of one
    publisher are one source too, whatever their clusters: five Kremlin readouts repeating a
    demand are one voice, not five corroborations. The key is the publisher of the cluster's
    original (the cluster is named after its first version), case-folded, else the cluster.
    Keying on the original's publisher, not on each copy's, keeps a wire story reprinted by
    ten outlets one source.
    """
    orig = v.alias("orig")
    return (
        sa.select(
            sa.func.coalesce(
                sa.func.nullif(sa.func.lower(sa.func.trim(orig.c.publisher)), ""), cluster_id
            )
        )
        .where(orig.c.id == cluster_id)
        .scalar_subquery()
    )


# ---- claim status ------------------------------------------------------------------------
# The rules and windows of corpus/negotiation.py, over the stored rows of current versions.
# Events: from the corroborated events the store keeps (event_groups), a join. Positions: a
# window over every stated position of the same party and issue; in SQL, a correlated EXISTS per
# row took 44 s for one filtered count on 10,000 documents (benchmarks/api.py), so it is computed
# here in one pass per store state and cached. Quotes have none: a quote records that someone
# said something, which corpus.py gives no status to.


# Event modalities of a claim that something did not happen (corpus.py: "denied").
_NOT_HAPPENED = ("denied", "negated")


def _event_status(groups: Any) -> Any:
    """Needs ``event_groups`` (``groups``) outer-joined through its members to ``events``."""
    return sa.case(
        (e.c.modality.in_(_NOT_HAPPENED), "denied"),
        (groups.c.contested == sa.true(), "contested"),
        (groups.c.n_independent >= 2, "corroborated"),
        else_="reported",
    )


def _event_status_filter(status: str) -> Any:
    """The same statuses as _event_status, as a semi-join on the (few) merged events of
    several sources: the outer join and CASE per event read every event's group to find the
    rare corroborated ones (255 ms a page on PostgreSQL with 10,000 documents)."""
    m, g = schema.event_group_members, schema.event_groups
    if status == "denied":
        return e.c.modality.in_(_NOT_HAPPENED)
    if status == "contested":
        which = g.c.contested == sa.true()
    elif status == "corroborated":
        which = sa.and_(g.c.contested == sa.false(), g.c.n_independent >= 2)
    else:  # reported: in no group of several sources, or in no group at all
        which = sa.or_(g.c.contested == sa.true(), g.c.n_independent >= 2)
    members = sa.select(m.c.version_id, m.c.event_idx).join(g, g.c.id == m.c.group_id)
    inside = sa.tuple_(e.c.version_id, e.c.idx).in_(members.where(which))
    return sa.and_(
        e.c.modality.not_in(_NOT_HAPPENED), sa.not_(inside) if status == "reported" else inside
    )


def _join_groups(stmt: Any) -> tuple[Any, Any]:
    m, g = schema.event_group_members, schema.event_groups
    stmt = stmt.outerjoin(m, (m.c.version_id == e.c.version_id) & (m.c.event_idx == e.c.idx))
    return stmt.outerjoin(g, g.c.id == m.c.group_id), g


class _Window:
    """Dated claims of one direction, sorted: is there one within ``days`` of a day from
    another source? O(log n) per question, whatever the number of copies of one source."""

    def __init__(self, items: list[tuple[int, str]]) -> None:
        items.sort()
        self.days = [x for x, _ in items]
        self.src = [s for _, s in items]
        # next_other[i]: the first index after i whose source differs from that of i.
        self.next_other = [len(items)] * len(items)
        for i in range(len(items) - 2, -1, -1):
            same = self.src[i + 1] == self.src[i]
            self.next_other[i] = self.next_other[i + 1] if same else i + 1

    def other_near(self, day: int, source: str, days: int) -> bool:
        lo = bisect.bisect_left(self.days, day - days)
        hi = bisect.bisect_right(self.days, day + days)
        if lo >= hi:
            return False
        return self.src[lo] != source or self.next_other[lo] < hi

    def any_near(self, day: int, days: int) -> bool:
        lo = bisect.bisect_left(self.days, day - days)
        return lo < len(self.days) and self.days[lo] <= day + days


_OPPOSITE = {"for": "against", "against": "for"}


def store_state(conn: sa.Connection) -> tuple[Any, ...]:
    """A key that changes whenever the store's current documents do, for caches of derived
    data: a new document adds a row, a changed one bumps its current version (documents is
    the narrow table, ~5 ms for 10,000 rows; versions rows carry whole documents)."""
    state = conn.execute(sa.select(sa.func.count(), sa.func.sum(d.c.current_version))).one()
    # ``ingest --reanalyze`` rewrites records in place (same count, same versions) and stamps
    # ingested_at: its max, from an index, catches that.
    last = conn.execute(sa.select(sa.func.max(v.c.ingested_at))).scalar()
    return (str(conn.engine.url), *state, str(last))


_status_cache: dict[tuple[Any, ...], dict[tuple[str, int], str]] = {}


def position_statuses(conn: sa.Connection, cur: Any) -> dict[tuple[str, int], str]:
    """(version id, idx) -> claim status of every position of the versions ``cur`` (the
    current versions subquery of query.py)."""
    pos = schema.positions
    key = store_state(conn)
    hit = _status_cache.get(key)  # one lookup: another thread may clear the cache meanwhile
    if hit is not None:
        return hit
    # As corpus.py dates a position: by said_on when there is one (a month or a year is no
    # day, so undated), else by the document's publication day.
    day = sa.case((pos.c.said_on.is_(None), cur.c.published), else_=pos.c.said_on_date)
    stmt = sa.select(
        pos.c.version_id,
        pos.c.idx,
        pos.c.party,
        pos.c.issue,
        pos.c.stance,
        day,
        source_key(cur.c.cluster_id),
        pos.c.status,
    ).join(cur, cur.c.id == pos.c.version_id)
    rows = [
        (r[0], r[1], r[2], r[3], r[4], _ordinal(r[5]), r[6], r[7] == "denied")
        for r in conn.execute(stmt)
    ]
    # Per party, issue and direction ("discussed", neutral, is a direction of its own there);
    # the positions a party denies holding apart: they neither corroborate nor oppose a stance,
    # they contest reports of it (corpus.py _position_claims).
    windows: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    denials: dict[tuple[str, str, str], list[tuple[int, str]]] = {}
    for _, _, party, issue, stance, n, src, denied in rows:
        if party is not None and n is not None:
            into = denials if denied else windows
            into.setdefault((party, issue, DIRECTION.get(stance, stance)), []).append((n, src))
    index = {k: _Window(x) for k, x in windows.items()}
    denied_index = {k: _Window(x) for k, x in denials.items()}
    empty = _Window([])
    out: dict[tuple[str, int], str] = {}
    for vid, idx, party, issue, stance, n, src, denied in rows:
        status = "denied" if denied else "reported"
        if party is not None and n is not None and not denied:
            way = DIRECTION.get(stance, stance)
            against = _OPPOSITE.get(way) if stance not in NEUTRAL else None
            if (
                against
                and index.get((party, issue, against), empty).other_near(n, src, CONTEST_DAYS)
            ) or denied_index.get((party, issue, way), empty).any_near(n, CONTEST_DAYS):
                status = "contested"
            elif index[(party, issue, way)].other_near(n, src, SAME_CLAIM_DAYS):
                status = "corroborated"
        out[(vid, idx)] = status
    _status_cache.clear()  # one store state at a time is enough for one server
    _status_cache[key] = out
    return out


def _ordinal(value: Any) -> int | None:
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day.toordinal()
