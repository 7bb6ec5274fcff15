"""The state of a negotiation track across a corpus, as plain data (pure; no store, no I/O).

Input: analysed Documents, each with its *source* — the syndication cluster the store put it in
(store/schema.py ``versions.cluster_id``), so that ten copies of one wire story count as one
source. Output: ``track_state`` — merged rounds, positions over time, what moved, commitments
linked to later events in their scope, and each claim marked ``reported``, ``corroborated``,
``contested`` or ``denied`` by the rules of ``corpus/claims.py`` (which the store applies too).
A round is contested by any disagreement of its reports (numbering, venue, format; held per one
source and did not take place per another); a round that every report of it says did not take
place is denied and listed under ``denied_rounds``, never under ``rounds``.

Every item keeps the document id and the evidence span (text, start, end) it came from.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from peacewatch.corpus import iso_day
from peacewatch.corpus.claims import PositionFact, claim_status, position_statuses
from peacewatch.corpus.track import (
    DatedPosition,
    TrackRound,
    changes,
    merge_track,
    positions_over_time,
)
from peacewatch.records import Commitment, Document, Event, Evidence

# A "pull back from around Kyiv and Chernihiv" pledge covers the towns around the city: Bucha,
# Irpin and Hostomel, where the 2022 reports of continued strikes came from, lie 20-35 km from
# Kyiv's centre; 50 km takes them in without reaching the next oblast centre (Zhytomyr ~130 km).
NEAR_KM = 50.0
# How long after a commitment later events still test it. The 29 March 2022 pledge was tested in
# the reports of the following days and was moot once the withdrawal ended (~2 April); a month
# keeps such links without linking every later strike in the region to an old pledge.
TEST_DAYS = 30
# Events that can break a pledge to de-escalate: PLOVER's use of force.
VIOLENT = frozenset({"ASSAULT"})
# Commitments a use of force can test. On the 2022 official releases, linking every scoped
# commitment tied "agreed to stay in contact on Ukraine" to every strike in Ukraine (66 links,
# most of them noise); pledges to de-escalate, cease fire or keep corridors open are the ones a
# strike in their scope bears on.
TESTABLE = frozenset({"de-escalation", "ceasefire", "humanitarian"})


@dataclass(frozen=True, slots=True)
class Sourced:
    """A Document with the independent source it belongs to: its syndication cluster, or its
    publisher (store/claims.py ``source_key``; store/load.py gives it)."""

    doc: Document
    source: str


def _ev(doc: str, e: Evidence) -> dict[str, Any]:
    return {"doc": doc, "text": e.text, "start": e.start, "end": e.end}


def _round(r: TrackRound, source_of: Mapping[str, str]) -> dict[str, Any]:
    # Only reports that seat the round corroborate it; one that only places it (linking.py)
    # adds its city, not a second witness that the two sides met. A denial is no witness that
    # it took place: it contests the round (a note in ``disagreements``) or, alone, denies it.
    sources = {
        source_of.get(x.doc, x.doc)
        for x in r.reports
        if not x.sides_from and (r.denied or x.round.status != "denied")
    }
    return {
        "place": r.place,
        "date": r.date,
        "held_by": r.held_by,
        "format": r.format,
        "level": r.level,
        "status": claim_status(len(sources), bool(r.disagreements), denied=r.denied),
        "n_sources": len(r.reports),
        "n_independent": len(sources),
        "disagreements": list(r.disagreements),
        "inferred": list(r.inferred),
        "denied_by": [_ev(x.doc, x.round.evidence[0]) for x in r.denials],
        "reports": [
            {
                "doc": x.doc,
                "published": x.published,
                "number": x.round.number,
                "venue": x.round.venue,
                "place": x.round.place,
                "date": x.round.date,
                "status": x.round.status,
                "sides_from": list(x.sides_from),
                "evidence": _ev(x.doc, x.round.evidence[0]),
            }
            for x in r.reports
        ],
    }


def _position_claims(
    seq: list[DatedPosition], source_of: Mapping[str, str]
) -> list[dict[str, Any]]:
    facts = [
        PositionFact(
            party=p.party,
            issue=p.issue,
            stance=p.stance,
            day=d.toordinal() if (d := iso_day(p.date)) else None,
            source=source_of.get(p.doc, p.doc),
            report=p.doc,
            denied=p.status == "denied",
        )
        for p in seq
    ]
    return [
        {
            "date": p.date,
            "stance": p.stance,
            "by": p.by,
            "status": status,
            "evidence": _ev(p.doc, p.evidence),
        }
        for p, status in zip(seq, position_statuses(facts), strict=True)
    ]


def _coords(docs: Sequence[Document]) -> dict[str, tuple[float, float]]:
    """Resolved place name (and mention) -> coordinates, from every document's places."""
    out: dict[str, tuple[float, float]] = {}
    for d in docs:
        for p in d.places:
            if p.lat is None or p.lon is None:
                continue
            for key in (p.name, p.mention):
                if key:
                    out.setdefault(key.lower(), (p.lat, p.lon))
    return out


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _countries(docs: Sequence[Document]) -> frozenset[str]:
    """Names the places stage resolved to a whole country, in any document."""
    return frozenset(
        k.lower()
        for d in docs
        for p in d.places
        if p.feature == "country"
        for k in (p.name, p.mention)
        if k
    )


