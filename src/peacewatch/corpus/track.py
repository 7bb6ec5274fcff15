"""The negotiation track across a corpus: pure functions over analysed Documents.

Nothing here reads a store: give it the Documents (from the store, a directory, a JSONL batch)
and it returns the merged rounds, each party's positions over time and what moved between
rounds. Every line keeps the document and span it came from.

Merging rules:
- a round is the same round in two reports when the places agree (or one report has none)
  and the dates agree at the coarser of the two precisions (a "March" report matches a
  "March 29" one); a report with neither place nor date is not merged, it is too vague;
- each source keeps its own numbering and venue; when sources differ, the merged round lists
  the disagreement instead of choosing;
- a report that a round did not take place (Round.status "denied") joins the one held round
  it matches by the same rules, and the round lists the disagreement (held per one source,
  denied per another); a denial that matches no held round, or several, is a denied round of
  its own (``merge_track``), never listed or numbered among the held ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from peacewatch.corpus.linking import link
from peacewatch.parse.countries import for_negotiation
from peacewatch.records import Document, Evidence, Position, Round


@dataclass(frozen=True, slots=True)
class RoundReport:
    """One document's account of a round."""

    doc: str
    published: str | None
    round: Round
    # A report that places a round without seating it (linking.py): the reports that seat it.
    sides_from: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TrackRound:
    place: str | None
    date: str | None
    format: str | None
    reports: tuple[RoundReport, ...]
    disagreements: tuple[str, ...] = ()
    level: str | None = None
    inferred: tuple[str, ...] = ()  # what was inferred rather than read (_by_number)
    # When no report dates the round: the earliest publication that reports it as held, the
    # latest day it can have taken place ("held by 2022-03-17").
    held_by: str | None = None
    # Every report of it says it did not take place: shown apart, never as a held round.
    denied: bool = False

    @property
    def denials(self) -> tuple[RoundReport, ...]:
        """The reports that say the round did not take place."""
        return tuple(x for x in self.reports if x.round.status == "denied")


@dataclass(frozen=True, slots=True)
class DatedPosition:
    party: str
    issue: str
    stance: str
    date: str | None  # when stated (said_on), else the publication date
    doc: str
    by: str | None
    evidence: Evidence
    status: str | None = None  # "denied": the party denies holding it (Position.status)


@dataclass(frozen=True, slots=True)
class Change:
    """A party's stance on an issue that differs from its previous one."""

    party: str
    issue: str
    before: DatedPosition
    after: DatedPosition
    since_round: str | None  # the round between the two statements, if any ("Istanbul 2022-03-29")


