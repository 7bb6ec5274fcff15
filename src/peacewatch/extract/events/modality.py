"""Modality of an event trigger: whether the text says the act happened, and how if not.

Read off the dependency parse of the trigger's verb (for an event noun, the verb that hosts
it: events/triggers.py passes ``verb_of``): negation, auxiliaries, the words that govern it
(willing, planned, demanded, denied), a condition, an aim, a habit. The shared syntax layer
(``parse.syntax``) says what is negated.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.parse import syntax

COMPLEMENT = frozenset(("xcomp", "ccomp", "advcl", "pcomp", "acl"))
_COMPLEMENT = COMPLEMENT

# The negative word the coder counts besides a `neg` label (parse/syntax.negated).
_NO = frozenset({"no"})
# "would/could have" + participle: the act is contrary to fact ("would have agreed"); "may/might
# have" stays "possible" (it may have happened).
_NOBODY = frozenset({"nobody", "none", "one", "body"})
_COUNTERFACTUAL = frozenset({"would", "could", "'d"})
_PERFECT = frozenset({"have", "'ve"})


def habitual(tok: Token, lex: EventLexicon) -> bool:
    """ "We have consulted regularly", "regularly discuss": a practice, not an event; and a
    relative clause in the simple present that describes its noun ("Ukraine, which
    successfully opposes one of the world's largest armies": a dev release of
    eval/data/core_events.json), where a past or perfect one reports an act ("Crimea, which
    Russia annexed")."""
    if tok.dep_ == "relcl" and tok.tag_ in ("VBZ", "VBP"):
        return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)
    return any(c.dep_ == "advmod" and c.lower_ in lex.modality["habitual"] for c in tok.children)


def said_not_done(tok: Token, lex: EventLexicon) -> bool:
    """Whether a negated act is one the text says did not happen ("has not agreed", "no troops
    were withdrawn", "failed to agree", "did not agree to meet"), as opposed to one that is to
    cease ("stop fighting", "end the invasion"), which names no act of its own."""
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "undertake not to deploy", "decided not to attack": the content of a promise or a
        # decision (a commitment, extract/negotiation), not a report that it did not happen.
        return False
    if syntax.negated(tok, _NO) or _negative_subject(list(tok.children), agents=False):
        return True
    node = tok
    for _ in range(4):
        # Only through complements: "did not agree to meet" negates the meeting, but "they will
        # not succeed, because they killed" does not negate the killing (official-2022).
        if node.head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "aux"):
            return False
        gov = node.head
        lemma = gov.lemma_.lower()
        if lemma in lex.modality["failed"] or (
            syntax.negated(gov, frozenset()) and lemma not in lex.words.reporting
        ):
            return True
        node = gov
    return False


def _correlative(node: Token) -> bool:
    """ "The sooner the sides can agree to a settlement, the sooner the region can reap the
    benefits": a comparative correlative's first clause is a condition (a dev release of
    eval/data/core_events.json)."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "advmod" and c.tag_ in ("RBR", "JJR") and c.i > 0 and c.nbor(-1).lower_ == "the"
        for c in node.children
    )


def in_condition(tok: Token, lex: EventLexicon) -> bool:
    node = tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in lex.modality["condition"] for c in node.children):
            return True
        if _correlative(node):
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def refusal(tok: Token, lex: EventLexicon) -> bool:
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & (lex.modality["conditional"] | lex.modality["future"]):
        return True
    # "Zelenskyy categorically does not accept any ultimatums": acceptance refused in the
    # present is a rejection (PLOVER REJECT), while "has not (yet) agreed" says only that it
    # did not happen (a dev release of eval/data/core_events.json).
    return bool(auxes & {"do", "does"}) and lex.lemma(tok) in ("accept", "agree")


def modality(tok: Token, lex: EventLexicon) -> str:
    """How the text presents the act: asserted, or possible, future, willing, negated, ...

    Three steps, first answer wins: the verb's own words (negation, auxiliaries, a condition
    marker), then the words that govern it, then whether it is only an aim ("to encircle").
    """
    return (
        _own_modality(tok, lex)
        or _governed_modality(tok, lex)
        or ("future" if _is_aim(tok, lex) else "asserted")
    )


def _own_modality(tok: Token, lex: EventLexicon) -> str | None:
    """The modality the verb's own dependents mark, or None when they mark none."""
    m = lex.modality
    kids = list(tok.children)
    if _negated(tok, kids, lex):
        return "negated"
    auxes = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass")}
    if auxes & _COUNTERFACTUAL and auxes & _PERFECT and tok.tag_ == "VBN":
        return "hypothetical"  # "would have agreed", "could have met": it did not happen
    if auxes & lex.words.demand_auxiliaries:
        return "demanded"  # "Russia must withdraw": a demand, not a withdrawal
    if auxes & m["possible"]:
        return "possible"
    if auxes & m["future"]:
        return "future"
    if auxes & m["conditional"]:
        return "conditional"
    if any(c.dep_ == "mark" and c.lower_ in m["condition"] for c in kids):
        return "conditional"
    if any(c.dep_ == "advmod" and c.lower_ in m["possible"] for c in kids):
        return "possible"
    return _noun_modality(tok, kids, lex) if tok.pos_ in ("NOUN", "PROPN") else None


