"""Corroboration: events from different documents about the same thing, merged.

Two events are about the same thing when they have the same type, the same place (or neither
has one), dates within ``WINDOW_DAYS`` of each other (an undated event matches no dated one,
and an event dated only by its report's publication date counts as undated: ``event_days``),
and at least one resolved actor in common (by country). An event without a resolved actor or
without a day of its own merges only within its own story (document or syndication cluster),
so no group spans documents on "we" or on the day a release was published (issue 16).
A merged event lists every source, and counts its *independent* sources: syndication clusters,
not documents, so ten copies of one wire story count once; and one publisher's reports count
once (``EventRef.source``, store/claims.py ``source_key``), so three readouts of one ministry
are not three corroborations.

Contradictions are kept side by side, never resolved: each distinct claim (modality, and the
figures its evidence states) is listed with its own sources, and the group is ``contested``
when an event is asserted by some and denied by others, or when sources give different figures;
never from one independent source alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from peacewatch.records import Actor, Event

# News reports an event on the day or the day after ("on Tuesday", "yesterday"); a window of
# one day merges those without merging the next day's round of talks into this one's.
WINDOW_DAYS = 1

_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|"
    "july|august|september|october|november|december"
)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")
_DATE_NEAR = re.compile(rf"\b(?:{_MONTHS})\b\.?\s*$|^\s*(?:{_MONTHS})\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class EventRef:
    """One event as stored: where it comes from, and its cluster (its independent source)."""

    id: str  # "<version id>#e<idx>"
    doc_id: str
    cluster_id: str
    event: Event
    date_start: date | None = None
    date_end: date | None = None
    source: str = ""  # the independent source; the cluster when empty

    @property
    def independent(self) -> str:
        return self.source or self.cluster_id


@dataclass(frozen=True, slots=True)
class Claim:
    modality: str
    figures: tuple[str, ...]
    sources: tuple[str, ...]  # EventRef ids
    n_independent: int


@dataclass(slots=True)
class EventGroup:
    id: str  # id of the first member
    type: str
    place: str | None
    date_start: date | None
    date_end: date | None
    members: list[EventRef] = field(default_factory=list)

    @property
    def actors(self) -> list[str]:
        return sorted({_actor_key(a) for m in self.members for a in m.event.actors})

    @property
    def n_sources(self) -> int:
        return len({m.doc_id for m in self.members})

    @property
    def n_independent(self) -> int:
        return len({m.independent for m in self.members})

    @property
    def claims(self) -> list[Claim]:
        by: dict[tuple[str, tuple[str, ...]], list[EventRef]] = {}
        for m in self.members:
            by.setdefault((m.event.modality, event_figures(m.event)), []).append(m)
        return [
            Claim(mod, figs, tuple(r.id for r in refs), len({r.independent for r in refs}))
            for (mod, figs), refs in sorted(by.items())
        ]

    @property
    def contested(self) -> bool:
        """Claims that differ, held by at least two independent sources: one source that says
        "will agree" and "agreed" is not contested by anyone (issue 16)."""
        if self.n_independent < 2:
            return False
        claims = self.claims
        modalities = {c.modality for c in claims}
        stated = {c.figures for c in claims if c.figures}
        return len(modalities) > 1 or len(stated) > 1


def figures(text: str) -> tuple[str, ...]:
    """Numbers a claim states ("40 buses", "1,200 people"), without the days of dates."""
    out = []
    for m in _NUMBER.finditer(text):
        value = m.group(0).replace(",", "")
        before, after = text[max(0, m.start() - 12) : m.start()], text[m.end() : m.end() + 12]
        is_year = len(value) == 4 and value[:2] in ("19", "20")
        if is_year or _DATE_NEAR.search(before) or _DATE_NEAR.search(after):
            continue
        out.append(value)
    return tuple(sorted(set(out)))


def event_figures(event: Event) -> tuple[str, ...]:
    """The figures an event states: its extracted magnitudes ("killed:12") when the events
    stage found any, else the numbers of its evidence."""
    if event.magnitude:
        return tuple(sorted({f"{m.kind}:{m.value}" for m in event.magnitude}))
    return figures(event.evidence.text)


def _actor_key(a: Actor) -> str:
    return a.country or a.name.casefold()


def _place_key(place: str | None) -> str | None:
    return " ".join(place.casefold().split()) if place else None


def event_days(ref: EventRef) -> tuple[date | None, date | None]:
    """The days an event is said to have happened on, for merging: none for a date that is
    only its report's (``date_basis`` "reported", issue 16). Two reports published the same
    day are not two reports of one event, and a report's date is a bound, not a day to match
    another source's stated date with; such an event merges as an undated one."""
    if ref.event.date_basis == "reported":
        return None, None
    return ref.date_start, ref.date_end


