"""How a token names a third party or a side: an actor of the document, a state by name or
demonym, a community ("Turkish Cypriots"), a person; and the lists the parser splits.

Split from third_parties.py so the cue modules (third_parties, convening, groups) share them
without an import cycle.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from peacewatch.extract.actors.base import actor_base
from peacewatch.extract.negotiation.groups import group_at, in_group_name, member_listed
from peacewatch.lexicons import demonyms
from peacewatch.parse import countries
from peacewatch.parse.syntax import Sentence, token_evidence
from peacewatch.records import ActorRecord, Document, NegotiationRole, Participant


def actor_at(doc: Document, start: int, end: int) -> ActorRecord | None:
    """The document actor an entity mention in [start, end) belongs to."""
    for e in doc.entities:
        if any(start <= m.start < end for m in e.mentions):
            return next((a for a in doc.actors if a.entity == e.id), None)
    return None


# "the Yemeni parties", "Libyan stakeholders", "all Yemeni groups": a country's own factions
# named together by its demonym are no side of their own, and not the state (our annotation,
# processes_sample.md: such collectives are not resolved to parties).
COLLECTIVES = frozenset({"party", "faction", "group", "stakeholder", "actor"})


def collective(tok: Token) -> bool:
    """``tok`` is a plural collective of factions ("parties"), or a lone demonym modifying one
    ("Yemeni" in "the Yemeni parties"; not "Armenian and Azerbaijani sides")."""
    if tok.dep_ == "amod" and not tok.conjuncts:
        tok = tok.head
    return tok.tag_ == "NNS" and tok.lemma_.lower() in COLLECTIVES


def side_of(doc: Document, s: Sentence, tok: Token) -> tuple[str, str | None] | None:
    """(name, ISO country) for the actor a token heads: "Armenia", "the Government of
    Ethiopia", "Armenian" (a demonym), "the TPLF"."""
    if collective(tok):
        return None
    # "the Troika", "Friends of Sudan" (not Sudan): a contact group by its name; its members
    # listed beside it ("the Troika (Norway, ...)") are the group's, not sides (groups.py)
    if (group := group_at(doc, tok)) is not None:
        return group.name, None
    if tok.ent_type_ in ("GPE", "ORG", "NORP") and (
        member_listed(doc, tok) is not None or in_group_name(doc, tok)
    ):
        return None
    first = tok.left_edge.i
    hyphened = tok.i + 1 < len(tok.doc) and tok.nbor(1).text == "-"
    while hyphened and first > 0 and tok.doc[first].ent_iob_ == "I":  # "African Union-led"
        first -= 1
    span: Span = s.sent.doc[first : tok.i + 1]
    start, end = span.start_char + s.offset, span.end_char + s.offset
    if (community := _community(span)) is not None:
        return community, None
    actor = actor_at(doc, start, end)
    if actor is not None and actor.kind in ("state", "group"):
        return (actor.country, actor.country) if actor.country else None
    if actor is not None and actor.kind not in ("person", "media", "organisation"):
        return actor.name, None
    index = countries.for_negotiation()
    iso = index.of_word(tok.text) or demonyms().get(tok.lower_) or index.in_text(span.text)
    if iso:
        return iso, iso
    known = actor_base().find(span.text)
    if known is not None and known.kind not in ("person", "state"):
        return known.name, None
    return None


# "Turkish Cypriots", "the Greek Cypriot leader", "Bosnian Serbs": one state's demonym on
# another's names a community, not either state (a Varosha release, unannotated Cyprus texts).
COMMUNITY_HEADS = frozenset(
    {"leader", "leaders", "community", "side", "negotiator", "authorities", "leadership",
     "representatives", "administration", "control", "parties"}
)  # fmt: skip


def _community(span: Span) -> str | None:
    index = countries.for_negotiation()
    for a, b in pairwise(span):
        x = index.of_word(a.text) or demonyms().get(a.lower_)
        y = demonyms().get(b.lower_)
        after = b.nbor(1) if b.i + 1 < len(b.doc) else None
        head = b.tag_ == "NNPS" or (after is not None and after.lower_ in COMMUNITY_HEADS)
        if x and y and x != y and a.text[:1].isupper() and b.text[:1].isupper() and head:
            return f"{a.text} {b.text.removesuffix('s')}s"
    return None


