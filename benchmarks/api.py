"""API throughput: requests/s and p95 latency of the main list endpoints, on loopback.

    .venv/bin/python benchmarks/api.py [--docs 10000] [--db URL] [--requests 300] [--workers 8]

Builds (once, then reused) a store of ``--docs`` documents: the sample articles are analysed
once, then stored again and again under new keys and spread-out publication dates (the
records of each copy are real pipeline output; text repeats, so most copies are exact
duplicates in their cluster, which reads do not care about). ``--db`` names the store:
default a SQLite file under var/; a postgresql:// URL measures PostgreSQL (an empty database,
e.g. from ``eval "$(bash .ci/postgres.sh)"``).

Then ``peacewatch serve`` runs in a subprocess on 127.0.0.1 (rate limit off), and a thread pool
of httpx clients sends a fixed number of requests to each endpoint: bounded loops, nothing
leaves the machine. Each line: endpoint, requests/s, p50 and p95 latency in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import httpx
import sqlalchemy as sa

from serving import serving

ROOT = Path(__file__).resolve().parent.parent

ENDPOINTS = [
    "/api/documents?limit=50",
    "/api/events?limit=50",
    "/api/events?limit=50&type=CONSULT&since=2022-03-01&until=2022-06-30",
    "/api/quotes?limit=50",
    "/api/quotes?limit=50&speaker=Zelensky",
    "/api/places?limit=50&bbox=22,44,41,53",
    "/api/positions?limit=50&issue=ceasefire",
    "/api/entities?limit=50&type=PERSON",
    # Added with claim status and bounded counts (issue #8): the filter, and a deep page (an
    # offset still walks the rows before it, in index order).
    "/api/events?limit=50&claim_status=corroborated",
    "/api/positions?limit=50&claim_status=reported",
    "/api/quotes?limit=50&offset=5000",
    "/api/negotiation?since=2022-03-01&until=2022-03-31",
]


def build(url: str, n: int) -> None:
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import Analysed, analyze_stream
    from peacewatch.sources.files import read_inputs
    from peacewatch.store import Store
    from peacewatch.store.schema import versions

    with Store(url) as store:
        with store.engine.connect() as conn:
            have = conn.execute(sa.select(sa.func.count()).select_from(versions)).scalar_one()
        if have >= n:
            print(f"store: {have} documents already in {url}", file=sys.stderr)
            return
        pairs = [
            (r.input, r.doc)
            for r in analyze_stream(read_inputs([str(ROOT / "samples" / "articles")]), nlp=load())
            if isinstance(r, Analysed)
        ]
        t0 = time.perf_counter()
        start = date(2022, 2, 24)
        for i in range(have, n):
            raw, doc = pairs[i % len(pairs)]
            day = (start + timedelta(days=i % 365)).isoformat()
            key = f"bench-{i}"
            doc = replace(doc, meta=replace(doc.meta, id=key, published=day, url=None))
            store.put(replace(raw, id=key, url=None, published=day), doc, day)
            if i % 1000 == 999:
                print(f"store: {i + 1}/{n} ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
        store.corroborate()


def measure(base: str, path: str, requests: int, workers: int) -> tuple[float, float, float]:
    with httpx.Client(base_url=base, timeout=60) as client:
        client.get(path).raise_for_status()  # warm-up (and fail loudly on an error)

        def one(_: int) -> float:
            t = time.perf_counter()
            client.get(path).raise_for_status()
            return time.perf_counter() - t

        t0 = time.perf_counter()
        with ThreadPoolExecutor(workers) as pool:
            lat = sorted(pool.map(one, range(requests)))
        wall = time.perf_counter() - t0
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    return requests / wall, statistics.median(lat) * 1000, p95 * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--db", default=None, help="store URL (default: var/bench-api-<docs>.db)")
    ap.add_argument("--requests", type=int, default=300, help="requests per endpoint")
    ap.add_argument("--workers", type=int, default=8, help="concurrent client threads")
    ap.add_argument("--only", default="", help="measure only endpoints containing this text")
    args = ap.parse_args()
    url = args.db or f"sqlite:///{ROOT / 'var' / f'bench-api-{args.docs}.db'}"
    (ROOT / "var").mkdir(exist_ok=True)
    build(url, args.docs)
    with serving(url) as base:
        backend = url.split(":", 1)[0]
        print(
            f"{backend}, {args.docs} documents, {args.requests} requests x {args.workers} "
            "workers per endpoint"
        )
        print(f"{'endpoint':<72} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}")
        for path in [p for p in ENDPOINTS if args.only in p]:
            rps, p50, p95 = measure(base, path, args.requests, args.workers)
            print(f"{path:<72} {rps:7.1f} {p50:8.1f} {p95:8.1f}")


if __name__ == "__main__":
    main()
