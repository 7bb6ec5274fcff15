"""serialize.from_json reads back what to_json wrote, and says what is wrong with anything else."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Document, RawInput
from peacewatch.serialize import FormatError, from_json, to_json, validate


@pytest.fixture(scope="module")
def analysed(nlp: Language, fixtures: Path) -> Document:
    text = (fixtures / "talks-sample.txt").read_text(encoding="utf-8")
    raw = RawInput(id="talks", source="talks-sample.txt", data=text, content_type="text")
    return analyze(raw, published="2022-03-29", nlp=nlp)


def test_round_trip_of_an_analysed_document(analysed: Document) -> None:
    # The sample must exercise the records the builder rebuilds, or the round trip proves little.
    assert analysed.entities and analysed.quotes and analysed.events and analysed.places
    data = json.loads(json.dumps(to_json(analysed)))
    back = from_json(data)
    assert back == replace(analysed, parses=())
    assert to_json(back) == data
    check_offsets(back)
    validate(to_json(back))


def _data(doc: Document) -> dict[str, Any]:
    return copy.deepcopy(json.loads(json.dumps(to_json(doc))))


def test_missing_section_names_it(analysed: Document) -> None:
    data = _data(analysed)
    del data["body"]
    with pytest.raises(FormatError) as err:
        from_json(data)
    assert "body" in str(err.value) and "analyse" in err.value.fix


def test_value_outside_a_vocabulary_names_the_field(analysed: Document) -> None:
    data = _data(analysed)
    data["events"][0]["modality"] = "probably"
    with pytest.raises(FormatError) as err:
        from_json(data)
    assert err.value.where == "events[0].modality" and "'probably'" in err.value.cause


def test_wrong_shapes_and_versions_are_format_errors(analysed: Document) -> None:
    bad_pair = _data(analysed)
    bad_pair["body"]["paragraphs"][0] = [0]
    newer = _data(analysed) | {"schema_version": "9.9"}
    no_id = _data(analysed)
    del no_id["document"]["id"]
    cases = [(bad_pair, "body.paragraphs[0]"), (newer, "schema_version"), (no_id, "document")]
    for data, where in cases:
        with pytest.raises(FormatError) as err:
            from_json(data)
        assert err.value.where == where
    with pytest.raises(FormatError):
        from_json([])  # type: ignore[arg-type]


def test_fields_missing_from_older_json_take_their_defaults(analysed: Document) -> None:
    data = _data(analysed)
    for e in data["events"]:
        del e["magnitude"]
    back = from_json(data)
    assert all(e.magnitude == () for e in back.events)
    assert len(back.events) == len(analysed.events)
