"""Stances a clause states through an act noun or a content clause, and clauses that state
none (issue 14): "the declaration by the Government of Ethiopia of a truce", "the release
by Azerbaijan of 15 detainees" (the agent of the act holds it, whoever welcomes it); "the
promise that Austria will continue its sanctions" (the clause's subject promised); "revenue
is expected to decrease" (a forecast: nobody's stance). Words: lexicons/stances.json
("acts", "forecasts", "adversaries")."""

from __future__ import annotations

from functools import cache
from typing import TypedDict

from spacy.tokens import Token

from peacewatch.extract.negotiation.words import MODALS
from peacewatch.lexicons import load_json
from peacewatch.parse.syntax import subject_of


class _Acts(TypedDict):
    acts: dict[str, str]
    forecasts: list[str]
    adversaries: list[str]


@cache
def _words() -> _Acts:
    data = load_json("stances.json")
    return {
        "acts": dict(data["acts"]["nouns"]),
        "forecasts": list(data["forecasts"]["lemmas"]),
        "adversaries": list(data["adversaries"]["nouns"]),
    }


def forecast(verb: Token | None) -> bool:
    """ "revenue is expected to decrease", "talks are projected to resume": a passive
    forecast verb states what someone predicts, not what anyone wants."""
    return (
        verb is not None
        and verb.lemma_.lower() in _words()["forecasts"]
        and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    )


def adversary(subj: Token, own: str | None, parties: tuple[str, ...]) -> str | None:
    """ "the invaders", "the occupiers" in a release of one of the two parties of the talks
    (``own``): the other one."""
    named = any(c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" for c in subj.children)
    if subj.lemma_.lower() not in _words()["adversaries"] or named or len(parties) != 2:
        return None
    return next((p for p in parties if p != own), None) if own in parties else None


def act_agents(head: Token) -> list[tuple[str, Token]]:
    """(stance, agent) for an act noun above the issue whose agent a "by" phrase names ("the
    declaration today by the Government of Ethiopia of an indefinite truce", "the release by
    Azerbaijan of 15 detainees"); up through "of" phrases only, so the act is the issue's
    own. The parser often hangs the "of" phrase on the agent, and "by" on the verb."""
    acts = _words()["acts"]
    node = head
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head  # "a 24-month transition timetable": the noun the issue names
    for _ in range(3):
        if node.dep_ != "pobj" or node.head.lower_ != "of":
            return []
        up = node.head.head
        if up.pos_ == "VERB":  # "supports the announcement by X of Y": both hang on the verb
            by = next((c for c in up.children if c.dep_ == "agent" or c.lower_ == "by"), None)
            up = next((o for o in by.children if o.dep_ == "pobj"), up) if by else up
        if up.dep_ == "pobj" and up.head.lower_ == "by":
            by = up.head
            act = by.head
            if act.pos_ != "NOUN":  # "supports the declaration today by X of Y"
                act = next((c for c in act.children if c.dep_ == "dobj" and c.i < by.i), act)
            stance = acts.get(act.lemma_.lower()) if act.pos_ == "NOUN" else None
            return [(stance, up)] if stance else []
        stance = acts.get(up.lemma_.lower()) if up.pos_ == "NOUN" else None
        if stance is not None:
            return [
                (stance, o)
                for p in up.children
                if p.dep_ == "prep" and p.lower_ == "by"
                for o in p.children
                if o.dep_ == "pobj"
            ]
        node = up
    return []


def content_subject(noun: Token, ids: set[int]) -> Token | None:
    """ "the promise that Austria will continue its sanctions": the subject of the clause a
    stance noun's content is in, when the issue ``ids`` is in that clause."""
    for c in noun.children if noun.pos_ == "NOUN" else ():
        if c.dep_ in ("acl", "ccomp") and ids & {t.i for t in c.subtree}:
            subj = subject_of(c)
            if subj is not None and subj.pos_ in ("PROPN", "NOUN"):
                return subj
    return None


def beneficiaries(head: Token) -> list[str]:
    """ "security guarantees for Ukraine": the country the issue is for seeks it."""
    from peacewatch.extract.negotiation.context import country_of_word

    out = []
    for t in head.children:
        if t.dep_ == "prep" and t.lower_ == "for":
            for p in t.children:
                code = country_of_word(p.text) if p.dep_ == "pobj" else None
                if code:
                    out.append(code)
    return out


def embedded_question(verb: Token | None) -> bool:
    """ "how to send and whom to address aid": an infinitive question asks how, it states
    no one's stance."""
    return (
        verb is not None
        and any(c.tag_ == "TO" for c in verb.children)
        and any(c.tag_ in ("WP", "WRB") and c.i < verb.i for c in verb.children)
        and not any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WRB") for c in verb.children)
    )


def duty_purpose(verb: Token | None) -> bool:
    """ "governors must set up centres to ensure X": the purpose of a duty the speaker puts
    on another (as "He must commit to X" is the speaker's demand)."""
    if verb is None or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    head = verb.head
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in MODALS for c in head.children)


def undone(verb: Token | None) -> bool:
    """ "all the work needs to be done", "steps must be taken": a duty in the passive, whose
    doer is not named."""
    return verb is not None and any(
        c.dep_ == "xcomp" and any(a.dep_ == "auxpass" for a in c.children) for c in verb.children
    )


def wished(verb: Token) -> bool:
    """ "the wise course is for Kyiv to drop X": a "for ... to" clause states what
    the speaker wants another to do, not what that other does."""
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children)


_DEALS = frozenset({"agreement", "deal", "accord", "understanding"})


def deal_sides(head: Token) -> list[Token]:
    """ "the agreement between ECOWAS and Mali on a transition timeline": the sides of a deal
    whose terms hold the issue accept it, whoever welcomes the deal."""
    for node in [head, *head.ancestors][:5]:
        if node.pos_ == "NOUN" and node.lemma_.lower() in _DEALS:
            return [
                side
                for p in node.children
                if p.dep_ == "prep" and p.lower_ == "between"
                for o in p.children
                if o.dep_ == "pobj"
                for side in (o, *o.conjuncts)
            ]
        if node.pos_ in ("VERB", "AUX") and node is not head:
            return []  # the deal's own terms only: "to proceed with elections" hangs on it
    return []


def issue_acts(subj: Token) -> bool:
    """ "referendums, which will not yield any results": the issue itself is the active
    subject of the relative clause; the verb says what the issue does, no one's stance."""
    return subj.dep_ == "nsubj" and subj.tag_ == "WDT"
