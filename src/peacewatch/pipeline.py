"""The analysis pipeline: RawInput -> clean -> parse -> extract stages -> Document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from peacewatch.clean import CleanError, clean
from peacewatch.extract.dates.stage import extract_dates
from peacewatch.extract.entities.stage import extract_entities
from peacewatch.extract.events.stage import extract_events
from peacewatch.extract.negotiation.stage import extract_negotiation
from peacewatch.extract.places.stage import extract_places
from peacewatch.extract.quotes.stage import extract_quotes
from peacewatch.parse.nlp import load, parse, parse_many
from peacewatch.records import Document, InputError, RawInput

Stage = Callable[[Document], Document]

# Order matters: dates and entities first, because places, quotes and events refer to them.
STAGES: Sequence[Stage] = (
    extract_entities,
    extract_dates,
    extract_places,
    extract_quotes,
    extract_events,
    extract_negotiation,  # last: it reads the entities, dates, places and quotes above
)


# Articles cleaned and parsed together: enough paragraphs to fill spaCy's batches of 64
# (news articles have 10-30 paragraphs) while keeping memory for parses small.
CHUNK = 16


def extract(doc: Document) -> Document:
    """Run every extract stage over a parsed document."""
    for stage in STAGES:
        doc = stage(doc)
    return doc


def analyze(raw: RawInput, published: str | None = None, nlp: Any | None = None) -> Document:
    """Analyse one article; ``published`` overrides the date found in its metadata."""
    return extract(parse(clean(raw, published=published), nlp or load()))


def analyze_stream(
    items: Iterable[RawInput | InputError],
    published: str | None = None,
    nlp: Any | None = None,
    chunk: int = CHUNK,
) -> Iterator[tuple[RawInput | InputError, Document | InputError]]:
    """Analyse a stream of inputs in order, parsing ``chunk`` articles per spaCy call.

    Yields ``(input, result)``: the Document, or an InputError for an input that could not be
    read or cleaned, so one bad article never stops the others.
    """
    nlp = nlp or load()
    it = iter(items)
    while batch := list(islice(it, chunk)):
        cleaned: list[Document] = []
        results: list[Document | InputError | None] = []
        for item in batch:
            if isinstance(item, InputError):
                results.append(item)
                continue
            try:
                cleaned.append(clean(item, published=published))
                results.append(None)
            except CleanError as exc:
                results.append(InputError(source=item.source, message=str(exc), fix=exc.fix))
        parsed = iter(parse_many(cleaned, nlp))
        for item, result in zip(batch, results, strict=True):
            if result is None:
                result = _extract_or_error(item, next(parsed))
            yield item, result


def _extract_or_error(item: RawInput | InputError, doc: Document) -> Document | InputError:
    """Run the extract stages; a crash in one article fails that article, not the batch."""
    try:
        return extract(doc)
    except Exception as exc:  # a bug in a stage: report it against the input, go on
        return InputError(
            source=item.source,
            message=f"analysis failed ({type(exc).__name__}: {exc})",
            fix="report it with this input attached; the other inputs were analysed",
        )
