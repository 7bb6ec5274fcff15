"""Rounds from readouts of meetings and travel (issue 14).

Releases on processes other than the 2022 talks rarely describe a table; they report an
official's meeting or trip: "the Secretary met today in Cairo with President X", "the Special
Envoy will travel to Saudi Arabia and Oman on May 25", "will visit N'Djamena, Chad, March
20-22". Our annotation (eval/data/processes_sample.md) counts such a meeting with a side or a
mediator as a round, held or planned. A readout round is read from the meeting verb's own
clause: its place is a city, venue or country the verb reaches through "in", "at", "to" or as
the object of "visit", its date a date phrase in the same clause; "met ... to discuss the war
in Yemen" gives no place, since "in Yemen" hangs off another verb.

They are only looked for in a text about a process whose sides a described table did not
give (stage.py): a Kremlin readout of a visit is not a round of the peace talks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from peacewatch.evidence import span as evidence_of
from peacewatch.extract.negotiation.context import country_of_word
from peacewatch.extract.negotiation.round_merge import RoundMention
from peacewatch.extract.negotiation.round_talks import trip_of
from peacewatch.extract.negotiation.round_when import just_now, past
from peacewatch.extract.negotiation.rounds import city_country
from peacewatch.lexicons import country_names
from peacewatch.parse.syntax import Sentence, negated, sentence_ents, token_evidence
from peacewatch.records import DatePrecision, Document
from peacewatch.vocab import RoundStatus

READOUT_VERBS = frozenset({"meet", "travel", "visit"})
# "The Special Envoy is in Ethiopia March 21-22": a person's presence at a place on a date.
PRESENCE = "be"
PLACE_PREPS = frozenset({"in", "at", "to"})


def _verb_of(tok: Token) -> Token | None:
    """The nearest verb above a token (the clause it belongs to)."""
    x = tok
    while x.head.i != x.i:
        x = x.head
        if x.pos_ in ("VERB", "AUX"):
            return x
    return None


def _same(a: Token | None, b: Token) -> bool:
    """spaCy makes a new Token object on each access: compare positions, not identity."""
    return a is not None and a.i == b.i


def _reaches(ent: Span, verb: Token) -> bool:
    """The place hangs off the verb: "met in X", "met with Y in X", "travel to X", "visit X",
    "on the sidelines of the Summit in X", and conjuncts of such a place."""
    root = ent.root
    while root.dep_ == "conj" or root.dep_ == "appos":
        root = root.head
    if root.dep_ == "dobj" and root.head.i == verb.i and verb.lemma_.lower() == "visit":
        return True
    if ent.label_ == "ORG" and not (root.dep_ == "pobj" and root.head.lower_ == "at"):
        return False  # an organisation is a venue only after "at" ("at the Department of State")
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS and _same(_verb_of(root), verb)


def _as_country(name: str) -> str | None:
    """The ISO code when the name is a country's ("Georgia", "Oman"), not a city's."""
    name = name.removeprefix("the ")
    return country_names().get(name) or (country_of_word(name) if " " in name else None)


def _country(doc: Document, s: Sentence, ent: Span) -> tuple[str | None, bool]:
    """(ISO country, is a city or venue) of a place entity."""
    start, end = ent.start_char + s.offset, ent.end_char + s.offset
    place = next((p for p in doc.places if p.start <= start and end <= p.end), None)
    as_country = _as_country(ent.text)
    if ent.label_ == "ORG":
        return None, True  # a venue: its country is not said
    country = (place.country if place else None) or as_country or city_country(ent.text)
    return country, as_country is None


def _date(doc: Document, s: Sentence, verb: Token) -> tuple[str | None, DatePrecision]:
    """The first resolved date phrase of the verb's own clause ("today", "on May 25")."""
    by_start = {t.idx + s.offset: t for t in verb.subtree}
    for d in doc.dates:
        t = by_start.get(d.start)
        if t is not None and d.value and (t.i == verb.i or _same(_verb_of(t), verb)):
            return d.value, d.precision
    day = just_now(doc, verb)
    return (day, "day") if day else (None, "unknown")


def _readout_verb(verb: Token) -> bool:
    if negated(verb):
        return False
    if verb.pos_ == "VERB" and verb.lemma_.lower() in READOUT_VERBS:
        return True
    # "X is in Ethiopia": presence, only of a named person (not "the risk is in Ethiopia")
    return verb.lemma_ == PRESENCE and any(
        c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children
    )


