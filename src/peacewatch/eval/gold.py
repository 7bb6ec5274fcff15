"""The shapes of the evaluation files the scorers read, as JSON gives them.

- ``ReferenceGold``: a hand annotation of a reference article, ``shared/gold/*.gold.json``
  (format: shared/gold/README.md). Each scorer reads its own section, so every section may be
  absent (the tests build only the one they score); within a section the keys the README makes
  optional are ``NotRequired``.
- ``SampleAnnotation``: ``eval/data/official_sample.json``, the rounds and positions of a sample
  of the official-2022 releases (its ``about`` says how it was made).

The files are read with ``json`` and cast once, where they are loaded (``read_gold``,
``read_sample``): these types say what the scorers read, they do not validate the files.
Functions that tests call with plain dicts take a ``JSONObject`` and cast it themselves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Literal, NotRequired, TypedDict, cast

# A JSON object before it is read as one of the shapes below.
JSONObject = Mapping[str, object]

QuoteKind = Literal["direct", "partial", "indirect"]


class GoldBody(TypedDict):
    first_paragraph_starts: str
    last_paragraph_starts: str
    paragraphs: int


class GoldEntity(TypedDict):
    name: str
    type: Literal["PERSON", "ORG"]
    role: NotRequired[str]
    country: NotRequired[str]
    aliases: NotRequired[list[str]]
    core: NotRequired[bool]


class GoldPlace(TypedDict):
    mention: str
    lat: float
    lon: float
    country: NotRequired[str]
    km: NotRequired[float]  # the distance a resolution may be off by (README: default 30)
    core: NotRequired[bool]
    note: NotRequired[str]


class GoldQuote(TypedDict):
    id: str
    kind: QuoteKind
    contains: str
    speaker: str
    relay: str | None
    said_on: NotRequired[str]
    core: NotRequired[bool]
    note: NotRequired[str]


class GoldEvent(TypedDict):
    id: str
    type: str  # a PLOVER type
    alt: NotRequired[list[str]]
    source: NotRequired[str]
    target: NotRequired[str | None]
    mediator: NotRequired[str]
    place: NotRequired[str | None]  # "A|B": either
    date: NotRequired[str | None]  # a day, a month, a year, or "before ..."
    evidence: str
    modality: NotRequired[str]
    core: NotRequired[bool]
    context: NotRequired[str]
    note: NotRequired[str]


class GoldPosition(TypedDict):
    party: str
    stance: str
    by: NotRequired[str]
    detail: NotRequired[str]
    core: NotRequired[bool]


class GoldIssue(TypedDict):
    issue: str
    aliases: list[str]
    positions: list[GoldPosition]


class GoldRound(TypedDict):
    place: NotRequired[str | None]
    date: NotRequired[str | None]
    mode: NotRequired[str]
    venue: NotRequired[str]
    host: NotRequired[str]
    core: NotRequired[bool]


class GoldAgreement(TypedDict):
    kind: str
    stage_now: str
    stated_procedure: list[str]
    stated_by: NotRequired[str | None]


class GoldNegotiation(TypedDict):
    parties: list[str]
    mediators: list[str]
    rounds: list[GoldRound]
    issues: list[GoldIssue]
    agreement: NotRequired[GoldAgreement]


class ReferenceGold(TypedDict, total=False):
    doc: str
    published: str
    publisher: str
    notes: str
    body: GoldBody
    captions: list[str]
    boilerplate: list[str]
    entities: list[GoldEntity]
    places: list[GoldPlace]
    quotes: list[GoldQuote]
    events: list[GoldEvent]
    negotiation: GoldNegotiation


def read_gold(path: Path) -> ReferenceGold:
    return cast(ReferenceGold, json.loads(path.read_text(encoding="utf-8")))


# --- the official-2022 sample (eval/data/official_sample.json)


class SampleRound(TypedDict):
    place: NotRequired[list[str] | None]  # acceptable names of one place
    date: NotRequired[str | None]
    format: NotRequired[str | None]


class SamplePosition(TypedDict):
    party: str
    issue: str
    direction: str  # for, against, concedes (corpus/track.py DIRECTION)
    contains: str  # a key the evidence sentence must contain


class SampleDoc(TypedDict):
    rounds: list[SampleRound]
    positions: list[SamplePosition]


class BriefRound(TypedDict):
    """A round the brief of the whole corpus must list."""

    label: str
    place: list[str] | None
    format: str | None


class SampleAnnotation(TypedDict):
    about: str
    documents: dict[str, SampleDoc]
    brief_rounds: list[BriefRound]
    held_out: NotRequired[list[str]]


def read_sample(path: Path) -> SampleAnnotation:
    return cast(SampleAnnotation, json.loads(path.read_text(encoding="utf-8")))
