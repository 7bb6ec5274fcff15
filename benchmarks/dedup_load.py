"""Time to build the dedup index of an existing store (``Store.index()``), which the first
ingest of every process pays: wall, CPU and peak memory. With ``--put N``, then the CPU of
``Store.put`` per document into that store and its SQL statements' share, to compare a big
store with an empty one (CPU, not wall time: the machine is shared).

    PYTHONPATH=src python benchmarks/dedup_load.py sqlite:////tmp/big-100k.db
    PYTHONPATH=src python benchmarks/dedup_load.py sqlite:////tmp/copy.db --put 100 \\
        --templates /tmp/h8/official.jsonl

Build a big store first with ``benchmarks/big_store.py``; ``--put`` writes into the store,
so give it a copy.
"""

from __future__ import annotations

import argparse
import collections
import resource
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from peacewatch.records import RawInput
from peacewatch.store.core import Store


def put(store: Store, n: int, templates: str) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from big_store import load_templates

    docs = load_templates(templates)
    spent: collections.defaultdict[str, float] = collections.defaultdict(float)
    calls: collections.Counter[str] = collections.Counter()
    started: list[float] = []

    def before(*_: Any) -> None:
        started.append(time.process_time())

    def after(_c: Any, _cur: Any, stmt: str, *_: Any) -> None:
        key = " ".join(stmt.split()[:3])[:40]
        spent[key] += time.process_time() - started.pop()
        calls[key] += 1

    sa.event.listen(store.engine, "before_cursor_execute", before)
    sa.event.listen(store.engine, "after_cursor_execute", after)
    tag = f"{time.time():.0f}"
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(n):
        doc = docs[i % len(docs)]
        key = f"dedup-load-{tag}-{i}"
        raw = RawInput(id=key, source=key, data=doc.body.text, content_type="text")
        store.put(raw, replace(doc, meta=replace(doc.meta, id=key)), "2022-03-01")
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    print(f"\n{n} puts: CPU {1000 * cpu / n:.1f} ms/doc (wall {1000 * wall / n:.1f} ms/doc)")
    print(f"SQL statements: {1000 * sum(spent.values()) / n:.1f} ms/doc CPU; the largest:")
    for stmt, s in sorted(spent.items(), key=lambda kv: -kv[1])[:8]:
        print(f"  {1000 * s / n:6.2f} ms/doc  {calls[stmt]:5d} calls  {stmt}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--put", type=int, default=0, help="then store N documents (a copy!)")
    ap.add_argument("--templates", help="analysed documents (big_store.py --templates)")
    args = ap.parse_args()
    wall, cpu = time.perf_counter(), time.process_time()
    store = Store(args.url)
    index = store.index()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| versions | wall s | CPU s | peak MB |\n|---|---|---|---|")
    print(
        f"| {len(index):,} | {time.perf_counter() - wall:.1f} | "
        f"{time.process_time() - cpu:.1f} | {peak:,.0f} |"
    )
    if args.put:
        put(store, args.put, args.templates)


if __name__ == "__main__":
    main()
