"""A publisher's home region, learnt from its own stories (issue 15: the paper's home state).

Local news seldom says where it is: "Newark police" in the Newark Advocate is Newark, Ohio, and
nothing in the story says Ohio. Its other stories do (Licking County, Columbus, "Ohio State
Highway Patrol"). So the places of every story of one publisher, resolved first without a home,
vote for the first-level regions they lie in, one vote per story and region; the region that
at least 40 % of its stories name is the publisher's home, and is then context for each of its
stories as a state agency is (``resolver.resolve_all``'s ``org_regions``). No gold, no list of
papers: only the publisher's name on each document (``Metadata.publisher``, its web domain) and
the first pass's own readings.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import urlsplit

from peacewatch.records import Document, Metadata, Place

# A home needs this many stories of the publisher to vote: below it a story's own places would
# be most of the evidence for its own context.
MIN_STORIES = 3
# ... and the region must be named by at least this share of the stories that name any region
# below a country: a national paper's stories spread over many states and get no home. 0.4,
# not 0.5: the first pass's own errors vote too (a Hartford paper's "Windsor" went to Ontario),
# and at 0.5 such papers got no home (LGL even half: 0.5 -> 0.4 +12 toponyms, 0.34 the same).
MIN_SHARE = 0.4
# Places precise enough to say which region a story is in.
LOCAL_FEATURES = frozenset({"city", "region"})  # a county is "region" precision


# In a window of a stream (the analysis loop's chunk of 16 stories) a topical burst looks like a
# home: 6 of 7 State Department stories of one chunk name Gaza, 6 of 16 the West Bank
# (peace-processes-state). There a home needs this many of the publisher's stories in the
# window, and the region must be named by this share of all of them, not of those that name a
# region. Chosen on LGL's even half, 16-story chunks in file order: (3, 0.4 of naming) 0.934,
# (6, 0.5 of all) 0.924, (4, 0.6) 0.919, (8, 0.5) 0.900, none 0.897 (odd: 0.885, 0.870).
WINDOW_MIN_STORIES = 6
WINDOW_MIN_SHARE = 0.5


def learn_homes(
    stories: Iterable[tuple[str | None, tuple[Place, ...]]], window: bool = False
) -> dict[str, str]:
    """{publisher: first-level region code} from (publisher, first-pass places) per story;
    ``window``: the stories are a window of a stream, not a whole corpus (stricter)."""
    return homes_from_regions(((pub, local_regions(places)) for pub, places in stories), window)


def local_regions(places: Iterable[Place]) -> frozenset[str]:
    """The first-level regions a story's town- and region-precision places lie in."""
    return frozenset(p.admin1 for p in places if p.admin1 and p.feature in LOCAL_FEATURES)


def homes_from_regions(
    stories: Iterable[tuple[str | None, frozenset[str]]], window: bool = False
) -> dict[str, str]:
    """``learn_homes`` from each story's regions (``local_regions``) rather than its places: the
    store keeps a story's places' regions, not its parses (``scale.store.stored_homes``)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    counted: Counter[str] = Counter()
    told: Counter[str] = Counter()
    for publisher, regions in stories:
        if not publisher:
            continue
        told[publisher] += 1
        if regions:
            counted[publisher] += 1
            votes[publisher].update(regions)
    homes: dict[str, str] = {}
    for publisher, tally in votes.items():
        # A tie goes to the region voted first (the stories' order: the store gives them in
        # version id order). Ties broken by sorting the codes instead: LGL even -3 toponyms.
        region, n = tally.most_common(1)[0]
        own, m = _top_region(tally)
        if own != region and m >= MIN_SHARE * counted[publisher]:
            region, n = own, m
        if window:
            enough = told[publisher] >= WINDOW_MIN_STORIES
            enough = enough and n >= WINDOW_MIN_SHARE * told[publisher]
        else:
            enough = told[publisher] >= MIN_STORIES and n >= MIN_SHARE * counted[publisher]
        if enough:
            homes[publisher] = region
    return homes


def _top_region(tally: Counter[str]) -> tuple[str, int]:
    """The most voted region of the publisher's own country: the country its regions lie in
    most (by votes; a code starts with its country, "US-OH", "IE.L"). A Dublin, Ohio paper's
    stories all name Dublin, which the first pass reads as Ireland's, and Leinster outvoted
    Ohio; its stories' other places are American (LGL even: its home was Leinster)."""
    countries: Counter[str] = Counter()
    for region, n in tally.items():
        countries[region[:2]] += n
    own = countries.most_common(1)[0][0]
    return next((r, n) for r, n in tally.most_common() if r[:2] == own)


def publisher_of(meta: Metadata) -> str | None:
    """Whose story this is: the publisher the input names (a feed's title, a page's site name,
    a record's ``publisher``; the eval gives LGL's and GWN's web domain here), else the web
    domain of its URL. None when neither is known (a bare text file): no home then."""
    if meta.publisher:
        return meta.publisher
    host = urlsplit(meta.url).hostname if meta.url else None
    return host.removeprefix("www.") if host else None


def homed_places(
    docs: Sequence[Document], known: Mapping[str, str] | None = None
) -> dict[int, tuple[Place, ...]]:
    """The second pass over a window of analysed documents: homes learnt from their own places,
    then, for each document (by index) whose publisher has a home and whose places read
    otherwise with it, its new places. Documents without parses (already slimmed) are skipped.

    ``known``: homes learnt before the window, from the publishers' stored stories
    (``scale.store.stored_homes``, the whole-corpus rule); they win over the window's own,
    which rest on fewer stories."""
    from peacewatch.extract.places.stage import places_for

    homes = learn_homes(((publisher_of(d.meta), d.places) for d in docs), window=True)
    homes.update(known or {})
    out: dict[int, tuple[Place, ...]] = {}
    for i, d in enumerate(docs):
        home = homes.get(publisher_of(d.meta) or "")
        if home and d.parses and (places := places_for(d, None, home)) != d.places:
            out[i] = places
    return out
