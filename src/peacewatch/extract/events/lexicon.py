"""Typed access to the event coder's lexicons: lexicons/plover.json (PLOVER triggers),
lexicons/plover_actors.json (actor countries and sectors) and lexicons/event_words.json (the
words the coder's rules read beside the triggers).

The lexicons are data with their sources; this module only indexes them for the event coder,
once, into an immutable ``EventLexicon`` (frozensets, tuples and read-only mappings).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import TypedDict, TypeVar

from spacy.tokens import Token

from peacewatch.lexicons import load_json
from peacewatch.parse import countries
from peacewatch.parse.countries import CountryIndex

# A JSON code entry: [PLOVER type, mode or null, context or null].
CodeJson = list[str | None]
_V = TypeVar("_V")


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger word codes: PLOVER type, mode and context (None where the word is silent)."""

    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True, slots=True)
class TypeCodes:
    """The CAMEO root and ACLED event type of a PLOVER type or ASSAULT mode (None: no ACLED)."""

    cameo: str | None
    acled: str | None


def _code(entry: CodeJson) -> Code:
    return Code(str(entry[0]), entry[1], entry[2])


class _TypeCodesJson(TypedDict):
    cameo: str | None
    acled: str | None


class _WordsJson(TypedDict):
    words: list[str]


class _TypesJson(TypedDict):
    types: list[str]


class _EventWordsJson(TypedDict):
    """lexicons/event_words.json."""

    reporting_verbs: _WordsJson
    noun_host_verbs: _WordsJson
    container_nouns: _WordsJson
    gratitude_verbs: _WordsJson
    participation_verbs: _WordsJson
    person_object_verbs: dict[str, dict[str, CodeJson]]
    named_party_verbs: dict[str, dict[str, CodeJson]]
    not_met_nouns: _WordsJson
    topic_verbs: _WordsJson
    occasion_nouns: _WordsJson
    other_round_words: _WordsJson
    magnitude_words: dict[str, dict[str, str]]
    number_words: dict[str, dict[str, int]]
    demand_auxiliaries: _WordsJson
    demand_governors: _WordsJson
    attempt_verbs: _WordsJson
    announced_types: _TypesJson
    material_types: _TypesJson
    lone_place_types: _TypesJson
    refusable_types: _TypesJson
    hostile_intent_types: _TypesJson
    disapproval_words: _WordsJson
    declaring_nouns: dict[str, dict[str, str]]
    organ_nouns: _WordsJson


@dataclass(frozen=True, slots=True)
class EventWords:
    """The rule words of lexicons/event_words.json (see the ``_why`` of each list there)."""

    reporting: frozenset[str]
    noun_hosts: frozenset[str]
    containers: frozenset[str]
    gratitude: frozenset[str]
    participation: frozenset[str]
    person_object: Mapping[str, Code]
    named_party: Mapping[str, Code]
    not_met: frozenset[str]
    topic_verbs: frozenset[str]
    occasion_nouns: frozenset[str]
    other_round: frozenset[str]
    magnitude: Mapping[str, str]  # lemma -> kind of casualty count
    number_words: Mapping[str, int]
    demand_auxiliaries: frozenset[str]
    demand_governors: frozenset[str]
    attempt_verbs: frozenset[str]
    announced_types: frozenset[str]
    material_types: frozenset[str]
    lone_place_types: frozenset[str]
    refusable_types: frozenset[str]
    hostile_intent_types: frozenset[str]
    disapproval: frozenset[str]
    declaring: Mapping[str, str]  # noun -> verb: 'declaration' -> 'declare'
    organs: frozenset[str]


@dataclass(frozen=True)
class EventLexicon:
    verbs: Mapping[str, Code]
    phrasal: Mapping[str, Code]
    nouns: Mapping[str, Code]
    noun_phrasal: Mapping[str, Code]
    intent: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    noun_modifiers: Mapping[str, tuple[str, str]]
    light_verbs: frozenset[str]
    not_events: frozenset[str]
    modality: Mapping[str, frozenset[str]]
    absorbing: frozenset[str]
    yielding: frozenset[str]
    types: Mapping[str, TypeCodes]
    assault_modes: Mapping[str, TypeCodes]
    # country words -> ISO code; the longest match wins ("united states" over "states")
    countries: CountryIndex
    sectors: Mapping[str, str]
    # broader words for the act between a known source and target (events/pair.py); ZSP roots
    pair_words: Mapping[str, str]
    # word form -> lemma where spaCy's lemmatizer is wrong for a trigger ("staged" -> "stag")
    lemma_fixes: Mapping[str, str]
    words: EventWords

    def lemma(self, tok: Token) -> str:
        """Lower-case lemma of a spaCy token, with the known lemmatizer errors fixed."""
        return self.lemma_fixes.get(tok.lower_) or str(tok.lemma_).lower()

    def country_of(self, text: str) -> str | None:
        """ISO code named by a country word, demonym or seat of government in ``text``."""
        return self.countries.in_text(text)

    def plover_root(self, type_: str, modality: str) -> str:
        """The PLOVER root of an act as the text presents it: a cooperative act that is only
        intended is an AGREE, a hostile one a THREATEN (PLOVER manual, AGREE and THREATEN)."""
        if modality in self.intent and type_ in self.cooperative:
            return "AGREE"
        if modality in self.intent and type_ in self.hostile:
            return "THREATEN"
        return type_

    def cameo(self, type_: str, mode: str | None) -> str | None:
        if type_ == "ASSAULT" and mode is not None and mode in self.assault_modes:
            return str(self.assault_modes[mode].cameo)
        codes = self.types.get(type_)
        root = codes.cameo if codes is not None else None
        return str(root) if root else None

    def acled(self, type_: str, mode: str | None) -> str | None:
        if type_ == "ASSAULT" and mode is not None and mode in self.assault_modes:
            val = self.assault_modes[mode].acled
            return str(val) if val else None
        codes = self.types.get(type_)
        val = codes.acled if codes is not None else None
        return str(val) if val else None