def conjuncts(tok: Token) -> list[Token]:
    """The token and its later conjuncts; "leaders of X" and "X's forces" stand for X."""
    out = []
    # "between Armenian and Azerbaijani forces": the sides are the modifiers
    mods = [c for c in tok.children if c.dep_ == "amod"]
    if mods and mods[0].conjuncts:
        return [mods[0], *[c for c in mods[0].conjuncts if c.i > mods[0].i]]
    for t in [tok, *[c for c in tok.conjuncts if c.i > tok.i]]:
        of = [o for c in t.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        # "the Hashemite Kingdom of Jordan", "leaders of X": the "of" object names the actor
        if (
            t.ent_type_ in ("", "GPE")
            and of
            and countries.for_negotiation().of_word(t.text) is None
        ):
            t = of[0]
        out.append(t)
    return out


SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def listed(tok: Token) -> list[Token]:
    """The names of a list starting at ``tok``: its conjuncts, appositions ("UNITAMS, the AU,
    and IGAD" is parsed as an apposition and a stray conjunct) and, when the parser broke the
    list, the names that follow it separated only by commas, "and", "or" and articles."""
    out = conjuncts(tok)
    out += [c for c in tok.children if c.dep_ == "appos" and c.ent_type_]
    doc = tok.doc
    i = tok.i + 1
    while i < len(doc) and doc[i].ent_type_ and doc[i].ent_iob_ == "I":
        i += 1  # the rest of a multi-word name
    while i < len(doc) and doc[i].sent == tok.sent:
        t = doc[i]
        if t.lower_ in (",", "and", "or", "the"):
            i += 1
            continue
        if not t.ent_type_:
            break
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        last = doc[end - 1]  # the last word of a name heads it in the parse
        # "Through the good offices of X, the Greek Cypriot and Turkish Cypriot leaders
        # agreed": the subject of the clause after an opening phrase is no list member
        head = last
        while head.dep_ in ("amod", "compound", "conj") and head.head.i != head.i:
            head = head.head
        if head.dep_ in SUBJECTS:
            break
        out.append(last)
        i = end
    return list(dict.fromkeys(out))


def state_or_body(doc: Document, s: Sentence, tok: Token) -> tuple[str, str | None] | None:
    """side_of for a third party's name, but never the state of a person's nationality:
    "facilitated by former Kenyan President Kenyatta and former Nigerian President Obasanjo"
    names the AU's facilitators, not Kenya and Nigeria (DECISIONS.md, 2026-12-04 H2
    mediators); the state mediates when the text says so ("Kenya's mediation")."""
    if tok.ent_type_ == "PERSON":
        side = side_of(doc, s, tok)
        return side if side is not None and side[1] is None else None
    return side_of(doc, s, tok)


def person_of(doc: Document, s: Sentence, tok: Token) -> tuple[str, None] | None:
    """A person who brokers ("commends Secretary-General Guterres ... for their efforts to
    mediate"): a third party by name (side_of keeps people out of the sides)."""
    if tok.ent_type_ != "PERSON":
        return None
    at = tok.idx + s.offset
    for e in doc.entities:
        if e.type == "PERSON" and any(m.start <= at < m.end for m in e.mentions):
            actor = next((a for a in doc.actors if a.entity == e.id), None)
            return (actor.name if actor is not None else e.name), None
    return None


def participants(
    doc: Document, s: Sentence, agents: list[Token], cue: Token, role: NegotiationRole
) -> list[Participant]:
    """Each body and person the agents name, in the role the cue gives them ("UN
    Secretary-General Guterres": the body of the title and the person), with the evidence of
    the agent's phrase and the cue."""
    out: list[Participant] = []
    for a in agents:
        for t in listed(a):
            for side in (state_or_body(doc, s, t), person_of(doc, s, t)):
                if side is not None:
                    ev = token_evidence(doc, s.offset, [*t.subtree, cue])
                    out.append(Participant(side[0], side[1], role, ev))
    return out
