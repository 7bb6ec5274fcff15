"""Executors for analysis: ``local`` (this process), ``processes`` (a process pool on this
machine) and ``dask`` (a Dask distributed cluster: ``--scheduler ADDRESS``, or a LocalCluster).

Inputs are cut into partitions; each worker runs the one analysis loop
(``pipeline.analyze_stream``) over whole partitions and loads the spaCy model once (``nlp.load``
is cached per process, the same idea as a Dask worker plugin without the plugin machinery).
Outcomes come back to the driver in input order, so a run on a cluster gives the same documents
-- and, since the store numbers versions and clusters in arrival order, the same stored rows --
as a run on one core.
"""

from __future__ import annotations

import os
import resource
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor
from concurrent.futures import wait as wait_any
from dataclasses import dataclass, replace
from enum import StrEnum
from itertools import islice
from typing import TYPE_CHECKING, Any, Protocol

from peacewatch.records import InputError, RawInput

if TYPE_CHECKING:  # not at run time: the command line imports this module to print its help
    from peacewatch.pipeline import Result

Item = RawInput | InputError

# Articles per task: two of pipeline.CHUNK (16, not imported: the command line imports this
# module and must not load the pipeline to print its help), so each task fills spaCy's batches
# while a slow partition holds up the in-order results for little time.
PARTITION = 32
# In this process a partition is no task to ship, only what is analysed before its outcomes are
# passed on (written, printed): one pipeline.CHUNK, so ``ingest`` writes every 16 articles
# and keeps only their Documents in memory. Chunk boundaries are those of PARTITION, so the
# documents are the same.
LOCAL_PARTITION = 16
# Two spaCy pipelines in one process (Dask processes=False: worker threads share the module's
# model cache) must not parse at once: spaCy does not promise thread safety. In a process per
# worker the lock is never contended.
_LOCK = threading.Lock()
# Dask settings for the workers of a LocalCluster (issue 19: a Dask worker spent 20-50 % more
# CPU per article than a process-pool worker). Each was measured on 32-48 official releases:
# - the statistical profiler samples the task thread's stack every 10 ms while holding the
#   GIL (1-3 s of worker CPU per 48 articles);
# - the nanny's MALLOC_TRIM_THRESHOLD_=65536 makes glibc hand freed memory back at once, so
#   spaCy's per-batch arrays are unmapped and faulted in again (340k page faults against 63k,
#   +0.9 s of system time per 32 articles); peaks stay the same without it;
# - memory and system monitors poll /proc every 0.1 s and 0.5 s from the event loop, in the
#   workers and in the driver's scheduler; every 1 s and 2 s is enough to enforce limits.
# A cluster started elsewhere (``--scheduler``) takes its settings from its workers' nodes:
# the same values go in their Dask config (README, "Running on a cluster").
DASK_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
    # One task per worker thread, the rest held by the scheduler and handed to whichever worker
    # frees first (the process pool's shared queue). The default, 1.1, gives a one-thread
    # worker two tasks: at the end of a run one worker could sit on a queued partition while
    # the other idled (a partition of 8 releases is ~1.5 s of CPU). The cost is one scheduler
    # round trip per task, milliseconds against seconds of parsing.
    "distributed.scheduler.worker-saturation": 1.0,
    # Every server (scheduler and nannies in the driver, each worker) wakes every 20 ms by
    # default to see whether its event loop was blocked; in a worker that wake takes the GIL
    # from the parsing thread. Idle LocalCluster of 2 workers for 10 s, CPU: driver 0.27 s ->
    # 0.07 s, each worker 0.15 s -> 0.03 s at 500 ms. Only the blocked-loop warning (after
    # 3 s, the tick limit) gets coarser.
    "distributed.admin.tick.interval": "500ms",
}


class Executor(StrEnum):
    local = "local"
    processes = "processes"
    dask = "dask"


@dataclass(frozen=True, slots=True)
class Partition:
    results: list[Result]
    worker: str  # host:pid, to report peak memory per worker
    peak_mb: float
    cpu_s: float = 0.0  # CPU seconds the worker process has used so far (user + system)


def peak_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1024 / 1024 if sys.platform == "darwin" else rss / 1024


def analyze_partition(
    items: list[Item],
    published: str | None,
    model: str | None,
    homes: Mapping[str, str] | None = None,
) -> Partition:
    """Run the analysis loop over one partition on a worker: one outcome per input.
    ``homes``: publisher homes the driver knew before the run (``scale.store.stored_homes``)."""
    from peacewatch.parse.lemmas import save_now
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import Analysed, analyze_stream

    with _LOCK:
        # load() and load(None) are two entries of its cache: without a model name, take the
        # one the command loaded (``peacewatch analyze`` loads it first to fail early).
        nlp = load(model) if model else load()
        results = list(analyze_stream(items, published, nlp, homes=homes))
        # Workers end without atexit: the lemma table they grew is saved here.
        save_now(nlp)
    # spaCy Docs are large to send back and not needed by the driver (not stored, not output).
    slim = [
        replace(r, doc=replace(r.doc, parses=())) if isinstance(r, Analysed) else r for r in results
    ]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    worker = f"{os.uname().nodename}:{os.getpid()}"
    return Partition(slim, worker, peak_mb(), usage.ru_utime + usage.ru_stime)


