"""Score PLOVER event coding: the reference article's gold events, and the ZSP sentence sets.

Reference matching follows shared/gold/README.md: an event matches a gold event when its evidence
sentence contains the gold evidence (case-insensitive) and its type is the gold type or one of
its ``alt`` types; places match by name or within the gold place's ``km`` of its coordinates;
dates match exactly at the gold precision ("before X" needs precision "before"); a gold event
without a date matches an undated event or one dated only by its report (``date_basis``
"reported"), and a reported date never matches a gold date. An event that
matches no gold event is a false positive unless it matches a ``core: false`` one.

The floors are the ones of the events issue: 10 of the 12 core events, place right for 70 % and
date right for 80 % of those found, and at least 60 % of our events matching a gold event.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peacewatch.eval.events_zsp import run_zsp
from peacewatch.eval.geo import km
from peacewatch.eval.gold import GoldEvent, GoldPlace, ReferenceGold
from peacewatch.records import Document, Event

CORE_FOUND_FLOOR = 10
PLACE_FLOOR = 0.70
DATE_FLOOR = 0.80
PRECISION_FLOOR = 0.60


def _gold_span(body: str, evidence: str) -> tuple[int, int] | None:
    at = body.lower().find(evidence.lower())
    return (at, at + len(evidence)) if at >= 0 else None


def _place_ok(doc: Document, ev: Event, gold: GoldEvent, places: list[GoldPlace]) -> bool:
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


def _date_ok(ev: Event, gold: GoldEvent) -> bool:
    want = gold.get("date")
    if want is None:
        # The gold says the text gives no date: right when ours is none either, or only the
        # publication date marked "reported" (a bound, not a claim of the event's date).
        return ev.date is None or ev.date_basis == "reported"
    if ev.date_basis == "reported":
        return False
    if want.startswith("before "):
        return ev.date == want.removeprefix("before ") and ev.date_precision == "before"
    return ev.date == want and ev.date_precision not in ("before", "after")


@dataclass(frozen=True)
class _Matching:
    """Our events and which gold event each one matched."""

    events: list[Event]
    taken: dict[int, str]  # index in ``events`` -> the gold id it matched
    matched: dict[str, Event]  # gold id -> our event


def _match(doc: Document, gold_events: list[GoldEvent], places: list[GoldPlace]) -> _Matching:
    """Match each gold event to at most one of ours, one of ours to at most one gold event."""
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
                not _place_ok(doc, ie[1], g, places),
                not _date_ok(ie[1], g),
            )
        )
        i, e = cands[0]
        taken[i] = g["id"]
        matched[g["id"]] = e
    return _Matching(events, taken, matched)


@dataclass(frozen=True)
class _Core:
    """The core gold events: found, and of those found, with the place and the date right."""

    core: list[GoldEvent]
    found: list[GoldEvent]
    place_ok: list[GoldEvent]
    date_ok: list[GoldEvent]


def _core(doc: Document, gold: ReferenceGold, m: _Matching) -> _Core:
    core = [g for g in gold.get("events", []) if g.get("core", True)]
    found = [g for g in core if g["id"] in m.matched]
    places = gold.get("places", [])
    place_ok = [g for g in found if _place_ok(doc, m.matched[g["id"]], g, places)]
    date_ok = [g for g in found if _date_ok(m.matched[g["id"]], g)]
    return _Core(core, found, place_ok, date_ok)


def _rate(n: int, of: int) -> float:
    return n / of if of else 0.0


def _summary_lines(gold_events: list[GoldEvent], m: _Matching, c: _Core) -> list[str]:
    place_rate = _rate(len(c.place_ok), len(c.found))
    date_rate = _rate(len(c.date_ok), len(c.found))
    precision = _rate(len(m.taken), len(m.events))
    src_ok = sum(
        1
        for g in c.found
        if g.get("source") and g["source"] in {a.country for a in m.matched[g["id"]].actors}
    )
    with_src = sum(1 for g in c.found if g.get("source"))
    modal = [g for g in gold_events if g.get("modality") and g["id"] in m.matched]
    modal_ok = sum(1 for g in modal if m.matched[g["id"]].modality == g.get("modality"))
    return [
        f"  events core found      {len(c.found)}/{len(c.core)} (acceptable type)",
        f"  events place right     {len(c.place_ok)}/{len(c.found)} ({place_rate:.0%})",
        f"  events date right      {len(c.date_ok)}/{len(c.found)} ({date_rate:.0%})",
        f"  events precision       {len(m.taken)}/{len(m.events)} ({precision:.0%})",
        f"  events source country  {src_ok}/{with_src} (reported, no floor)",
        f"  events modality        {modal_ok}/{len(modal)} of the non-asserted gold",
    ]


def _detail_lines(m: _Matching, c: _Core) -> list[str]:
    """The core events missed or wrong, then our events that match no gold event."""
    lines: list[str] = []
    for g in c.core:
        if g["id"] not in m.matched:
            lines.append(f"    missed {g['id']} {g['type']}")
            continue
        e = m.matched[g["id"]]
        bad = []
        if g not in c.place_ok:
            bad.append(f"place {e.place!r} (gold {g.get('place')!r})")
        if g not in c.date_ok:
            bad.append(f"date {e.date!r}/{e.date_precision} (gold {g.get('date')!r})")
        if bad:
            lines.append(f"    {g['id']} {g['type']}: " + "; ".join(bad))
    for i, e in enumerate(m.events):
        if i not in m.taken:
            lines.append(f"    extra {e.type} {e.modality} at {e.evidence.start}")
    return lines


def _failures(m: _Matching, c: _Core) -> list[str]:
    place_rate = _rate(len(c.place_ok), len(c.found))
    date_rate = _rate(len(c.date_ok), len(c.found))
    precision = _rate(len(m.taken), len(m.events))
    failures = []
    if len(c.found) < CORE_FOUND_FLOOR:
        failures.append(
            f"{len(c.found)} of {len(c.core)} core events found, floor {CORE_FOUND_FLOOR}"
        )
    if place_rate < PLACE_FLOOR:
        failures.append(f"event places right for {place_rate:.0%}, floor {PLACE_FLOOR:.0%}")
    if date_rate < DATE_FLOOR:
        failures.append(f"event dates right for {date_rate:.0%}, floor {DATE_FLOOR:.0%}")
    if precision < PRECISION_FLOOR:
        failures.append(f"event precision {precision:.0%}, floor {PRECISION_FLOOR:.0%}")
    return failures


def score_reference(doc: Document, gold: ReferenceGold) -> tuple[list[str], list[str]]:
    """(report lines, failed floors) for the reference article."""
    gold_events = gold.get("events", [])
    if not gold_events:
        return [], []
    m = _match(doc, gold_events, gold.get("places", []))
    c = _core(doc, gold, m)
    return _summary_lines(gold_events, m, c) + _detail_lines(m, c), _failures(m, c)


def run(data: Path, strict: bool) -> tuple[str, list[str]]:
    """(report table, failed floors) on the benchmark in ``data``."""
    return run_zsp(data, strict)
