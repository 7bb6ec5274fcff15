"""PLOVER codebook rules over the pair coder's root (lexicons/event_classifier.json).

The shared event lexicon (plover.json) gives a verb one root; the PLOVER manual sometimes puts
the act elsewhere by its object or its people: finalising an agreement is SUPPORT, sending
peacekeepers AID, cancelling a meeting REJECT, an investigation ACCUSE (the ``_why`` of each
rule cites the definition). ``codebook_root`` re-codes the rules' root of the act between a
marked source and target; ``classifier.decide`` (the pair coder: ``code-pair``, ``eval
events``) applies it before the classifier's second opinion. The running-text coder of
``analyze`` does not use it. docs/DECISIONS.md, issue 16, H6 seventh session.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from spacy.tokens import Doc, Token

from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.extract.events.pair import Spans, zsp_root
from peacewatch.extract.events.triggers import modality
from peacewatch.lexicons import load_json


def span_root(doc: Doc, span: tuple[int, int]) -> Token | None:
    sp = doc.char_span(span[0], span[1], alignment_mode="expand")
    return sp.root if sp is not None and len(sp) else None


@dataclass(frozen=True)
class CodebookRule:
    """One codebook rule: an act whose verb and object the PLOVER manual puts in another root
    than the shared lexicon does (the ``_why`` of each rule in lexicons/event_classifier.json)."""

    name: str
    from_roots: frozenset[str]
    to: str
    verbs: frozenset[str]
    objects: frozenset[str]  # the verb's object noun names the act ("reached an agreement")
    persons: frozenset[str]  # or its subject or object is these people ("sent peacekeepers")
    not_modifiers: frozenset[str]  # an object so modified is another act ("military support")
    clause_complement: bool  # "granted the government to delay": the verb's clause counts too
    nominal: frozenset[str]  # nouns of the act, as objects of any verb ("a suspension of aid")
    alone: bool  # the verb is the act whatever its object ("investigate")
    act_nouns: frozenset[str]  # an object noun that is the act whatever the verb


@cache
def codebook_rules() -> tuple[CodebookRule, ...]:
    data = cast(dict[str, dict[str, object]], load_json("event_classifier.json"))

    def words(rule: dict[str, object], key: str) -> frozenset[str]:
        return frozenset(cast(list[str], rule.get(key, [])))

    return tuple(
        CodebookRule(
            name,
            words(rule, "from"),
            cast(str, rule["to"]),
            words(rule, "verbs"),
            words(rule, "objects"),
            words(rule, "persons"),
            words(rule, "not_modifiers"),
            bool(rule.get("clause_complement", False)),
            words(rule, "nominal"),
            bool(rule.get("alone", False)),
            words(rule, "act_nouns"),
        )
        for name, rule in data.items()
        if isinstance(rule, dict)
    )


def _pair_verb(doc: Doc, spans: Spans) -> Token | None:
    """The verb that governs the pair: the lowest common head of source and target, or the
    first verb above it ("House and Senate negotiators *reached* the deal")."""
    if "s" not in spans or "t" not in spans:
        return None
    a, b = span_root(doc, spans["s"]), span_root(doc, spans["t"])
    if a is None or b is None:
        return None
    ids_b = {t.i for t in (b, *b.ancestors)}
    lca = next((t for t in (a, *a.ancestors) if t.i in ids_b), None)
    if lca is None:
        return None
    return next((t for t in (lca, *lca.ancestors) if t.pos_ in ("VERB", "AUX")), None)


def _objects(verb: Token) -> list[Token]:
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "to", "upon"):
            out += [c for c in prep.children if c.dep_ == "pobj"]  # "agreed to/on a deal"
    return out


def _nominal(rule: CodebookRule, verb: Token) -> bool:
    """A noun of the act as the verb's object: "announced a *suspension* of aid"."""
    return any(
        obj.lemma_.lower() in rule.nominal
        and any(
            g.lemma_.lower() in rule.objects
            for prep in obj.children
            if prep.dep_ == "prep" and prep.lower_ in ("of", "on")
            for g in prep.children
        )
        for obj in _objects(verb)
    )


def _matches(rule: CodebookRule, verb: Token, lex: EventLexicon) -> bool:
    objects = _objects(verb)
    conjoined = [c for o in objects for c in o.conjuncts]  # "rejection and condemnation"
    if any(o.lemma_.lower() in rule.act_nouns for o in (*objects, *conjoined)):
        return True  # "started an investigation of the killing"
    if lex.lemma(verb) not in rule.verbs:
        return bool(rule.nominal) and _nominal(rule, verb)
    if rule.alone:
        return True
    for obj in objects:
        mods = {c.lower_ for c in obj.children}
        if obj.lemma_.lower() in rule.objects and not mods & rule.not_modifiers:
            return True
    people = [c for c in verb.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "xcomp")]
    people += [o for o in objects if o.head.lower_ == "to"]  # "opened its borders to refugees"
    if rule.persons and any(
        (t.lemma_.lower() in rule.persons or t.lower_ in rule.persons)
        and t.pos_ in ("NOUN", "ADJ", "PROPN", "VERB")
        for p in people
        for t in p.subtree
    ):
        return True
    return rule.clause_complement and any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def codebook_root(doc: Doc, spans: Spans, root: str, lex: EventLexicon) -> tuple[str, str | None]:
    """The rules' root, re-coded where the PLOVER codebook puts the pair's act elsewhere, and
    the name of the rule that did (None: unchanged). The act's modality still applies: "will
    sign an agreement" is a promise (AGREE), "signed" is SUPPORT."""
    verb = _pair_verb(doc, spans)
    if verb is None:
        return root, None
    acts = [verb]
    # "the agency said it reached an agreement with", "teachers asserted that they will not end
    # the strike": what was said is the act.
    acts += [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    acts += [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"]
    for act in acts:
        for rule in codebook_rules():
            if root in rule.from_roots and _matches(rule, act, lex):
                return zsp_root(rule.to, modality(act, lex), lex), rule.name
    return root, None
