"""Count common words, institutions and names taken as places in analysed documents (issue 15).

Reads the JSONL that ``peacewatch analyze -f jsonl`` writes and prints places of three kinds,
the errors seen in peace-processes-state releases ("in Congress" -> Congress, Arizona; "Paul" ->
Paul, Idaho; "to Toyota" -> Toyota, Japan; "Ceasefire" unresolved):

- ``entity``: a town or region whose mention is also a person or organisation the document's
  entities name at the same offsets (the entity stage saw the name, the places stage took it);
- ``word``: an unresolved place whose mention is one English word;
- ``capital``: a town that shares its name with a country's capital elsewhere ("Vienna" ->
  Vienna, Virginia): right when the text says so ("Vienna, Va."), so listed to check.

"English word" is ``build_places._is_english_word`` (the md vectors). A count, not a gold
standard ("Sahara" is a word and a place): the list shows each to check. (Words resolved to a
town in a country no other place names were tried as a third kind: capitals, "Berlin",
"Rome", have vectors in lower case too, so it listed mostly right places.) Usage::

    peacewatch analyze ../shared/corpus/peace-processes-state -f jsonl -o /tmp/pps.jsonl
    python scripts/count_place_words.py /tmp/pps.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from peacewatch.geo.gazetteer import Gazetteer, fold, load
from peacewatch.geo.resolver import candidates
from peacewatch.lexicons.build_places import _is_english_word

LOCAL = ("city", "region")


def _entity_spans(doc: dict[str, Any]) -> set[tuple[int, int]]:
    return {
        (m[0], m[1])
        for e in doc.get("entities", [])
        if e["type"] in ("PERSON", "ORG")
        for m in e.get("mentions", [])
    }


def _capital_elsewhere(g: Gazetteer, p: dict[str, Any]) -> bool:
    """A capital of another country by its own name (not Vatican City's alternate "Rome")."""
    key = fold(p["mention"])
    return p.get("feature") == "city" and any(
        i in g.capitals and g.country[i] != p.get("country") and fold(g.names[i]) == key
        for i in candidates(g, p["mention"])
    )


def kinds(g: Gazetteer, doc: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(kind, mention, reading) for every suspect place of one analysed document."""
    places = doc.get("places", [])
    named = _entity_spans(doc)
    out = []
    for p in places:
        reading = f"{p.get('name')} {p.get('country')} {p.get('admin1')}"
        if p.get("feature") in LOCAL and (p["start"], p["end"]) in named:
            out.append(("entity", p["mention"], reading))
        elif p.get("name") is None and _is_english_word(p["mention"]):
            out.append(("word", p["mention"], reading))
        elif _capital_elsewhere(g, p):
            out.append(("capital", p["mention"], reading))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("jsonl", type=Path, help="output of `peacewatch analyze -f jsonl`")
    a = ap.parse_args()
    found: Counter[tuple[str, str, str]] = Counter()
    g = load()
    with a.jsonl.open(encoding="utf-8") as fh:
        for line in fh:
            found.update(kinds(g, json.loads(line)))
    for (kind, mention, reading), n in sorted(found.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"{n:>4}  {kind:<6} {mention:<20} {reading}")
    per = Counter[str]()
    for (kind, _, _), n in found.items():
        per[kind] += n
    print("places:", ", ".join(f"{k} {per[k]}" for k in ("entity", "word", "capital")))


if __name__ == "__main__":
    main()
