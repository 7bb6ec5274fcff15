"""Typed, frozen records that every stage exchanges.

All offsets are character offsets into ``Body.text``; every record that was extracted from the
text carries the span it came from, and ``body.text[start:end] == text`` holds for each of them
(``peacewatch.evidence.check_offsets`` verifies it, and the tests call it on every output).

Stages never mutate a record: they return a new ``Document`` built with ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peacewatch.vocab import ActorKind as ActorKind
from peacewatch.vocab import ContentType as ContentType
from peacewatch.vocab import DateBasis as DateBasis
from peacewatch.vocab import DatePrecision as DatePrecision
from peacewatch.vocab import EntityType as EntityType
from peacewatch.vocab import (
    EventType,
    Modality,
    PlacePrecision,
    PositionStatus,
    QuoteKind,
    RoundFormat,
    RoundLevel,
    RoundStatus,
)
from peacewatch.vocab import IssueCategory as IssueCategory
from peacewatch.vocab import NegotiationRole as NegotiationRole
from peacewatch.vocab import RemovedKind as RemovedKind

SCHEMA_VERSION = "1.0"


@dataclass(frozen=True, slots=True)
class RawInput:
    """One article as read from a source, before any cleaning."""

    id: str
    source: str  # path, "-" for stdin, or "path:line" for a JSONL batch line
    data: bytes | str
    content_type: ContentType
    published: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    # Where ``published`` came from (a vocab.PublishedSource): "jsonl" (the batch line),
    # "sidecar" (article.json), "feed", ...
    published_source: str | None = None


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be read, with what to do about it."""

    source: str
    message: str
    fix: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """The exact span of ``body.text`` a record was extracted from."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Removed:
    """A line dropped from the body, and why."""

    kind: RemovedKind
    text: str


@dataclass(frozen=True, slots=True)
class Metadata:
    id: str
    title: str | None = None
    published: str | None = None  # ISO date, or None when unknown
    # Where the publication date came from: a vocab.PublishedSource ("cli", "html", ...).
    published_source: str = "unknown"
    publisher: str | None = None
    url: str | None = None
    language: str = "en"
    byline: str | None = None
    dateline: str | None = None
    encoding: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Body:
    text: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    mentions: tuple[Mention, ...]
    role: str | None = None
    role_evidence: Evidence | None = None
    country: str | None = None  # ISO 3166-1 alpha-2


@dataclass(frozen=True, slots=True)
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None  # ISO: 2022-03-29, 2022-03, 2022; None when it cannot be resolved
    precision: DatePrecision
    rule: str  # which rule resolved it: "weekday", "relative-month", "dateparser", ...


@dataclass(frozen=True, slots=True)
class Place:
    mention: str
    start: int
    end: int
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    feature: PlacePrecision | None = None
    geonameid: int | None = None
    metonymy: bool = False  # "Kyiv said": the place stands for a government


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """A first-class actor of one document: every event actor, speaker and party points here.

    ``id`` is stable across documents for actors of the actor base ("state:UA", "igo:un",
    "ucdp:ansarallah") and for people ("person:volodymyr-zelensky"); an organisation the base
    does not know gets "org:<folded name>".
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    office: str | None = None  # for people: "President", "Foreign Minister"
    organisation: str | None = None  # for people: the actor id they act for
    entity: str | None = None  # Entity.id in this document, when the text names it


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    entity: str | None = None  # Entity.id
    actor: str | None = None  # ActorRecord.id
    mention: str | None = None  # the words that named the speaker when resolved ("he")


@dataclass(frozen=True, slots=True)
class Relay:
    name: str
    entity: str | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None
    cue: str | None
    relay: Relay | None
    said_on: str | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Actor:
    """An event's actor or recipient as the sentence names it, resolved to ``actor``."""

    name: str
    country: str | None = None
    sector: str | None = None
    entity: str | None = None
    actor: str | None = None  # ActorRecord.id
    mention: str | None = None  # the words in the sentence when resolved ("we", "the President")


@dataclass(frozen=True, slots=True)
class Magnitude:
    """A stated count attached to an event: "killed 12" -> kind "killed", value 12."""

    kind: str  # killed, injured, displaced, crowd
    value: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Event:
    type: EventType
    evidence: Evidence
    mode: str | None = None
    contexts: tuple[str, ...] = ()
    actors: tuple[Actor, ...] = ()
    recipients: tuple[Actor, ...] = ()
    place: str | None = None
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    # Where ``date`` comes from: stated, relative (resolved against publication) or reported
    # (the publication date, precision "before"/"after": a bound, not the event's date);
    # None when the event has no date.
    date_basis: DateBasis | None = None
    modality: Modality = "asserted"
    cameo: str | None = None  # CAMEO root code, for joins with GDELT/ICEWS-style data
    acled: str | None = None  # ACLED event type, only for events asserted as having happened
    quote: int | None = None  # index into Document.quotes when the event is stated in a quote
    magnitude: tuple[Magnitude, ...] = ()
    # Actor mentions that could not be resolved ("they" with no antecedent): kept for the
    # record, never shown as an actor, and the event does not merge across documents.
    unresolved: tuple[str, ...] = ()


