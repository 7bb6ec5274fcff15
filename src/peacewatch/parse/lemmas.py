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

The table outlives the process (``table_path``, in the user cache beside the ruler's index):
a fresh process met ~3,700 new triples on 64 releases, 0.22 s of spaCy's rule code (0.26 s
cold against 0.04 s warm, CPU). It is keyed by the spaCy and model versions and this file, as
the lemmas it holds are a function of those; written at exit, read at load.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pickle
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, cast

from peacewatch.parse import cache_files

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc
    from thinc.types import Ints2d

NAME = "peacewatch_lemmas"
# Distinct (word, POS, morphology) triples kept: 64 releases (40,000 words) give 5,700, so
# this holds thousands of articles' worth and bounds memory (~200 bytes an entry) on long runs.
MAX_KNOWN = 500_000
# Triples kept across processes: 50,000 pickle to ~2 MB and read back in ~0.03 s, against
# 0.22 s to recompute the 3,700 a 64-release run meets (so a saved table must stay small).
MAX_SAVED = 50_000
Table = dict[tuple[int, int, int], str]


class CachedLemmas:
    def __init__(self, rules: Lemmatizer, saved: Table | None = None) -> None:
        self.rules = rules
        add = rules.vocab.strings.add
        # The lemma's hash is its string's (spaCy's StringStore hashes are stable), but the
        # string must be in this vocab for ``token.lemma_``.
        self.known: dict[tuple[int, int, int], int] = {k: add(v) for k, v in (saved or {}).items()}
        self.loaded = len(self.known)

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

    def table(self) -> Table:
        strings = self.rules.vocab.strings
        return {k: strings[v] for k, v in self.known.items()}


def table_path(nlp: Language) -> Path:
    from peacewatch.geo.gazetteer import cache_dir

    h = hashlib.blake2b(digest_size=16)
    h.update(Path(__file__).read_bytes())
    meta = nlp.meta
    h.update(f"{metadata.version('spacy')} {meta.get('name')} {meta.get('version')}".encode())
    return cache_dir() / f"lemmas-{h.hexdigest()}.pickle"


def read_table(path: Path) -> Table:
    """The saved table, or an empty one when it is missing, damaged or unreadable."""
    try:
        with path.open("rb") as fh:
            table = pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError):
        return {}
    cache_files.used(path)
    ok = isinstance(table, dict) and all(
        isinstance(k, tuple) and len(k) == 3 and all(type(x) is int for x in k) and type(v) is str
        for k, v in table.items()
    )
    return table if ok else {}


def save_table(lemmas: CachedLemmas, path: Path) -> None:
    """Write the table when this process added to it and it is small enough to read back
    cheaply; atomic, so a process reading meanwhile sees all or nothing. Triples another
    process saved meanwhile (workers of one run each save theirs) are kept."""
    if len(lemmas.known) == lemmas.loaded or len(lemmas.known) > MAX_SAVED:
        return
    table = lemmas.table()
    merged = read_table(path) | table
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        out = merged if len(merged) <= MAX_SAVED else table
        tmp.write_bytes(pickle.dumps(out, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)
        lemmas.loaded = len(lemmas.known)  # saved: the next call writes only after new ones
        cache_files.prune(path)  # tables of earlier spaCy, model or lemmas.py versions
    except OSError:
        pass


def save_now(nlp: Language) -> None:
    """Save the table of ``nlp`` now, not at exit: process-pool and Dask workers end without
    running ``atexit`` (scale.analyse_partition calls this after each partition)."""
    if NAME in nlp.pipe_names:
        lemmas = nlp.get_pipe(NAME)
        if isinstance(lemmas, CachedLemmas):
            save_table(lemmas, table_path(nlp))


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
        Language.factory(
            NAME,
            # The table of the pipeline being built (path from its own meta, not the first's).
            func=lambda nlp, name: CachedLemmas(
                nlp.get_pipe("lemmatizer"), read_table(table_path(nlp))
            ),
        )
    lemmas = nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    if isinstance(lemmas, CachedLemmas):
        atexit.register(save_table, lemmas, table_path(nlp))
