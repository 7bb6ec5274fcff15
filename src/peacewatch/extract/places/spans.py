"""Place mentions in one parsed paragraph: which spans are places and what the text says of them.

Recognition: spaCy entity spans of any label whose name the gazetteer knows (GPE and LOC are kept
even when it does not, unresolved), plus capitalised proper-noun runs that the gazetteer knows
well (a country, region, curated place or sizeable city). "the X region" / "X Oblast" widen the
mention and ask for a region; "city of X", "the Kyiv suburb of X" ask for a town; a demonym on
the head noun ("the Ukrainian port city of X") narrows the country. "the U.S.-led" yields
"U.S."; "District of X" asks for the region X; "Connected Ireland" yields "Ireland". A name spaCy
labelled PERSON or ORG counts right after a place preposition ("drove to X"). Split out of
``extract.places.stage``, which resolves the spans of a whole document. The words for kinds of
place are data (lexicons/place_words.json, ``places.words``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from peacewatch.extract.places.words import is_word, place_words
from peacewatch.geo.gazetteer import Gazetteer, fold
from peacewatch.geo.resolver import Query, candidates

# Labels whose spans are places even when the gazetteer has no entry (kept, unresolved).
PLACE_LABELS = frozenset({"GPE", "LOC"})
# Labels never taken as places: numbers, dates and demonyms ("Ukrainian" is not Ukraine).
NEVER = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP", "LAW"}
)
REGION_WORDS = place_words().region
CITY_WORDS = place_words().city
# Words that name a kind of place: a name is never cut just before or after one.
GEO_WORDS = place_words().geo
# Directions and their compounds name no place on their own (GWN dev: "West" resolved to a
# region of Cameroon, "West Coast" to Western Australia).
COMPASS = place_words().compass

# A name found only by the gazetteer (spaCy saw no entity) must be unambiguous enough: a
# country, region, curated place, or a city this large. 100k: below it LGL/GWN gave more
# false positives (people's surnames, ordinary words) than hits.
GAZ_ONLY_MIN_POP = 100_000
# spaCy's LOC is seas, mountains, regions; it also labels some towns LOC (Saratoga, Chicopee).
# A town read from a LOC span must have this many people (GWN dev: "Atlantic" went to
# Atlantic, Iowa and "Middle East" to a Baltimore neighbourhood; LGL dev: towns above it).
LOC_MIN_POP = 20_000
# Entities spaCy labelled as something else (ORG, PERSON, ...) are places only when the
# gazetteer's best reading is this strong (Donbas tagged ORG, Irpin tagged PERSON).
OTHER_LABEL_MIN_POP = 20_000
# ... unless the name is the object of a place preposition ("driving to Castlegar", GWN dev:
# Castlegar tagged PERSON; LGL is full of small towns tagged so): then a town of 1000 people
# will do. Against 20,000 for all: GWN dev acc@161 0.899 -> 0.903 (its Nelson is the one near
# Castlegar), LGL dev F1 0.695 -> 0.696, held-out halves within one toponym. (Prepositions
# are closed-class grammar, so they stay in code.)
LOCATIVE_PREPS = frozenset({"in", "to", "near", "outside", "into", "toward", "towards"})
LOCATIVE_MIN_POP = 1000
# A name spaCy calls a person is a town only after a place preposition ("in Castlegar"); a
# country or region it names still counts ("Georgia"). ("Bush" was Bush, Egypt.)
PERSON_MIN_POP = 10**12
# Labels read from spaCy's own non-place entities (ORG, PERSON, EVENT, ...) rather than from a
# place label, the gazetteer alone ("GAZ"), a facility or a dateline: such a span is a place
# only on the strength of the gazetteer, so its reading must stay that strong (a PERSON "Paul",
# admitted as Paul, a region of Cape Verde, resolved to Paul, Idaho: peace-processes-state)
# and the document must support it (``stage._unsupported``).
OWN_LABELS = frozenset({"GAZ", "FAC", "DATELINE"})
# Organisations and facilities named after their place ("Ohio Department of Transportation",
# "University of Georgia"): a country, region, sea or macro-region at the head of the name or
# after its "of" is a place mention (LGL and GWN count them; issue 15: F1 up 0.01-0.02 on
# both sets, accuracy within 0.01 on all four halves). Never a town (the population bar is
# out of reach): "Dublin City Council" is as often Dublin, Ohio, and the towns cost LGL 0.5 %
# accuracy. Curated actors and outlets (the ruler's ids: "The New York Times") stay names.
EMBEDDING = frozenset({"ORG", "FAC"})
EMBEDDED_MIN_POP = 10**12
# ... and at the head of the name, a county by its full name ("Laurel County Sheriff's
# Office", "the Henderson County Jail"). Issue 15 (H8): the LGL even half missed 233 gold
# toponyms heading an organisation's or building's name, GWN's 47; counties: LGL even F1
# 0.775 -> 0.791 and acc@161 0.846 -> 0.857, GWN unchanged. Towns stay out: with those of
# 100,000+ ("Toronto Transit Commission") GWN even acc@161 fell 0.943 -> 0.937 ("Cambridge
# Analytica", "Dublin International Piano Competition", "Liverpool Academy" in Cairo).

# A shortened word with its period ("Va.", "Miss.", "Wash."), not an initialism ("U.S.").
_ABBR_WORD = re.compile(r"^[A-Z][a-z]+\.$")
_CODE = re.compile(r"^[A-Z]{2,3}$")


@dataclass
class _Span:
    start: int  # paragraph-relative
    end: int
    query: Query
    label: str
    para: int


def _strong(g: Gazetteer, ids: tuple[int, ...], min_pop: int) -> bool:
    for i in ids:
        f = g.feature[i]
        if (
            f in ("country", "region", "continent", "landmark", "sea", "macro")
            or g.population[i] >= min_pop
        ):
            return True
    return False


def _heads_a_name(g: Gazetteer, text: str) -> bool:
    """A county by its full name ("Laurel County"), not by a bare "Laurel", heading an
    organisation's name."""
    if len(text.split()) < 2 or text.split()[-1].lower() not in REGION_WORDS:
        return False
    return any(g.feature[i] == "county" for i in candidates(g, text))


