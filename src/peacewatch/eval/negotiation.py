"""Score the negotiation track of the reference article against its gold ``negotiation``.

Matching follows shared/gold/README.md: issues by their ``aliases`` (any one, as a
case-insensitive substring of our issue id, label or a mention), parties by ISO code, rounds by
place (or mode when the gold has no place) and dates exactly at the gold's precision, people by
surname. Floors are those of the issue: >= 85 % of gold issues found with a stance, >= 75 % with
every gold party right, every core round that has a place found with place and date, and the
draft at the drafting stage with at least four steps of the announced procedure.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import cast

from peacewatch.eval.gold import (
    GoldAgreement,
    GoldIssue,
    GoldNegotiation,
    GoldRound,
    JSONObject,
    ReferenceGold,
)
from peacewatch.records import Document, IssueRecord, Negotiation, ProcedureStep, Round

ISSUES_WITH_STANCE = 0.85
ISSUES_PARTIES_RIGHT = 0.75
MIN_STEPS = 4
_STOP = {"by", "in", "with", "the", "a", "an", "of", "at", "to", "and", "is", "it"}
_STANCE_SYNONYMS = {"commits": "committed", "commit": "committed"}


def _issue_matches(rec: IssueRecord, aliases: list[str]) -> bool:
    texts = [rec.issue, rec.label, *(m.text for m in rec.mentions)]
    return any(a.lower() in t.lower() for a in aliases for t in texts)


def _stems(text: str) -> set[str]:
    return {w[:4] for w in re.findall(r"[a-z]+", text.lower()) if w not in _STOP}


def _step_text(st: ProcedureStep) -> str:
    return " ".join(x for x in (st.action, st.actor, st.level, st.qualifier) if x)


def match_steps(gold: list[str], steps: tuple[ProcedureStep, ...]) -> list[tuple[str, int | None]]:
    """Each gold step with the order of the extracted step it matched (None when unmatched).

    A step matches when at least half of the gold step's content stems (first four letters)
    are among the extracted step's action, actor, level and qualifier; each extracted step
    serves one gold step, the best overlap first.
    """
    used: set[int] = set()
    out: list[tuple[str, int | None]] = []
    for g in gold:
        want = _stems(g) - {"poss"}  # "possibly" is modality, not content
        best, best_score = None, 0.0
        for st in steps:
            if st.order in used:
                continue
            score = len(want & _stems(_step_text(st))) / len(want) if want else 0.0
            if score > best_score:
                best, best_score = st, score
        if (
            best is not None
            and best_score >= 0.5
            and len(want & _stems(_step_text(best))) >= math.ceil(len(want) / 2)
        ):
            used.add(best.order)
            out.append((g, best.order))
        else:
            out.append((g, None))
    return out


def _round_matches(r: Round, g: GoldRound) -> tuple[bool, bool]:
    """(same round, with the gold date) for one extracted round."""
    place = g.get("place")
    if place:
        same = bool(r.place) and place.lower() in (r.place or "").lower()
    else:
        same = r.place is None and r.format == g.get("mode")
    dated = same and r.date == g.get("date")
    return same, dated


Scored = tuple[list[str], list[str]]  # (report lines, failed floors)


@dataclass(frozen=True)
class _IssueScore:
    """One gold issue against the extracted ones."""

    with_stance: bool  # some party holds a stance on it (a denied one is none)
    parties_right: bool  # ... and every core gold party is among those parties
    stances_right: int  # core gold (party, stance) pairs extracted exactly
    stances: int  # core gold (party, stance) pairs
    line: str


def _issue_score(n: Negotiation, gi: GoldIssue) -> _IssueScore:
    recs = [r for r in n.issues if _issue_matches(r, gi["aliases"])]
    positions = [p for r in recs for p in r.positions if p.status != "denied"]
    core = [p for p in gi["positions"] if p.get("core", True)]
    got = {p.party for p in positions}
    stances_right = 0
    for gp in core:
        want = _STANCE_SYNONYMS.get(gp["stance"], gp["stance"])
        if any(p.party == gp["party"] and p.stance == want for p in positions):
            stances_right += 1
    shown = ", ".join(sorted({f"{p.party}:{p.stance}" for p in positions})) or "-"
    return _IssueScore(
        with_stance=bool(positions),
        parties_right=bool(positions) and all(p["party"] in got for p in core),
        stances_right=stances_right,
        stances=len(core),
        line=f"      {gi['issue']:<24} {shown}",
    )


def _score_issues(n: Negotiation, g: GoldNegotiation) -> Scored:
    scores = [_issue_score(n, gi) for gi in g["issues"]]
    with_stance = sum(s.with_stance for s in scores)
    parties_right = sum(s.parties_right for s in scores)
    stance_right = sum(s.stances_right for s in scores)
    stance_total = sum(s.stances for s in scores)
    n_gold = len(g["issues"])
    total = n_gold or 1
    lines = [s.line for s in scores]
    lines.append(f"    issues with a stance   {with_stance}/{n_gold} ({with_stance / total:.0%})")
    lines.append(
        f"    issues, parties right  {parties_right}/{n_gold} ({parties_right / total:.0%})"
    )
    lines.append(f"    stances exactly right  {stance_right}/{stance_total} (reported, no floor)")
    extra = [
        r.issue
        for r in n.issues
        if r.positions and not any(_issue_matches(r, gi["aliases"]) for gi in g["issues"])
    ]
    if extra:
        lines.append("    issues with stances not in the gold: " + ", ".join(extra))
    fails: list[str] = []
    if with_stance / total < ISSUES_WITH_STANCE:
        fails.append(
            f"negotiation: {with_stance / total:.0%} of gold issues with a stance, floor 85%"
        )
    if parties_right / total < ISSUES_PARTIES_RIGHT:
        fails.append(
            f"negotiation: {parties_right / total:.0%} of gold issues with all parties, floor 75%"
        )
    return lines, fails


def _score_rounds(n: Negotiation, g: GoldNegotiation) -> Scored:
    # A round said not to have taken place is no found round.
    held_rounds = [r for r in n.rounds if r.status != "denied"]
    matched: set[int] = set()
    lines: list[str] = []
    fails: list[str] = []
    for gr in g["rounds"]:
        hit = [(i, _round_matches(r, gr)) for i, r in enumerate(held_rounds)]
        same = [i for i, (s, _) in hit if s]
        dated = [i for i, (_, d) in hit if d]
        matched.update(same)
        label = gr.get("place") or gr.get("mode")
        state = "place+date" if dated else "found, date wrong" if same else "MISSING"
        core = gr.get("core", True)
        lines.append(f"    round {label:<20} {state}{'' if core else ' (not core)'}")
        if core and gr.get("place") and not dated:
            fails.append(f"negotiation: round {label} not found with place and date")
    spurious = [r for i, r in enumerate(held_rounds) if i not in matched]
    lines.append(f"    rounds {len(held_rounds)}, not in the gold {len(spurious)}")
    return lines, fails


def _score_agreement(n: Negotiation, ga: GoldAgreement) -> Scored:
    best = max(n.agreements, key=lambda a: len(a.procedure), default=None)
    if best is None:
        return ["    agreement              MISSING"], [
            "negotiation: the draft agreement was not found"
        ]
    steps = match_steps(ga["stated_procedure"], best.procedure)
    found = sum(1 for _, o in steps if o is not None)
    kind_ok = set(ga["kind"].split()) <= set(best.kind.split())
    by_ok = (
        bool(best.stated_by)
        and (best.stated_by or "").split()[-1].lower()
        == (ga.get("stated_by") or "").split()[-1].lower()
    )
    lines = [
        f"    agreement {best.kind!r} stage {best.stage!r} (gold {ga['kind']!r}, "
        f"{ga['stage_now']!r}); kind {'ok' if kind_ok else 'WRONG'}, "
        f"stated by {'ok' if by_ok else 'WRONG'}",
        f"    procedure steps        {found}/{len(steps)} of the gold steps",
    ]
    for gstep, order in steps:
        lines.append(f"      {gstep:<44} {'step ' + str(order) if order else 'missing'}")
    fails: list[str] = []
    if best.stage != ga["stage_now"]:
        fails.append(f"negotiation: agreement stage {best.stage!r}, gold {ga['stage_now']!r}")
    if found < MIN_STEPS:
        fails.append(f"negotiation: {found} procedure steps matched, floor {MIN_STEPS}")
    return lines, fails


def score_reference(doc: Document, gold: JSONObject) -> Scored:
    """(report lines, failed floors) for the reference article.

    ``gold`` is the article's ``ReferenceGold``; any JSON object of that shape is accepted
    (tests build the ``negotiation`` section inline).
    """
    g = cast(ReferenceGold, gold).get("negotiation")
    if not g:
        return [], []
    n = doc.negotiation
    lines = [
        "  negotiation",
        f"    parties {sorted(n.parties)} (gold {sorted(g['parties'])}), "
        f"mediators {sorted(n.mediators)} (gold {sorted(g['mediators'])})",
    ]
    fails: list[str] = []
    parts = [_score_issues(n, g), _score_rounds(n, g)]
    ga = g.get("agreement")
    if ga:
        parts.append(_score_agreement(n, ga))
    for more_lines, more_fails in parts:
        lines += more_lines
        fails += more_fails
    return lines, fails
