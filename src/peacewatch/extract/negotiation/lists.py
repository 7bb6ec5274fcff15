"""Lists and joint subjects that decide who is a side (issue 14, split from sides.py).

- a long list of states is the co-signers of a statement, not the sides of its conflict;
- "the two sides discussed" in a readout of the issuer's meeting with an armed group makes
  the issuer the other side;
- "the agreement among Georgian political parties": political forces named by what they are;
- "Cypriot-led efforts": a process led by a state's own people.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from peacewatch.evidence import span as token_evidence_of
from peacewatch.extract.actors.base import issuer_of
from peacewatch.lexicons import demonyms
from peacewatch.parse.syntax import Sentence, token_evidence
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


# "the agreement among Georgian political parties", "upon agreement among civilian parties to
# form a transitional government" (dev batches 3 and 1): the political forces of one country,
# named by what they are, are the sides of an agreement "among" them.
POLITICAL_HEADS = frozenset({"party", "leader", "faction", "force", "actor", "stakeholder"})
POLITICAL_MODS = frozenset({"political", "civilian", "opposition", "civil", "military"})


def political(tok: Token) -> tuple[str, None] | None:
    """(description, None) for a plural political collective: "Georgian political parties"."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    if tok.tag_ != "NNS" or tok.lemma_.lower() not in POLITICAL_HEADS:
        return None
    if not any(m.lower_ in POLITICAL_MODS for m in mods):
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "preconj", "cc")]
    words = words[next((i for i, w in enumerate(words) if w in mods or w is tok), 0) :]
    return " ".join(w.text for w in words), None


# "Cypriot-led, UN-facilitated efforts to reunify the island" (dev batches 1-2, two readouts
# with the Republic of Cyprus): a process the counterpart's own people lead is that state's
# process, though no war of the last years (at_war_at_home) makes it a side. Qatar's "role in
# efforts to reach a settlement in Afghanistan" names another state's process.
OWN_LED = r"(?:{names})-(?:led|owned)\b"
LED = re.compile(r"\w-(?:led|owned)\b")


def own_process(text: str, iso: str) -> bool:
    """The text names a process led or owned by ``iso``'s people ("Libyan-led")."""
    forms = [w for w, c in demonyms().items() if c == iso]
    names = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return bool(names) and re.search(OWN_LED.format(names=names), text, re.IGNORECASE) is not None


# "the Assad regime's decision", "The Myanmar military regime's executions" (dev batch 7), "the
# Maduro regime": a government named by its ruler or as a military regime is the side its
# opposition or the process faces. Not a bare "the regime" (which one is the text's to say),
# and not "the Iranian regime" (a demonym alone names a state the dyads already know).
REGIME_HEADS = frozenset({"regime", "junta"})


def regime_name(tok: Token) -> str | None:
    """ "Assad regime", "Myanmar military regime": a ruler's or a military regime's name."""
    if tok.lower_ not in REGIME_HEADS:
        return None
    mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    ruler = any(m.ent_type_ == "PERSON" for m in mods)
    military = any(m.lower_ == "military" for m in mods)
    if not (ruler or military):
        return None
    first = min((m.left_edge.i for m in mods), default=tok.i)
    words = [t for t in tok.doc[first : tok.i + 1] if t.dep_ not in ("det", "case")]
    return " ".join(w.text for w in words)


def regimes(doc: Document, sents: list[Sentence], found: list[Participant]) -> list[Participant]:
    """The regimes (above) a text about a process names, first mention first; not where the
    round and side rules already seated a party of the regime's state (its ruler's country)."""
    seated = {p.country for p in found if p.role == "party" and p.country}
    people = {a.name.split()[-1]: a.country for a in doc.actors if a.kind == "person"}
    out: dict[str, Participant] = {}
    for s in sents:
        for tok in s.sent:
            name = regime_name(tok)
            if name is None or name in out:
                continue
            country = people.get(name.split()[0]) or demonyms().get(name.split()[0].lower())
            if country in seated:
                continue
            ev = token_evidence(doc, s.offset, [*tok.lefts, tok])
            out[name] = Participant(name, None, "party", ev)
    # "the military regime" and later "The Myanmar military regime": one regime, its full name
    full = [n for n in out if not any(m != n and m.endswith(" " + n) for m in out)]
    return [out[n] for n in full]
