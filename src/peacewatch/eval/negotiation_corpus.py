"""``peacewatch eval negotiation``: the corpus track on a hand-annotated sample of the 2022
official releases (../shared/corpus/official-2022, read at run time; the annotation,
eval/data/official_sample.json, holds ids and short keys only, no text).

The sample goes through the real path: analyse, store in a temporary SQLite store, read back
with store/load.py, build the track (corpus/negotiation.py). Then:

- rounds, per release: an extracted round (with a place or a date) matches an annotated one
  when a place name agrees (either contains the other) or, for a round without a place, the
  format and the date agree; precision over extracted rounds, recall over annotated ones,
  and how many matched rounds with an annotated date have that date;
- positions, per release, on the four focus issues, firm stances only (not "discussed"):
  (party, issue) pairs, precision and recall; of the matches, how many have the annotated
  direction, and how many have evidence containing the annotation's key; and the same
  ignoring the party, which shows how many positions were found but left without one;
- the brief: each of the Belarus, Antalya, video and Istanbul rounds listed, with a date.

The annotation is small (41 releases, 47 positions) and ours; ``--strict`` fails below the
floors in FLOORS (positions over all annotated releases, party attribution over the corpus).
A round that no release dates (Antalya: only "recent" talks there) is listed with the
bound "held by <first report>", which the check accepts and prints as such.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import NotRequired, TypedDict, cast

from peacewatch.corpus.brief import FOCUS
from peacewatch.corpus.negotiation import Sourced, track_state
from peacewatch.corpus.track import DIRECTION
from peacewatch.eval.gold import BriefRound, JSONObject, SampleDoc, SampleRound, read_sample
from peacewatch.records import Document, Position, Round

ANNOTATION = Path(__file__).parent / "data" / "official_sample.json"
# Floors for --strict. Measured on 2026-11-25 over the 41 annotated releases: positions P 0.82,
# R 0.68; 76 % of the corpus's positions with a party. One position of the 47 annotated is
# 2 points of recall, so the floors sit about three positions below what was measured; the
# held-out part (19 releases, 17 positions) is reported, not floored: too small.
# 2026-12-04 (H1, positions without a party): P 0.91, R 0.66, 92 % of the corpus's positions
# with a party; attribution's floor rises to 0.88 (about 15 of 391 positions under it).
FLOORS = {"positions precision": 0.75, "positions recall": 0.60, "party attribution": 0.88}


def _place_ok(r: Round, names: list[str]) -> bool:
    got = [x.lower() for x in (r.place, r.country, r.venue) if x]
    return any(n.lower() in g or g in n.lower() for n in names for g in got)


def _round_match(r: Round, g: SampleRound) -> bool:
    place = g.get("place")
    if place:
        return _place_ok(r, place)
    return r.place is None and r.format == g.get("format") and r.date == g.get("date")


def _pr(tp_p: int, n_p: int, tp_r: int, n_r: int) -> tuple[float, float]:
    return (tp_p / n_p if n_p else 0.0, tp_r / n_r if n_r else 0.0)


class RoundScore(TypedDict):
    precision: float
    recall: float
    n_extracted: int
    n_gold: int
    dates_right: str  # "right/annotated with a date"
    notes: list[str]


class PositionScore(TypedDict):
    precision: float
    recall: float
    issue_precision: float
    issue_recall: float
    direction_right: str
    evidence_right: str
    no_party: int
    n_extracted: int
    n_gold: int
    notes: list[str]


def _sample(gold: Mapping[str, JSONObject]) -> Mapping[str, SampleDoc]:
    """The annotation of each release; tests pass plain dicts of that shape."""
    return cast(Mapping[str, SampleDoc], gold)


def score_rounds(docs: Mapping[str, Document], gold: Mapping[str, JSONObject]) -> RoundScore:
    """Rounds of the releases in ``gold`` (release id -> its ``SampleDoc``) against theirs."""
    n_ext = n_gold = tp_p = tp_r = dated = dated_ok = 0
    misses: list[str] = []
    for doc_id, ann in _sample(gold).items():
        ext = [
            r
            for r in docs[doc_id].negotiation.rounds
            if (r.place or r.date) and r.status != "denied"
        ]
        n_ext += len(ext)
        n_gold += len(ann["rounds"])
        tp_p += sum(any(_round_match(x, g) for g in ann["rounds"]) for x in ext)
        for g in ann["rounds"]:
            hit = [x for x in ext if _round_match(x, g)]
            tp_r += bool(hit)
            if not hit:
                misses.append(f"round missed: {doc_id} {g.get('place') or g.get('format')}")
            if g.get("date") and hit:
                dated += 1
                dated_ok += any(x.date == g["date"] for x in hit)
        for x in ext:
            if not any(_round_match(x, g) for g in ann["rounds"]):
                misses.append(f"round extra: {doc_id} {x.place} {x.date}")
    p, r = _pr(tp_p, n_ext, tp_r, n_gold)
    return {
        "precision": p,
        "recall": r,
        "n_extracted": n_ext,
        "n_gold": n_gold,
        "dates_right": f"{dated_ok}/{dated}",
        "notes": misses,
    }


def score_positions(docs: Mapping[str, Document], gold: Mapping[str, JSONObject]) -> PositionScore:
    """(party, issue) positions of the releases in ``gold`` (release id -> its ``SampleDoc``)."""
    sample = _sample(gold)
    ext_pairs: set[tuple[str, str | None, str]] = set()
    ext_issue: set[tuple[str, str]] = set()
    gold_pairs: set[tuple[str, str | None, str]] = set()
    found: dict[tuple[str, str | None, str], list[Position]] = {}
    for doc_id, ann in sample.items():
        for rec in docs[doc_id].negotiation.issues:
            for q in rec.positions:
                # The annotation records held stances; a denial is scored as none.
                if q.issue in FOCUS and q.stance != "discussed" and q.status != "denied":
                    ext_pairs.add((doc_id, q.party, q.issue))
                    ext_issue.add((doc_id, q.issue))
                    found.setdefault((doc_id, q.party, q.issue), []).append(q)
        for g in ann["positions"]:
            gold_pairs.add((doc_id, g["party"], g["issue"]))
    tp = ext_pairs & gold_pairs
    p, r = _pr(len(tp), len(ext_pairs), len(tp), len(gold_pairs))
    gold_issue = {(d, i) for d, _, i in gold_pairs}
    pi, ri = _pr(
        len(ext_issue & gold_issue), len(ext_issue), len(ext_issue & gold_issue), len(gold_issue)
    )
    direction = evidence = 0
    for doc_id, ann in sample.items():
        for g in ann["positions"]:
            got = found.get((doc_id, g["party"], g["issue"]), [])
            direction += any(DIRECTION.get(x.stance) == g["direction"] for x in got)
            evidence += any(g["contains"].lower() in x.evidence.text.lower() for x in got)
    no_party = sum(1 for _, party, _ in ext_pairs if party is None)
    notes = [f"position missed: {d} {pa} {i}" for d, pa, i in sorted(gold_pairs - ext_pairs)]
    notes += [
        f"position extra: {d} {pa} {i}"
        for d, pa, i in sorted(ext_pairs - gold_pairs, key=lambda x: (x[0], x[1] or "", x[2]))
    ]
    return {
        "precision": p,
        "recall": r,
        "issue_precision": pi,
        "issue_recall": ri,
        "direction_right": f"{direction}/{len(tp)}",
        "evidence_right": f"{evidence}/{len(tp)}",
        "no_party": no_party,
        "n_extracted": len(ext_pairs),
        "n_gold": len(gold_pairs),
        "notes": notes,
    }


class _Report(TypedDict):
    place: str | None


class _TrackRound(TypedDict):
    """A round of ``track_state`` (corpus/negotiation.py): the fields the brief check reads."""

    place: str | None
    format: str | None
    date: str | None
    held_by: NotRequired[str | None]
    reports: list[_Report]


def check_brief(state: JSONObject, wanted: Sequence[JSONObject]) -> list[tuple[str, str]]:
    """(label, dates found) for each round the brief must list (``wanted``: ``BriefRound``s)
    in ``state``, the ``track_state`` of the corpus: its dates; else, when no report dates
    it, "held by D" (the earliest report of it as held: a bound, not a date); else "MISSING"."""
    rounds = cast(list[_TrackRound], state["rounds"])
    out = []
    for w in cast(Sequence[BriefRound], wanted):
        dates, bounds = [], []
        for r in rounds:
            places = [x.lower() for x in (r["place"], *(y["place"] for y in r["reports"])) if x]
            names = w["place"]
            if names:
                ok = any(n.lower() in p or p in n.lower() for n in names for p in places)
            else:
                ok = r["format"] == w["format"]
            if ok and r["date"]:
                dates.append(r["date"])
            elif ok and (held_by := r.get("held_by")):
                bounds.append(held_by)
        found = ", ".join(sorted(set(dates)))
        if not found and bounds:
            found = f"held by {min(bounds)} (no report dates it)"
        out.append((w["label"], found or "MISSING"))
    return out


def attribution(docs: list[Document]) -> tuple[int, int]:
    """(positions with a party, all positions) over the analysed releases."""
    ps = [q for d in docs for rec in d.negotiation.issues for q in rec.positions]
    return sum(1 for q in ps if q.party), len(ps)


def analyse_sample(data: Path, ids: list[str]) -> list[Sourced]:
    """Analyse the sample, store it, read it back (the path `peacewatch negotiation` takes)."""
    from peacewatch.parse.nlp import load
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput
    from peacewatch.sources.files import read_path
    from peacewatch.store import Store
    from peacewatch.store.load import load_documents

    nlp = load()

    def run(raw: RawInput, pub: str | None) -> Document:
        return analyze(raw, published=pub, nlp=nlp)

    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(f"sqlite:///{tmp}/eval.sqlite") as store,
    ):
        for doc_id in ids:
            for raw in read_path(data / f"{doc_id}.txt"):
                if isinstance(raw, RawInput):
                    store.ingest(raw, run)
        store.corroborate()
        stored = load_documents(store.engine)
    return [Sourced(s.doc, s.source) for s in stored]


def run(
    data: Path, strict: bool, annotation: Path | None = None, sample_only: bool = False
) -> tuple[str, list[str]]:
    """Score the annotated releases; the brief is checked on the whole corpus (about a minute
    for the 195 releases on two cores) unless ``sample_only``."""
    ann = read_sample(annotation or ANNOTATION)
    gold = ann["documents"]
    t0 = time.monotonic()
    ids = sorted(gold) if sample_only else sorted(p.stem for p in data.glob("*.txt"))
    items = analyse_sample(data, ids)
    docs = {x.doc.meta.id: x.doc for x in items}
    missing = sorted(set(gold) - set(docs))
    gold = {k: v for k, v in gold.items() if k in docs}
    held = {k: v for k, v in gold.items() if k in set(ann.get("held_out", []))}
    rounds = score_rounds(docs, gold)
    pos = score_positions(docs, gold)
    h_rounds, h_pos = score_rounds(docs, held), score_positions(docs, held)
    state = track_state(items)
    brief = check_brief(state, ann["brief_rounds"])
    with_party, n_positions = attribution([x.doc for x in items])
    lines = [
        f"negotiation track: {len(gold)} annotated official-2022 releases scored, brief over "
        f"{len(items)} releases ({time.monotonic() - t0:.0f} s)",
        f"rounds     P {rounds['precision']:.2f}  R {rounds['recall']:.2f}  "
        f"({rounds['n_extracted']} extracted, {rounds['n_gold']} annotated; "
        f"dates right {rounds['dates_right']})",
        f"positions  P {pos['precision']:.2f}  R {pos['recall']:.2f}  (party x issue; "
        f"{pos['n_extracted']} extracted, {pos['n_gold']} annotated, {pos['no_party']} "
        f"without party; direction right {pos['direction_right']}, evidence right "
        f"{pos['evidence_right']})",
        f"issues     P {pos['issue_precision']:.2f}  R {pos['issue_recall']:.2f}  "
        "(issue only, party ignored)",
        f"held-out ({len(held)} releases, not used to tune the rules): rounds "
        f"P {h_rounds['precision']:.2f} R {h_rounds['recall']:.2f} "
        f"({h_rounds['n_extracted']}/{h_rounds['n_gold']}), positions "
        f"P {h_pos['precision']:.2f} R {h_pos['recall']:.2f} "
        f"({h_pos['n_extracted']}/{h_pos['n_gold']})",
        f"party attribution: {with_party}/{n_positions} positions of the {len(items)} releases "
        f"have a party ({with_party / max(n_positions, 1):.0%}); brief: {len(state['rounds'])} "
        f"rounds, {len(state['moved'])} moves",
        "brief rounds: " + "; ".join(f"{label}: {d}" for label, d in brief),
        # The misses of held-out releases are not listed: reading them is how they stop being
        # held out (kremlin-en-67838 left the held-out list after a rule was written from it).
        *(
            f"  {n}"
            for n in rounds["notes"] + pos["notes"]
            if not any(f" {h} " in f" {n} " for h in held)
        ),
    ]
    failures = [f"release not found: {m}" for m in missing]
    failures += [
        f"brief lacks the {label} round with a date" for label, d in brief if d == "MISSING"
    ]
    measured = {
        "positions precision": pos["precision"],
        "positions recall": pos["recall"],
        "party attribution": with_party / max(n_positions, 1),
    }
    failures += [
        f"{name} {measured[name]:.2f} below the floor {floor:.2f}"
        for name, floor in FLOORS.items()
        if measured[name] < floor
    ]
    return "\n".join(lines), failures
