"""Direct quotes: text in quotation marks and the clause that attributes it.

Quotation marks are paired on the paragraph text, not taken from the parser (spaCy tokenises
marks but does not pair them). A quote opened and not closed runs to the end of its paragraph
and continues in the next paragraph when that one opens with a mark (the news convention for a
quote of several paragraphs). The attribution is the cue verb after the quote in the same
sentence ("…," X said), else before it ("X said: “…”"), else the attribution of the previous
quote of the paragraph ("…," he added. "…"), else, for a paragraph that is all quotation, the
speaker of the quote that ends the previous paragraph.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from peacewatch.extract.quotes.base import FoundQuote, QuoteContext, trim
from peacewatch.extract.quotes.speakers import (
    according_to,
    cue_subject,
    set_attribution,
    speaker_from_phrase,
)
from peacewatch.parse.syntax import token_offsets

_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"'}
_CLOSE = {"”", "»", '"'}
_WORD = re.compile(r"\w")
# A quote becomes a direct quote on its own when it has at least this many words; shorter
# marked fragments (a “duty”, scare quotes, titles) only count inside reported speech. On
# PolNeAR dev, F1@0.3 moves by less than 0.003 for any value from 1 to 6, so the value is set for
# the peace-talks news, where one- and two-word marked fragments are mostly scare quotes.
MIN_DIRECT_WORDS = 3


def segments(text: str) -> list[tuple[int, int, bool]]:
    """(content start, content end, closed) of each quotation in one paragraph's text.

    Marks: curly and straight double quotes, guillemets, low-high German quotes, and two
    apostrophes ('' … ''), the quote mark of newswire archives (PolNeAR's New York Times texts
    use it).
    """
    out: list[tuple[int, int, bool]] = []
    opened: int | None = None
    width = 1
    closer = ""
    i = 0
    while i < len(text):
        ch = text[i]
        mark = "''" if text.startswith("''", i) else ch
        if opened is None:
            if mark in _OPEN or mark == "''":
                opened, closer, width = i, _OPEN.get(mark, "''"), len(mark)
            i += len(mark)
            continue
        if mark == closer or (ch in _CLOSE and closer not in {'"', "''"} and ch != '"'):
            out.append((opened + width, i, True))
            opened = None
        elif ch == "“" and closer == "”":
            # A new opening mark before the close: the previous quote was left open.
            out.append((opened + width, i, False))
            opened, width = i, 1
        i += len(mark) if mark == "''" else 1
    if opened is not None:
        out.append((opened + width, len(text), False))
    result = []
    for s, e, closed in out:
        s, e = trim(text, s, e, " \t\n")
        if _WORD.search(text[s:e]):
            result.append((s, e, closed))
    return result


def _is_direct_like(ctx: QuoteContext, para: int, parsed: Doc, s: int, e: int) -> bool:
    """A quote that stands as the reported utterance, not a fragment inside a clause."""
    text = ctx.text
    if len(_WORD.findall(text[s:e])) == 0 or len(text[s:e].split()) < MIN_DIRECT_WORDS:
        return False
    p0 = ctx.para_start(para)
    # Start of the sentence holding the opening mark.
    sent_start = p0
    for sent in ctx.sentences[para]:
        if sent.start <= s - 1 < sent.end:
            sent_start = sent.start
            break
    before = _unmark(text[sent_start:s])
    if not before or before[-1] in ':,—–-.!?"”':
        return True
    # 'X said "…"' with no comma: the word before the mark is a cue verb.
    words = [t for t in parsed if p0 + t.idx < s and not t.is_punct]
    return bool(words) and ctx.lex.is_cue(words[-1].lemma_.lower()) and words[-1].pos_ == "VERB"


def _unmark(text: str) -> str:
    """``text`` without the opening mark (and spaces) it ends with."""
    return text.rstrip().rstrip("'\"“«„").rstrip()


def _cue_tokens(ctx: QuoteContext, para: int, parsed: Doc) -> list[Token]:
    p0 = ctx.para_start(para)
    out = []
    for tok in parsed:
        if tok.pos_ not in {"VERB", "AUX"} or not ctx.lex.is_cue(tok.lemma_.lower()):
            continue
        if ctx.in_segment(para, *token_offsets(p0, [tok])):
            continue
        out.append(tok)
    return out


def _attribute(
    ctx: QuoteContext,
    para: int,
    cues: list[Token],
    seg: tuple[int, int, bool],
    prev_end: int,
    next_start: int,
) -> tuple[Token, Token | None] | None:
    """(cue verb, subject) that attributes the segment, or None."""
    text, p0 = ctx.text, ctx.para_start(para)
    s, e, _ = seg
    # After the quote: up to the end of the parser's sentence that holds the first word after
    # it (a regex would stop at "Mr." or "Sen."), and never past the next quote.
    after = [t for t in cues[0].doc if p0 + t.idx >= e and not t.is_punct] if cues else []
    tail_end = min(p0 + after[0].sent.end_char, next_start) if after else next_start
    quote_end = text[e - 1] if e > s else ""
    tail = [t for t in cues if e <= p0 + t.idx < tail_end]
    # "“…,” X said" / "“…?” X asked": the quote ends mid-sentence. A quote that ends with a full
    # stop is attributed from after only when nothing attributes it from before.
    for verb in tail:
        subj = cue_subject(verb)
        if (subj is not None or according_to(verb) is not None) and quote_end in ",?!—–-…":
            return verb, subj
    # Before the quote, in the same sentence, with nothing but ",", ":" or a space in between.
    head = [t for t in cues if prev_end <= p0 + t.idx < s]
    for verb in reversed(head):
        subj = cue_subject(verb)
        if subj is None and according_to(verb) is None:
            continue
        vend = max(p0 + t.idx + len(t.text) for t in verb.subtree if p0 + t.idx < s)
        gap = _unmark(text[vend:s]).strip()
        between = _unmark(text[p0 + verb.idx : s])
        joined = gap in {"", ":", ","} or ":" in between[-3:] or between.rstrip().endswith(",")
        if joined and not re.search(r"[.!?]\s", between):
            return verb, subj
    for verb in tail:
        subj = cue_subject(verb)
        if subj is not None or according_to(verb) is not None:
            return verb, subj
    return None


def find_direct(
    ctx: QuoteContext, para: int, parsed: Doc, previous: FoundQuote | None
) -> list[FoundQuote]:
    """Direct quotes of one paragraph; ``previous`` is the last quote of the paragraph before."""
    segs = ctx.segments[para]
    if not segs:
        return []
    text, p0 = ctx.text, ctx.para_start(para)
    p_end = ctx.doc.body.paragraphs[para].end
    cues = _cue_tokens(ctx, para, parsed)
    found: list[FoundQuote] = []
    last: FoundQuote | None = None
    for k, seg in enumerate(segs):
        s, e, _closed = seg
        if not _is_direct_like(ctx, para, parsed, s, e):
            continue
        prev_end = segs[k - 1][1] + 1 if k else p0
        next_start = segs[k + 1][0] - 1 if k + 1 < len(segs) else p_end
        ds, de = trim(text, s, e, " \t\n,")
        f = FoundQuote(
            start=ds,
            end=de,
            kind="direct",
            para=para,
            evidence=_evidence(ctx, para, ds, de),
        )
        hit = _attribute(ctx, para, cues, seg, prev_end, next_start)
        if hit is not None:
            verb, subj = hit
            set_attribution(ctx, f, para, verb, subj)
            f.evidence = _union(f.evidence, token_offsets(p0, [verb]), ctx, para)
        elif last is not None:
            _inherit(f, last)
        elif _dash_signed(ctx, f, para, parsed, e, next_start) or (
            k == 0 and _opens_paragraph(ctx, para, s) and _colon_intro(ctx, f, para)
        ):
            pass
        elif (
            k == 0
            and previous is not None
            and _opens_paragraph(ctx, para, s)
            and previous.kind == "direct"
        ):
            # A paragraph that opens with a quote and has no attribution of its own continues
            # the quote that ended the previous paragraph.
            _inherit(f, previous)
        else:
            f.how = "none"
        found.append(f)
        last = f
    return found


def _opens_paragraph(ctx: QuoteContext, para: int, s: int) -> bool:
    return _unmark(ctx.text[ctx.para_start(para) : s]).strip() == ""


def _inherit(f: FoundQuote, src: FoundQuote) -> None:
    f.cue, f.cue_text, f.source = src.cue, src.cue_text, src.source
    f.speaker, f.relay, f.how = src.speaker, src.relay, "previous"
    f.said_on, f.dated = src.said_on, src.dated


def _evidence(ctx: QuoteContext, para: int, s: int, e: int) -> tuple[int, int]:
    """The sentences of the paragraph that hold body offsets ``s:e``."""
    held = [x for x in ctx.sentences[para] if x.end > s and x.start < e]
    if not held:
        return s, e
    # Include the opening mark when the sentence split fell just after it.
    start = min(min(x.start for x in held), max(s - 1, ctx.para_start(para)))
    return start, max(max(x.end for x in held), e)


def _union(
    ev: tuple[int, int], cue: tuple[int, int], ctx: QuoteContext, para: int
) -> tuple[int, int]:
    cs, ce = _evidence(ctx, para, cue[0], cue[1])
    return min(ev[0], cs), max(ev[1], ce)


_DASH = re.compile(r"\s*[―—–-]+\s*")


def _name_head(tokens: list[Token]) -> Token:
    """The syntactic head of a run of name tokens (the one whose head lies outside the run)."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head is t:
            return t
    return tokens[-1]


