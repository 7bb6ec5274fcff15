"""PLOVER events: type, mode, contexts, actors, place, date, modality, evidence.

The coder is a transparent layer over the dependency parse (events/triggers.py finds triggers
with the PLOVER lexicons, events/args.py reads their arguments), one ``parse.syntax`` sentence
at a time. This module does what needs the whole
document: dates anchored on "the talks" or continued by "added", quotes, and the merging of
repeated mentions of one act, so that an article that mentions the same meeting three times
yields one CONSULT event, not three (dictionary coders over-generate mostly this way).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date as Date
from typing import cast

from spacy.tokens import Span

from peacewatch.evidence import span
from peacewatch.extract.events import context
from peacewatch.extract.events.args import (
    ActorRef,
    Args,
    DateRef,
    EventClause,
    PlaceRef,
)
from peacewatch.extract.events.clauses import in_temporal_clause, temporal_clause
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.rhetoric import unaddressed
from peacewatch.extract.events.triggers import Cand, find_triggers
from peacewatch.parse.syntax import sentences
from peacewatch.records import Actor, Document, Event, Magnitude
from peacewatch.vocab import DatePrecision, EventType, Modality

# Statements and material acts that can be asserted as done: only these get an ACLED type.
_HAPPENED = frozenset(("asserted", "reported", "historical"))


@dataclass
class _Item:
    cand: Cand
    args: Args
    para: int
    sent_start: int
    sent_end: int
    trigger: int  # body offset of the trigger word


def _sentence_items(doc: Document) -> list[_Item]:
    lex = lexicon()
    places = context.places(doc)
    dates = context.dates(doc)
    entities = [(m.start, m.end, e.id, e.country, e.role) for e in doc.entities for m in e.mentions]
    items: list[_Item] = []
    para = -1
    last_speech: DateRef | None = None
    last_day: DateRef | None = None
    for s in sentences(doc):
        if s.para != para:
            para, last_speech = s.para, None  # a statement is continued in its own paragraph
            last_day = None
        s0, s1 = s.start, s.end
        clause = EventClause(
            s.sent,
            s.offset,
            [p for p in places if s0 <= p.start and p.end <= s1],
            [d for d in dates if s0 <= d.start and d.end <= s1],
            entities,
            lex,
        )
        for d, root in clause.dates:
            if d.value and clause.date_owner(root).lemma_.lower() in lex.words.reporting:
                last_speech = d
        told_on = _day_of(clause)
        if told_on is not None or not _said_by_same(s.sent):
            last_day = told_on
        found = [(c, clause.arguments(c)) for c in find_triggers(s.sent, lex, keep_negated=True)]
        by_tok = {c.tok.i: a for c, a in found}
        for cand, args in found:
            if unaddressed(cand, args):
                continue  # "we seek peace": a stance, not an act towards anyone
            if args.date is None and args.continues and last_speech is not None:
                args.date = last_speech
            if args.date is None and told_on is None and _by_pronoun(args, s.sent, s.offset):
                args.date = last_day
            if args.place is None:
                args.place = _place_above(cand, by_tok)
            if (
                args.place is None
                and cand.type in lex.words.lone_place_types
                and not in_temporal_clause(cand.tok)
            ):
                args.place = clause.lone_place()
            text = doc.body.text[s0:s1]
            lead = len(text) - len(text.lstrip())
            end = s0 + len(text.rstrip())
            items.append(_Item(cand, args, s.para, s0 + lead, end, s.offset + cand.tok.idx))
    return items


_HE_SHE = frozenset(("he", "she"))


def _day_of(clause: EventClause) -> DateRef | None:
    """The day a sentence's main verb is dated by ("On April 27, Donfried will encourage")."""
    root = clause.sent.root
    return next(
        (
            d
            for d, r in clause.dates
            if d.value and d.precision == "day" and clause.date_owner(r).i == root.i
        ),
        None,
    )


def _said_by_same(sent: Span) -> bool:
    """A sentence that goes on about the person of the one before ("She will urge BiH to hold
    fall elections", after "On April 27, in BiH, Dr. Donfried will encourage officials ..."):
    its undated acts are of that day (a dev release of eval/data/core_events.json)."""
    return any(c.dep_ == "nsubj" and c.lower_ in _HE_SHE for c in sent.root.children)


def _by_pronoun(args: Args, sent: Span, offset: int) -> bool:
    """Whether the act is the pronoun subject's own ("She will urge BiH"), not one it only
    mentions ("She will thank Montenegro for joining EU sanctions")."""
    subjects = {
        offset + c.idx for c in sent.root.children if c.dep_ == "nsubj" and c.lower_ in _HE_SHE
    }
    return any(a.start in subjects for a in args.actors)


def _place_above(cand: Cand, by_tok: dict[int, Args]) -> PlaceRef | None:
    """The place of the nearest trigger above ``cand`` in the tree, not past a temporal clause."""
    node = cand.tok
    while node.head.i != node.i and not temporal_clause(node):
        node = node.head
        above = by_tok.get(node.i)
        if above is not None and above.place is not None:
            return above.place
    return None