def _type_codes(entry: _TypeCodesJson) -> TypeCodes:
    return TypeCodes(entry["cameo"], entry["acled"])


def _event_words(data: _EventWordsJson) -> EventWords:
    return EventWords(
        reporting=frozenset(data["reporting_verbs"]["words"]),
        noun_hosts=frozenset(data["noun_host_verbs"]["words"]),
        containers=frozenset(data["container_nouns"]["words"]),
        gratitude=frozenset(data["gratitude_verbs"]["words"]),
        participation=frozenset(data["participation_verbs"]["words"]),
        person_object=MappingProxyType(
            {k: _code(v) for k, v in data["person_object_verbs"]["verbs"].items()}
        ),
        named_party=MappingProxyType(
            {k: _code(v) for k, v in data["named_party_verbs"]["verbs"].items()}
        ),
        not_met=frozenset(data["not_met_nouns"]["words"]),
        topic_verbs=frozenset(data["topic_verbs"]["words"]),
        occasion_nouns=frozenset(data["occasion_nouns"]["words"]),
        other_round=frozenset(data["other_round_words"]["words"]),
        magnitude=MappingProxyType(dict(data["magnitude_words"]["words"])),
        number_words=MappingProxyType(dict(data["number_words"]["words"])),
        demand_auxiliaries=frozenset(data["demand_auxiliaries"]["words"]),
        demand_governors=frozenset(data["demand_governors"]["words"]),
        attempt_verbs=frozenset(data["attempt_verbs"]["words"]),
        announced_types=frozenset(data["announced_types"]["types"]),
        material_types=frozenset(data["material_types"]["types"]),
        lone_place_types=frozenset(data["lone_place_types"]["types"]),
        refusable_types=frozenset(data["refusable_types"]["types"]),
        hostile_intent_types=frozenset(data["hostile_intent_types"]["types"]),
        disapproval=frozenset(data["disapproval_words"]["words"]),
        declaring=MappingProxyType(dict(data["declaring_nouns"]["words"])),
        organs=frozenset(data["organ_nouns"]["words"]),
    )


def _entries(table: dict[str, _V]) -> dict[str, _V]:
    """A JSON table without its ``_why``-style comment keys."""
    return {k: v for k, v in table.items() if not k.startswith("_")}


@cache
def lexicon() -> EventLexicon:
    lex = load_json("plover.json")
    act = load_json("plover_actors.json")
    sectors = {w: sector for sector, words in act["sectors"].items() for w in words}
    ro = MappingProxyType
    return EventLexicon(
        verbs=ro({k: _code(v) for k, v in lex["verbs"].items()}),
        phrasal=ro({k: _code(v) for k, v in _entries(lex["phrasal"]).items()}),
        nouns=ro({k: _code(v) for k, v in lex["nouns"].items()}),
        noun_phrasal=ro({k: _code(v) for k, v in _entries(lex["noun_phrasal"]).items()}),
        intent=frozenset(lex["root_from_modality"]["intent"]),
        cooperative=frozenset(lex["root_from_modality"]["cooperative"]),
        hostile=frozenset(lex["root_from_modality"]["hostile"]),
        noun_modifiers=ro({k: (v[0], v[1]) for k, v in _entries(lex["noun_modifiers"]).items()}),
        light_verbs=frozenset(lex["light_verbs"]),
        not_events=frozenset(lex["not_events"]["words"]),
        modality=ro({k: frozenset(v) for k, v in _entries(lex["modality"]).items()}),
        absorbing=frozenset(lex["absorbing"]),
        yielding=frozenset(lex["yielding_types"]),
        types=ro({k: _type_codes(v) for k, v in lex["types"].items()}),
        assault_modes=ro({k: _type_codes(v) for k, v in _entries(lex["assault_modes"]).items()}),
        countries=countries.for_events(),
        sectors=ro(sectors),
        pair_words=ro({k: str(v) for k, v in _entries(lex["pair_words"]).items()}),
        lemma_fixes=ro({k: str(v) for k, v in _entries(lex["lemma_fixes"]).items()}),
        words=_event_words(load_json("event_words.json")),
    )
