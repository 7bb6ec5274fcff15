"""spaCy's rule lemmatizer, answered from a table of the lemmas it already gave (issue 19).

md's ``lemmatizer`` took 0.95 s of the 11 s spaCy spent on 64 official releases (one core),
about 20 microseconds a token: every token is visited as a Python ``Token``, and the English
rules return early, uncached, for every base form ("noun, singular"), so most tokens go
through the rule code again each time they occur. A rule lemma depends on the word, its
part of speech and its morphology only (``Lemmatizer.rule_lemmatize`` and
``EnglishLemmatizer.is_base_form`` read nothing else), so this component reads those three as
one array per Doc, looks each triple up, asks spaCy's own lemmatizer only for a triple it has
not seen, and writes the lemmas back as one array. The lemmas are spaCy's, computed by spaCy's
code: on official-2022 and peace-processes-state every token's lemma is the same, and the
component takes 0.05-0.07 s where the lemmatizer took 0.77-0.82 s (64 releases, CPU time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc
    from thinc.types import Ints2d

NAME = "peacewatch_lemmas"
# Distinct (word, POS, morphology) triples kept: 64 releases (40,000 words) give 5,700, so
# this holds thousands of articles' worth and bounds memory (~200 bytes an entry) on long runs.
MAX_KNOWN = 500_000


class CachedLemmas:
    def __init__(self, rules: Lemmatizer) -> None:
        self.rules = rules
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not self.rules._validated:  # spaCy's own first call checks its lookup tables
            return self.rules(doc)
        cols = doc.to_array([ORTH, POS, MORPH, LEMMA])
        # One column, written back as it is (cast: numpy's stubs lose thinc's array type).
        lemmas = cast("Ints2d", cols[:, 3:4].copy())
        add = doc.vocab.strings.add
        known = self.known
        if len(known) > MAX_KNOWN:
            known.clear()
        overwrite = self.rules.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(cols.tolist()):
            if lemma and not overwrite:  # set before (md's attribute ruler sets a few)
                continue
            key = (orth, pos, morph)
            got = known.get(key)
            if got is None:
                got = known[key] = add(self.rules.lemmatize(doc[i])[0])
            lemmas[i, 0] = got
        doc.from_array([LEMMA], lemmas)
        return doc


def use_cached_lemmas(nlp: Language) -> None:
    """Put ``CachedLemmas`` in the place of a rule lemmatizer; other modes are left alone."""
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer

    if "lemmatizer" not in nlp.pipe_names:
        return
    rules = nlp.get_pipe("lemmatizer")
    if not isinstance(rules, Lemmatizer) or rules.mode != "rule":
        return
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=lambda nlp, name: CachedLemmas(nlp.get_pipe("lemmatizer")))
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
