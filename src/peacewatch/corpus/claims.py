"""Claim status, computed in one place: the corpus track and the store both call these.

- ``reported``: one independent source;
- ``corroborated``: at least ``CORROBORATING`` independent (non-syndicated) sources;
- ``contested``: sources disagree (for a position: the party said to be for an issue by one
  source and against it by another within ``CONTEST_DAYS``, or a denial of that stance);
- ``denied``: reported as not having happened (a negated or denied event, a round every report
  of it denies, a position its party denies holding).

Pure functions over plain facts: ``corpus/negotiation.py`` gives them from Documents, and
``store/claims.py`` reads the same facts from SQL, so a stored position has the status the track
gives it. (The store's one SQL form, the event filter that pages by status, is
``store/claims.event_status_filter``; ``tests/test_cli_query_claims.py`` checks that it
selects what ``event_status`` says.)
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from peacewatch.corpus.track import DIRECTION, NEUTRAL
from peacewatch.vocab import NOT_HAPPENED, ClaimStatus

# Two sources stating opposite directions for a party within this many days contest each other
# (the same window as event corroboration, corpus/corroborate.py WINDOW_DAYS, for the same
# reason: a report comes out on the day or the day after).
CONTEST_DAYS = 1
# Reports of one stance within this many days corroborate each other: the rounds of 28 Feb,
# 3, 7 and 14 March 2022 were 3-7 days apart, so a week is one moment of the talks; a stance
# restated a month later is a new claim, not a second source for the old one.
SAME_CLAIM_DAYS = 7
# Independent sources that make a claim corroborated.
CORROBORATING = 2


def claim_status(n_independent: int, contested: bool, denied: bool = False) -> ClaimStatus:
    """The status of a claim from how many independent sources make it and whether they (or
    a denial) disagree; a denial wins, then a disagreement."""
    if denied:
        return "denied"
    if contested:
        return "contested"
    return "corroborated" if n_independent >= CORROBORATING else "reported"


def event_status(modality: str, contested: bool, n_independent: int) -> ClaimStatus:
    """An event's status: from its modality and its merged group (corpus/corroborate.py; an
    event in no group has one source and no disagreement)."""
    return claim_status(n_independent, contested, denied=modality in NOT_HAPPENED)


@dataclass(frozen=True, slots=True)
class PositionFact:
    """What the status of one stated position depends on."""

    party: str | None
    issue: str
    stance: str
    day: int | None  # date.toordinal() of the day stated; None when not known to the day
    source: str  # the independent source (store/claims.py source_key)
    report: str  # the document (or stored version) that states it
    denied: bool  # the party denies holding it (Position.status "denied")


class _Window:
    """Dated claims of one direction, sorted: is there one within ``days`` of a day from
    another source? O(log n) per question, whatever the number of copies of one source."""

    def __init__(self, items: Iterable[tuple[int, str]]) -> None:
        ordered = sorted(items)
        self.days = [x for x, _ in ordered]
        self.src = [s for _, s in ordered]
        # next_other[i]: the first index after i whose source differs from that of i.
        self.next_other = [len(ordered)] * len(ordered)
        for i in range(len(ordered) - 2, -1, -1):
            same = self.src[i + 1] == self.src[i]
            self.next_other[i] = self.next_other[i + 1] if same else i + 1

    def other_near(self, day: int, source: str, days: int) -> bool:
        lo = bisect.bisect_left(self.days, day - days)
        hi = bisect.bisect_right(self.days, day + days)
        if lo >= hi:
            return False
        return self.src[lo] != source or self.next_other[lo] < hi

    def any_near(self, day: int, days: int) -> bool:
        lo = bisect.bisect_left(self.days, day - days)
        return lo < len(self.days) and self.days[lo] <= day + days


_OPPOSITE = {"for": "against", "against": "for"}
_EMPTY = _Window(())

Key = tuple[str, str, str]  # party, issue, direction


def _direction(stance: str) -> str:
    # "discussed" (neutral) and any stance without a direction are a direction of their own.
    return DIRECTION.get(stance, stance)


def position_statuses(facts: Sequence[PositionFact]) -> list[ClaimStatus]:
    """The claim status of each position, in order.

    Per party, issue and direction: a position is corroborated by a position of another
    source within ``SAME_CLAIM_DAYS``, contested by the opposite direction from another source
    within ``CONTEST_DAYS`` or by the party's denial of it (in the same report, or within
    ``CONTEST_DAYS`` from any source: "X said Kyiv offered Y; Kyiv denied it"). A position
    without a party or a day has nothing to be compared with: reported (or denied).
    """
    held: dict[Key, list[tuple[int, str]]] = {}
    denials: dict[Key, list[tuple[int, str]]] = {}
    denied_in: set[tuple[str, str, str, str]] = set()  # party, issue, direction, report
    for f in facts:
        if f.party is None:
            continue
        key = (f.party, f.issue, _direction(f.stance))
        if f.denied:
            denied_in.add((*key, f.report))
        if f.day is not None:
            (denials if f.denied else held).setdefault(key, []).append((f.day, f.source))
    index = {k: _Window(x) for k, x in held.items()}
    denied_index = {k: _Window(x) for k, x in denials.items()}
    return [_status(f, index, denied_index, denied_in) for f in facts]


def _status(
    f: PositionFact,
    index: dict[Key, _Window],
    denied_index: dict[Key, _Window],
    denied_in: set[tuple[str, str, str, str]],
) -> ClaimStatus:
    if f.denied:
        return "denied"
    if f.party is None:
        return "reported"
    way = _direction(f.stance)
    key = (f.party, f.issue, way)
    if (*key, f.report) in denied_in:
        return "contested"
    if f.day is None:
        return "reported"
    against = _OPPOSITE.get(way) if f.stance not in NEUTRAL else None
    opposed = against is not None and index.get((f.party, f.issue, against), _EMPTY).other_near(
        f.day, f.source, CONTEST_DAYS
    )
    if opposed or denied_index.get(key, _EMPTY).any_near(f.day, CONTEST_DAYS):
        return "contested"
    if index.get(key, _EMPTY).other_near(f.day, f.source, SAME_CLAIM_DAYS):
        return "corroborated"
    return "reported"
