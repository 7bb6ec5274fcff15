"""A publisher's home region learnt from its own stories (issue 15)."""

from __future__ import annotations

from peacewatch.extract.places.homes import learn_homes
from peacewatch.geo.gazetteer import load
from peacewatch.records import Place


def _place(admin1: str | None, feature: str = "city") -> Place:
    return Place(
        mention="x",
        start=0,
        end=1,
        name="x",
        lat=0.0,
        lon=0.0,
        country="US",
        admin1=admin1,
        feature=feature,  # type: ignore[arg-type]
    )


def test_home_is_the_region_most_stories_name() -> None:
    stories = [
        ("paper.com", (_place("US-OH"), _place("US-OH"))),
        ("paper.com", (_place("US-OH"), _place("US-NJ"))),
        ("paper.com", (_place("US-OH"),)),
        ("paper.com", ()),
    ]
    assert learn_homes(stories) == {"paper.com": "US-OH"}


def test_no_home_for_few_stories_or_a_national_paper() -> None:
    few = [("a.com", (_place("US-OH"),)), ("a.com", (_place("US-OH"),))]
    spread = [("b.com", (_place(s),)) for s in ("US-OH", "US-TX", "US-CA", "US-NY")]
    assert learn_homes([*few, *spread, (None, (_place("US-OH"),))]) == {}


def test_countries_do_not_vote() -> None:
    stories = [("c.com", (_place("US-OH", "country"),))] * 3
    assert learn_homes(stories) == {}


def test_region_ids_finds_the_state() -> None:
    g = load()
    (i,) = g.region_ids("US-OH")
    assert g.entry(i).name == "Ohio"
    assert g.region_ids("XX-00") == []


def test_a_township_missing_from_the_story_state_is_the_state() -> None:
    from peacewatch.geo.resolver import Query, resolve_all

    g = load()
    ohio = g.region_ids("US-OH")
    q = Query("Jerome", feature_hint="city", township=True)
    (alone,) = resolve_all(g, [q])
    assert alone is not None and alone.admin1 != "US-OH"
    (e,) = resolve_all(g, [q], org_regions=ohio)
    assert e is not None and e.feature == "region" and e.admin1 == "US-OH"
    # a town the state has is kept: Columbus, Ohio
    (c,) = resolve_all(g, [Query("Columbus", feature_hint="city", township=True)], org_regions=ohio)
    assert c is not None and c.feature == "city" and c.admin1 == "US-OH"


def test_a_bare_dateline_is_a_town_of_the_home_state() -> None:
    from peacewatch.extract.places.spans import _Span
    from peacewatch.extract.places.stage import _filed_at_home
    from peacewatch.geo.resolver import Query

    g = load()
    spans = [
        _Span(0, 6, Query("Newark", dateline=True), "GPE", 0),
        _Span(9, 15, Query("Newark"), "GPE", 0),
    ]
    _filed_at_home(spans, g, "US-OH")
    assert spans[0].query.admin1 == frozenset({"US-OH"})
    assert spans[1].query.admin1 == frozenset()  # only the dateline
    _filed_at_home(spans[1:], g, "XX-00")  # no town of that name there: unchanged
    assert spans[1].query.admin1 == frozenset()


def test_a_plural_demonym_names_its_place() -> None:
    from peacewatch.geo.resolver import Query, resolve_all

    g = load()
    (e,) = resolve_all(g, [Query("Minnesotans")])
    assert e is not None and e.admin1 == "US-MN" and e.feature == "region"
    (o,) = resolve_all(g, [Query("Ohioans")])
    assert o is not None and o.admin1 == "US-OH"
    (none,) = resolve_all(g, [Query("Xyzzyans")])
    assert none is None


def test_an_abbreviation_without_its_last_period() -> None:
    from peacewatch.geo.resolver import Query, resolve_all

    g = load()
    (e,) = resolve_all(g, [Query("Calif")])
    assert e is not None and e.admin1 == "US-CA" and e.feature == "region"
