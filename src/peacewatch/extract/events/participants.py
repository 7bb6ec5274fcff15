"""The participants of a meeting, for the events that follow it (issue 16).

After the actors stage, a release about talks still codes its core events with actors it
cannot name: "The presidents agreed to continue contacts", "They discussed regional
developments". In a readout these collective plurals mean the parties of the meeting the
release just reported, so an event whose only actors are such a plural takes the participants
of the nearest preceding CONSULT with both sides resolved. Anything else stays unresolved
(``Event.unresolved``), and corroboration never merges it across documents.

A named actor the actors stage left without a country takes the country another sentence gives
the same actor, or, when it is linked to no actor ("Secretary of State Antony J. Blinken" for
"Antony J. Blinken"), that of the event actor whose name it ends with.
"""

from __future__ import annotations

import re
from dataclasses import replace

from peacewatch.extract.actors.base import issuer_of
from peacewatch.extract.events.anaphora import take_up
from peacewatch.extract.events.itinerary import split_itineraries
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.rhetoric import COLLECTIVE, drop_rhetoric, refers
from peacewatch.lexicons import canonical_country_name
from peacewatch.records import Actor, Document, Event

# Plurals that stand for the two sides of a meeting, never for a third party.
_COLLECTIVE = COLLECTIVE
# A readout's later sentences stay with its meeting; past this distance a plural "they" is as
# likely someone else.
_REACH = 1200


def _resolved(a: Actor) -> bool:
    return a.country is not None or a.actor is not None


_SAID = ("asserted", "reported")
# Acts between two sides: told without the other side right after a meeting ("We also agreed on
# the importance of regional stability", "Algeria hosted a Joint Military Dialogue, during which
# we further discussed"), the other side is the meeting's (dev releases of
# eval/data/core_events.json).
_MUTUAL = frozenset(("AGREE", "CONSULT", "COOPERATE"))


def _sides(e: Event) -> set[str]:
    return {a.country for a in (*e.actors, *e.recipients) if a.country}


def _meeting_before(events: list[Event], i: int, both: bool = True) -> Event | None:
    """The nearest meeting said to have happened before event ``i``, within reach; with
    ``both``, only one whose two sides are resolved (as actor and recipient, or two states
    among its actors: "Sherman and Lamamra met"); without, any with a named actor, at any
    distance: a readout retells its one meeting to the end ("They discussed ways and means")."""
    pos = events[i].evidence.start
    for other in reversed(events[:i]):
        if both and pos - other.evidence.start > _REACH:
            return None
        if other.type != "CONSULT" or other.modality not in _SAID:
            continue
        if not both and any(map(_resolved, other.actors)):
            return other
        if len(_sides(other)) >= 2 or (
            any(map(_resolved, other.actors)) and any(map(_resolved, other.recipients))
        ):
            return other
    return None


def _only_meeting(events: list[Event], i: int) -> Event | None:
    """The one two-sided meeting a release told before event ``i``, at any distance: a long
    readout of one call ends "The parties agreed to maintain further contacts" (kremlin.ru
    readouts of official-2022, beyond the reach of ``_meeting_before``)."""
    pos = events[i].evidence.start
    told = [
        m
        for m in events
        if m.type == "CONSULT"
        and m.modality in _SAID
        and m.evidence.start < pos
        and (len(_sides(m)) >= 2 or (any(map(_resolved, m.actors)) and m.recipients))
    ]
    return told[0] if len({frozenset(_sides(m)) for m in told}) == 1 else None


def _meeting_after(events: list[Event], i: int) -> Event | None:
    """ "The meeting participants discussed X. The meeting was attended by A, B and C": the
    meeting the next sentences name, within reach (a dev release of
    eval/data/core_events.json)."""
    pos = events[i].evidence.start
    for other in events[i + 1 :]:
        if other.evidence.start - pos > _REACH:
            return None
        if (
            other.type == "CONSULT"
            and other.modality in _SAID
            and any(map(_resolved, other.actors))
        ):
            return other
    return None