def _noun_modality(tok: Token, kids: list[Token], lex: EventLexicon) -> str | None:
    """ "a possible meeting", "the upcoming Ministerial Meeting": an event noun its adjective
    says is not (yet) held."""
    m = lex.modality
    words = {c.lower_ for c in kids if c.dep_ in ("amod", "compound")}
    if words & (m["possible"] | m["noun_possible"]):
        return "possible"
    return "planned" if words & m["noun_planned"] else None


def _negated(tok: Token, kids: list[Token], lex: EventLexicon) -> bool:
    """Whether the verb itself, its subject or its ending verb says the act did not happen."""
    # "no shelling" counts; "never" is not among the coder's negative words (the ZSP and
    # reference figures were measured so): counting it is for the events issue to evaluate.
    if syntax.negated(tok, _NO):
        return True
    if _negative_subject(kids):
        return True  # "no one recognises", "no troops were withdrawn"
    # "end the invasion": what is to end is not a new act
    return (
        tok.pos_ != "VERB"
        and tok.dep_ == "dobj"
        and tok.head.lemma_.lower() in lex.modality["ending"]
    )


def _negative_subject(kids: list[Token], agents: bool = True) -> bool:
    """ "no troops were withdrawn", "no one recognises"; without ``agents``, a subject that
    only says nobody acted ("no one", "nobody") does not count: it leaves no act to record."""
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.lower_ in ("nobody", "none") or any(d.lower_ == "no" for d in c.children))
        and (agents or c.lower_ not in _NOBODY)
        for c in kids
    )


def _governed_modality(tok: Token, lex: EventLexicon) -> str | None:
    """The modality set by the words governing the verb: "willing to declare", "plans to
    visit", "denied attacking"; up to four complement links up, or None."""
    node = tok
    for _ in range(4):
        if node.head.i == node.i or node.dep_ not in (*_COMPLEMENT, "acomp", "conj", "aux"):
            break
        if node.dep_ == "conj" and not any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in node.children
        ):
            # "must be binding and ratified by the parliaments": a conjunct without subject or
            # auxiliary of its own shares those of the first verb.
            found = _own_modality(node.head, lex)
            if found is not None:
                return found
        found = _governor_modality(node, lex)
        if found is not None:
            return found
        node = node.head
    return None


def _governor_modality(node: Token, lex: EventLexicon) -> str | None:
    """What the head of ``node`` says of it: its lemma, its negation, its auxiliaries."""
    m = lex.modality
    gov = node.head
    lemma = gov.lemma_.lower()
    if syntax.negated(gov, frozenset()) and lemma not in lex.words.reporting:
        return "negated"
    if lemma in m["denied"]:
        return "denied"
    if lemma in m["ending"]:
        return "negated"  # "stop fighting", "end the war": the act is what is to cease
    if lemma in m["willing"]:
        return "willing"
    if lemma in lex.words.demand_governors or (
        lemma == "have" and any(c.lower_ == "to" for c in node.children)
    ):
        return "demanded"  # "it is necessary to ban", "they have to withdraw"
    if lemma in m["planned"]:
        return "planned"  # "plans to visit", "is scheduled to meet"
    if lemma in m["possible"]:
        return "possible"
    gaux = {c.lower_ for c in gov.children if c.dep_ == "aux"}
    if node.dep_ == "xcomp" and gaux & m["possible"]:
        return "possible"
    if node.dep_ == "xcomp" and gaux & m["future"]:
        return "future"
    if node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in m["condition"] for c in node.children
    ):
        return "conditional"
    return None


def _is_aim(tok: Token, lex: EventLexicon) -> bool:
    """ "To evacuate people, ...", "moved to encircle the city": an aim, not a done act; but
    "continued to shell" and "managed to retake" say it happened."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not (
        tok.dep_ in ("xcomp", "acomp", "advcl")
        and tok.head.lemma_.lower() in lex.modality["aspectual"]
    )