def _own_names(g: Gazetteer, r: _Reading, label: str) -> tuple[int, ...]:
    """The candidates that can overrule spaCy's non-place label: towns by their own name or a
    curated exonym only, never by one of GeoNames' foreign alternate names ("Hamas" is a
    Lithuanian name of Hamm, "Abbas" one of Fort Abbas: peace-processes-state had 57 such
    places), and never by an acronym ("NATO" is no town Nato); countries and regions by any name."""
    if label in PLACE_LABELS:
        return r.ids
    key = fold(r.lookup)
    acronym = r.lookup.isupper() and len(r.lookup) <= 4  # "NATO"; not a dateline "OMAHA"
    return tuple(
        i
        for i in r.ids
        if g.feature[i] != "city"
        or (not acronym and (fold(g.names[i]) == key or g.exonyms.get(key) == i))
    )


def _split_suffix(text: str) -> tuple[str, str | None]:
    """("Kherson Oblast" -> "Kherson", "region"); names without such a last word unchanged."""
    words = text.split()
    if len(words) > 1:
        last = words[-1].lower()
        if last in REGION_WORDS:
            return " ".join(words[:-1]), "region"
        if last in CITY_WORDS:
            return " ".join(words[:-1]), "city"
    return text, None


def _head_noun_hints(g: Gazetteer, span: Span) -> tuple[str | None, set[str]]:
    """Feature and country hints from the noun the mention hangs off ("port city of X")."""
    root = span.root
    nouns = [root]
    if (
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.pos_ in ("NOUN", "PROPN")
    ):
        nouns.append(root.head.head)
    elif root.dep_ == "appos":
        nouns.append(root.head)
    feature: str | None = None
    countries: set[str] = set()
    for n in nouns:
        if n is not root:
            lemma = n.lemma_.lower()
            if lemma in CITY_WORDS:
                feature = "city"
            elif lemma in REGION_WORDS:
                feature = "region"
        for child in n.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < span.start:
                cc = g.demonyms.get(fold(child.text))
                if cc:
                    countries.add(cc)
    return feature, countries


