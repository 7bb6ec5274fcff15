"""The closed vocabularies of the records, in one place.

Each vocabulary is a ``Literal`` (what mypy checks) with a tuple of its values derived from it
(what code validates against at run time, and what ``tests/test_vocab.py`` compares with the
enums of ``schema/document.schema.json``), so a value is written once. A value added here and
not to the schema (or the other way round) fails that test, not a user's validation.

Open sets stay ``str``: event modes, actor sectors, magnitude kinds, agreement kinds and
commitment actions come from lexicon data (``lexicons/*.json``) and grow with it.
"""

from __future__ import annotations

from typing import Literal, get_args

# --- inputs and documents -------------------------------------------------------------------
ContentType = Literal["text", "html"]
# Where ``Metadata.published`` came from: the command line, the HTML, a JSONL line, an
# article.json sidecar, the input record, the text itself, a feed entry, a newscrawl file name,
# a WARC capture date; "unknown" when nothing dated it.
PublishedSource = Literal[
    "cli", "html", "jsonl", "sidecar", "input", "text", "feed", "newscrawl", "warc-date", "unknown"
]
RemovedKind = Literal[
    "caption",
    "copyright",
    "licensing",
    "rating",
    "sharing",
    "loading",
    "byline",
    "dateline",
    "related",
    "advertisement",
    "newsletter",
]

# --- entities, dates, places, quotes ----------------------------------------------------------
# The actor kind of an entity.
EntityType = Literal["PERSON", "ORG", "OUTLET", "STATE", "GROUP"]
# How precisely a date is known: a day, a month, a year, only a bound ("before"/"after" a
# date), or not at all.
DatePrecision = Literal["day", "month", "year", "before", "after", "unknown"]
# Where an event's date comes from (issue 16): the text states it ("on 29 March", "in 2021"),
# the text gives it relative to publication ("yesterday", "on Monday", "last week") and it was
# resolved against the publication date, or the text gives none and the date is the
# publication date: "reported" by then, a bound and not a claim of when it happened.
DateBasis = Literal["stated", "relative", "reported"]
# How precisely a place is resolved (the gazetteer's feature class).
PlacePrecision = Literal["city", "region", "country", "landmark", "sea"]
QuoteKind = Literal["direct", "partial", "indirect"]

# --- events -------------------------------------------------------------------------------------
# PLOVER event types (CAMEO roots map onto them: records.Event.cameo).
EventType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
# Whether and how the text says the event happened (its polarity and mood). "future": the
# text says it will happen ("will meet"); "planned": someone plans, schedules or intends it
# ("plans to meet", "talks are scheduled"); "hypothetical": it would have happened, contrary
# to fact ("would have agreed", "had Russia withdrawn"); "negated": the text says it did not
# happen ("has not agreed"), kept so that it is never counted as having happened.
Modality = Literal[
    "asserted",
    "reported",
    "historical",
    "possible",
    "future",
    "planned",
    "willing",
    "conditional",
    "hypothetical",
    "demanded",
    "negated",
    "denied",
]

# --- the negotiation track ----------------------------------------------------------------------
# What an actor is (issue 14): states keep their ISO code as ``country``; a person's
# ``organisation`` is the actor they act for. "organisation" and "group" are the fallbacks for
# a named organisation or a demonym group ("Ukrainian officials") the actor base does not know.
ActorKind = Literal[
    "state",
    "government",
    "ruling_party",
    "opposition",
    "armed_group",
    "militia",
    "igo",
    "envoy",
    "civil_society",
    "media",
    "person",
    "organisation",
    "group",
]

