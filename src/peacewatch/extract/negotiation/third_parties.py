"""Mediators, facilitators and hosts a release names, and how a token names an actor.

Third parties of a process (issue 14), read from how releases write them:

- "UN-brokered truce", "the UNITAMS-AU-IGAD facilitated process", "talks facilitated by the
  African Union", "hosted by Qatar": the agent of a brokering verb;
- "under the auspices of the OSCE Minsk Group", "under UN auspices", "under the leadership of
  the African Union", "under the supervision and sponsorship of the Quartet", "Kenya's
  mediation": the owner of a brokering noun;
- "the role Georgia played in facilitating these steps", "the efforts of UNITAMS, the AU, and
  IGAD to facilitate a political process", "commends Guterres and Erdogan for their efforts
  to mediate": who does the facilitating;
- "We commend Prime Minister Roble's efforts" in a text about a process: the one praised for
  their efforts (never a party: sides.py drops a party from the third parties);
- "Special Envoy for Yemen Tim Lenderking", "UN Special Envoy Hans Grundberg", "Staffan de
  Mistura, the UN Secretary-General's Personal Envoy": an envoy and the body the title names;
  "the OSCE Minsk Group Co-Chairs": a body named as co-chair.

Lists the parser splits ("facilitated by UNITAMS, the AU, and IGAD" parsed as an apposition
and a stray conjunct) are read as the flat list of names they are.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from peacewatch.evidence import span as token_evidence_of
from peacewatch.extract.actors.base import actor_base
from peacewatch.extract.negotiation.convening import convening, trip_hosts
from peacewatch.extract.negotiation.go_between import go_betweens
from peacewatch.extract.negotiation.hyphens import LED_NOUNS, active, fused, hyphen_chain, led
from peacewatch.extract.negotiation.third_names import (
    actor_at,
    collective,
    conjuncts,
    listed,
    participants,
    person_of,
    side_of,
)
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import Document, Entity, Evidence, Participant
from peacewatch.vocab import NegotiationRole

# The name helpers moved to third_names.py; sides.py, rounds.py and observers.py import them here.
__all__ = ["actor_at", "collective", "conjuncts", "envoys", "listed", "person_of", "side_of",
           "third_parties"]  # fmt: skip

# "-brokered", "mediated by", "facilitated by", "hosted by": a third party's role.
THIRD_PARTY_VERBS = {
    "brokered": "mediator",
    "mediated": "mediator",
    "facilitated": "mediator",
    "convened": "mediator",
    "sponsored": "mediator",
    "hosted": "host",
}
THIRD_PARTY_NOUNS = {"mediation": "mediator", "auspices": "mediator", "facilitation": "mediator"}
# "under the leadership of X": a noun that names a third party only after "under".
UNDER_NOUNS = frozenset({"leadership", "supervision", "sponsorship", "chairmanship", "aegis"})
# "to facilitate", "in facilitating", "efforts to mediate": who does it is a mediator.
DOING_LEMMAS = frozenset({"facilitate", "mediate", "broker"})
# "thanked X for convening (hosting) the conference": X brings the parties together.
CONVENE_LEMMAS = frozenset({"convene", "host"})
# "X's efforts" praised in a text about a process: X works for the process.
EFFORT_NOUNS = frozenset(
    {"efforts", "effort", "role", "leadership", "work", "initiative", "engagement"}
)
PRAISE_LEMMAS = frozenset(
    {"commend", "appreciate", "appreciation", "welcome", "thank", "praise", "applaud",
     "grateful", "gratitude", "thanks", "appreciative", "support", "recognize", "acknowledge",
     "salute", "note"}
)  # fmt: skip
ENVOY_WORDS = ("envoy", "mediator", "facilitator", "co-chair", "special representative")


def _agents(tok: Token) -> list[Token]:
    """Who brokers, for a brokering verb or noun."""
    agents = hyphen_chain(tok) + active(tok)
    # "brokered by X", "under the auspices of X", "mediation of X", "X's mediation",
    # "under UN auspices"
    owner = tok.head if tok.dep_ == "compound" else tok
    agents += [c for c in owner.children if c.dep_ == "poss" and owner is not tok]
    for c in tok.children:
        if c.dep_ in ("agent", "prep") and c.lower_ in ("by", "of"):
            agents += [o for o in c.children if o.dep_ == "pobj"]
        if c.dep_ == "poss" or (c.dep_ == "compound" and tok.lower_ == "auspices"):
            agents.append(c)
    return [_antecedent(a) if a.lower_ == "whose" else a for a in agents]


def _antecedent(tok: Token) -> Token:
    """ "the African Union, under whose auspices talks occur": the name before the relative
    clause (the parser does not always attach it as one)."""
    i = tok.i - 1
    while i > tok.sent.start and (tok.doc[i].is_punct or tok.doc[i].pos_ == "ADP"):
        i -= 1
    return tok.doc[i] if tok.doc[i].pos_ in ("PROPN", "NOUN") else tok


def _under(tok: Token) -> bool:
    """ "under the leadership of", "under the supervision and sponsorship of"."""
    first = tok.head if tok.dep_ == "conj" else tok
    return first.dep_ == "pobj" and first.head.lower_ == "under"


def _of_owner(noun: Token) -> list[Token]:
    """The owner of a noun: "X's efforts", "the efforts of X"; a pronoun ("their efforts")
    stands for the object of the clause ("commends Guterres and Erdogan for their efforts")."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [o for c in noun.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
    # "the key role Qatar has played": the subject of the relative clause on the noun
    owners += [
        o
        for c in noun.children
        if c.dep_ == "relcl" and c.lemma_.lower() == "play"
        for o in c.children
        if o.dep_ == "nsubj" and o.pos_ == "PROPN"
    ]
    if owners and owners[0].pos_ == "PRON":
        verb = noun.head.head if noun.head.dep_ == "prep" else noun.head
        return [c for c in verb.children if c.dep_ == "dobj"]
    return owners


