"""The measurable "Done means" of issue 17 on a store (official-2022), through the API.

    PYTHONPATH=src .venv/bin/python benchmarks/workbench_audit.py sqlite:////tmp/off.db

Prints: the rounds of the largest track once each with their reports; how many matrix cells
(and history entries) have evidence that opens in the document view; the map's totals against
what it read; the events ``--actor RU`` returns whose actors or recipients are Trump or Rubio
(and why each matched); search hits for "humanitarian corridors" by kind. Page load times are
benchmarks/page_load.py's.
"""

from __future__ import annotations

import sys

from fastapi.testclient import TestClient

from peacewatch.api.app import create_app
from peacewatch.api.state import Settings


def main() -> None:
    client = TestClient(create_app(Settings(db=sys.argv[1], rate_per_minute=0)))
    first = client.get("/api/tracks").json()["items"][0]
    t = client.get("/api/track", params={"track": first["id"]}).json()
    print(f"track {first['label']}: {len(t['rounds'])} rounds")
    for r in t["rounds"]:
        numbers = [x["number"] for x in r["reports"]]
        print(
            f"  {r['date'] or 'undated'} {r['place'] or '?'} ({r['format'] or '-'}): "
            f"{len(r['reports'])} report(s), numbered {numbers}"
        )
    opens = [
        h
        for x in t["positions"]
        for h in x["history"]
        if h.get("evidence") and h["evidence"].get("doc") in t["versions"]
    ]
    history = sum(len(x["history"]) for x in t["positions"])
    cells = sum(1 for x in t["positions"] if x["history"][-1] in opens)
    print(f"matrix: {cells}/{len(t['positions'])} cells, {len(opens)}/{history} stances open")
    m = client.get("/api/map").json()
    print(f"map: places {m['places']}, events {m['events']}, no place {m['unplaced']}")
    ru = client.get("/api/export/events", params={"actor": "RU", "format": "json"}).json()
    odd = [
        e
        for e in ru
        if any(
            w in (a["name"] or "").lower()
            for a in e["actors"] + e["recipients"]
            for w in ("trump", "rubio")
        )
    ]
    print(f"--actor RU: {len(ru)} events, {len(odd)} with Trump or Rubio among their actors")
    for e in odd:
        why = [a for a in e["actors"] + e["recipients"] if a["country"] == "RU"]
        print(f"  {e['id']} {e['type']}: RU because of {[a['name'] for a in why]}")
    for kind in ("quotes", "positions", "documents"):
        got = client.get("/api/search", params={"q": '"humanitarian corridors"', "kind": kind})
        print(f'search "humanitarian corridors" in {kind}: {got.json()["total"]}')


if __name__ == "__main__":
    main()
