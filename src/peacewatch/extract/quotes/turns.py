"""Transcript turns: "NAME: words", and the paragraphs that continue a turn.

State Department transcripts ("SECRETARY BLINKEN: …", "FOREIGN MINISTER KULEBA: …"),
kremlin.ru transcripts ("Vladimir Putin: …", several turns run into one paragraph, the first
after "***"), TV transcripts and headlines ("Jane Doe: …", as in PolNeAR dev) give the speaker as
a label. A label must be a person or organisation for the NER, or an all-capitals name or title,
so that "Update:" or a dateline is not taken for one.

A turn runs from its label to the next label. In a transcript (an all-capitals label, or two
labels at least) it also runs over the unlabelled paragraphs after it: each paragraph of a turn
is one quote of its speaker (a headline label alone does not make the article below it a turn).
Labels that name a role, not a party ("QUESTION", "MODERATOR": ``transcript_roles`` of
``reporting.json``) end the turn before them and give no quote (docs/DECISIONS.md, issue 14).

An all-capitals label names its speaker by title and surname ("PRESIDENT ABBAS"): the speaker is
the person of the document with that name, the fullest form found in the body's entities, the
title or the publisher line ("Mahmoud Abbas") or the body's text, else the label as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from peacewatch.extract.quotes.base import FoundQuote, QuoteContext, trim
from peacewatch.extract.quotes.speakers import speaker_from_phrase
from peacewatch.lexicons import country_names, demonyms, role_words
from peacewatch.records import Entity, Speaker

_LABEL_TEXT = r"[A-Z][\w.'’-]*(?:\s+(?:(?:of|the|for|and)\s+)?[A-Z][\w.'’-]*){0,6}"
_LABEL = re.compile(rf"({_LABEL_TEXT})\s*:\s+(?=\S)")
# A later label in the same paragraph starts after a sentence end or the "***" that kremlin.ru
# puts before its transcripts: "… Thank you. Vladimir Putin: …".
_NEXT_LABEL = re.compile(rf"(?<=[.?!…*])\s+({_LABEL_TEXT})\s*:\s+(?=\S)")
# An unlabelled paragraph continues a turn only with this many words: "(Laughter.)" and
# "# # #" are not the speaker's words.
MIN_CONTINUATION_WORDS = 3
# Lower-case particles inside a full name ("Abdullah bin Zayed").
_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "da", "van", "von", "der", "abu"})
# Sentence ends for the body's text (not after an initial: "Antony J. Blinken").
_SENTENCES = re.compile(r"(?<=\w\w[.!?])\s+|\n+")
# A full name has at most this many given names before the label's surname ("Ahmed Awad").
_GIVEN_NAMES = 2
# Capitalised words that start no name: forms of address and determiners at a sentence start.
_NOT_NAMES = frozenset(
    {"his", "her", "their", "our", "the", "a", "an", "and", "excellency", "highness", "majesty"}
)


@dataclass(frozen=True, slots=True)
class Mark:
    """One label: where it is, who speaks, and whether the turn is a party's words."""

    para: int
    label: tuple[int, int]  # body offsets of the label words
    words: int  # body offset where the turn's words begin
    speaker: Speaker | None
    party: bool  # False for a question, a moderator, an operator: no quote
    caps: bool  # an all-capitals label, the convention of official transcripts


@dataclass(frozen=True, slots=True)
class Piece:
    """The part of one paragraph that belongs to a turn."""

    para: int
    start: int
    end: int
    mark: Mark
    labelled: bool  # the piece starts at its label (not a continuation)


@cache
def _role_vocabulary() -> frozenset[str]:
    rw = role_words()
    words = rw["role_nouns"] | rw["titles"] | rw["honorifics"] | rw["role_modifiers"]
    return frozenset(w.strip(".") for x in words for w in x.split())


def _fold(word: str) -> str:
    return word.strip(".,;:()").replace("’", "'").lower()


