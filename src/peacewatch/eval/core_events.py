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
import re
import sys
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import cast

GoldEvent = tuple[str, str | None, str | None, str]


@dataclass(frozen=True)
class CoreScore:
    split: str
    gold: int
    predicted: int
    matched: int
    dated: int = 0  # matched events whose gold gives a date
    date_right: int = 0  # of those, the predicted date agrees with it
    date_stated: int = 0  # of those right, dated from the text (not the publication bound)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def date_rate(self) -> float:
        return self.date_right / self.dated if self.dated else 0.0


def load_gold() -> dict[str, dict[str, list[GoldEvent]]]:
    text = resources.files("peacewatch.eval").joinpath("data/core_events.json").read_text()
    raw = json.loads(text)
    return {
        split: {doc: [tuple(e) for e in evs] for doc, evs in raw[split].items()}  # type: ignore[misc]
        for split in ("dev", "held_out")
    }


def load_dates() -> dict[str, dict[str, str | None]]:
    """The gold dates by release and gold key: "YYYY-MM-DD", "YYYY-MM" or "YYYY" at the
    precision the text gives, None where it gives none (the dev releases, and the 10 releases
    of the fourth session's second pass, 3 of them held out)."""
    text = resources.files("peacewatch.eval").joinpath("data/core_events.json").read_text()
    return cast(dict[str, dict[str, str | None]], json.loads(text).get("dates", {}))


# How many ISO parts a predicted date carries at its precision: a bound ("before"/"after"
# publication) is the publication day, so it is right for what the release says that day.
_PARTS = {"day": 3, "before": 3, "after": 3, "month": 2, "year": 1}


def date_agrees(event: dict[str, object], gold: str) -> bool:
    """Whether a predicted date is the gold one at the gold's precision, and no coarser (a
    year for a day is not right; a day inside a gold month is)."""
    value, precision = event.get("date"), event.get("date_precision")
    parts = _PARTS.get(str(precision), 0)
    if not isinstance(value, str) or parts < gold.count("-") + 1:
        return False
    return "-".join(value.split("-")[: gold.count("-") + 1]) == gold


