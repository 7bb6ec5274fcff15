"""Across reports: the city of a round that one report seats and another one places.

A round counts only when both sides of a tracked pair are at the table (rounds.py). Some rounds
are seated by one report and placed by another: on the 2022 releases, president.gov.ua says the
foreign ministers of Ukraine and Russia met in Turkey (no city, no date), and a kremlin.ru
readout names foreign ministers' talks in Antalya (no sides). Neither report alone
gives the round its city. Here a seated round with a level but only a country (or no place)
takes the city from another report's sentence when that sentence

- names a talks word and the same level ("foreign ministers"),
- names a city the places stage resolved to the round's country (the host state), and no other
  city there, across all such sentences (two candidate cities: ambiguous, nothing linked),
- names no multilateral body (G7, NATO, ...: their ministers meet in host cities too) and is
  neither a call nor a plan,
- was published within ``LINK_DAYS`` of the round's own reports, and not before its date.

The linked report is kept with ``sides_from`` naming the reports that seat the round, so the
brief shows which report gave what. Works on stored Documents (no parse): sentences are split
on the body text, every span is an exact offset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from peacewatch.corpus import iso_day
from peacewatch.evidence import span
from peacewatch.extract.negotiation.context import LEVEL_WORDS, stances
from peacewatch.parse.countries import for_negotiation
from peacewatch.records import Document, Round
from peacewatch.vocab import RoundLevel

# The kremlin.ru readout placing the Antalya meeting came 7 days after it and 18 days before
# the president.gov.ua release seating it; rounds of 2022 were referred to within weeks.
LINK_DAYS = 45
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_TALKS = re.compile(r"\b(talks|negotiations?|meeting|met|consultations)\b", re.IGNORECASE)
# Negation of the meeting itself ("did not hold talks", "never met", "no talks", "denied"), not
# of any verb in the sentence: "he had not seen any specifics from the first meeting, which took
# place near the border with Belarus" places that round (president.gov.ua, 1 March 2022).
_NOT = re.compile(
    r"\b(telephone|phone|call|will|shall|next|planned|upcoming|scheduled|to be held"
    r"|(?:did|do|does|was|were|has|have|had)(?:\s+not|n't)\s+(?:hold|held|meet|met|take|taken"
    r"|happen|happened|occur|occurred)|never\s+(?:met|held|took)|no\s+(?:talks|negotiations?"
    r"|meeting)|deny|denie[sd]|refuted?)\b",
    re.I,
)


@cache
def _bodies() -> re.Pattern[str]:
    names = stances()["tracks"].get("multilateral", [])
    return (
        re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
        if names
        else re.compile(r"(?!x)x")
    )


def _sentences(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _SENT.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def _level_in(text: str, level: str) -> bool:
    low = text.lower()
    return any(re.search(rf"\b{re.escape(w)}\b", low) for w in LEVEL_WORDS.get(level, ()))


def candidates(doc: Document, country: str, level: RoundLevel) -> list[Round]:
    """Sentences of ``doc`` that hold talks at ``level`` in a city of ``country``."""
    text = doc.body.text
    out = []
    for start, end in _sentences(text):
        sent = text[start:end]
        if not _TALKS.search(sent) or not _level_in(sent, level):
            continue
        if _NOT.search(sent) or _bodies().search(sent):
            continue
        cities = {
            p.name or p.mention
            for p in doc.places
            if start <= p.start and p.end <= end and p.feature == "city" and p.country == country
        }
        if len(cities) != 1:
            continue
        out.append(
            Round(
                evidence=(span(text, start, end),),
                place=cities.pop(),
                country=country,
                level=level,
                status="held",
            )
        )
    return out


def _country_only(r: Round) -> bool:
    if r.place is None:
        return True
    return r.country is not None and for_negotiation().of_word(r.place) == r.country


def link(
    docs: Sequence[Document], seated: Sequence[tuple[str, str | None, Round]]
) -> list[tuple[int, list[tuple[str, str | None, Round]]]]:
    """For each seated report (doc id, published, round) that has a level and a country but
    no city: the other documents' sentences that place it, as (index into ``seated``,
    [(doc id, published, round), ...]); only when all of them name one city."""
    out = []
    for i, (doc_id, published, r) in enumerate(seated):
        if not (r.level and r.country and _country_only(r)):
            continue
        when = iso_day(published)
        found = []
        for d in docs:
            if d.meta.id == doc_id:
                continue
            pub = iso_day(d.meta.published)
            if when is None or pub is None or abs((pub - when).days) > LINK_DAYS:
                continue
            if r.date and (iso_day(r.date) or pub) > pub:
                continue  # a report cannot place a round held after it was published
            found += [(d.meta.id, d.meta.published, c) for c in candidates(d, r.country, r.level)]
        if found and len({c.place for _, _, c in found}) == 1:
            out.append((i, found))
    return out
