"""What the negotiation rules share: its lexicons, and who a phrase stands for.

Sentences, token offsets, subjects and surnames come from the one syntax layer
(``parse/syntax.py``), countries from the one country index (``parse/countries.py``).

The other stages (entities with countries, dates, places, quotes) may be partial or still empty,
so everything here uses them when they are present and otherwise falls back on the spaCy parse
of the paragraph (``doc.parses``), which is always there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Required, TypedDict

from spacy.tokens import Token

from peacewatch.extract.negotiation.voice import JOINT, Voice
from peacewatch.extract.negotiation.words import (
    FALLBACK_SPEECH,
    FIRST_PERSON,
    LEADER_TITLES,
    OWN_PREPS,
    OWN_TITLES,
    THIRD_PERSON,
)

# corpus/linking.py reads the level words from here.
from peacewatch.extract.negotiation.words import LEVEL_WORDS as LEVEL_WORDS
from peacewatch.lexicons import load_json
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, path_up, sentence_ents, sentences, surname
from peacewatch.records import Document
from peacewatch.vocab import ROUND_LEVELS, IssueCategory, RoundLevel

ALL = "*"  # "both sides": every party of the talks
__all__ = ["ALL", "JOINT", "PartyResolver"]


@cache
def speech_lemmas() -> frozenset[str]:
    try:
        data = load_json("reporting.json")
        return frozenset(data.get("speech_verbs", FALLBACK_SPEECH)) | {"according"}
    except (FileNotFoundError, ValueError):
        return frozenset(FALLBACK_SPEECH) | {"according"}


class StanceCue(TypedDict, total=False):
    """One stance of lexicons/stances.json and the words that cue it."""

    stance: Required[str]
    lemmas: list[str]  # verbs ("reject")
    adjectives: list[str]  # "ready", "willing"
    nouns: list[str]  # "demand", "red line", "main goal"
    negated: str | None  # the stance when the cue is negated ("not ready": rejects)
    only_negated: bool  # the cue counts only negated ("will not yield")
    note: str


class _Words(TypedDict, total=False):
    nouns: list[str]
    marks: list[str]
    lemmas: list[str]
    phrases: list[str]


class _Tracks(TypedDict, total=False):
    dyads: Required[list[list[str]]]
    multilateral: list[str]


class StancesJson(TypedDict, total=False):
    """lexicons/stances.json, as the rules read it."""

    stances: Required[list[StanceCue]]
    frame_nouns: _Words
    conditions: Required[_Words]
    commitment_verbs: Required[_Words]
    sides: Required[_Words]
    tracks: Required[_Tracks]


class IssueJson(TypedDict, total=False):
    """One issue of lexicons/issues.json."""

    id: Required[str]
    label: Required[str]
    category: Required[IssueCategory]  # the PA-X-based taxonomy (vocab.IssueCategory)
    argument: str  # the region or thing an issue of a category is about ("Donbas")
    pax: str | None
    triggers: list[str]  # regular expressions naming the issue
    inverse_triggers: list[str]  # ... naming its opposite ("joining NATO" for neutrality)
    not_before: list[str]  # a trigger right after these words means something else
    not_after: list[str]  # ... or right before these
    not_in_sentence: list[str]  # ... or anywhere in a sentence with these ("climate")
    yields_to: list[str]  # issues whose words, where they overlap this one's, win


class Trigger:
    """An issue's trigger pattern with the contexts in which its words mean something else
    ("become neutral" about the climate, the troops "near its borders", a press "embargo").

    ``finditer`` is ``re.Pattern.finditer`` with those matches left out, so callers that match
    sentences (positions.py) need not know about the exclusions.
    """

    def __init__(self, words: list[str], issue: IssueJson) -> None:
        self.pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)
        self.before = _words(issue.get("not_before", []), r"\b(?:", r")\s*$")
        self.after = _words(issue.get("not_after", []), r"^\s*(?:", ")")
        self.sentence = _words(issue.get("not_in_sentence", []), r"\b(?:", r")\b")
        self.yields: list[re.Pattern[str]] = []  # set by issue_patterns

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        # The trigger first: it runs for every sentence and issue (78,046 calls on 64 releases,
        # BENCHMARKS.md) and rarely matches, so the exclusions are built only when it does.
        found = list(self.pattern.finditer(text))
        if not found or (self.sentence is not None and self.sentence.search(text)):
            return
        taken = [(o.start(), o.end()) for y in self.yields for o in y.finditer(text)]
        for m in found:
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue  # one mention, one issue: "withdraw troops" is the 2022 entry's
            if self.before is not None and self.before.search(text, 0, m.start()):
                continue
            if self.after is not None and self.after.search(text[m.end() :]):
                continue
            yield m


def _words(words: list[str], head: str, tail: str) -> re.Pattern[str] | None:
    """One case-insensitive pattern for alternatives, between ``head`` and ``tail`` (None when
    there are no words)."""
    if not words:
        return None
    return re.compile(head + "|".join(words) + tail, re.IGNORECASE)


@cache
def stances() -> StancesJson:
    data: StancesJson = load_json("stances.json")
    return data


@cache
def issues() -> list[IssueJson]:
    data: list[IssueJson] = load_json("issues.json")["issues"]
    return data


@cache
def issue_patterns() -> list[tuple[str, Trigger, bool]]:
    """(issue, trigger, inverse): inverse patterns name the issue's opposite (issues.json)."""
    out = []
    for i in issues():
        for words, inverse in ((i.get("triggers"), False), (i.get("inverse_triggers"), True)):
            if words:
                out.append((i["id"], Trigger(words, i), inverse))
    for issue, trigger, _ in out:
        yields = set(next(i for i in issues() if i["id"] == issue).get("yields_to", []))
        trigger.yields = [t.pattern for other, t, inv in out if other in yields and not inv]
    return out


