"""The body "it" stands for as a speaker: "Hamas said on Friday it accepted parts of the
proposal. It did not mention ... but said it "renews its agreement ..."" (a BBC report the lead
read, not committed; sentences written for tests/test_quotes_it.py).

"it" is never a person, so the person antecedents of ``speakers.resolve_pronoun`` do not serve:
an active "it said" takes the nearest earlier sentence subject naming a body (an organisation,
armed group, state or group entity) within the pronoun reach, outside quotation marks.
"""

from __future__ import annotations

import bisect

from peacewatch.extract.quotes.base import QuoteContext
from peacewatch.records import Speaker

BODY_TYPES = frozenset({"ORG", "STATE", "GROUP"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})


def body_subjects(ctx: QuoteContext) -> list[tuple[int, Speaker]]:
    """(offset, speaker) of each sentence subject naming a body, outside quotation marks."""
    out: list[tuple[int, Speaker]] = []
    for i, parsed in enumerate(ctx.doc.parses):
        p0 = ctx.para_start(i)
        for tok in parsed:
            if tok.dep_ not in _SUBJ or tok.pos_ != "PROPN":
                continue
            start = p0 + tok.idx
            if ctx.in_segment(i, start, start + len(tok.text)):
                continue
            bodies = [
                e for e in ctx.entities_at(start, start + len(tok.text)) if e.type in BODY_TYPES
            ]
            if bodies:
                out.append((start, Speaker(bodies[0].name, bodies[0].id)))
    return out


def resolve_it(ctx: QuoteContext, para: int, offset: int, reach: int) -> Speaker | None:
    """The nearest earlier body subject no more than ``reach`` paragraphs back, else None."""
    subjects = ctx.body_subjects
    k = bisect.bisect_left([s for s, _ in subjects], offset)
    if k == 0:
        return None
    start, speaker = subjects[k - 1]
    return speaker if start >= ctx.para_start(max(0, para - reach + 1)) else None
