"""Reported speech: a cue verb with a content clause, and "according to X, …".

Structure, from the dependency parse of en_core_web_md (PITFALLS.md): the speaker is the
``nsubj`` of the cue, the content its ``ccomp`` ("X said that …", "…, X said"), or, when the
parser hangs the cue off the content ("The talks failed, he said"), the sentence up to the cue
(``parataxis``). A few verbs also report a noun phrase ("X denied the claims", "X reported a
cyberattack"). Reported speech that contains a quotation-marked fragment is a *partial* quote.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from peacewatch.extract.quotes.base import FoundQuote, Kind, QuoteContext, QuoteLexicon, trim
from peacewatch.extract.quotes.speakers import according_to, cue_subject, set_attribution
from peacewatch.parse.syntax import token_offsets

# Content clauses shorter than this many tokens are not reported speech worth a record
# ("he said so", "as expected"); three is the shortest clause with a subject, verb and object.
# PolNeAR dev, F1@0.3: 0.686 at 2, 0.681 at 3, 0.676 at 4 — flat, 3 trades a little recall for
# fewer one-word contents.
MIN_CONTENT_TOKENS = 3
# Closed-class grammar (personal pronouns), not vocabulary: stays in code.
_FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})


def _content_tokens(verb: Token, lex: QuoteLexicon) -> list[Token] | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        # "declared the region to be independent": a non-finite small clause is an act of
        # declaring, not a report of what was said.
        if child.dep_ == "ccomp" and not any(
            c.dep_ == "aux" and c.tag_ == "TO" for c in child.children
        ):
            return _own_content(child, lex)
    repaired = _misattached_that(verb)
    if repaired:
        return repaired
    kids = list(verb.children)
    if lemma in lex.infinitive:
        # "vowed to retaliate", "urged both sides to stop": the to-clause with its addressee.
        xcomp = [c for c in kids if c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)]
        if xcomp:
            toks = [t for c in kids if c.dep_ in {"dobj", "xcomp"} for t in c.subtree]
            return sorted(toks, key=lambda t: t.i)
    if lemma in lex.object_content:
        # "denied the claims", "called the plan a disgrace", "called for a ceasefire".
        deps = {"dobj", "oprd", "xcomp", "ccomp"}
        toks = [
            t
            for c in kids
            if c.dep_ in deps
            or (c.dep_ == "prep" and c.lower_ in {"for", "on"} and c.i == verb.i + 1)
            for t in c.subtree
        ]
        if any(c.dep_ == "dobj" and c.pos_ in {"NOUN", "PROPN"} for c in kids) or (
            toks and lemma == "call"
        ):
            return sorted(toks, key=lambda t: t.i)
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The talks failed, he said." — everything of the sentence before the cue's phrase.
        first = min(t.i for t in verb.subtree)
        sent = verb.sent
        toks = [t for t in sent if t.i < first]
        return toks or None
    return None


def _own_content(head: Token, lex: QuoteLexicon) -> list[Token]:
    """The content clause up to a conjoined report of someone else: in "Aoun said the draft met
    Lebanon's demands, and Israeli Prime Minister Yair Lapid called it a historic achievement"
    the parser makes "called" a conjunct of "met", so Lapid's words sat inside Aoun's quote
    and Lapid's own attribution was dropped as nested. A conjunct that is itself a cue with a
    named subject starts a new attribution."""
    toks = list(head.subtree)
    for c in head.children:
        if (
            c.dep_ == "conj"
            and lex.is_cue(c.lemma_.lower())
            and any(s.dep_ == "nsubj" and s.pos_ == "PROPN" for s in c.children)
        ):
            cut = min(t.i for t in c.subtree)
            toks = [t for t in toks if t.i < cut]
            while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
                toks.pop()
            break
    return toks


def _misattached_that(verb: Token) -> list[Token] | None:
    """Repair a known en_core_web_md error: in "X said at the meeting that the army would …"
    the "that"-clause can be parsed as a relative clause of the noun inside the prepositional
    phrase ("meeting"). A relative clause with its own subject that starts with "that" right
    after a cue's prepositional phrase is the cue's content clause. It fires rarely (once on
    PolNeAR dev, after "reported" with a time phrase, correctly) but recovers whole statements."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i < verb.i:
            continue
        for obj in prep.children:
            for rel in obj.children:
                if rel.dep_ != "relcl":
                    continue
                toks = sorted(rel.subtree, key=lambda t: t.i)
                first = toks[0]
                own_subject = any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.i != first.i for c in rel.children
                )
                if (
                    first.lower_ == "that"
                    and own_subject
                    and first.i == max(t.i for t in prep.subtree if t.i < first.i) + 1
                ):
                    return toks
    return None


