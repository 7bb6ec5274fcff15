"""Places recognised in the body and resolved with the offline gazetteer.

Recognition is ``places.spans`` (one paragraph at a time). Here, for the whole document:
a ", Country" or ", State" after a name narrows the name before it; a bare surname of a person
the text names in full is not a place. Resolution: ``peacewatch.geo.resolver``, with the
text's demonyms as country context too. Metonymy: a country, capital or seat of government
that is the subject of a verb or the owner of a stance noun stands for its government.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from typing import cast

from spacy.tokens import Doc, Span

from peacewatch.extract.places import datelines
from peacewatch.extract.places.spans import (
    EMBEDDING,
    OWN_LABELS,
    PLACE_LABELS,
    _Span,
    _spans_in,
)
from peacewatch.extract.places.words import is_word, place_words
from peacewatch.geo.gazetteer import Entry, Gazetteer, fold, load
from peacewatch.geo.resolver import Query, candidates, resolve_all
from peacewatch.records import Document, Place
from peacewatch.vocab import PlacePrecision

# A name that is also a city this large ("New York") is a list item, not a qualifier, when
# another place follows it in the list.
LIST_CITY_POP = 100_000
# "... and Madison counties"
COUNTIES = re.compile(r"\s+counties\b")
# "the New York border", "the Ohio state line": the name before is a state or a country.
BORDER = re.compile(r"\s+(?:border|borders|state line)\b")
# ... unless the item names a state ("Indiana counties"); not a parish of 8,000 (Ramsey,
# Isle of Man, in "Ramsey and Hennepin counties").
STATE_POP = 250_000
LIST_SEPARATORS = (",", "and", ", and", "or", ", or", "&")
# The nouns of a government body's name ("the Indiana Department of Workforce Development",
# "Georgia Bureau of Investigation", "Kentucky Court of Appeals"): a region opening such a name
# is the story's own. Teams and universities are not ("Mississippi State", "Texas A&M"): a
# sports story names many states (GWN even: Louisville went to Mississippi).
GOVERNMENT_BODIES = frozenset(
    {
        "department",
        "bureau",
        "police",
        "patrol",
        "commission",
        "court",
        "legislature",
        "senate",
        "assembly",
        "agency",
        "office",
        "division",
        "board",
        "authority",
    }
)
# The first word of a town's own bodies ("Athens Police Department", "Dublin City Council").
LOCAL_BODIES = frozenset({"police", "city", "fire", "town", "township", "village", "municipal"})
# A word written in lower case (for ``_supported``).
LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
# Nouns whose owner stands for its government (lexicons/place_words.json).
STANCE_NOUNS = place_words().stance_nouns
# A place that acts: an active subject or the agent of a passive ("was rejected by Kyiv"); a
# passive subject (``nsubjpass``, in ``parse.syntax.SUBJECT_DEPS``) suffers the act instead.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "agent"})


def _qualify(spans: list[_Span], g: Gazetteer, texts: list[str]) -> None:
    """ "Springfield, Illinois" / "Kharkiv, Ukraine": the second name narrows the first.

    Not inside a list of places: in "Chicago, New York, Boston and Denver" New York is the
    next item, not Chicago's state (GWN held-out: a capital went to a small town in New York
    State, +1; LGL unchanged). "Paris, Tenn., and Murray, Ky." still qualifies: Tenn. is no city."""
    for k, (a, b) in enumerate(pairwise(spans)):
        if a.para != b.para or texts[a.para][a.end : b.start].strip() != ",":
            continue
        ids = candidates(g, b.query.text)
        c = spans[k + 2] if k + 2 < len(spans) else None
        listed = (
            c is not None
            and c.para == b.para
            and texts[b.para][b.end : c.start].strip() in LIST_SEPARATORS
        )
        big = any(g.feature[i] == "city" and g.population[i] >= LIST_CITY_POP for i in ids)
        if listed and big:
            continue
        cc = {g.country[i] for i in ids if g.feature[i] == "country"}
        ad = {g.admin1[i] for i in ids if g.feature[i] == "region"}
        if (cc or ad) and not _same_rank(g, a.query.text, bool(cc)):
            # The state is the fallback answer only when it surely qualifies: not a list item
            # ("Hostomel, Vasylkiv, Kherson, Mariupol": official-2022) nor a city-state
            # ("Copenhagen, Hamburg").
            sure = not listed and not big
            within = tuple(i for i in ids if g.feature[i] == "region") if sure else ()
            a.query = replace(
                a.query,
                countries=a.query.countries | cc,
                admin1=a.query.admin1 | frozenset(ad),
                within=a.query.within + within,
            )


def _same_rank(g: Gazetteer, name: str, country_follows: bool) -> bool:
    """ "Saipan, Guam, Alaska, Hawaii": a country or state is not in the state that follows it,
    nor a country in another country: such names are a list ("Guam, Alaska" put Guam in
    Alaska). Judged by the name's largest reading ("Alaska" the state, not Alaska, WV);
    "Georgia, US" and "Crimea, Ukraine" still qualify."""
    ids = candidates(g, name)
    if not ids:
        return False
    top = g.feature[max(ids, key=lambda i: g.population[i])]
    return top == "country" or (top == "region" and not country_follows)


def _filed_at_home(spans: list[_Span], g: Gazetteer, home: str) -> None:
    """A dateline without its state ("NEWARK --") is a town of the publisher's home state, when
    it has one of that name: the paper files from its own town (LGL even half: datelines went to
    the larger namesake in another state)."""
    for s in spans:
        q = s.query
        if q.dateline and not q.admin1 and not q.countries:
            ids = candidates(g, q.text)
            if any(g.feature[i] == "city" and g.admin1[i] == home for i in ids):
                s.query = replace(q, admin1=frozenset({home}))


def _borders(spans: list[_Span], texts: list[str]) -> None:
    """ "near the New York border": a name before "border" is a state or a country, not the
    city of the name (LGL even: New York City, 283 km from the state's point)."""
    for s in spans:
        if not s.query.feature_hint and BORDER.match(texts[s.para][s.end :]):
            s.query = replace(s.query, feature_hint="region")


def _plural_counties(spans: list[_Span], g: Gazetteer, texts: list[str]) -> None:
    """ "Barrow, Jackson and Madison counties": every item of the list is a county, looked up by
    its full name ("Jackson County"), not the town Jackson. LGL (local US news) writes county
    lists so; the even half had 11 such toponyms resolved to towns or to other states' towns.
    A state before "counties" says whose counties they are ("Indiana counties")."""
    k = len(spans) - 1
    while k >= 0:
        s = spans[k]
        ends = s.query.text.lower().endswith(" counties")  # spaCy's "Hennepin counties"
        if not ends and not COUNTIES.match(texts[s.para][s.end :]):
            k -= 1
            continue
        j = k
        while j > 0 and spans[j - 1].para == s.para:
            if texts[s.para][spans[j - 1].end : spans[j].start].strip() not in LIST_SEPARATORS:
                break
            j -= 1
        # "Indiana counties", "Ohio and Indiana counties": states' counties. But a state's name
        # among county names is a county too ("Dakota, Otoe and Washington counties": LGL even,
        # Washington went to the capital).
        items = [_county_name(t.query) for t in spans[j : k + 1]]
        states = all(_is_state(g, t) for t in items)
        for t in spans[j : k + 1]:
            _as_county(t, g, states)
        k = j - 1


def _county_name(q: Query) -> str:
    return q.text[: -len(" counties")] if q.text.lower().endswith(" counties") else q.text


def _is_state(g: Gazetteer, text: str) -> bool:
    return any(
        g.feature[i] == "country" or (g.feature[i] == "region" and g.population[i] >= STATE_POP)
        for i in candidates(g, text)
    )


def _as_county(s: _Span, g: Gazetteer, states: bool = True) -> None:
    q = replace(s.query, text=_county_name(s.query))
    if q.feature_hint or q.text.split()[-1].lower() == "county":
        return
    if states and _is_state(g, q.text):
        return
    s.query = replace(q, text=q.text + " County", feature_hint="region", region_only=True)


def _document_spans(g: Gazetteer, parses: tuple[Doc, ...]) -> list[_Span]:
    """Every paragraph's place spans; a paragraph with an organisation's name headed by a town
    the document names elsewhere is read again with those towns known ("Paris Public Library"
    in a story about Paris, Illinois). Issue 15 (H8): such heads were the largest class of
    missed toponyms in the LGL even half; a town's name alone heading one is too often
    another place ("Cambridge Analytica", "Dublin International Piano Competition")."""
    per_para = [_spans_in(g, sd, k) for k, sd in enumerate(parses)]
    known = frozenset(
        fold(s.query.text)
        for spans in per_para
        for s in spans
        # spaCy, too, saw a place there, and a town has that name as its own: "Air" (GPE in
        # "on air Zimbabwe") is only an alternate name of Air Khas, India, and would take
        # every "Air Zimbabwe" (GWN even: 5 false places).
        if s.label in PLACE_LABELS
        and any(
            g.feature[i] == "city" and fold(g.names[i]) == fold(s.query.text)
            for i in candidates(g, s.query.text)
        )
    )
    for k, sd in enumerate(parses):
        heads = {
            fold(ent[int(ent[0].lower_ == "the") :][:n].text)
            for ent in sd.ents
            if ent.label_ in EMBEDDING
            for n in (1, 2, 3)
        }
        if heads & known:
            per_para[k] = _spans_in(g, sd, k, known)
    return [s for spans in per_para for s in spans]


def _org_regions(g: Gazetteer, parses: tuple[Doc, ...]) -> list[int]:
    """First-level regions whose name opens a government body's ("the Indiana Department of
    Workforce Development", "Ohio State Highway Patrol"): a local story's state agencies say
    which state it is in (issue 15, LGL even half: Boone County went to Kentucky in an Indiana
    story). Only a name that is one region's, and no country's or large town's."""
    out: list[int] = []
    for sd in parses:
        for ent in sd.ents:
            if ent.label_ != "ORG" or not any(t.lower_ in GOVERNMENT_BODIES for t in ent):
                continue
            words = ent[int(ent[0].lower_ == "the") :]
            for n in (1, 2):
                key = fold(words[:n].text)
                ids = candidates(g, words[:n].text) if len(words) > n else ()
                if any(
                    g.feature[i] == "country"
                    or (g.feature[i] == "city" and g.population[i] >= LIST_CITY_POP)
                    for i in ids
                ):
                    break  # "Georgia's Ministry", "Dublin City Council": not surely a region
                regions = [
                    i
                    for i in ids
                    if g.feature[i] == "region" and g.admin1[i] and fold(g.names[i]) == key
                ]
                if len(regions) == 1:  # "Eastern", "Florida" (US, Uruguay): no one region
                    out += regions
    return out


def _org_towns(g: Gazetteer, parses: tuple[Doc, ...]) -> list[Query]:
    """Towns that name a local government body ("the Athens Police Department", "Dublin City
    Council"): the story's own town, context for its other places though not a mention
    (issue 15, LGL even half: Henderson County went to North Carolina in a story of the
    Athens, Texas police). Only a name that is a town's own and no country's or region's."""
    out: list[Query] = []
    for sd in parses:
        for ent in sd.ents:
            if ent.label_ != "ORG":
                continue
            words = ent[int(ent[0].lower_ == "the") :]
            for n in (1, 2):
                if len(words) <= n or words[n].lower_ not in LOCAL_BODIES:
                    continue
                name = words[:n].text
                ids = candidates(g, name)
                own = [i for i in ids if fold(g.names[i]) == fold(name)]
                if any(g.feature[i] == "city" for i in own) and not any(
                    g.feature[i] in ("country", "region") for i in own
                ):
                    out.append(Query(name, feature_hint="city"))
    return out


def _person_words(parses: tuple[Doc, ...]) -> set[str]:
    """The words of the document's full personal names ("Tom Evans", "Barry Smith")."""
    return {
        fold(t.text)
        for sd in parses
        for ent in sd.ents
        if ent.label_ == "PERSON" and len(ent) > 1
        for t in ent
        if t.text[:1].isupper()
    }


def _names_a_person(g: Gazetteer, s: _Span, persons: set[str]) -> bool:
    """A bare "Evans" in a text that names Tom Evans is him, not Evans, Georgia (GWN dev:
    "Evans says" pulled Rome to Georgia). A country or region keeps its place reading
    ("Georgia" in a text naming Georgia Smith), and so does a name the text marks as a place
    ("the town of X"). Recognition F1 GWN dev 0.718 -> 0.732, LGL dev 0.696 -> 0.724, and
    accuracy@161 up on all four halves."""
    q = s.query
    if q.feature_hint or q.countries or fold(q.text) not in persons:
        return False
    # Counties do not count as regions here: they are named after people (Fairfield, Logan),
    # and "Elizabeth Fairfield ... Fairfield said" is her, not an Australian LGA (LGL even).
    return not any(g.feature[i] not in ("city", "county") for i in candidates(g, q.text))


def _metonymy(g: Gazetteer, e: Entry | None, span: Span) -> bool:
    if e is None:
        return False
    if not (e.feature == "country" or e.id in g.capitals or e.government):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head  # "Kyiv and Moscow said"
    if root.dep_ in SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX"):
        return True
    if root.dep_ == "poss" and root.head.lower_ in STANCE_NOUNS:
        return True
    # "negotiators from Kyiv", "the delegation of Russia"
    return (
        root.dep_ == "pobj"
        and root.head.lower_ in ("from", "of")
        and root.head.head.lower_ in STANCE_NOUNS
    )


def places_for(
    doc: Document, g: Gazetteer | None = None, home: str | None = None
) -> tuple[Place, ...]:
    """``home``: the publisher's first-level region (``homes.learn_homes``), context as its
    state agencies are."""
    g = g or load()
    body = doc.body.text
    texts = [body[p.start : p.end] for p in doc.body.paragraphs]
    persons = _person_words(doc.parses)
    dated = datelines.dateline_spans(g, texts, persons)
    spans = datelines.merge(_document_spans(g, doc.parses), dated)
    spans.sort(key=lambda s: (s.para, s.start))
    spans = [s for s in spans if not _names_a_person(g, s, persons)]
    _plural_counties(spans, g, texts)
    _qualify(spans, g, texts)
    _borders(spans, texts)
    if home:
        _filed_at_home(spans, g, home)
    # "Ukrainian officials said Odessa port ...": the demonyms say where the story is, too.
    # Neutral on GWN/LGL dev; it keeps Odessa in Ukraine in a text that names the US.
    demonyms = [
        g.demonyms[fold(ent.text)]
        for sd in doc.parses
        for ent in sd.ents
        if fold(ent.text) in g.demonyms
    ]
    entries = resolve_all(
        g,
        [s.query for s in spans],
        demonyms,
        _org_regions(g, doc.parses) + (g.region_ids(home) if home else []),
        _org_towns(g, doc.parses),
    )
    out: list[Place] = []
    for s, e in _supported(spans, entries, body, doc.parses, demonyms):
        sd = doc.parses[s.para]
        off = doc.body.paragraphs[s.para].start
        span = sd.char_span(s.start, s.end, alignment_mode="expand")
        out.append(
            Place(
                mention=body[off + s.start : off + s.end],
                start=off + s.start,
                end=off + s.end,
                name=e.name if e else None,
                lat=round(e.lat, 5) if e and e.lat is not None else None,
                lon=round(e.lon, 5) if e and e.lon is not None else None,
                country=e.country if e else None,
                admin1=e.admin1 if e and e.feature != "country" else None,
                feature=_feature(e),
                geonameid=e.geonameid if e else None,
                metonymy=span is not None and _metonymy(g, e, span),
            )
        )
    return tuple(out)


def _supported(
    spans: list[_Span],
    entries: list[Entry | None],
    body: str,
    parses: tuple[Doc, ...],
    demonyms: list[str],
) -> list[tuple[_Span, Entry | None]]:
    """The spans the document supports as places.

    A span spaCy gave a non-place label (ORG, PERSON) is a town or region only in a country the
    document's other places or demonyms name: "from McDonald's to Toyota" in a text on Russia
    is the company, not Toyota, Japan (peace-processes-state); with no other place, nothing
    speaks against it. A single word left unresolved is no place when it is an English word
    (``places.words.is_word``) or the document writes it in lower case: "the Ceasefire and
    Transitional Security Arrangements Monitoring Mechanism", "Iron Dome", "the Kingdom"
    (peace-processes-state). Acronyms stay ("USSR")."""
    pairs = list(zip(spans, entries, strict=True))
    support = set(demonyms) | {
        e.country
        for s, e in pairs
        if e is not None and e.country and (s.label in PLACE_LABELS or s.label in OWN_LABELS)
    }
    lower: set[str] | None = None
    out = []
    for s, e in pairs:
        other = s.label not in PLACE_LABELS and s.label not in OWN_LABELS
        # A document naming no other place says nothing against it ("travelled to Revelstoke").
        far = (
            e is not None and e.feature in ("city", "county", "region") and e.country not in support
        )
        if other and (e is None or (support and far)):
            continue
        if e is None and " " not in s.query.text and not s.query.text.isupper():
            lower = set(LOWER_WORD.findall(body)) if lower is None else lower
            if s.query.text.lower() in lower or is_word(s.query.text, parses[s.para]):
                continue
        out.append((s, e))
    return out


def _feature(e: Entry | None) -> PlacePrecision | None:
    if e is None:
        return None
    # The gazetteer's classes are city, county, region, country, continent, macro (macro-
    # regions such as "North Africa") and landmark; the output's precision has four.
    if e.feature in ("continent", "county", "macro"):
        return "region"
    return cast(PlacePrecision, e.feature)


def extract_places(doc: Document) -> Document:
    if not doc.parses:
        return doc
    # A place that is part of a longer person's name is none: "Téte António" is Angola's
    # foreign minister, not Tete, Mozambique (issue 15: the actor base wins over the gazetteer
    # for people's names). A whole name the model tagged PERSON ("Irpin") stays the places
    # stage's to decide.
    people = [(m.start, m.end) for e in doc.entities if e.type == "PERSON" for m in e.mentions]
    places = tuple(
        p
        for p in places_for(doc)
        if not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in people)
    )
    return replace(doc, places=places)
