"""Recall and precision of the core events of a negotiation text (issue 16).

The gold (``data/core_events.json``) names, per release, the events an analyst reads a release
for: meetings held, agreements, aid, sanctions, condemnations, demands. A predicted event
matches a gold one when the type is equal, the gold actor is among the predicted actors'
countries and the gold recipient (when given) is among the predicted recipients' or, for a
symmetric meeting, actors' countries. Precision counts only the predicted events of the types the
gold uses, because the gold is of core events, not of every sentence's rhetoric.

Modality: the gold has none, and it lists acts announced or demanded as well as done ("will
travel to Algeria for meetings", "Russia must withdraw its troops"), so a predicted event of any
modality may match. An act the text says did not happen (negated, denied, contrary to fact) is
kept in the record with that modality, but it is no event of its type ("we are not asking" is
not a request): it is neither matched nor counted against precision. The matching is a maximum
one-to-one matching (not greedy), so that an event matched to the wrong gold event cannot hide
one that matches it.
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


def held_out_parts() -> dict[str, dict[str, list[GoldEvent]]]:
    """The held-out releases of the first two sessions and those added in the fourth (H5),
    reported apart so that a change on either is seen."""
    text = resources.files("peacewatch.eval").joinpath("data/core_events.json").read_text()
    new = set(json.loads(text).get("held_out_new", []))
    held = load_gold()["held_out"]
    return {
        "held_out_old": {d: e for d, e in held.items() if d not in new},
        "held_out_new": {d: e for d, e in held.items() if d in new},
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


# What the text says did not happen (vocab.Modality): no event of its type. An act the record
# marks "historical" ("In 1990, Iraq invaded Kuwait", a dev release) is background the release
# recalls, not one of its core events: neither matched nor counted (issue 16, "decades-old
# history counted as current events"; the gold lists the release's current events).
NOT_HAPPENED = frozenset(("negated", "denied", "hypothetical", "historical"))


def _max_matching(gold: list[GoldEvent], predicted: list[dict[str, object]]) -> int:
    """Size of a maximum one-to-one matching (augmenting paths; a release has a handful)."""
    owner: dict[int, int] = {}  # predicted index -> gold index

    def assign(g: int, seen: set[int]) -> bool:
        for p, event in enumerate(predicted):
            if p in seen or not _matches(event, gold[g]):
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    return sum(assign(g, set()) for g in range(len(gold)))


def score(
    records: dict[str, list[dict[str, object]]], split: str, gold: dict[str, list[GoldEvent]]
) -> CoreScore:
    """One-to-one matching of predicted to gold events, release by release."""
    types = {g[0] for evs in gold.values() for g in evs}
    n_gold = n_pred = n_match = 0
    for doc, gold_events in gold.items():
        predicted = [
            e
            for e in records.get(doc, [])
            if e["type"] in types and e.get("modality") not in NOT_HAPPENED
        ]
        n_gold += len(gold_events)
        n_pred += len(predicted)
        n_match += _max_matching(gold_events, predicted)
    return CoreScore(split, n_gold, n_pred, n_match)


# `make eval` floors (dev and held out apart). Measured 2026-12-04 (BENCHMARKS.md, "Core events,
# session of 2026-12-04 (third)"): dev R 0.80 / P 0.59, held out R 0.45 / P 0.35; floors a
# little under, so that one event more or less does not fail the gate.
# After the lead's merge (Khalilzad's country, H9): dev R 0.83 / P 0.61, held out unchanged.
# Fourth session (H5): the gold grew to 38 releases (13 dev, 7 held out added; the dev set is
# no longer the one the old dev floors were set on) and "historical" acts are not scored. On
# the grown set, main 3751aa8 -> wt-h5: dev R 0.51 / P 0.50 -> 0.82 / 0.64 (the first 12 dev
# releases 0.80 / 0.63 -> 0.87 / 0.63); held out (old 6 + new 7) R 0.59 / P 0.48 -> 0.62 / 0.49;
# old 6 0.45 / 0.35 unchanged, new 7 0.79 / 0.73 -> 0.86 / 0.75 (BENCHMARKS.md). Floors a
# little under, the old held-out floor kept as it was.
FLOORS = {
    "dev": (0.78, 0.60),
    "held_out": (0.58, 0.45),
    "held_out_old": (0.40, 0.30),
    "held_out_new": (0.78, 0.68),
}


def _corpus_paths(root: Path) -> list[Path]:
    docs = [d for split in load_gold().values() for d in split]
    return [
        p
        for d in docs
        for p in (root / "official-2022" / f"{d}.txt", root / "peace-processes-state" / f"{d}.txt")
        if p.exists()
    ]


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    """``peacewatch eval core``: analyse the gold releases under ``data`` (the corpus folder
    holding official-2022 and peace-processes-state) and score them."""
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput
    from peacewatch.serialize import to_json
    from peacewatch.sources.files import read_path

    nlp = load()
    records: dict[str, list[dict[str, object]]] = {}
    for path in _corpus_paths(data):
        for raw in read_path(path):
            if isinstance(raw, RawInput):
                doc = to_json(analyze(raw, nlp=nlp))
                records[str(doc["document"]["id"])] = doc.get("events") or []
    lines, failures = [], []
    for split, gold in {**load_gold(), **held_out_parts()}.items():
        s = score(records, split, gold)
        lines.append(_line(s))
        floor_r, floor_p = FLOORS[split]
        if strict and (s.recall < floor_r or s.precision < floor_p):
            failures.append(f"{split}: recall/precision below the floors {floor_r}/{floor_p}")
    return "core events (issue 16), our annotation\n" + "\n".join(lines), failures


def _line(s: CoreScore) -> str:
    return (
        f"  {s.split}: gold {s.gold} predicted {s.predicted} matched {s.matched} "
        f"recall {s.recall:.2f} precision {s.precision:.2f}"
    )


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
    for split, gold in {**load_gold(), **held_out_parts()}.items():
        print(_line(score(records, split, gold)).strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
