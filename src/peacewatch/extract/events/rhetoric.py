"""Trigger words that record no act: the rhetoric the trigger rules cannot tell from an event.

Run after the actors stage (from ``participants.resolve_participants``), because only then is
it known who an event's actor is. Two kinds are dropped (issue 16, core events):

- an act whose only actor is a word that names no one: a generic subject ("if you feel
  ashamed", "Everyone who will not demand ...");
  a pronoun that does refer ("we", "they", "he") is kept as unresolved, as before;
- an act with no actor at all that the text does not say happened: an aim, a plan, a demand
  or a possibility ("A permission to attack", "a chance to liberate Ukraine", "the importance
  of avoiding ... to resume talks"). Nobody did it and nobody is said to be going to.

Written from the development releases of ``eval/data/core_events.json`` and checked on the
unresolved event actors of official-2022 and peace-processes-state (docs/DECISIONS.md).
"""

from __future__ import annotations

import re

from peacewatch.records import Event

# Subjects that name no actor: deictic "this/that", "those (who)", the generic "you", "one",
# "people", quantifiers over everyone, a relative pronoun left without its noun. Not "it":
# besides the dummy subject it stands for a state ("It abducted more than two thousand
# children", official-2022), so it stays unresolved.
_GENERIC = re.compile(
    r"^(?:this|that|those|you|one|who|whoever|everyone|everybody|anyone|anybody|someone|somebody"
    r"|no one|nobody|people|all|others|everything|something|nothing|each of us)$",
    re.IGNORECASE,
)
# Modalities of an act that has not happened (stage._AHEAD plus the contrary-to-fact one).
_NOT_DONE = frozenset(
    ("future", "planned", "willing", "demanded", "conditional", "possible", "hypothetical")
)


def names_no_one(e: Event) -> bool:
    """Whether ``e`` has no actor and the words in the actor's place name no one."""
    return not e.actors and bool(e.unresolved) and all(_GENERIC.match(u) for u in e.unresolved)


def is_rhetoric(e: Event) -> bool:
    if names_no_one(e):
        return True
    return not e.actors and not e.unresolved and e.modality in _NOT_DONE


def drop_rhetoric(events: tuple[Event, ...]) -> tuple[Event, ...]:
    return tuple(e for e in events if not is_rhetoric(e))
