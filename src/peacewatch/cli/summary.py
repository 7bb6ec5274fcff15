"""A readable terminal summary of one analysed document: what it says, compactly.

The records themselves (who said what, what happened when, the talks), each shortened to a
line and each list cut after a few items with the number left; ``--format json`` has all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from peacewatch.records import Actor, Document, Negotiation

SHOWN = 8  # items of each list shown; "... and N more" says how many are left out
TEXT_CHARS = 110  # a quote or evidence sentence is cut after this many characters


def _short(text: str, limit: int = TEXT_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _day(value: str | None, precision: str) -> str:
    """A date with its precision ("2022-03 (month)"); "date ?" when there is none."""
    return f"{value} ({precision})" if value else "date ?"


def _who(actors: Sequence[Actor]) -> str:
    return ", ".join(f"{a.name} ({a.country})" if a.country else a.name for a in actors)


def _section(console: Console, title: str, lines: list[str]) -> None:
    if not lines:
        return
    console.print(f"[bold]{title}[/] ({len(lines)})")
    for line in lines[:SHOWN]:
        console.print(f"  {escape(line)}")
    if len(lines) > SHOWN:
        console.print(f"  … and {len(lines) - SHOWN} more (--format json lists all)")


def _quote_lines(doc: Document) -> list[str]:
    out = []
    for q in doc.quotes:
        who = q.speaker.name if q.speaker else "unattributed"
        via = f" [via {q.relay.name}]" if q.relay else ""
        out.append(f"{who}{via}: “{_short(q.text)}”")
    return out


def _event_lines(doc: Document) -> list[str]:
    out = []
    for ev in doc.events:
        parts = [ev.type if ev.modality == "asserted" else f"{ev.type} ({ev.modality})"]
        if ev.actors:
            parts.append(_who(ev.actors) + (f" → {_who(ev.recipients)}" if ev.recipients else ""))
        parts.append(_day(ev.date, ev.date_precision))
        if ev.place:
            parts.append(f"in {ev.place}")
        out.append(" · ".join(parts) + f": {_short(ev.evidence.text, 80)}")
    return out


def _negotiation_lines(neg: Negotiation) -> tuple[list[str], list[str], list[str]]:
    """(who takes part, the rounds, the positions) of the talks the document reports."""
    roles = [
        ("parties", neg.parties),
        ("mediators", neg.mediators),
        ("hosts", neg.hosts),
        ("guarantors", neg.guarantors),
        ("observers", neg.observers),
    ]
    who = [f"{role}: {', '.join(names)}" for role, names in roles if names]
    rounds = []
    for r in neg.rounds:
        parts = [_day(r.date, r.date_precision)]
        parts += [x for x in (r.place or r.country, r.format, r.level, r.status) if x]
        if r.number is not None:
            parts.append(f"round no. {r.number}")
        rounds.append(" · ".join(parts))
    positions = []
    for issue in neg.issues:
        for p in issue.positions:
            holder = p.party or "?"
            by = f" (by {p.by})" if p.by and p.by != p.party else ""
            denied = " [denied]" if p.status == "denied" else ""
            positions.append(f"{holder}{by}: {issue.label} – {p.stance}{denied}")
    return who, rounds, positions


def print_summary(doc: Document, console: Console) -> None:
    m = doc.meta
    words = len(doc.body.text.split())
    console.rule(f"[bold]{escape(m.title or m.id)}")
    console.print(
        f"source {m.source}  published {m.published or 'unknown'} ({m.published_source})  "
        f"publisher {m.publisher or '-'}"
    )
    console.print(f"body: {len(doc.body.paragraphs)} paragraphs, {words} words")
    if doc.removed:
        kinds = Counter(r.kind for r in doc.removed)
        console.print("removed: " + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())))
    if doc.entities:
        table = Table("entity", "type", "role", "country", "mentions", title="entities")
        for e in doc.entities:
            table.add_row(e.name, e.type, e.role or "", e.country or "", str(len(e.mentions)))
        console.print(table)
    if doc.dates:
        table = Table("expression", "resolved", "precision", "rule", title="dates")
        for t in doc.dates:
            table.add_row(t.text, t.value or "?", t.precision, t.rule)
        console.print(table)
    console.print(f"places: {len(doc.places)}")
    _section(console, "quotes", _quote_lines(doc))
    _section(console, "events", _event_lines(doc))
    who, rounds, positions = _negotiation_lines(doc.negotiation)
    if who or rounds or positions:
        console.print("[bold]negotiation[/]: " + ("; ".join(who) or "no parties named"))
        _section(console, "rounds", rounds)
        _section(console, "positions", positions)
    for w in doc.warnings:
        console.print(f"[yellow]warning[/]: {escape(w)}")
