"""The output contract: every document validates against the schema and all offsets hold."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from peacewatch.evidence import OffsetError, check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Body, Document, Mention, Metadata, Paragraph, RawInput
from peacewatch.serialize import to_json, validate
from peacewatch.sources.files import read_inputs

SAMPLES = Path(__file__).parent.parent / "samples" / "articles"


def _analyze_all(paths: list[str], nlp: Any) -> list[Document]:
    docs = []
    for item in read_inputs(paths):
        assert isinstance(item, RawInput), item
        docs.append(analyze(item, nlp=nlp))
    return docs


def test_fixture_and_samples_validate_and_offsets_hold(fixtures: Path, nlp: Any) -> None:
    docs = _analyze_all([str(fixtures / "talks-sample.txt"), str(SAMPLES)], nlp)
    assert len(docs) >= 6
    for doc in docs:
        data = to_json(doc)
        validate(data)
        json.dumps(data)
        assert check_offsets(doc) > len(doc.body.paragraphs)  # records were checked too
        text = data["body"]["text"]
        for e in data["entities"]:
            for s, t in e["mentions"]:
                assert text[s:t].strip() == text[s:t] and text[s:t]


def test_check_offsets_catches_a_wrong_span() -> None:
    from peacewatch.records import Entity

    body = Body(text="Kyiv said no.", paragraphs=(Paragraph(0, 13),))
    bad = Entity(id="E1", name="Kyiv", type="STATE", mentions=(Mention("Kyiv", 1, 5),))
    doc = Document(meta=Metadata(id="x"), body=body, entities=(bad,))
    with pytest.raises(OffsetError):
        check_offsets(doc)


def test_unknown_publication_date_is_said(nlp: Any) -> None:
    doc = analyze(RawInput(id="x", source="-", data="Talks resumed.", content_type="text"), nlp=nlp)
    assert doc.meta.published is None and doc.meta.published_source == "unknown"
    assert any("publication date unknown" in w for w in doc.warnings)
    dated = analyze(
        RawInput(id="x", source="-", data="Talks resumed.", content_type="text"),
        published="2022-03-29",
        nlp=nlp,
    )
    assert dated.meta.published == "2022-03-29" and dated.meta.published_source == "cli"