def _same_story(g: EventGroup, ref: EventRef) -> bool:
    """A copy of the group's story (one syndication cluster) not yet in the group: the only
    merge open to an event without a day or a resolved actor. Two such events of one document
    ("we will insist", "we insist") are two statements, not one event told twice."""
    return all(m.doc_id != ref.doc_id for m in g.members) and any(
        m.cluster_id == ref.cluster_id for m in g.members
    )


def _reported(ref: EventRef) -> date | None:
    e = ref.event
    return date.fromisoformat(e.date[:10]) if e.date_basis == "reported" and e.date else None


def _reported_together(g: EventGroup, ref: EventRef) -> bool:
    """Reports of one named place published within a day of each other: two publishers on
    the same meeting or strike, told the day it happened, corroborate each other although
    neither dates it (the actors must still share a resolved actor, ``_actors_overlap``).
    Without this, official-2022 kept no group with two independent sources at all."""
    day = _reported(ref)
    if day is None or not ref.event.place:
        return False
    days = [_reported(m) for m in g.members]
    window = timedelta(days=WINDOW_DAYS)
    return all(d is not None and abs(d - day) <= window for d in days)


def _dates_close(g: EventGroup, ref: EventRef) -> bool:
    r_start, r_end = event_days(ref)
    if g.date_start is None or r_start is None:
        # An unknown day is compatible with nothing in another story: "Ukraine consulted"
        # undated in 50 releases is 50 meetings, not one with 50 sources (issue 16).
        return (
            g.date_start is None
            and r_start is None
            and (_same_story(g, ref) or _reported_together(g, ref))
        )
    window = timedelta(days=WINDOW_DAYS)
    g_end = g.date_end or g.date_start
    r_end = r_end or r_start
    return r_start <= g_end + window and g.date_start <= r_end + window


def resolved(a: Actor) -> bool:
    """An actor resolved to a country or an actor record, not a bare name or pronoun."""
    return a.country is not None or a.actor is not None


def _resolved_keys(event: Event) -> set[str]:
    return {_actor_key(a) for a in event.actors if resolved(a)}


def _actors_overlap(g: EventGroup, ref: EventRef) -> bool:
    """Events merge on a resolved actor in common; one without a resolved actor ("they", "All
    controversial issues", an unplaced name) merges with nothing outside its own story: it is
    kept, but no group spans documents on it (issue 16)."""
    mine = _resolved_keys(ref.event)
    theirs = {k for m in g.members for k in _resolved_keys(m.event)}
    if not mine or not theirs:
        return not mine and not theirs and _same_story(g, ref) and not ref.event.unresolved
    return bool(mine & theirs)


def _same(g: EventGroup, ref: EventRef) -> bool:
    return (
        g.type == ref.event.type
        and _place_key(g.place) == _place_key(ref.event.place)
        and _dates_close(g, ref)
        and _actors_overlap(g, ref)
    )


def group_events(refs: Iterable[EventRef]) -> list[EventGroup]:
    """Merge events about the same thing; deterministic whatever the input order.

    Events are taken by (date, id) and each joins the first compatible group, so the result
    depends only on the set of events, not on the order documents were ingested in.
    """
    ordered: Sequence[EventRef] = sorted(
        refs, key=lambda r: (event_days(r)[0] is None, event_days(r)[0] or date.min, r.id)
    )
    groups: list[EventGroup] = []
    for ref in ordered:
        start, end = event_days(ref)
        for g in groups:
            if _same(g, ref):
                g.members.append(ref)
                if start and g.date_start:
                    g.date_start = min(g.date_start, start)
                    g.date_end = max(g.date_end or g.date_start, end or start)
                break
        else:
            groups.append(
                EventGroup(
                    id=ref.id,
                    type=ref.event.type,
                    place=ref.event.place,  # as its first source writes it
                    date_start=start,
                    date_end=end or start,
                    members=[ref],
                )
            )
    return groups
