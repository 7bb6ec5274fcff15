"""The negotiation track across a corpus: pure functions over analysed Documents.

Nothing here reads a store: give it the Documents (from the store, a directory, a JSONL batch)
and it returns the merged rounds, each party's positions over time and what moved between
rounds. Every line keeps the document and span it came from.

Merging rules:
- a round is the same round in two reports when the places agree (or one report has none)
  and the dates agree at the coarser of the two precisions (a "March" report matches a
  "March 29" one); a report with neither place nor date is not merged, it is too vague;
- each source keeps its own numbering and venue; when sources differ, the merged round lists
  the disagreement instead of choosing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from peacewatch.negotiation.context import country_of_word
from peacewatch.records import Document, Evidence, Position, Round


@dataclass(frozen=True, slots=True)
class RoundReport:
    """One document's account of a round."""

    doc: str
    published: str | None
    round: Round


@dataclass(frozen=True, slots=True)
class TrackRound:
    place: str | None
    date: str | None
    format: str | None
    reports: tuple[RoundReport, ...]
    disagreements: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DatedPosition:
    party: str
    issue: str
    stance: str
    date: str | None  # when stated (said_on), else the publication date
    doc: str
    by: str | None
    evidence: Evidence


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
    return bool(r.place and r.country and country_of_word(r.place) == r.country)


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
    """One TrackRound per round of talks, from every report of it."""
    reports = [
        RoundReport(d.meta.id, d.meta.published, r)
        for d in docs
        for r in d.negotiation.rounds
        if r.place or r.date
    ]
    # Most precise reports first, so that vaguer ones join an existing round.
    reports.sort(key=lambda x: (-(len(x.round.date or "")), x.round.place is None))
    groups: list[list[RoundReport]] = []
    for rep in reports:
        target = next((g for g in groups if _same_round(rep, g)), None)
        if target is None:
            groups.append([rep])
        else:
            target.append(rep)
    out = [_track_round(g) for g in groups]
    return sorted(out, key=lambda t: (t.date or "9999", t.place or ""))


def _track_round(g: list[RoundReport]) -> TrackRound:
    rounds = [x.round for x in g]
    # The most precise place: a city over the country it is in.
    places = {r.place for r in rounds if r.place and not _is_country(r)} or {
        r.place for r in rounds if r.place
    }
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
    return TrackRound(
        place=next(iter(sorted(places)), None),
        date=dates[0] if dates else None,
        format=next(iter(sorted(formats)), None) if len(formats) == 1 else None,
        reports=tuple(g),
        disagreements=tuple(notes),
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
    )


# "discussed" says that an issue was on the table, not where a party stands on it.
_NEUTRAL = frozenset({"discussed"})
# A move is a change of direction, not of wording: "seeks" then "demands" in the next release
# is the same position. On the 2022 official releases (RU and UA), counting every change of
# stance word listed 41 moves, most of them rewordings inside one release; by direction and
# across documents, 17. Directions: holding out against, asking for, conceding or agreeing.
_DIRECTION = {
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


def changes(docs: Sequence[Document], rounds: Sequence[TrackRound] | None = None) -> list[Change]:
    """Where a party's stance on an issue moved, and which round (if any) lies between."""
    rounds = list(rounds) if rounds is not None else merge_rounds(docs)
    out: list[Change] = []
    for (party, issue), seq in positions_over_time(docs).items():
        firm = [p for p in seq if p.stance not in _NEUTRAL]
        for before, after in pairwise(firm):
            # Within one document, two wordings are one statement, not a move; nor are two
            # reports of one day (on the 2022 official releases, 6 of 25 "moves" were two
            # releases of the same day reading one statement differently).
            if before.doc == after.doc or (before.date and before.date == after.date):
                continue
            was = _DIRECTION.get(before.stance, before.stance)
            now = _DIRECTION.get(after.stance, after.stance)
            # "accepts" then "demands" is no retreat: on the 2022 official releases such pairs
            # were 8 of 24 listed moves, each the party agreeing to one thing and asking for
            # more (or for another thing under the same issue) later. Softening (for ->
            # concedes) and any turn to or from "against" are moves.
            if was == now or (was == "concedes" and now == "for"):
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