def _retold(e: Event, meeting: Event) -> bool:
    """Whether a CONSULT only tells the meeting again: no actor named ("The issues ... were
    also discussed"), or the meeting's own participants ("The Secretary and King Abdullah II
    ... discussed measures"), with no date or place of its own."""
    if e.type != "CONSULT" or e.modality not in _SAID or e.unresolved:
        return False
    if e.date_basis not in (None, "reported") and e.date != meeting.date:
        return False
    if e.place is not None and meeting.place is not None and e.place != meeting.place:
        return False
    if not e.actors:
        return True
    named = [a for a in (*e.actors, *e.recipients) if _resolved(a)]
    theirs = _sides(meeting) | {
        a.actor for a in (*meeting.actors, *meeting.recipients) if a.actor is not None
    }
    # Each one named is one of the meeting's people or states ("The two ministers").
    return bool(named) and all(a.actor in theirs or a.country in theirs for a in named)


def _other_side(e: Event, events: list[Event], i: int) -> Event:
    """A two-sided act told with one side only after a meeting that side took part in: the
    other side is the meeting's."""
    if e.type not in _MUTUAL or e.recipients or not e.actors:
        return e
    own = {a.country for a in e.actors if a.country}
    if len(own) == 2 and all(a.country for a in e.actors):
        return _as_meeting(e, _meeting_before(events, i), own)
    if len(own) != 1:
        return e
    meeting = _meeting_before(events, i)
    if meeting is None or not own <= _sides(meeting):
        return e
    others = tuple(
        a for a in (*meeting.actors, *meeting.recipients) if a.country and a.country not in own
    )
    return replace(e, recipients=tuple(dict.fromkeys(others))) if others else e


def _as_meeting(e: Event, meeting: Event | None, own: set[str]) -> Event:
    """ "Both leaders ... agreed that they would hold the consultations" after a call: an act of
    the call's two sides, told as the call is, actor and recipient (as for "The presidents
    agreed", above; a dev release of eval/data/core_events.json)."""
    if meeting is None or not meeting.recipients or _sides(meeting) != own:
        return e
    mine = {a.country for a in meeting.actors}
    actors = tuple(a for a in e.actors if a.country in mine)
    recipients = tuple(a for a in e.actors if a.country not in mine)
    return replace(e, actors=actors, recipients=recipients) if actors and recipients else e


def _same_sentence(a: Event, b: Event) -> bool:
    """Two codings of one act in one sentence: same type and span, actors not in conflict
    ("sanctions, which Ukraine insists on, our people insist on")."""
    if a.type != b.type or a.evidence.start != b.evidence.start:
        return False
    ca, cb = {x.country for x in a.actors}, {x.country for x in b.actors}
    return not (ca and cb and not ca & cb)


def _words(e: Event) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", e.evidence.text.lower())}


def _told_again(a: Event, b: Event) -> bool:
    """One act told twice with the same parties: the release's lead and the quote it comes
    from ("three humanitarian corridors have been agreed in the Zaporizhzhia region ...",
    then '"Three humanitarian corridors have been agreed: ..." she said'; a dev release of
    eval/data/core_events.json). Half the longer words of the shorter sentence in common:
    two acts of one kind by one side in one release share their parties but rarely so much
    of their wording."""
    if a.type != b.type or not a.actors or _sides(a) != _sides(b):
        return False
    # A date the text does not state (the publication's, a bound) fits any stated one.
    said = "reported" in (a.date_basis, b.date_basis)
    if not said and (a.date, a.date_precision) != (b.date, b.date_precision):
        return False
    if a.modality == b.modality and a.modality in _PLANNED and len(_sides(a)) >= 2:
        # "Putin and Zelensky could meet once ...", then "a possible meeting between [Putin
        # and Zelensky]": one meeting not yet held, of the same two sides (the reference
        # article), told twice in one text.
        return True
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) >= 0.5 * min(len(wa), len(wb))


# What is only planned, possible or wished: not held yet (vocab.Modality).
_PLANNED = frozenset(("possible", "planned", "future", "willing", "conditional"))


def _dedupe(events: list[Event]) -> list[Event]:
    kept: list[Event] = []
    for e in events:
        if any(_same_sentence(k, e) for k in kept):
            continue
        again = next((j for j, k in enumerate(kept) if _told_again(k, e)), None)
        if again is None:
            kept.append(e)
        elif kept[again].date_basis == "reported" and e.date_basis != "reported":
            kept[again] = e  # the telling that dates the act
    return kept


