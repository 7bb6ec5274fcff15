"""Who else takes part in an act, read off its object or its noun (issue 16, core events).

Beside events/args.py, which reads subjects, objects and "with/against/to" phrases: the author of
a condemned or welcomed act, the host of a meeting, the one a demand is made of, and who gives
aid "from".
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.triggers import Cand

# Pronouns stand for the reporting verb's subject, never for a party of their own here.
_PRONOUN = frozenset(["it", "they", "he", "she", "we", "i", "its", "their"])


def behind(
    cand: Cand, own: list[Token], found: list[tuple[Token, bool]]
) -> list[tuple[Token, bool]]:
    """Parties behind the act's object: the author of a condemned or welcomed act ("condemns
    the announcement by X"), the host of a meeting, and the one asked to act ("demand that
    the Council take")."""
    out = [
        (g, True)
        for t, _ in found
        if t.pos_ == "NOUN"
        for p in t.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if cand.type == "CONSULT":
        # "a conference hosted by X": the host of a meeting takes part in it.
        out += [
            (g, True)
            for o in cand.extra
            if o.dep_ == "acl"
            for c in o.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    if cand.type == "REQUEST":
        out += [
            (g, True)
            for o in own
            for c in o.children
            if c.dep_ == "ccomp"
            for g in c.children
            if g.dep_ == "nsubj" and g.lower_ not in _PRONOUN
        ]
    return out


def giver(cand: Cand) -> list[Token]:
    """ "assistance from the Department of Defense": who gives aid, not who gets it; "calls
    from the international community": who makes the appeal."""
    if cand.type not in ("AID", "REQUEST") or cand.tok.pos_ == "VERB":
        return []
    return [
        g
        for p in cand.tok.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]
