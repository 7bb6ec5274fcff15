"""Who else takes part in an act, read off its object or its noun (issue 16, core events).

Beside events/args.py, which reads subjects, objects and "with/against/to" phrases: the author of
a condemned or welcomed act, the host of a meeting, the one a demand is made of, and who gives
aid "from".
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.lexicon import EventLexicon, lexicon
from peacewatch.extract.events.objects import authors
from peacewatch.extract.events.triggers import Cand, declaring_noun, two_sides
from peacewatch.extract.places.words import place_words

# Recipient prepositions after the PLOVER manual: the target of the act.
TARGET_PREPS = frozenset(["with", "against", "on", "to", "from", "toward", "towards", "over"])
# Types whose "on" object is the content, not a party ("insist on a complete blockade", "agreed
# on the importance of"; dev releases of eval/data/core_events.json), except in "call on X".
_CONTENT_ON = frozenset(("REQUEST", "AGREE"))


def target_prep(cand: Cand, word: Token, prep: str) -> bool:
    """Whether ``prep`` under ``word`` introduces the target of the act: the PLOVER target
    prepositions, "for" of a support ("appreciation for Morocco's role"), not the "on" of a
    demand's or an agreement's content."""
    if prep == "for":
        # "call for both the government and the armed groups to end the violence": who is
        # asked to act (a dev release of eval/data/core_events.json); "call for calm" is not.
        return cand.type == "SUPPORT" or (cand.type == "REQUEST" and _asks_to_act(word))
    if prep == "on" and cand.type in _CONTENT_ON:
        return word.lemma_.lower() == "call"
    return prep in TARGET_PREPS


def _asks_to_act(word: Token) -> bool:
    return any(
        c.dep_ in ("xcomp", "advcl")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in word.children
    )


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
        # "spoke with President X to reiterate": the parser makes "with" the mark of the
        # clause and X its subject (a dev release of eval/data/core_events.json).
        out += [
            (g, True)
            for o in own
            for c in o.children
            if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ == "with" for m in c.children)
            for g in c.children
            if g.dep_ == "nsubj" and g.lower_ not in _PRONOUN
        ]
    if cand.type == "REQUEST":
        out += [
            (g, True)
            for o in own
            for c in o.children
            # "demand that the Council take", "call for both sides to end the violence"
            if c.dep_ == "ccomp"
            or (
                c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
            )
            for g in c.children
            if g.dep_ == "nsubj" and g.lower_ not in _PRONOUN
        ]
    return out


def giver(cand: Cand) -> list[Token]:
    """ "assistance from the Department of Defense": who gives aid, not who gets it; "calls
    from the international community": who makes the appeal."""
    declared = declaring_noun(cand.tok, lexicon()) if cand.tok.pos_ == "NOUN" else None
    if declared is not None:
        return authors(declared, declared.head)  # "the declaration by X of a truce": X's
    if cand.type not in ("AID", "REQUEST") or cand.tok.pos_ == "VERB":
        return []
    return [
        g
        for p in cand.tok.children
        if p.dep_ == "prep" and p.lower_ == "from"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def parties_named(cand: Cand, lex: EventLexicon) -> list[Token]:
    """The parties an event noun names besides its modifiers: "talks between Russian and
    Ukrainian foreign ministers", "clashes between X and Y" (each of the pair), and the inner
    side of a hyphenated pair ("the Ukrainian-Russian talks", triggers.two_sides)."""
    tok = cand.tok
    if tok.pos_ == "VERB":
        return []
    pair = [
        t
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ == "between"
        for g in p.children
        if g.dep_ == "pobj"
        for t in (g, *g.conjuncts)
    ]
    return pair + [t for t in two_sides(tok, lex) if t.head.i != tok.i]


def occasion_of_aim(cand: Cand, lex: EventLexicon) -> list[Token]:
    """ "will travel to Algeria for meetings with X to discuss Y": a meeting that is the aim of
    a journey names who the discussion is with."""
    tok = cand.tok
    if cand.type != "CONSULT" or tok.dep_ not in ("advcl", "xcomp"):
        return []
    return [
        g
        for c in tok.head.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
        and (code := lex.nouns.get(g.lemma_.lower())) is not None
        and code.type == "CONSULT"
    ]


def authored(tok: Token) -> bool:
    """Whether an act's noun names its author ("the visit by X")."""
    return any(c.dep_ == "prep" and c.lower_ == "by" for c in tok.children)


_PLACES = ("GPE", "LOC", "FAC")


def town(tok: Token) -> bool:
    """ "the city of Mariupol", "the port of Odesa": a town named by its kind (place_words.json;
    not "capital", which stands for a government as often, nor region words, which include
    "state" and "republic": "the State of Israel")."""
    return tok.lemma_.lower() in place_words().city - {"capital"} and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.ent_type_ in _PLACES for g in c.children)
        for c in tok.children
    )


def given_to(tok: Token) -> list[Token]:
    """Who an act of giving names as its recipient ("assistance to Ukraine", "providing
    assistance to Ukraine")."""
    return [
        g
        for o in (tok, *(c for c in tok.children if c.dep_ == "dobj"))
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for g in p.children
        if g.dep_ == "pobj"
    ]


def expletive(tok: Token, node: Token, subject: Token) -> bool:
    """ "it is possible to evacuate people": the "it" of "be" with the act as its infinitive
    names no one (a dev release of eval/data/core_events.json); "it was willing to declare"
    hangs the infinitive on the adjective and keeps its "it"."""
    return (
        subject.lower_ == "it" and tok.head is node and tok.dep_ == "xcomp" and node.lemma_ == "be"
    )


def passive_agents(verb: Token) -> list[Token]:
    """The "by" agents of a passive verb that hosts an event noun ("The meeting was attended by
    the Prime Minister, ...": a dev release of eval/data/core_events.json), with conjuncts."""
    return [
        h
        for c in verb.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
        for h in (g, *g.conjuncts)
    ]


def named(tok: Token) -> str:
    """A word with the compound words before it: "States" reads "United States"."""
    first = tok.i
    while first > tok.sent.start and tok.doc[first - 1].dep_ == "compound":
        first -= 1
    return tok.doc[first : tok.i + 1].text
