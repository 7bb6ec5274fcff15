"""Throughput of ``analyze`` against spaCy alone on the same paragraphs (the floor).

    .venv/bin/python benchmarks/throughput.py [CORPUS_DIR] [--repeat N]

Default corpus: ../shared/corpus/official-2022 when present, else samples/articles. One core:
BLAS and OpenMP threads are pinned to 1 before numpy loads, so the numbers compare with the
issue's target (analyze >= 70 % of the spaCy-alone rate on one core).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from peacewatch.clean import clean  # noqa: E402
from peacewatch.parse.nlp import BATCH_SIZE, load, parse_many  # noqa: E402
from peacewatch.pipeline import STAGES, analyze_stream  # noqa: E402
from peacewatch.records import RawInput  # noqa: E402
from peacewatch.sources.files import read_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "corpus" / "official-2022"
    ap.add_argument(
        "corpus", nargs="?", default=str(shared if shared.is_dir() else ROOT / "samples")
    )
    ap.add_argument("--limit", type=int, default=120, help="articles to use")
    ap.add_argument("--repeat", type=int, default=2, help="best of N runs")
    args = ap.parse_args()

    raws = [r for r in read_inputs([args.corpus]) if isinstance(r, RawInput)][: args.limit]
    t0 = time.perf_counter()
    nlp = load()
    load_s = time.perf_counter() - t0
    docs = [clean(r) for r in raws]
    paragraphs = [d.body.text[p.start : p.end] for d in docs for p in d.body.paragraphs]
    words = sum(len(p.split()) for p in paragraphs)

    def best(fn: object) -> float:
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()  # type: ignore[operator]
            times.append(time.perf_counter() - t)
        return min(times)

    list(nlp.pipe(paragraphs[:20], batch_size=BATCH_SIZE))  # warm-up: first calls allocate
    spacy_s = best(lambda: list(nlp.pipe(paragraphs, batch_size=BATCH_SIZE)))
    analyze_s = best(lambda: list(analyze_stream(raws, nlp=nlp)))

    # Where the time goes inside analyze: clean, parse, each extract stage.
    stage_s: dict[str, float] = {}
    t = time.perf_counter()
    cleaned = [clean(r) for r in raws]
    stage_s["clean"] = time.perf_counter() - t
    t = time.perf_counter()
    parsed = parse_many(cleaned, nlp)
    stage_s["parse"] = time.perf_counter() - t
    for d in parsed:
        for stage in STAGES:
            t = time.perf_counter()
            d = stage.run(d)
            stage_s[stage.name] = stage_s.get(stage.name, 0.0) + time.perf_counter() - t
    total = sum(stage_s.values())
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"corpus {args.corpus}: {len(raws)} articles, {len(paragraphs)} paragraphs, {words} words"
    )
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(f"model load {load_s:.2f} s, peak RSS {peak_mb:.0f} MB, best of {args.repeat}")
    print()
    print(f"| {'run':<22} | {'words/s':>9} | {'articles/s':>10} | {'vs spaCy':>8} |")
    print(f"|{'-' * 24}|{'-' * 11}:|{'-' * 12}:|{'-' * 10}:|")
    for name, secs in (("spaCy alone (floor)", spacy_s), ("peacewatch analyze", analyze_s)):
        print(
            f"| {name:<22} | {words / secs:>9,.0f} | {len(raws) / secs:>10.2f} |"
            f" {spacy_s / secs:>7.0%} |"
        )
    print()
    print("| stage | share of analyze |")
    print("|---|---:|")
    for name, secs in stage_s.items():
        print(f"| {name} | {secs / total:.1%} |")


if __name__ == "__main__":
    main()
