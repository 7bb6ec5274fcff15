"""A readable terminal summary of one analysed document."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.table import Table

from peacewatch.records import Document


def print_summary(doc: Document, console: Console) -> None:
    m = doc.meta
    words = len(doc.body.text.split())
    console.rule(f"[bold]{m.title or m.id}")
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
    counts = {
        "places": len(doc.places),
        "quotes": len(doc.quotes),
        "events": len(doc.events),
    }
    console.print("  ".join(f"{k}: {v}" for k, v in counts.items()))
    for w in doc.warnings:
        console.print(f"[yellow]warning[/]: {w}")
