"""When a round was held, and whether it was: its date, its tense, a denial.

Read from the round mention's own words (rounds.py passes the trigger, its clause and the
tokens that anchor it), so that another date or negation in the sentence is not taken.
"""

from __future__ import annotations

from spacy.tokens import Token

from peacewatch.extract.negotiation.words import (
    DENY_DIRECT,
    DENY_REPORTS,
    HELD_LEMMAS,
    NEGATED_HELD_VERBS,
    REPORT_NOUNS,
)
from peacewatch.lexicons import load_json
from peacewatch.parse.syntax import Sentence, negated
from peacewatch.records import DatePrecision, Document


def denied(tok: Token, head: Token) -> bool:
    """The text says the round did not take place: a negated talks noun ("no talks"), a
    negated meeting verb ("did not meet"), or a negated verb of holding the talks ("the talks
    were not held", "did not take place"); or someone denies it (``denier``)."""
    if negated(tok):
        return True
    verbs = {head} | ({tok.head} if tok.head.pos_ in ("VERB", "AUX") else set())
    for v in verbs:
        held = v.lemma_.lower() in NEGATED_HELD_VERBS
        if held and v.i != tok.i and negated(v):
            return True
    # "there were no talks": the noun is the attribute of an existential "be" with "no".
    if tok.dep_ == "attr" and any(c.lower_ == "no" for c in tok.children):
        return True
    return denier(tok, head) is not None


def _held(v: Token) -> bool:
    lemma = v.lemma_.lower()
    if lemma == "take":
        return any(c.lower_ == "place" for c in v.children)
    return lemma in HELD_LEMMAS


def deny_verb(v: Token, direct: bool) -> bool:
    lemmas = DENY_DIRECT if direct else DENY_REPORTS
    return v.pos_ == "VERB" and v.lemma_.lower() in lemmas and not negated(v)


def via_report(noun: Token) -> Token | None:
    """The verb denying a report noun: "denied reports ...", "dismissed claims ..."."""
    if noun.lemma_.lower() not in REPORT_NOUNS or noun.dep_ not in ("dobj", "nsubjpass"):
        return None
    return noun.head if deny_verb(noun.head, direct=False) else None


def denier(tok: Token, head: Token) -> Token | None:
    """The verb by which a source denies the round of ``tok`` (its clause head ``head``).

    - the talks are the verb's object: "Moscow denied any talks in X";
    - the clause that holds the talks is its complement: "denied that the delegations had met",
      "denied holding talks";
    - through a report noun: "rejected reports that negotiators held talks", "dismissed
      claims of talks".
    A negated denial ("did not deny that they met") denies nothing.
    """
    if tok.dep_ == "dobj" and tok.head.i == head.i and deny_verb(head, direct=True):
        return head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        found = via_report(tok.head.head)
        if found is not None:
            return found
    if head.i == tok.i or _held(head):
        if head.dep_ in ("ccomp", "xcomp") and deny_verb(head.head, direct=True):
            return head.head
        if head.dep_ in ("acl", "ccomp", "relcl"):
            return via_report(head.head)
    return None


def date_of(
    doc: Document, s: Sentence, toks: list[Token], anchors: set[int]
) -> tuple[str | None, DatePrecision]:
    """The date of the round: a date phrase attached to the round's own words.

    "talks held on March 7", "met today", "Tuesday's talks" count; "the line of February 23"
    in the same clause does not (the date must hang off an anchor, directly or through a
    preposition).
    """
    by_start = {t.idx + s.offset: t for t in toks}
    for d in doc.dates:
        t = by_start.get(d.start)
        if t is None or not d.value:
            continue
        inside = {x.i for x in toks if d.start <= x.idx + s.offset < d.end}
        root = next((x for x in toks if x.i in inside and x.head.i not in inside), t)
        h = root.head
        if (
            h.i in anchors
            or (h.dep_ == "prep" and h.head.i in anchors)
            or (root.dep_ == "poss" and h.i in anchors)
        ):
            return d.value, d.precision
    for x in toks:
        if x.i in anchors and (day := just_now(doc, x)):
            return day, "day"
    return None, "unknown"


def just_now(doc: Document, verb: Token) -> str | None:
    """The release's own day when the verb says the meeting has just happened: "I just met
    with X" in remarks ("just" with the past tense), for which the date stage has no phrase."""
    published = (doc.meta.published or "")[:10]
    recent = any(c.dep_ == "advmod" and c.lower_ == "just" for c in verb.children)
    if verb.pos_ == "VERB" and recent and past(verb) and len(published) == 10:
        return published
    return None


def past(tok: Token) -> bool:
    v = tok if tok.pos_ == "VERB" else tok.head
    return "Past" in v.morph.get("Tense", None) or any(
        c.lower_ in ("was", "were", "had") for c in v.children
    )


def held_participle(tok: Token) -> bool:
    """ "welcomes the talks held July 17-18": a bare past participle on the talks noun reports
    them held whatever the tense of the clause (not "to be held", which has auxiliaries)."""
    words = {w.lower() for w in load_json("round_words.json")["held_participles"]["words"]}
    return any(
        c.dep_ == "acl"
        and c.tag_ == "VBN"
        and c.lower_ in words
        and not any(a.dep_ in ("aux", "auxpass") for a in c.children)
        for c in tok.children
    )