def _known(events: tuple[Event, ...]) -> dict[str, Actor]:
    """The document's event actors with a country, by actor id and by folded name: the
    registry a bare mention borrows from (the stage reads events only, not ``doc.actors``)."""
    out: dict[str, Actor] = {}
    for e in events:
        for a in (*e.actors, *e.recipients):
            if a.country is not None:
                if a.actor is not None:
                    out.setdefault(a.actor, a)
                out.setdefault(a.name.casefold(), a)
    return out


def _by_title(a: Actor, known: dict[str, Actor]) -> Actor:
    if a.country is not None:
        return a
    if a.actor is not None:
        # Linked to an actor another sentence names with its country.
        same = known.get(a.actor)
        if same is not None:
            return replace(a, country=same.country)
    name = a.name.casefold()
    if a.actor is not None:
        # A person another sentence names with title and country ("Andres Allamand" in
        # "Foreign Minister Andres Allamand of Chile"): that country.
        spaced = f" {name} "
        for key, other in known.items():
            if len(name) > 5 and ":" not in key and spaced in f" {key} ":
                return replace(a, country=other.country)
        return _named_in(a)
    for key, other in known.items():
        if len(key) > 5 and ":" not in key and name.endswith(" " + key):
            return replace(a, country=other.country, actor=other.actor, entity=other.entity)
    return _named_in(a)


def _named_in(a: Actor) -> Actor:
    """ "United Nations Personal Envoy of the Secretary-General Staffan de Mistura": an
    organisation or state named in several words inside the phrase, which the word-by-word
    reading of events/args.py misses (a dev release of eval/data/core_events.json)."""
    country = lexicon().country_of(a.name)
    return replace(a, country=country) if country else a


_PERSONAL = frozenset(("he", "she"))


def _person_before(events: list[Event], i: int) -> tuple[Actor, ...]:
    """ "She will travel to Serbia", after "Donfried will travel to the Western Balkans": the
    person who acted in the nearest event before, within reach, when it is one person (a dev
    release of eval/data/core_events.json, where the actors stage left one "She" of four)."""
    pos = events[i].evidence.start
    for other in reversed(events[:i]):
        if pos - other.evidence.start > _REACH:
            return ()
        people = {a.actor for a in other.actors if a.actor and a.actor.startswith("person:")}
        if len(people) > 1 or (people and len(other.actors) > 1):
            return ()
        if people:
            return other.actors
    return ()


def _personal(e: Event, events: list[Event], i: int) -> Event:
    if e.actors or len(e.unresolved) != 1 or e.unresolved[0].lower() not in _PERSONAL:
        return e
    person = _person_before(events, i)
    if not person:
        return e
    mention = e.unresolved[0]
    return replace(e, actors=tuple(replace(a, mention=mention) for a in person), unresolved=())


def _place_country(doc: Document, e: Event) -> str | None:
    if e.place is None:
        return None
    for p in doc.places:
        inside = e.evidence.start <= p.start and p.end <= e.evidence.end
        if inside and e.place in (p.name, p.mention) and not p.metonymy:
            return p.country
    return None


def _hosts(doc: Document, e: Event) -> Event:
    """ "will meet in Georgia with government, opposition, and civil society leaders": people
    named by their office only, met in another country, are that country's (dev releases of
    eval/data/core_events.json, readouts of trips)."""
    if e.type != "CONSULT" or not e.actors:
        return e
    there = _place_country(doc, e)
    if there is None or there in {a.country for a in e.actors}:
        return e
    if e.recipients and not any(a.country for a in e.recipients):
        # "In Manila, ... the Secretary will meet with President Ferdinand Romualdez Marcos Jr.":
        # people named but of no known country, met in another country, are its (a dev release).
        return replace(e, recipients=tuple(replace(a, country=there) for a in e.recipients))
    if e.recipients or not e.unresolved:
        return e
    offices = [u for u in e.unresolved if u.lower() not in _PERSONAL and refers(u)]
    if not offices or COLLECTIVE.match(offices[0]):
        return e
    met = tuple(Actor(name=u, country=there, mention=u) for u in offices)
    rest = tuple(u for u in e.unresolved if u not in offices)
    return replace(e, recipients=met, unresolved=rest)


def _issuer_state(doc: Document) -> str | None:
    """The state of an official release's issuer (``issuers.json``); None for a newsroom."""
    issuer = issuer_of(doc.meta.publisher)
    if issuer is None or issuer.get("kind") == "media":
        return None
    return issuer.get("country")


