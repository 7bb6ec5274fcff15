"""Find PLOVER event triggers in one parsed sentence, and the modality of each.

A transparent layer over the dependency parse: a verb or event noun from the PLOVER lexicon is a
trigger; a complement of an AGREE/REQUEST/... verb is the content of that act, not a second event
("agreed to withdraw" is one AGREE); a noun trigger needs an actor or a verb that reports or
performs it, so that "at the talks" or "to stop fighting" are not coded as events.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from peacewatch.extract.events import modality as _modality
from peacewatch.extract.events.evaluative import disapproval
from peacewatch.extract.events.lexicon import Code, EventLexicon
from peacewatch.extract.events.modality import COMPLEMENT as _COMPLEMENT
from peacewatch.extract.events.objects import authors, shared_objects
from peacewatch.extract.events.slips import (
    agent_complement,
    appeal,
    infinitive_series,
    owned_appeal,
)

# The word sets in this module are closed-class grammar (prepositions, relative pronouns) and
# dependency labels: part of the rules that read the parse, so they stay in code. Open-class
# words (reporting and host verbs, nouns) are data: lexicons/event_words.json via ``lex.words``.

# Prepositions that put an event at a place ("met in X", "fighting around X"): a place reached
# through other prepositions ("yield to Russia", "recaptured from Russia") is a party, not a site.
LOCATIVE = frozenset(
    [
        "in",
        "at",
        "near",
        "around",
        "across",
        "outside",
        "inside",
        "throughout",
        "into",
        "on",
        "within",
    ]
)
# Prepositions whose object names the occasion of another act, not an event ("at the talks").
_OCCASION = frozenset(
    ["at", "during", "before", "after", "ahead", "since", "following", "amid", "of", "for", "to"]
)
# The occasion prepositions that say when, not what about.
_WHEN = frozenset(["at", "during", "before", "after", "ahead", "since", "following", "amid"])
# Prepositions that make an event noun the topic of another noun (official-2022 speeches).
# "analogies to the Russian invasion", "support for a ceasefire": the act is what another noun is
# about or for, a reference, not a report (dev releases of eval/data/core_events.json).
_TOPIC = frozenset(["of", "about", "on", "over", "regarding", "to", "for"])
_RELATIVE = frozenset(["who", "which", "that", "whom"])


@dataclass
class Cand:
    """One trigger while a sentence is coded; becomes an Event in events/stage.py."""

    tok: Token
    code: Code
    mode: str | None
    contexts: list[str] = field(default_factory=list)
    modality: str = "asserted"
    absorbed_by: Cand | None = None
    extra: list[Token] = field(default_factory=list)  # merged triggers (same act)

    @property
    def type(self) -> str:
        return self.code.type


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _phrasal(tok: Token, lex: EventLexicon) -> Code | None:
    lemma = lex.lemma(tok)
    for c in tok.children:
        key = f"{lemma} {c.lower_}"  # not "committed by any party to the conflict" (slips)
        if (
            c.dep_ in ("prt", "advmod", "prep")
            and key in lex.phrasal
            and not agent_complement(tok, c)
        ):
            return lex.phrasal[key]
    for m in clause_marks(tok):
        # "called for the sides to show restraint", "spoke with President X to reiterate":
        # spaCy makes the preposition the mark of the clause (dev releases of
        # eval/data/core_events.json).
        if f"{lemma} {m.lower_}" in lex.phrasal:
            return lex.phrasal[f"{lemma} {m.lower_}"]
    # verb + object or complement word, two levels down ("declared the region (to be) independent")
    near = [c for c in tok.children if c.dep_ not in ("nsubj", "nsubjpass", "agent")]
    # Not a preposition two levels down: in "call what the military did on the territory" the
    # "on" is the complement's, not "call on" (a dev release of eval/data/core_events.json).
    near += [
        g
        for c in near
        if c.dep_ in ("ccomp", "xcomp", "dobj", "oprd")
        for g in c.children
        if g.pos_ != "ADP"
    ]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        # "the agreements reached during the talks": the noun a participle describes is its
        # object (a dev release of eval/data/core_events.json).
        near.append(tok.head)
    for c in near:
        if c.dep_ == "prep" and agent_complement(tok, c):
            continue
        for key in (f"{lemma} {c.lemma_.lower()}", f"{lemma} {c.lower_}"):
            if key in lex.phrasal:
                return lex.phrasal[key]
    return None


def clause_marks(tok: Token, word: str | None = None) -> list[Token]:
    """The "for" of "called for X to do Y" (or another preposition), which the parser hangs
    on the clause."""
    return [
        m
        for c in tok.children
        if c.dep_ in ("advcl", "ccomp", "xcomp")
        for m in c.children
        if m.dep_ == "mark" and m.pos_ in ("SCONJ", "ADP") and word in (None, m.lower_)
    ]


def for_clause_marks(tok: Token) -> list[Token]:
    return clause_marks(tok, "for")


def _verb_code(tok: Token, lex: EventLexicon) -> Code | None:
    if tok.pos_ != "VERB" or tok.dep_ in ("amod", "csubj", "nsubj"):
        # "occupied territories": a participle describes a state; "Killing civilians is a
        # crime": a gerund subject names a kind of act, not one that happened (official-2022).
        return None
    lemma = lex.lemma(tok)
    if any(
        f"{lemma} {c.lower_}" in lex.not_events or f"{lemma} {c.lemma_.lower()}" in lex.not_events
        for c in tok.children
    ):
        return None
    code = _phrasal(tok, lex)
    if code is not None:
        return code
    code = lex.verbs.get(lex.lemma(tok)) or _person_object(tok, lex) or _named_parties(tok, lex)
    if code is None:
        return None
    if code.type == "CONSULT" and any(
        c.lemma_.lower() in lex.words.not_met for c in _children(tok, "dobj")
    ):
        return None
    return code


def _person_object(tok: Token, lex: EventLexicon) -> Code | None:
    """ "called Kenyan President Kenyatta": an act only with a named person or organisation as
    object and no word that names it something ("called him a hero")."""
    code = lex.words.person_object.get(lex.lemma(tok))
    if code is None or any(c.dep_ in ("oprd", "ccomp") for c in tok.children):
        return None
    named = any(
        c.dep_ == "dobj" and c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for c in tok.children
    )
    return code if named else None


_NAMED = ("PERSON", "ORG", "NORP", "GPE")


def _named_parties(tok: Token, lex: EventLexicon) -> Code | None:
    """ "Ireland fully supports Ukraine's accession": an act only between named actors, said
    outright (not "we support", "to support", "supporting")."""
    code = lex.words.named_party.get(lex.lemma(tok))
    if code is None or tok.tag_ not in ("VBZ", "VBP", "VBD"):
        return None
    subject = any(c.dep_ == "nsubj" and c.ent_type_ in _NAMED for c in tok.children)
    # The object, or the one it shares with a conjoined verb; named itself, by its owner, or by
    # the author of the act it names ("supports the undertakings made by the Government of X").
    obj = any(
        c.ent_type_ in _NAMED
        or any(p.dep_ == "poss" and p.ent_type_ in _NAMED for p in c.children)
        or any(t.ent_type_ in _NAMED for a in authors(c, tok) for t in a.subtree)
        for c in shared_objects(tok)
    )
    return code if subject and obj else None


def _has_actor(tok: Token, lex: EventLexicon) -> bool:
    for c in tok.children:
        # "Russian shelling", "Putin's offensive"; not "the Jeddah talks" (a place, checked on
        # the VOA stories in official-2022).
        if c.dep_ in ("amod", "compound", "poss", "nmod") and (
            c.ent_type_ == "NORP"
            or lex.country_of(c.text)
            or (c.dep_ == "poss" and c.ent_type_ in ("ORG", "PERSON", "GPE"))
        ):
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "from", "between"):
            return True  # "talks between Russian and Ukrainian ministers" name their parties
        if c.dep_ == "agent":
            return True
    return False


def _side_word(tok: Token, lex: EventLexicon) -> bool:
    return tok.dep_ in ("amod", "compound") and bool(
        lex.country_of(tok.text) or tok.ent_type_ == "NORP"
    )


def two_sides(tok: Token, lex: EventLexicon) -> list[Token]:
    """The country words that modify an event noun, through a hyphenated pair ("the
    Ukrainian-Russian talks": the parser hangs "Ukrainian" on "Russian"). Talks that name their
    two sides are a meeting of their own even as the occasion of another act ("the agreements
    reached during the Ukrainian-Russian talks"; issue 16, a dev release of
    eval/data/core_events.json)."""
    words = [c for c in tok.children if _side_word(c, lex)]
    words += [g for c in words for g in c.children if _side_word(g, lex)]
    return sorted(words, key=lambda t: t.i)


def _noun_code(tok: Token, lex: EventLexicon) -> Code | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    code = lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            code = lex.noun_phrasal.get(f"{c.lower_} {tok.lemma_.lower()}", code)
    if code is None:
        return None
    if code.mode == "phone" and appeal(tok):
        code = Code("REQUEST", None, None)  # "calls from X to reverse", "a call for calm"
    if thanked_for(tok, lex) is not None:
        return code  # "thanked X for its assistance": X gave it
    at = slot(tok, lex)
    head = at.head
    if declaring_noun(tok, lex) is not None:
        return code  # "the declaration by X of a truce": X declared it
    if (
        at.dep_ == "pobj"
        and head.lower_ in _OCCASION
        and (code.type == "CONSULT" or not (_has_actor(tok, lex) or _has_actor(at, lex)))
        and not (code.type == "CONSULT" and len(two_sides(tok, lex)) >= 2)
    ):
        # "at the talks", "amid fighting": the occasion of something else; "at the
        # Russian-Ukrainian talks" too (official-2022), while "amid Russian shelling" is an act.
        return None
    if at.dep_ == "dobj" and lex.lemma(head) in lex.words.topic_verbs:
        return None  # "The parties discussed the evacuation of civilians": talked about
    if at.dep_ == "nsubj" and head.lemma_.lower() == "be":
        return None  # "US sanctions are effective": a state of affairs, not an act
    if at.dep_ == "pobj" and head.lower_ in _TOPIC and head.head.pos_ in ("NOUN", "PROPN"):
        return None  # "the issue of the withdrawal of troops": a topic, not an act
    owned = code.type == "REQUEST" and owned_appeal(tok) is not None  # "our call for"
    if not (owned or host(tok, lex) is not None or _has_actor(tok, lex) or _has_actor(at, lex)):
        return None
    return code


def declaring_noun(tok: Token, lex: EventLexicon) -> Token | None:
    """ "the declaration today by X of an indefinite humanitarian truce": the noun of declaring
    whose "of" names the act, when the verb and the act make a phrasal trigger ("declare
    truce") and it has an author; the parser may hang "of" on the author ("by the Government
    of Ethiopia of a truce"), so the act may sit under either. Else None."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    for noun in tok.sent:
        verb = lex.words.declaring.get(noun.lemma_.lower())
        if noun.pos_ != "NOUN" or not verb or f"{verb} {tok.lemma_.lower()}" not in lex.phrasal:
            continue
        by = authors(noun, noun.head)
        if by and any(tok in h.subtree for h in (noun, *by)):
            return noun
    return None


def thanked_for(tok: Token, lex: EventLexicon) -> Token | None:
    """The verb of thanks an event noun is the reason of ("thank X for their assistance", "for
    providing assistance")."""
    head = tok.head
    if tok.dep_ not in ("pobj", "pcomp") or head.lower_ != "for":
        return None
    # The parser often hangs "for" on the verb above ("take this opportunity to thank X ...
    # for"): the verb of thanks is then the nearest one before it in that verb's phrase.
    thanks = [
        t
        for t in head.head.subtree
        if t.i < head.i and t.pos_ == "VERB" and lex.lemma(t) in lex.words.gratitude
    ]
    return thanks[-1] if thanks else None


def slot(tok: Token, lex: EventLexicon) -> Token:
    """The noun whose place an event noun takes in the sentence: the noun that only counts or
    packages it ("announced a new package of sanctions", "held a third round of talks"), else
    the event noun itself."""
    head = tok.head
    if (
        tok.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.pos_ == "NOUN"
        and lex.lemma(head.head) in lex.words.containers
    ):
        return head.head
    return tok


def host(tok: Token, lex: EventLexicon, packaged: bool = True) -> Token | None:
    """The light or reporting verb that performs an event noun ("held talks"); with
    ``packaged``, also through a container noun ("held a round of talks")."""
    at = slot(tok, lex) if packaged else tok
    if at.dep_ in ("dobj", "nsubjpass") and lex.lemma(at.head) in (
        lex.light_verbs | lex.words.noun_hosts | lex.words.participation
    ):
        return at.head
    if (
        packaged
        and at.dep_ == "pobj"
        and at.head.lower_ == "in"
        and lex.lemma(at.head.head) in lex.words.participation
    ):
        return at.head.head  # "will participate in a conference"
    return None


def _mode_and_contexts(tok: Token, code: Code, lex: EventLexicon) -> tuple[str | None, list[str]]:
    mode = code.mode
    contexts = [code.context] if code.context else []
    words = [tok, *tok.children] if tok.pos_ != "VERB" else [*tok.children]
    words += [
        g for c in tok.children if c.dep_ in ("dobj", "pobj", "prep", "agent") for g in c.subtree
    ]
    for w in words:
        hit = lex.noun_modifiers.get(w.lemma_.lower())
        if hit is None and "cyber" in w.lower_:
            hit = ("context", "cyber")
        if hit is None:
            continue
        kind, value = hit
        if kind == "mode" and mode is None and code.type in ("ASSAULT", "CONSULT"):
            mode = value
        elif kind == "context" and value not in contexts:
            contexts.append(value)
    if "cyber" in contexts and code.type == "ASSAULT":
        mode = "cyber"
    return mode, contexts


def find_triggers(sent: Span, lex: EventLexicon, keep_negated: bool = False) -> list[Cand]:
    """Trigger candidates of one sentence, with absorbed and duplicate ones resolved.

    ``keep_negated``: keep the acts the text says did not happen ("has not agreed"), with
    modality "negated", for the record; the PLOVER pair coder (events/pair.py) codes none."""
    cands: list[Cand] = []
    for tok in sent:
        code = _verb_code(tok, lex) or _noun_code(tok, lex) or disapproval(tok, lex)
        if code is None:
            continue
        mode, contexts = _mode_and_contexts(tok, code, lex)
        cand = Cand(tok, code, mode, contexts)
        verb = host(tok, lex) if tok.pos_ != "VERB" else None
        if verb is not None:
            # "held a meeting in Riyadh on Monday": the host verb carries place and date.
            cand.extra.append(verb)
        cands.append(cand)
    _absorb(cands, lex)
    for cand in cands:
        cand.modality = modality(cand.tok, lex)
        if (
            cand.modality == "negated"
            and cand.type in lex.yielding
            and _modality.refusal(cand.tok, lex)
        ):
            # "would not yield": CAMEO 124 'decline to yield' is a REJECT, and it was said.
            cand.code = Code("REJECT", None, cand.code.context)
            cand.mode = None
            cand.modality = "asserted"
    # A condition ("once negotiators agree", "if X withdraws") states no event of its own, and
    # PLOVER codes no event for an act that did not happen ("did not attack", "stop fighting").
    return [
        c
        for c in cands
        if c.absorbed_by is None
        and (c.modality != "negated" or (keep_negated and said_not_done(c.tok, lex)))
        and not _modality.in_condition(c.tok, lex)
        and not _modality.habitual(verb_of(c.tok, lex), lex)
    ]


def _absorb(cands: list[Cand], lex: EventLexicon) -> None:
    """Mark the triggers that are part of the act of a trigger above them."""
    by_tok = {c.tok.i: c for c in cands}
    for cand in cands:
        # Nearest trigger above this one in the tree.
        node, own_clause = cand.tok, False
        path: list[str] = []
        while node.head.i != node.i:
            path.append(node.dep_)
            if node.dep_ == "relcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in _RELATIVE
                for c in node.children
            ):
                own_clause = True  # "Crimea, which Moscow annexed": a clause with its own actor
            # "urge X to release A, grant B": "grant" continues the infinitive (events/slips.py)
            node = infinitive_series(node) or node.head
            above = by_tok.get(node.i)
            if above is None:
                continue
            if path == ["conj"] and above.absorbed_by is not None and above.type != cand.type:
                # "urged the regime to release all detainees, grant access": the next item of
                # a demanded series is demanded too (a dev release; events/slips.py).
                cand.absorbed_by = above.absorbed_by
                above.absorbed_by.extra.append(cand.tok)
                break
            if (
                own_clause
                or ("relcl" in path[:-1])
                or (path[-1] == "relcl" and above.type != cand.type)
            ):
                break
            if above.type == cand.type and (
                above.tok.pos_ == "VERB" or path in (["relcl"], ["acl"])
            ):
                # "met ... to negotiate", "destroyed by a missile attack", "a conference
                # hosted by X": one act.
                cand.absorbed_by = above
                above.extra.append(cand.tok)
                if above.mode is None:
                    above.mode = cand.mode
                above.contexts += [x for x in cand.contexts if x not in above.contexts]
            elif (
                above.type == "CONSULT"
                and path in (["advcl"], ["xcomp"], ["acl"])
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cand.tok.children)
            ):
                # "met in Algiers to express strong support", "negotiations to release the
                # hostages": what a meeting is for is its agenda, not a second act.
                cand.absorbed_by = above
                above.extra.append(cand.tok)
            elif (
                above.type in lex.absorbing
                and above.tok.pos_ == "VERB"
                and (set(path) & _COMPLEMENT or _object_link(path))
                and not _welcomed_act(above, cand, lex)
                and not (cand.type == "CONSULT" and _occasion(cand.tok))
            ):
                # The content of an agreement, demand or threat is not a second event; its
                # words still say where ("agreed to reduce activity around X").
                cand.absorbed_by = above
                above.extra.append(cand.tok)
            break