def find_indirect(
    ctx: QuoteContext, para: int, parsed: Doc, taken: list[FoundQuote]
) -> list[FoundQuote]:
    """Reported speech in one paragraph, skipping what the direct quotes already cover."""
    p0 = ctx.para_start(para)
    text = ctx.text
    lex = ctx.lex
    out: list[FoundQuote] = []
    direct_cues = {f.cue for f in taken if f.cue is not None}
    for verb in parsed:
        lemma = verb.lemma_.lower()
        if verb.pos_ not in {"VERB", "AUX"} or not lex.is_cue(lemma):
            continue
        vs = p0 + verb.idx
        if (
            ctx.in_segment(para, vs, vs + len(verb.text))
            or (vs, vs + len(verb.text)) in direct_cues
        ):
            continue
        subj = cue_subject(verb)
        if subj is None and according_to(verb) is None:
            continue
        if subj is not None and subj.dep_ == "nsubjpass":
            # "X is expected to …", "it was reported that …": the subject is not the one
            # speaking, and the speaker is not given.
            continue
        if subj is not None and subj.lower_ in _FIRST_SECOND_PERSON:
            # First and second person outside quotation marks is the author's own voice (an
            # official statement or speech: en.kremlin.ru, president.gov.ua), not reported speech.
            continue
        toks = _content_tokens(verb, lex)
        if not toks or len([t for t in toks if not t.is_punct]) < MIN_CONTENT_TOKENS:
            continue
        s, e = token_offsets(p0, toks)
        s, e = trim(text, s, e, ' \t\n,;:—–-“”"')
        if s >= e:
            continue
        # A content that is (mostly) a quotation is the direct quote's business.
        inside = [(a, b) for a, b, _ in ctx.segments[para] if a < e and s < b]
        quoted = sum(min(b, e) - max(a, s) for a, b in inside)
        if any(f.start < e and s < f.end for f in taken):
            continue
        kind: Kind = "partial" if inside else "indirect"
        if quoted > 0.8 * (e - s):
            # "X said that “…”": a whole quotation introduced by "that".
            kind = "direct"
        f = FoundQuote(
            start=s, end=e, kind=kind, para=para, evidence=_sentences(ctx, para, s, e, vs)
        )
        set_attribution(ctx, f, para, verb, subj)
        out.append(f)
    out.extend(_according(ctx, para, parsed, out + taken))
    return _drop_nested(out)


def _according(
    ctx: QuoteContext, para: int, parsed: Doc, taken: list[FoundQuote]
) -> list[FoundQuote]:
    """ "According to X, …" on a verb that is not itself a cue: the clause is X's claim."""
    p0 = ctx.para_start(para)
    out: list[FoundQuote] = []
    for tok in parsed:
        if tok.lower_ != "according" or tok.dep_ != "prep":
            continue
        head = tok.head
        if ctx.lex.is_cue(head.lemma_.lower()):
            continue
        obj = according_to(head)
        if obj is None:
            continue
        phrase = [t.i for t in tok.subtree]
        # The claim is the larger side of the sentence around "according to X" (usually what
        # follows "According to X,"); a span across the phrase would contain the source.
        before = [t for t in head.sent if t.i < min(phrase)]
        after = [t for t in head.sent if t.i > max(phrase)]
        toks = after if len(after) >= len(before) else before
        if len([t for t in toks if not t.is_punct]) < MIN_CONTENT_TOKENS:
            continue
        s, e = token_offsets(p0, toks)
        s, e = trim(ctx.text, s, e, " \t\n,;:—–-.")
        if any(f.start < e and s < f.end for f in taken):
            continue
        f = FoundQuote(
            start=s, end=e, kind="indirect", para=para, evidence=token_offsets(p0, head.sent)
        )
        set_attribution(ctx, f, para, head, None)
        f.cue = token_offsets(p0, [tok])
        f.cue_text = "according to"
        out.append(f)
    return out


def _sentences(ctx: QuoteContext, para: int, s: int, e: int, cue: int) -> tuple[int, int]:
    """The sentences of the paragraph from the content ``s:e`` to the cue at ``cue``."""
    lo, hi = min(s, cue), max(e, cue)
    held = [x for x in ctx.sentences[para] if x.end > lo and x.start <= hi]
    return (min(x.start for x in held), max(x.end for x in held)) if held else (s, e)


def _drop_nested(found: list[FoundQuote]) -> list[FoundQuote]:
    """A cue inside another attribution's content is part of that content (PolNeAR is univocal:
    each token belongs to one attribution), so only the outer attribution is kept."""
    keep = []
    for f in found:
        nested = any(
            g is not f
            and g.start <= f.start
            and f.end <= g.end
            and f.cue is not None
            and g.start <= f.cue[0] < g.end
            for g in found
        )
        if not nested:
            keep.append(f)
    return keep
