"""The one syntax layer: sentences, token spans as body offsets, subjects, surnames.

Every extract stage reads the parse through these helpers, typed with spaCy's own
``spacy.tokens`` classes, so a rule written for quotes and one written for the negotiation
find the same subject, the same sentence and the same surname. A paragraph is parsed on its
own (``parse.nlp.parse_many``): a token's ``idx`` is an offset into its paragraph, and
``offset`` (the paragraph's start in ``body.text``) turns it into a body offset.

Add a helper here when a second stage needs it; never keep a private copy in a stage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from peacewatch.evidence import span
from peacewatch.records import Document, Evidence

# Dependency labels of a clause's subject (spaCy's English scheme, ClearNLP labels).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Links through which a verb without a subject inherits its head's ("agreed to meet",
# "met and agreed"): xcomp, conj, acomp, advcl, oprd. Six hops cover every chain seen in
# official-2022; deeper chains were parse errors.
_INHERIT_DEPS = frozenset({"xcomp", "conj", "acomp", "advcl", "oprd"})
_INHERIT_HOPS = 6


@dataclass(frozen=True, slots=True)
class Sentence:
    """One parsed sentence and where its text sits in ``body.text``."""

    sent: Span
    para: int  # index of its paragraph in ``body.paragraphs``
    offset: int  # body offset of the paragraph: ``token.idx + offset`` is a body offset

    @property
    def start(self) -> int:
        return self.sent.start_char + self.offset

    @property
    def end(self) -> int:
        return self.sent.end_char + self.offset


def sentences(doc: Document) -> Iterator[Sentence]:
    """Every sentence of every paragraph, in body order."""
    for i, (par, parsed) in enumerate(zip(doc.body.paragraphs, doc.parses, strict=False)):
        for s in parsed.sents:
            yield Sentence(s, i, par.start)


def sentence_ents(sent: Span) -> list[Span]:
    """``sent.ents`` read from the sentence's own tokens.

    spaCy's ``Span.ents`` builds every entity of the whole doc and filters them, so a stage
    that asks per sentence pays sentences x entities; official releases are often one long
    paragraph (benchmarks/process_cost.py, BENCHMARKS.md). Same result: the entities wholly
    inside the sentence, built as ``Doc.ents`` builds them (label, kb id, span id).
    """
    doc, out = sent.doc, []
    start, label, kb, sid = -1, 0, 0, 0
    for t in sent:
        if t.ent_iob == 1:  # I: inside; one begun before the sentence stays out
            continue
        if start != -1:
            out.append(Span(doc, start, t.i, label=label, kb_id=kb, span_id=sid))
        start = -1
        if t.ent_iob == 3 and t.ent_type != 0:  # B with a label
            start, label, kb, sid = t.i, t.ent_type, t.ent_kb_id, t.ent_id
    end = sent.end
    if start != -1 and (end >= len(doc) or doc[end].ent_iob != 1):
        out.append(Span(doc, start, end, label=label, kb_id=kb, span_id=sid))
    return out


def token_offsets(offset: int, tokens: Iterable[Token]) -> tuple[int, int]:
    """Body offsets from the first to the last of ``tokens`` (of one paragraph)."""
    toks = list(tokens)
    return (
        offset + min(t.idx for t in toks),
        offset + max(t.idx + len(t.text) for t in toks),
    )


def token_evidence(doc: Document, offset: int, tokens: Iterable[Token]) -> Evidence:
    """Evidence covering ``tokens``, contiguous from the first to the last."""
    start, end = token_offsets(offset, tokens)
    return span(doc.body.text, start, end)


def sentence_evidence(doc: Document, s: Sentence) -> Evidence:
    """The sentence's span without its trailing whitespace."""
    text = doc.body.text
    start, end = s.start, s.end
    while end > start and text[end - 1].isspace():
        end -= 1
    return span(text, start, end)


def surname(name: str) -> str:
    """The last word of a name, lower-cased: how a later mention refers to a person."""
    parts = re.findall(r"[\w'-]+", name)
    return parts[-1].lower() if parts else name.lower()


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through xcomp/conj/aux chains when it has none."""
    v = verb
    for _ in range(_INHERIT_HOPS):
        for c in v.children:
            if c.dep_ in SUBJECT_DEPS:
                return c
        # "Ukraine cannot or does not want to recognise X": with coordinated auxiliaries
        # spaCy hangs the subject on the first auxiliary, not on the verb (official-2022).
        for a in v.children:
            if a.dep_ == "aux" and a.i < v.i:
                subj = next((c for c in a.children if c.dep_ in SUBJECT_DEPS), None)
                if subj is not None:
                    return subj
        if v.dep_ in _INHERIT_DEPS and v.head.i != v.i:
            v = v.head
            continue
        return None
    return None


def path_up(t: Token, top: Token) -> list[Token]:
    """Tokens from ``t`` up the tree to (not including) ``top``."""
    out = []
    while t.i != top.i and t.head.i != t.i:
        out.append(t)
        t = t.head
    return out


# Negative words that negate the word they attach to: "no talks", "never met". spaCy's English
# models give "not"/"n't" the ``neg`` label but attach "no" as ``det`` and "never" as ``neg`` or
# ``advmod`` depending on the model, so the words are checked as well as the label.
NEGATIVE_WORDS = frozenset({"never", "no"})


def negated(tok: Token, words: frozenset[str] = NEGATIVE_WORDS) -> bool:
    """Whether ``tok`` is negated: a ``neg`` child ("did not meet") or a negative word among
    its children ("no talks"). Stages that count fewer words pass their own ``words``.
    "No matter how many talks were held" negates nothing: spaCy gives "No" the ``neg`` label
    on "matter", whose clause then looked negated (official-2022)."""
    if tok.lower_ == "matter":
        return False
    return any(c.dep_ == "neg" or c.lower_ in words for c in tok.children)
