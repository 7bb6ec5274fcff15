"""Analyze throughput on one core, on two processes and on a two-worker Dask LocalCluster.

    .venv/bin/python benchmarks/scale.py [CORPUS_DIR] [--limit N] [--workers 2] [--write FILE]

Default corpus: ../shared/corpus/official-2022 when present, else samples/articles. Each
executor first analyses a warm-up slice (so every worker has loaded its model, which is timed
apart as start-up), then the corpus, timed. BLAS/OpenMP threads are pinned to 1 per process,
so "one core" means one core and two workers use two. Peak memory is each worker process's
maximum resident set (ru_maxrss), as the workers report it. ``--write`` also writes the table
and a projection for one million articles a day (recorded in BENCHMARKS.md).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import logging  # noqa: E402
import math  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

from peacewatch.parse.nlp import model_name  # noqa: E402
from peacewatch.pipeline import Analysed  # noqa: E402
from peacewatch.records import RawInput  # noqa: E402
from peacewatch.scale import Executor, Runner  # noqa: E402
from peacewatch.sources.files import read_inputs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PER_DAY = 1_000_000
CLUSTER = """## Running on a cluster

```
dask scheduler                                             # one node
dask worker tcp://SCHEDULER:8786 --nworkers 16 --nthreads 1  # each worker node
peacewatch ingest /data/cc-news/ --executor dask --scheduler tcp://SCHEDULER:8786 \\
    --db postgresql://user@dbhost/peacewatch
```

Every worker node needs peacewatch and its pinned models installed (`make install`); the
driver sends the model name, so `PEACEWATCH_MODEL` on the driver decides. One thread per
worker: spaCy parses on one core, and a process per core keeps the model copies apart.
Inputs are read by the driver (files, archives, feeds), cut into partitions of 32 articles,
analysed on the workers and written to the store by the driver in input order, so the stored
rows are the same as on one machine (tests/test_scale.py).

