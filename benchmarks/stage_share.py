"""Share of ``analyze`` CPU time per stage, on real articles (default: the shared official-2022).

Usage: PYTHONPATH=src .venv/bin/python benchmarks/stage_share.py [N_FILES] [FOLDER]
Prints CPU seconds (user + system of this process: on a machine shared with other jobs wall
time counts their turns too), share and throughput per stage, and how much of analyze is spaCy
alone. Articles are parsed as ``analyze`` parses them: ``pipeline.CHUNK`` at a time with one
``nlp.pipe`` call (``parse.nlp.parse_many``); the model loads before the clock starts.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from peacewatch.clean import clean
from peacewatch.parse.nlp import load, parse_many
from peacewatch.pipeline import CHUNK, STAGES
from peacewatch.records import RawInput
from peacewatch.sources.files import read_path

SHARED = Path("/work/shared/corpus/official-2022")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else SHARED
    nlp = load()
    files = sorted(folder.glob("*.txt"))[:n]
    raws = [r for f in files for r in read_path(f) if isinstance(r, RawInput)]
    times = {"clean": 0.0, "parse": 0.0}
    chars = events = 0
    for at in range(0, len(raws), CHUNK):
        t0 = time.process_time()
        docs = [clean(raw) for raw in raws[at : at + CHUNK]]
        times["clean"] += time.process_time() - t0
        chars += sum(len(doc.body.text) for doc in docs)
        t0 = time.process_time()
        docs = parse_many(docs, nlp)
        times["parse"] += time.process_time() - t0
        for doc in docs:
            for stage in STAGES:
                t0 = time.process_time()
                doc = stage.run(doc)
                times[stage.name] = times.get(stage.name, 0.0) + time.process_time() - t0
            events += len(doc.events)
    total = sum(times.values())
    print(f"{len(raws)} docs, {chars} chars, {events} events (CPU seconds)")
    for name, sec in times.items():
        rate = chars / sec / 1000 if sec else 0.0
        print(f"  {name:20} {sec:7.2f}s {sec / total:6.1%} {rate:9.1f} kchar/s")
    print(f"  analyze is {times['parse'] / total:.0%} of spaCy-alone throughput")


if __name__ == "__main__":
    main()
