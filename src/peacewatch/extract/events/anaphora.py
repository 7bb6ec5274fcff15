"""A definite description that takes up a state organ named before (issue 16, core events).

"The Myanmar military regime's executions ... are reprehensible. We urge the regime to
release all those unjustly detained": "the regime" is the Myanmar regime of the sentence
before, as "the junta" or "the authorities" take up the last junta or authorities the text
named with their country. The actors stage leaves such a mention unresolved; an event whose
actor is resolved and which has no recipient then has it as its only party left, so it is
the recipient (a dev release of eval/data/core_events.json, and the Syrian joint statement's
"the regime and its enablers").

Only a "the" + noun description whose head is an organ word of lexicons/event_words.json
("organ_nouns"), and only an antecedent earlier in the text whose name has that head word:
nearest first.
"""

from __future__ import annotations

import re
from dataclasses import replace

from peacewatch.extract.events.lexicon import lexicon
from peacewatch.records import Actor, Event

_WORD = re.compile(r"[a-z]+")


def _head(mention: str) -> str | None:
    """The head word of a definite description of a state organ ("the regime"), else None."""
    words = _WORD.findall(mention.lower())
    if len(words) < 2 or words[0] != "the":
        return None
    return words[-1] if words[-1] in lexicon().words.organs else None


def _antecedent(events: list[Event], i: int, head: str) -> Actor | None:
    for other in reversed(events[:i]):
        for a in (*other.recipients, *other.actors):
            if a.country and head in _WORD.findall(a.name.lower()):
                return a
    return None


def take_up(events: list[Event]) -> list[Event]:
    """Resolve "the regime" (and like descriptions) as the recipient of an event whose actor
    is known and whose recipient is not."""
    out: list[Event] = []
    for i, e in enumerate(events):
        if e.actors and not e.recipients:
            for mention in e.unresolved:
                head = _head(mention)
                found = _antecedent(events, i, head) if head else None
                if found is not None:
                    rest = tuple(u for u in e.unresolved if u != mention)
                    recipient = replace(found, name=mention, mention=mention)
                    e = replace(e, recipients=(recipient,), unresolved=rest)
                    break
        out.append(e)
    return out
