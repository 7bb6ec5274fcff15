"""A go-between: an official of a third state who meets or visits both sides (issue 14).

"Acting Assistant Secretary Yael Lempert will travel to Jordan, Israel, the West Bank and
Egypt", "Following discussions with Lebanese counterparts earlier in the month, Senior Advisor
Amos Hochstein held conversations last week with Israeli counterparts on their maritime
boundary" (dev, batches 1 and 5): whoever carries talks between the two sides of a conflict
mediates them, whatever the title says (our annotation lists both as mediators). The sides are
two states that the conflict dyads (``lexicons/conflict_dyads.json``, UCDP/PRIO) list as
opponents; the official is of neither (a Secretary meeting one side, or both sides' own
leaders meeting, is no go-between).
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.convening import TRAVEL_LEMMAS, TRIP_PURPOSES, stops, subjects
from peacewatch.extract.negotiation.dyads import dyads
from peacewatch.extract.negotiation.third_names import side_of
from peacewatch.parse.syntax import Sentence, sentences, token_evidence
from peacewatch.records import Document, Evidence, Participant

# Verbs and nouns of talking with someone: "held conversations with", "discussions with",
# "met with", "spoke with".
TALK_WORDS = frozenset(
    {"meet", "speak", "talk", "discuss", "engage", "consult", "discussion", "discussions",
     "conversation", "conversations", "talks", "meeting", "meetings", "consultations",
     "exchanges", "call"}
)  # fmt: skip


def go_betweens(doc: Document) -> list[Participant]:
    """People of no side who meet or visit both sides of one conflict in the text."""
    reached: dict[str, dict[str, Evidence]] = {}
    sents = list(sentences(doc))
    for i, s in enumerate(sents):
        # a trip for the process (convening.TRIP_PURPOSES), as for an envoy's hosts: a trip
        # "to advance bilateral and regional priorities" to Baku and Yerevan is no shuttle
        # (dev, batch 2)
        purpose = bool({t.lower_ for x in sents[i : i + 3] for t in x.sent} & TRIP_PURPOSES)
        for person, iso, ev in _contacts(doc, s, purpose):
            reached.setdefault(person, {}).setdefault(iso, ev)
    pairs = dyads()
    out: list[Participant] = []
    for person, states in reached.items():
        own = next((a.country for a in doc.actors if a.name == person), None)
        codes = [c for c in states if c != own]
        both = [
            (a, b)
            for i, a in enumerate(codes)
            for b in codes[i + 1 :]
            if frozenset((f"state:{a}", f"state:{b}")) in pairs
        ]
        if both:
            out.append(Participant(person, None, "mediator", states[both[0][0]]))
    return out


def _contacts(doc: Document, s: Sentence, trips: bool) -> list[tuple[str, str, Evidence]]:
    """(person, state, evidence) for each state a named person travels to or talks with in
    the sentence; a clause with no subject of its own ("Following discussions with X, Y
    held ...") is the main subject's."""
    out: list[tuple[str, str, Evidence]] = []
    root = s.sent.root
    main = _person(doc, s, subjects(root))
    for tok in s.sent:
        lemma = tok.lemma_.lower()
        if trips and lemma in TRAVEL_LEMMAS and tok.pos_ == "VERB":
            traveller = _person(doc, s, subjects(tok)) or main
            if traveller is not None:
                for iso, ent in stops(doc, s, tok):
                    out.append((traveller, iso, token_evidence(doc, s.offset, [tok, *ent])))
        if lemma in TALK_WORDS or tok.lower_ in TALK_WORDS:
            who = _person(doc, s, subjects(tok)) if tok.pos_ == "VERB" else None
            # "the foreign minister's trilateral meeting with X" is the minister's
            owned = tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children)
            who = None if owned else who or main
            # "held conversations last week with X": the "with" may hang off the verb
            holders = [tok, tok.head] if tok.dep_ == "dobj" else [tok]
            objs = [
                o for h in holders for c in h.children if c.lower_ == "with" for o in c.children
            ]
            for obj in objs:
                side = side_of(doc, s, obj) if who else None
                if who and side is not None and side[1] is not None:
                    ev = token_evidence(doc, s.offset, [tok, *obj.subtree])
                    out.append((who, side[1], ev))
    return out


def _person(doc: Document, s: Sentence, subjects: list[Token]) -> str | None:
    """The document actor (a person) a subject names."""
    for subj in subjects:
        if subj.ent_type_ != "PERSON":
            continue
        at = subj.idx + s.offset
        for e in doc.entities:
            if e.type == "PERSON" and any(m.start <= at < m.end for m in e.mentions):
                actor = next((a for a in doc.actors if a.entity == e.id), None)
                return actor.name if actor is not None else e.name
    return None
