"""Lists and joint subjects that decide who is a side (issue 14, split from sides.py).

- a long list of states is the co-signers of a statement, not the sides of its conflict;
- "the two sides discussed" in a readout of the issuer's meeting with an armed group makes
  the issuer the other side.
"""

from __future__ import annotations

from peacewatch.evidence import span as token_evidence_of
from peacewatch.extract.actors.base import issuer_of
from peacewatch.parse.syntax import Sentence
from peacewatch.records import Document, Participant

# "The two sides discussed", "Both sides agreed": a readout's two sides acting together.
TWO_SIDES = frozenset({"sides", "teams", "delegations", "parties"})


def _two_sides(s: Sentence) -> bool:
    return any(
        t.lower_ in TWO_SIDES
        and t.dep_ in ("nsubj", "nsubjpass")
        and any(c.lower_ in ("both", "two") for c in t.children)
        for t in s.sent
    )


def issuer_side(
    doc: Document, sents: list[Sentence], found: list[Participant], armed_kinds: frozenset[str]
) -> list[Participant]:
    """ "U.S. Delegation Meeting with Taliban Representatives ... The two sides discussed" (dev
    batches 1 and 6): when the only side found is a non-state armed group and the release says
    "the two sides" did something together, the issuer's own government is the other side (it
    negotiates with the group; a readout with a state's minister keeps the state alone)."""
    parties = {p.name for p in found if p.role == "party"}
    issuer = issuer_of(doc.meta.publisher)
    own = issuer.get("country") if issuer else None
    if own is None or len(parties) != 1 or not any(_two_sides(s) for s in sents):
        return []
    armed = {a.name for a in doc.actors if a.kind in armed_kinds}
    state = next((a for a in doc.actors if a.kind == "state" and a.country == own), None)
    if not parties <= armed or state is None or state.entity is None:
        return []
    ent = next(e for e in doc.entities if e.id == state.entity)
    m = ent.mentions[0]
    return [Participant(own, own, "party", token_evidence_of(doc.body.text, m.start, m.end))]


# Six or more names in one list are a contact group or the co-signers of a statement (13 and
# 20 states in the Syria statements of dev batch 4), not the sides of a conflict; the sides
# and their mediators named together (the Normandy format's four) stay under it.
LONG_LIST = 6


def long_lists(sents: list[Sentence]) -> list[tuple[int, int]]:
    """Body offsets of the members of lists of at least LONG_LIST coordinated names."""
    out = []
    for s in sents:
        for tok in s.sent:
            if len(tok.conjuncts) >= LONG_LIST - 1:
                out.append((tok.left_edge.idx + s.offset, tok.idx + len(tok) + s.offset))
    return out


def co_signers(people: list[Participant], sents: list[Sentence]) -> list[Participant]:
    """Parties the round rules seated from a long list ("We, the Ministers and representatives
    of the United States, Italy, Canada, ... met today to discuss the crisis in Syria", dev
    batch 5) dropped: the signatories of a statement about a conflict are not its sides."""
    listed = long_lists(sents)
    return [
        p
        for p in people
        if p.role != "party" or not any(a <= p.evidence.start < b for a, b in listed)
    ]
