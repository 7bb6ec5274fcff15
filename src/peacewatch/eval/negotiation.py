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
from typing import Any

from peacewatch.records import Agreement, Document, IssueRecord, ProcedureStep, Round

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


def _round_matches(r: Round, g: dict[str, Any]) -> tuple[bool, bool]:
    """(same round, with the gold date) for one extracted round."""
    if g.get("place"):
        same = bool(r.place) and g["place"].lower() in (r.place or "").lower()
    else:
        same = r.place is None and r.format == g.get("mode")
    dated = same and r.date == g.get("date")
    return same, dated


def score_reference(doc: Document, gold: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(report lines, failed floors) for the reference article."""
    g = gold.get("negotiation")
    if not g:
        return [], []
    n = doc.negotiation
    lines = ["  negotiation"]
    fails: list[str] = []
    lines.append(
        f"    parties {sorted(n.parties)} (gold {sorted(g['parties'])}), "
        f"mediators {sorted(n.mediators)} (gold {sorted(g['mediators'])})"
    )

    # -- issues and stances
    with_stance = parties_right = stance_right = stance_total = 0
    missing = []
    for gi in g["issues"]:
        recs = [r for r in n.issues if _issue_matches(r, gi["aliases"])]
        positions = [p for r in recs for p in r.positions if p.status != "denied"]
        core = [p for p in gi["positions"] if p.get("core", True)]
        if positions:
            with_stance += 1
        got = {p.party for p in positions}
        if positions and all(p["party"] in got for p in core):
            parties_right += 1
        for gp in core:
            stance_total += 1
            want = _STANCE_SYNONYMS.get(gp["stance"], gp["stance"])
            if any(p.party == gp["party"] and p.stance == want for p in positions):
                stance_right += 1
        if not positions:
            missing.append(gi["issue"])
        shown = ", ".join(sorted({f"{p.party}:{p.stance}" for p in positions})) or "-"
        lines.append(f"      {gi['issue']:<24} {shown}")
    total = len(g["issues"]) or 1
    lines.append(
        f"    issues with a stance   {with_stance}/{len(g['issues'])} ({with_stance / total:.0%})"
    )
    lines.append(
        f"    issues, parties right  {parties_right}/{len(g['issues'])} "
        f"({parties_right / total:.0%})"
    )
    lines.append(f"    stances exactly right  {stance_right}/{stance_total} (reported, no floor)")
    extra = [
        r.issue
        for r in n.issues
        if r.positions and not any(_issue_matches(r, gi["aliases"]) for gi in g["issues"])
    ]
    if extra:
        lines.append("    issues with stances not in the gold: " + ", ".join(extra))
    if with_stance / total < ISSUES_WITH_STANCE:
        fails.append(
            f"negotiation: {with_stance / total:.0%} of gold issues with a stance, floor 85%"
        )
    if parties_right / total < ISSUES_PARTIES_RIGHT:
        fails.append(
            f"negotiation: {parties_right / total:.0%} of gold issues with all parties, floor 75%"
        )

    # -- rounds (a round said not to have taken place is no found round)
    held_rounds = [r for r in n.rounds if r.status != "denied"]
    matched: set[int] = set()
    for gr in g["rounds"]:
        hit = [(i, _round_matches(r, gr)) for i, r in enumerate(held_rounds)]
        same = [i for i, (s, _) in hit if s]
        dated = [i for i, (_, d) in hit if d]
        matched.update(same)
        label = gr.get("place") or gr.get("mode")
        state = "place+date" if dated else "found, date wrong" if same else "MISSING"
        lines.append(
            f"    round {label:<20} {state}{'' if gr.get('core', True) else ' (not core)'}"
        )
        if gr.get("core", True) and gr.get("place") and not dated:
            fails.append(f"negotiation: round {label} not found with place and date")
    spurious = [r for i, r in enumerate(held_rounds) if i not in matched]
    lines.append(f"    rounds {len(held_rounds)}, not in the gold {len(spurious)}")

    # -- the agreement
    ga = g.get("agreement")
    if ga:
        agreements: tuple[Agreement, ...] = n.agreements
        best = max(agreements, key=lambda a: len(a.procedure), default=None)
        if best is None:
            lines.append("    agreement              MISSING")
            fails.append("negotiation: the draft agreement was not found")
        else:
            steps = match_steps(ga["stated_procedure"], best.procedure)
            found = sum(1 for _, o in steps if o is not None)
            kind_ok = set(ga["kind"].split()) <= set(best.kind.split())
            by_ok = (
                bool(best.stated_by)
                and (best.stated_by or "").split()[-1].lower()
                == (ga.get("stated_by") or "").split()[-1].lower()
            )
            lines.append(
                f"    agreement {best.kind!r} stage {best.stage!r} (gold {ga['kind']!r}, "
                f"{ga['stage_now']!r}); kind {'ok' if kind_ok else 'WRONG'}, "
                f"stated by {'ok' if by_ok else 'WRONG'}"
            )
            lines.append(f"    procedure steps        {found}/{len(steps)} of the gold steps")
            for gstep, order in steps:
                lines.append(f"      {gstep:<44} {'step ' + str(order) if order else 'missing'}")
            if best.stage != ga["stage_now"]:
                fails.append(
                    f"negotiation: agreement stage {best.stage!r}, gold {ga['stage_now']!r}"
                )
            if found < MIN_STEPS:
                fails.append(f"negotiation: {found} procedure steps matched, floor {MIN_STEPS}")
    return lines, fails