def _near(
    scope: str,
    place: str,
    coords: Mapping[str, tuple[float, float]],
    countries: frozenset[str] = frozenset(),
) -> bool:
    s, p = scope.lower(), place.lower()
    if s in countries or p in countries:
        return False  # a whole country is no place to be near: "in Ukraine" tests nothing
    if s == p or s in p or p in s:
        return True
    a, b = coords.get(s), coords.get(p)
    return a is not None and b is not None and _km(a, b) <= NEAR_KM


def commitment_links(docs: Sequence[Document]) -> list[dict[str, Any]]:
    """Each commitment with a scope, and the later violent events in that scope.

    ``violates`` when the event is asserted and its actor is the obligor; ``tests`` when the
    actor is unknown or not the obligor, or the event is only reported; ``denied`` events are
    listed as such (a source says the strike did not happen).
    """
    coords = _coords(docs)
    countries = _countries(docs)
    out = []
    for d in docs:
        when = iso_day(d.meta.published)
        for c in d.negotiation.commitments:
            if not c.scope or when is None:
                continue
            links = [
                link
                for e_doc in docs
                for e in e_doc.events
                if c.issue in TESTABLE
                and (link := _link(c, when, e_doc, e, coords, countries)) is not None
            ]
            out.append(
                {
                    "obligor": c.obligor,
                    "issue": c.issue,
                    "action": c.action,
                    "scope": list(c.scope),
                    "date": d.meta.published,
                    "deadline": c.deadline,
                    "evidence": _ev(d.meta.id, c.evidence),
                    "links": links,
                }
            )
    return out


def _link(
    c: Commitment,
    when: date,
    e_doc: Document,
    e: Event,
    coords: Mapping[str, tuple[float, float]],
    countries: frozenset[str],
) -> dict[str, Any] | None:
    if e.type not in VIOLENT or not e.place:
        return None
    # A reported date (issue 16) is the publication date again, not the event's own.
    own = iso_day(e.date) if e.date_basis != "reported" else None
    day = own or iso_day(e_doc.meta.published)
    if day is None or not 0 <= (day - when).days <= TEST_DAYS:
        return None
    if day == when and own is None:
        return None  # same-day report without its own date: cannot tell before from after
    if not any(_near(s, e.place, coords, countries) for s in c.scope):
        return None
    actors = {a.country for a in e.actors if a.country}
    if e.modality == "negated":
        relation = "denied"
    elif e.modality == "asserted" and c.obligor and c.obligor in actors:
        relation = "violates"
    else:
        relation = "tests"
    return {
        "relation": relation,
        "type": e.type,
        "place": e.place,
        "date": day.isoformat(),
        "actors": sorted(actors),
        "evidence": _ev(e_doc.meta.id, e.evidence),
    }


def track_state(items: Sequence[Sourced]) -> dict[str, Any]:
    """The whole track as JSON-ready data; every leaf carries its document and span."""
    docs = [x.doc for x in items]
    source_of = {x.doc.meta.id: x.source for x in items}
    rounds, denied = merge_track(docs)
    over = positions_over_time(docs)
    moved = changes(docs, rounds)
    return {
        "documents": len(docs),
        "sources": len(set(source_of.values())),
        "rounds": [_round(r, source_of) for r in rounds],
        # Rounds that every report says did not take place: apart, so that no list or count
        # of held rounds takes them in.
        "denied_rounds": [_round(r, source_of) for r in denied],
        "positions": [
            {"party": party, "issue": issue, "history": _position_claims(seq, source_of)}
            for (party, issue), seq in sorted(over.items())
        ],
        "moved": [
            {
                "party": c.party,
                "issue": c.issue,
                "since_round": c.since_round,
                "before": {"stance": c.before.stance, "date": c.before.date}
                | {"evidence": _ev(c.before.doc, c.before.evidence)},
                "after": {"stance": c.after.stance, "date": c.after.date}
                | {"evidence": _ev(c.after.doc, c.after.evidence)},
            }
            for c in moved
        ],
        "commitments": commitment_links(docs),
    }
