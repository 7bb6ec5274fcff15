"""Text and Markdown views of ``corpus.track_state`` (pure; the CLI prints them).

Every line ends with its source link ``doc[start:end]`` and quotes the evidence sentence, so a
reader can go back to where it came from.
"""

from __future__ import annotations

from typing import Any

from peacewatch.corpus.brief import FOCUS


def _quote(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _src(ev: dict[str, Any]) -> str:
    return f"{ev['doc']}[{ev['start']}:{ev['end']}] “{_quote(ev['text'])}”"


def _issues(state: dict[str, Any]) -> list[str]:
    found = {p["issue"] for p in state["positions"]}
    return sorted(found, key=lambda i: (i not in FOCUS, FOCUS.index(i) if i in FOCUS else 0, i))


def _round(r: dict[str, Any], b: str) -> list[str]:
    bound = f"date not stated, held by {r['held_by']}" if r.get("held_by") else None
    when = r["date"] or bound
    head = " · ".join(
        x for x in (when or "date unknown", r["place"], r["format"], r.get("level")) if x
    )
    lines = [
        f"- {b}{head}{b} [{r['status']}: {r['n_sources']} report(s), "
        f"{r['n_independent']} independent]"
    ]
    for rep in r["reports"]:
        status = "says it did not take place" if rep["status"] == "denied" else rep["status"]
        own = ", ".join(
            x
            for x in (
                f"round {rep['number']}" if rep["number"] else None,
                rep["venue"],
                status,
            )
            if x
        )
        if rep.get("sides_from"):
            own = ", ".join(
                x for x in (own, "place only; sides from " + ", ".join(rep["sides_from"])) if x
            )
        lines.append(f"  - {own + ': ' if own else ''}{_src(rep['evidence'])}")
    for note in r["disagreements"]:
        lines.append(f"  - sources disagree: {note}")
    for note in r.get("inferred", []):
        lines.append(f"  - inferred: {note}")
    return lines


def render(state: dict[str, Any], markdown: bool = False) -> str:
    h1, h2, h3 = ("# ", "## ", "### ") if markdown else ("", "== ", "-- ")
    b = "**" if markdown else ""
    lines = [
        f"{h1}Negotiation track ({state['documents']} documents, "
        f"{state['sources']} independent sources)",
        "",
        f"{h2}Rounds",
        "",
    ]
    if not state["rounds"]:
        lines.append("No round of talks with a place or a date was found.")
    for r in state["rounds"]:
        lines += _round(r, b)
    if state.get("denied_rounds"):
        # Apart from the rounds above: a round only denied is no round held.
        lines += ["", f"{h2}Rounds said not to have taken place", ""]
        for r in state["denied_rounds"]:
            lines += _round(r, b)
    lines += ["", f"{h2}Positions", ""]
    for issue in _issues(state):
        lines.append(f"{h3}{issue}")
        for p in (x for x in state["positions"] if x["issue"] == issue):
            for x in p["history"]:
                who = f" ({x['by']})" if x["by"] else ""
                denied = x["status"] == "denied"  # shown as the party's denial, never as held
                stance = f"denies: {x['stance']}" if denied else x["stance"]
                lines.append(
                    f"- {x['date'] or '?'} {b}{p['party']}{b} {stance}{who} "
                    f"[{x['status']}] — {_src(x['evidence'])}"
                )
        lines.append("")
    lines += [f"{h2}What moved", ""]
    if not state["moved"]:
        lines.append("No party's stance changed between the documents.")
    for c in state["moved"]:
        since = f" (since {c['since_round']})" if c["since_round"] else ""
        bef, aft = c["before"], c["after"]
        lines.append(
            f"- {b}{c['party']}{b} on {c['issue']}: {bef['stance']} ({bef['date']}) → "
            f"{aft['stance']} ({aft['date']}){since} — {_src(aft['evidence'])}; "
            f"before: {_src(bef['evidence'])}"
        )
    lines += ["", f"{h2}Commitments", ""]
    if not state["commitments"]:
        lines.append("No commitment with a scope was found.")
    for c in state["commitments"]:
        lines.append(
            f"- {c['date']} {b}{c['obligor'] or 'party unknown'}{b}: {c['action']} "
            f"(scope: {', '.join(c['scope'])}) — {_src(c['evidence'])}"
        )
        for link in c["links"]:
            lines.append(
                f"  - {link['relation']}: {link['type']} at {link['place']} on {link['date']} "
                f"— {_src(link['evidence'])}"
            )
    return "\n".join(lines) + "\n"
