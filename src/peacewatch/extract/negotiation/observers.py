"""Roles named by "as" and by a body's own name: observers, guarantors, mediators, hosts.

News and release style (issue 14) names a third party's role in an "as" phrase or in the
body's name rather than with a brokering verb:

- "Egypt and Qatar attended as observers", "Turkey and Russia, acting as guarantor
  countries", "Norway, serving as facilitator": the subject of the verb the "as" phrase
  hangs off (or the name a participle modifies) holds the role;
- "the Reconstituted Joint Monitoring and Evaluation Commission", "the Ceasefire ... Monitoring
  and Verification Mechanism", "the Special Monitoring Mission": a body whose name says it
  monitors or verifies a process is its observer (PA-X lists such bodies as third parties;
  our annotation, processes_sample.md, gives them the role "observer").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from peacewatch.evidence import span as token_evidence_of
from peacewatch.extract.negotiation.third_names import listed, person_of, side_of, state_or_body
from peacewatch.lexicons import demonyms
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import Document, Participant
from peacewatch.vocab import NegotiationRole

# The role nouns of an "as" phrase ("as observers", "as guarantor countries").
AS_ROLES: dict[str, NegotiationRole] = {
    "observer": "observer",
    "guarantor": "guarantor",
    "mediator": "mediator",
    "facilitator": "mediator",
    "co-chair": "mediator",
    # "Mike Hammer will succeed him as U.S. Special Envoy for the Horn of Africa" (dev, b1):
    # an envoy, as envoys() reads a title before a name
    "envoy": "mediator",
}
# Not "as host": "As a host country for NATO response force, Poland plays a critical role"
# (an unannotated release of peace-processes-state) hosts troops, not talks.


def _as_role(tok: Token) -> NegotiationRole | None:
    """The role an "as" preposition gives: its object, or the object's compound modifier
    ("as guarantor countries")."""
    for obj in (c for c in tok.children if c.dep_ == "pobj"):
        for word in (obj, *(c for c in obj.children if c.dep_ == "compound")):
            role = AS_ROLES.get(word.lemma_.lower()) or AS_ROLES.get(word.lower_.rstrip("s"))
            if role is not None:
                return role
    return None


def _holders(verb: Token) -> list[Token]:
    """Who holds the role: the subject of the verb, or the name a participle modifies
    ("Turkey and Russia, acting as ...")."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return [verb.head]
    return [c for c in verb.children if c.dep_ == "nsubj"]


def as_roles(doc: Document, s: Sentence) -> list[Participant]:
    """Third parties named in an "as" phrase of the sentence."""
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lower_ != "as" or tok.dep_ != "prep" or tok.head.pos_ not in ("VERB", "AUX"):
            continue
        role = _as_role(tok)
        if role is None:
            continue
        for holder in _holders(tok.head):
            for t in listed(holder):
                side = state_or_body(doc, s, t) or (
                    person_of(doc, s, t) if role == "mediator" else None
                )
                if side is not None:
                    ev = token_evidence(doc, s.offset, [t, tok, *tok.subtree])
                    out.append(Participant(side[0], side[1], role, ev))
    return out


# "observers from the African Union and the UN attended the talks", "UN observers", "Norway,
# an observer to the talks": the observer noun's owner, in a sentence about a process; not
# election observers.
OBSERVED = frozenset(
    {"talks", "negotiations", "ceasefire", "truce", "agreement", "process", "signing",
     "dialogue", "consultations", "round"}
)  # fmt: skip


def observer_nouns(doc: Document, s: Sentence) -> list[Participant]:
    """Third parties named as observers by the observer noun."""
    words = {t.lower_ for t in s.sent}
    if not words & OBSERVED or words & {"election", "elections", "electoral", "vote"}:
        return []
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lemma_.lower() != "observer" or tok.pos_ != "NOUN":
            continue
        owners = [c for c in tok.children if c.dep_ in ("compound", "poss")]
        owners += [
            o
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ in ("from", "of")
            for o in c.children
            if o.dep_ == "pobj"
        ]
        if tok.dep_ == "appos":
            owners.append(tok.head)
        for t in (x for o in owners for x in listed(o)):
            side = side_of(doc, s, t)
            if side is not None:
                ev = token_evidence(doc, s.offset, [t, tok])
                out.append(Participant(side[0], side[1], "observer", ev))
    return out


# A monitoring body's name: a monitoring or verifying word and a body noun.
MONITOR = re.compile(
    r"\b(?:Monitoring|Verification|Observer)\b.*"
    r"\b(?:Mission|Commission|Mechanism|Team|Group|Body|Committee)\b"
)


def monitors(doc: Document) -> list[Participant]:
    """Bodies whose name says they monitor or verify the process."""
    out: list[Participant] = []
    for e in doc.entities:
        if e.type == "ORG" and MONITOR.search(e.name) and e.mentions:
            m = e.mentions[0]
            ev = token_evidence_of(doc.body.text, m.start, m.end)
            out.append(Participant(e.name, None, "observer", ev))
    return out


# "the foreign minister's trilateral meeting with Russian Foreign Minister Lavrov and Turkish
# Foreign Minister Cavusoglu" (a dev readout): of three, the one not of a side convenes it.
TRILATERAL = frozenset({"trilateral", "three-way", "tripartite"})
FORMAT_NOUNS = frozenset({"meeting", "meetings", "talks", "summit", "negotiations"})


def _state_of(tok: Token) -> str | None:
    """The state a named person or state token stands for: "Russian Foreign Minister
    Sergei Lavrov" (the demonym of the title), "Turkey"."""
    words = [t for t in tok.subtree if t.i <= tok.i]
    for t in words:
        iso = countries.for_negotiation().of_word(t.text) or demonyms().get(t.lower_)
        if iso:
            return iso
    return None


def trilateral(doc: Document, s: Sentence, parties: set[str]) -> list[Participant]:
    """The one participant of a trilateral meeting who is of no side, when the others are of
    the text's sides."""
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lower_ not in TRILATERAL or tok.head.lower_ not in FORMAT_NOUNS:
            continue
        named = [t for t in tok.head.subtree if _last_of_name(t)]
        states = {t: _state_of(t) for t in named}
        others = [t for t, iso in states.items() if iso is not None and iso not in parties]
        if len(others) != 1 or not any(iso in parties for iso in states.values()):
            continue
        t = others[0]
        side = person_of(doc, s, t) or side_of(doc, s, t)
        if side is not None:
            ev = token_evidence(doc, s.offset, [tok, t])
            out.append(Participant(side[0], side[1], "mediator", ev))
    return out


def _last_of_name(t: Token) -> bool:
    """The last word of a person's or a state's name (the parse head of "Sergei Lavrov")."""
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return t.ent_type_ in ("PERSON", "GPE") and (nxt is None or nxt.ent_iob_ != "I")
