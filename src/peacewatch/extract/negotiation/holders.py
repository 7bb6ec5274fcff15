"""Who holds a stance when its clause does not name the holder plainly (issue 14): the
helpers positions.py reads an agentless passive, a relative clause on the issue, a holder
that names nobody, an obligation, a subject-less clause and a named holder's party with."""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import PartyResolver
from peacewatch.extract.negotiation.voice import party_of_actor
from peacewatch.extract.negotiation.words import MODALS
from peacewatch.parse.syntax import subject_of, surname


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


def generic(subj: Token) -> bool:
    """A subject that names nobody: an indefinite pronoun, or "people who ..."."""
    if (subj.lower_ in _NO_ONE and subj.pos_ == "PRON") or (
        subj.lower_ == "one" and any(c.lower_ == "no" for c in subj.children)
    ):
        return True
    clause = subj.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "those who participated ... and who ensure X"
    if subj.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        ante = clause.head
        return ante.lower_ in _PEOPLE or (ante.lower_ in ("of",) and ante.head.lower_ in _PEOPLE)
    return False


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