# "observer": a monitoring body or a state attending as observer (issue 14), not a broker.
NegotiationRole = Literal["party", "mediator", "host", "guarantor", "observer"]
# A round held, planned, or denied: the text says it did not take place.
RoundStatus = Literal["held", "planned", "denied"]
RoundLevel = Literal["leaders", "foreign ministers", "delegations", "working groups"]
# "shuttle": one envoy's trip to several places, one round (records.Round.stops)
RoundFormat = Literal["in person", "video link", "shuttle"]
Stance = Literal[
    "demands",
    "seeks",
    "offers",
    "accepts",
    "rejects",
    "red line",
    "will not yield",
    "willing",
    "conditional",
    "priority",
    "open to compromise",
    "committed",
    "discussed",
]
# A position the party denies holding.
PositionStatus = Literal["denied"]
AgreementStage = Literal[
    "proposed", "drafting", "agreed", "initialled", "signed", "ratified", "in force", "withdrawn"
]
# PA-X agreement stage codes.
PaxStage = Literal["Pre", "SubPar", "SubComp", "Imp", "Ren", "Cea", "Oth"]

# --- corpus -------------------------------------------------------------------------------------
# How many independent sources back a claim, and whether they agree (corpus/claims.py).
ClaimStatus = Literal["reported", "corroborated", "contested", "denied"]
# Which way a stance points (corpus/track.py DIRECTION): holding out against, asking for,
# conceding; "discussed" has none.
Direction = Literal["against", "for", "concedes"]

CONTENT_TYPES: tuple[ContentType, ...] = get_args(ContentType)
PUBLISHED_SOURCES: tuple[PublishedSource, ...] = get_args(PublishedSource)
REMOVED_KINDS: tuple[RemovedKind, ...] = get_args(RemovedKind)
ENTITY_TYPES: tuple[EntityType, ...] = get_args(EntityType)
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
DATE_PRECISIONS: tuple[DatePrecision, ...] = get_args(DatePrecision)
DATE_BASES: tuple[DateBasis, ...] = get_args(DateBasis)
PLACE_PRECISIONS: tuple[PlacePrecision, ...] = get_args(PlacePrecision)
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
EVENT_TYPES: tuple[EventType, ...] = get_args(EventType)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
NEGOTIATION_ROLES: tuple[NegotiationRole, ...] = get_args(NegotiationRole)
ROUND_STATUSES: tuple[RoundStatus, ...] = get_args(RoundStatus)
ROUND_LEVELS: tuple[RoundLevel, ...] = get_args(RoundLevel)
ROUND_FORMATS: tuple[RoundFormat, ...] = get_args(RoundFormat)
STANCES: tuple[Stance, ...] = get_args(Stance)
POSITION_STATUSES: tuple[PositionStatus, ...] = get_args(PositionStatus)
AGREEMENT_STAGES: tuple[AgreementStage, ...] = get_args(AgreementStage)
PAX_STAGES: tuple[PaxStage, ...] = get_args(PaxStage)
CLAIM_STATUSES: tuple[ClaimStatus, ...] = get_args(ClaimStatus)
DIRECTIONS: tuple[Direction, ...] = get_args(Direction)

# Event modalities that say the event happened, and those that say it did not (a claim of the
# latter is "denied": corpus/claims.py).
HAPPENED: frozenset[Modality] = frozenset({"asserted", "reported", "historical"})
NOT_HAPPENED: frozenset[Modality] = frozenset({"negated", "denied"})

# The issue taxonomy (lexicons/issues.json ``category``), after the PA-X Peace Agreements
# Database codebook's categories; the same ids as the annotation in
# eval/data/processes_sample.json (its .md gives each one's PA-X category). A conflict's own
# names ("Donbas", "Western Sahara") are an issue's argument, never a category.
IssueCategory = Literal[
    "ceasefire",
    "hostages_prisoners",
    "withdrawal",
    "disarmament_ddr",
    "monitoring_verification",
    "power_sharing",
    "elections",
    "constitution",
    "transitional_justice",
    "refugees_return",
    "humanitarian_access",
    "reconstruction",
    "governance_territory",
    "borders_territory",
    "region_status",
    "recognition_normalisation",
    "statehood",
    "sanctions",
    "security_guarantees",
    "human_rights",
    "economic",
    "nuclear",
    "other",
]
ISSUE_CATEGORIES: tuple[IssueCategory, ...] = get_args(IssueCategory)
