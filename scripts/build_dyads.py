#!/usr/bin/env python3
"""Build ``src/peacewatch/lexicons/conflict_dyads.json``: who fought whom (issue 14).

    python scripts/build_dyads.py --ucdp DIR

``DIR`` holds the UCDP/PRIO Armed Conflict Dataset 22.1 (``ucdp-prio-acd-221.csv``; CC BY 4.0,
ucdp.uu.se; public mirror github.com/andybega/ds-external-data, ``acd/input/v22.1``), the same
file ``build_actor_base.py`` reads. Each conflict-year since 2000 gives its dyads: every
government of side A against every actor of side B ("primary"), and the states that fought
beside a side against the other side's primary actors ("secondary": Armenia beside the
Nagorno-Karabakh authorities against Azerbaijan; states only, see ``dyads``). Sides are
actor-base ids: ``state:<ISO>`` for governments, ``ucdp:<slug>`` for the others (the ids
``build_actor_base.py`` gives them).

Why a separate file: the negotiation stage asks "are these two named actors opponents in a
conflict?" (sides.py), a question the actor base's rows do not answer; the file stays small
(one row per dyad, the last year it was active) and deterministic.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

from build_actor_base import LEX, country_codes, slug

# The conflicts today's peace processes are about. Not 2001-2003: the Taliban were then the
# government of Afghanistan and the U.S. fought Iraq's, so every later text on the U.S. and
# Afghanistan or Iraq would make them opponents.
FIRST_YEAR = 2005
# Opponents in a negotiation that UCDP 22.1 does not code as a dyad of an armed conflict
# since FIRST_YEAR (a border dispute without fighting, a war after 2021); kind "curated".
CURATED = (
    ("state:IL", "state:PS", "the Israeli-Palestinian process; UCDP codes Israel vs the PNA, 2002"),
    ("state:IL", "ucdp:pna", "the Israeli-Palestinian process; UCDP's last year is 2002"),
    ("state:IL", "state:LB", "the maritime boundary talks; UCDP codes Israel vs Hezbollah"),
    ("state:RS", "state:XK", "the Belgrade-Pristina dialogue; UCDP codes Serbia vs UCK, 1999"),
    ("state:RU", "state:UA", "the 2022 war, after UCDP 22.1's last year"),
    ("nsag:rsf", "state:SD", "the 2023 war, after UCDP 22.1's last year"),
)


def side_ids(text: str, codes: dict[str, str]) -> list[str]:
    """``state:<ISO>`` for "Government of X", ``ucdp:<slug>`` for any other actor."""
    out = []
    for name in (n for n in text.split(", ") if n):
        if name.startswith("Government of "):
            iso = codes.get(name.removeprefix("Government of "))
            if iso:
                out.append(f"state:{iso}")
        else:
            out.append(f"ucdp:{slug(name)}")
    return out


def dyads(path: Path, codes: dict[str, str]) -> dict[tuple[str, str], tuple[int, str]]:
    found: dict[tuple[str, str], tuple[int, str]] = {}

    def add(a: str, b: str, year: int, kind: str) -> None:
        if a == b:
            return
        pair = (min(a, b), max(a, b))
        old_year, old_kind = found.get(pair, (0, kind))
        # a pair that was ever primary stays primary
        found[pair] = (max(year, old_year), "primary" if "primary" in (kind, old_kind) else kind)

    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year = int(row["year"])
            if year < FIRST_YEAR:
                continue
            a, b = side_ids(row["side_a"], codes), side_ids(row["side_b"], codes)
            a2 = [x for x in side_ids(row["side_a_2nd"], codes) if x.startswith("state:")]
            b2 = [x for x in side_ids(row["side_b_2nd"], codes) if x.startswith("state:")]
            for x in a:
                for y in b:
                    add(x, y, year, "primary")
            # Only states against states: the many states that sent troops against an armed
            # group (ISAF against the Taliban) are not the group's opponents in talks.
            for x in a2:
                for y in (y for y in b if y.startswith("state:")):
                    add(x, y, year, "secondary")
            for x in a:
                for y in b2:
                    add(x, y, year, "secondary")
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ucdp", type=Path, required=True, help="folder with the UCDP 22.1 CSVs")
    ap.add_argument("--out", type=Path, default=LEX / "conflict_dyads.json")
    args = ap.parse_args()
    found = dyads(args.ucdp / "ucdp-prio-acd-221.csv", country_codes())
    doc = {
        "about": (
            "Opposing sides of state-based armed conflicts active since 2000, built by "
            "scripts/build_dyads.py from the UCDP/PRIO Armed Conflict Dataset 22.1 (Uppsala "
            "Conflict Data Program, CC BY 4.0; Gleditsch et al. 2002, Davies et al. 2022). "
            "a, b: actor-base ids; last: last active year; kind: primary (the two warring "
            "sides), secondary (a state fighting beside one side) or curated (peacewatch: "
            "opponents in talks that UCDP does not code, see why)."
        ),
        "licence": "CC BY 4.0 (UCDP-derived rows); project licence (curated rows)",
        "dyads": [
            {"a": a, "b": b, "last": year, "kind": kind}
            for (a, b), (year, kind) in sorted(found.items())
        ]
        + [{"a": a, "b": b, "last": None, "kind": "curated", "why": why} for a, b, why in CURATED],
    }
    args.out.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{len(found)} dyads -> {args.out} ({args.out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
