"""Time to build the dedup index of an existing store (``Store.index()``), which the first
ingest of every process pays: wall, CPU and peak memory.

    PYTHONPATH=src python benchmarks/dedup_load.py sqlite:////tmp/big-100k.db

Build a big store first with ``benchmarks/big_store.py``.
"""

from __future__ import annotations

import resource
import sys
import time

from peacewatch.store.core import Store


def main(url: str) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    index = Store(url).index()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| versions | wall s | CPU s | peak MB |\n|---|---|---|---|")
    print(
        f"| {len(index):,} | {time.perf_counter() - wall:.1f} | "
        f"{time.process_time() - cpu:.1f} | {peak:,.0f} |"
    )


if __name__ == "__main__":
    main(sys.argv[1])
