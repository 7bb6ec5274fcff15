"""Typed access to the PLOVER lexicons (lexicons/plover.json, lexicons/plover_actors.json).

The lexicons are data with their sources; this module only indexes them for the event coder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from peacewatch.lexicons import load_json


@dataclass(frozen=True, slots=True)
class Code:
    """What a trigger word codes: PLOVER type, mode and context (None where the word is silent)."""

    type: str
    mode: str | None
    context: str | None


def _code(entry: list[str | None]) -> Code:
    return Code(str(entry[0]), entry[1], entry[2])


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Code]
    phrasal: dict[str, Code]
    nouns: dict[str, Code]
    noun_phrasal: dict[str, Code]
    intent: frozenset[str]
    cooperative: frozenset[str]
    hostile: frozenset[str]
    noun_modifiers: dict[str, tuple[str, str]]
    light_verbs: frozenset[str]
    not_events: frozenset[str]
    modality: dict[str, frozenset[str]]
    absorbing: frozenset[str]
    yielding: frozenset[str]
    types: dict[str, dict[str, Any]]
    assault_modes: dict[str, dict[str, Any]]
    # country words, longest first so "united states" wins over "states"
    countries: tuple[tuple[str, str], ...]
    sectors: dict[str, str]

    def country_of(self, text: str) -> str | None:
        """ISO code named by a country word, demonym or seat of government in ``text``."""
        return _country_of(self.countries, text)

    def plover_root(self, type_: str, modality: str) -> str:
        """The PLOVER root of an act as the text presents it: a cooperative act that is only
        intended is an AGREE, a hostile one a THREATEN (PLOVER manual, AGREE and THREATEN)."""
        if modality in self.intent and type_ in self.cooperative:
            return "AGREE"
        if modality in self.intent and type_ in self.hostile:
            return "THREATEN"
        return type_

    def cameo(self, type_: str, mode: str | None) -> str | None:
        if type_ == "ASSAULT" and mode in self.assault_modes:
            return str(self.assault_modes[mode]["cameo"])
        root = self.types.get(type_, {}).get("cameo")
        return str(root) if root else None

    def acled(self, type_: str, mode: str | None) -> str | None:
        if type_ == "ASSAULT" and mode in self.assault_modes:
            val = self.assault_modes[mode]["acled"]
            return str(val) if val else None
        val = self.types.get(type_, {}).get("acled")
        return str(val) if val else None


@lru_cache(maxsize=8192)
def _country_of(countries: tuple[tuple[str, str], ...], text: str) -> str | None:
    # Cached: the coder asks about the same few words (every token of every actor phrase).
    low = " " + " ".join(text.lower().replace("’", "'").replace("'s", "").split()) + " "
    for word, code in countries:
        if f" {word} " in low:
            return code
    return None


@cache
def lexicon() -> Lexicon:
    lex = load_json("plover.json")
    act = load_json("plover_actors.json")
    countries: list[tuple[str, str]] = []
    for code, words in act["countries"].items():
        countries.extend((w, code) for w in words)
    countries.extend((w, c) for w, c in act["separatists"].items() if not w.startswith("_"))
    countries.sort(key=lambda wc: -len(wc[0]))
    sectors = {w: sector for sector, words in act["sectors"].items() for w in words}
    return Lexicon(
        verbs={k: _code(v) for k, v in lex["verbs"].items()},
        phrasal={k: _code(v) for k, v in lex["phrasal"].items() if not k.startswith("_")},
        nouns={k: _code(v) for k, v in lex["nouns"].items()},
        noun_phrasal={k: _code(v) for k, v in lex["noun_phrasal"].items() if not k.startswith("_")},
        intent=frozenset(lex["root_from_modality"]["intent"]),
        cooperative=frozenset(lex["root_from_modality"]["cooperative"]),
        hostile=frozenset(lex["root_from_modality"]["hostile"]),
        noun_modifiers={
            k: (v[0], v[1]) for k, v in lex["noun_modifiers"].items() if not k.startswith("_")
        },
        light_verbs=frozenset(lex["light_verbs"]),
        not_events=frozenset(lex["not_events"]["words"]),
        modality={k: frozenset(v) for k, v in lex["modality"].items() if not k.startswith("_")},
        absorbing=frozenset(lex["absorbing"]),
        yielding=frozenset(lex["yielding_types"]),
        types=lex["types"],
        assault_modes={k: v for k, v in lex["assault_modes"].items() if not k.startswith("_")},
        countries=tuple(countries),
        sectors=sectors,
    )