def _doers(tok: Token) -> list[Token]:
    """Who facilitates: "the efforts of X to facilitate", "the role X played in facilitating",
    "X's efforts to mediate"."""
    if _brings(tok):
        return _bringers(tok)
    if (
        tok.lemma_.lower() in CONVENE_LEMMAS | DOING_LEMMAS
        and tok.tag_ == "VBG"
        and tok.head.lower_ == "for"
        and tok.head.head.lemma_.lower() in PRAISE_LEMMAS
    ):
        # "We applauded the European Union for convening the Conference": who is praised
        return [c for c in tok.head.head.children if c.dep_ == "dobj"]
    if tok.lemma_.lower() not in DOING_LEMMAS or tok.tag_ not in ("VB", "VBG"):
        return []
    head = tok.head.head if tok.head.dep_ == "prep" else tok.head  # "in facilitating"
    if head.lower_ in EFFORT_NOUNS:
        return _of_owner(head)
    if head.pos_ == "VERB" and head.head.lower_ in EFFORT_NOUNS:  # "the role X played in"
        return [c for c in head.children if c.dep_ == "nsubj"]
    return []


def _brings(tok: Token) -> bool:
    """ "bring about" (a ceasefire), "bring the parties together": convening or brokering."""
    # "about" with no object of its own is the particle, however the parser labels it
    return tok.lemma_.lower() == "bring" and any(
        c.lower_ in ("about", "together") and not any(True for _ in c.children)
        for c in tok.children
    )


def _bringers(tok: Token) -> list[Token]:
    """Who brings it about: "partners, including Egypt, that helped to bring it about" (the
    subject of "help", a relative pronoun standing for the name before it)."""
    verb = tok.head if tok.dep_ == "xcomp" and tok.head.lemma_.lower() == "help" else tok
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return [_antecedent(c) if c.tag_ in ("WDT", "WP") else c for c in subjects]


def _praised(tok: Token) -> list[Token]:
    """ "We commend Prime Minister Roble's efforts", "appreciation for Egypt's role"."""
    if tok.lower_ not in EFFORT_NOUNS or _tenure(tok):
        return []
    # the praise governs the noun: "commend X's efforts", "appreciation for X's role", not
    # "appreciation for the process, which brought together the leadership of A, B and C"
    first = tok.head if tok.dep_ == "conj" else tok  # "commend X's efforts and Y's role"
    head = first.head.head if first.head.dep_ == "prep" else first.head
    if first.dep_ not in ("dobj", "pobj") or head.lemma_.lower() not in PRAISE_LEMMAS:
        return _praised_for(first)
    return [c for c in _of_owner(tok) if c.pos_ != "PRON"]


def _tenure(noun: Token) -> bool:
    """ "the leadership of President X over the past year", "Kosovo's leadership beyond its
    borders": leadership praised without what it led ("leadership in urging ...") is an
    office or a record, not a role in a process (ECOWAS and Kosovo releases, unannotated)."""
    # What it led must be a process ("leadership in the talks", "in mediating"): "commended
    # Egypt for its leadership in urging Libya's legislature to keep elections on track" in a
    # Gaza text (unannotated) is no role in that process. The parser often hangs "in" on the
    # verb, so the words just after the noun are read.
    if noun.lower_ != "leadership":
        return False
    after = noun.doc[noun.i + 1 : noun.i + 4]
    if len(after) == 0 or after[0].lower_ not in ("in", "on"):
        return True
    return not any(
        w.lower_ in LED_NOUNS or (w.tag_ == "VBG" and w.lemma_.lower() in DOING_LEMMAS)
        for w in after
    )


