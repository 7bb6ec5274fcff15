"""The document's context for ``resolver``: its countries and first-level regions, its home
state, and which names are one name read twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from peacewatch.geo.gazetteer import Entry


def votes(
    winners: dict[str, Entry | None],
    demonym_countries: Sequence[str],
    regions: Sequence[Entry] = (),
) -> tuple[Counter[str], Counter[str]]:
    """The document's countries and first-level regions: one vote per distinct place."""
    countries: Counter[str] = Counter()
    admin1: Counter[str] = Counter()
    # One vote per distinct place, not per name: "Dublin" and "Dublin City" read as the same
    # town must not confirm each other (LGL even: both went to Ireland in a Dublin, Ohio story).
    # ``regions`` (named inside organisations) vote once each, unless a mention already did.
    places = {e.id: e for e in regions}
    places.update({e.id: e for e in winners.values() if e is not None})
    for e in places.values():
        if e.country:
            countries[e.country] += 1
        if e.admin1:
            admin1[e.admin1] += 1
    for c in set(demonym_countries):
        countries[c] += 1
    return countries, admin1


def same_name(a: str, b: str) -> bool:
    """ "dekalb" and "dekalb county": one name read twice, which must not confirm itself (LGL
    even: DeKalb, Illinois pulled "DeKalb County" from Georgia to Illinois)."""
    return a.startswith(b + " ") or b.startswith(a + " ")


def named_states(
    winners: dict[str, Entry | None], regions: Sequence[Entry], filed: Sequence[Entry | None]
) -> frozenset[str]:
    """The story's home state: the one first-level region it names (``resolver.CONTEXT_NAMED``)."""
    named = frozenset(
        e.admin1
        for e in (*winners.values(), *regions)
        if e is not None and e.feature == "region" and e.admin1
    )
    if len(named) <= 1:
        return named
    # A story that names several states still has its home in the one state whose agency it
    # names (LGL even: Boone County, Indiana in a story of Indiana counties) or where it was
    # filed ("CHARLESTON, W.Va. --": Lewisburg is in West Virginia).
    home = {e.admin1 for e in (*regions, *filed) if e is not None and e.admin1}
    return frozenset(home) if len(home) == 1 else frozenset()
