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

from peacewatch.extract.events.rhetoric import drop_rhetoric
from peacewatch.records import Actor, Document, Event

# Plurals that stand for the two sides of a meeting, never for a third party.
_COLLECTIVE = re.compile(
    r"^(?:they|both|both sides|the (?:two |both )?(?:sides|parties|leaders|presidents|"
    r"ministers|foreign ministers|delegations|heads of state|prime ministers|counterparts))$",
    re.IGNORECASE,
)
# A readout's later sentences stay with its meeting; past this distance a plural "they" is as
# likely someone else.
_REACH = 1200


def _resolved(a: Actor) -> bool:
    return a.country is not None or a.actor is not None


def _meeting_before(events: list[Event], i: int) -> Event | None:
    pos = events[i].evidence.start
    for other in reversed(events[:i]):
        if pos - other.evidence.start > _REACH:
            return None
        if (
            other.type == "CONSULT"
            and other.modality in ("asserted", "reported")
            and any(map(_resolved, other.actors))
            and any(map(_resolved, other.recipients))
        ):
            return other
    return None


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
        return replace(a, country=same.country) if same is not None else a
    name = a.name.casefold()
    for key, other in known.items():
        if len(key) > 5 and ":" not in key and name.endswith(" " + key):
            return replace(a, country=other.country, actor=other.actor, entity=other.entity)
    return a


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
    repeats: set[int] = set()
    for i, e in enumerate(events):
        if e.actors or not e.unresolved or not all(_COLLECTIVE.match(u) for u in e.unresolved):
            continue
        meeting = _meeting_before(events, i)
        if meeting is None:
            continue
        if e.type == "CONSULT" and e.modality == meeting.modality and not e.recipients:
            # "They discussed regional developments": the meeting told again, not a second one.
            repeats.add(i)
            continue
        mention = e.unresolved[0]
        events[i] = replace(
            e,
            actors=tuple(replace(a, mention=mention) for a in meeting.actors if _resolved(a)),
            recipients=e.recipients
            or tuple(replace(a, mention=mention) for a in meeting.recipients if _resolved(a)),
            unresolved=(),
        )
    kept = tuple(e for i, e in enumerate(events) if i not in repeats)
    return replace(doc, events=drop_rhetoric(kept))
