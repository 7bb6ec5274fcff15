"""Who holds a stance when its clause does not name the holder plainly (issue 14): the
helpers positions.py reads an agentless passive, a relative clause on the issue, a holder
that names nobody, an obligation, a subject-less clause and a named holder's party with."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import PartyResolver
from peacewatch.extract.negotiation.voice import party_of_actor
from peacewatch.extract.negotiation.words import MODALS
from peacewatch.parse.syntax import subject_of, surname
from peacewatch.records import ActorRecord


def issue_undergoes(verb: Token, subj: Token | None) -> bool:
    """A relative clause on the issue in which the issue is what is done or judged: "that
    are needed" (passive), "which is necessary" (a predicate adjective)."""
    relative = subj is not None and subj.tag_ in ("WDT", "WP") and subj.head.i == verb.i
    return relative and ((subj is not None and subj.dep_ == "nsubjpass") or verb.pos_ == "ADJ")


def in_public(verb: Token) -> bool:
    """ "discussed in the media", "debated in public": said by no one in particular."""
    return verb.lemma_.lower() in ("discuss", "debate", "mention") and any(
        o.lower_ in ("media", "press", "public")
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "in"
        for o in p.children
    )


def agreed(verb: Token) -> bool:
    """An agreement reached, in the passive: "have been agreed", "was settled"."""
    return verb.lemma_.lower() in AGREED and verb.tag_ == "VBN"


# Holders that name no one: "no one will recognise X", "some are debating X", "people who
# refused X". Such a clause states no party's stance; the issue mention stays (IssueRecord).
NOBODY = "-"
_NO_ONE = frozenset(
    {"one", "nobody", "someone", "somebody", "anyone", "everyone", "everybody", "some", "others"}
)
_PEOPLE = frozenset({"people", "those", "all", "everyone", "millions", "person"})


# Collective nouns that name a group only by kind: "more and more countries around the
# world", "the democratic world", "many Western countries", "guarantor countries that
# undertake ...", "residents who refused". With no named actor in the phrase they are the
# rhetoric of a statement about unnamed others, no party's stance (official-2022: 11 of the
# 47 positions without a party were held by such a phrase).
_KINDS = frozenset(
    {"world", "country", "state", "nation", "community", "resident", "citizen", "people"}
)
# Entity labels that name an actor; a demonym ("Western", "European") names a kind of country.
_NAMED = frozenset({"PERSON", "ORG", "GPE"})


def generic(subj: Token) -> bool:
    """A subject that names nobody: an indefinite pronoun, "people who ...", a bare "who"
    ("Who supported the sanctions.", "we know who is trying to ..."), or a collective noun
    naming no one ("countries around the world")."""
    if (subj.lower_ in _NO_ONE and subj.pos_ == "PRON") or (
        subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
    ):
        return True
    clause = subj.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "those who participated ... and who ensure X"
    if subj.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        ante = clause.head
        if ante.lower_ == "of":
            ante = ante.head
        return ante.lower_ in _PEOPLE or _unnamed_kind(ante)
    if subj.tag_ == "WP" and subj.lower_ == "who":
        return True  # no antecedent: an unnamed someone
    return _unnamed_kind(subj)


def _unnamed_kind(noun: Token) -> bool:
    """A collective noun ("countries", "the world") whose phrase names no actor and points
    back to none ("these countries", "our partners" do)."""
    kind = noun.lemma_.lower() in _KINDS and (
        noun.tag_ == "NNS" or noun.lemma_.lower() in ("world", "community")
    )
    if not kind or noun.ent_type_ in _NAMED:
        return False
    # The phrase's own words: left modifiers and "of"/"around"/"in" phrases, not a relative
    # clause hanging off it.
    words = [
        t
        for c in noun.children
        if c.dep_ not in ("relcl", "acl", "appos", "conj", "cc")
        for t in c.subtree
    ]
    # "whose residents" (a region's) point back to no actor either.
    pointed = any(
        t.lower_ in ("these", "those", "this", "that") or (t.dep_ == "poss" and t.tag_ != "WP$")
        for t in noun.children
    )
    return not pointed and not any(t.ent_type_ in _NAMED for t in words)


def obliged(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in verb.children)


# Verbs whose passive reports an agreement reached by the sides ("corridors have been agreed").
AGREED = frozenset({"agree", "settle", "reach", "conclude", "coordinate"})


# Links by which a subject-less clause hangs from the clause whose subject does it: "by
# refusing", "while seeking", "in order to secure" (subject_of already follows xcomp/conj).
# "the Houthis bear responsibility for refusing X": through the noun the clause is about too.
_CONTROL_DEPS = frozenset({"advcl", "pcomp", "prep", "xcomp", "conj", "acomp", "dobj", "pobj"})


def controller(verb: Token) -> Token | None:
    """The subject of the nearest clause above a subject-less one, through adverbial and
    prepositional clauses; never across a reporting verb, whose content is someone's
    statement."""
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        # "our decision to recognise X", "Russia's refusal to withdraw": the owner of the
        # noun the clause completes does its act.
        # The possessor next to the noun: in "Donbass and Russia's efforts" spaCy may make
        # both possessors.
        owners = [c for c in verb.head.children if c.dep_ == "poss"]
        if owners:
            return owners[-1]
    v = verb
    for _ in range(6):
        if v.dep_ not in _CONTROL_DEPS or v.head.i == v.i:
            return None
        v = v.head
        if v.pos_ in ("VERB", "AUX"):
            subj = subject_of(v)
            if subj is not None:
                return subj
    return None


def person_party(resolver: PartyResolver, who: str) -> str | None:
    """A named holder's party: by surname, else by the actor record of their entity
    ("Volodymyr Zelenskyy" of a quote, "Volodymyr Zelensky" of the entities)."""
    key = surname(who)
    party = resolver.voice.person_party.get(key) or resolver.person_country.get(key)
    entity = resolver.person_entity.get(key)
    if party is None and entity is not None:
        rec = next((a for a in resolver.voice.doc.actors if a.entity == entity), None)
        party = party_of_actor(rec, resolver.voice.actors)
    return party


def talks_party(party: str, parties: tuple[str, ...], actors: Mapping[str, ActorRecord]) -> str:
    """A state's stance, when the talks' party is that state's government by name: "YE" in a
    Yemeni minister's remarks is the Presidential Leadership Council the talks name (issue 14:
    a party is an actor, the state its property). Only one such government, else the state."""
    if party in parties:
        return party
    govs = {
        a.name
        for a in actors.values()
        if a.name in parties and a.kind == "government" and a.country == party
    }
    return next(iter(govs)) if len(govs) == 1 else party