def _spans_in(g: Gazetteer, sd: Doc, para: int, known: frozenset[str] = frozenset()) -> list[_Span]:
    """The place spans of one parsed paragraph: place entities first, then entities of other
    labels, then proper-noun runs outside any entity; a token belongs to one span at most.
    ``known``: the folded names of towns the document names as places elsewhere; one of them
    heading an organisation's name is that town ("Paris Public Library" in a story on Paris)."""
    finder = _Finder(g, sd, para, known)
    for ent in sd.ents:
        if ent.label_ in PLACE_LABELS or ent.label_ == "FAC":
            finder.add(ent.start, ent.end, ent.label_, None if ent.label_ in PLACE_LABELS else 0)
    for ent in sd.ents:
        if ent.label_ not in NEVER and ent.label_ not in PLACE_LABELS and ent.label_ != "FAC":
            pop = LOCATIVE_MIN_POP if _after_locative(ent) else OTHER_LABEL_MIN_POP
            if ent.label_ == "PERSON" and pop == OTHER_LABEL_MIN_POP:
                pop = PERSON_MIN_POP
            elif pop == LOCATIVE_MIN_POP and is_word(ent.text, sd):
                # "in Congress", "to Paul": an English word or first name after a preposition
                # is the institution or the person; a town of it must be large
                # (peace-processes-state: Congress, Arizona, 1,975 people).
                pop = OTHER_LABEL_MIN_POP
            finder.add(ent.start, ent.end, ent.label_, pop)
    for ent in sd.ents:
        if ent.label_ in EMBEDDING and not ent.ent_id_ and not any(finder.taken[t.i] for t in ent):
            finder.embedded(ent)
    for first, last in _propn_runs(sd):
        pop = LOCATIVE_MIN_POP if _after_locative(sd[first:last]) else GAZ_ONLY_MIN_POP
        finder.add(first, last, "GAZ", pop)
    return finder.spans


@dataclass
class _Bounds:
    """Token bounds of a candidate name, and what the words cut from its front said."""

    first: int
    last: int
    city_of: bool = False  # "City of Norfolk": a town
    region_of: bool = False  # "District of Massachusetts": a region


@dataclass(frozen=True, slots=True)
class _Reading:
    """How a candidate span is looked up in the gazetteer."""

    first: int  # token bounds of the span finally read (a tail of the candidate, or all of it)
    span: Span
    lookup: str  # the text looked up
    mention: str  # the text recorded; its length gives the mention's end
    text: str  # the candidate's text without a region or city word at its end
    suffix: str | None  # "region" or "city" when such a word ended the candidate
    ids: tuple[int, ...]  # gazetteer candidates of ``lookup``