def _occasion(tok: Token) -> bool:
    """ "agreements reached during the talks": talks named as the time of an act are not its
    content (the "on" of "agreed on X" is)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _WHEN


def _welcomed_act(above: Cand, cand: Cand, lex: EventLexicon) -> bool:
    """ "welcomes the visit by Foreign Minister Lapid to Morocco": a support of an act another
    actor did is a second event, the act itself (a dev release of eval/data/core_events.json),
    while "welcomed the agreement" or "support a ceasefire" name no doer and stay one act."""
    return (
        above.type == "SUPPORT"
        and cand.tok.pos_ == "NOUN"
        and (_has_actor(cand.tok, lex) or declaring_noun(cand.tok, lex) is not None)
    )


def _object_link(path: list[str]) -> bool:
    """Whether a trigger is an object of the one above, itself or as a conjunct of one ("demand
    an end to this war and the withdrawal of troops": the withdrawal is demanded too)."""
    return next((d for d in path if d != "conj"), None) in ("dobj", "pobj")


def verb_of(tok: Token, lex: EventLexicon) -> Token:
    """The verb that says whether an act happened: the trigger verb, or the verb that hosts an
    event noun ("will hold talks")."""
    if tok.pos_ != "VERB" and (verb := host(tok, lex)) is not None:
        return verb
    return tok


def modality(tok: Token, lex: EventLexicon) -> str:
    """How the text presents the act at ``tok`` (events/modality.py)."""
    return _modality.modality(verb_of(tok, lex), lex)


def said_not_done(tok: Token, lex: EventLexicon) -> bool:
    """Whether a negated act is one the text says did not happen (events/modality.py)."""
    return _modality.said_not_done(verb_of(tok, lex), lex)