def warm(model: str | None) -> str:
    """Load the model in a worker before its first partition, so every worker loads at once at
    start-up and not when (or if) the scheduler first gives it work."""
    from peacewatch.parse.nlp import load

    with _LOCK:
        load(model) if model else load()
    return f"{os.uname().nodename}:{os.getpid()}"


class _Future(Protocol):
    def result(self) -> Partition: ...

    def done(self) -> bool: ...


class Runner:
    """Analyse a stream of inputs on an executor; use as a context manager."""

    def __init__(
        self,
        executor: Executor | str = Executor.local,
        workers: int | None = None,
        scheduler: str | None = None,
        model: str | None = None,
        partition: int | None = None,
        dask_processes: bool = True,
    ) -> None:
        from peacewatch.parse.nlp import model_name

        self.executor = Executor(executor)
        self.workers = workers or min(os.cpu_count() or 1, 4)
        self.scheduler = scheduler
        # Workers get the driver's model by name (their environment may differ); in this
        # process, None shares nlp.load()'s cache entry with the command that already loaded it.
        self.model = model or (None if self.executor is Executor.local else model_name())
        self.partition = partition or (
            LOCAL_PARTITION if self.executor is Executor.local else PARTITION
        )
        self.dask_processes = dask_processes
        self.peaks: dict[str, float] = {}  # worker -> peak MB seen
        self.cpu: dict[str, float] = {}  # worker -> CPU seconds used, as last reported
        self._pool: ProcessPoolExecutor | None = None
        self._client: Any = None
        self._cluster: Any = None
        # concurrent.futures.wait, or distributed's for Dask futures
        self._wait: Callable[..., object] = wait_any
        self._homes: Mapping[str, str] | None = None  # this run's (``run``)

    def __enter__(self) -> Runner:
        if self.executor is Executor.processes:
            import multiprocessing

            # forkserver, not fork: the driver runs threads (progress bars, the store's engine)
            # and forking a threaded process can copy a held lock into the child.
            ctx = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=warm, initargs=(self.model,)
            )
        elif self.executor is Executor.dask:
            import importlib

            # Loaded as Any: distributed's constructors are untyped (mypy strict refuses them).
            dist: Any = importlib.import_module("distributed")
            import dask.config  # typed (py.typed), unlike distributed

            if self.scheduler:
                self._client = dist.Client(self.scheduler)
            else:
                with dask.config.set(DASK_CONFIG):
                    self._cluster = dist.LocalCluster(
                        n_workers=self.workers,
                        threads_per_worker=1,
                        processes=self.dask_processes,
                        dashboard_address=None,
                    )
                self._client = dist.Client(self._cluster)
            self._wait = dist.wait
            # One warm-up task pinned to every worker, run in parallel in their task threads
            # (client.run would block each worker's event loop for the whole load).
            addresses = list(self._client.scheduler_info()["workers"])
            self._client.gather(
                [self._client.submit(warm, self.model, workers=[a], pure=False) for a in addresses]
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _submit(self, part: list[Item], published: str | None) -> _Future | Partition:
        homes = self._homes
        if self._pool is not None:
            fut: _Future = self._pool.submit(analyze_partition, part, published, self.model, homes)
            return fut
        if self._client is not None:
            dfut: _Future = self._client.submit(
                analyze_partition, part, published, self.model, homes, pure=False
            )
            return dfut
        return analyze_partition(part, published, self.model, homes)

    def run(
        self,
        items: Iterable[Item],
        published: str | None = None,
        homes: Mapping[str, str] | None = None,
    ) -> Iterator[Result]:
        """The outcome (``pipeline.Analysed`` or ``pipeline.Failed``) of every input, in input
        order. ``homes``: publisher homes known before the run, the same for every partition
        (so the output does not depend on the executor).

        New partitions are submitted as soon as any running one finishes, not only when the
        oldest does: a slow partition at the head no longer leaves the other workers idle
        (issue 19). At most two unfinished partitions per worker, and at most four per worker
        held in all (finished ones waiting for the head), so memory stays bounded however long
        the stream is.
        """
        self._homes = homes
        it = iter(items)
        window: deque[tuple[list[Item], _Future | Partition]] = deque()
        local = self.executor is Executor.local
        running, held = (1, 1) if local else (2 * self.workers, 4 * self.workers)
        exhausted = False
        while True:
            while not exhausted and len(window) < held and _unfinished(window) < running:
                part = list(islice(it, self.partition))
                if not part:
                    exhausted = True
                    break
                window.append((part, self._submit(part, published)))
            if not window:
                return
            head = window[0][1]
            if not isinstance(head, Partition) and not head.done():
                pending = [f for _, f in window if not isinstance(f, Partition) and not f.done()]
                self._wait(pending, return_when=FIRST_COMPLETED)
                if not head.done():
                    continue  # another partition finished: refill before waiting again
            part, fut = window.popleft()
            yield from self._collect(part, fut if isinstance(fut, Partition) else fut.result())

    def _collect(self, part: list[Item], done: Partition) -> list[Result]:
        self.peaks[done.worker] = max(self.peaks.get(done.worker, 0.0), done.peak_mb)
        self.cpu[done.worker] = max(self.cpu.get(done.worker, 0.0), done.cpu_s)
        if len(done.results) != len(part):  # a worker must answer for every input
            raise RuntimeError(f"{len(part)} inputs sent, {len(done.results)} outcomes back")
        return done.results


def _unfinished(window: Iterable[tuple[list[Item], _Future | Partition]]) -> int:
    return sum(not isinstance(f, Partition) and not f.done() for _, f in window)
