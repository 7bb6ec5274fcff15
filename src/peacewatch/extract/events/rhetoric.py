"""Trigger words that record no act: the rhetoric the trigger rules cannot tell from an event.

Run after the actors stage (from ``participants.resolve_participants``), because only then is
it known who an event's actor is. Dropped (issue 16, core events):

- an act whose only actor is a word that names no one: a generic subject ("if you feel
  ashamed", "Everyone who will not demand ...");
  a pronoun that does refer ("we", "they", "he") is kept as unresolved, as before;
- an act with no actor (none, or only a noun that refers to no one) that the text does not
  say happened: an aim, a plan, a demand or a possibility ("A permission to attack", "a chance
  to liberate Ukraine", "voters will start asking"). Nobody known did it and it has not
  happened;
- an attack or coercion only announced, with no target ("We will fight");
- a support or a request addressed to no one and about no act ("we seek peace"; read by the
  events stage, ``unaddressed``), or addressed to words that name no one;
- a meeting of one state's people among themselves.

Written from the development releases of ``eval/data/core_events.json`` and checked on the
unresolved event actors of official-2022 and peace-processes-state (docs/DECISIONS.md).
"""

from __future__ import annotations

import re

from peacewatch.extract.events.args import Args
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.slips import appeal, owned_appeal
from peacewatch.extract.events.triggers import Cand, for_clause_marks, host
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


# Words that refer to actors the text names elsewhere: personal pronouns, the plurals that
# stand for the two sides of a meeting (events/participants.py resolves those), and nouns of
# actors ("the mayor", "Russian troops": their last word is an actor word of
# plover_actors.json). Not a quantified phrase ("all community leaders": an open number).
_PRONOUNS = frozenset(("i", "we", "you", "he", "she", "it", "they"))
COLLECTIVE = re.compile(
    r"^(?:they|both|both sides|the (?:two |both )?(?:sides|parties|leaders|presidents|"
    r"ministers|foreign ministers|delegations|heads of state|prime ministers|counterparts|"
    r"(?:meeting |talks |summit |conference )?participants)|participants)$",
    re.IGNORECASE,
)
# A count of people is an open number too ("about 200,000 people want to be evacuated", a dev
# release of eval/data/core_events.json).
_QUANTIFIED = re.compile(
    r"^(?:all|every|any|each|many|some|more|about|around|nearly|almost|over|up to|\d|"
    r"dozens|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)


def refers(mention: str) -> bool:
    """Whether an unresolved mention stands for an actor (one the resolver did not find)."""
    if mention.lower() in _PRONOUNS or COLLECTIVE.match(mention):
        return True
    words = mention.lower().split()
    return bool(words) and not _QUANTIFIED.match(mention) and words[-1] in lexicon().sectors


def names_no_one(e: Event) -> bool:
    """Whether ``e`` has no actor and the words in the actor's place name no one."""
    return not e.actors and bool(e.unresolved) and all(_GENERIC.match(u) for u in e.unresolved)


# Hostile acts that PLOVER codes against a target: announced with no target ("We will fight",
# "They are preparing to resume an active offensive"), they are resolve or warning, not an
# attack (dev releases of eval/data/core_events.json). "may have attacked" stays: it may have
# happened.
_TARGETED = frozenset(("ASSAULT", "COERCE"))
_ANNOUNCED = frozenset(("future", "planned", "willing"))

# Acts PLOVER defines by their target ("express support for a target", "requests of a
# target"): with neither a target nor an act asked for or supported ("we seek peace", "will
# urge a strong response", "welcomed the celebration of International Women's Day"), a
# stance, which the negotiation stage records, not an event between actors (dev releases of
# eval/data/core_events.json). "They demanded a ceasefire" names the act: kept.
_ADDRESSED = frozenset(("SUPPORT", "REQUEST"))


def unaddressed(cand: Cand, args: Args) -> bool:
    """Whether a support or a request has no target and no act as its content; read before
    the actors stage, while an addressee that it will not resolve ("both sides") still
    counts."""
    if cand.type not in _ADDRESSED or args.recipients:
        return False
    lex = lexicon()
    verb = host(cand.tok, lex) if cand.tok.pos_ != "VERB" else None
    if any(t is not verb for t in cand.extra):
        return False  # an act absorbed as its content
    if cand.tok.pos_ == "NOUN" and appeal(cand.tok) and owned_appeal(cand.tok) is not None:
        return False  # "we reiterate our call for an immediate end to the violence"
    # "demanded a ceasefire", "asked to meet": an event noun or a clause as its object.
    return not any(
        (c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns) or c.dep_ in ("ccomp", "xcomp")
        for c in cand.tok.children
    ) and not for_clause_marks(cand.tok)


def _alone(e: Event) -> bool:
    """A meeting of one state's people among themselves ("I held a meeting with members of the
    Cabinet of Ministers", "He will meet with U.S. business representatives"): not a CONSULT
    between parties (issue 16)."""
    if e.type != "CONSULT" or e.unresolved or not e.actors or not e.recipients:
        return False
    sides = {a.country for a in (*e.actors, *e.recipients)}
    return len(sides) == 1 and None not in sides


def is_rhetoric(e: Event) -> bool:
    if _alone(e) or names_no_one(e):
        return True
    if e.type in _ADDRESSED and not e.recipients and e.unresolved:
        # Addressed to words that name no one ("I call on all community leaders").
        return not any(map(refers, e.unresolved))
    if e.type in _TARGETED and e.modality in _ANNOUNCED and not e.recipients:
        return True
    # Nobody did it, or only a noun that refers to no actor ("voters will start asking", "how
    # many more the Russian military will have time to kill", "which serves as the main
    # platform to discuss"), and it has not happened. A pronoun, the parties of a meeting
    # ("The two presidents could meet") or an actor noun refer to someone: kept as unresolved.
    return e.modality in _NOT_DONE and not e.actors and not any(map(refers, e.unresolved))


def drop_rhetoric(events: tuple[Event, ...]) -> tuple[Event, ...]:
    return tuple(e for e in events if not is_rhetoric(e))
