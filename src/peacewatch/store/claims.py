"""Claim status of stored records: the facts it depends on, read from SQL, and the rules of
corpus/claims.py applied to them (the one implementation; query.py adds the status to a page
of rows).

``reported`` (one independent source), ``corroborated`` (two or more), ``contested`` (sources
disagree, or the party denies it), ``denied`` (reported as not having happened; a position the
party denies holding).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from peacewatch.corpus.claims import CORROBORATING, event_status
from peacewatch.store import schema
from peacewatch.store.pages import of_pairs
from peacewatch.vocab import NOT_HAPPENED, ClaimStatus

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
# Events: the status of corpus/claims.py ``event_status`` from the event's modality and its
# merged group (event_groups, written by the store's corroborate). Positions: the windows of
# ``position_statuses`` over every stated position of the current versions; in SQL, a correlated
# EXISTS per row took 44 s for one filtered count on 10,000 documents (benchmarks/api.py), so
# the facts are read in one pass and kept up to date write by write (store/statuses.py).
# Quotes have none: a quote records that someone said something, which the track gives no
# status.

# Event modalities of a claim that something did not happen, in a stable order for SQL.
_NOT_HAPPENED = tuple(sorted(NOT_HAPPENED))


def event_statuses(
    conn: sa.Connection, keys: set[tuple[str, int]]
) -> dict[tuple[str, int], ClaimStatus]:
    """(version id, idx) -> claim status of the events ``keys`` (a page's events: already
    among the versions it lists, so no join with them here).

    Read for those pairs (pages.of_pairs): the page's versions alone brought every event of
    its documents into Python (564 rows for a page of 45 events of a rare actor on 100,000
    documents)."""
    m, g = schema.event_group_members, schema.event_groups
    stmt = (
        sa.select(e.c.version_id, e.c.idx, e.c.modality, g.c.contested, g.c.n_independent)
        .outerjoin(m, (m.c.version_id == e.c.version_id) & (m.c.event_idx == e.c.idx))
        .outerjoin(g, g.c.id == m.c.group_id)
        .where(of_pairs(e.c.version_id, e.c.idx, keys))
    )
    return {
        (r.version_id, r.idx): event_status(r.modality, bool(r.contested), r.n_independent or 0)
        for r in conn.execute(stmt)
        if (r.version_id, r.idx) in keys
    }


def event_status_filter(status: str) -> Any:
    """SQL selecting the events whose ``event_status`` is ``status``, as a semi-join on the
    (few) merged events of several sources, so that a page by status needs no status per
    event (an outer join per event read every event's group to find the rare corroborated
    ones: 255 ms a page on PostgreSQL with 10,000 documents). It restates event_status's
    order (denied, contested, corroborated, reported): tests/test_cli_query_claims.py checks
    that each filter selects the rows whose status is that status."""
    m, g = schema.event_group_members, schema.event_groups
    if status == "denied":
        return e.c.modality.in_(_NOT_HAPPENED)
    if status == "contested":
        which = g.c.contested == sa.true()
    elif status == "corroborated":
        which = sa.and_(g.c.contested == sa.false(), g.c.n_independent >= CORROBORATING)
    else:  # reported: in no group of several sources, or in no group at all
        which = sa.or_(g.c.contested == sa.true(), g.c.n_independent >= CORROBORATING)
    members = sa.select(m.c.version_id, m.c.event_idx).join(g, g.c.id == m.c.group_id)
    inside = sa.tuple_(e.c.version_id, e.c.idx).in_(members.where(which))
    return sa.and_(
        e.c.modality.not_in(_NOT_HAPPENED), sa.not_(inside) if status == "reported" else inside
    )


def store_state(conn: sa.Connection) -> tuple[Any, ...]:
    """A key that changes whenever the store's current documents do, for caches of derived
    data. Every write stamps its version's ``ingested_at`` (a new document, a new version,
    ``ingest --reanalyze`` rewriting one in place: store/core.py), so the latest stamp, read
    from its index, changes with every write. (A count and sum over documents were also
    read: a scan of the table per request, 14 ms on 30,000 documents, a large part of a
    cached read.)"""
    last = conn.execute(sa.select(sa.func.max(v.c.ingested_at))).scalar()
    return (str(conn.engine.url), str(last))


def ordinal(value: date | str | None) -> int | None:
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return day.toordinal()