def _dates_agree(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _is_country(r: Round) -> bool:
    return bool(r.place and r.country and for_negotiation().of_word(r.place) == r.country)


def _places_agree(a: Round, b: Round) -> bool:
    """Same place, or one report names only the country of the other's city ("talks in
    Turkey" and "talks in Istanbul": the president.gov.ua releases of 29-30 March 2022)."""
    if a.place is None or b.place is None or a.place.lower() == b.place.lower():
        return True
    return bool(a.country and a.country == b.country and (_is_country(a) or _is_country(b)))


def _same_round(report: RoundReport, g: list[RoundReport]) -> bool:
    r = report.round
    for rep in g:
        # A report cannot describe as held a round dated after its own publication, and two
        # reports that number a round differently with no dates to tie them are two
        # rounds (a kremlin.ru release of 4 March on "the second round in Belarus" is not the
        # third round of 7 March).
        later = rep.round.date and report.published and rep.round.date[:10] > report.published
        if later and r.status != "planned":
            return False
        if (
            r.number
            and rep.round.number
            and r.number != rep.round.number
            and not (r.date and rep.round.date)
        ):
            return False
        o = rep.round
        if not (_places_agree(r, o) and _dates_agree(r.date, o.date)):
            return False
        if r.format and o.format and r.format != o.format:
            return False
        # The foreign ministers' meeting in Turkey (Antalya, 10 March 2022) is not the
        # delegations' round in Turkey (Istanbul, 29 March): a release of April that names
        # only the country merged the two before this check.
        if r.level and o.level and r.level != o.level:
            return False
        # ... and when one report names only the country and only one says the level, only
        # a shared date ties them.
        loose = r.place and o.place and r.place.lower() != o.place.lower()
        if loose and bool(r.level) != bool(o.level) and not (r.date and o.date):
            return False
    # Agreement on nothing is not a match: a place, a date or the round's number (with
    # nothing contradicting it, checked above) must be shared.
    return any(
        (r.place and rep.round.place and _places_agree(r, rep.round))
        or (r.number is not None and r.number == rep.round.number)
        or (r.date and rep.round.date and _dates_agree(r.date, rep.round.date))
        for rep in g
    )


def merge_rounds(docs: Iterable[Document]) -> list[TrackRound]:
    """One TrackRound per round of talks, from every report of it (rounds that are only
    denied are left out: see ``merge_track``)."""
    return merge_track(docs)[0]


def merge_track(docs: Iterable[Document]) -> tuple[list[TrackRound], list[TrackRound]]:
    """(rounds reported held or planned, some perhaps contested by a denial; rounds that
    are only denied)."""
    docs = list(docs)
    reports = [
        RoundReport(d.meta.id, d.meta.published, r)
        for d in docs
        for r in d.negotiation.rounds
        if r.place or r.date
    ]
    denials = [x for x in reports if x.round.status == "denied"]
    reports = [x for x in reports if x.round.status != "denied"]
    seated = [(x.doc, x.published, x.round) for x in reports]
    for i, found in link(docs, seated):
        reports += [RoundReport(doc, pub, r, sides_from=(seated[i][0],)) for doc, pub, r in found]
    # Most precise reports first, so that vaguer ones join an existing round.
    reports.sort(key=lambda x: (-(len(x.round.date or "")), x.round.place is None))
    groups: list[list[RoundReport]] = []
    for rep in reports:
        target = next((g for g in groups if _same_round(rep, g)), None)
        if target is None:
            groups.append([rep])
        else:
            target.append(rep)
    # A report that only places a round never makes one on its own.
    groups = [g for g in groups if any(not x.sides_from for x in g)]
    groups, notes = _by_number(groups)
    groups = _by_plan(groups, notes)
    alone = _set_denials(groups, denials)
    out = [replace(_track_round(g), inferred=tuple(notes.get(id(g), ()))) for g in groups]
    no = [_track_round(g) for g in alone]
    return _by_date(out), _by_date(no)


def _by_date(rounds: list[TrackRound]) -> list[TrackRound]:
    return sorted(rounds, key=lambda t: (t.date or "9999", t.place or ""))


def _set_denials(
    groups: list[list[RoundReport]], denials: list[RoundReport]
) -> list[list[RoundReport]]:
    """Each denial joins the one held round it matches (``_same_round``: place, date, level,
    and no round dated after the denial was published), which makes that round contested.
    A denial that matches none, or several (which one it denies cannot be told), groups with
    the other denials of the same round. Returns those groups of denials alone."""
    alone: list[list[RoundReport]] = []
    for rep in sorted(denials, key=lambda x: (-(len(x.round.date or "")), x.round.place is None)):
        hits = [g for g in groups if _same_round(rep, g)]
        if len(hits) == 1:
            hits[0].append(rep)
            continue
        target = next((g for g in alone if _same_round(rep, g)), None)
        if target is None:
            alone.append([rep])
        else:
            target.append(rep)
    return alone


def _number(g: list[RoundReport]) -> int | None:
    nums = {x.round.number for x in g if x.round.number is not None}
    return nums.pop() if len(nums) == 1 else None


def _date_of(g: list[RoundReport]) -> str | None:
    days = sorted({x.round.date for x in g if x.round.date and len(x.round.date) >= 10})
    return days[0] if len(days) == 1 else None


def _by_number(
    groups: list[list[RoundReport]],
) -> tuple[list[list[RoundReport]], dict[int, list[str]]]:
    """An undated round a source numbers n joins the one dated round that lies between the
    dated rounds n-1 and n+1, when it agrees on place and was reported after it: the kremlin.ru
    release of 4 March 2022 on the second round in Belarus gives no date, the
    president.gov.ua one on the talks of 3 March no place or number; rounds 1 (28 February)
    and 3 (7 March) bracket exactly one dated round. Sources number rounds differently, so the
    inference is shown as such (``inferred``), never silent."""
    notes: dict[int, list[str]] = {}
    dated = {n: d for g in groups if (n := _number(g)) and (d := _date_of(g))}
    for g in list(groups):
        n = _number(g)
        if n is None or _date_of(g) or any(x.round.date for x in g):
            continue
        lo, hi = dated.get(n - 1), dated.get(n + 1)
        if not (lo and hi):
            continue
        first_report = min((x.published or "9999")[:10] for x in g)
        between = [
            h
            for h in groups
            if h is not g
            and (d := _date_of(h))
            and lo < d < hi
            and d <= first_report
            and _number(h) in (None, n)
            and all(_places_agree(x.round, y.round) for x in g for y in h)
            and not any(y.round.status == "planned" for y in h)
        ]
        if len(between) != 1:
            continue
        h = between[0]
        h.extend(g)
        groups.remove(g)
        notes.setdefault(id(h), []).append(
            f"dated by its number: round {n} lies between round {n - 1} ({lo}) and "
            f"round {n + 1} ({hi}), and {_date_of(h)} is the one round reported between them"
        )
    return groups, notes


def _by_plan(
    groups: list[list[RoundReport]], notes: dict[int, list[str]]
) -> list[list[RoundReport]]:
    """A round only reported as planned, with no date, joins the first dated round held at
    its level on or after the plan was published, unless its place says otherwise: the
    president.gov.ua release of 27 February 2022 says the delegations "will meet ... near the
    Pripyat River" (a river with no country), and the delegations' first round was held on 28
    February. A place with a country that disagrees keeps the plan apart. Shown as inferred."""
    for g in list(groups):
        if any(x.round.date for x in g) or any(x.round.status != "planned" for x in g):
            continue
        pub = min((x.published or "9999")[:10] for x in g)
        level = next((x.round.level for x in g if x.round.level), None)
        later = sorted(
            (d, i)
            for i, h in enumerate(groups)
            if h is not g
            and (d := _date_of(h))
            and d >= pub
            and not any(y.round.status == "planned" for y in h)
            and not (level and (lv := {y.round.level for y in h} - {None}) and level not in lv)
        )
        if not later:
            continue
        h = groups[later[0][1]]
        if not all(
            _places_agree(x.round, y.round) or x.round.country is None for x in g for y in h
        ):
            continue
        h.extend(g)
        groups.remove(g)
        notes.setdefault(id(h), []).append(
            f"a plan of {pub} for a meeting, with no date: the first round held at its level "
            f"after it is {later[0][0]}"
        )
    return groups


def _ref(x: RoundReport) -> str:
    ev = x.round.evidence[0]
    text = " ".join(ev.text.split())
    text = text if len(text) <= 100 else text[:99] + "…"
    return f"{x.doc}[{ev.start}:{ev.end}] “{text}”"


def _track_round(g: list[RoundReport]) -> TrackRound:
    holds = [x for x in g if x.round.status != "denied"]
    denies = [x for x in g if x.round.status == "denied"]
    # What the round was (place, date, format, level) is read from the reports that it took
    # place when there are any; a denial only matched them.
    rounds = [x.round for x in (holds or denies)]
    # The most precise place: a city over the country it is in; a place no gazetteer locates
    # ("near the Pripyat River", country unknown) only when no report names a located one.
    places = (
        {r.place for r in rounds if r.place and r.country and not _is_country(r)}
        or {r.place for r in rounds if r.place and _is_country(r)}
        or {r.place for r in rounds if r.place}
    )
    dates = sorted({r.date for r in rounds if r.date}, key=len, reverse=True)
    formats = {r.format for r in rounds if r.format}
    notes: list[str] = []
    numbers = {(x.doc, x.round.number) for x in g if x.round.number is not None}
    if len({n for _, n in numbers}) > 1:
        notes.append(
            "numbering differs: "
            + ", ".join(f"{doc} calls it round {n}" for doc, n in sorted(numbers))
        )
    venues = {(x.doc, x.round.venue) for x in g if x.round.venue}
    if len({v for _, v in venues}) > 1:
        notes.append("venue differs: " + ", ".join(f"{doc}: {v}" for doc, v in sorted(venues)))
    if len(formats) > 1:
        notes.append("format differs: " + ", ".join(sorted(formats)))
    if holds and denies:
        notes.append(
            "whether it took place: "
            + "; ".join(
                f"{_ref(x)} reports it {x.round.status or 'held'}"
                for x in holds
                if not x.sides_from
            )
            + "; "
            + "; ".join(f"{_ref(x)} says it did not take place" for x in denies)
        )
    levels = sorted({r.level for r in rounds if r.level})
    held = sorted(
        x.published[:10] for x in g if x.published and x.round.status not in ("planned", "denied")
    )
    return TrackRound(
        place=next(iter(sorted(places)), None),
        date=dates[0] if dates else None,
        format=next(iter(sorted(formats)), None) if len(formats) == 1 else None,
        reports=tuple(g),
        disagreements=tuple(notes),
        level=levels[0] if len(levels) == 1 else None,
        held_by=held[0] if held and not dates else None,
        denied=bool(denies) and not holds,
    )


def positions_over_time(docs: Iterable[Document]) -> dict[tuple[str, str], list[DatedPosition]]:
    """Every stated position, per (party, issue), oldest first; positions without a party
    are left out (there is no one to track)."""
    out: dict[tuple[str, str], list[DatedPosition]] = {}
    for d in docs:
        for rec in d.negotiation.issues:
            for p in rec.positions:
                if not p.party:
                    continue
                out.setdefault((p.party, p.issue), []).append(_dated(d, p))
    for v in out.values():
        v.sort(key=lambda x: (x.date or "9999", x.doc, x.evidence.start))
    return out


def _dated(d: Document, p: Position) -> DatedPosition:
    return DatedPosition(
        party=p.party or "",
        issue=p.issue,
        stance=p.stance,
        date=p.said_on or d.meta.published,
        doc=d.meta.id,
        by=p.by,
        evidence=p.evidence,
        status=p.status,
    )


# "discussed" says that an issue was on the table, not where a party stands on it.
NEUTRAL = frozenset({"discussed"})
# A move is a change of direction, not of wording: "seeks" then "demands" in the next release
# is the same position. On the 2022 official releases (RU and UA), counting every change of
# stance word listed 41 moves, most of them rewordings inside one release; by direction and
# across documents, 17. Directions: holding out against, asking for, conceding or agreeing.
DIRECTION = {
    "rejects": "against",
    "will not yield": "against",
    "red line": "against",
    "demands": "for",
    "priority": "for",
    "seeks": "for",
    "willing": "concedes",
    "open to compromise": "concedes",
    "accepts": "concedes",
    "offers": "concedes",
    "committed": "concedes",
    "conditional": "concedes",
}


# A stance read from a condition clause alone ("X, if Y"), with no stance word: too weak to
# say that a party moved (on the 2022 releases, 3 of the 28 listed moves turned on one).
_WEAK = frozenset({"conditional"})
_STANDS = frozenset({"will not yield", "red line"})
# The 2022 talks ran from 28 February to mid-May; a statement compared with one from another
# year (the VOA reports of 2025 in the corpus) is another negotiation, not a move.
MOVE_DAYS = 180


def _gap(a: str | None, b: str | None) -> int:
    from datetime import date

    try:
        return abs((date.fromisoformat(b[:10]) - date.fromisoformat(a[:10])).days) if a and b else 0
    except ValueError:
        return 0


def changes(docs: Sequence[Document], rounds: Sequence[TrackRound] | None = None) -> list[Change]:
    """Where a party's stance on an issue moved, and which round (if any) lies between."""
    rounds = list(rounds) if rounds is not None else merge_rounds(docs)
    out: list[Change] = []
    for (party, issue), seq in positions_over_time(docs).items():
        # A denied position is no stance the party took: it neither starts nor ends a move.
        firm = [
            p
            for p in seq
            if p.stance not in NEUTRAL and p.stance not in _WEAK and p.status != "denied"
        ]
        for before, after in pairwise(firm):
            # Within one document, two wordings are one statement, not a move; nor are two
            # reports of one day (on the 2022 official releases, 6 of 25 "moves" were two
            # releases of the same day reading one statement differently).
            if before.doc == after.doc or (before.date and before.date == after.date):
                continue
            if _gap(before.date, after.date) > MOVE_DAYS:
                continue  # statements years apart belong to different talks
            was = DIRECTION.get(before.stance, before.stance)
            now = DIRECTION.get(after.stance, after.stance)
            # "accepts" then "demands" is no retreat: on the 2022 official releases such pairs
            # were 8 of 24 listed moves, each the party agreeing to one thing and asking for
            # more (or for another thing under the same issue) later. Softening (for ->
            # concedes) and any turn to or from "against" are moves.
            if was == now or (was == "concedes" and now == "for"):
                continue
            # "No compromise on our territorial integrity" and "we want our territorial
            # integrity restored" are one position: a firm stand on an issue is holding out
            # for it as much as against giving it up. On the 2022 releases 4 of the 28 listed
            # moves were such pairs (UA on territory, each within days).
            if {before.stance, after.stance} & _STANDS and {was, now} == {"for", "against"}:
                continue
            between = [
                r
                for r in rounds
                if r.date and before.date and after.date and before.date <= r.date <= after.date
            ]
            label = None
            if between:
                r = between[-1]
                label = " ".join(x for x in (r.place, r.date) if x)
            out.append(Change(party, issue, before, after, label))
    return sorted(out, key=lambda c: (c.after.date or "9999", c.party, c.issue))
