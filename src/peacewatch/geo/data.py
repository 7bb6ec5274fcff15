"""What ``geo.build`` writes and ``geo.gazetteer`` reads: the name key (``fold``), the compact
columns the index is pickled as, the places supplement, and the name tests both use.

Its own module so that the builder and the gazetteer (which calls the builder when its cache
is missing) do not import each other.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from importlib import resources
from typing import Any, TypedDict

# cities500 rather than cities1000: LGL is local US news full of small towns, and villages such
# as Irpin's neighbours are under 1000 people; the population prior keeps them from winning
# over a well-known namesake.
CITY_FILE_POPULATION = 500

_ALNUM = re.compile(r"[^0-9a-z]+")
# Alternate names kept in the index: Latin script only (English news), no airport/ICAO codes
# (GeoNames lists "IEV" for Kyiv, "KHE" for Kherson) and nothing with digits.
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'’\-]*$")


_EXPAND = ((" st ", " saint "), (" ste ", " sainte "), (" mt ", " mount "), (" ft ", " fort "))


def fold(name: str) -> str:
    """Case-, accent- and punctuation-blind key: "Dolmabahçe Palace" -> "dolmabahce palace"."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().replace("’", "'")
    s = s.replace("'", "")
    s = f" {_ALNUM.sub(' ', s).strip()} "
    # "St Petersburg" = "Saint Petersburg", "Mt. Pleasant" = "Mount Pleasant" (official-2022:
    # a kremlin.ru "St Petersburg" went to Florida, whose GeoNames name is "St. Petersburg").
    for short, full in _EXPAND:
        s = s.replace(short, full)
    return s.strip().removeprefix("the ")


# GeoNames writes Arab towns with the article ("Ar Raqqah"); English news often drops it
# ("Raqqa"; GWN held-out: one Syrian town was left unresolved, +1). The article's forms, and
# the Arab League's members (Wikipedia, "Arab League"), where the names carry it. A bare name
# needs 5 letters: "Nazi" is An Nazi, Syria.
ARTICLE = re.compile(r"^(?:Al|El|Ad|Ar|As|Ash|At|Az|An|Adh|Ath)[ -](?=[A-Z])")
ARABIC_ARTICLE_COUNTRIES = frozenset(
    {
        "DZ",
        "BH",
        "KM",
        "DJ",
        "EG",
        "IQ",
        "JO",
        "KW",
        "LB",
        "LY",
        "MR",
        "MA",
        "OM",
        "PS",
        "QA",
        "SA",
        "SO",
        "SD",
        "SY",
        "TN",
        "AE",
        "YE",
    }
)


# An abbreviation is this short or shorter (letters only): such names are matched case-sensitively.
SHORT_UPPER = 3


def is_short_upper(name: str) -> bool:
    letters = name.replace(".", "")
    return letters.isupper() and letters.isalpha() and len(letters) <= SHORT_UPPER


def is_latin_name(name: str) -> bool:
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return bool(_LATIN.match(s))


def supplement() -> dict[str, Any]:
    text = (
        resources.files("peacewatch.lexicons")
        .joinpath("places_supplement.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


# ``IndexData.flags`` bit of a US town known only from GeoNames' postal places (``geo.build``).
MINOR = 4


class Strings:
    """A read-only list of strings stored as one string and end offsets (pickles in ms)."""

    def __init__(self, blob: str, ends: array[int]) -> None:
        self.blob, self.ends = blob, ends

    @classmethod
    def of(cls, items: list[str]) -> Strings:
        ends = array("I")
        pos = 0
        for it in items:
            pos += len(it)
            ends.append(pos)
        return cls("".join(items), ends)

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:
        return self.blob[self.ends[i - 1] if i else 0 : self.ends[i]]


class Coded:
    """A column of few distinct strings ("UA", "city") as small integer codes."""

    def __init__(self, codes: array[int], table: list[str]) -> None:
        self.codes, self.table = codes, table

    @classmethod
    def of(cls, items: list[str]) -> Coded:
        table: dict[str, int] = {}
        codes = array("I", (table.setdefault(it, len(table)) for it in items))
        return cls(codes, list(table))

    def __len__(self) -> int:
        return len(self.codes)

    def __getitem__(self, i: int) -> str:
        return self.table[self.codes[i]]


class IndexData(TypedDict):
    """The gazetteer index as ``build.build`` makes it and the cache pickles it: columns
    indexed by entry id, and the sorted name keys with their postings."""

    names: Strings
    lat: array[float]  # NaN: no coordinates
    lon: array[float]
    country: Coded
    admin1: Coded
    feature: Coded
    population: array[int]
    geonameid: array[int]
    flags: bytes  # bit 1: computed point; bit 2: seat of government; bit 3 (MINOR): postal town
    keys: Strings
    starts: array[int]
    postings: array[int]
    upper: dict[str, tuple[int, ...]]
    demonyms: dict[str, str]
    exonyms: dict[str, int]
    capitals: frozenset[int]
    country_entry: dict[str, int]
    neighbours: dict[str, tuple[str, ...]]  # ISO alpha-2 -> the countries it borders