def _dash_signed(
    ctx: QuoteContext, f: FoundQuote, para: int, parsed: Doc, end: int, limit: int
) -> bool:
    """“…” ― Jane Doe: a quote signed with a dash and a name (readers' voices, epigraphs)."""
    text, p0 = ctx.text, ctx.para_start(para)
    m = _DASH.match(_unmark_close(text, end, limit), 0)
    if not m:
        return False
    at = _skip_close(text, end, limit) + m.end()
    names = []
    for tok in parsed:
        if p0 + tok.idx < at:
            continue
        if tok.pos_ != "PROPN":
            break
        names.append(tok)
    if not names or not any(t.ent_type_ in {"PERSON", "ORG"} for t in names):
        return False
    head = _name_head(names)
    f.speaker, f.how = speaker_from_phrase(ctx, para, head)
    f.source = token_offsets(p0, names)
    f.said_on, f.dated = ctx.doc.meta.published, False
    return f.speaker is not None


def _skip_close(text: str, end: int, limit: int) -> int:
    i = end
    while i < limit and text[i] in "”\"»' ,.":
        i += 1
    return i


def _unmark_close(text: str, end: int, limit: int) -> str:
    return text[_skip_close(text, end, limit) : limit]


def _colon_intro(ctx: QuoteContext, f: FoundQuote, para: int) -> bool:
    """A quote paragraph after a paragraph that ends "X said:" is X's."""
    if para == 0:
        return False
    prev = ctx.doc.body.paragraphs[para - 1]
    if not ctx.text[prev.start : prev.end].rstrip().endswith(":"):
        return False
    parsed = ctx.doc.parses[para - 1]
    cues = _cue_tokens(ctx, para - 1, parsed)
    for verb in reversed(cues):
        subj = cue_subject(verb)
        if subj is not None:
            set_attribution(ctx, f, para - 1, verb, subj)
            return True
    return False
