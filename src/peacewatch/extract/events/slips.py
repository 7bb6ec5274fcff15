"""Parser slips the event coder reads through, and appeals (issue 16, core events; seventh session).

Each rule names a construction the spaCy parse attaches wrongly and the dev releases of
eval/data/core_events.json where it coded a false event; kept apart from events/triggers.py
(the 500-line limit).
"""

from __future__ import annotations

from spacy.tokens import Token


def agent_complement(verb: Token, prep: Token) -> bool:
    """Whether a preposition of a participle belongs to the noun of its "by" phrase: in "the
    violence committed against civilians by all parties to the conflict" (and "atrocities
    committed by any party to the conflict") the parser hangs "to the conflict" on "committed",
    which then read as the pledge "commit to" (two dev releases). What follows the agent is the
    agent's own complement ("party to"), not the verb's."""
    return any(c.dep_ == "agent" and c.i < prep.i for c in verb.children)


_FINITE = frozenset(("VBZ", "VBP", "VBD"))


def infinitive_series(tok: Token) -> Token | None:
    """The infinitive a bare verb continues when the parser hung it on the finite verb above:
    in "We urge the regime to release all those unjustly detained, grant full access to
    prisons and fulfill its obligations", "grant" is parsed as a second verb of "urge" (a dev
    release), but a base-form verb without subject or auxiliary after "to release" is the next
    item of the list of what is urged. The tagger gives "grant" VBP after "We urge", so the
    base form is read off the series: the verb or one of its conjuncts tagged VB ("and fulfill
    its obligations"); "We urge X to stop and welcome Y's steps" (no base form) stays the
    subject's second act. Returns that infinitive, else None."""
    head = tok.head
    if tok.dep_ != "conj" or head.tag_ not in _FINITE or head.tag_ == "VB":
        return None
    if not any(t.tag_ == "VB" for t in (tok, *tok.conjuncts) if t.i >= tok.i):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children):
        return None
    return next(
        (
            c
            for c in head.children
            if c.dep_ == "xcomp"
            and c.i < tok.i
            and c.tag_ == "VB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ),
        None,
    )


def appeal(tok: Token) -> bool:
    """Whether a "call" asks for something ("a call for calm", "calls ... to reverse"): CAMEO's
    appeal (02), not a telephone conversation (moved from events/triggers.py)."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("for", "on"))
        or (c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
        for c in tok.children
    )


def owned_appeal(tok: Token) -> Token | None:
    """The possessive pronoun of an appeal noun ("we renew our call on all armed actors to
    renounce violence", "reiterates its call for all foreign forces to withdraw", "we reiterate
    our call for an immediate end to the violence"; two dev releases): the appeal is the
    possessor's act, as "we call on" would be. Only for an appeal (a "call" for or on
    something, ``appeal``): "our support" or "our talks" stay rhetoric or need a host."""
    return next((c for c in tok.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