def held_out_parts() -> dict[str, dict[str, list[GoldEvent]]]:
    """The held-out releases of the first two sessions and those added in the fourth (H5, two
    passes), sixth and seventh (H5), reported apart so that a change on any is seen."""
    text = resources.files("peacewatch.eval").joinpath("data/core_events.json").read_text()
    raw = json.loads(text)
    new, new2 = set(raw.get("held_out_new", [])), set(raw.get("held_out_new2", []))
    new3, new4 = set(raw.get("held_out_new3", [])), set(raw.get("held_out_new4", []))
    held = load_gold()["held_out"]
    return {
        "held_out_old": {d: e for d, e in held.items() if d not in new | new2 | new3 | new4},
        "held_out_new": {d: e for d, e in held.items() if d in new},
        "held_out_new2": {d: e for d, e in held.items() if d in new2},
        "held_out_new3": {d: e for d, e in held.items() if d in new3},
        "held_out_new4": {d: e for d, e in held.items() if d in new4},
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


def _max_matching(gold: list[GoldEvent], predicted: list[dict[str, object]]) -> dict[int, int]:
    """A maximum one-to-one matching, predicted index -> gold index (augmenting paths; a
    release has a handful). Each gold event tries first the predicted events whose sentence
    holds most of its key's words, so that the pair whose dates are compared is the sentence
    the key quotes when several would match (the count matched is the same either way)."""
    owner: dict[int, int] = {}  # predicted index -> gold index

    def assign(g: int, seen: set[int]) -> bool:
        words = set(re.findall(r"\w+", gold[g][3].lower()))
        order = sorted(
            range(len(predicted)),
            key=lambda p: -len(words & set(re.findall(r"\w+", _evidence(predicted[p])))),
        )
        for p in order:
            event = predicted[p]
            if p in seen or not _matches(event, gold[g]):
                continue
            seen.add(p)
            if p not in owner or assign(owner[p], seen):
                owner[p] = g
                return True
        return False

    for g in range(len(gold)):
        assign(g, set())
    return owner


def _evidence(event: dict[str, object]) -> str:
    evidence = event.get("evidence")
    return str(evidence.get("text", "")).lower() if isinstance(evidence, dict) else ""


def score(
    records: dict[str, list[dict[str, object]]],
    split: str,
    gold: dict[str, list[GoldEvent]],
    dates: dict[str, dict[str, str | None]] | None = None,
) -> CoreScore:
    """One-to-one matching of predicted to gold events, release by release; for the matched
    events the gold dates, whether the predicted date agrees (``date_agrees``)."""
    types = {g[0] for evs in gold.values() for g in evs}
    dates = load_dates() if dates is None else dates
    n_gold = n_pred = n_match = dated = right = stated = 0
    for doc, gold_events in gold.items():
        predicted = [
            e
            for e in records.get(doc, [])
            if e["type"] in types and e.get("modality") not in NOT_HAPPENED
        ]
        n_gold += len(gold_events)
        n_pred += len(predicted)
        owner = _max_matching(gold_events, predicted)
        n_match += len(owner)
        for p, g in owner.items():
            when = dates.get(doc, {}).get(gold_events[g][3])
            if when is None:
                continue
            dated += 1
            if date_agrees(predicted[p], when):
                right += 1
                stated += predicted[p].get("date_basis") != "reported"
    return CoreScore(split, n_gold, n_pred, n_match, dated, right, stated)


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
# Fourth session, second pass (H5): on the 38 releases, dev 0.82 / 0.64 -> 0.87 / 0.69, held
# out 0.62 / 0.49 -> 0.62 / 0.47 (old 6 0.45 / 0.35 -> 0.45 / 0.33, new 7 0.86 / 0.75 ->
# 0.86 / 0.71: one more predicted event each, matched unchanged). Then the gold grew by 10
# releases (7 dev, 3 held out as "held_out_new2", drawn before annotating) and dates were
# annotated (dev, and the 10 new). On the grown gold, main 12a883f -> wt-h5: dev (32) 0.78 /
# 0.66 -> 0.83 / 0.70; held out (16) 0.57 / 0.48 -> 0.57 / 0.45;
# new2 (3) 0.38 / 0.43 -> 0.38 / 0.38.
# The dev and whole held-out sets changed, so their floors are set anew on the grown sets
# (dev raised above its old 0.78 / 0.60; held out 0.58 / 0.45 on 13 releases -> 0.54 / 0.42
# on 16, where main itself scores 0.57 / 0.48); the old and new-7 floors are kept.
# Dates: DATE_FLOORS is the share of matched dated events whose date agrees (date_agrees):
# dev 62/62 (23 from the text, 39 the publication day a release's own statement or same-day
# readout is of), held out 3/3 (2 from the text).
# Sixth session (H5): the gold grew by 9 releases of other conflicts (6 dev, 3 held out as
# "held_out_new3", drawn before annotating). On main 1e272e6: dev (38) 0.73 / 0.68 (the 6 new
# dev releases alone 0.48 / 0.63), new3 0.67 / 1.00. Then, with this session's rules (wt-h5):
# dev 0.73 / 0.68 -> 0.78 / 0.70, date right 73/75 -> 79/80; held out (19) 0.58 / 0.48
# unchanged (each part unchanged). Floors a little under: dev and held out raised, new3 set.
# Seventh session (H5): the gold grew by 10 releases of other conflicts (7 dev, 3 held out as
# "held_out_new4", drawn before annotating; readouts allowed). On main c63bd0c, grown gold: dev
# (45) 0.67 / 0.70 (the 7 new alone 0.38 / 0.80), held out (22) 0.55 / 0.53, new4 0.48 / 0.85.
# The dev and whole held-out sets changed, so their floors are set anew on them (dev 0.74 ->
# 0.62; held out 0.55 -> 0.50, where main scores 39/71 = 0.549; DECISIONS.md), new4 set.
FLOORS = {
    "dev": (0.62, 0.65),
    "held_out": (0.50, 0.45),
    "held_out_old": (0.40, 0.30),
    "held_out_new": (0.78, 0.68),
    "held_out_new2": (0.30, 0.35),
    "held_out_new3": (0.50, 0.75),
    "held_out_new4": (0.40, 0.75),
}
DATE_FLOORS = {"dev": 0.95, "held_out": 0.80}


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
        floor_d = DATE_FLOORS.get(split)
        if strict and floor_d is not None and s.date_rate < floor_d:
            failures.append(f"{split}: date right below the floor {floor_d}")
    return "core events (issue 16), our annotation\n" + "\n".join(lines), failures


def _line(s: CoreScore) -> str:
    dated = (
        f"; date right {s.date_right}/{s.dated} ({s.date_rate:.0%}), {s.date_stated} from the text"
        if s.dated
        else ""
    )
    return (
        f"  {s.split}: gold {s.gold} predicted {s.predicted} matched {s.matched} "
        f"recall {s.recall:.2f} precision {s.precision:.2f}{dated}"
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
