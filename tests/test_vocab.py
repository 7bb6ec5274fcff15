"""The closed vocabularies (vocab.py) and the output contract's enums agree, value for value."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Any

import pytest

from peacewatch import records, vocab
from peacewatch.serialize import schema

# Where each vocabulary is an enum of the JSON schema. Every enum of the schema must be listed
# here (test_every_schema_enum_is_a_vocabulary), so a new one gets its Literal.
NEG = "/properties/negotiation/properties"
ENUMS: dict[str, tuple[str, ...]] = {
    "/$defs/precision": vocab.DATE_PRECISIONS,
    "/properties/document/properties/published_source": vocab.PUBLISHED_SOURCES,
    "/properties/removed/items/properties/kind": vocab.REMOVED_KINDS,
    "/properties/entities/items/properties/type": vocab.ENTITY_TYPES,
    "/properties/actors/items/properties/kind": vocab.ACTOR_KINDS,
    "/properties/places/items/properties/feature": vocab.PLACE_PRECISIONS,
    "/properties/quotes/items/properties/kind": vocab.QUOTE_KINDS,
    "/properties/events/items/properties/type": vocab.EVENT_TYPES,
    "/properties/events/items/properties/modality": vocab.MODALITIES,
    "/properties/events/items/properties/date_basis": vocab.DATE_BASES,
    f"{NEG}/participants/items/properties/role": vocab.NEGOTIATION_ROLES,
    f"{NEG}/rounds/items/properties/level": vocab.ROUND_LEVELS,
    f"{NEG}/rounds/items/properties/format": vocab.ROUND_FORMATS,
    f"{NEG}/rounds/items/properties/status": vocab.ROUND_STATUSES,
    f"{NEG}/issues/items/properties/positions/items/properties/stance": vocab.STANCES,
    f"{NEG}/issues/items/properties/positions/items/properties/status": vocab.POSITION_STATUSES,
    f"{NEG}/issues/items/properties/category": vocab.ISSUE_CATEGORIES,
    f"{NEG}/agreements/items/properties/stage": vocab.AGREEMENT_STAGES,
    f"{NEG}/agreements/items/properties/pax_stage": vocab.PAX_STAGES,
    f"{NEG}/agreements/items/properties/procedure/items/properties/level": vocab.ROUND_LEVELS,
}


def _enums(node: Any, path: str = "") -> Iterator[tuple[str, list[Any]]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield path, node["enum"]
        for k, v in node.items():
            yield from _enums(v, f"{path}/{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _enums(v, f"{path}[{i}]")


def _at(path: str) -> dict[str, Any]:
    node: Any = schema()
    for key in path.strip("/").split("/"):
        node = node[key]
    assert isinstance(node, dict)
    return node


@pytest.mark.parametrize("path", sorted(ENUMS))
def test_schema_enum_equals_the_literal(path: str) -> None:
    values = [x for x in _at(path)["enum"] if x is not None]
    assert values == list(ENUMS[path]), f"schema {path} and vocab.py differ"


def test_every_schema_enum_is_a_vocabulary() -> None:
    found = {path for path, _ in _enums(schema())}
    assert found == set(ENUMS)


def test_runtime_tuples_are_the_literals() -> None:
    for name in dir(vocab):
        value = getattr(vocab, name)
        if name.isupper() and isinstance(value, tuple):
            assert len(set(value)) == len(value) > 0, name


def _hint(cls: type, field: str) -> object:
    return typing.get_type_hints(cls, vars(records))[field]


@pytest.mark.parametrize(
    ("cls", "field", "literal"),
    [
        (records.Event, "modality", vocab.Modality),
        (records.Event, "type", vocab.EventType),
        (records.Round, "status", vocab.RoundStatus | None),
        (records.Round, "level", vocab.RoundLevel | None),
        (records.Position, "status", vocab.PositionStatus | None),
        (records.TimeExpression, "precision", vocab.DatePrecision),
        (records.Entity, "type", vocab.EntityType),
        (records.Place, "feature", vocab.PlacePrecision | None),
        (records.Quote, "kind", vocab.QuoteKind),
        (records.IssueRecord, "category", vocab.IssueCategory | None),
    ],
)
def test_records_are_typed_with_the_vocabularies(cls: type, field: str, literal: object) -> None:
    assert _hint(cls, field) == literal


def test_happened_and_not_happened_split_modalities() -> None:
    assert not vocab.HAPPENED & vocab.NOT_HAPPENED
    assert set(vocab.MODALITIES) >= vocab.HAPPENED | vocab.NOT_HAPPENED


def test_cli_claim_status_choices_are_the_vocabulary() -> None:
    from peacewatch.cli.store import ClaimStatus

    assert tuple(x.value for x in ClaimStatus) == vocab.CLAIM_STATUSES
