"""Parties and mediators of any peace process, from how releases name them (issue 14).

The round rules (``rounds.py``) seat parties at a described table ("talks between the
Ukrainian and Russian delegations in Istanbul"). Releases on other processes more often name
the sides and the third parties without describing a table:

- "negotiations between Armenia and Azerbaijan", "the truce between the Government of Ethiopia
  and the TPLF", "the maritime boundary between Israel and Lebanon": the two sides of a
  negotiation noun are parties;
- "UN-brokered truce", "talks facilitated by the African Union", "under the auspices of the
  OSCE Minsk Group", "Kenya's mediation": the third party is a mediator;
- "Special Envoy for Yemen Tim Lenderking", "UN Personal Envoy Staffan de Mistura": an envoy
  named with the process is a mediator.

Each side is an actor of the document (``doc.actors``, from the actors stage): a state by its
ISO code, any other actor by its name (the Houthis, the Taliban, the African Union). These rules
only fill what the round rules left empty, so a text with a described table keeps its parties.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from peacewatch.evidence import span as token_evidence_of
from peacewatch.extract.actors.base import issuer_of
from peacewatch.extract.negotiation.cues import owner_of
from peacewatch.extract.negotiation.dyads import (
    at_war_at_home,
    dyad_sides,
    governments_named,
    only_fought,
)
from peacewatch.extract.negotiation.lists import LED, long_lists, own_process, political, regimes
from peacewatch.extract.negotiation.observers import (
    as_roles,
    monitors,
    observer_nouns,
    trilateral,
)
from peacewatch.extract.negotiation.third_parties import (
    actor_at,
    collective,
    conjuncts,
    envoys,
    side_of,
    third_parties,
)
from peacewatch.lexicons import demonyms
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, subject_of, token_evidence
from peacewatch.records import Document, Participant

# Nouns whose "between X and Y" names the sides of a negotiation or of the conflict it is about.
PROCESS_NOUNS = frozenset(
    {
        "talks", "negotiations", "negotiation", "dialogue", "agreement", "agreements", "ceasefire",
        "truce", "peace", "deal", "process", "conflict", "accord", "accords", "normalization",
        "normalisation", "border", "boundary", "tensions", "consultations", "reconciliation",
        "settlement", "hostilities", "fighting", "war", "treaty", "understanding", "arrangement",
        "escalation", "de-escalation", "meeting", "meetings", "relations", "differences",
        "clashes", "dispute",
    }
)  # fmt: skip


def _about_process(tok: Token) -> bool:
    """The noun "between" belongs to, or the one above it ("tensions, in particular
    between ...")."""
    head = tok.head
    if tok.dep_ == "conj":
        # "de-escalation of regional tensions, and in particular between X and Y": the first
        # conjunct's phrase names the process
        return any(t.lower_ in PROCESS_NOUNS for t in head.subtree if t.i < tok.i)
    return head.lower_ in PROCESS_NOUNS or (
        head.head is not head and head.head.lower_ in PROCESS_NOUNS
    )


def _between(doc: Document, s: Sentence) -> list[Participant]:
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lower_ not in ("between", "among") or not _about_process(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        toks = [t for o in objs for t in conjuncts(o)]
        sides = [political(t) or side_of(doc, s, t) or _named_side(doc, s, t) for t in toks]
        found = [x for x in sides if x is not None]
        # "negotiations between the regime and the Unitary Platform": the side named
        unnamed = sum(x is None and t.lower_ in RULERS for x, t in zip(sides, toks, strict=True))
        # "among civilian parties": one plural collective is several sides
        many = len(toks) == 1 and political(toks[0]) is not None
        if tok.lower_ == "among" and not many:
            # "the deal among Russia, Turkey, and Ukraine": the states that signed a deal
            # among them are not all sides of the conflict (Turkey there a broker)
            continue
        if len(found) >= 2 or (found and unnamed) or many:
            ev = token_evidence(doc, s.offset, [tok.head, tok, *tok.subtree])
            out += [Participant(name, iso, "party", ev) for name, iso in found]
    return out


# A government named by what it is, not by its state: "the regime", "the Maduro regime".
RULERS = frozenset({"regime", "government", "junta", "administration", "authorities"})


def _named_side(doc: Document, s: Sentence, tok: Token) -> tuple[str, str | None] | None:
    """A side of "talks between ..." that the actor base does not know: an organisation the
    parser names ("the Unitary Platform"), or a government by its leader's name ("the Maduro
    regime")."""
    if tok.ent_type_ == "ORG" and tok.ent_iob_ in ("B", "I"):
        ent = next(e for e in s.sent.ents if e.start <= tok.i < e.end)
        span = (ent.start_char + s.offset, ent.end_char + s.offset)
        actor = actor_at(doc, *span)
        return (actor.name if actor is not None else ent.text.removeprefix("the ")), None
    leader = [c for c in tok.children if c.dep_ == "compound" and c.ent_type_ == "PERSON"]
    if tok.lower_ in RULERS and leader:
        return f"{leader[-1].text} {tok.text}", None
    return None


# Verbs whose joint subject ("Israel and Jordan agreed to conclude trade agreements") or whose
# object urged to do them ("encourage Mali and ECOWAS to reach agreement") are the parties.
JOINT_LEMMAS = frozenset(
    {"agree", "sign", "conclude", "reach", "negotiate", "reengage", "resume", "normalize",
     "normalise", "cooperate"}
)  # fmt: skip
URGE_LEMMAS = frozenset({"urge", "encourage", "call", "press", "ask", "invite"})


# "separatist armed groups", "the rebels", "armed opposition groups": a side the text names by
# description only (the Cameroon releases of peace-processes-state; news style). Only where
# the sentence already makes it a side ("call for the government and separatist armed groups
# to engage in a dialogue"); "dissidents" is not one (a faction outside the talks).
ARMED_NOUNS = frozenset({"separatists", "rebels", "insurgents", "militants"})
ARMED_MODS = frozenset({"armed", "separatist", "rebel", "insurgent"})


def described(tok: Token) -> tuple[str, None] | None:
    """(description, None) for a plural armed collective named by what it is."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound")]
    armed = tok.lower_ in ARMED_NOUNS or (
        tok.tag_ == "NNS"
        and tok.lemma_.lower() in ("group", "force", "movement")
        and any(m.lower_ in ARMED_MODS for m in mods)
    )
    if not armed:
        return None
    words = [t for t in tok.subtree if t.i <= tok.i and t.dep_ not in ("det", "preconj", "cc")]
    words = words[next((i for i, w in enumerate(words) if w in mods or w is tok), 0) :]
    return " ".join(w.text for w in words), None


def _including(tok: Token) -> list[Token]:
    """ "all Libyan stakeholders, including the House of Representatives and the High State
    Council" (dev batch 5): a collective urged to act stands for the members it lists."""
    if not collective(tok):
        return [tok]
    return [
        o for c in tok.children if c.lower_ == "including" for o in c.children if o.dep_ == "pobj"
    ] or [tok]


def _urged(verb: Token) -> list[Token]:
    """Who is urged to do it: "urge X and Y to", "call on (for) X and Y to end the violence
    and engage in a dialogue" (the first of conjoined infinitives hangs off the urging)."""
    while verb.dep_ == "conj":
        verb = verb.head
    urge = verb.head
    if verb.dep_ != "xcomp" or urge.lemma_.lower() not in URGE_LEMMAS:
        return []
    who = [c for c in urge.children if c.dep_ == "dobj"]
    preps = [c for c in urge.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "upon")]
    return who + [o for p in preps for o in p.children if o.dep_ == "pobj"]


def _engages(tok: Token) -> bool:
    """ "engage in a dialogue", "engage in talks": a joint act of the sides."""
    return tok.lemma_.lower() == "engage" and any(
        o.lower_ in WITH_NOUNS
        for c in tok.children
        if c.lower_ == "in"
        for o in c.children
        if o.dep_ == "pobj"
    )


def _of_process(verb: Token, who: list[Token]) -> bool:
    """What the sides agree, sign or negotiate is a process ("agreed to a ceasefire", "signed
    the peace agreement", "agreed to conclude trade agreements"), not any joint venture: four
    states that "agreed in principle to establish a new quadrilateral diplomatic platform
    focused on enhancing regional connectivity" (dev batch 7) are not sides of a conflict."""
    subjects = {t.i for w in who for t in w.subtree}
    words = {t.lower_ for t in verb.subtree if t.i not in subjects}
    return bool(words & (PROCESS_NOUNS | PROCESS_WORDS | WITH_NOUNS)) or _engages(verb)


def _joint(doc: Document, s: Sentence) -> list[Participant]:
    """Two or more actors that agree, sign or negotiate together."""
    out: list[Participant] = []
    for tok in s.sent:
        joint = tok.lemma_.lower() in JOINT_LEMMAS or _engages(tok)
        if not joint or tok.pos_ not in ("VERB", "AUX"):
            continue
        verb = tok
        while verb.dep_ in ("xcomp", "conj") and verb.head.lemma_.lower() in JOINT_LEMMAS:
            verb = verb.head  # "agreed to conclude", "agreed and signed"
        who = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # what sides are urged to do together is their process; what states declare they
        # agreed may be any joint venture (_of_process)
        declared = bool(who)
        if not who:
            who = _urged(verb)
        who = [x for w in who for x in _including(w)]
        sides = [
            side_of(doc, s, t) or described(t) or _named_side(doc, s, t)
            for w in who
            for t in conjuncts(w)
        ]
        found = list(dict.fromkeys(x for x in sides if x is not None))
        if len(found) >= 2 and (not declared or _of_process(verb, who)):
            ev = token_evidence(doc, s.offset, [*(t for w in who for t in w.subtree), tok])
            out += [Participant(name, iso, "party", ev) for name, iso in found]
    return out


# What one side does "with" the other: "Sudan's commitment to normalizing relations with
# Israel", "Kosovo's dialogue with Serbia", "the Government agreed to negotiate with the M23".
WITH_VERBS = frozenset({"normalize", "normalise", "negotiate", "reconcile"})
WITH_NOUNS = frozenset(
    {"talks", "negotiations", "dialogue", "normalization", "normalisation", "peace", "truce",
     "ceasefire", "reconciliation", "rapprochement"}
)  # fmt: skip


def _agent(tok: Token) -> Token | None:
    """The subject of a verb or the owner of a noun (the shared helpers), looked for up the
    chain that governs ``tok`` ("Sudan's commitment to normalizing": Sudan), at most three
    heads up."""
    for _ in range(3):
        who = subject_of(tok) if tok.pos_ in ("VERB", "AUX") else owner_of(tok)
        if who is not None:
            return who
        if tok.head is tok or tok.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acl", "dobj"):
            return None
        tok = tok.head
    return None


def _with(doc: Document, s: Sentence) -> list[Participant]:
    """A side and the other side it normalises, negotiates or holds talks with."""
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lower_ != "with" or tok.dep_ != "prep":
            continue
        head = tok.head
        # "to normalize relations with Israel" (relations the object), "normalizing relations
        # with Israel" (normalizing its modifier)
        norm = [c for c in head.children if c.dep_ == "amod" and c.lemma_.lower() in WITH_VERBS]
        if head.lower_ == "relations" and not norm and head.head.lemma_.lower() in WITH_VERBS:
            head = head.head
        verb = bool(norm) or (head.pos_ == "VERB" and head.lemma_.lower() in WITH_VERBS)
        if not verb and head.lower_ not in WITH_NOUNS:
            continue
        agent = _agent(head)
        objs = [c for c in tok.children if c.dep_ == "pobj"]
        if agent is None or not objs:
            continue
        a = side_of(doc, s, agent)
        others = [side_of(doc, s, t) for t in conjuncts(objs[0])]
        found = list(dict.fromkeys(x for x in [a, *others] if x is not None))
        if a is not None and len(found) >= 2:
            ev = token_evidence(doc, s.offset, [*agent.subtree, head, tok, *tok.subtree])
            out += [Participant(name, iso, "party", ev) for name, iso in found]
    return out


# Non-state actors that are sides, not third parties, whenever a text about talks names them.
ARMED = frozenset({"armed_group", "militia", "opposition"})


def _armed_sides(doc: Document) -> list[Participant]:
    """The Houthis, the Taliban, the M23: a non-state armed actor named in a text about a
    process is one of its sides (they are never its mediators)."""
    out: list[Participant] = []
    text = doc.body.text
    for a in doc.actors:
        if a.kind in ARMED and a.entity is not None:
            ent = next(e for e in doc.entities if e.id == a.entity)
            if only_fought(text, ent.mentions):
                continue
            m = ent.mentions[0]
            ev = token_evidence_of(doc.body.text, m.start, m.end)
            out.append(Participant(a.name, None, "party", ev))
    return out


# Words of a text about a process: talks, and what they are about (a boundary's delimitation,
# de-escalation, normalisation) as readouts name it without the word "talks".
PROCESS_WORDS = frozenset(
    {
        "talks", "negotiations", "negotiation", "ceasefire", "truce", "peace", "dialogue",
        "process", "de-escalation", "de-escalate", "resolution", "normalization", "normalisation",
        "delimitation", "boundary", "mediation", "reconciliation", "settlement", "hostilities",
        "negotiated", "two-state", "deescalate", "deescalation",
    }
)  # fmt: skip


def about_talks(doc: Document) -> bool:
    """The text is about a process (the gate of the readout rounds, stage.py)."""
    return _talks(doc)


# "aggression": "Russia may be considering launching further military aggression against
# Ukraine" (an unannotated readout) names the war as "war" does.
WAR_WORDS = frozenset({"war", "conflict", "invasion", "fighting", "violence", "aggression"})


def _talks(doc: Document, more: frozenset[str] = frozenset(), only: bool = False) -> bool:
    """The text is about a process: the negotiation stage's issue or round cues would say so,
    but they run later; its nouns are enough here (``only``: the ``more`` words alone)."""
    words = {w.strip(".,;:").lower() for w in doc.body.text.split()}
    return bool(words & (more if only else PROCESS_WORDS | more))


def _lone_government(
    doc: Document, sents: list[Sentence], found: list[Participant]
) -> list[Participant]:
    """A text about a process that names one side only, as a government ("the declaration by
    the Government of Ethiopia of a humanitarian truce", "meet with the Afghanistan
    government ... to hear their views on the peace process"): that government is a party.
    Not the issuer's own government (the U.S. in a State release), not a third party the text
    already names, and, of several, only those the title names (the country the release is
    about) unless there is just one."""
    issuer = issuer_of(doc.meta.publisher)
    own = issuer.get("country") if issuer else None
    third = {p.country or p.name for p in found}
    cands = [
        p
        for p in governments_named(doc, [(x.start, x.end) for x in sents])
        if p.country != own and (p.country or p.name) not in third
    ]
    if not cands:
        cands = _counterpart(doc, own, third)
    if len(cands) <= 1:
        return cands
    title = doc.meta.title or ""
    words = re.findall(r"[\w.’'-]+", title)
    index = countries.for_negotiation()
    # one- to three-word country names and demonyms ("Sudan", "Ethiopian", "Republic of Cyprus")
    in_title = {
        index.of_word(" ".join(words[i : i + n])) for n in (1, 2, 3) for i in range(len(words))
    }
    return [p for p in cands if p.country in in_title or (p.country is None and p.name in title)]


# What a peace process negotiates or has agreed, as against "peace" or "dialogue" in general
# (a readout on protests welcoming "the national dialogue" names no side of talks).
INSTRUMENTS = frozenset(
    {"talks", "negotiations", "ceasefire", "truce", "agreement", "accord", "settlement",
     "mediation", "hostilities"}
)  # fmt: skip


# "Secretary Blinken's Call with Libyan Interim Foreign Minister Mangoush": the readout's
# counterpart, named by demonym (or state) before a title.
COUNTERPART = re.compile(
    r"\b(?:Call|Meeting|Meets|Conversation) [Ww]ith (?:the )?(?:Republic of )?([\w’'-]+)"
)


def _counterpart(doc: Document, own: str | None, third: set[str]) -> list[Participant]:
    """A one-sided readout of a call or meeting with an official of a state at war at home
    (dyads.at_war_at_home: Libya, Yemen, Somalia, not Qatar or Oman), in a text about a
    process: that state is the side the U.S. official speaks to, though the text names it
    only by the official's title (batch-4 dev texts of processes_sample; a mediator state
    such as Kenya or Egypt at war at home is caught by ``third`` or by the parties the text
    names, since this runs only when no party is found)."""
    m = COUNTERPART.search(doc.meta.title or "")
    if m is None:
        return []
    word = m.group(1)
    iso = countries.for_negotiation().of_word(word) or demonyms().get(word.lower())
    if iso is None or iso == own or iso in third:
        return []
    at_war = iso in at_war_at_home() and _talks(doc, INSTRUMENTS, only=True)
    if not at_war and not own_process(doc.body.text, iso):
        return []
    at = re.search(rf"\b{re.escape(word)}\b", doc.body.text)
    if at is None:
        return []
    return [Participant(iso, iso, "party", token_evidence_of(doc.body.text, at.start(), at.end()))]


def sides(doc: Document, sents: list[Sentence]) -> list[Participant]:
    """Parties and mediators named anywhere in the document, first mention first."""
    found: list[Participant] = []
    between = False
    for s in sents:
        named = _between(doc, s)
        between = between or bool(named)
        # "Turkey and France, acting as guarantor countries, signed": the role, not a side
        held = as_roles(doc, s)
        roles = {p.name for p in held}
        found += [p for p in named + _joint(doc, s) + _with(doc, s) if p.name not in roles]
        found += third_parties(doc, s) + held + observer_nouns(doc, s)
    found += envoys(doc)
    # "between X and Y" names the process, also when it names one side by description ("the
    # regime"); the conflict dyads only stand in for it (a DRC-Rwanda readout also names "the
    # Russian invasion of Ukraine"). Two opponents named with their war are the sides of its
    # process too ("the impact of Russia's war").
    few = len([p for p in found if p.role == "party"]) < 2 and not between
    if few and (found or _talks(doc, WAR_WORDS)):
        found += dyad_sides(doc, [(x.start, x.end) for x in sents], long_lists(sents))
    # An armed group is a side of talks, not of "peace" in general: "a call for total peace"
    # that names FARC dissidents as attackers names no process they are a party to.
    if found or _talks(doc, INSTRUMENTS, only=True):
        found += _armed_sides(doc)
    if _talks(doc):
        found += [p for s in sents for p in third_parties(doc, s, praise=True)]
        found += monitors(doc)
    # a regime fills a text that names one side at most (a Lukashenka regime that enables
    # Russia's war is not a side of the Armenia-Azerbaijan talks a readout names)
    if (_talks(doc) or found) and len({p.name for p in found if p.role == "party"}) < 2:
        found += regimes(doc, sents, found)
    # a process "led" by a people ("Cypriot-led efforts to reunify") is one without its nouns
    if not any(p.role == "party" for p in found) and (_talks(doc) or LED.search(doc.body.text)):
        found += _lone_government(doc, sents, found)
    states = {p.country for p in found if p.role == "party" and p.country}
    found += [p for s in sents for p in trilateral(doc, s, states)] if len(states) >= 2 else []
    seen: set[tuple[str, str]] = set()
    out = []
    for p in found:
        if (p.name, p.role) not in seen:
            seen.add((p.name, p.role))
            out.append(p)
    # A party is never also its own mediator in one text.
    parties = {p.name for p in out if p.role == "party"}
    out = [_full_name(doc, p) for p in out]
    return [p for p in out if p.role == "party" or (p.name not in parties and not _own(doc, p))]


def _surname(name: str) -> str:
    return name.split()[-1].split("-")[-1].lower() if name.strip() else ""


def _full_name(doc: Document, p: Participant) -> Participant:
    """ "Grundberg" beside "Hans Grundberg", "Alimi" beside "Rashad Al-Alimi": a bare surname
    is the person the text names in full (one document, one person per surname)."""
    if p.role == "party" or p.country is not None or " " in p.name.strip():
        return p
    full = [
        a.name
        for a in doc.actors
        if a.kind == "person" and " " in a.name and _surname(a.name) == _surname(p.name)
    ]
    return replace(p, name=full[0]) if len(set(full)) == 1 else p


def _own(doc: Document, p: Participant) -> bool:
    """A governing body of a state (the actor base's "government": Libya's Government of
    National Unity, Yemen's Presidential Leadership Council, Sudan's Sovereign Council) is a
    side of its own conflict, never its third party; so is a person whose office is in one
    ("Presidential Leadership Council President")."""
    actor = next((a for a in doc.actors if a.name == p.name), None)
    if actor is None:
        return False
    if actor.kind == "government":
        return True
    bodies = [a.name.split(" (")[0] for a in doc.actors if a.kind == "government"]
    return actor.kind == "person" and any(b in (actor.office or "") for b in bodies)
