"""Gazetteer load time and size, and place resolution throughput.

    .venv/bin/python benchmarks/geo.py [CORPUS_DIR] [--limit N]

Default corpus: ../shared/corpus/official-2022 when present, else samples/articles. Parsing is
done first and not timed: the table times our own work (recognition + resolution, and
resolution alone) over the mentions the corpus yields. The index is built first if it is not
in the cache yet (that build is timed and reported too).
"""

from __future__ import annotations

import argparse
import pickle
import time
from dataclasses import replace
from pathlib import Path

from peacewatch.clean import clean
from peacewatch.extract.places.spans import _spans_in
from peacewatch.extract.places.stage import places_for
from peacewatch.geo.gazetteer import Gazetteer, cache_path, load
from peacewatch.geo.resolver import resolve_all
from peacewatch.parse.nlp import load as load_nlp
from peacewatch.records import RawInput
from peacewatch.sources.files import read_inputs

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    shared = ROOT.parent / "shared" / "corpus" / "official-2022"
    ap.add_argument(
        "corpus", nargs="?", default=str(shared if shared.is_dir() else ROOT / "samples")
    )
    ap.add_argument("--limit", type=int, default=120, help="articles to use")
    args = ap.parse_args()

    built = not cache_path().exists()
    t0 = time.perf_counter()
    g = load()
    first = time.perf_counter() - t0
    path = cache_path()
    loads = []
    for _ in range(3):
        t0 = time.perf_counter()
        with path.open("rb") as fh:
            Gazetteer(pickle.load(fh))
        loads.append(time.perf_counter() - t0)

    nlp = load_nlp()
    docs = []
    for raw in read_inputs([args.corpus]):
        if isinstance(raw, RawInput):
            d = clean(raw)
            texts = [d.body.text[p.start : p.end] for p in d.body.paragraphs]
            docs.append(replace(d, parses=tuple(nlp.pipe(texts))))
        if len(docs) >= args.limit:
            break

    t0 = time.perf_counter()
    mentions = sum(len(places_for(d, g)) for d in docs)
    full = time.perf_counter() - t0
    queries = [
        [s.query for k, sd in enumerate(d.parses) for s in _spans_in(g, sd, k)] for d in docs
    ]
    t0 = time.perf_counter()
    for qs in queries:
        resolve_all(g, qs)
    resolve = time.perf_counter() - t0

    rows = [
        ("corpus", f"{args.corpus} ({len(docs)} articles)"),
        ("index entries / names", f"{len(g):,} / {len(g.keys):,}"),
        ("index size on disk", f"{path.stat().st_size / 2**20:.1f} MiB ({path})"),
        ("index build (first use)", f"{first:.1f} s" if built else "cached (not rebuilt)"),
        ("index load (best of 3)", f"{min(loads):.3f} s"),
        ("mentions", f"{mentions}"),
        ("recognise + resolve", f"{mentions / full:,.0f} mentions/s"),
        ("resolve only", f"{mentions / resolve:,.0f} mentions/s"),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v}")


if __name__ == "__main__":
    main()
