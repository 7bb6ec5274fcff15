"""The analysis pipeline: RawInput -> clean -> parse -> extract stages -> Document.

``analyze_stream`` is the one analysis loop. ``peacewatch analyze``, ``peacewatch ingest`` (every
executor: the workers of ``scale.Runner`` run it on their partition) and ``peacewatch watch``
all go through it. It yields one outcome per input, in input order: ``Analysed``, or ``Failed``
naming the input, the stage ("read", "clean", "parse" or an extract stage) and the cause, so
one bad article never fails the others. It knows nothing of the store: skipping stored inputs
is a filter before it and storing or dead-lettering a consumer after it (``scale.store``).

The extract stages declare the Document fields they read and write (``Stage``); ``build``
checks that every field a stage reads is written by clean, parse or an earlier stage (as spaCy
checks its components' ``requires``/``assigns``), so the stage order is checked code.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Literal

from peacewatch.clean import CleanError, clean
from peacewatch.extract.actors.stage import extract_actors
from peacewatch.extract.dates.stage import extract_dates
from peacewatch.extract.entities.stage import extract_entities
from peacewatch.extract.events.participants import resolve_participants
from peacewatch.extract.events.stage import extract_events
from peacewatch.extract.negotiation.stage import extract_negotiation
from peacewatch.extract.places.homes import homed_places
from peacewatch.extract.places.stage import extract_places
from peacewatch.extract.quotes.stage import extract_quotes
from peacewatch.parse.nlp import load, parse, parse_many
from peacewatch.records import Document, InputError, Place, RawInput

if TYPE_CHECKING:
    from spacy.language import Language

# The fields of a Document (tests/test_pipeline.py checks this list against records.Document).
Field = Literal[
    "meta",
    "body",
    "removed",
    "warnings",
    "parses",
    "entities",
    "actors",
    "dates",
    "places",
    "quotes",
    "events",
    "negotiation",
]
ExtractName = Literal["entities", "dates", "places", "quotes", "events", "actors", "negotiation"]
# Where an input failed: reading it (sources), clean, parse, or an extract stage.
StageName = Literal[
    "read",
    "clean",
    "parse",
    "entities",
    "dates",
    "places",
    "quotes",
    "events",
    "actors",
    "negotiation",
]

# What clean and parse give every document before the extract stages run.
CLEAN_ASSIGNS: tuple[Field, ...] = ("meta", "body", "removed", "warnings")
PARSE_ASSIGNS: tuple[Field, ...] = ("parses",)

# Articles cleaned and parsed together: enough paragraphs to fill spaCy's batches of 64
# (news articles have 10-30 paragraphs) while keeping memory for parses small.
CHUNK = 16

# The fix of a failure that is a bug of ours, not a fault of the input.
BUG_FIX = "report it with this input attached; the other inputs were analysed"


@dataclass(frozen=True, slots=True)
class Stage:
    """An extract stage: the Document fields it reads (``requires``) and writes (``assigns``)."""

    name: ExtractName
    run: Callable[[Document], Document]
    requires: tuple[Field, ...]
    assigns: tuple[Field, ...]


class PipelineError(ValueError):
    """The stages cannot run in this order; ``fix`` says what to change."""

    def __init__(self, message: str, fix: str) -> None:
        super().__init__(message)
        self.fix = fix


def build(stages: Iterable[Stage]) -> tuple[Stage, ...]:
    """The stages, checked: every field a stage reads is assigned before it runs."""
    known = frozenset(f.name for f in dataclasses.fields(Document))
    available: set[str] = {*CLEAN_ASSIGNS, *PARSE_ASSIGNS}
    names: set[str] = set()
    out = tuple(stages)
    for stage in out:
        if stage.name in names:
            raise PipelineError(f"two stages are named {stage.name!r}", "name each stage once")
        names.add(stage.name)
        unknown = [f for f in (*stage.requires, *stage.assigns) if f not in known]
        if unknown:
            raise PipelineError(
                f"stage {stage.name!r} names {', '.join(unknown)}, not fields of a Document",
                f"use the fields of records.Document: {', '.join(sorted(known))}",
            )
        missing = [f for f in stage.requires if f not in available]
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} reads {', '.join(missing)}, which no earlier stage assigns",
                f"put the stage that assigns {missing[0]} before {stage.name!r}",
            )
        available.update(stage.assigns)
    return out


# The order is checked by ``build``; what each stage reads was taken from its code (and
# tests/test_pipeline.py checks it by watching which fields each stage touches).
def _actors_and_participants(doc: Document) -> Document:
    """The actors stage, then the meeting's participants for "the presidents agreed" (issue 16):
    one stage, because the participants need the resolved actors and nothing else does."""
    return resolve_participants(extract_actors(doc))


STAGES: tuple[Stage, ...] = build(
    (
        Stage("entities", extract_entities, requires=("body", "parses"), assigns=("entities",)),
        Stage("dates", extract_dates, requires=("meta", "body", "parses"), assigns=("dates",)),
        Stage(
            "places", extract_places, requires=("body", "parses", "entities"), assigns=("places",)
        ),
        Stage(
            "quotes",
            extract_quotes,
            requires=("meta", "body", "parses", "entities", "dates"),
            assigns=("quotes",),
        ),
        Stage(
            "events",
            extract_events,
            requires=("meta", "body", "parses", "entities", "dates", "places", "quotes"),
            assigns=("events",),
        ),
        Stage(
            "actors",
            _actors_and_participants,
            requires=("meta", "body", "parses", "entities", "places", "quotes", "events"),
            assigns=("actors", "quotes", "events"),
        ),
        Stage(
            "negotiation",
            extract_negotiation,
            # "quotes": negotiation/voice.py reads quote speakers.
            requires=("meta", "body", "parses", "entities", "actors", "dates", "places", "quotes"),
            assigns=("negotiation",),
        ),
    )
)


@dataclass(frozen=True, slots=True)
class Analysed:
    """An input and its analysis."""

    input: RawInput
    doc: Document


@dataclass(frozen=True, slots=True)
class Failed:
    """An input that could not be analysed: at which stage, why, and what to do.

    ``input`` is the InputError itself when the input could not be read. ``message`` and
    ``fix`` are what the command line reports; ``error`` is the exception as "Type: message"
    (what the store's dead letter records), or the read error's message.
    """

    input: RawInput | InputError
    stage: StageName
    message: str
    fix: str
    error: str

    @property
    def source(self) -> str:
        return self.input.source


Result = Analysed | Failed


def failed(raw: RawInput, stage: StageName, exc: Exception) -> Failed:
    """The failure of ``raw`` at ``stage``: a CleanError is the input's fault and says what to
    do; anything else is a bug of ours, reported with its type."""
    error = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, CleanError):
        return Failed(raw, stage, str(exc), exc.fix, error)
    return Failed(raw, stage, f"analysis failed ({error})", BUG_FIX, error)


def unreadable(item: InputError) -> Failed:
    return Failed(item, "read", item.message, item.fix, item.message)


def extract(doc: Document, stages: Sequence[Stage] = STAGES) -> Document:
    """Run the extract stages over a parsed document; an exception propagates."""
    for stage in stages:
        doc = stage.run(doc)
    return doc


def analyze(raw: RawInput, published: str | None = None, nlp: Language | None = None) -> Document:
    """Analyse one article, raising on failure (``CleanError`` when it holds no article).

    For callers that handle the exception themselves: the API (a CleanError is a 422), the
    store's injected analysis (``Store.ingest``), tests. ``published`` overrides the date found
    in the article's metadata.
    """
    return extract(parse(clean(raw, published=published), nlp or load()))


_Cleaned = tuple[RawInput, Document]


def analyze_stream(
    items: Iterable[RawInput | InputError],
    published: str | None = None,
    nlp: Language | None = None,
    chunk: int = CHUNK,
    stages: Sequence[Stage] = STAGES,
    homes: Mapping[str, str] | None = None,
) -> Iterator[Result]:
    """One outcome per input, in input order, parsing ``chunk`` articles per spaCy call.
    ``homes``: publisher homes known before the stream (``scale.store.stored_homes``)."""
    model = nlp or load()
    it = iter(items)
    while batch := list(islice(it, chunk)):
        cleaned = [_clean(item, published) for item in batch]
        parsed = iter(_parse([c for c in cleaned if isinstance(c, tuple)], model))
        out: list[Result] = []
        for c in cleaned:
            if isinstance(c, Failed):
                out.append(c)
                continue
            done = next(parsed)
            out.append(done if isinstance(done, Failed) else _extract(*done, stages))
        yield from _at_home(out, stages, homes)


def _at_home(
    results: list[Result], stages: Sequence[Stage], homes: Mapping[str, str] | None = None
) -> list[Result]:
    """The chunk's second pass (issue 15): each publisher's home region is learnt from its
    stories in this chunk (``places.homes``) and the places of its stories that read otherwise
    with it are replaced; the stages after places run again on them (no re-parse). Per chunk,
    not per stream: a chunk is the largest set of parsed documents held at once, and its
    boundaries are the same for every executor (scale.PARTITION and LOCAL_PARTITION are
    multiples of CHUNK), so the documents do not depend on how the stream was cut."""
    names = [s.name for s in stages]
    if "places" not in names:
        return results
    analysed = [(i, r) for i, r in enumerate(results) if isinstance(r, Analysed)]
    after = tuple(stages[names.index("places") :])
    out = list(results)
    for k, places in homed_places([r.doc for _, r in analysed], homes).items():
        i, r = analysed[k]
        fixed = dataclasses.replace(after[0], run=functools.partial(_set_places, places))
        out[i] = _extract(r.input, r.doc, (fixed, *after[1:]))
    return out


def _set_places(places: tuple[Place, ...], doc: Document) -> Document:
    return dataclasses.replace(doc, places=places)


def _clean(item: RawInput | InputError, published: str | None) -> _Cleaned | Failed:
    if isinstance(item, InputError):
        return unreadable(item)
    try:
        return item, clean(item, published=published)
    except Exception as exc:  # CleanError, or a bug in cleaning: this input's failure
        return failed(item, "clean", exc)


def _parse(todo: list[_Cleaned], nlp: Language) -> list[_Cleaned | Failed]:
    """The chunk parsed with one spaCy call; if that call fails, one article at a time, so
    only the article at fault fails."""
    try:
        docs = parse_many([doc for _, doc in todo], nlp)
    except Exception:
        return [_parse_one(raw, doc, nlp) for raw, doc in todo]
    return [(raw, doc) for (raw, _), doc in zip(todo, docs, strict=True)]


def _parse_one(raw: RawInput, doc: Document, nlp: Language) -> _Cleaned | Failed:
    try:
        return raw, parse(doc, nlp)
    except Exception as exc:
        return failed(raw, "parse", exc)


def _extract(raw: RawInput, doc: Document, stages: Sequence[Stage]) -> Result:
    """Run the extract stages; a crash in one fails this article, naming the stage."""
    for stage in stages:
        try:
            doc = stage.run(doc)
        except Exception as exc:
            return failed(raw, stage.name, exc)
    return Analysed(raw, doc)
