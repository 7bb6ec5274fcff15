"""Third parties that bring the sides together without a brokering verb (issue 14, news style).

- "Turkey convened a meeting of the Russian and Ukrainian foreign ministers", "Egypt hosted
  talks between Israel and Hamas": the subject of an active "convene" or "host" whose object
  is a meeting of the sides (a mediator; a host when it hosts);
- "the United Nations conducted shuttle diplomacy between Israel and Lebanon", "Kuwait's
  shuttle diplomacy": who shuttles between the sides mediates;
- "through the good offices of the Secretary-General": the owner of the good offices;
- "a constructive proposal presented by the Quint" (dev, Kosovo): a contact group or an
  international body that puts a proposal to the sides mediates;
- "U.S. Special Envoy for the Horn of Africa Jeffrey Feltman will travel to Djibouti,
  Ethiopia, and the United Arab Emirates": the states a mediating envoy visits host his
  talks (our annotation, processes_sample.md: the visited states of an envoy's trip are
  hosts; a visited state that is a side is dropped as a mediator, sides.py).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from peacewatch.extract.actors.base import actor_base, issuer_of
from peacewatch.extract.negotiation.dyads import dyads
from peacewatch.extract.negotiation.groups import group_at
from peacewatch.extract.negotiation.observers import role_nouns
from peacewatch.extract.negotiation.third_names import (
    listed,
    participants,
    person_of,
    state_or_body,
)
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, sentence_ents, sentences, token_evidence
from peacewatch.records import Document, Evidence, Participant
from peacewatch.vocab import NegotiationRole

# What a convener or host brings the sides to (the object of "convened", "hosted").
MEETING_NOUNS = frozenset(
    {"talks", "meeting", "meetings", "negotiations", "dialogue", "summit", "conference",
     "round", "consultations", "discussions", "session", "forum"}
)  # fmt: skip
CONVENE_ROLES: dict[str, NegotiationRole] = {"convene": "mediator", "host": "host"}


def subjects(verb: Token) -> list[Token]:
    """The active subject of a verb, through "and" ("Egypt and Qatar hosted")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return []
    while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head
    return [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]


def _convener(tok: Token) -> tuple[NegotiationRole, list[Token]] | None:
    """ "X convened (hosted) a meeting (talks) of/between the sides"."""
    role = CONVENE_ROLES.get(tok.lemma_.lower())
    if role is None or tok.pos_ != "VERB" or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    objs = [c for c in tok.children if c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS]
    # the meeting's participants must be named: "of", "between", "with" ("hosted talks
    # between Israel and Hamas"), not "hosted a conference on climate"
    sides = [c for o in objs for c in o.children if c.lower_ in ("of", "between", "with", "among")]
    return (role, subjects(tok)) if sides else None


