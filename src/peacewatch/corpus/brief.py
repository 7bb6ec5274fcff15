"""A Markdown brief of a negotiation track from analysed Documents (pure; no store, no I/O).

Every line names the document it came from and quotes its evidence span, so a reader can go
back to the source sentence. The CLI (``peacewatch negotiation``) and the store feed it.
"""

from __future__ import annotations

from collections.abc import Sequence

from peacewatch.corpus.track import (
    TrackRound,
    changes,
    merge_track,
    positions_over_time,
)
from peacewatch.records import Document

# Issues the brief always lists first, in this order (the 2022 track's core questions).
FOCUS = ("neutrality", "security-guarantees", "crimea", "donbas")


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _round_lines(r: TrackRound) -> list[str]:
    when = r.date or (f"date not stated, held by {r.held_by}" if r.held_by else None)
    head = " · ".join(x for x in (when or "date unknown", r.place, r.format, r.level) if x)
    state = "denied, " if r.denied else "contested, " if r.denials else ""
    n = len(r.reports)
    lines = [f"- **{head}** ({state}{n} report{'s' if n > 1 else ''})"]
    for rep in r.reports:
        ev = rep.round.evidence[0]
        number = f" round {rep.round.number}," if rep.round.number else ""
        only = f" place only, sides from {', '.join(rep.sides_from)}," if rep.sides_from else ""
        no = " says it did not take place," if rep.round.status == "denied" else ""
        lines.append(f"  - {rep.doc}{number}{only}{no} [{ev.start}:{ev.end}] “{_quote(ev.text)}”")
    for note in r.disagreements:
        lines.append(f"  - sources disagree: {note}")
    for note in r.inferred:
        lines.append(f"  - inferred: {note}")
    return lines


def brief_markdown(docs: Sequence[Document], parties: Sequence[str] | None = None) -> str:
    rounds, denied = merge_track(docs)
    lines = ["# Negotiation track", "", "## Rounds", ""]
    if not rounds:
        lines.append("No round of talks with a place or a date was found.")
    for r in rounds:
        lines += _round_lines(r)
    if denied:
        # Apart from the rounds above: a round only denied is no round held.
        lines += ["", "## Rounds said not to have taken place", ""]
        for r in denied:
            lines += _round_lines(r)
    over = positions_over_time(docs)
    wanted = set(parties) if parties else {p for p, _ in over}
    issues = sorted(
        {i for _, i in over}, key=lambda i: (i not in FOCUS, FOCUS.index(i) if i in FOCUS else 0, i)
    )
    lines += ["", "## Positions", ""]
    for issue in issues:
        rows = [(p, seq) for (p, i), seq in sorted(over.items()) if i == issue and p in wanted]
        if not rows:
            continue
        lines.append(f"### {issue}")
        for party, seq in rows:
            for x in seq:
                who = f" ({x.by})" if x.by else ""
                # A position the party denies holding is shown as its denial, never as held.
                stance = f"denies: {x.stance}" if x.status == "denied" else x.stance
                lines.append(
                    f"- {x.date or '?'} **{party}** {stance}{who} — {x.doc} "
                    f"[{x.evidence.start}:{x.evidence.end}] “{_quote(x.evidence.text)}”"
                )
        lines.append("")
    moved = [c for c in changes(docs, rounds) if c.party in wanted]
    lines += ["## What moved", ""]
    if not moved:
        lines.append("No party's stance changed between the documents.")
    for c in moved:
        since = f" (since {c.since_round})" if c.since_round else ""
        lines.append(
            f"- **{c.party}** on {c.issue}: {c.before.stance} ({c.before.date}, {c.before.doc}) → "
            f"{c.after.stance} ({c.after.date}, {c.after.doc}){since}"
        )
    return "\n".join(lines) + "\n"
