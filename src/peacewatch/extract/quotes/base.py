"""Shared pieces of quote extraction: the lexicon, the per-document context, the found quote.

The quote stage works in two steps: the finders (``quotes.direct``, ``quotes.indirect``) return
``FoundQuote`` records that keep the offsets of the cue and of the source phrase (the
evaluation on PolNeAR scores those spans), and ``quotes.stage.extract_quotes`` turns them into
``Quote`` records. Token spans become body offsets through ``parse.syntax.token_offsets``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Literal, TypedDict

from peacewatch.lexicons import load_json
from peacewatch.parse.syntax import Sentence
from peacewatch.records import Document, Entity, Relay, Speaker

Kind = Literal["direct", "partial", "indirect"]
# How the speaker of an attribution was found: the cue's subject, a pronoun resolved to an
# earlier subject, the object of "according to", the previous quote (a continuation), or not;
# "generic": the subject is a pronoun that names no one here ("they", "who", "everyone").
How = Literal["subject", "pronoun", "according", "previous", "none", "generic"]


class _OutletJson(TypedDict):
    name: str
    aliases: list[str]


class _ReportingJson(TypedDict):
    """The keys of ``lexicons/reporting.json`` that the quote stage reads."""

    speech_verbs: list[str]
    belief_verbs: list[str]
    content_object_verbs: list[str]
    infinitive_verbs: list[str]
    reporting_nouns: list[str]
    person_pronouns: list[str]
    outlets: list[_OutletJson]
    outlet_heads: list[str]
    transcript_roles: list[str]


@dataclass(frozen=True, slots=True)
class QuoteLexicon:
    """The reporting cues and outlets of ``lexicons/reporting.json``, loaded once."""

    speech: frozenset[str]
    belief: frozenset[str]
    object_content: frozenset[str]
    infinitive: frozenset[str]
    nouns: frozenset[str]
    pronouns: frozenset[str]
    # alias -> canonical outlet name; aliases are matched exactly (case matters: "AP", "RT").
    outlets: Mapping[str, str]
    outlet_heads: frozenset[str]
    # Transcript labels that name a role in the event, not a party ("QUESTION", "MODERATOR").
    transcript_roles: frozenset[str]

    def is_cue(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.object_content
            or lemma in self.infinitive
        )


@cache
def lexicon() -> QuoteLexicon:
    data: _ReportingJson = load_json("reporting.json")
    outlets: dict[str, str] = {}
    for o in data["outlets"]:
        for alias in [o["name"], *o["aliases"]]:
            outlets[alias] = o["name"]
            if alias.startswith("The "):
                outlets[alias[4:]] = o["name"]
    return QuoteLexicon(
        speech=frozenset(data["speech_verbs"]),
        belief=frozenset(data["belief_verbs"]),
        object_content=frozenset(data["content_object_verbs"]),
        infinitive=frozenset(data["infinitive_verbs"]),
        nouns=frozenset(data["reporting_nouns"]),
        pronouns=frozenset(data["person_pronouns"]),
        outlets=MappingProxyType(outlets),
        outlet_heads=frozenset(data["outlet_heads"]),
        transcript_roles=frozenset(data["transcript_roles"]),
    )


@dataclass(slots=True)
class FoundQuote:
    """One attribution as the finders see it; offsets index ``body.text``."""

    start: int
    end: int
    kind: Kind
    para: int
    cue: tuple[int, int] | None = None
    cue_text: str | None = None
    source: tuple[int, int] | None = None
    speaker: Speaker | None = None
    relay: Relay | None = None
    said_on: str | None = None
    # Whether the date came from the attribution clause (inherited by continuations) or is
    # the publication-date default.
    dated: bool = False
    evidence: tuple[int, int] = (0, 0)
    how: How = "subject"


@dataclass
class QuoteContext:
    """What the finders need about the whole document, computed once."""

    doc: Document
    lex: QuoteLexicon = field(default_factory=lexicon)
    # Quote-mark segments per paragraph: (content start, content end, closed) in body offsets.
    segments: list[list[tuple[int, int, bool]]] = field(default_factory=list)
    # (start, end, entity) for every entity mention, sorted by start.
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)
    # Body offsets of sentence subjects that name a person, with the resolved speaker.
    person_subjects: list[tuple[int, Speaker]] = field(default_factory=list)
    # The same for subjects naming a body (an organisation, state or group): "it said".
    body_subjects: list[tuple[int, Speaker]] = field(default_factory=list)
    # The parse's sentences of each paragraph, with their body offsets.
    sentences: list[list[Sentence]] = field(default_factory=list)
    # Outlets already named in the document, canonical names in order of appearance.
    outlets_seen: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.doc.body.text

    def para_start(self, i: int) -> int:
        return self.doc.body.paragraphs[i].start

    def in_segment(self, para: int, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e, _ in self.segments[para])

    def entities_at(self, start: int, end: int) -> list[Entity]:
        return [e for s, t, e in self.mentions if s < end and start < t]


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    """Shrink ``start:end`` past surrounding whitespace and clause punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end