class _Finder:
    """The place spans of one paragraph, added one candidate (token range) at a time."""

    def __init__(self, g: Gazetteer, sd: Doc, para: int, known: frozenset[str]) -> None:
        self.g, self.sd, self.para, self.known = g, sd, para, known
        self.spans: list[_Span] = []
        self.taken = [False] * (len(sd) + 1)

    def add(self, first: int, last: int, label: str, strong_pop: int | None) -> bool:
        """Keep tokens ``first:last`` (with ``label``) as a place if they name one.

        ``strong_pop``: the population a city reading needs (None: no gazetteer entry needed).
        True when it was kept.
        """
        g, sd = self.g, self.sd
        b = self._strip(first, last)
        if b.first >= b.last or any(self.taken[b.first : b.last]):
            return False
        end = self._extend(b.first, b.last)
        if end is None:
            return False
        b.last = end
        if fold(sd[b.first : b.last].text) in g.demonyms:
            return False  # "Ukrainian", "Sri Lankan" are not places
        if label in PLACE_LABELS:
            end = self._shrink(b.first, b.last)
            if end is None:
                return False
            b.last = end
        if b.last < len(sd) and sd[b.last].lower_ in REGION_WORDS and not self.taken[b.last]:
            b.last += 1
        span = sd[b.first : b.last]
        if self._not_a_name(span, b.first, label):
            return False
        r = self._reading(span, b, label)
        if strong_pop is not None and not _strong(g, _own_names(g, r, label), strong_pop):
            return False
        if not r.ids and label not in PLACE_LABELS:
            return False
        self._keep(r, b, label, strong_pop)
        return True

    def embedded(self, ent: Span) -> None:
        """The well-known place heading an organisation's name, following its "of", or (a
        country) ending it."""
        sd = self.sd
        head = ent.start + (sd[ent.start].lower_ == "the")
        tails = [j + 1 for j in range(head, ent.end - 1) if sd[j].lower_ == "of"]
        for first in (head, *tails):
            for last in range(ent.end - (first == head), first, -1):
                sub = sd[first:last]
                if (
                    sub.text[:1].isupper()
                    and not sd[last - 1].is_punct  # "Maghreb-" of "Maghreb-Europe pipeline"
                    # a direction is no place ("Western State University"; "West Virginia" is)
                    and not (
                        sd[first].lower_ in COMPASS
                        and (last - first == 1 or sd[first + 1].lower_ in GEO_WORDS)
                    )
                    and sd[first].lower_ not in GEO_WORDS
                    and sd[last - 1].lower_ not in GEO_WORDS
                    and _strong(self.g, candidates(self.g, sub.text), EMBEDDED_MIN_POP)
                    and self.add(first, last, "GAZ", EMBEDDED_MIN_POP)
                ):
                    return
                if (
                    first == head
                    and (_heads_a_name(self.g, sub.text) or fold(sub.text) in self.known)
                    and self.add(first, last, "GAZ", None)
                ):
                    return
        # A country inside or ending the name ("Air Zimbabwe", "SME Mauritius Limited"); not
        # a region, many of which are words. (An unknown head word, "Air", no longer stops
        # the search: issue 15, H8.)
        for first in range(head + 1, ent.end):
            for last in range(ent.end, first, -1):
                sub = sd[first:last]
                ids = candidates(self.g, sub.text)
                if (
                    sub.text[:1].isupper()
                    and any(self.g.feature[i] == "country" for i in ids)
                    and self.add(first, last, "GAZ", EMBEDDED_MIN_POP)
                ):
                    return

    def _strip(self, first: int, last: int) -> _Bounds:
        """Drop a leading "the" (or "a"), "City of" / "District of", and a trailing possessive."""
        sd = self.sd
        # Skip a leading "the" and a trailing possessive ("North Carolina's").
        while first < last and sd[first].lower_ == "the":
            first += 1
        # "A Danbury stonework mason": spaCy's span may take in an indefinite article (LGL
        # even; the tagger read that "A" as NNP, so no tag test); not a name that begins so
        # ("A Coruña", "An Nasiriyah"), which the gazetteer knows whole.
        if (
            last - first > 1
            and sd[first].lower_ in ("a", "an")
            and not candidates(self.g, sd[first:last].text)
        ):
            first += 1
        # "City of Norfolk", "Town of Hopkinton": the name is what follows, and it is a town.
        city_of = (
            last - first > 2 and sd[first].lower_ in CITY_WORDS and sd[first + 1].lower_ == "of"
        )
        if city_of:
            first += 2
        # "District of Massachusetts", "Province of Quebec": the name follows and is a region,
        # unless the whole phrase is itself a name ("District of Columbia", "Republic of Korea").
        region_of = (
            last - first > 2
            and sd[first].lower_ in REGION_WORDS
            and sd[first + 1].lower_ == "of"
            and not candidates(self.g, sd[first:last].text)
        )
        if region_of:
            first += 2
        while last > first and sd[last - 1].tag_ == "POS":
            last -= 1
        return _Bounds(first, last, city_of, region_of)

    def _extend(self, first: int, last: int) -> int | None:
        """The end of the name when spaCy stopped short of it; None when it is a demonym's
        first word ("Sri" of "Sri Lankan")."""
        g, sd = self.g, self.sd
        # spaCy sometimes stops short of a two-word name ("Kryvyi" of "Kryvyi Rih").
        while (
            last < len(sd)
            and last - first < 4
            and sd[last].pos_ == "PROPN"
            and not self.taken[last]
            and candidates(g, sd[first : last + 1].text)
        ):
            last += 1
        # ... or runs past it ("U.S.-led", "St. Louis Police"): keep the longest known prefix.
        if last < len(sd) and fold(sd[first : last + 1].text) in g.demonyms:
            return None  # "Sri" of "Sri Lankan"
        # A sentence-final abbreviation loses its period to the tokenizer ("... in W.Va.").
        if last < len(sd) and sd[last].text == "." and g.ids_upper(sd[first:last].text + "."):
            last += 1
        return last

    def _shrink(self, first: int, last: int) -> int | None:
        """The longest known prefix of a place entity that ran past its name; None when the
        cut would fall at a compass word ("Far East" is not "Far")."""
        g, sd = self.g, self.sd
        shrunk = last
        while shrunk > first + 1 and (
            sd[shrunk - 1].is_punct or not candidates(g, sd[first:shrunk].text)
        ):  # never ending on a hyphen: "Maghreb-" of "Maghreb-Europe"
            shrunk -= 1
        # A tail that names a kind of place makes another, smaller place: "Meadow" of
        # "Meadow Grove", "Tennessee" of "Tennessee Colony", "River" of "River Lune" are
        # wrong (LGL dev); "St. Louis" of "St. Louis Police" and "U.S." of "U.S.-led" right.
        if shrunk < last and (sd[shrunk].lower_ in COMPASS or sd[first].lower_ in COMPASS):
            return None  # "Far East" is not "Far" (Pharr, Texas), "West Wing" not "West"
        if (
            shrunk < last
            and sd[shrunk].lower_ not in GEO_WORDS
            and not (shrunk == first + 1 and sd[first].lower_ in GEO_WORDS)
            and candidates(g, sd[first:shrunk].text)
        ):
            return shrunk
        return last

    def _not_a_name(self, span: Span, first: int, label: str) -> bool:
        """A demonym, a direction, or an abbreviation outside the place of one."""
        g, sd = self.g, self.sd
        key = fold(span.text)
        if key in g.demonyms or key in COMPASS:
            return True  # "Ukrainian" is not Ukraine; "the West" is no town in Cameroon
        after_comma = first > 0 and sd[first - 1].text == ","
        if _ABBR_WORD.match(span.text) and g.ids_upper(span.text) and not after_comma:
            # "Va." only as in "Alexandria, Va."; "Miss." is also a title. Initialisms stand
            # alone: "U.S.", "D.C." (GWN and LGL dev: "the U.S." was missed 38 and 49 times).
            return True
        # A state's code ("SC", "IN", "OR") only as in "Greenville, SC", or where spaCy
        # itself saw a place ("flights to WA").
        return bool(
            _CODE.match(span.text)
            and label not in PLACE_LABELS
            and not after_comma
            and all(g.feature[i] == "region" for i in g.ids_upper(span.text))
        )

    def _reading(self, span: Span, b: _Bounds, label: str) -> _Reading:
        """What to look up for ``span``: the name, without a region or city word, the part
        before a hyphen, or the well-known place at its tail."""
        g, sd = self.g, self.sd
        text, suffix = _split_suffix(span.text)
        lookup = span.text if candidates(g, span.text) else text
        r = _Reading(b.first, span, lookup, span.text, text, suffix, candidates(g, lookup))
        if not r.ids and b.last - b.first == 1:
            # One token "U.S.-led", "Kyiv-based": the place is the part before the hyphen
            # (GWN dev: "the U.S.-led coalition"); names joined by a hyphen stay whole.
            head, _, tail = span.text.partition("-")
            # ... and in "U.S.-Israel talks", one token, the first of two places.
            pair = tail[:1].isupper() and bool(candidates(g, tail))
            if (
                head
                and (tail.islower() or pair)
                and fold(head) not in g.demonyms
                and candidates(g, head)
            ):
                r = _Reading(b.first, span, head, head, text, None, candidates(g, head))
        if not r.ids and label in PLACE_LABELS:
            # spaCy ran a word into the name ("Connected Ireland", "Digital Kenya"): the longest
            # tail that is a well-known place is the place (such spans stayed unresolved; all
            # halves: GWN +5, LGL +7 toponyms).
            for j in range(b.first + 1, b.last):
                tail_span = sd[j : b.last]
                tids = candidates(g, tail_span.text)
                # Not a kind of place alone: "Delta" of "Mekong Delta" is no Delta State.
                if (
                    tail_span.text[:1].isupper()
                    and sd[j].lower_ not in GEO_WORDS
                    and fold(tail_span.text) not in COMPASS
                    and _strong(g, tids, GAZ_ONLY_MIN_POP)
                ):
                    t = tail_span.text
                    return _Reading(j, tail_span, t, t, text, None, tids)
        return r

    def _keep(self, r: _Reading, b: _Bounds, label: str, strong_pop: int | None) -> None:
        """Record the span with its query and take its tokens."""
        feature, countries = _head_noun_hints(self.g, r.span)
        if b.city_of:
            feature = "city"
        if b.region_of:
            feature = "region"
        hint = r.suffix or feature
        # A span of spaCy's non-place label resolves among the readings that admitted it, or a
        # town of OTHER_LABEL_MIN_POP: a PERSON "Alexandria" admitted by Egypt's governorate is
        # still Alexandria, Louisiana (47,000) in a Louisiana paper (LGL even), "Paul" no
        # Paul, Idaho (1,000).
        own_pop = 0
        if label not in PLACE_LABELS | OWN_LABELS:
            own_pop = min(strong_pop or 0, OTHER_LABEL_MIN_POP)
        q = Query(
            text=r.lookup,
            feature_hint=hint,
            countries=frozenset(countries),
            region_only=r.suffix == "region" and r.lookup == r.text and r.text != r.span.text,
            # The text's own "town of X" outweighs spaCy's LOC label (GWN dev: "the town of
            # Southold", a LOC, went to South Bend, whose alternate names list it).
            min_city_pop=LOC_MIN_POP if label == "LOC" and hint != "city" else own_pop,
            township=r.span.text.split()[-1].lower() == "township",
        )
        start = r.span.start_char
        self.spans.append(_Span(start, start + len(r.mention), q, label, self.para))
        for t in range(r.first, b.last):
            self.taken[t] = True


def _after_locative(span: Span) -> bool:
    """The name is the object of a place preposition: "driving to Castlegar", "in Irpin"."""
    root = span.root
    return bool(
        root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPS and span.start == root.head.i + 1
    )


def _propn_runs(sd: Doc) -> Iterator[tuple[int, int]]:
    """Runs of capitalised proper nouns outside any entity (at most four tokens)."""
    i = 0
    while i < len(sd):
        t = sd[i]
        if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.ent_type_:
            j = i
            while j < len(sd) and j - i < 4 and sd[j].pos_ == "PROPN" and not sd[j].ent_type_:
                j += 1
            yield i, j
            i = j
        else:
            i += 1
