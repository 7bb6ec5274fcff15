"""Recall and precision of the core events of a negotiation text (issue 16).

The gold (``data/core_events.json``) names, per release, the events an analyst reads a release
for: meetings held, agreements, aid, sanctions, condemnations, demands. A predicted event
matches a gold one when the type is equal, the gold actor is among the predicted actors'
countries and the gold recipient (when given) is among the predicted recipients' or, for a
symmetric meeting, actors' countries. Precision counts only the predicted events of the types the
gold uses, because the gold is of core events, not of every sentence's rhetoric.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

GoldEvent = tuple[str, str | None, str | None, str]


@dataclass(frozen=True)
class CoreScore:
    split: str
    gold: int
    predicted: int
    matched: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0


def load_gold() -> dict[str, dict[str, list[GoldEvent]]]:
    text = resources.files("peacewatch.eval").joinpath("data/core_events.json").read_text()
    raw = json.loads(text)
    return {
        split: {doc: [tuple(e) for e in evs] for doc, evs in raw[split].items()}  # type: ignore[misc]
        for split in ("dev", "held_out")
    }


def _countries(parts: list[dict[str, object]]) -> set[str]:
    return {str(p["country"]) for p in parts if p.get("country")}


def _matches(event: dict[str, object], gold: GoldEvent) -> bool:
    kind, actor, recipient, _key = gold
    if event["type"] != kind:
        return False
    actors = _countries(event["actors"])  # type: ignore[arg-type]
    recipients = _countries(event["recipients"])  # type: ignore[arg-type]
    if actor is not None and actor not in actors:
        return False
    if recipient is None:
        return True
    return recipient in recipients or (kind == "CONSULT" and recipient in actors)


def score(
    records: dict[str, list[dict[str, object]]], split: str, gold: dict[str, list[GoldEvent]]
) -> CoreScore:
    """Greedy one-to-one matching of predicted to gold events, release by release."""
    types = {g[0] for evs in gold.values() for g in evs}
    n_gold = n_pred = n_match = 0
    for doc, gold_events in gold.items():
        predicted = [e for e in records.get(doc, []) if e["type"] in types]
        n_gold += len(gold_events)
        n_pred += len(predicted)
        free = list(predicted)
        for g in gold_events:
            hit = next((e for e in free if _matches(e, g)), None)
            if hit is not None:
                free.remove(hit)
                n_match += 1
    return CoreScore(split, n_gold, n_pred, n_match)


def read_records(path: Path) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for line in path.read_text().splitlines():
        record = json.loads(line)
        out[str(record["document"]["id"])] = record.get("events") or []
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(
            "usage: python -m peacewatch.eval.core_events ANALYZE_OUTPUT.jsonl "
            "(from `peacewatch analyze <the 12 releases> -f jsonl`)"
        )
        return 2
    records = read_records(Path(argv[0]))
    for split, gold in load_gold().items():
        s = score(records, split, gold)
        print(
            f"{split}: gold {s.gold} predicted {s.predicted} matched {s.matched} "
            f"recall {s.recall:.2f} precision {s.precision:.2f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