Worker settings: a local cluster gets them from `scale.DASK_CONFIG`; workers started with
`dask worker` read their node's Dask config, so put the same there (e.g.
`~/.config/dask/peacewatch.yaml`). Without them a worker spent 45 % more CPU per article than a
process-pool worker (the profiler sampling the task thread every 10 ms, glibc unmapping spaCy's
per-batch arrays after the nanny's MALLOC_TRIM_THRESHOLD_, monitors polling every 0.1 s);
the event-loop tick every 20 ms and two tasks queued per one-thread worker cost idle CPU and
an uneven end of run:

```yaml
distributed:
  worker:
    profile: {enabled: false}
    memory: {monitor-interval: 1s}
  nanny:
    pre-spawn-environ: {MALLOC_TRIM_THRESHOLD_: null}
  scheduler:
    worker-saturation: 1.0
  admin:
    system-monitor: {interval: 2s, disk: false}
    tick: {interval: 500ms}
```
"""


@dataclass
class Row:
    name: str
    workers: int
    startup_s: float
    docs: int
    seconds: float
    peaks: dict[str, float]
    cpu_s: float  # CPU seconds the workers spent on the timed run
    driver_s: float = 0.0  # CPU seconds of this process (client, Dask scheduler) on that run

    @property
    def rate(self) -> float:
        return self.docs / self.seconds

    @property
    def per_cpu(self) -> float:
        """Articles per CPU-second: what a dedicated core gives, whatever else runs here."""
        return self.docs / self.cpu_s

    @property
    def busy(self) -> float:
        """Share of the workers' wall time spent on CPU: below 1, they waited (for a task, for
        the scheduler, for the last partition, or for other processes on the machine)."""
        return self.cpu_s / (self.seconds * self.workers)


def measure(
    name: str, executor: Executor, workers: int, items: list[RawInput], partition: int = 8
) -> Row:
    warm = items[: 2 * workers]
    t0 = time.perf_counter()
    with Runner(
        executor, workers=workers, partition=1 if executor is not Executor.local else 16
    ) as r:
        list(r.run(warm))
        startup = time.perf_counter() - t0
        cpu0 = dict(r.cpu)
        r.partition = partition  # small partitions keep both workers busy on a small corpus
        t1, d1 = time.perf_counter(), time.process_time()
        results = list(r.run(items))
        seconds = time.perf_counter() - t1
        driver = time.process_time() - d1
        peaks = dict(r.peaks)
        # A worker that got no warm-up partition started from its model load: count that too
        # (slightly pessimistic) rather than guess.
        cpu = sum(v - cpu0.get(k, 0.0) for k, v in r.cpu.items())
    ok = sum(isinstance(x, Analysed) for x in results)
    return Row(name, workers, startup, ok, seconds, peaks, cpu, driver)


def table(rows: list[Row], cpus: int, model: str, corpus: str) -> str:
    base = rows[0].rate
    lines = [
        f"corpus: {corpus}, {rows[0].docs} documents; model: {model}; "
        f"machine: {cpus} CPU(s), load average {os.getloadavg()[0]:.1f} at the end"
        " (other processes share these CPUs: above the CPU count, the workers compete with"
        " them and the speed-ups understate what dedicated cores give)",
        "",
        "| executor | workers | start-up s | docs/s | speed-up | docs per CPU-s |"
        " workers busy | driver CPU s | peak MB per worker |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in rows:
        peaks = ", ".join(f"{mb:.0f}" for mb in sorted(r.peaks.values()))
        lines.append(
            f"| {r.name} | {r.workers} | {r.startup_s:.1f} | {r.rate:.2f} | "
            f"{r.rate / base:.2f}x | {r.per_cpu:.2f} | {r.busy:.0%} | {r.driver_s:.1f} | {peaks} |"
        )
    return "\n".join(lines)


def projection(rows: list[Row]) -> str:
    local, dask = rows[0], rows[-1]
    # Sized from articles per CPU-second, not wall-clock speed-ups: on a shared machine the
    # wall clock measures the neighbours, while CPU time is what a dedicated core would spend.
    per_core = dask.per_cpu
    overhead = 1 - dask.per_cpu / local.per_cpu  # Dask's cost per article over a local run
    mem = max(mb for r in rows for mb in r.peaks.values())
    avg = PER_DAY / 86400
    peak = 2 * avg  # news volume in the busiest hours is about twice the daily mean (assumed)
    workers = math.ceil(peak / per_core * 1.3)  # 30 % headroom for retries and catch-up
    nodes = math.ceil(workers / 16)
    return "\n".join(
        [
            f"- Sustained rate: {PER_DAY:,} / 86,400 s = {avg:.1f} articles/s on average;"
            f" sized for {peak:.1f}/s (busiest hours assumed at 2x the mean).",
            f"- Measured: {local.per_cpu:.2f} articles per CPU-second on one core,"
            f" {per_core:.2f} on Dask workers (overhead {overhead:.0%}), peak {mem:.0f} MB"
            f" per worker. Wall-clock speed-ups above are low because other processes shared"
            f" the CPUs (see the load average); CPU time depends on them far less"
            " (shared caches still cost some).",
            f"- Workers needed: {peak:.1f} / {per_core:.2f} x 1.3 headroom = {workers}"
            f" single-threaded Dask workers, i.e. {nodes} node(s) of 16 cores with at least"
            f" {math.ceil(16 * mem / 1024 * 1.25)} GB RAM each (16 workers x peak x 1.25).",
            "- Assumptions: articles the size of the measured corpus (official releases, a few"
            " hundred to a few thousand words; longer articles cost proportionally more);"
            " the same model; one writer (the driver) keeps up -- the store alone writes 66"
            " (PostgreSQL) to 111 (SQLite) articles/s on one core (BENCHMARKS.md, issue 7),"
            " about 3x the peak rate: enough, with little margin; beyond that, workers would"
            " write partitioned Parquet and a loader would bulk-insert;"
            " start-up (model load per worker) is paid once per worker, not per article.",
            "- Not measured here: network transfer to remote workers (inputs and Documents"
            " without spaCy parses are a few kB to tens of kB each) and a multi-node scheduler.",
        ]
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    shared = ROOT.parent / "shared" / "corpus" / "official-2022"
    default = shared if shared.exists() else ROOT / "samples" / "articles"
    ap.add_argument("corpus", nargs="?", type=Path, default=default)
    ap.add_argument("--limit", type=int, default=80)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--write", type=Path, default=None)
    ap.add_argument("--partition", type=int, default=8, help="articles per task, timed run")
    args = ap.parse_args()
    logging.getLogger("distributed").setLevel(logging.WARNING)

    items = [i for i in read_inputs([str(args.corpus)]) if isinstance(i, RawInput)][: args.limit]
    w = args.workers
    rows = [
        measure("local (one core)", Executor.local, 1, items, args.partition),
        measure(f"processes ({w})", Executor.processes, w, items, args.partition),
        measure(f"dask LocalCluster ({w} workers)", Executor.dask, w, items, args.partition),
    ]
    out = table(rows, os.cpu_count() or 1, model_name(), str(args.corpus))
    print(out)
    proj = projection(rows)
    print()
    print(proj)
    if args.write:
        args.write.write_text(
            "# Scale-out: analyze on one core, a process pool and Dask\n\n"
            "Measured with `.venv/bin/python benchmarks/scale.py --write docs/SCALE.md`"
            f" (--limit {args.limit} --partition {args.partition}).\n\n"
            f"{out}\n\n## One million articles a day\n\n{proj}\n\n{CLUSTER}",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
