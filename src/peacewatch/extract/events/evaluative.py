"""Disapproval said with a predicate adjective: "X's activity in Ukraine is unacceptable", "the
regime's executions are reprehensible acts of violence" (issue 16: "X is unacceptable" is an
ACCUSE of X's author by the speaker).

Only a predicate of "be" whose subject names the actor of the judged act counts: "unacceptable
conditions" describes, and "payments in rubles are unacceptable" names no one (three dev
releases of eval/data/core_events.json). The speaker is the subject of a reporting verb above
("Putin stressed that ..."), else the release's own voice (events/participants.py).
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.lexicon import Code, EventLexicon

ACCUSE = Code("ACCUSE", None, None)
_OWNERS = frozenset(("poss", "compound", "amod", "nmod"))
_NAMED = frozenset(("GPE", "NORP", "ORG", "PERSON"))


def _copula(tok: Token) -> Token | None:
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        return tok.head
    if tok.dep_ == "amod" and tok.head.dep_ == "attr" and tok.head.head.lemma_ == "be":
        return tok.head.head
    return None


def judged_owners(tok: Token, lex: EventLexicon) -> list[Token]:
    """Who did the act that ``tok`` (a disapproval adjective) judges; [] if it is no such
    predicate or names no one."""
    if tok.pos_ != "ADJ" or tok.lower_ not in lex.words.disapproval:
        return []
    cop = _copula(tok)
    subject = next((c for c in cop.children if c.dep_ == "nsubj"), None) if cop else None
    if subject is None:
        return []
    owners = [
        c
        for c in subject.children
        if c.dep_ in _OWNERS and any(t.ent_type_ in _NAMED for t in c.subtree)
    ]
    by = [
        g
        for p in subject.children
        if p.dep_ == "prep" and p.lower_ == "by"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    return owners + by


def disapproval(tok: Token, lex: EventLexicon) -> Code | None:
    return ACCUSE if judged_owners(tok, lex) else None
