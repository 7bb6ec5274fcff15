"""Reads under load, and while a maximal analysis runs (issue 18).

    .venv/bin/python benchmarks/api_load.py [--docs 200] [--requests 200] [--threads 50]

A small store (``--docs`` documents, built by benchmarks/api.py's ``build`` from the sample
articles) is served by ``peacewatch serve`` in a subprocess on 127.0.0.1 with a token (rate limit
off). Three runs, each ``--requests`` GETs from ``--threads`` client threads over a mix of
read endpoints (health, documents, events, quotes, positions):

1. reads alone;
2. reads while one maximal /api/analyze request runs (the default limits: 100,000
   characters in paragraphs of under 40,000; English sentences repeated);
3. reads while the analysis queue is flooded (20 analyses at once: one runs, four wait, the
   others must get 503 at once).

Each line: run, p50 and p95 latency in ms, slowest, errors; then what the analyses got.
Bounded loops on loopback; nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from api import build
from serving import serving

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-token"
READS = [
    "/api/health",
    "/api/documents?limit=20",
    "/api/events?limit=20",
    "/api/quotes?limit=20",
    "/api/positions?limit=20",
]
SENTENCES = (
    "Negotiators from Ukraine and Russia met in Istanbul on Tuesday for a new round of talks "
    "hosted by Turkey, officials said. Ukraine demanded a ceasefire and the withdrawal of "
    "Russian troops, its delegation said in a statement. "
    '"The talks were difficult but useful," Kremlin spokesman Dmitry Peskov told reporters. '
)


def maximal_text(max_chars: int = 100_000, max_paragraph: int = 40_000) -> str:
    """Just under both limits: three paragraphs of ~33,000 characters."""
    per = min(max_paragraph - 100, max_chars // 3 - 100)
    paragraph = (SENTENCES * (per // len(SENTENCES) + 1))[:per].rsplit(" ", 1)[0]
    return "\n\n".join([paragraph] * 3)


def reads(base: str, n: int, threads: int) -> tuple[list[float], int]:
    """Latencies (s) of ``n`` GETs from ``threads`` threads, and the number that failed.

    One client, its connections kept open (as a browser does): a new client per request
    costs the client process tens of ms of CPU (an SSL context each), which on two cores
    shared with the server measured the client, not the server.
    """
    errors = 0
    lock = threading.Lock()
    pool_limits = httpx.Limits(max_connections=threads, max_keepalive_connections=threads)
    with httpx.Client(base_url=base, timeout=60, limits=pool_limits) as client:
        for path in READS:  # warm-up: open connections, fill the server's caches
            client.get(path).raise_for_status()

        def one(i: int) -> float:
            nonlocal errors
            t = time.perf_counter()
            try:
                client.get(READS[i % len(READS)]).raise_for_status()
            except httpx.HTTPError:
                with lock:
                    errors += 1
            return time.perf_counter() - t

        with ThreadPoolExecutor(threads) as pool:
            lat = sorted(pool.map(one, range(n)))
    return lat, errors


def report(name: str, lat: list[float], errors: int) -> None:
    p95 = lat[min(len(lat) - 1, int(0.95 * len(lat)))]
    print(
        f"{name:<34} p50 {statistics.median(lat) * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
        f"max {lat[-1] * 1000:7.0f} ms  errors {errors}",
        flush=True,
    )


def analyse(base: str, text: str, out: list[tuple[int, float]]) -> None:
    t = time.perf_counter()
    r = httpx.post(
        f"{base}/api/analyze",
        json={"text": text},
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=600,
    )
    out.append((r.status_code, time.perf_counter() - t))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--threads", type=int, default=50)
    args = ap.parse_args()
    (ROOT / "var").mkdir(exist_ok=True)
    url = f"sqlite:///{ROOT / 'var' / f'bench-load-{args.docs}.db'}"
    build(url, args.docs)
    os.environ["PEACEWATCH_API_TOKEN"] = TOKEN  # inherited by the server subprocess
    text = maximal_text()
    # A time limit above the analysis's duration, so that run 2 measures reads beside a whole
    # analysis (the default, 60 s, is what the README documents).
    with serving(url, wait_s=120, extra=("--analyze-timeout", "600")) as base:
        print(f"store: {args.docs} documents; {args.requests} GETs from {args.threads} threads")
        httpx.post(  # load the model before measuring
            f"{base}/api/analyze",
            json={"text": SENTENCES},
            headers={"Authorization": f"Bearer {TOKEN}"},
            timeout=600,
        ).raise_for_status()
        report("1. reads alone", *reads(base, args.requests, args.threads))

        done: list[tuple[int, float]] = []
        long = threading.Thread(target=analyse, args=(base, text, done))
        long.start()
        time.sleep(1.0)  # the analysis is under way
        report("2. reads beside a maximal analysis", *reads(base, args.requests, args.threads))
        running = long.is_alive()
        long.join()
        print(
            f"   the analysis ({len(text):,} characters): HTTP {done[0][0]} in "
            f"{done[0][1]:.1f} s; still running when the reads ended: {running}",
            flush=True,
        )

        flood: list[tuple[int, float]] = []
        posters = [
            threading.Thread(target=analyse, args=(base, SENTENCES * 20, flood)) for _ in range(20)
        ]
        for t in posters:
            t.start()
        time.sleep(0.5)
        report("3. reads beside 20 analyses", *reads(base, args.requests, args.threads))
        for t in posters:
            t.join()
        got = Counter(code for code, _ in flood)
        busy = [s for code, s in flood if code == 503]
        print(
            f"   the 20 analyses: {dict(sorted(got.items()))}; the 503s answered within "
            f"{max(busy, default=0) * 1000:.0f} ms",
            flush=True,
        )


if __name__ == "__main__":
    main()
