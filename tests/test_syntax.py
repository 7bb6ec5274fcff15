"""The one syntax layer (parse/syntax.py) and the one country index (parse/countries.py)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.clean import clean
from peacewatch.parse import countries, syntax
from peacewatch.parse.nlp import parse
from peacewatch.records import Document, RawInput


def _doc(nlp: Language, text: str) -> Document:
    raw = RawInput(id="t", source="t.txt", data=text, content_type="text", published="2022-03-29")
    return parse(clean(raw), nlp)


def test_sentences_carry_body_offsets(nlp: Language) -> None:
    doc = _doc(nlp, "First paragraph here.\n\nThe talks began. Both sides met in Istanbul.")
    sents = list(syntax.sentences(doc))
    assert [doc.body.text[s.start : s.end].strip() for s in sents] == [
        "First paragraph here.",
        "The talks began.",
        "Both sides met in Istanbul.",
    ]
    assert [s.para for s in sents] == [0, 1, 1]
    last = sents[-1]
    ev = syntax.sentence_evidence(doc, last)
    assert ev.text == "Both sides met in Istanbul." and doc.body.text[ev.start : ev.end] == ev.text
    istanbul = [t for t in last.sent if t.text == "Istanbul"]
    assert syntax.token_evidence(doc, last.offset, istanbul).text == "Istanbul"


def test_subject_is_inherited_through_xcomp(nlp: Language) -> None:
    doc = _doc(nlp, "Russia agreed to withdraw its troops.")
    sent = next(syntax.sentences(doc)).sent
    withdraw = next(t for t in sent if t.lemma_ == "withdraw")
    subj = syntax.subject_of(withdraw)
    assert subj is not None and subj.text == "Russia"


def test_negation_of_a_verb_and_of_a_noun(nlp: Language) -> None:
    doc = _doc(nlp, "Russia did not agree. There were no talks. Ukraine agreed.")
    sents = [s.sent for s in syntax.sentences(doc)]
    agree = [t for s in sents for t in s if t.lemma_ == "agree"]
    talks = next(t for s in sents for t in s if t.text == "talks")
    assert [syntax.negated(t) for t in agree] == [True, False]
    assert syntax.negated(talks)
    assert not syntax.negated(talks, words=frozenset())  # "no" counts only when asked


def test_surname() -> None:
    assert syntax.surname("Vladimir Putin") == "putin"
    assert syntax.surname("Vladimir Putin:") == "putin"
    assert syntax.surname("O'Brien") == "o'brien"


def test_one_country_index_two_word_sets() -> None:
    neg, ev = countries.for_negotiation(), countries.for_events()
    assert neg.of_word("Ukraine's") == "UA" and neg.of_word("U.S.") == "US"
    assert neg.of_word("us") is None  # the pronoun, not the country
    assert ev.in_text("the United States delegation") == "US"
    assert ev.in_text("blame us") is None and ev.in_text("US officials") == "US"
    assert countries.is_country_name("ukraine") and not countries.is_country_name("Kyiv")
    # The word sets differ where their sources do: capitals are in the negotiation's only.
    assert neg.of_word("Kyiv") == "UA"


def test_sentence_ents_equal_spacys_span_ents(nlp: Language) -> None:
    text = (
        "Vladimir Medinsky met Mikhail Podolyak in Istanbul on 29 March. "
        "The United Nations and Turkey welcomed the talks. Nothing else happened."
    )
    doc = _doc(nlp, text)
    sents = [s.sent for s in syntax.sentences(doc)]
    assert len(sents) == 3

    def key(ents: object) -> list[tuple[int, int, str, str]]:
        return [(e.start, e.end, e.label_, e.id_) for e in ents]  # type: ignore[attr-defined]

    assert all(key(syntax.sentence_ents(s)) == key(s.ents) for s in sents)
    assert [e.text for e in syntax.sentence_ents(sents[0])][:1] == ["Vladimir Medinsky"]
    assert syntax.sentence_ents(sents[2]) == []
    # An entity cut by a sentence boundary belongs to neither side, as in spaCy.
    span = sents[0].doc[sents[0].start + 1 : sents[0].end]  # starts inside "Vladimir Medinsky"
    assert key(syntax.sentence_ents(span)) == key(span.ents)
