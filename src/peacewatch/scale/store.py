"""Ingest: the one analysis loop between a filter and a consumer.

    inputs -> ``unstored`` (skip what is stored) -> ``Runner.run`` (``pipeline.analyze_stream``
    on the executor) -> ``store_results`` (store, or dead-letter, each outcome)

``peacewatch ingest`` (every executor), ``ingest --retry-failed`` and ``peacewatch watch`` run
this. The driver does what needs the store -- skip, write, deduplicate -- and the workers only
analyse: the dedup index and version numbering need one writer (store.core), and writing in
input order keeps cluster ids and versions the same as a run on one core. Crash safety is the
store's: each article is written in its own transaction, after its partition is analysed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, groupby

import sqlalchemy as sa

from peacewatch.extract.places.homes import LOCAL_FEATURES, homes_from_regions, publisher_of
from peacewatch.pipeline import Analysed, Failed, Result
from peacewatch.records import Document, Metadata, RawInput
from peacewatch.scale import Item, Runner
from peacewatch.store.core import Outcome, Store


def unstored(
    store: Store,
    items: Iterable[Item],
    published: str | None,
    retry: bool,
    reanalyze: bool,
    known: Callable[[Outcome], object],
) -> Iterator[Item]:
    """The inputs there is something to do for; the outcome of the others goes to ``known``.

    Read errors pass through: the analysis loop reports them in their place.
    """
    for item in items:
        if isinstance(item, RawInput):
            done = store.known(item, published, retry, reanalyze)
            if done is not None:
                known(done)
                continue
        yield item


def store_results(
    store: Store,
    results: Iterable[Result],
    published: str | None,
    on_stored: Callable[[Document], None] | None = None,
) -> Iterator[Outcome | Failed]:
    """Store each analysed input (one transaction each) and dead-letter each failed one.

    An input that could not be read has nothing to keep: its failure is passed on as it is.
    """
    for result in results:
        if isinstance(result, Analysed):
            out = store.put(result.input, result.doc, published)
            if on_stored is not None and out.status in ("stored", "updated"):
                on_stored(result.doc)
            yield out
        elif isinstance(result.input, RawInput):
            yield store.fail(result.input, published, result.error)
        else:
            yield result


def ingest_with(
    store: Store,
    items: Iterable[Item],
    runner: Runner,
    published: str | None = None,
    retry: bool = False,
    on_stored: Callable[[Document], None] | None = None,
    reanalyze: bool = False,
) -> Iterator[Outcome | Failed]:
    """One outcome per input: stored, skipped, dead-lettered, or unreadable (``Failed``).

    Inputs stored before are reported as they are met, before the next analysed one.
    ``on_stored`` sees each document stored as new (watch mode turns them into alerts).
    """
    skipped: deque[Outcome] = deque()
    todo = iter(unstored(store, items, published, retry, reanalyze, skipped.append))
    # The homes are read only when there is something to analyse: a watch poll that finds
    # nothing new must not scan the store (3.6 s warm on a 30,000-document store).
    first = next(todo, None)
    homes = stored_homes(store) if first is not None else {}
    todo = chain([first], todo) if first is not None else todo
    for out in store_results(store, runner.run(todo, published, homes), published, on_stored):
        while skipped:
            yield skipped.popleft()
        yield out
    while skipped:
        yield skipped.popleft()


def retry_with(store: Store, runner: Runner) -> Iterator[Outcome | Failed]:
    """Run every dead letter again from the input it kept; successes leave the table.

    ``reanalyze``: a letter whose input is stored failed while being re-analysed, and analysing
    it again is its retry. Letters are taken in key order, a run of them with the same
    ``--published`` at a time.
    """
    for published, letters in groupby(store.dead_letter_inputs(), key=lambda letter: letter[1]):
        raws: list[Item] = [raw for raw, _ in letters]
        yield from ingest_with(store, raws, runner, published, retry=True, reanalyze=True)


def stored_homes(store: Store) -> dict[str, str]:
    """Publisher homes learnt from the current version of every stored story, with the
    whole-corpus rule (``places.homes.learn_homes``): a new story of a paper the store already
    holds three stories of is read with that paper's home, whichever chunk it arrives in. Read
    once per run, before it, so every partition and executor gets the same homes."""
    from peacewatch.store.schema import documents, places, versions

    current = (documents.c.id == versions.c.doc_id) & (
        documents.c.current_version == versions.c.version
    )
    local = (places.c.version_id == versions.c.id) & places.c.feature.in_(sorted(LOCAL_FEATURES))
    stmt = (
        sa.select(versions.c.id, versions.c.publisher, versions.c.url, places.c.admin1)
        .select_from(versions.join(documents, current).outerjoin(places, local))
        .order_by(versions.c.id)
    )
    with store.engine.connect() as conn:
        rows = conn.execute(stmt).all()
    regions: dict[str, set[str]] = {}
    publisher: dict[str, str | None] = {}
    for vid, pub, url, admin1 in rows:
        publisher[vid] = publisher_of(Metadata(id=vid, publisher=pub, url=url))
        regions.setdefault(vid, set()).update([admin1] if admin1 else [])
    return homes_from_regions((publisher[v], frozenset(r)) for v, r in regions.items())