def _label_kind(ctx: QuoteContext, tokens: list[Token], label: str) -> str | None:
    """ "party", "role" (a label that names no party) or None (not a label)."""
    if label.lower() in ctx.lex.transcript_roles:
        return "role"
    if not tokens:
        return None
    if label.isupper() and any(_fold(w) in _role_vocabulary() for w in label.split()):
        return "party"  # "FOREIGN MINISTER KULEBA", "SENIOR STATE DEPARTMENT OFFICIAL"
    # A place in the label is a dateline ("Kyiv:"), unless the label ends in a person's name:
    # "President of Russia Vladimir Putin".
    named = tokens[-1].ent_type_ == "PERSON" or (
        any(t.ent_type_ in {"PERSON", "ORG"} for t in tokens)
        and not any(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for t in tokens)
    )
    caps = label.isupper() and all(t.pos_ == "PROPN" for t in tokens)
    return "party" if named or caps else None


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def _entity_named(ctx: QuoteContext, part: list[str]) -> Entity | None:
    """The person of the document whose name holds these words, the fullest form first."""
    hits = [
        e
        for e in ctx.doc.entities
        if e.type == "PERSON" and _contains([_fold(w) for w in e.name.split()], part)
    ]
    return max(hits, key=lambda e: len(e.name)) if hits else None


def _full_name(line: str, part: list[str]) -> str | None:
    """A fuller name ending in ``part`` in a title, publisher line or the body: up to two
    capitalised words before it, up to a title, a country or a sentence end ("… Authority
    President Mahmoud Abbas After …" -> "Mahmoud Abbas")."""
    n = len(part)
    for sentence in _SENTENCES.split(line):
        words = sentence.split()
        folded = [_fold(w) for w in words]
        for i in range(len(words) - n + 1):
            found = words[i : i + n]
            if folded[i : i + n] != part or not all(_name_word(w) for w in found):
                continue
            start, given = i, 0
            while start > 0 and given < _GIVEN_NAMES:
                w, f = words[start - 1], folded[start - 1]
                if f not in _PARTICLES:
                    if not _name_word(w) or _not_a_name(f):
                        break
                    given += 1
                start -= 1
            if given:
                return " ".join(_clean(w) for w in words[start : i + n])
    return None


def _name_word(word: str) -> bool:
    """A capitalised word that is not an all-capitals label word."""
    return word[:1].isupper() and not (word.isupper() and len(word.strip(".,")) > 1)


def _not_a_name(folded: str) -> bool:
    return (
        folded in _role_vocabulary()
        or folded in _NOT_NAMES
        or folded in demonyms()
        or folded.title() in country_names()
    )


def _clean(word: str) -> str:
    word = word.strip(",;:()")
    return word[:-1] if word.endswith(".") and len(word) > 2 else word


def _caps_speaker(ctx: QuoteContext, label: str) -> Speaker | None:
    """ "PRESIDENT ABBAS": the document's person named by the words after the title."""
    words = [_fold(w) for w in label.split()]
    # The title and publisher lines carry full names; the body names a speaker in full when the
    # NER did not take the name for a person ("Yair Lapid").
    lines = [ctx.doc.meta.title or "", ctx.doc.meta.publisher or "", ctx.text]
    for k in range(len(words), 0, -1):
        part = words[-k:]
        if part[0] in _role_vocabulary():
            continue
        ent = _entity_named(ctx, part)
        full = next((f for f in (_full_name(x, part) for x in lines) if f), None)
        # An entity with a given name is the full name already; a surname alone ("Abbas") takes
        # the fuller form of the title or publisher line.
        if ent is not None and (full is None or len(ent.name.split()) > 1):
            return Speaker(ent.name, ent.id)
        if full is not None:
            return Speaker(full, ent.id if ent is not None else None)
    return None


def _name_head(tokens: list[Token]) -> Token:
    """The syntactic head of a run of name tokens (the one whose head lies outside the run)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[-1]


def _speaker(ctx: QuoteContext, para: int, tokens: list[Token], label: str) -> Speaker | None:
    if label.isupper():
        found = _caps_speaker(ctx, label)
        if found is not None:
            return found
        # An official nobody names ("SENIOR STATE DEPARTMENT OFFICIAL"), as written.
        return Speaker(" ".join(w.capitalize() for w in label.split()))
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    return speaker_from_phrase(ctx, para, _name_head(people or tokens))[0]


def _starting_in(parsed: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start in ``[start, end)``, found by binary search on their offsets: a
    scan of the paragraph per label took 1.4 of 24 s of a profiled run over 64 releases."""
    lo = bisect_left(parsed, start, key=_idx)
    return list(parsed[lo : bisect_left(parsed, end, lo=lo, key=_idx)])


