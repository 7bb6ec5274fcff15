"""Documents back from the store, read with ``serialize.from_json``.

The store keeps each version's full JSON output (``versions.document``), so corpus-level stages
(the negotiation track) read the records back instead of re-analysing every article with spaCy,
which costs minutes per hundred documents on a small machine. ``parses`` are not stored, so a
loaded Document has none: stages that need spaCy must not run on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from peacewatch import records as r
from peacewatch.serialize import from_json as from_json
from peacewatch.store import schema
from peacewatch.store.claims import source_key


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
        rows = conn.execute(stmt)
        return [Stored(row.id, row.cluster_id, from_json(row.document), row.src) for row in rows]
