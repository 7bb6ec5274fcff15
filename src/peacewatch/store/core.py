"""The corpus store: idempotent, crash-safe ingestion of analysed documents.

One transaction per document: a process killed at any point leaves either the whole document
or none of it, and a re-run skips what is stored (same key and input hash) and redoes the rest,
so it ends with exactly the rows of an uninterrupted run. The analysis runs before the
transaction opens, so no transaction is held while spaCy works.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import sqlalchemy as sa

from peacewatch.corpus import dedup
from peacewatch.corpus.corroborate import EventRef, group_events
from peacewatch.records import Actor, Document, Event, Evidence, Magnitude, RawInput
from peacewatch.store import rows, schema
from peacewatch.store.claims import source_key
from peacewatch.store.db import make_engine, migrate

Analyze = Callable[[RawInput, str | None], Document]
Status = Literal["stored", "updated", "reanalysed", "unchanged", "failed", "skipped"]

# Version columns a re-analysis rewrites (everything derived from the analysis; the input,
# its hash, the version number and the cluster stay; ingested_at becomes the time of rewrite).
_ANALYSIS_COLUMNS = (
    "content_hash",
    "title",
    "published",
    "published_source",
    "publisher",
    "url",
    "source",
    "language",
    "schema_version",
    "pipeline_version",
    "body_text",
    "document",
)


def describe(exc: Exception) -> str:
    """An exception as a dead letter and the command line show it: "Type: message"."""
    return f"{type(exc).__name__}: {exc}"


@dataclass(frozen=True, slots=True)
class Outcome:
    status: Status
    key: str
    version_id: str | None = None
    cluster_id: str | None = None
    dup_kind: str | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class _Prepared:
    content_hash: str
    signature: Any  # datasketch.MinHash
    version: dict[str, Any]
    records: dict[str, list[dict[str, Any]]]


class Store:
    """A SQLite file or a PostgreSQL database holding documents, their records and clusters.

    One writer at a time: the dedup index lives in this process, and version numbers and
    cluster ids follow the order documents arrive in (which is what makes them deterministic).
    """

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        migrate(self.engine)
        self._index: dedup.DedupIndex | None = None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- dedup index ---------------------------------------------------------------------

    def index(self) -> dedup.DedupIndex:
        """The LSH index, rebuilt from the stored signatures on first use."""
        if self._index is None:
            v, s = schema.versions, schema.signatures
            q = sa.select(v.c.id, v.c.content_hash, v.c.cluster_id, s.c.minhash).join(
                s, s.c.version_id == v.c.id
            )
            with self.engine.connect() as conn:
                rows = conn.execute(q).all()
            # One array for all signatures, one sort of the band keys (dedup.DedupIndex.load): no
            # MinHash object per stored version.
            self._index = dedup.DedupIndex.load(
                [(vid, chash, cid) for vid, chash, cid, _ in rows],
                b"".join(blob for *_, blob in rows),
            )
        return self._index

    # -- ingestion -----------------------------------------------------------------------

    def ingest(
        self,
        raw: RawInput,
        analyze: Analyze,
        published: str | None = None,
        retry: bool = False,
        reanalyze: bool = False,
    ) -> Outcome:
        """Analyse and store one input, unless this exact input is stored already.

        An input that failed before (dead letter, same hash) is skipped unless ``retry``.
        """
        done = self.known(raw, published, retry, reanalyze)
        if done is not None:
            return done
        try:
            doc = analyze(raw, published)
        except Exception as exc:  # one bad document never stops a batch: dead-letter it
            return self.fail(raw, published, exc)
        return self.put(raw, doc, published)

    def known(
        self,
        raw: RawInput,
        published: str | None,
        retry: bool = False,
        reanalyze: bool = False,
    ) -> Outcome | None:
        """The outcome when there is nothing to do for this input (stored, or failed before).

        With ``reanalyze`` a stored input is analysed again (``put`` then refreshes it).
        """
        key = rows.doc_key(raw)
        did = rows.doc_id(key)
        ihash = rows.input_hash(raw, published)
        v, dl = schema.versions, schema.dead_letters
        with self.engine.connect() as conn:
            hit = conn.execute(
                sa.select(v.c.id).where(v.c.doc_id == did, v.c.input_hash == ihash)
            ).scalar()
            if hit is not None and not reanalyze:
                return Outcome("unchanged", key, hit)
            dead = conn.execute(sa.select(dl.c.input_hash).where(dl.c.key == key)).scalar()
        if dead == ihash and not retry:
            return Outcome("skipped", key, error="failed before; run with --retry-failed")
        return None

    def put(self, raw: RawInput, doc: Document, published: str | None) -> Outcome:
        """Store the analysis of ``raw`` in one transaction.

        A new input (or a changed one) becomes a new version. The same input stored before
        (only reached with ``known(..., reanalyze=True)``) has that version's analysis
        replaced in place: the unique (document, input hash) pair means one version per
        input, and a pipeline upgrade is not a new edition of the article.
        """
        key = rows.doc_key(raw)
        did = rows.doc_id(key)
        ihash = rows.input_hash(raw, published)
        try:
            # Everything pure (rows, hashes, signature) before the transaction: an error here
            # is this document's and would recur on every re-run, so it is dead-lettered.
            prepared = self._prepare(doc, did, ihash)
        except Exception as exc:
            return self.fail(raw, published, exc)
        v = schema.versions
        with self.engine.connect() as conn:
            same = conn.execute(
                sa.select(v.c.id).where(v.c.doc_id == did, v.c.input_hash == ihash)
            ).scalar()
        try:
            if same is not None:
                return self._refresh(prepared, key, same)
            return self._write(prepared, key, did, ihash)
        except sa.exc.StatementError as exc:
            # Refused data (a constraint, a value the driver cannot send) is the document's:
            # dead-letter it. Database trouble (lost connection, disk full, ...) is not: the run
            # stops, and a re-run resumes where it stopped.
            refused = (sa.exc.IntegrityError, sa.exc.DataError)
            if isinstance(exc, sa.exc.DBAPIError) and not isinstance(exc, refused):
                raise
            return self.fail(raw, published, exc)

    def fail(self, raw: RawInput, published: str | None, error: Exception | str) -> Outcome:
        """Record ``raw`` in the dead-letter table with its error ("Type: message")."""
        key = rows.doc_key(raw)
        text = error if isinstance(error, str) else describe(error)
        self._dead_letter(raw, key, rows.input_hash(raw, published), published, text)
        return Outcome("failed", key, error=text)

    @staticmethod
    def _prepare(doc: Document, did: str, ihash: str) -> _Prepared:
        """Rows of a version, built before its transaction opens (ids set in ``_write``)."""
        chash = dedup.content_hash(doc.body.text)
        # Version 0 as a placeholder: the number is only known inside the transaction.
        version = rows.version_row(doc, did, 0, ihash, chash)
        records = rows.record_rows(doc, "")
        return _Prepared(chash, dedup.minhash(doc.body.text), version, records)

    def _write(self, prep: _Prepared, key: str, did: str, ihash: str) -> Outcome:
        chash, sig = prep.content_hash, prep.signature
        d, v, c = schema.documents, schema.versions, schema.clusters
        with self.engine.begin() as conn:
            last = conn.execute(sa.select(sa.func.max(v.c.version)).where(v.c.doc_id == did))
            n = (last.scalar() or 0) + 1
            vid = rows.version_id(did, n)
            match = self.index().match(vid, chash, sig)
            if match.kind == "original":
                conn.execute(c.insert().values(id=vid, size=1))
            else:
                conn.execute(c.update().where(c.c.id == match.cluster_id).values(size=c.c.size + 1))
            if n == 1:
                conn.execute(d.insert().values(id=did, key=key, current_version=n))
            else:
                conn.execute(d.update().where(d.c.id == did).values(current_version=n))
            row = dict(prep.version)
            row.update(
                id=vid,
                version=n,
                cluster_id=match.cluster_id,
                dup_kind=match.kind,
                dup_of=match.of,
                similarity=match.similarity,
                ingested_at=datetime.now(UTC),
            )
            conn.execute(v.insert().values(**row))
            conn.execute(
                schema.signatures.insert().values(version_id=vid, minhash=dedup.to_bytes(sig))
            )
            for name, table_rows in prep.records.items():
                if table_rows:
                    table = schema.metadata.tables[name]
                    conn.execute(table.insert(), [{**r, "version_id": vid} for r in table_rows])
            conn.execute(schema.dead_letters.delete().where(schema.dead_letters.c.key == key))
        # Only after the commit: a rolled-back version must not be matched against.
        self.index().add(vid, chash, sig, match.cluster_id)
        return Outcome("stored" if n == 1 else "updated", key, vid, match.cluster_id, match.kind)

    def _refresh(self, prep: _Prepared, key: str, vid: str) -> Outcome:
        """Replace the analysis of stored version ``vid``; "unchanged" when it is the same.

        The version keeps its cluster: clusters are assigned in arrival order, and moving a
        version would renumber the clusters of everything that arrived after it. Its content
        hash and signature are updated, so later arrivals are matched against the new body.
        """
        v = schema.versions
        with self.engine.begin() as conn:
            # The input analyses now: an earlier failure of it is no longer its state.
            conn.execute(schema.dead_letters.delete().where(schema.dead_letters.c.key == key))
            old = conn.execute(
                sa.select(v.c.document, v.c.cluster_id, v.c.dup_kind).where(v.c.id == vid)
            ).one()
            # Compared as JSON text: the stored document comes back with lists for tuples.
            new_doc = json.dumps(prep.version["document"], sort_keys=True, default=str)
            if json.dumps(old.document, sort_keys=True, default=str) == new_doc:
                return Outcome("unchanged", key, vid, old.cluster_id, old.dup_kind)
            # Children first (event actors before events): foreign keys may be enforced.
            for table in reversed(schema.RECORD_TABLES):
                conn.execute(table.delete().where(table.c.version_id == vid))
            conn.execute(
                v.update()
                .where(v.c.id == vid)
                .values(
                    **{c: prep.version[c] for c in _ANALYSIS_COLUMNS},
                    # The last write, which the API's caches key on (store/claims.py).
                    ingested_at=datetime.now(UTC),
                )
            )
            conn.execute(
                schema.signatures.update()
                .where(schema.signatures.c.version_id == vid)
                .values(minhash=dedup.to_bytes(prep.signature))
            )
            for name, table_rows in prep.records.items():
                if table_rows:
                    table = schema.metadata.tables[name]
                    conn.execute(table.insert(), [{**r, "version_id": vid} for r in table_rows])
        self.index().replace(vid, prep.content_hash, prep.signature)
        return Outcome("reanalysed", key, vid, old.cluster_id, old.dup_kind)

    def _dead_letter(
        self, raw: RawInput, key: str, ihash: str, published: str | None, error: str
    ) -> None:
        dl = schema.dead_letters
        raw_json = rows.raw_to_json(raw)
        raw_json["published_arg"] = published
        with self.engine.begin() as conn:
            prev = conn.execute(
                sa.select(dl.c.attempts, dl.c.input_hash).where(dl.c.key == key)
            ).first()
            attempts = prev.attempts + 1 if prev is not None and prev.input_hash == ihash else 1
            conn.execute(dl.delete().where(dl.c.key == key))
            conn.execute(
                dl.insert().values(
                    key=key,
                    input_hash=ihash,
                    source=raw.source,
                    error=error,
                    attempts=attempts,
                    raw=raw_json,
                    failed_at=datetime.now(UTC),
                )
            )

    def dead_letter_inputs(self) -> list[tuple[RawInput, str | None]]:
        """The input each dead letter kept, with its ``published`` argument, in key order."""
        dl = schema.dead_letters
        with self.engine.connect() as conn:
            letters = conn.execute(sa.select(dl.c.raw).order_by(dl.c.key)).scalars().all()
        return [(rows.raw_from_json(r), r.get("published_arg")) for r in letters]

    def retry_failed(self, analyze: Analyze) -> list[Outcome]:
        """Re-run every dead letter with ``analyze``; successes leave the table.

        The command line retries through the analysis loop instead (``scale.store.retry_with``).
        """
        # reanalyze: a letter whose input is stored failed while being re-analysed, and
        # analysing it again is its retry (no effect on inputs never stored).
        return [
            self.ingest(raw, analyze, published, retry=True, reanalyze=True)
            for raw, published in self.dead_letter_inputs()
        ]

    # -- corroboration -------------------------------------------------------------------

    def event_refs(self) -> list[EventRef]:
        """Events of the current version of every document, with their clusters."""
        d, v, e, a = schema.documents, schema.versions, schema.events, schema.event_actors
        cur = (
            sa.select(v.c.id, v.c.doc_id, v.c.cluster_id, source_key(v.c.cluster_id).label("src"))
            .join(d, (d.c.id == v.c.doc_id) & (d.c.current_version == v.c.version))
            .subquery()
        )
        with self.engine.connect() as conn:
            evs = conn.execute(
                sa.select(e, cur.c.doc_id, cur.c.cluster_id, cur.c.src)
                .join(cur, cur.c.id == e.c.version_id)
                .order_by(e.c.version_id, e.c.idx)
            ).all()
            actors: dict[tuple[str, int], dict[str, list[Actor]]] = {}
            for r in conn.execute(
                sa.select(a).join(cur, cur.c.id == a.c.version_id).order_by(a.c.idx)
            ):
                slot = actors.setdefault(
                    (r.version_id, r.event_idx), {"actor": [], "recipient": []}
                )
                slot[r.role].append(Actor(r.name, r.country, r.sector, r.entity))
        refs = []
        for r in evs:
            who = actors.get((r.version_id, r.idx), {"actor": [], "recipient": []})
            event = Event(
                type=r.type,
                evidence=Evidence(r.evidence_text, r.evidence_start, r.evidence_end),
                mode=r.mode,
                contexts=tuple(r.contexts),
                actors=tuple(who["actor"]),
                recipients=tuple(who["recipient"]),
                place=r.place,
                date=r.date,
                date_precision=r.date_precision,
                date_basis=r.date_basis,
                modality=r.modality,
                cameo=r.cameo,
                acled=r.acled,
                quote=r.quote_idx,
                magnitude=tuple(Magnitude(**m) for m in r.magnitude),
                unresolved=tuple(r.unresolved or ()),
            )
            refs.append(
                EventRef(
                    f"{r.version_id}#e{r.idx}",
                    r.doc_id,
                    r.cluster_id,
                    event,
                    r.date_start,
                    r.date_end,
                    r.src,
                )
            )
        return refs

    def corroborate(self) -> int:
        """Rebuild the merged events from scratch, in one transaction; returns their number."""
        groups = group_events(self.event_refs())
        g_rows: list[dict[str, Any]] = []
        m_rows: list[dict[str, Any]] = []
        for g in groups:
            g_rows.append(
                {
                    "id": g.id,
                    "type": g.type,
                    "place": g.place,
                    "date_start": g.date_start,
                    "date_end": g.date_end,
                    "actors": g.actors,
                    "n_sources": g.n_sources,
                    "n_independent": g.n_independent,
                    "contested": g.contested,
                    "claims": [
                        {
                            "modality": c.modality,
                            "figures": list(c.figures),
                            "sources": list(c.sources),
                            "n_independent": c.n_independent,
                        }
                        for c in g.claims
                    ],
                }
            )
            for m in g.members:
                vid, idx = m.id.split("#e")
                m_rows.append(
                    {
                        "group_id": g.id,
                        "version_id": vid,
                        "event_idx": int(idx),
                        "cluster_id": m.cluster_id,
                    }
                )
        with self.engine.begin() as conn:
            conn.execute(schema.event_group_members.delete())
            conn.execute(schema.event_groups.delete())
            if g_rows:
                conn.execute(schema.event_groups.insert(), g_rows)
                conn.execute(schema.event_group_members.insert(), m_rows)
        return len(groups)

    def counts(self) -> dict[str, int]:
        """Rows per table (the idempotency and crash checks compare these)."""
        with self.engine.connect() as conn:
            return {
                name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
                for name, t in sorted(schema.metadata.tables.items())
            }