def _idx(t: Token) -> int:
    return t.idx


def _marks(ctx: QuoteContext, para: int, parsed: Doc, seen: bool) -> list[Mark]:
    """The labels of one paragraph. A label inside a paragraph that does not open with one is
    taken only in a transcript already seen, or when it names a person."""
    p = ctx.doc.body.paragraphs[para]
    text = ctx.text[p.start : p.end]
    first = _LABEL.match(text)
    found = [first] if first else []
    found += list(_NEXT_LABEL.finditer(text, first.end() if first else 0))
    out: list[Mark] = []
    for m in found:
        label = m.group(1)
        toks = _starting_in(parsed, m.start(1), m.end(1))
        kind = _label_kind(ctx, toks, label)
        if kind is None:
            if m is first:
                return []  # a paragraph that opens with a non-label is no transcript
            continue
        person = label.isupper() or any(t.ent_type_ == "PERSON" for t in toks)
        if m is not first and not (seen or out or person):
            continue
        speaker = _speaker(ctx, para, toks, label) if kind == "party" else None
        out.append(
            Mark(
                para,
                (p.start + m.start(1), p.start + m.end(1)),
                p.start + m.end(),
                speaker,
                kind == "party",
                label.isupper(),
            )
        )
    return out


def find_turns(ctx: QuoteContext) -> list[list[Piece]]:
    """For each paragraph, the pieces of it that are transcript turns, in text order."""
    marks: list[list[Mark]] = [[] for _ in ctx.doc.body.paragraphs]
    seen = False
    for i, parsed in enumerate(ctx.doc.parses):
        marks[i] = _marks(ctx, i, parsed, seen)
        seen = seen or bool(marks[i])
    flat = [m for ms in marks for m in ms]
    transcript = any(m.caps for m in flat) or len(flat) >= 2
    out: list[list[Piece]] = []
    current: Mark | None = None
    for i, p in enumerate(ctx.doc.body.paragraphs):
        pieces: list[Piece] = []
        cuts = [m.label[0] for m in marks[i]] + [p.end]
        if current is not None and transcript and cuts[0] > p.start:
            pieces.append(Piece(i, p.start, cuts[0], current, False))
        for k, m in enumerate(marks[i]):
            pieces.append(Piece(i, m.words, cuts[k + 1], m, True))
            current = m
        out.append(pieces)
    return out


def turn_quotes(ctx: QuoteContext, pieces: list[Piece]) -> list[FoundQuote]:
    """One direct quote per piece of a party's turn."""
    out = []
    for piece in pieces:
        m = piece.mark
        if not m.party:
            continue
        s, e = trim(ctx.text, piece.start, piece.end, " \t\n")
        words = len(ctx.text[s:e].split())
        if e - s < 2 or (not piece.labelled and words < MIN_CONTINUATION_WORDS):
            continue
        ev_start = m.label[0] if piece.labelled else s
        f = FoundQuote(start=s, end=e, kind="direct", para=piece.para, evidence=(ev_start, e))
        f.speaker = m.speaker
        f.how = "subject" if piece.labelled else "previous"
        f.source = m.label
        f.cue = (m.label[1], m.label[1] + 1)
        f.cue_text = ":"
        f.said_on, f.dated = ctx.doc.meta.published, False
        out.append(f)
    return out


def nested_kept(f: FoundQuote, pieces: list[Piece]) -> bool:
    """Whether a quote the finders found is kept beside the turns of its paragraph: outside
    them, or inside one when it names another, linked speaker ("Last week, Foreign Minister X
    said that …" in the Secretary's turn). Unlinked and pronoun speakers inside a turn are the
    turn's own narration, and the turn's quote holds them."""
    inside = [p for p in pieces if p.start <= f.start < p.end]
    if not inside:
        return True
    turn = inside[0].mark.speaker
    s = f.speaker
    return (
        s is not None
        and s.entity is not None
        and f.how in ("subject", "according")
        and (turn is None or s.entity != turn.entity)
    )