def country_of_word(word: str) -> str | None:
    """The country a word stands for, in the negotiation's word set (parse/countries.py)."""
    return countries.for_negotiation().of_word(word)


def _country_in(tokens: Iterable[Token]) -> str | None:
    """First country word among tokens (multi-word names tried as bigrams first)."""
    return countries.for_negotiation().in_tokens(tokens)


@cache
def _dictionary_people() -> dict[str, str]:
    """Surname -> country from lexicons/actors.json (people with a country), if present."""
    out: dict[str, str] = {}
    try:
        people = load_json("actors.json").get("people", [])
    except (FileNotFoundError, ValueError):
        return out
    for person in people:
        if not isinstance(person, dict) or not person.get("country"):
            continue
        for name in [person.get("name", ""), *person.get("aliases", [])]:
            if name:
                out.setdefault(surname(name), str(person["country"]))
    return out


def _publisher_country(publisher: str | None) -> str | None:
    """The state an official publisher speaks for ("Office of the President of Ukraine")."""
    if not publisher or not re.search(
        r"\b(president|government|ministry|kremlin)\b", publisher, re.I
    ):
        return None
    codes = {c for w in re.findall(r"[A-Z][\w-]+", publisher) if (c := country_of_word(w))}
    return codes.pop() if len(codes) == 1 else None


