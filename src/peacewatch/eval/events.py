"""Score PLOVER event coding: the reference article's gold events, and the ZSP sentence sets.

Reference matching follows shared/gold/README.md: an event matches a gold event when its evidence
sentence contains the gold evidence (case-insensitive) and its type is the gold type or one of
its ``alt`` types; places match by name or within the gold place's ``km`` of its coordinates;
dates match exactly at the gold precision ("before X" needs precision "before"). An event that
matches no gold event is a false positive unless it matches a ``core: false`` one.

The floors are the ones of the events issue: 10 of the 12 core events, place right for 70 % and
date right for 80 % of those found, and at least 60 % of our events matching a gold event.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.eval.events_zsp import run_zsp
from peacewatch.eval.geo import km
from peacewatch.records import Document, Event

CORE_FOUND_FLOOR = 10
PLACE_FLOOR = 0.70
DATE_FLOOR = 0.80
PRECISION_FLOOR = 0.60


def _gold_span(body: str, evidence: str) -> tuple[int, int] | None:
    at = body.lower().find(evidence.lower())
    return (at, at + len(evidence)) if at >= 0 else None


def _place_ok(doc: Document, ev: Event, gold: dict[str, Any], places: list[dict[str, Any]]) -> bool:
    want = gold.get("place")
    if not want:
        return ev.place is None
    if ev.place is None:
        return False
    names = [w.strip().lower() for w in want.split("|")]
    got = ev.place.lower().removeprefix("the ")
    if any(got == n or got in n or n in got for n in names):
        return True
    # The same place under another name: compare the coordinates our places stage gave it.
    ours = [p for p in doc.places if p.mention.lower() == ev.place.lower() and p.lat is not None]
    for g in places:
        if g["mention"].lower() in names and ours:
            p = ours[0]
            assert p.lat is not None and p.lon is not None
            if km(p.lat, p.lon, g["lat"], g["lon"]) <= g.get("km", 30):
                return True
    return False


def _date_ok(ev: Event, gold: dict[str, Any]) -> bool:
    want = gold.get("date")
    if want is None:
        return ev.date is None
    if want.startswith("before "):
        return ev.date == want.removeprefix("before ") and ev.date_precision == "before"
    return ev.date == want and ev.date_precision not in ("before", "after")


def score_reference(doc: Document, gold: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(report lines, failed floors) for the reference article."""
    lines: list[str] = []
    failures: list[str] = []
    gold_events = gold.get("events", [])
    if not gold_events:
        return lines, failures
    body = doc.body.text
    events = list(doc.events)
    spans = {g["id"]: _gold_span(body, g["evidence"]) for g in gold_events}
    taken: dict[int, str] = {}
    matched: dict[str, Event] = {}
    # Core events first, so a defensible extra cannot take the event a core one needs.
    order = sorted(gold_events, key=lambda g: not g.get("core", True))
    for g in order:
        gspan = spans[g["id"]]
        if gspan is None:
            continue
        types = {g["type"], *g.get("alt", [])}
        cands = [
            (i, e)
            for i, e in enumerate(events)
            if i not in taken
            and e.type in types
            and e.evidence.start <= gspan[0]
            and gspan[1] <= e.evidence.end
        ]
        if not cands:
            continue
        cands.sort(
            key=lambda ie: (
                not _place_ok(doc, ie[1], g, gold.get("places", [])),
                not _date_ok(ie[1], g),
            )
        )
        i, e = cands[0]
        taken[i] = g["id"]
        matched[g["id"]] = e
    core = [g for g in gold_events if g.get("core", True)]
    found = [g for g in core if g["id"] in matched]
    place_ok = [g for g in found if _place_ok(doc, matched[g["id"]], g, gold.get("places", []))]
    date_ok = [g for g in found if _date_ok(matched[g["id"]], g)]
    precision = len(taken) / len(events) if events else 0.0
    place_rate = len(place_ok) / len(found) if found else 0.0
    date_rate = len(date_ok) / len(found) if found else 0.0
    lines.append(f"  events core found      {len(found)}/{len(core)} (acceptable type)")
    lines.append(f"  events place right     {len(place_ok)}/{len(found)} ({place_rate:.0%})")
    lines.append(f"  events date right      {len(date_ok)}/{len(found)} ({date_rate:.0%})")
    lines.append(f"  events precision       {len(taken)}/{len(events)} ({precision:.0%})")
    src_ok = sum(
        1
        for g in found
        if g.get("source") and g["source"] in {a.country for a in matched[g["id"]].actors}
    )
    with_src = sum(1 for g in found if g.get("source"))
    lines.append(f"  events source country  {src_ok}/{with_src} (reported, no floor)")
    modal = [g for g in gold_events if g.get("modality") and g["id"] in matched]
    modal_ok = sum(1 for g in modal if matched[g["id"]].modality == g["modality"])
    lines.append(f"  events modality        {modal_ok}/{len(modal)} of the non-asserted gold")
    for g in core:
        if g["id"] not in matched:
            lines.append(f"    missed {g['id']} {g['type']}")
            continue
        e = matched[g["id"]]
        bad = []
        if g not in place_ok:
            bad.append(f"place {e.place!r} (gold {g.get('place')!r})")
        if g not in date_ok:
            bad.append(f"date {e.date!r}/{e.date_precision} (gold {g.get('date')!r})")
        if bad:
            lines.append(f"    {g['id']} {g['type']}: " + "; ".join(bad))
    for i, e in enumerate(events):
        if i not in taken:
            lines.append(f"    extra {e.type} {e.modality} at {e.evidence.start}")
    if len(found) < CORE_FOUND_FLOOR:
        failures.append(f"{len(found)} of {len(core)} core events found, floor {CORE_FOUND_FLOOR}")
    if place_rate < PLACE_FLOOR:
        failures.append(f"event places right for {place_rate:.0%}, floor {PLACE_FLOOR:.0%}")
    if date_rate < DATE_FLOOR:
        failures.append(f"event dates right for {date_rate:.0%}, floor {DATE_FLOOR:.0%}")
    if precision < PRECISION_FLOOR:
        failures.append(f"event precision {precision:.0%}, floor {PRECISION_FLOOR:.0%}")
    return lines, failures


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    """(report table, failed floors) on the benchmark in ``data``."""
    return run_zsp(data, strict)
