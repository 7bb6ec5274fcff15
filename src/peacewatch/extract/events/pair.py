"""The PLOVER root of the act between a marked source and target (the ZSP task).

The text is known to relate the two actors, so unlike the running-text coder (events/stage.py) this
one always answers. It shares that coder's lexicon, triggers and modality, and applies PLOVER's
root rules to them: an intended cooperative act is AGREE and a hostile one THREATEN, a refused
cooperative act is REJECT, what one side says another must do is REQUEST, an attempted act is
the act. Tiers, each of which ``pair_root_why`` names:

1. a trigger of the running-text coder (events/triggers.find_triggers) whose clause holds the
   pair, nearest the pair first; when neither actor is the one who blames, urges or promises,
   the act they are blamed for or urged to is coded instead;
2. any lexicon word (including the broader ``pair_words`` and acts the coder drops as negated
   or absorbed) whose clause holds the pair; it wins over tier 1 when it holds more of it;
3. an unlinked trigger of tier 1, then of tier 2;
4. a default root (ASSAULT, the commonest act of conflict news; 3 % of AW and 1 % of GSR
   sentences reach it). A back-off to the lexicon words nearest, by spaCy word vector, to the
   word governing both actors was tried and dropped: it was right for 0 of 19 of those sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from spacy.tokens import Doc, Token

from peacewatch.extract.events.lexicon import Code, EventLexicon
from peacewatch.extract.events.triggers import (
    Cand,
    _phrasal,
    find_triggers,
    host,
    modality,
)

Spans = Mapping[str, tuple[int, int]]

DEFAULT_ROOT = "ASSAULT"
_TAG = re.compile(r"</?[st]>")


def marked_spans(marked: str) -> tuple[str, dict[str, tuple[int, int]]]:
    """Plain sentence and the char spans of <s>source</s> and <t>target</t>."""
    out: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    opened: dict[str, int] = {}
    pos = 0
    for m in _TAG.finditer(marked):
        out.append(marked[pos : m.start()])
        here = sum(len(x) for x in out)
        tag = m.group(0)
        if tag.startswith("</"):
            spans[tag[2]] = (opened.pop(tag[2], here), here)
        else:
            opened[tag[1]] = here
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def zsp_root(type_: str, modality_: str, lex: EventLexicon) -> str:
    """ZSP root of a coded act: PLOVER's intent rule, then YIELD = CONCEDE or RETREAT."""
    # An act whose refusal PLOVER codes as REJECT (lexicons/event_words.json refusable_types).
    if modality_ == "negated" and type_ in lex.words.refusable_types:
        return "REJECT"
    if modality_ == "demanded":
        # "Sudan must return the helicopter", "forces have to withdraw": what one side says
        # another must do is a demand (PLOVER REQUEST), whatever the act demanded.
        return "REQUEST"
    root = lex.plover_root(type_, modality_)
    return "YIELD" if root in ("CONCEDE", "RETREAT") else root


def _link(tok: Token, spans: Spans, lex: EventLexicon, loose: bool = False) -> tuple[int, int, int]:
    """(how closely ``tok`` governs the pair, whether it is the object noun of the verb that
    does, minus its distance to the source)."""
    # "students staged demonstrations": the light verb that performs an event noun governs
    # the actors for it. Among the broader pair words any verb does, and its object noun names
    # the act ("sent a letter to", "gave a warning to").
    top = host(tok, lex, packaged=False) if tok.pos_ != "VERB" else None
    if top is None and loose and tok.pos_ == "NOUN" and tok.dep_ == "dobj":
        top = tok.head if tok.head.pos_ == "VERB" else None
    through = int(top is not None)
    top = top or tok
    lo = top.left_edge.idx
    hi = top.right_edge.idx + len(top.right_edge)
    score = 0
    for key in ("s", "t"):
        if key in spans and lo <= spans[key][0] and spans[key][1] <= hi:
            score += 2
    if "s" in spans and "t" in spans:
        a, b = sorted((spans["s"][0], spans["t"][0]))
        score += int(a <= tok.idx <= b)
    if any(a <= tok.idx < b for a, b in spans.values()):
        # A word of an actor's name ("the Israeli forces", "protesters") names who, not what;
        # it decides only when no word outside the actors links the pair as well.
        score -= 1
    dist = abs(tok.idx - spans.get("s", (0, 0))[0])
    return score, through, -dist