def _status(verb: Token) -> RoundStatus | None:
    # "will travel", "to travel" as auxiliaries; not the preposition of "traveled to Cairo"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    planned = any(c.lower_ in ("will", "to") for c in aux) or verb.dep_ == "xcomp"
    return "planned" if planned else "held" if past(verb) else None


def readouts(doc: Document, sents: list[Sentence]) -> list[RoundMention]:
    """Readout rounds of the whole text. A meeting with no place of its own after a placed
    one is a meeting of the same trip ("The Special Envoy is in Ethiopia March 21-22 ...
    Today, the Special Envoy met with ..."): it takes the trip's place, and its date when it
    states none."""
    out: list[RoundMention] = []
    for s in sents:
        for verb, found in readouts_in(doc, s):
            if found:
                out += found
            elif out and verb.lemma_.lower() == "meet":
                trip = out[-1]
                date, precision = _date(doc, s, verb)
                out.append(
                    replace(
                        trip,
                        evidence=token_evidence(doc, s.offset, [verb]),
                        date=date or trip.date,
                        precision=precision if date else trip.precision,
                        status=_status(verb) or trip.status,
                    )
                )
    return out


def readouts_in(doc: Document, s: Sentence) -> list[tuple[Token, list[RoundMention]]]:
    """Each readout verb of the sentence with the rounds it places (none when it names no
    place)."""
    out: list[tuple[Token, list[RoundMention]]] = []
    for verb in s.sent:
        if not _readout_verb(verb):
            continue
        places = [
            e
            for e in sentence_ents(s.sent)
            if e.label_ in ("GPE", "LOC", "FAC", "ORG") and _reaches(e, verb)
        ]
        mentions: list[RoundMention] = []
        out.append((verb, mentions))
        date, precision = _date(doc, s, verb)
        if not places or (date is None and verb.lemma_ == PRESENCE):
            continue
        status = _status(verb)
        trip, date_end = trip_of(doc, s, verb, date)  # a trip to several stops: round_merge
        found = [(e, *_country(doc, s, e)) for e in places]
        # "N'Djamena, Chad": the city is the round's place, its country one of its words
        cities = [f for f in found if f[2]]
        countries = {f[1] for f in cities}
        for ent, country, _ in cities + [f for f in found if not f[2] and f[1] not in countries]:
            ev = token_evidence(doc, s.offset, [verb, *ent])
            # Each named place is its own round (a trip to two countries meets in each), so
            # the mention is marked as placed like a city: merge keeps them apart.
            mentions.append(
                RoundMention(
                    evidence=ev,
                    place=ent.text.removeprefix("the "),
                    country=country,
                    city=True,
                    date=date,
                    precision=precision,
                    format="in person",
                    status=status,
                    trip=trip,
                    date_end=date_end,
                )
            )
    return out


# "... Before Their Meeting", "Remarks to the Press Before the Berlin II Conference on Libya"
TRANSCRIPT = re.compile(
    r"\b(?:Before|After|At the Top of|at the Conclusion of) (?:Their|the|Our) (?:[\w.-]+ ){0,4}"
    r"(?:Meeting|Conference|Summit|Talks)\b"
    # two principals speaking together: "X and Y Statements to the Press", "... at a Joint
    # Press Availability" (they met there that day)
    r"|\bStatements to the Press\b|\bJoint Press (?:Availability|Statements|Conference)\b"
)


def dateline_round(doc: Document) -> RoundMention | None:
    """A transcript "... Before Their Meeting" (or before a conference or summit) took place on
    its release day at its dateline,
    the short place paragraph under the byline ("Washington, D.C.", "Ramallah, the West
    Bank")."""
    if not doc.meta.title or not TRANSCRIPT.search(doc.meta.title) or not doc.meta.published:
        return None
    for para in doc.body.paragraphs[:5]:
        text = doc.body.text[para.start : para.end].strip()
        first = text.split(",")[0].strip()
        if not text or len(text.split()) > 5 or not first:
            continue
        country = _as_country(first) or city_country(first)
        if country is None:
            continue
        start = doc.body.text.index(first, para.start)
        return RoundMention(
            evidence=evidence_of(doc.body.text, start, start + len(first)),
            place=first if _as_country(first) is None else None,
            country=country,
            city=True,
            date=doc.meta.published[:10],
            precision="day",
            format="in person",
            status="held",
        )
    return None
