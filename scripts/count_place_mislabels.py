"""Count towns labelled as a person or an organisation in analysed documents (issue 15).

Reads the JSONL that ``peacewatch analyze -f jsonl`` writes and prints every PERSON or ORG
entity whose name is a place: a GeoNames populated place of at least ``--min-pop`` people or a
first-order region, in a country the document's own places name ("Khan Younis" in a Gaza
report).
Not counted: names of known actors (lexicons/actors.json: people or organisations by
curation), entities with a role ("Secretary Clinton"), a word of a full personal name the same
document gives ("Abbas" of Mahmoud Abbas), acronyms of three letters ("VEB", a bank), and names
that are also English words or first names
(``build_places._is_english_word``: "Austin", "Justice"). Usage::

    peacewatch analyze ../shared/corpus/peace-processes-state -f jsonl -o /tmp/pps.jsonl
    python scripts/count_place_mislabels.py /tmp/pps.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from peacewatch.geo.data import is_short_upper
from peacewatch.geo.gazetteer import Gazetteer, fold, load
from peacewatch.lexicons import alias_index
from peacewatch.lexicons.build_places import _is_english_word


def place_countries(g: Gazetteer, name: str, min_pop: int) -> set[str]:
    """Countries that have a town of ``name`` (at least ``min_pop`` people) or a region."""
    out = set()
    for i in g.ids(name):
        f = g.feature[i]
        if ((f == "city" and g.population[i] >= min_pop) or f == "region") and g.country[i]:
            out.add(g.country[i])
    return out


def mislabels(path: Path, g: Gazetteer, min_pop: int) -> Counter[tuple[str, str]]:
    actors = {fold(a) for a in alias_index()}
    found: Counter[tuple[str, str]] = Counter()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            countries = {p["country"] for p in doc.get("places", []) if p.get("country")}
            ents = doc.get("entities", [])
            surnames = {
                fold(w)
                for e in ents
                if e["type"] == "PERSON" and len(e["name"].split()) > 1
                for w in e["name"].split()
            }
            for e in ents:
                if e["type"] not in ("PERSON", "ORG") or fold(e["name"]) in actors | surnames:
                    continue
                if e.get("role") or is_short_upper(e["name"]) or _is_english_word(e["name"]):
                    continue
                if place_countries(g, e["name"], min_pop) & countries:
                    found[(e["type"], e["name"])] += 1
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jsonl", type=Path, help="output of `peacewatch analyze -f jsonl`")
    ap.add_argument("--min-pop", type=int, default=1000)
    a = ap.parse_args()
    found = mislabels(a.jsonl, load(), a.min_pop)
    for (kind, name), n in sorted(found.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{n:>4}  {kind:<6} {name}")
    print(f"towns labelled PERSON or ORG: {sum(found.values())} entities, {len(found)} names")


if __name__ == "__main__":
    main()
