"""Share of ``analyze`` time per stage, on real articles (default: ../shared/corpus/official-2022).

Usage: .venv/bin/python benchmarks/stage_share.py [N_FILES] [FOLDER]
Prints seconds, share and throughput per stage, and how much of analyze is spaCy alone (the
events issue asks that the whole analyze stays at least 50 % of spaCy-only throughput).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from peacewatch.clean import clean
from peacewatch.parse.nlp import load, parse
from peacewatch.pipeline import STAGES
from peacewatch.records import RawInput
from peacewatch.sources.files import read_path


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("../shared/corpus/official-2022")
    nlp = load()
    files = sorted(folder.glob("*.txt"))[:n]
    raws = [r for f in files for r in read_path(f) if isinstance(r, RawInput)]
    times = {"clean": 0.0, "parse": 0.0}
    chars = events = 0
    for raw in raws:
        t0 = time.perf_counter()
        doc = clean(raw)
        times["clean"] += time.perf_counter() - t0
        chars += len(doc.body.text)
        t0 = time.perf_counter()
        doc = parse(doc, nlp)
        times["parse"] += time.perf_counter() - t0
        for stage in STAGES:
            t0 = time.perf_counter()
            doc = stage.run(doc)
            times[stage.name] = times.get(stage.name, 0.0) + time.perf_counter() - t0
        events += len(doc.events)
    total = sum(times.values())
    print(f"{len(raws)} docs, {chars} chars, {events} events")
    for name, sec in times.items():
        rate = chars / sec / 1000 if sec else 0.0
        print(f"  {name:20} {sec:7.2f}s {sec / total:6.1%} {rate:9.1f} kchar/s")
    print(f"  analyze is {times['parse'] / total:.0%} of spaCy-alone throughput")


if __name__ == "__main__":
    main()
