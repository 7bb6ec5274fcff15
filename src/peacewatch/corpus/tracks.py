"""Separate negotiation tracks: one per process (the pair of parties at the table) and period.

A store of official releases holds the 2022 Russia-Ukraine talks, the 2025 ones, and a few
releases on Armenia-Azerbaijan or India-China: one track of all of them mixes rounds three
years apart and stances of different conflicts into one "latest" stance (issue 17). Pure
functions over analysed Documents, like corpus/track.py.

- **Process**: the pair of parties a document's talks are between. A document naming more
  parties (Russia, Ukraine and the Donetsk People's Republic) belongs to its pair named by
  the most documents of the corpus (RU-UA); one naming a single party, to the most named pair
  with that party. A document naming no party (negotiation.parties, else its positions'
  parties) has no process of its own.
- **Period**: within a process, its documents' dates and its rounds' dates are split where
  two are more than ``GAP_DAYS`` apart: talks resumed after months, or statements about a
  process long after its rounds (a 2025 release on a ceasefire is not part of the 2022
  rounds' track, though no 2025 round is reported). Every document of the process goes to
  the period nearest its date; a period no document falls in (a round dated years from
  every report of it) is no track.
- A document without a process joins every track whose period covers its date, for its
  events only (they can test a track's commitments): ``loose`` lists it, and the track is
  computed without its negotiation record, since a round no party is named for (a State
  Department release on Yemen) would otherwise be a round of every track of its months.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from peacewatch.corpus import iso_day
from peacewatch.records import Document

# Four months. The 2022 Russia-Ukraine rounds were days or weeks apart (28 Feb - 29 Mar) and
# the next talks came in 2025; rounds of one process a season apart are a resumption, which
# an analyst reads as a new track ("talks resumed after N months").
GAP_DAYS = 120

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class TrackInfo:
    """One process in one period: its id (``RU-UA:2022-02``), its documents, and its span."""

    id: str
    process: tuple[str, ...]
    start: str | None
    end: str | None
    docs: tuple[str, ...]  # document ids, the unattached ones of the period included
    own: int  # documents of the process itself (not the unattached ones)
    loose: frozenset[str] = frozenset()  # the unattached ones: their events count, no more


def parties_of(doc: Document) -> tuple[str, ...]:
    neg = doc.negotiation
    if neg.parties:
        return tuple(sorted(set(neg.parties)))
    return tuple(sorted({p.party for i in neg.issues for p in i.positions if p.party}))


def _pairs(parties: tuple[str, ...]) -> list[Pair]:
    return [(a, b) for a, b in combinations(parties, 2)]


def processes(docs: Sequence[Document]) -> dict[str, Pair | tuple[str]]:
    """Each document's process (its pair; a lone party with no pair named anywhere stays a
    process of one); documents naming no party are left out."""
    named: Counter[Pair] = Counter()
    by_doc = {d.meta.id: parties_of(d) for d in docs}
    for parties in by_doc.values():
        named.update(_pairs(parties))
    out: dict[str, Pair | tuple[str]] = {}
    for doc_id, parties in by_doc.items():
        if not parties:
            continue
        if len(parties) == 1:
            with_it = [p for p in named if parties[0] in p]
            out[doc_id] = min(with_it, key=lambda p: (-named[p], p)) if with_it else parties
            continue
        out[doc_id] = min(_pairs(parties), key=lambda p: (-named[p], p))
    return out


def _doc_day(d: Document) -> date | None:
    return iso_day(d.meta.published)


def _anchors(docs: Sequence[Document]) -> list[date]:
    rounds = [
        x
        for d in docs
        for r in d.negotiation.rounds
        if r.status != "denied" and (x := iso_day(r.date)) is not None
    ]
    return sorted([*rounds, *(x for d in docs if (x := _doc_day(d)) is not None)])


def _periods(anchors: list[date]) -> list[tuple[date, date]]:
    out: list[tuple[date, date]] = []
    for a in anchors:
        if out and (a - out[-1][1]).days <= GAP_DAYS:
            out[-1] = (out[-1][0], a)
        else:
            out.append((a, a))
    return out


def _nearest(day: date | None, periods: list[tuple[date, date]]) -> int:
    if day is None or not periods:
        return 0

    def distance(p: tuple[date, date]) -> int:
        return max((p[0] - day).days, (day - p[1]).days, 0)

    return min(range(len(periods)), key=lambda i: (distance(periods[i]), i))


def split_tracks(docs: Sequence[Document]) -> list[TrackInfo]:
    """The tracks of a corpus, the process with the most documents first, each process's
    periods oldest first."""
    proc = processes(docs)
    groups: dict[tuple[str, ...], list[Document]] = {}
    for d in docs:
        if d.meta.id in proc:
            groups.setdefault(tuple(proc[d.meta.id]), []).append(d)
    loose = [d for d in docs if d.meta.id not in proc]
    out: list[TrackInfo] = []
    for key, members in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        periods = _periods(_anchors(members))
        parts: list[list[Document]] = [[] for _ in periods] or [[]]
        for d in members:
            parts[_nearest(_doc_day(d), periods)].append(d)
        for i, part in enumerate(parts):
            if not part:  # a round dated apart from every document reporting it
                continue
            days = sorted(x for d in part if (x := _doc_day(d)) is not None)
            lo = min([*days[:1], *([periods[i][0]] if periods else [])], default=None)
            hi = max([*days[-1:], *([periods[i][1]] if periods else [])], default=None)
            extra = [d for d in loose if lo and hi and (x := _doc_day(d)) and lo <= x <= hi]
            ids = tuple(d.meta.id for d in sorted([*part, *extra], key=_order))
            start, end = (lo.isoformat() if lo else None), (hi.isoformat() if hi else None)
            tid = "-".join(key) + ":" + (start[:7] if start else "undated")
            loose_ids = frozenset(d.meta.id for d in extra)
            out.append(TrackInfo(tid, key, start, end, ids, len(part), loose_ids))
    return out


def _order(d: Document) -> tuple[str, str]:
    return (d.meta.published or "", d.meta.id)


def roles(docs: Sequence[Document], process: tuple[str, ...]) -> dict[str, list[str]]:
    """The parties of a track, the process's own first, then by the number of documents naming
    them so; then the third parties (mediators, hosts, guarantors, observers) by the same count. The
    matrix's columns follow this order (issue 17)."""
    parties: Counter[str] = Counter()
    third: Counter[str] = Counter()
    for d in docs:
        neg = d.negotiation
        parties.update(set(neg.parties))
        third.update({x for x in (*neg.mediators, *neg.hosts, *neg.guarantors, *neg.observers)})
    for p in parties:
        third.pop(p, None)

    def ordered(c: Counter[str], first: tuple[str, ...] = ()) -> list[str]:
        return sorted(c, key=lambda x: (x not in first, -c[x], x))

    return {"parties": ordered(parties, process), "third_parties": ordered(third)}