def _praised_for(noun: Token) -> list[Token]:
    """ "commends ... the United Nations for the essential role it is playing": the praised
    object owns the effort noun hanging off it by "for"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or _of_owner(noun):
        return []
    obj = prep.head
    first = obj.head if obj.dep_ == "conj" else obj
    if obj.dep_ not in ("dobj", "conj") or first.head.lemma_.lower() not in PRAISE_LEMMAS:
        return []
    return [obj]


def third_parties(doc: Document, s: Sentence, praise: bool = False) -> list[Participant]:
    """Third parties of the sentence; with ``praise`` only those praised for their efforts
    (weaker: a text that praises someone's efforts need not be about a process)."""
    out: list[Participant] = []
    for tok in s.sent:
        role = THIRD_PARTY_VERBS.get(tok.lower_) or THIRD_PARTY_NOUNS.get(tok.lower_)
        if role is None and (led(tok) or active(tok)):  # "UN-led talks", "Qatar mediates"
            role = "mediator"
        if role is not None:
            agents = _agents(tok)
        elif tok.lower_ in UNDER_NOUNS and _under(tok):
            role, agents = "mediator", _agents(tok)
        elif praise:
            role, agents = "mediator", _praised(tok)
        else:
            role, agents = "mediator", _doers(tok)
        role_: NegotiationRole = "host" if role == "host" else "mediator"
        out += participants(doc, s, agents, tok, role_)
        out += [] if praise else _co_chairs(doc, s, tok) + fused(doc, s, tok)
    return out if praise else out + convening(doc, s)


def _co_chairs(doc: Document, s: Sentence, tok: Token) -> list[Participant]:
    """ "the OSCE Minsk Group Co-Chairs", "an OSCE Minsk Group Co-Chair": the body chairs
    the talks."""
    if not tok.lower_.startswith("co-chair") and not (
        tok.lower_ == "chair" and tok.i >= 2 and tok.nbor(-1).text == "-"
    ):
        return []
    first = tok.i - (2 if tok.lower_ == "chair" else 0)
    words = [t for t in s.sent if t.i < first][-4:]
    out: list[Participant] = []
    for t in reversed(words):
        known = actor_base().find(t.text) if t.text.isupper() else None
        if known is not None and known.kind == "igo":
            ev = token_evidence(doc, s.offset, [t, tok])
            out.append(Participant(known.name, None, "mediator", ev))
            break
    # "the United States has been an OSCE Minsk Group Co-Chair since 1994": the subject chairs
    # too ("chair" heads the hyphenated word in the parse)
    head = tok if tok.dep_ == "attr" else tok.head if tok.head.dep_ == "attr" else None
    if head is not None and head.head.lemma_ == "be":
        for subj in (c for c in head.head.children if c.dep_ == "nsubj"):
            side = side_of(doc, s, subj)
            if side is not None:
                ev = token_evidence(doc, s.offset, [subj, tok])
                out.append(Participant(side[0], side[1], "mediator", ev))
    return out


def envoys(doc: Document) -> list[Participant]:
    """People whose role is an envoy or mediator, and the body they speak for when the role
    names one ("UN Special Envoy for Yemen Hans Grundberg": Grundberg and the UN). The role
    is read from the entity, or from the title just before a mention or the apposition just
    after it ("Staffan de Mistura, the UN Secretary-General's Personal Envoy for Western
    Sahara"), which the entity stage does not always attach."""
    out: list[Participant] = []
    for e in doc.entities:
        if e.type != "PERSON":
            continue
        found = _envoy_role(doc, e)
        if found is None:
            continue
        role, ev = found
        if _thematic(role) or _leads_delegation(doc, e):
            continue
        out.append(Participant(e.name, None, "mediator", ev))
        words = role.replace(".", "").replace("’s", "").replace("'s", "").split()
        for word in [*words, *_title_words(doc.body.text, e), *_appos_words(doc.body.text, e)]:
            body = actor_base().find(word) if word.isupper() else None
            if body is not None and body.kind == "igo" and _runs_process(doc, word, body.name):
                out.append(Participant(body.name, None, "mediator", ev))
    # a go-between of both sides mediates (go_between.py); the states the envoys travel to
    # host their talks (convening.py)
    out += go_betweens(doc)
    return out + trip_hosts(doc, out)


def _leads_delegation(doc: Document, e: Entity) -> bool:
    """ "Special Representative Thomas West led a senior interagency delegation ... to continue
    discussions with senior Taliban representatives" (dev, batches 1 and 6): the head of one
    side's delegation negotiates for it; he is no mediator, whatever his title."""
    text = doc.body.text
    return any(
        LEADS.match(text, m.end, min(len(text), m.end + 200)) is not None for m in e.mentions
    )


# "X led a delegation", "X and Y led a senior interagency delegation", "X, who headed the
# delegation": the mention, at most one more name, then leading a delegation.
LEADS = re.compile(
    r"(?: and [^,.;]{0,90}?)?,?(?: who)? (?:led|leads|will lead|headed|heads|will head)"
    r" (?:the|a|an|another)? ?(?:[\w.-]+ ){0,4}delegation\b"
)


# An envoy "for" a place or region mediates its process; one "for Hostage Affairs" (the
# release of U.S. citizens, unannotated) negotiates for its own government.
REGION = re.compile(
    r"\b(?:Africa|Horn|Sahel|Great Lakes|Gulf|Middle East|Balkans|Caucasus|Asia|[Rr]egion)\b"
)


def _thematic(role: str) -> bool:
    """The envoy's portfolio after "for" names no country, people or region."""
    _, found, portfolio = role.partition(" for ")
    index = countries.for_negotiation()
    return bool(found) and not (index.in_text(portfolio) or REGION.search(portfolio))


# "the UN political process", "UN consultations", "the UN-facilitated talks", "the ASEAN
# Five-Point Consensus": the body owns the process, not only the envoy's title.
PROCESS_AFTER = (
    r"(?:['’]s)?(?:-(?:led|brokered|facilitated|mediated|convened))?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:process|consultations|talks|negotiations|mediation|initiative|roadmap|framework"
    r"|[Cc]onsensus|plan)\b"
)


def _runs_process(doc: Document, *forms: str) -> bool:
    """The envoy's body is a mediator itself only when the text names it as running the
    process; a title alone ("UN Special Envoy Geir Pedersen" in a statement of the states that
    met him) names the envoy (our annotation, processes_sample.md, dev texts of batches 1-4)."""
    names = "|".join(re.escape(f) for f in forms)
    return re.search(rf"\b(?:{names}){PROCESS_AFTER}", doc.body.text) is not None


# The capitalised title words just before a name ("... by UN Special Envoy for Yemen Hans
# Grundberg": UN, Special, Envoy, Yemen): the entity's role may have lost the body's acronym.
TITLE_RUN = re.compile(r"(?:(?:[A-Z][\w.’'-]*|for|of|the)\s+){1,8}$")


def _title_words(text: str, e: Entity) -> list[str]:
    out: list[str] = []
    for m in e.mentions:
        run = TITLE_RUN.search(text, max(0, m.start - 80), m.start)
        if run and any(w in run.group().lower() for w in ENVOY_WORDS):
            out += run.group().replace(".", "").split()
    return out


def _appos_words(text: str, e: Entity) -> list[str]:
    """The words of an envoy apposition ("de Mistura, the UN Secretary-General's Personal
    Envoy"), which the entity's role may hold without its body."""
    out: list[str] = []
    for m in e.mentions:
        after = APPOSITION_AFTER.match(text[m.end : m.end + 100])
        if after and any(w in after.group(1).lower() for w in ENVOY_WORDS):
            out += after.group(1).replace("’s", "").replace("'s", "").split()
    return out


# A title ends at a clause or list boundary: "the Special Envoy and Foreign Minister X" gives
# X no envoy title.
TITLE_BEFORE = re.compile(r"[^.,;:()\n]{0,70}$")
# "the work of Ambassador Richard Norland as the U.S. Special Envoy for Libya" (dev, batch 6)
APPOSITION_AFTER = re.compile(r"^(?:,| as) ((?:U\.S\.|U\.N\.|[^.,;:()\n]){0,90})")


def _envoy_role(doc: Document, e: Entity) -> tuple[str, Evidence] | None:
    own = e.role.rsplit(" and ", 1)[-1] if e.role else ""
    if e.role_evidence and any(w in own.lower() for w in ENVOY_WORDS):
        return own, e.role_evidence
    text = doc.body.text
    for m in e.mentions:
        before = TITLE_BEFORE.search(text, max(0, m.start - 70), m.start)
        title = before.group().rsplit(" and ", 1)[-1] if before else ""
        if any(w in title.lower() for w in ENVOY_WORDS):
            return title, token_evidence_of(text, m.start - len(title), m.end)
        after = APPOSITION_AFTER.match(text[m.end : m.end + 100])
        if after and any(w in after.group(1).lower() for w in ENVOY_WORDS):
            return after.group(1), token_evidence_of(text, m.start, m.end + after.end())
    return None
