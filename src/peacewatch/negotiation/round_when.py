"""When a round was held, and whether it was: its date, its tense, a denial.

Read from the round mention's own words (rounds.py passes the trigger, its clause and the
tokens that anchor it), so that another date or negation in the sentence is not taken.
"""

from __future__ import annotations

from typing import Any

from peacewatch.negotiation.context import Sent
from peacewatch.records import DatePrecision, Document


def negative(tok: Any) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") for c in tok.children)


def denied(tok: Any, head: Any) -> bool:
    """The text says the round did not take place: a negated talks noun ("no talks"), a
    negated meeting verb ("did not meet"), or a negated verb of holding the talks ("the talks
    were not held", "did not take place")."""
    if negative(tok):
        return True
    verbs = {head} | ({tok.head} if tok.head.pos_ in ("VERB", "AUX") else set())
    for v in verbs:
        held = v.lemma_.lower() in ("hold", "happen", "occur", "take", "meet", "start")
        if held and v.i != tok.i and negative(v):
            return True
    # "there were no talks": the noun is the attribute of an existential "be" with "no".
    return tok.dep_ == "attr" and any(c.lower_ == "no" for c in tok.children)


def date_of(
    doc: Document, s: Sent, toks: list[Any], anchors: set[int]
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
    return None, "unknown"


def past(tok: Any) -> bool:
    v = tok if tok.pos_ == "VERB" else tok.head
    return "Past" in v.morph.get("Tense") or any(
        c.lower_ in ("was", "were", "had") for c in v.children
    )