def _shuttler(tok: Token) -> list[Token]:
    """ "X conducted shuttle diplomacy", "X's shuttle diplomacy", "shuttle diplomacy by X"."""
    if tok.lower_ != "diplomacy" or not any(c.lower_ == "shuttle" for c in tok.children):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss"]
    owners += [o for c in tok.children if c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
    if not owners and tok.dep_ in ("dobj", "pobj"):
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "engaged in shuttle ..."
        owners = subjects(verb) if verb.pos_ == "VERB" else []
    return owners


def _good_offices(tok: Token) -> list[Token]:
    """ "the good offices of the Secretary-General", "Kuwait's good offices"."""
    if tok.lower_ != "offices" or not any(c.lower_ == "good" for c in tok.children):
        return []
    owners = [c for c in tok.children if c.dep_ == "poss"]
    return owners + [
        o for c in tok.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
    ]


PROPOSALS = frozenset({"proposal", "plan", "initiative", "roadmap"})
# "the ASEAN Five-Point Consensus", "the Association of Southeast Asian Nations' (ASEAN)
# Five-Point Consensus" (dev, batch 7): a body's named plan for the process.
PLAN_NAMES = frozenset({"Consensus", "Roadmap", "Initiative", "Plan"})


def _proposer(doc: Document, tok: Token) -> list[Token]:
    """ "a proposal presented by the Quint", "the UN truce proposal", "the ASEAN Five-Point
    Consensus": a group or an international body that puts a plan to the sides."""
    if tok.lemma_.lower() in PROPOSALS and tok.pos_ == "NOUN" and _for_peace(tok):
        owners = [c for c in tok.children if c.dep_ in ("poss", "compound")]
        owners += [g for c in owners for g in c.children if g.dep_ == "compound"]
        return [o for o in owners if group_at(doc, o) is not None or _igo(o)]
    if tok.text in PLAN_NAMES:
        # the nearest organisation before it ("Five-Point" may be a number entity)
        before = [
            t for t in tok.doc[max(tok.sent.start, tok.i - 8) : tok.i] if t.ent_type_ == "ORG"
        ]
        return [t for t in before[-1:] if _igo(t)]
    if tok.lemma_.lower() not in ("present", "put", "table", "submit") or tok.tag_ != "VBN":
        return []
    noun = tok.head
    if tok.dep_ != "acl" or noun.lemma_.lower() not in ("proposal", "plan", "initiative"):
        return []
    agents = [o for c in tok.children if c.dep_ == "agent" for o in c.children]
    return [a for a in agents if group_at(doc, a) is not None or _igo(a)]


# Gratitude nouns: "great thanks to Germany for bringing everyone together" (dev, batch 1).
THANKS = frozenset({"thanks", "gratitude", "appreciation", "credit"})
BRINGING = frozenset({"convene", "host", "facilitate", "mediate", "broker", "bring"})


def _thanked_for(tok: Token) -> list[Token]:
    """ "thanks to X for convening (bringing everyone together, facilitating) ...": X."""
    if tok.lemma_.lower() not in BRINGING or tok.tag_ != "VBG" or tok.head.lower_ != "for":
        return []
    if tok.lemma_.lower() == "bring" and not any(c.lower_ == "together" for c in tok.children):
        return []
    noun = tok.head.head
    if noun.lower_ not in THANKS:
        return []
    return [o for c in noun.children if c.lower_ == "to" for o in c.children if o.dep_ == "pobj"]


def _through(doc: Document, tok: Token) -> list[Token]:
    """ "our support for UN mediation efforts through the Special Adviser and UNSMIL" (dev,
    batch 5): a mediation carried out through an international body."""
    if tok.lower_ != "through" or tok.dep_ != "prep":
        return []
    above = {t.i for t in tok.head.subtree}
    if not any(t.lower_ in ("mediation", "facilitation") and t.i in above for t in tok.sent):
        return []
    objs = [o for o in tok.children if o.dep_ == "pobj"]
    return [t for o in objs for t in listed(o) if _igo(t) or group_at(doc, t) is not None]


def _host_noun(tok: Token) -> list[Token]:
    """ "our hosts here in Germany", "the host, Qatar": the state the host noun names."""
    if tok.lemma_.lower() != "host" or tok.pos_ != "NOUN":
        return []
    ins = [o for c in tok.children if c.lower_ == "in" for o in c.children if o.ent_type_ == "GPE"]
    for adv in (c for c in tok.children if c.dep_ == "advmod"):  # "hosts here in Germany"
        ins += [o for c in adv.children if c.lower_ == "in" for o in c.children]
    ins += [c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "GPE"]
    return [o for o in ins if o.ent_type_ == "GPE"]


# "our firm support for the UN Special Envoy for Syria's efforts" (dev, batch 7): an envoy
# named by title alone, praised for the work, is a mediator under that title.
TITLED = re.compile(
    r"\b((?:UN|U\.N\.|AU|EU|OSCE|IGAD|ECOWAS|SADC|OAS|ASEAN) (?:Secretary-General['’]s )?"
    r"(?:Special |Personal )?(?:Envoy|Representative|Adviser)(?: (?:for|on) (?:the )?[A-Z][\w-]*"
    r"(?: (?:of )?[A-Z][\w-]*)*)?)(?:['’]s)? (?:efforts|role|work|mediation|good offices)\b"
)


# What a body's plan must be for: "the UN truce proposal", "the AU peace roadmap"; not "an
# emergency UN plan to avert ... a spill" (the Safer tanker, an unannotated Yemen release).
PEACE_WORDS = frozenset(
    {"peace", "truce", "ceasefire", "settlement", "political", "transition", "roadmap",
     "negotiation", "reconciliation", "de-escalation"}
)  # fmt: skip


def _for_peace(noun: Token) -> bool:
    """A proposal of any kind, or a plan, initiative or roadmap named as one for peace."""
    if noun.lemma_.lower() == "proposal":
        return True
    return any(c.lower_ in PEACE_WORDS for c in noun.children if c.dep_ in ("amod", "compound"))


def _titled_envoy(s: Sentence, tok: Token) -> list[Participant]:
    """An envoy by title alone, at the title's first word: "the UN Special Envoy for Syria"."""
    if tok.i != s.sent.start:
        return []
    out: list[Participant] = []
    text = s.sent.text
    for m in TITLED.finditer(text):
        start = s.sent.start_char + m.start(1)
        nxt = text[m.end(1) : m.end(1) + 3]
        if nxt[:1] == " " and nxt[1:2].isupper():
            continue  # a name follows the title: envoys() names the person
        ev = Evidence(m.group(1), start + s.offset, start + s.offset + len(m.group(1)))
        out.append(Participant(m.group(1).replace("U.N.", "UN"), None, "mediator", ev))
    return out


def _igo(tok: Token) -> bool:
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    known = actor_base().find(ent.text) if ent is not None else None
    return known is not None and known.kind == "igo"


def convening(doc: Document, s: Sentence) -> list[Participant]:
    """Third parties of the sentence named by the cues above."""
    out: list[Participant] = []
    for tok in s.sent:
        role: NegotiationRole = "mediator"
        found = _convener(tok)
        if found is not None:
            role, agents = found
        else:
            out += _titled_envoy(s, tok)
            agents = (
                _shuttler(tok)
                or _good_offices(tok)
                or _proposer(doc, tok)
                or _thanked_for(tok)
                or _through(doc, tok)
            )
            role = "host" if _host_noun(tok) else role
            agents = agents or _host_noun(tok)
        out += participants(doc, s, agents, tok, role)
    return out + venue_hosts(doc, s) + role_nouns(doc, s) + _relative_brokers(doc, s)


TRAVEL_LEMMAS = frozenset({"travel", "visit", "depart", "arrive"})
# What a trip is for, said in its sentence or the two after it: "to advance peace", "the
# truce", "a resolution of the dispute". A trip "for discussions related to developments in
# the Horn of Africa" or to support a democratic transition hosts no talks (dev, batch 5).
# "reducing tensions" is de-escalation (the PA-X ceasefire category of processes_sample.md).
TRIP_PURPOSES = frozenset(
    {"peace", "ceasefire", "truce", "talks", "negotiations", "negotiated", "resolution",
     "dispute", "settlement", "mediation", "de-escalation", "hostilities", "reconciliation",
     "tensions"}
)  # fmt: skip
# "Special Envoy for Yemen", "Special Representative for Afghanistan Reconciliation": the
# country the envoy's portfolio names is a side of the process, never its host.
PORTFOLIO = re.compile(
    r"\b(?:Envoy|Representative|Coordinator) for (?:the )?((?:[A-Z][\w'’-]* ?)+)"
)

# "a negotiated resolution to the conflict in Ethiopia" (dev, batch 6: Satterfield arrives in
# Ethiopia to meet its government): the country at war is a side the envoy visits, no host.
WAR_IN = re.compile(
    r"\b(?:conflict|war|crisis|fighting|violence|hostilities) in (?:the )?((?:[A-Z][\w'’-]* ?)+)"
)


def trip_hosts(doc: Document, envoys: list[Participant]) -> list[Participant]:
    """The states an envoy named as a mediator travels to for the process: "Special Envoy
    Lenderking will travel to Riyadh, Saudi Arabia and Amman, Jordan" (Saudi Arabia and Jordan
    host). Not the issuer's own state, nor the country of the envoy's portfolio."""
    surnames = {p.name.split()[-1] for p in envoys if p.country is None and " " in p.name}
    if not surnames:
        return []
    own = _not_hosts(doc)
    sents = list(sentences(doc))
    out: list[Participant] = []
    for i, s in enumerate(sents):
        words = {t.lower_ for x in sents[i : i + 3] for t in x.sent}
        if not words & TRIP_PURPOSES:
            continue
        for verb in s.sent:
            if verb.lemma_.lower() not in TRAVEL_LEMMAS or verb.pos_ != "VERB":
                continue
            who = [t for c in subjects(verb) for t in c.subtree]
            if not any(t.text in surnames for t in who) and not _envoy_title(who):
                continue
            for iso, ent in stops(doc, s, verb):
                if iso not in own:
                    ev = token_evidence(doc, s.offset, [verb, *ent])
                    out.append(Participant(iso, iso, "host", ev))
    return out


def _envoy_title(who: list[Token]) -> bool:
    """ "The Special Envoy will travel", "the delegation departed": the trip of the envoy the
    text names (its mediators are known to include one)."""
    return any(t.lower_ in ("envoy", "representative", "delegation") for t in who)


def stops(doc: Document, s: Sentence, verb: Token) -> list[tuple[str, list[Token]]]:
    """The countries of the places a travel verb reaches: "to X", "visit X", "for travel to
    X", "arrive in X", and their conjuncts and appositions ("Riyadh, Saudi Arabia")."""
    index = countries.for_negotiation()
    inside = {t.i for t in verb.subtree}
    out: list[tuple[str, list[Token]]] = []
    for ent in sentence_ents(s.sent):
        if ent.label_ not in ("GPE", "LOC") or ent.root.i not in inside:
            continue
        root = ent.root
        while root.dep_ in ("conj", "appos", "compound") and root.head.i != root.i:
            root = root.head
        reached = _reached(root, verb)
        iso = index.of_word(ent.text.removeprefix("the ")) or _place_country(doc, s, ent)
        if reached and iso:
            out.append((iso, list(ent)))
    return out


def _reached(root: Token, verb: Token) -> bool:
    """The place hangs off the travel verb itself ("travel to X", "arrive in X", "visit X")
    or off its trip noun ("departed for travel to X"), not off another clause ("to discuss
    the war in Yemen")."""
    if root.dep_ == "dobj":
        return root.head.i == verb.i and verb.lemma_.lower() == "visit"
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("to", "in"):
        return False
    if prep.lower_ == "in" and verb.lemma_.lower() != "arrive":
        return False
    on = prep.head
    return on.i == verb.i or (on.lower_ in ("travel", "trip", "visit") and on.head.head.i == verb.i)


def _place_country(doc: Document, s: Sentence, ent: Span) -> str | None:
    start, end = ent.start_char + s.offset, ent.end_char + s.offset
    # "the West Bank": the place may leave out the article the entity has
    place = next((p for p in doc.places if p.start < end and start < p.end), None)
    return place.country if place is not None else None


# A meeting about the process: "peace talks", "the Conference on Libya", "discussions with
# Taliban representatives", "talks between A and B".
ABOUT_PREPS = frozenset({"on", "with", "between", "among"})
ABOUT_COMPOUNDS = frozenset({"peace", "ceasefire", "truce", "reconciliation", "proximity"})


def _about_process(noun: Token) -> bool:
    return any(
        (c.dep_ == "prep" and c.lower_ in ABOUT_PREPS and any(_about(o) for o in c.children))
        or (c.dep_ in ("compound", "amod") and c.lower_ in ABOUT_COMPOUNDS)
        for c in noun.children
    )


def _about(obj: Token) -> bool:
    """ "on Libya", "with Taliban representatives", "between A and B", "on the truce"; not
    "on climate finance"."""
    return bool(obj.ent_type_ in ("GPE", "NORP", "ORG") or obj.lemma_.lower() in TOPICS) or any(
        c.dep_ == "compound" and c.ent_type_ in ("GPE", "NORP", "ORG") for c in obj.children
    )


TOPICS = frozenset(
    {"truce", "ceasefire", "peace", "conflict", "war", "settlement", "side", "party",
     "representative", "delegation", "leader", "official", "government"}
)  # fmt: skip


def _meeting_of(prep: Token) -> Token | None:
    """The meeting an "in" phrase places: the noun it hangs off, a noun two heads up
    ("discussions with ... professionals in Doha"), or the meeting noun a verb takes
    ("participate in the Conference on Libya ... in Berlin")."""
    node = prep.head
    for _ in range(4):
        if (node.lower_ in MEETING_NOUNS and node.pos_ == "NOUN") or node.ent_type_ == "EVENT":
            return node
        if node.pos_ == "VERB":
            objs = [c for c in node.children if c.dep_ == "dobj"]
            objs += [o for c in node.children if c.dep_ == "prep" for o in c.children]
            return next((o for o in objs if o.lower_ in MEETING_NOUNS), None)
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def venue_hosts(doc: Document, s: Sentence) -> list[Participant]:
    """The state of a third-country venue of talks about the process: "peace talks in Doha",
    "the Second Berlin Conference on Libya on June 23 in Berlin" (dev, batch 1: Germany
    hosts). Not the issuer's own state; a venue in a side's country is dropped with the
    sides (sides.py)."""
    out: list[Participant] = []
    own: set[str | None] | None = None  # read from the whole text only for a venue found
    for ent in sentence_ents(s.sent):
        root = ent.root
        if ent.label_ != "GPE" or root.dep_ != "pobj" or root.head.lower_ != "in":
            continue
        meeting = _meeting_of(root.head)
        if meeting is None or not _about_process(meeting):
            continue
        iso = countries.for_negotiation().of_word(ent.text.removeprefix("the "))
        iso = iso or _place_country(doc, s, ent)
        own = _not_hosts(doc) if own is None and iso else own
        if iso and own is not None and iso not in own:
            ev = token_evidence(doc, s.offset, [meeting, *ent])
            out.append(Participant(iso, iso, "host", ev))
    return out


def _not_hosts(doc: Document) -> set[str | None]:
    """The issuer's state, the envoy's portfolio, the country at war and a side of the
    conflict are no hosts."""
    issuer = issuer_of(doc.meta.publisher)
    index = countries.for_negotiation()
    own = {issuer.get("country") if issuer else None}
    own |= {index.in_text(m.group(1)) for m in PORTFOLIO.finditer(doc.body.text)}
    own |= {index.in_text(m.group(1)) for m in WAR_IN.finditer(doc.body.text)}
    return own | _sides_named(doc)


def _sides_named(doc: Document) -> set[str | None]:
    """States that the conflict dyads (primary or curated: opponents, not allies fighting
    beside a side) pair with another actor the text names: "Blinken traveling to Israel and
    the West Bank" (an unannotated briefing) visits the two sides, neither hosts."""
    named = {f"state:{a.country}" if a.kind == "state" else a.id for a in doc.actors}
    out: set[str | None] = set()
    for pair, kind in dyads().items():
        if kind in ("primary", "curated") and pair <= named:
            out |= {x.removeprefix("state:") for x in pair if x.startswith("state:")}
    return out


def _relative_brokers(doc: Document, s: Sentence) -> list[Participant]:
    """ "Qatar, which has been mediating between Russia and Ukraine": the name a relative
    clause of a brokering verb hangs off."""
    out: list[Participant] = []
    for tok in s.sent:
        if tok.lemma_.lower() not in ("mediate", "broker", "facilitate") or tok.dep_ != "relcl":
            continue
        if not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in tok.children):
            continue
        for t in listed(tok.head):
            side = state_or_body(doc, s, t) or person_of(doc, s, t)
            if side is not None:
                ev = token_evidence(doc, s.offset, [t, tok])
                out.append(Participant(side[0], side[1], "mediator", ev))
    return out
