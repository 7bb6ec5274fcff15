"""Positions a party denies holding: "Kyiv denied that it had agreed to X".

A stance read from the content of a denial is not the party's stance, and dropping it (as
positions.py did) lost a claim the issue asks for: that a party says it does not hold a
position. We keep it as a Position with status "denied" only where the denial is unambiguous:

- the stance's clause is the complement of "deny"/"refute" ("denied that it had offered X",
  "denied offering X"), or the content of a report noun that "deny", "reject", "dismiss" or
  "rebut" takes ("rejected reports that it had offered X") -- the verbs and nouns of
  round_when.py, which reads denied rounds the same way;
- the denial is not negated ("did not deny that it had offered X" denies nothing);
- the one who denies is a party, and every clause between the denial and the stance has that
  party, a pronoun or nothing as its subject: "Kyiv denied that Moscow had offered X" denies
  something the other side did, which says nothing of Kyiv's stance, and a passive ("denied
  that X had been offered") does not say whose offer it would have been.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from peacewatch.extract.negotiation.context import PartyResolver
from peacewatch.extract.negotiation.round_when import deny_verb, via_report
from peacewatch.extract.negotiation.speakers import Speakers, party_for
from peacewatch.extract.negotiation.words import DENIER_PRONOUNS, DENY_DIRECT
from peacewatch.parse.syntax import Sentence

SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True, slots=True)
class Denial:
    verb: Token  # the denial verb ("denied", "rejected")
    subject: Token  # who denies ("Kyiv")
    party: str  # its party


def lifts_to(head: Token) -> bool:
    """Whether a stance verb's xcomp may take its head's stance (cues.py): not for a denial,
    "denied offering X" is a denied offer, not a rejection of X."""
    return head.lemma_.lower() not in DENY_DIRECT


def under_denial(verb: Token) -> tuple[Token, list[Token]] | None:
    """The denial verb whose content holds ``verb``, through at most two xcomp/conj/ccomp
    steps ("denied that it had agreed to give up X"), with the verbs passed on the way.
    Returns (denial verb, chain) or None."""
    chain = [verb]
    v = verb
    for _ in range(3):
        if v.dep_ in ("ccomp", "xcomp") and deny_verb(v.head, direct=True):
            return v.head, chain
        if v.dep_ in ("acl", "ccomp", "relcl"):
            found = via_report(v.head)
            if found is not None:
                return found, chain
        if v.dep_ not in ("ccomp", "xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
        chain.append(v)
    return None


def denial_of(
    verb: Token, token: Token | None, resolver: PartyResolver, speakers: Speakers, s: Sentence
) -> Denial | None:
    """The party's denial of the stance whose clause verb is ``verb`` and cue word ``token``,
    if reliable (above)."""
    found: tuple[Token, list[Token]] | None
    if token is not None and token.pos_ == "NOUN" and token.dep_ == "dobj":
        # "Kyiv denied any offer of X": the stance noun is what is denied.
        found = (token.head, []) if deny_verb(token.head, direct=True) else None
    else:
        found = under_denial(verb)
    if found is None:
        return None
    deny, chain = found
    subj = next((c for c in deny.children if c.dep_ == "nsubj"), None)
    party = party_for(resolver, speakers, subj, s, deny) if subj is not None else None
    if subj is None or party is None:
        return None
    for v in chain:
        for c in v.children:
            if c.dep_ not in SUBJECTS:
                continue
            if c.dep_ != "nsubj":
                return None  # passive or clausal subject: whose stance is not said
            # "they" stands for the denier only when that is plural ("officials denied that
            # they had ..."); after a country it is mostly the other side.
            plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in ("they", "we")
            if c.lower_ in DENIER_PRONOUNS:
                if c.lower_ == "they" and not plural:
                    return None
                continue
            if party_for(resolver, speakers, c, s, v) != party:
                return None  # a denial of what another did
    return Denial(deny, subj, party)
