"""Ingest into the store with the analysis on an executor (``scale.Runner``).

The driver does what needs the store -- skip what is stored, write, deduplicate -- and the
workers only analyse: the dedup index and version numbering need one writer (store.core), and
writing in input order keeps cluster ids and versions the same as a run on one core.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from peacewatch.records import Document, InputError, RawInput
from peacewatch.scale import Item, Runner
from peacewatch.store.core import Outcome, Store


class AnalysisError(Exception):
    """An article's analysis failed on a worker (the dead letter keeps the message)."""


def ingest_with(
    store: Store,
    items: Iterable[Item],
    runner: Runner,
    published: str | None = None,
    retry: bool = False,
    on_stored: Callable[[Document], None] | None = None,
    reanalyze: bool = False,
) -> Iterator[Outcome | InputError]:
    """One outcome (or read error) per input, as ``store.batch.ingest_stream`` gives.

    ``on_stored`` sees each document stored as new (watch mode turns them into alerts).
    """
    ready: deque[Outcome | InputError] = deque()

    def todo() -> Iterator[RawInput]:
        for item in items:
            if isinstance(item, InputError):
                ready.append(item)
                continue
            done = store.known(item, published, retry, reanalyze)
            if done is not None:
                ready.append(done)
                continue
            yield item

    for raw, result in runner.run(todo(), published):
        while ready:
            yield ready.popleft()
        assert isinstance(raw, RawInput)  # todo() yields only RawInputs
        if isinstance(result, InputError):
            yield store.fail(raw, published, AnalysisError(result.message))
        else:
            out = store.put(raw, result, published)
            if on_stored is not None and out.status in ("stored", "updated"):
                on_stored(result)
            yield out
    while ready:
        yield ready.popleft()
