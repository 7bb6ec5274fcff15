"""Quotations: direct, partial and indirect, with speaker, relay, cue and date.

``find_quotes`` returns the finders' ``FoundQuote`` records (with cue and source spans, which the
PolNeAR evaluation scores); ``extract_quotes`` is the pipeline stage that turns them into
``Quote`` records. Parsing is not repeated: the stage reads ``doc.parses``.
"""

from __future__ import annotations

from dataclasses import replace

from peacewatch.evidence import span
from peacewatch.extract.actors.base import issuer_of
from peacewatch.extract.actors.mentions import classify
from peacewatch.extract.quotes.base import FoundQuote, QuoteContext
from peacewatch.extract.quotes.bodies import body_subjects
from peacewatch.extract.quotes.direct import find_direct, segments
from peacewatch.extract.quotes.indirect import find_indirect
from peacewatch.extract.quotes.speakers import person_subjects
from peacewatch.extract.quotes.turns import find_turns, nested_kept, turn_quotes
from peacewatch.lexicons import role_words
from peacewatch.parse.syntax import sentences
from peacewatch.records import Document, Quote


def _context(doc: Document) -> QuoteContext:
    ctx = QuoteContext(doc=doc)
    for p in doc.body.paragraphs:
        text = doc.body.text[p.start : p.end]
        ctx.segments.append([(p.start + s, p.start + e, c) for s, e, c in segments(text)])
    ctx.sentences = [[] for _ in doc.body.paragraphs]
    for sent in sentences(doc):
        ctx.sentences[sent.para].append(sent)
    ctx.mentions = sorted(
        ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0]
    )
    ctx.person_subjects = person_subjects(ctx)
    ctx.body_subjects = body_subjects(ctx)
    return ctx


def find_quotes(doc: Document) -> list[FoundQuote]:
    """Every attribution in the document, in text order."""
    if not doc.parses or len(doc.parses) != len(doc.body.paragraphs):
        return []
    ctx = _context(doc)
    found: list[FoundQuote] = []
    previous: FoundQuote | None = None
    turns = find_turns(ctx)
    own_words = _principal_speaks(doc)
    for i, parsed in enumerate(doc.parses):
        direct = find_direct(ctx, i, parsed, previous)
        indirect = find_indirect(ctx, i, parsed, direct)
        # Transcript turns are their speakers' quotes; what the finders see inside a turn is
        # mostly the turn's own narration (turns.nested_kept).
        kept = [
            f
            for f in direct + indirect
            if nested_kept(f, turns[i]) and not (own_words and _narration(ctx, f))
        ]
        para = sorted(kept + turn_quotes(ctx, turns[i]), key=lambda f: f.start)
        _carry_relay(found, para)
        found.extend(para)
        # Only a quote that closes its paragraph can run on into the next one.
        previous = para[-1] if para else None
    return found


def _principal_speaks(doc: Document) -> bool:
    """Whether the release is its principal's own words (an address, a speech: ``first_person``
    in ``issuers.json``)."""
    issuer = issuer_of(doc.meta.publisher)
    return bool(issuer and issuer.get("first_person"))


def _narration(ctx: QuoteContext, f: FoundQuote) -> bool:
    """An attribution to no one in particular: "they", "who", "everyone" that nothing resolves,
    or a common noun that is neither a name nor a title ("the occupiers planned", "this fact
    confirms"). In the principal's own words it is the principal's narration ("They thought
    Ukrainians would not fight"), as inside a transcript turn, not a quote of anyone
    (docs/DECISIONS.md, issue 14)."""
    if f.speaker is None:
        return f.how == "generic"
    if f.speaker.entity is not None or f.how != "subject" or f.source is None:
        return False
    p0 = ctx.para_start(f.para)
    words = [
        t
        for t in ctx.doc.parses[f.para]
        if f.source[0] <= p0 + t.idx < f.source[1] and not t.is_punct
    ]
    named = any(t.pos_ == "PROPN" or t.ent_type_ for t in words)
    roles = role_words()
    role = any(t.lower_ in roles["role_nouns"] or t.lower_ in roles["group_nouns"] for t in words)
    # "our state", "the two sides", "the Head of State": references the actors stage resolves.
    ref = classify(f.speaker.name).reference != "name"
    return bool(words) and not (named or role or ref)


def _carry_relay(before: list[FoundQuote], new: list[FoundQuote]) -> None:
    """Consecutive quotes of one speaker share the outlet that carried them.

    "…," the envoy said according to Reuters. / "…," he added. — the second quote came through the
    same outlet. Only the immediately preceding quote, same or previous paragraph, is used.
    """
    prev = before[-1] if before else None
    for f in new:
        if (
            prev is not None
            and f.relay is None
            and f.speaker is not None
            and prev.speaker == f.speaker
            and f.para - prev.para <= 1
            and f.how in {"pronoun", "previous"}
        ):
            f.relay = prev.relay
        prev = f


def extract_quotes(doc: Document) -> Document:
    text = doc.body.text
    quotes = []
    for f in find_quotes(doc):
        if f.start >= f.end:
            continue
        ev_start, ev_end = f.evidence
        quotes.append(
            Quote(
                text=text[f.start : f.end],
                start=f.start,
                end=f.end,
                kind=f.kind,
                speaker=f.speaker,
                cue=f.cue_text,
                relay=f.relay,
                said_on=f.said_on,
                evidence=span(text, min(ev_start, f.start), max(ev_end, f.end)),
            )
        )
    return replace(doc, quotes=tuple(quotes))
