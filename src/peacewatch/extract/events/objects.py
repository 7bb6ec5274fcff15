"""The object of an act and who did the act it names, read through two parser slips.

Used by events/triggers.py ("supports" needs a named object) and events/args.py (the author
of a welcomed act is the recipient of the support); kept apart from events/roles.py, which
imports triggers.
"""

from __future__ import annotations

from spacy.tokens import Token

_FINITE = frozenset(("VBZ", "VBP", "VBD"))


def misattached_by(verb: Token) -> list[Token]:
    """ "supports the declaration today by the Government of X": a finite active verb with an
    object has no "by" agent, so the parser's agent is the author of the verb's object act
    (two dev releases of eval/data/core_events.json, Ethiopia's truce and the Tigray convoys)."""
    if verb.pos_ != "VERB" or verb.tag_ not in _FINITE:
        return []
    if any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if not shared_objects(verb):
        # "The ceasefire agreed by Russia and Ukraine collapsed": with no object act for the
        # "by" to belong to, the parser's finite verb is a reduced relative, its agent the
        # actor (the "a ceasefire agreed by"; seventh session).
        return []
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def shared_objects(verb: Token) -> list[Token]:
    """The verb's objects, or, when it has none, those of the verb it is conjoined with: "welcomes
    and strongly supports the declaration", "supports and acknowledges the undertakings" (the
    parser hangs the object on the second verb only; two dev releases)."""
    own = [c for c in verb.children if c.dep_ == "dobj"]
    if own or any(c.dep_ in ("ccomp", "xcomp", "prep") for c in verb.children):
        return own
    return [o for c in verb.children if c.dep_ == "conj" for o in c.children if o.dep_ == "dobj"]


def authors(obj: Token, verb: Token) -> list[Token]:
    """Who did the act the object names: "the announcement by X", "the undertakings made by X",
    or the parser's "by" on the verb (``misattached_by``)."""
    out = [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children]
    out += [
        g
        for a in obj.subtree  # "the undertakings in this regard made by X": "made" on "regard"
        if a.dep_ == "acl"
        for c in a.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    found = [g for g in out if g.dep_ == "pobj"] + misattached_by(verb) + misattached_by(obj.head)
    return list(dict.fromkeys(found))


def slipped_conj(verb: Token) -> Token | None:
    """ "He noted that the truce provides ... and reaffirmed X's support": the parser joins the
    second past verb to the present verb of the clause, not to "noted"; a conjunct whose tense
    is that of the verb above the clause and not of the clause's own verb is the upper verb's
    (a dev release of eval/data/core_events.json). Returns that upper verb, else None."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or verb.tag_ != "VBD":
        return None
    upper = head.head
    return upper if upper.tag_ == "VBD" and head.tag_ in ("VBZ", "VBP") else None


_PRONOUN = frozenset(["it", "they", "he", "she", "we", "i", "its", "their"])


def reporter(tok: Token, reporting: frozenset[str]) -> Token | None:
    """The named subject of the nearest reporting verb above ``tok`` ("Putin stressed that")."""
    node = tok
    while node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in reporting:
            subj = [c for c in node.children if c.dep_ == "nsubj"]
            if subj and subj[0].lower_ not in _PRONOUN:
                return subj[0]
    return None
