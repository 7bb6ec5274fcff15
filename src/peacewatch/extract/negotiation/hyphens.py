"""Third parties named in one hyphened or fused word, or as the subject of a brokering verb.

"the African Union-led talks", "UN-brokered", "the U.S.-mediated negotiations" (one token for
the parser), "Qatar also mediated between the sides" (issue 14, news style)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from peacewatch.extract.actors.base import actor_base
from peacewatch.lexicons import demonyms
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import Document, Participant
from peacewatch.vocab import NegotiationRole

# "African Union-led talks", "the UN-led truce": "led" names a third party only on the noun
# of a process ("a Saudi-led coalition" leads a side).
LED_NOUNS = frozenset(
    {"talks", "negotiations", "process", "mediation", "truce", "ceasefire", "dialogue",
     "initiative", "efforts", "consultations", "peace"}
)  # fmt: skip
# "U.S.-mediated", "Qatari-brokered": the parser keeps name and verb in one token.
FUSED = re.compile(r"^(.+)-(brokered|mediated|facilitated|led|sponsored|hosted)$")
# "Qatar also mediated between the sides": the subject of these verbs in the active voice.
ACTIVE_LEMMAS = frozenset({"mediate", "broker", "facilitate"})


def hyphen_chain(tok: Token) -> list[Token]:
    """ "UN-brokered", "UNITAMS-AU-IGAD facilitated": the names hyphened before the word."""
    out = []
    i = tok.i
    while i >= 2 and tok.doc[i - 1].text == "-":
        out.append(tok.doc[i - 2])
        i -= 2
    return out


def led(tok: Token) -> bool:
    """ "African Union-led talks": "led" hyphened to a body's name, on a process noun; not a
    country's ("Libyan-led and owned political process", "Cypriot-led, UN-facilitated efforts"
    in dev and unannotated releases name the sides' ownership of their process)."""
    if tok.lower_ != "led" or tok.head.lower_ not in LED_NOUNS:
        return False
    chain = hyphen_chain(tok)
    index = countries.for_negotiation()
    names = [_whole_name(t) for t in chain]
    return bool(chain) and not any(
        index.of_word(n) or demonyms().get(n.lower()) or index.in_text(n) for n in names
    )


def _whole_name(tok: Token) -> str:
    """The whole entity a token ends ("Saudi Arabia" for "Arabia")."""
    first = tok.i
    while first > 0 and tok.doc[first].ent_iob_ == "I":
        first -= 1
    return tok.doc[first : tok.i + 1].text


def active(tok: Token) -> list[Token]:
    """ "Qatar also mediated between the sides", "Egypt has brokered a truce": the subject of
    a brokering verb in the active voice."""
    if tok.lemma_.lower() not in ACTIVE_LEMMAS or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return []
    if tok.dep_ in ("amod", "acl"):
        return []
    if any(c.dep_ == "auxpass" for c in tok.children):
        return []
    return [c for c in tok.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]


def fused(doc: Document, s: Sentence, tok: Token) -> list[Participant]:
    """ "the U.S.-mediated negotiations": the name fused to a brokering verb in one token."""
    m = FUSED.match(tok.text)
    if m is None or (m.group(2) == "led" and tok.head.lower_ not in LED_NOUNS):
        return []
    word = m.group(1)
    iso = countries.for_negotiation().of_word(word) or demonyms().get(word.lower())
    if iso and m.group(2) == "led":
        return []  # "a Libyan-led, Libyan-owned process" is the sides' own (dev, batches 1-4)
    known = None if iso else actor_base().find(word)
    name = iso or (known.name if known is not None and known.kind == "igo" else None)
    if name is None:
        return []
    role: NegotiationRole = "host" if m.group(2) == "hosted" else "mediator"
    return [Participant(name, iso, role, token_evidence(doc, s.offset, [tok, tok.head]))]