def _nearest_meeting(events: list[Event], i: int) -> Event | None:
    """The meeting with two sides resolved nearest to event ``i``, before or after it
    ("three humanitarian corridors have been agreed ... Yesterday, during the talks, the
    Russian delegation received proposals"): the same sentence first."""
    pos = events[i].evidence.start
    meetings = [
        m
        for m in events
        if m.type == "CONSULT"
        and m.modality in _SAID
        and len(_sides(m)) >= 2
        and abs(m.evidence.start - pos) <= _REACH
    ]
    return min(meetings, key=lambda m: abs(m.evidence.start - pos), default=None)


def _agentless(e: Event, events: list[Event], i: int, own: str | None) -> Event:
    """An agreement told without its parties ("three humanitarian corridors have been
    agreed", "the agreements reached during the Ukrainian-Russian talks"): the parties of the
    nearest meeting, the issuer's state as actor when it is one of them; without a meeting,
    the issuer's state alone, for an official release speaks for its side (issue 16: "the
    actors from the sentence/paragraph context or the document's parties"; dev releases of
    eval/data/core_events.json)."""
    if e.type == "ACCUSE" and not (e.actors or e.unresolved) and e.recipients and own:
        # "The regime's executions are reprehensible acts" (events/evaluative.py) in the
        # release's own voice: the issuer judges (a dev release of eval/data/core_events.json).
        return replace(e, actors=(Actor(name=canonical_country_name().get(own, own), country=own),))
    if e.type not in _MUTUAL or e.actors or e.recipients or e.unresolved or e.modality not in _SAID:
        return e
    meeting = _nearest_meeting(events, i) or _only_meeting(events, i)
    if meeting is None:
        if own is None:
            return e
        name = canonical_country_name().get(own, own)
        return replace(e, actors=(Actor(name=name, country=own),))
    parties = tuple(a for a in (*meeting.actors, *meeting.recipients) if a.country)
    mine = tuple(a for a in parties if a.country == own)
    if not mine:
        return replace(e, actors=parties)
    return replace(e, actors=mine, recipients=tuple(a for a in parties if a.country != own))


def resolve_participants(doc: Document) -> Document:
    """Collective plurals to a meeting's participants; titled names to their records; no
    rhetoric (events/rhetoric.py)."""
    known = _known(doc.events)
    events = [
        replace(
            e,
            actors=tuple(_by_title(a, known) for a in e.actors),
            recipients=tuple(_by_title(a, known) for a in e.recipients),
        )
        for e in doc.events
    ]
    events = [_hosts(doc, _personal(e, events, i)) for i, e in enumerate(events)]
    own = _issuer_state(doc)
    events = [_agentless(e, events, i, own) for i, e in enumerate(events)]
    events = take_up(events)  # "We urge the regime to release": the regime named before
    repeats: set[int] = set()
    for i, e in enumerate(events):
        told = _meeting_before(events, i, both=False)
        if told is not None and _retold(e, told):
            repeats.add(i)
            continue
        if e.actors or not e.unresolved or not all(_COLLECTIVE.match(u) for u in e.unresolved):
            events[i] = _other_side(e, events, i)
            continue
        told = told or _meeting_after(events, i)
        if told is not None and e.type == "CONSULT" and e.modality in _SAID and not e.recipients:
            # "They discussed regional developments": the meeting told again, not a second one.
            repeats.add(i)
            continue
        meeting = _meeting_before(events, i) or _only_meeting(events, i)
        if meeting is None or (e.type not in _MUTUAL and len(_sides(meeting)) < 2):
            # "They are preparing to resume an active offensive" after a president's meeting
            # with his ministers: a hostile "they" is not the people of a meeting at home (a dev
            # release of eval/data/core_events.json).
            continue
        mention = e.unresolved[0]
        events[i] = replace(
            e,
            actors=tuple(replace(a, mention=mention) for a in meeting.actors if _resolved(a)),
            recipients=e.recipients
            or tuple(replace(a, mention=mention) for a in meeting.recipients if _resolved(a)),
            unresolved=(),
        )
    # After the dedupe, which reads one sentence's codings as one act.
    kept = split_itineraries(_dedupe([e for i, e in enumerate(events) if i not in repeats]))
    return replace(doc, events=drop_rhetoric(tuple(kept)))