# --- The negotiation track (peacewatch.negotiation). Countries are ISO 3166-1 alpha-2 codes;
# every record keeps the span it was read from, and unknown values stay None.


@dataclass(frozen=True, slots=True)
class Participant:
    """A state (or body) named in a negotiation role; ``proposed`` when only offered/suggested."""

    name: str
    country: str | None
    role: NegotiationRole
    evidence: Evidence
    proposed: bool = False


@dataclass(frozen=True, slots=True)
class Delegation:
    party: str | None
    head: str | None
    evidence: Evidence
    head_entity: str | None = None


@dataclass(frozen=True, slots=True)
class Round:
    """One session of talks as one article reports it (several mentions merged)."""

    evidence: tuple[Evidence, ...]
    place: str | None = None
    venue: str | None = None
    country: str | None = None
    date: str | None = None
    date_precision: DatePrecision = "unknown"
    level: RoundLevel | None = None
    format: RoundFormat | None = None
    host: str | None = None
    # held, planned, or denied: the text says it did not take place ("there were no talks in
    # X", "Moscow denied that the delegations met"); corpus/track.py sets a denial
    # against the reports of the round as held.
    status: RoundStatus | None = None
    number: int | None = None  # the source's own ordinal ("third round")
    delegations: tuple[Delegation, ...] = ()
    # A shuttle round (format "shuttle"): an envoy's one trip to several places ("will travel
    # to Riyadh, Muscat and Abu Dhabi from June 3 to 10"); ``stops`` are the places in the
    # text's order, ``place`` and ``country`` stay empty when the stops are in several
    # countries, and ``date_end`` is the last day of a stated range (DECISIONS.md).
    stops: tuple[str, ...] = ()
    date_end: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    """Party x issue x stance, with who stated it and when."""

    issue: str
    stance: str  # a vocab.Stance (str while extract/negotiation assigns untyped values)
    evidence: Evidence
    party: str | None = None
    by: str | None = None
    by_entity: str | None = None
    said_on: str | None = None
    detail: str | None = None
    condition: str | None = None
    status: PositionStatus | None = None  # "denied": the party denies holding it


@dataclass(frozen=True, slots=True)
class IssueRecord:
    issue: str
    label: str
    pax: str | None
    mentions: tuple[Evidence, ...]
    positions: tuple[Position, ...] = ()
    # The PA-X-based category and what the issue is about when the id names it ("donbas":
    # region_status of "Donbas"); the id stays the key of tracks and stored positions.
    category: IssueCategory | None = None
    argument: str | None = None


@dataclass(frozen=True, slots=True)
class Commitment:
    action: str
    evidence: Evidence
    obligor: str | None = None
    issue: str | None = None
    scope: tuple[str, ...] = ()  # places the commitment covers
    conditions: tuple[str, ...] = ()
    deadline: str | None = None
    by: str | None = None
    # A commitment not to act ("undertake not to deploy foreign military bases"): ``action``
    # keeps the "not" of the text, and this says so for code that reads the record.
    negated: bool = False


@dataclass(frozen=True, slots=True)
class ProcedureStep:
    order: int
    action: str  # draft, approve, initial, sign, ratify, meet, ...
    evidence: Evidence
    actor: str | None = None
    level: str | None = None  # a vocab.RoundLevel (str while extract/negotiation assigns str)
    qualifier: str | None = None  # "multilateral", "in person", ...


@dataclass(frozen=True, slots=True)
class Agreement:
    kind: str
    evidence: tuple[Evidence, ...]
    # vocab.AgreementStage and vocab.PaxStage (the PA-X code where one fits); str while
    # extract/negotiation assigns untyped values.
    stage: str | None = None
    pax_stage: str | None = None
    parties: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()
    procedure: tuple[ProcedureStep, ...] = ()
    stated_by: str | None = None


@dataclass(frozen=True, slots=True)
class Negotiation:
    """The talks as one article reports them; empty until found, never invented values."""

    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    guarantors: tuple[str, ...] = ()
    participants: tuple[Participant, ...] = ()
    # monitoring bodies and observer states ("the Joint Monitoring and Evaluation Commission")
    observers: tuple[str, ...] = ()
    rounds: tuple[Round, ...] = ()
    issues: tuple[IssueRecord, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    agreements: tuple[Agreement, ...] = ()


@dataclass(frozen=True, slots=True)
class Document:
    meta: Metadata
    body: Body
    removed: tuple[Removed, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[ActorRecord, ...] = ()
    dates: tuple[TimeExpression, ...] = ()
    places: tuple[Place, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    negotiation: Negotiation = Negotiation()
    warnings: tuple[str, ...] = ()
    # spaCy Doc per paragraph, aligned with body.paragraphs. Not part of the output and not
    # compared: it is the parse the extract stages share so the text is parsed once.
    parses: tuple[Any, ...] = field(default=(), compare=False, repr=False)
