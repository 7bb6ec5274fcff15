"""``peacewatch eval store``: the store's "done means" checks on a real corpus.

Reads the corpus at run time (``../shared/corpus/official-2022``), never copies it:

1. ingest it into a fresh store, then again: the second pass must change no row;
2. ten syndicated variants of one of its articles (built by ``corpus.variants``) must join that
   article's cluster and count as one independent source, and no two distinct corpus articles
   may share a cluster unless their bodies are near-identical.

Runs on SQLite, and on PostgreSQL too when ``--pg URL`` (or PEACEWATCH_TEST_PG_URL) is given.
"""

from __future__ import annotations

import tempfile
import time
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

from peacewatch.corpus.variants import syndicated_variants
from peacewatch.records import Document, RawInput
from peacewatch.store import Store, schema
from peacewatch.store.core import Analyze
from peacewatch.store.db import normalise_url

WALL_CLOCK = {"ingested_at", "failed_at"}


def dump(engine: sa.Engine) -> dict[str, list[tuple[str, ...]]]:
    out = {}
    with engine.connect() as conn:
        for name, table in sorted(schema.metadata.tables.items()):
            cols = [c for c in table.c if c.name not in WALL_CLOCK]
            out[name] = sorted(tuple(map(repr, r)) for r in conn.execute(sa.select(*cols)))
    return out


class PgDatabase:
    """A fresh database on a PostgreSQL server, dropped on exit."""

    def __init__(self, base: str) -> None:
        self.admin = sa.create_engine(normalise_url(base), isolation_level="AUTOCOMMIT")
        self.name = f"pw_check_{uuid.uuid4().hex[:10]}"
        self.url = base.rsplit("/", 1)[0] + "/" + self.name

    def __enter__(self) -> str:
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{self.name}"'))
        return self.url

    def __exit__(self, *exc: object) -> None:
        with self.admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


def _closest(engine: sa.Engine) -> str:
    """The most similar pair of stored bodies (estimated Jaccard): how close distinct corpus
    articles come to the near-duplicate threshold."""
    import numpy as np

    from peacewatch.corpus.dedup import THRESHOLD, from_bytes

    v, s = schema.versions, schema.signatures
    with engine.connect() as conn:
        pairs = conn.execute(
            sa.select(v.c.id, s.c.minhash).join(s, s.c.version_id == v.c.id).order_by(v.c.id)
        ).all()
    if len(pairs) < 2:
        return "n/a"
    sig = np.stack([from_bytes(b).hashvalues for _, b in pairs])
    best = (0.0, "", "")
    for i in range(len(sig) - 1):
        sims = (sig[i + 1 :] == sig[i]).mean(axis=1)
        j = int(sims.argmax())
        if sims[j] > best[0]:
            best = (float(sims[j]), pairs[i][0], pairs[i + 1 + j][0])
    return f"{best[0]:.3f} ({best[1]} ~ {best[2]}; threshold {THRESHOLD})"


def _inputs(data: Path) -> list[RawInput]:
    from peacewatch.sources.files import read_inputs

    return [x for x in read_inputs([str(data)]) if isinstance(x, RawInput)]


def check_backend(url: str, raws: list[RawInput], analyze: Analyze) -> tuple[list[str], list[str]]:
    """Table rows and failures for one backend."""
    lines, failures = [], []
    with Store(url) as store:
        backend = store.engine.dialect.name
        t0 = time.perf_counter()
        first = Counter(store.ingest(r, analyze).status for r in raws)
        store.corroborate()
        t1 = time.perf_counter()
        before, counts = dump(store.engine), store.counts()
        second = Counter(store.ingest(r, analyze).status for r in raws)
        store.corroborate()
        t2 = time.perf_counter()
        same = dump(store.engine) == before
        lines.append(
            f"{backend:10} ingest   {dict(first)} in {t1 - t0:.1f}s; "
            f"again {dict(second)} in {t2 - t1:.1f}s; rows identical: {same}"
        )
        lines.append(f"{backend:10} rows     " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        lines.append(f"{backend:10} closest distinct articles: {_closest(store.engine)}")
        g = schema.event_groups
        with store.engine.connect() as conn:
            multi = conn.execute(sa.select(sa.func.count()).where(g.c.n_independent > 1)).scalar()
            contested = conn.execute(sa.select(sa.func.count()).where(g.c.contested)).scalar()
        lines.append(
            f"{backend:10} corroboration: {counts['event_groups']} merged events from "
            f"{counts['events']}; {multi} with 2+ independent sources; {contested} contested"
        )
        if not same or second.get("unchanged", 0) != len(raws):
            failures.append(f"{backend}: a second ingest changed the store ({dict(second)})")
        if first.get("failed", 0):
            failures.append(f"{backend}: {first['failed']} document(s) failed on first ingest")

        # Syndication: ten variants each of a short (10th percentile of length), a median and
        # the longest article: short ones are the hard case (an edit is a larger share).
        by_len = sorted(raws, key=lambda r: (len(r.data), r.id))
        for base in (by_len[len(by_len) // 10], by_len[len(by_len) // 2], by_len[-1]):
            lines.append(f"{backend:10} syndication: " + _syndicate(store, base, analyze, failures))
    return lines, failures


def _syndicate(store: Store, base: RawInput, analyze: Analyze, failures: list[str]) -> str:
    text = base.data if isinstance(base.data, str) else base.data.decode("utf-8", "replace")
    copies = [
        RawInput(
            id=f"{base.id}-syndicated-{i}",
            source=f"{base.id} variant {i}",
            data=t,
            content_type="text",
            published=base.published,
            title=base.title,
        )
        for i, t in enumerate(syndicated_variants(text))
    ]
    outs = [store.ingest(c, analyze) for c in copies]
    v = schema.versions
    with store.engine.connect() as conn:
        base_cluster = conn.execute(
            sa.select(v.c.cluster_id).where(v.c.source == base.source)
        ).scalar()
    joined = sum(o.cluster_id == base_cluster for o in outs)
    independent = len({base_cluster, *(o.cluster_id for o in outs)})
    if joined != len(copies):
        failures.append(
            f"{store.engine.dialect.name}: variants of {base.id} formed {independent} clusters"
        )
    kinds = dict(Counter(o.dup_kind for o in outs))
    return (
        f"{joined}/{len(copies)} variants of {base.id} ({len(text)} chars) joined its cluster "
        f"{kinds}; independent sources: {independent}"
    )


def run(data: Path, strict: bool, pg: str | None = None) -> tuple[str, list[str]]:
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import analyze

    nlp = load()
    # The analysis is the same for both backends: done once, then served from memory (without
    # the spaCy parses), so the PostgreSQL pass measures the store, not spaCy again.
    cache: dict[tuple[str, str, str | None], Document] = {}

    def run_one(raw: RawInput, published: str | None) -> Document:
        key = (raw.id, raw.source, published)
        if key not in cache:
            cache[key] = replace(analyze(raw, published=published, nlp=nlp), parses=())
        return cache[key]

    raws = _inputs(data)
    lines = [f"corpus: {data} ({len(raws)} articles)"]
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        out, bad = check_backend(str(Path(tmp) / "check.db"), raws, run_one)
        lines += out
        failures += bad
    if pg:
        with PgDatabase(pg) as url:
            out, bad = check_backend(url, raws, run_one)
            lines += out
            failures += bad
    else:
        lines.append("postgresql: skipped (no --pg URL / PEACEWATCH_TEST_PG_URL)")
    return "\n".join(lines), failures
