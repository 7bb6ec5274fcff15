"""Typed access to the PLOVER lexicons (lexicons/plover.json, lexicons/plover_actors.json).

The lexicons are data with their sources; this module only indexes them for the event coder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from peacewatch.lexicons import country_names, load_json


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
    # country words -> ISO code; the longest match wins ("united states" over "states")
    countries: CountryIndex
    sectors: dict[str, str]
    # broader words for the act between a known source and target (events_pair.py); ZSP roots
    pair_words: dict[str, str]
    # word form -> lemma where spaCy's lemmatizer is wrong for a trigger ("staged" -> "stag")
    lemma_fixes: dict[str, str]

    def lemma(self, tok: Any) -> str:
        """Lower-case lemma of a spaCy token, with the known lemmatizer errors fixed."""
        return self.lemma_fixes.get(tok.lower_) or str(tok.lemma_).lower()

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


class CountryIndex:
    """Country words (lower case, one space between words) -> ISO code, looked up by n-gram.

    A dict rather than a scan of the list: with every country and demonym of countries.json the
    list has over a thousand entries, and the coder asks about every token of every actor phrase.
    Hashed by identity, so the lookups below can be cached per index.
    """

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words
        self.longest = max((w.count(" ") + 1 for w in words), default=1)


# Country words that are also common lower-case words: they count only as written in capitals
# ("US officials", not "blame us"; official-2022 speeches say "us" far more than "the US").
_CAPITALS_ONLY = frozenset(["us"])


@lru_cache(maxsize=16384)
def _country_of(countries: CountryIndex, text: str) -> str | None:
    cased = text.replace("’", "'").replace("'s", "").split()
    words = [w.lower() for w in cased]
    for n in range(min(countries.longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            code = countries.words.get(key)
            if code is not None and not (key in _CAPITALS_ONLY and not cased[i].isupper()):
                return code
    return None


def _country_words(act: dict[str, Any]) -> CountryIndex:
    """plover_actors.json first (hand-written: seats of government, "the kremlin", separatist
    entities), then the names, aliases and demonyms of lexicons/countries.json, so that "the
    Serbian leader" or "sanctions on Peru" carry a country too. Names that are also common words
    or first names (countries.json "no_pattern": Jordan, Chad, ...) are left out."""
    words: dict[str, str] = {}
    for code, ws in act["countries"].items():
        for w in ws:
            words.setdefault(w, code)
    for w, c in act["separatists"].items():
        if not w.startswith("_"):
            words.setdefault(w, c)
    table = load_json("countries.json")
    skip = {w.lower() for w in table["no_pattern"]}
    names = {name.lower(): iso for name, iso in country_names().items()}
    for iso, c in table["countries"].items():
        for form in c["demonyms"]:
            names.setdefault(form.lower(), iso)
    for name, iso in names.items():
        name = " ".join(name.removeprefix("the ").split())
        if name and name not in skip and "." not in name:
            words.setdefault(name, iso)
    return CountryIndex(words)


@cache
def lexicon() -> Lexicon:
    lex = load_json("plover.json")
    act = load_json("plover_actors.json")
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
        countries=_country_words(act),
        sectors=sectors,
        pair_words={k: str(v) for k, v in lex["pair_words"].items() if not k.startswith("_")},
        lemma_fixes={k: str(v) for k, v in lex["lemma_fixes"].items() if not k.startswith("_")},
    )