def _loose_root(tok: Token, lex: EventLexicon) -> str | None:
    lemma = tok.lemma_.lower()
    code: Code | None = None
    if tok.pos_ in ("VERB", "AUX"):
        code = _phrasal(tok, lex) or lex.verbs.get(lemma)
    elif tok.pos_ in ("NOUN", "PROPN"):
        code = lex.nouns.get(lemma) or lex.nouns.get(tok.lower_)
        for c in tok.children:
            if c.dep_ in ("compound", "amod"):
                code = lex.noun_phrasal.get(f"{c.lower_} {lemma}", code)
    if code is not None:
        return zsp_root(code.type, "asserted" if _attempted(tok, lex) else _modality(tok, lex), lex)
    root = lex.pair_words.get(lemma) or lex.pair_words.get(tok.lower_)
    if root is None or tok.pos_ not in ("VERB", "NOUN", "PROPN"):
        return None
    if root == "YIELD":
        return root
    return zsp_root(root, _modality(tok, lex), lex)


def pair_root(doc: Doc, spans: Spans, lex: EventLexicon) -> str:
    """The coder's root for the event between ``spans['s']`` and ``spans['t']``."""
    return pair_root_why(doc, spans, lex)[0]


def pair_root_why(doc: Doc, spans: Spans, lex: EventLexicon) -> tuple[str, str]:
    """``pair_root`` with the tier that decided it (see the module docstring)."""
    strict: list[tuple[tuple[int, int, int], str]] = []
    for sent in doc.sents:
        for cand in find_triggers(sent, lex):
            root = _content_root(cand, spans, lex) or _cand_root(cand, lex)
            strict.append((_link(cand.tok, spans, lex), root))
    loose: list[tuple[tuple[int, int, int], str]] = []
    for tok in doc:
        word = _loose_root(tok, lex)
        if word is not None:
            loose.append((_link(tok, spans, lex, loose=True), word))
    strict.sort(key=lambda x: x[0], reverse=True)
    loose.sort(key=lambda x: x[0], reverse=True)
    if strict and loose and loose[0][0][0] > strict[0][0][0] >= 2:
        return loose[0][1], "word-closer"
    if strict and strict[0][0][0] >= 2:
        return strict[0][1], "trigger"
    if loose and loose[0][0][0] >= 2:
        return loose[0][1], "word"
    if strict:
        return strict[0][1], "trigger-unlinked"
    if loose:
        return loose[0][1], "word-unlinked"
    return DEFAULT_ROOT, "default"


def _cand_root(cand: Cand, lex: EventLexicon) -> str:
    if cand.type == "AGREE" and any(_is_hostile(t, lex) for t in cand.extra):
        # "vowed to attack", "promised an offensive": PLOVER codes a hostile intent as THREATEN.
        return "THREATEN"
    mod = cand.modality if cand.tok.pos_ == "VERB" else _modality(cand.tok, lex)
    if _attempted(cand.tok, lex):
        mod = "asserted"
    return zsp_root(cand.type, mod, lex)


def _attempted(tok: Token, lex: EventLexicon) -> bool:
    """An attempted act is the act: CAMEO codes "tried to assassinate" or "an attempt to
    detonate" as the act itself (an attempted assassination is 186), not as an intention."""
    return tok.dep_ in ("xcomp", "acl") and tok.head.lemma_.lower() in lex.words.attempt_verbs


def _modality(tok: Token, lex: EventLexicon) -> str:
    """Modality of an act; an event noun's is that of the verb it is the object of ("will
    extend the curfew", "plans to impose restrictions" are announced, not done)."""
    if tok.pos_ != "VERB" and tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB":
        return modality(tok.head, lex)
    return modality(tok, lex)


def _inside(tok: Token, span: tuple[int, int]) -> bool:
    lo, hi = int(tok.left_edge.idx), int(tok.right_edge.idx) + len(tok.right_edge)
    return lo <= span[0] and span[1] <= hi


def _content_root(cand: Cand, spans: Spans, lex: EventLexicon) -> str | None:
    """The absorbed act, when the pair are its parties rather than the speaker's.

    "Colombia blamed <s>the ELN</s> for the bombing of <t>the academy</t>", "urged <s>Iraqis</s>
    to step up attacks on <t>coalition forces</t>": neither actor is the one who blames or urges,
    so what happened between them is the bombing or the attacks (AW development set).
    """
    if cand.type not in lex.absorbing:
        return None
    speakers = [c for c in cand.tok.children if c.dep_ in ("nsubj", "agent")]
    if any(_inside(sp, span) for sp in speakers for span in spans.values()):
        return None
    for tok in cand.tok.subtree:
        if tok.i == cand.tok.i or any(tok in sp.subtree for sp in speakers):
            continue
        code = lex.verbs.get(lex.lemma(tok)) or lex.nouns.get(lex.lemma(tok))
        if code is None or code.type == cand.type:
            continue
        if any(_inside(tok, span) for span in spans.values()):
            return zsp_root(code.type, "asserted", lex)
    return None


def _is_hostile(tok: Token, lex: EventLexicon) -> bool:
    code = lex.verbs.get(tok.lemma_.lower()) or lex.nouns.get(tok.lemma_.lower())
    return code is not None and code.type in lex.words.hostile_intent_types
