"""Ingest a stream of inputs with the analysis batched, as ``pipeline.analyze_stream`` does.

spaCy parses the paragraphs of several articles in one ``nlp.pipe`` call (nlp.parse_many:
fuller batches, faster), but the store needs what ``analyze_stream`` does not give: an error in
one article's extract stages must dead-letter that article, not end the stream. So this loop
runs the same steps (clean, parse_many, extract) with the error handling per article. Inputs
already stored are skipped before any analysis. Crash safety is unchanged: each article is
still written in its own transaction, after its chunk is analysed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from peacewatch.clean import clean
from peacewatch.parse.nlp import parse_many
from peacewatch.pipeline import CHUNK, analyze, extract
from peacewatch.records import Document, InputError, RawInput
from peacewatch.store.core import Outcome, Store


def ingest_stream(
    store: Store,
    items: Iterable[RawInput | InputError],
    nlp: Any,
    published: str | None = None,
    retry: bool = False,
    chunk: int = CHUNK,
    reanalyze: bool = False,
) -> Iterator[Outcome | InputError]:
    """Store every input that is not stored yet; yields one outcome (or read error) each.

    ``reanalyze`` analyses stored inputs again and refreshes those whose analysis changed.
    """
    it = iter(items)
    while batch := list(islice(it, chunk)):
        todo: list[tuple[RawInput, Document]] = []
        for item in batch:
            if isinstance(item, InputError):
                yield item
                continue
            done = store.known(item, published, retry, reanalyze)
            if done is not None:
                yield done
                continue
            try:
                todo.append((item, clean(item, published=published)))
            except Exception as exc:  # CleanError and anything else: this article's
                yield store.fail(item, published, exc)
        if not todo:
            continue
        try:
            parsed = parse_many([d for _, d in todo], nlp)
        except Exception:
            # A batch-level failure: redo the chunk one article at a time, so only the
            # article at fault is dead-lettered.
            for raw, _ in todo:
                yield store.ingest(
                    raw, lambda r, p: analyze(r, p, nlp), published, retry, reanalyze
                )
            continue
        for (raw, _), doc in zip(todo, parsed, strict=True):
            try:
                result = extract(doc)
            except Exception as exc:
                yield store.fail(raw, published, exc)
                continue
            yield store.put(raw, result, published)
