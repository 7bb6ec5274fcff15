"""The analysis pipeline: RawInput -> clean -> parse -> extract stages -> Document."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from peacewatch.clean import clean
from peacewatch.extract.dates import extract_dates
from peacewatch.extract.entities import extract_entities
from peacewatch.extract.events import extract_events
from peacewatch.extract.places import extract_places
from peacewatch.extract.quotes import extract_quotes
from peacewatch.nlp import load, parse
from peacewatch.records import Document, RawInput

Stage = Callable[[Document], Document]

# Order matters: dates and entities first, because places, quotes and events refer to them.
STAGES: Sequence[Stage] = (
    extract_entities,
    extract_dates,
    extract_places,
    extract_quotes,
    extract_events,
)


def analyze(raw: RawInput, published: str | None = None, nlp: Any | None = None) -> Document:
    """Analyse one article; ``published`` overrides the date found in its metadata."""
    doc = parse(clean(raw, published=published), nlp or load())
    for stage in STAGES:
        doc = stage(doc)
    return doc
