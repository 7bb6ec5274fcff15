"""Ingest throughput: articles/s into SQLite and PostgreSQL against ``analyze`` alone.

    .venv/bin/python benchmarks/ingest.py [CORPUS_DIR] [--limit N] [--pg URL]

Default corpus: ../shared/corpus/official-2022 when present, else samples/articles.
PostgreSQL is measured when --pg (or PEACEWATCH_TEST_PG_URL) names a server; a fresh database
is created there and dropped afterwards (``eval "$(bash .ci/postgres.sh)"`` starts one).

The analysis runs once (timed; ``analyze_stream``, the analysis loop ``peacewatch ingest`` runs
too); each backend then stores the same Documents, timed apart, so
"storage overhead" is store time / analysis time (the issue's bar: under 20 %). The store time
covers everything ingest adds: input hashing, the skip check, MinHash + LSH dedup, one
transaction per document with all its rows, and corroboration at the end. Re-ingesting the same
inputs (all skipped) is timed too. One core: BLAS/OpenMP threads pinned to 1, as in
throughput.py.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

import sqlalchemy as sa  # noqa: E402

from peacewatch.eval.store import PgDatabase  # noqa: E402
from peacewatch.parse.nlp import load  # noqa: E402
from peacewatch.pipeline import Analysed, analyze_stream  # noqa: E402
from peacewatch.records import Document, RawInput  # noqa: E402
from peacewatch.sources.files import read_inputs  # noqa: E402
from peacewatch.store import Store  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def measure(url: str, raws: list[RawInput], docs: dict[str, Document]) -> dict[str, float]:
    def stored(raw: RawInput, published: str | None) -> Document:
        return docs[raw.source]

    with Store(url) as store:
        empty = size(store)
        t0 = time.perf_counter()
        for r in raws:
            out = store.ingest(r, stored)
            assert out.status == "stored", out
        store.corroborate()
        t1 = time.perf_counter()
        for r in raws:
            assert store.ingest(r, stored).status == "unchanged"
        t2 = time.perf_counter()
        full = size(store)
    return {"store_s": t1 - t0, "again_s": t2 - t1, "bytes": full - empty}


def size(store: Store) -> int:
    """Bytes on disk: the SQLite file (WAL checkpointed), or pg_database_size."""
    engine = store.engine
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            return int(
                conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar() or 0
            )
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db = engine.url.database
    return Path(db).stat().st_size if db else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "corpus" / "official-2022"
    ap.add_argument(
        "corpus", nargs="?", default=str(shared if shared.is_dir() else ROOT / "samples")
    )
    ap.add_argument("--limit", type=int, default=200, help="articles to use")
    ap.add_argument("--pg", default=os.environ.get("PEACEWATCH_TEST_PG_URL"))
    args = ap.parse_args()

    raws = [r for r in read_inputs([args.corpus]) if isinstance(r, RawInput)][: args.limit]
    nlp = load()
    t0 = time.perf_counter()
    docs = {}
    for result in analyze_stream(raws, nlp=nlp):
        assert isinstance(result, Analysed), result
        docs[result.input.source] = replace(result.doc, parses=())
    analyze_s = time.perf_counter() - t0
    n = len(raws)
    chars = sum(len(d.body.text) for d in docs.values())
    print(f"corpus: {args.corpus}: {n} articles, {chars / n:.0f} body chars on average")
    print(f"model: {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}")
    print(f"analyze alone      {n / analyze_s:7.1f} articles/s  ({analyze_s:.1f} s, batched)")

    backends: list[tuple[str, str, PgDatabase | None]] = []
    tmp = tempfile.TemporaryDirectory()
    backends.append(("sqlite", str(Path(tmp.name) / "bench.db"), None))
    if args.pg:
        pg = PgDatabase(args.pg)
        backends.append(("postgresql", pg.__enter__(), pg))
    try:
        for name, url, _ in backends:
            m = measure(url, raws, docs)
            total = analyze_s + m["store_s"]
            share = 100 * m["store_s"] / analyze_s
            print(
                f"ingest {name:11} {n / total:7.1f} articles/s  "
                f"(store {m['store_s']:.2f} s = {share:.1f} % of analysis; "
                f"store alone {n / m['store_s']:.0f} articles/s; "
                f"re-ingest {n / m['again_s']:.0f} articles/s skipped)"
            )
            print(f"       {name:11} {m['bytes'] / n * 1000 / 1e6:7.1f} MB per 1,000 articles")
    finally:
        for _, _, pg_db in backends:
            if pg_db is not None:
                pg_db.__exit__(None, None, None)
        tmp.cleanup()
    if not args.pg:
        print("postgresql: skipped (no --pg URL / PEACEWATCH_TEST_PG_URL)")


if __name__ == "__main__":
    main()
