"""One article's round mentions, and their merging into Rounds (split from rounds.py).

``rounds.mentions_in`` reads each mention of a round; ``merge`` makes one Round per place, then
per day. Denied mentions merge only with each other (see ``merge``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from peacewatch.lexicons import country_names
from peacewatch.records import DatePrecision, Evidence, Round
from peacewatch.vocab import RoundFormat, RoundLevel, RoundStatus


@dataclass
class RoundMention:
    evidence: Evidence
    place: str | None = None
    country: str | None = None
    city: bool = False
    venue: str | None = None
    date: str | None = None
    precision: DatePrecision = "unknown"
    level: RoundLevel | None = None
    format: RoundFormat | None = None
    host: str | None = None
    host_country: str | None = None
    status: RoundStatus | None = None
    number: int | None = None
    sides: list[tuple[str, Evidence]] = field(default_factory=list)
    # Countries that meet the sides of the table rather than sit at it (rounds.split_brokers).
    brokers: list[tuple[str, Evidence]] = field(default_factory=list)
    # Someone denies the round ("Moscow denied that the delegations met"): a claim even with
    # no place or date, unlike a bare negation ("the delegations did not meet").
    denied_by: bool = False
    # One envoy's trip to several places (readouts.py through round_talks.trip_of): the
    # position of its travel verb, shared by the mentions of each stop; and a range's end.
    trip: int | None = None
    date_end: str | None = None


def merge(mentions: list[RoundMention]) -> list[Round]:
    """One Round per place (then per day); mentions that cannot be placed are left out.

    Denied mentions are merged among themselves only, so that an article reporting a round as
    held by one side and denied by the other keeps both claims; a denial by someone that names
    no place or date is kept too ("Moscow denied that talks took place" is a claim in its own
    right), a bare negation with neither is as vague as a held mention with neither.
    """
    shuttles, rest = _shuttles([m for m in mentions if m.status != "denied"])
    held = shuttles + _merge(rest, keep_vague=False)
    no = _merge([m for m in mentions if m.status == "denied"], keep_vague=True)
    return sorted(held + no, key=lambda r: (r.date or "9999", r.evidence[0].start))


def _shuttles(mentions: list[RoundMention]) -> tuple[list[Round], list[RoundMention]]:
    """One shuttle round per trip to two places or more ("will travel to Riyadh, Muscat and
    Abu Dhabi from June 3 to 10"), not a round per stop on the first day: the text gives no
    day per stop (DECISIONS.md, rounds and agreements, fourth session). The stops keep the
    text's order; the place and country stay empty unless all stops are in one country."""
    trips: dict[int, list[RoundMention]] = {}
    for m in mentions:
        if m.trip is not None:
            trips.setdefault(m.trip, []).append(m)
    out, taken = [], set()
    for g in trips.values():
        stops = _stops(g)
        if len(stops) < 2:
            continue
        taken |= {id(x) for x in g}
        countries = {x.country for x in g}
        # the trip's date is the first one stated by any of its mentions ("travel to A and B
        # beginning July 25": the start is read apart from the stops, round_talks.trips_in)
        dated = sorted((x for x in g if x.date), key=lambda x: x.evidence.start)
        first = dated[0] if dated else min(g, key=lambda x: x.evidence.start)
        out.append(
            Round(
                evidence=_widest(x.evidence for x in g),
                country=countries.pop() if len(countries) == 1 else None,
                date=first.date,
                date_precision=first.precision,
                format="shuttle",
                status=first.status,
                stops=tuple(stops),
                date_end=first.date_end,
            )
        )
    return out, [m for m in mentions if id(m) not in taken]


def _merge(mentions: list[RoundMention], keep_vague: bool) -> list[Round]:
    groups: list[list[RoundMention]] = []
    for m in sorted(mentions, key=lambda m: (not m.city, m.place is None)):
        target = None
        for g in groups:
            gp = next((x for x in g if x.city), None)
            same_place = (
                m.city and gp and gp.place and m.place and gp.place.lower() == m.place.lower()
            )
            if (same_place and not _other_day(m, g)) or (
                not m.city
                and m.date
                and m.precision == "day"
                and any(x.date == m.date and x.precision == "day" for x in g)
            ):
                target = g
            if target:
                break
        if target is None and m.place and not m.city:
            same = [g for g in groups if any(x.country == m.country for x in g)]
            if len(same) == 1 and not m.date:
                target = same[0]
            elif len(same) > 1 and not m.date:
                continue  # "talks in <country>" with several rounds there: ambiguous, dropped
        if target is None and _country_only(m) and not m.date:
            # "In Haiti, the Assistant Secretary will meet ..." after "will travel to
            # Port-au-Prince, Haiti, from March 7-9" (dev text state-2022-03-04): the country
            # of the one round placed in a city of it is that round
            same = [
                g for g in groups if any(x.country == m.country and x.place != m.place for x in g)
            ]
            target = same[0] if len(same) == 1 else None
        if target is None and not m.place and m.date and m.precision != "day":
            # "met with the delegations in Nairobi last week": the clause without the place
            # is the same round when one round only has that month
            same = [g for g in groups if any(x.date == m.date for x in g)]
            target = same[0] if len(same) == 1 else None
        if target is None and keep_vague and not (m.place or m.date):
            # "Moscow denied that talks took place ... denied that the delegations met": one
            # denied round, not two.
            target = next((g for g in groups if not any(x.place or x.date for x in g)), None)
        if target is None:
            if not ((keep_vague and m.denied_by) or m.place or m.date or m.format == "video link"):
                continue
            groups.append([m])
        else:
            target.append(m)
    rounds = []
    for g in groups:
        g.sort(key=lambda x: x.evidence.start)
        dated = sorted((x for x in g if x.date), key=lambda x: _rank(x.precision), reverse=True)
        city = next((x for x in g if x.city), None)
        place = _first(g, lambda x: x.place)
        rounds.append(
            Round(
                evidence=tuple(x.evidence for x in g),
                place=(city or place or None) and (city.place if city else place),
                venue=_first(g, lambda x: x.venue),
                country=_first(g, lambda x: x.country),
                date=dated[0].date if dated else None,
                date_precision=dated[0].precision if dated else "unknown",
                level=_first(g, lambda x: x.level),
                format=_first(g, lambda x: x.format),
                host=_first(g, lambda x: x.host),
                status=_first(g, lambda x: x.status),
                number=_first(g, lambda x: x.number),
            )
        )
    return rounds


def _country_only(m: RoundMention) -> bool:
    """The mention is placed by a country's name only ("in Haiti")."""
    return bool(m.place and m.country and country_names().get(m.place) == m.country)


def _stops(g: list[RoundMention]) -> list[str]:
    """The trip's places in text order, without a country whose city is a stop already
    ("Addis Ababa, Ethiopia" is one stop)."""
    names = dict.fromkeys(x.place for x in sorted(g, key=lambda x: x.evidence.end) if x.place)
    city_countries = {x.country for x in g if x.place and x.place not in country_names()} - {None}
    return [n for n in names if country_names().get(n) not in city_countries]


def _widest(evidence: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """One evidence per start: "travel to A, B and C" over "travel to A" and "travel to A, B"."""
    by_start: dict[int, Evidence] = {}
    for e in evidence:
        if e.start not in by_start or e.end > by_start[e.start].end:
            by_start[e.start] = e
    return tuple(by_start[k] for k in sorted(by_start))


def _other_day(m: RoundMention, g: list[RoundMention]) -> bool:
    """Two sessions at one place on two stated days are two rounds ("the conference in
    Tashkent on July 26", "discussions in Tashkent on July 27"); a mention without a day joins."""
    days = {x.date for x in g if x.date and x.precision == "day"}
    return bool(m.date and m.precision == "day" and days and m.date not in days)


def _rank(p: str) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(p, 0)


_T = TypeVar("_T")


def _first(g: list[RoundMention], get: Callable[[RoundMention], _T | None]) -> _T | None:
    """The value of the first mention (in text order) that has one."""
    return next((v for x in g if (v := get(x)) is not None), None)
