"""Whether an event noun names a party of its own (split from events/triggers.py, the
500-line limit): a noun trigger is an event only with an actor or a verb that reports it."""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.extract.events.objects import reporter

_NAMED = ("PERSON", "ORG", "NORP", "GPE")


def _named(tok: Token, lex: EventLexicon) -> bool:
    """A named party, or one its modifier names ("Russian negotiators", "Lavrov's deputy")."""
    return any(
        t.ent_type_ in _NAMED or bool(lex.country_of(t.text))
        for t in (tok, *(c for c in tok.children if c.dep_ in ("amod", "compound", "poss")))
    )


def has_actor(tok: Token, lex: EventLexicon) -> bool:
    for c in tok.children:
        # "Russian shelling", "Putin's offensive"; not "the Jeddah talks" (a place, checked on
        # the VOA stories in official-2022).
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (
            c.ent_type_ == "NORP"
            or lex.country_of(c.text)
            or (c.dep_ == "poss" and c.ent_type_ in ("ORG", "PERSON", "GPE"))
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "between"):
            return True  # "talks between Russian and Ukrainian ministers" name their parties
        if c.dep_ == "agent":
            return True
        if with_party(tok, lex) and reporter(tok, lex.words.reporting) is not None:
            # Reported by a named speaker, who held them (args.py): without one, "in
            # negotiations with Russia, Ukraine will" and "in close consultation with Germany"
            # are occasions and stances (peace-processes-state, official-2022).
            return True
    return False


def with_party(tok: Token, lex: EventLexicon) -> bool:
    """ "the talks in Antalya with Lavrov", "talks with the Taliban": a named other party makes
    the noun a meeting held, not a topic (the issue's "the talks in Antalya"; seventh session)."""
    return any(
        c.dep_ == "prep" and c.lower_ == "with" and any(_named(g, lex) for g in c.children)
        for c in tok.children
    )