class PartyResolver:
    """Maps people and noun phrases of one document to the country they stand for."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.person_country: dict[str, str] = {}
        self.person_titles: dict[str, set[str]] = {}
        self.person_name: dict[str, str] = {}
        self.person_entity: dict[str, str] = {}
        for e in doc.entities:
            if e.type == "PERSON":
                key = surname(e.name)
                self.person_name.setdefault(key, e.name)
                self.person_entity.setdefault(key, e.id)
                if e.country:
                    self.person_country.setdefault(key, e.country)
                if e.role:
                    self.person_titles.setdefault(key, set()).update(e.role.lower().split())
        self.publisher_country = _publisher_country(doc.meta.publisher)
        # Whose voice each sentence is in: quote, transcript turn, joint statement, issuer.
        self.voice = Voice(doc, self.publisher_country)
        self._from_parse()
        # The project's actor dictionary last: what the article itself says wins.
        for key, code in _dictionary_people().items():
            self.person_country.setdefault(key, code)
        # A titled person the text and the dictionary give no country ("Deputy Prime Minister
        # X said") speaks, in a government's own release, for the publisher's government.
        if self.publisher_country:
            for key in self.person_titles:
                self.person_country.setdefault(key, self.publisher_country)

    def _from_parse(self) -> None:
        """Country and title of each person from the words around their mentions.

        "Ukrainian foreign minister X", "President of Russia X", "X, the Russian negotiator":
        the demonym or country sits in the same noun phrase (left modifiers, or an apposition);
        "X, an aide to Y" takes Y's country, so a second pass resolves those.
        """
        deferred: list[tuple[str, Token]] = []
        for s in sentences(self.doc):
            for ent in sentence_ents(s.sent):
                if ent.label_ != "PERSON":
                    continue
                key = surname(ent.text)
                self.person_name.setdefault(key, ent.text)
                left = []
                for t in reversed(list(s.sent.doc[max(s.sent.start, ent.start - 6) : ent.start])):
                    if (t.is_punct and t.text not in ("'s", "’s")) or t.pos_ in ("VERB", "AUX"):
                        break
                    left.append(t)
                titles = {t.lemma_.lower() for t in left if t.pos_ in ("NOUN", "PROPN")}
                if titles:
                    self.person_titles.setdefault(key, set()).update(titles)
                code = _country_in(reversed(left))
                appos = [c for c in ent.root.children if c.dep_ == "appos"]
                if code is None:
                    for a in appos:
                        sub = [t for t in a.subtree if t.ent_type_ != "PERSON"]
                        code = _country_in(sub)
                        self.person_titles.setdefault(key, set()).update(
                            t.lemma_.lower() for t in sub if t.pos_ == "NOUN"
                        )
                        if code is None:
                            deferred.append((key, a))
                if code and key not in self.person_country:
                    self.person_country[key] = code
        for key, a in deferred:
            if key in self.person_country:
                continue
            for t in a.subtree:
                if t.ent_type_ == "PERSON" and surname(t.text) in self.person_country:
                    self.person_country[key] = self.person_country[surname(t.text)]
                    break

    def is_leader(self, name: str) -> bool:
        return bool(self.person_titles.get(surname(name), set()) & LEADER_TITLES)

    def person_of(self, tok: Token) -> str | None:
        """The canonical name of the PERSON entity the token belongs to, if any."""
        if tok.ent_type_ != "PERSON":
            return None
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return self.person_name.get(surname(ent.text), str(ent.text))
        return None

    def own_voice(self, tok: Token, s: Sentence, joint: bool = False) -> str | None:
        """The side whose voice ``tok`` is in (voice.py): a quote's or transcript turn's
        speaker, a joint statement's signatories (``JOINT``, only when the caller expands it),
        else the issuing government of an official release."""
        return self.voice.at(s.offset + tok.idx, joint)

    def party_of(
        self, tok: Token, s: Sentence, speaker: str | None = None, joint: bool = False
    ) -> str | None:
        """The country a subject phrase stands for: a person, a demonym, a capital, 'both sides'.

        Returns ``ALL`` for phrases that stand for every party, ``JOINT`` ("we" of a joint
        statement) only when ``joint`` (the caller expands it), None when unknown.
        """
        person = self.person_of(tok)
        if person:
            return self.person_country.get(surname(person))
        low = tok.lower_
        if low in THIRD_PERSON:
            return self.person_country.get(surname(speaker)) if speaker else None
        first = low in FIRST_PERSON or any(
            c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children
        )
        placed, voiced = self.voice.placed(s.offset + tok.idx)
        if first and placed:
            # In a quote or a transcript turn, "we" and "our side" are its speaker's, not the
            # last speaker named somewhere before (a journalist's "we" is no side's).
            return voiced
        if low in FIRST_PERSON:
            if speaker and surname(speaker) in self.person_country:
                return self.person_country[surname(speaker)]
            # An unattributed "we" in a government's own release is that government (checked
            # on the kremlin.ru and president.gov.ua releases, whose publisher names the state).
            return self.own_voice(tok, s, joint)
        if any(c.dep_ == "poss" and c.lower_ in FIRST_PERSON for c in tok.children):
            # "our state needs ...": the speaker's side, else the releasing government.
            if speaker and surname(speaker) in self.person_country:
                return self.person_country[surname(speaker)]
            return self.own_voice(tok, s, joint)
        sub = list(tok.subtree) if tok.dep_ != "ROOT" else [tok]
        # Only the noun phrase itself, not a relative clause hanging off it, nor a country
        # merely mentioned in it: "the issues in the talks with Russia" are no Russian
        # position, "the President of Ukraine" and "negotiators from Kyiv" are Ukrainian.
        sub = [
            t
            for t in sub
            if not any(
                a.dep_ in ("relcl", "acl") or (a.dep_ == "prep" and a.lower_ not in OWN_PREPS)
                for a in path_up(t, tok)
            )
        ]
        phrase = " ".join(t.lower_ for t in sub)
        for p in stances()["sides"]["phrases"]:
            if re.search(rf"\b{re.escape(p)}\b", phrase):
                return ALL
        for t in sub:
            if t.ent_type_ == "PERSON":
                name = self.person_of(t)
                if name and surname(name) in self.person_country:
                    return self.person_country[surname(name)]
        found = _country_in(sub)
        if (
            found is None
            and tok.lemma_.lower() in OWN_TITLES
            and tok.tag_ in ("NN", "NNP")  # "the ministers" of a joint readout: both sides
            and tok.ent_type_ not in ("PERSON", "GPE", "NORP")
        ):
            # "The Head of State rejected ...", "the delegation proposed ..." in a government's
            # own release: its own officials are named by title alone (president.gov.ua and
            # kremlin.ru, 2022); a foreign one always has a country in the phrase.
            return self.own_voice(tok, s, joint)
        return found


def reporting_head(tok: Token, strict: bool = True) -> Token | None:
    """The nearest reporting verb above a token ("X said that ...")."""
    t = tok
    while t.head.i != t.i:
        prev, t = t, t.head
        # Only a speech verb whose *content* we came from: "declare neutrality" is an act on
        # the issue, "said (that) Kyiv was ready" reports it.
        if (
            t.lemma_.lower() in speech_lemmas()
            and t.pos_ in ("VERB", "AUX")
            and (prev.dep_ in ("ccomp", "parataxis") or not strict)
        ):
            return t
    return None


def date_in(doc: Document, start: int, end: int) -> tuple[str | None, str]:
    """The first resolved date expression inside [start, end) (from the dates stage)."""
    for d in doc.dates:
        if start <= d.start and d.end <= end and d.value:
            return d.value, d.precision
    return None, "unknown"


def level_of(text: str) -> RoundLevel | None:
    low = text.lower()
    for level in ROUND_LEVELS:
        if any(re.search(rf"\b{re.escape(w)}\b", low) for w in LEVEL_WORDS.get(level, ())):
            return level
    return None
