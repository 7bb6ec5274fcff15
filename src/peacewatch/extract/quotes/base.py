"""Shared pieces of quote extraction: the lexicon, the per-document context, the found record.

The quote stage works in two steps: the finders (``quotes_direct``, ``quotes_indirect``) return
``Found`` records that keep the offsets of the cue and of the source phrase (the evaluation on
PolNeAR scores those spans), and ``quotes.extract_quotes`` turns them into ``Quote`` records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

from peacewatch.lexicons import load_json
from peacewatch.records import Document, Entity, Relay, Speaker

Kind = Literal["direct", "partial", "indirect"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    object_content: frozenset[str]
    infinitive: frozenset[str]
    nouns: frozenset[str]
    pronouns: frozenset[str]
    # alias -> canonical outlet name; aliases are matched exactly (case matters: "AP", "RT").
    outlets: dict[str, str]
    outlet_heads: frozenset[str]

    def is_cue(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.object_content
            or lemma in self.infinitive
        )


@cache
def lexicon() -> Lexicon:
    data = load_json("reporting.json")
    outlets: dict[str, str] = {}
    for o in data["outlets"]:
        for alias in [o["name"], *o["aliases"]]:
            outlets[alias] = o["name"]
            if alias.startswith("The "):
                outlets[alias[4:]] = o["name"]
    return Lexicon(
        speech=frozenset(data["speech_verbs"]),
        belief=frozenset(data["belief_verbs"]),
        object_content=frozenset(data["content_object_verbs"]),
        infinitive=frozenset(data["infinitive_verbs"]),
        nouns=frozenset(data["reporting_nouns"]),
        pronouns=frozenset(data["person_pronouns"]),
        outlets=outlets,
        outlet_heads=frozenset(data["outlet_heads"]),
    )


@dataclass(slots=True)
class Found:
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
    # How the speaker was found: "subject", "pronoun", "according", "previous" (continuation).
    how: str = "subject"


@dataclass
class Context:
    """What the finders need about the whole document, computed once."""

    doc: Document
    lex: Lexicon = field(default_factory=lexicon)
    # Quote-mark segments per paragraph: (content start, content end, closed) in body offsets.
    segments: list[list[tuple[int, int, bool]]] = field(default_factory=list)
    # (start, end, entity) for every entity mention, sorted by start.
    mentions: list[tuple[int, int, Entity]] = field(default_factory=list)
    # Body offsets of sentence subjects that name a person, with the resolved speaker.
    person_subjects: list[tuple[int, Speaker]] = field(default_factory=list)
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


def tok_span(para_start: int, tokens: Iterable[Any]) -> tuple[int, int]:
    """Body offsets covering ``tokens`` (spaCy tokens of one paragraph)."""
    toks = list(tokens)
    return (
        para_start + min(t.idx for t in toks),
        para_start + max(t.idx + len(t.text) for t in toks),
    )


def trim(text: str, start: int, end: int, chars: str = " \t\n,;:—–-") -> tuple[int, int]:
    """Shrink ``start:end`` past surrounding whitespace and clause punctuation."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else ""
