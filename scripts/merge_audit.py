"""Audit of cross-document event merging on an ``analyze`` JSON Lines output (issue 16).

Prints the merged groups, those spanning documents, those spanning documents without a
resolved actor (none should), and the contested ones. Each document is its own story (its own
cluster and source), as in a store without syndicated copies; actors are reduced to name and
country as the store keeps them (store/core.py ``event_refs``).

    PYTHONPATH=src python scripts/merge_audit.py OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from peacewatch.corpus.corroborate import EventRef, group_events
from peacewatch.records import Actor
from peacewatch.serialize import from_json
from peacewatch.store.rows import iso_range


def refs_of(path: Path) -> list[EventRef]:
    refs = []
    for line in path.read_text().splitlines():
        doc = from_json(json.loads(line))
        did = doc.meta.id
        for i, ev in enumerate(doc.events):
            lo, hi = iso_range(ev.date)  # as store/rows.py stores an event's days
            stored = replace(
                ev,
                actors=tuple(Actor(a.name, a.country, a.sector, a.entity) for a in ev.actors),
                recipients=tuple(
                    Actor(a.name, a.country, a.sector, a.entity) for a in ev.recipients
                ),
            )
            refs.append(EventRef(f"{did}#e{i}", did, did, stored, lo, hi, did))
    return refs


def main(argv: list[str]) -> int:
    groups = group_events(refs_of(Path(argv[0])))
    multi = [g for g in groups if g.n_sources > 1]
    bare = [g for g in multi if not any(a.country for m in g.members for a in m.event.actors)]
    worst = max((g.n_sources for g in bare), default=0)
    print(
        f"groups {len(groups)}; spanning documents {len(multi)}; of those without a resolved "
        f"actor {len(bare)} (largest {worst} documents); contested "
        f"{sum(g.contested for g in groups)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
