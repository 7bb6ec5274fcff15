"""Rounds of a process's own talks when no tracked table is described (issue 14).

A release on a process other than the 2022 talks often names a session without the sides
``rounds.mentions_in`` needs: "led a delegation ... to continue discussions with senior Taliban
representatives ... in Tashkent, Uzbekistan", "after the conclusion of the Tashkent Conference
on Afghanistan on July 26", "the talks held in Doha". These are read in the same texts as the
readout rounds (stage.py: a third party's release about a process whose table was not
described), from a talks noun (lexicons/round_words.json) with a place:

- the place hangs off the talks phrase through "in"/"at" ("discussions with X in Tashkent"),
  off the verb that holds or leads to them ("talks held in Doha"), or is the city word of a
  named conference or summit ("the Tashkent Conference", "the Berlin II Conference");
- the date hangs off the talks noun or the words above it up to its clause's verb; a purpose
  clause reaches the verb it completes ("On July 27, X led a delegation to continue
  discussions": the delegation went on July 27).
A mention without a place is left out: with only a date it would be a round nobody can put
on a map, and most such nouns are a process in general ("the negotiations must resume"); so is
one without a date, unless it names a conference or summit ("the Second Berlin Conference").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from peacewatch.extract.dates.ranges import range_end
from peacewatch.extract.negotiation.context import country_of_word
from peacewatch.extract.negotiation.round_merge import RoundMention
from peacewatch.extract.negotiation.round_when import date_of, held_participle, past
from peacewatch.extract.negotiation.rounds import city_country
from peacewatch.extract.negotiation.words import LOCATIVE, NOT_ROUNDS
from peacewatch.lexicons import country_names, load_json
from peacewatch.parse.syntax import Sentence, negated, sentence_ents, token_evidence
from peacewatch.records import DatePrecision, Document
from peacewatch.vocab import RoundStatus


@cache
def round_words(key: str) -> frozenset[str]:
    """A word list of lexicons/round_words.json (lower case)."""
    return frozenset(w.lower() for w in load_json("round_words.json")[key]["words"])


@cache
def round_words_map(key: str) -> dict[str, str]:
    """A mapping of lexicons/round_words.json."""
    return {str(k): str(v) for k, v in load_json("round_words.json")[key]["map"].items()}


_words = round_words


def trip_verbs() -> frozenset[str]:
    return _words("trip_verbs")


def _trigger(tok: Token) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in _words("process_talk_nouns"):
        return False
    # "a press conference", "the pledging conference": not a session of the talks
    return not any(c.lower_ in _words("not_talks_modifiers") for c in tok.lefts)


def _anchors(tok: Token) -> list[Token]:
    """The talks noun and the words above it up to its clause's verb (and, for a purpose
    clause, the verb it completes); a reported clause ("said that talks ...") stops there."""
    out, x = [tok], tok
    while x.head.i != x.i and x.pos_ not in ("VERB", "AUX"):
        x = x.head
        out.append(x)
    if x.pos_ in ("VERB", "AUX") and x.dep_ == "xcomp" and x.head.pos_ == "VERB":
        out.append(x.head)
    return out


def _of_the_talks(x: Token, tok: Token) -> bool:
    """The word a place hangs off is the talks noun or who sits at them ("discussions with
    senior Taliban representatives ... in Tashkent"), not another noun of the phrase
    ("discussions related to developments in the Horn of Africa")."""
    for _ in range(8):
        if x.i == tok.i:
            return True
        if x.dep_ in ("conj", "appos"):
            x = x.head
        elif x.dep_ == "pobj" and x.head.lower_ in ("with", "between", "among"):
            x = x.head.head
        else:
            return False
    return False


def _is_country(name: str) -> bool:
    """A country's name ("Oman", "the United Arab Emirates"), not a city's (``country_of_word``
    also knows capitals)."""
    return name.removeprefix("the ") in country_names()


def _place_root(ent: Span) -> Token:
    root = ent.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    return root


def _named_city(tok: Token, ents: list[Span]) -> tuple[str, Span] | None:
    """The city word of a named conference: "the Tashkent Conference", "Berlin II Conference"."""
    for e in ents:
        if e.start <= tok.i < e.end and e.label_ in ("EVENT", "ORG", "FAC"):
            for w in e[: tok.i - e.start]:
                if w.pos_ == "PROPN" and not _is_country(w.text) and city_country(w.text):
                    return w.text, e
    return None


def _places(
    doc: Document, s: Sentence, tok: Token, anchors: set[int]
) -> list[tuple[str, str | None, bool, list[Token]]]:
    """(name, country, is a city, tokens) of each place the talks were held at."""
    inside = {t.i for t in tok.subtree}
    ents = sentence_ents(s.sent)
    out = []
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        root = _place_root(ent)
        prep = root.head
        if not (root.dep_ == "pobj" and prep.lower_ in LOCATIVE and prep.lower_ != "on"):
            continue
        if prep.head.i not in anchors and not (
            prep.head.i in inside and _of_the_talks(prep.head, tok)
        ):
            continue
        name = str(ent.text).removeprefix("the ")
        start = ent.start_char + s.offset
        place = next((p for p in doc.places if p.start <= start < p.end), None)
        country = (place.country if place else None) or country_of_word(name) or city_country(name)
        out.append((name, country, not _is_country(name), list(ent)))
    named = _named_city(tok, ents)
    if named:
        out.append((named[0], city_country(named[0]), True, list(named[1])))
    return sorted(out, key=lambda p: not p[2])


def _status(anchors: list[Token]) -> RoundStatus | None:
    if held_participle(anchors[0]):
        return "held"
    # the clause's own verb, or the one a purpose clause completes ("led ... to continue")
    verb = next((t for t in reversed(anchors) if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return None
    if any(c.lower_ in ("will", "shall") for c in verb.children):
        return "planned"
    return "held" if past(verb) else None


def talks_in(doc: Document, s: Sentence) -> list[RoundMention]:
    """Rounds of a process's talks named by a talks noun with a place (module docstring)."""
    out: list[RoundMention] = []
    for tok in s.sent:
        if not _trigger(tok):
            continue
        anchors = _anchors(tok)
        phrase = "".join(t.text_with_ws for t in tok.subtree)
        if any(negated(t) for t in anchors) or NOT_ROUNDS.search(phrase):
            continue
        ids = {t.i for t in anchors}
        places = _places(doc, s, tok, ids)
        if not places:
            continue
        name, country, is_city, words = places[0]
        date, precision = date_of(doc, s, list(s.sent), ids)
        if date is None and tok.pos_ != "PROPN":
            # "the talks in Vienna", "talks in Quebec" with no date: the process or a venue in
            # general, not a session a user can put in time (official-2022: 4 such mentions
            # in 195 releases, none a round of the annotation); a named conference stays.
            continue
        out.append(
            RoundMention(
                evidence=token_evidence(doc, s.offset, [tok, *words]),
                place=name,
                country=country,
                city=is_city,
                date=date,
                precision=precision,
                status=_status(anchors),
                # as rounds.py: a round held in a named city met in person
                format="in person" if is_city else None,
            )
        )
    return out


def process_talks(doc: Document, sents: list[Sentence]) -> list[RoundMention]:
    return [m for s in sents for m in (*talks_in(doc, s), *trips_in(doc, s))]


def _trip_places(s: Sentence, head: Token, preps: frozenset[str]) -> list[Span]:
    """Places hanging off ``head`` through one of ``preps`` ("arrive in Ethiopia", "travel to
    Riyadh, Saudi Arabia and Amman, Jordan"), conjuncts and appositions included."""
    out = []
    for ent in sentence_ents(s.sent):
        root = _place_root(ent)
        prep = root.head
        if ent.label_ in ("GPE", "LOC") and root.dep_ == "pobj" and prep.lower_ in preps:
            out += [ent] if prep.head.i == head.i else []
    return out


def _place_of(doc: Document, s: Sentence, ent: Span) -> tuple[str, str | None]:
    name = str(ent.text).removeprefix("the ")
    start = ent.start_char + s.offset
    place = next((p for p in doc.places if p.start <= start < p.end), None)
    return name, (place.country if place else None) or country_of_word(name) or city_country(name)


def _trip_mention(
    doc: Document, s: Sentence, verb: Token, ent: Span, when: tuple[str | None, DatePrecision]
) -> RoundMention:
    name, country = _place_of(doc, s, ent)
    planned = any(c.lower_ in ("will", "shall") for c in verb.children)
    return RoundMention(
        evidence=token_evidence(doc, s.offset, [verb, *ent]),
        place=name,
        country=country,
        # as readouts.py: each stop is placed like a city, so that merge keeps stops apart
        city=True,
        date=when[0],
        precision=when[1] if when[0] else "unknown",
        format="in person",
        status="planned" if planned else "held" if past(verb) else None,
        trip=verb.idx + s.offset,
    )


def trips_in(doc: Document, s: Sentence) -> list[RoundMention]:
    """An envoy's trip whose date the readout verbs do not reach (round_words.json):

    - "will arrive in Ethiopia April 13": an arrival, dated by its own date phrase;
    - "returned from travel to Saudi Arabia today": the trip's meetings were held before the
      return, in its month (the text gives no day for them);
    - "will travel to Riyadh, Saudi Arabia and Amman, Jordan beginning July 25": the start
      of the trip hangs off "beginning"/"starting", not off the travel verb; the first stop
      carries the date, and joins the other stops through the trip id (round_merge).
    """
    out: list[RoundMention] = []
    for verb in s.sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or negated(verb):
            continue
        if lemma in _words("arrival_verbs"):
            date, precision = date_of(doc, s, list(s.sent), {verb.i})
            places = _trip_places(s, verb, frozenset({"in", "at"}))
            if date and places:
                out.append(_trip_mention(doc, s, verb, places[0], (date, precision)))
        elif lemma in _words("return_verbs") and past(verb):
            trips = [
                p
                for c in verb.children
                if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children
                if p.dep_ == "pobj" and p.lemma_.lower() in _words("trip_nouns")
            ]
            date, _ = date_of(doc, s, list(s.sent), {verb.i})
            for trip in trips:
                for ent in _trip_places(s, trip, frozenset({"to", "in"})):
                    month = date[:7] if date else None
                    out.append(_trip_mention(doc, s, verb, ent, (month, "month")))
        elif lemma in trip_verbs():
            starts = {c.i for c in verb.children if c.lower_ in _words("trip_start_words")}
            date, precision = date_of(doc, s, list(s.sent), starts) if starts else (None, "unknown")
            places = _trip_places(s, verb, frozenset({"to", "in"}))
            if date and places:
                out.append(_trip_mention(doc, s, verb, places[0], (date, precision)))
    return out


def trip_of(
    doc: Document, s: Sentence, verb: Token, date: str | None
) -> tuple[int | None, str | None]:
    """(trip id, last day) of a readout verb: a verb of travel ("travel", "visit") is one trip
    whatever number of places it names (round_merge._shuttles); its date phrase may be a range
    ("June 6-13")."""
    if verb.lemma_.lower() not in trip_verbs():
        return None, None
    trip = verb.idx + s.offset
    if date is None or len(date) != 10:
        return trip, None
    lo, hi = s.start, s.end
    for d in doc.dates:
        if d.value == date and lo <= d.start < hi:
            return trip, range_end(doc.body.text[d.end : d.end + 24], date)
    return trip, None