def _anchor(items: list[_Item]) -> None:
    """Date "at/during/before the talks" by the talks this article dated."""
    talks = [
        (i, it.args.date)
        for i, it in enumerate(items)
        if it.cand.type == "CONSULT"
        and it.cand.modality == "asserted"
        and it.args.date is not None
        and it.args.date.precision == "day"
    ]
    for i, it in enumerate(items):
        if it.args.date is not None or it.args.anchor is None or not talks:
            continue
        before = [d for j, d in talks if j < i]
        ref = before[-1] if before else talks[0][1]
        if ref is None:
            continue
        prec = it.args.anchor
        it.args.date = DateRef(ref.text, ref.start, ref.end, ref.value, prec, ref.basis)


def _actor(a: ActorRef) -> Actor:
    return Actor(name=a.name, country=a.country, sector=a.sector, entity=a.entity)


def _countries(actors: tuple[Actor, ...]) -> set[str]:
    return {a.country for a in actors if a.country}


def _compatible(a: Event, b: Event, same_para: bool) -> bool:
    said = ("asserted", "reported")
    if a.type != b.type or (a.modality != b.modality and not {a.modality, b.modality} <= set(said)):
        return False
    ca, cb = _countries(a.actors), _countries(b.actors)
    # One act: the same day, or the same paragraph and the same actor.
    if not ((a.date is not None and a.date == b.date) or (same_para and ca & cb)):
        return False
    if a.date and b.date and (a.date, a.date_precision) != (b.date, b.date_precision):
        return False
    if a.place and b.place and a.place.lower() != b.place.lower():
        return False
    return not (ca and cb and not ca & cb)


def _richness(e: Event) -> tuple[int, int]:
    return (
        int(e.place is not None) + int(e.date is not None) + int(bool(e.actors)),
        -e.evidence.start,
    )


def _merge(events: list[tuple[int, Event]]) -> list[Event]:
    kept: list[tuple[int, Event]] = []
    for para, ev in events:
        for k, (kpara, other) in enumerate(kept):
            if _compatible(other, ev, para == kpara):
                best, rest = (ev, other) if _richness(ev) > _richness(other) else (other, ev)
                actors = best.actors + tuple(
                    a for a in rest.actors if a.country and a.country not in _countries(best.actors)
                )
                recips = best.recipients + tuple(
                    a
                    for a in rest.recipients
                    if a.country and a.country not in _countries(best.recipients)
                )
                kept[k] = (kpara, replace(best, actors=actors, recipients=recips))
                break
        else:
            kept.append((para, ev))
    return sorted((e for _, e in kept), key=lambda e: e.evidence.start)


def _published_year(doc: Document) -> int | None:
    try:
        return Date.fromisoformat((doc.meta.published or "")[:10]).year
    except ValueError:
        return None


def extract_events(doc: Document) -> Document:
    if not doc.parses:
        return doc
    lex = lexicon()
    items = _sentence_items(doc)
    _anchor(items)
    year = _published_year(doc)
    body = doc.body.text
    events: list[tuple[int, Event]] = []
    for it in items:
        c, a = it.cand, it.args
        # The trigger rules and the lexicon give plain strings from the closed vocabularies.
        modality = cast(Modality, c.modality)
        quote = next((qi for qi, q in enumerate(doc.quotes) if q.start <= it.trigger < q.end), None)
        if quote is not None and modality == "asserted":
            modality = "reported"
        value = a.date.value if a.date else None
        precision = a.date.precision if a.date and value else "unknown"
        basis = a.date.basis if a.date and value else None
        # History a release recalls ("In 1990, Iraq invaded Kuwait"); an act of the year before
        # is still the current story ("we supplied Algeria with 600,000 doses" in 2021, told
        # in March 2022: a dev release of eval/data/core_events.json).
        if value and year and modality == "asserted" and int(value[:4]) < year - 1:
            modality = "historical"
        ev = Event(
            type=cast(EventType, c.type),
            evidence=span(body, it.sent_start, it.sent_end),
            mode=c.mode,
            contexts=tuple(c.contexts),
            actors=tuple(_actor(x) for x in a.actors),
            recipients=tuple(_actor(x) for x in a.recipients),
            place=a.place.name if a.place else None,
            date=value,
            date_precision=precision,  # type: ignore[arg-type]
            date_basis=basis,
            modality=modality,
            cameo=lex.cameo(c.type, c.mode),
            acled=lex.acled(c.type, c.mode) if modality in _HAPPENED else None,
            quote=quote,
            magnitude=tuple(
                Magnitude(kind, value_, body[s:e], s, e) for kind, value_, s, e in a.magnitude
            ),
        )
        events.append((it.para, ev))
    # Reported dates are filled after the merge: two undated mentions are not one act because
    # they share the publication date.
    reported = reported_date(doc.meta.published)
    return replace(doc, events=tuple(_reported(e, reported) for e in _merge(events)))


# Modalities that look ahead: an event planned, demanded, offered or possible at publication
# happens, if at all, after it; the others (done, said not done) happened by then.
_AHEAD = frozenset(("future", "planned", "willing", "demanded", "conditional", "possible"))


def reported_date(published: str | None) -> str | None:
    """The publication day, the bound of an event the text does not date; None without one."""
    try:
        return Date.fromisoformat((published or "")[:10]).isoformat()
    except ValueError:
        return None


def _reported(ev: Event, published: str | None) -> Event:
    """An undated event dated by its report: the publication date, marked "reported", with the
    side of it the event lies on ("before" publication, or "after" for what is only planned,
    demanded or possible), never as the day it happened."""
    if ev.date is not None or published is None:
        return ev
    side: DatePrecision = "after" if ev.modality in _AHEAD else "before"
    return replace(ev, date=published, date_precision=side, date_basis="reported")
