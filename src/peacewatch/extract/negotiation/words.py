"""The word lists of the negotiation stage, from lexicons/negotiation_words.json, loaded once.

The ``_why`` of each list is in the JSON file; this module only types them as immutable
objects: frozensets of words, tuples where the order matters, read-only mappings, and
compiled regular expressions (case-insensitive) for the lists of patterns. The few
closed-class word sets (pronouns, prepositions, modals) are grammar, not vocabulary, and stay
in code at the end of this module, as in the other stages (docs/DECISIONS.md).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, TypedDict

from peacewatch.lexicons import load_json

_FILE = "negotiation_words.json"


class _Entry(TypedDict, total=False):
    _why: str
    words: list[str]
    patterns: list[str]
    map: dict[str, str | int | list[str]]


# "about" is the file's note; every other key is one list.
_DATA: Final[dict[str, _Entry]] = load_json(_FILE)


def _entry(key: str) -> _Entry:
    try:
        return _DATA[key]
    except KeyError:
        raise KeyError(
            f"lexicons/{_FILE} has no list {key!r}: add it (see extract/negotiation/words.py)"
        ) from None


def _list(key: str) -> list[str]:
    return list(_entry(key).get("words", []))


def _set(key: str) -> frozenset[str]:
    return frozenset(_list(key))


def _map(key: str) -> dict[str, str | int | list[str]]:
    return dict(_entry(key).get("map", {}))


def _strs(key: str) -> Mapping[str, str]:
    m = _map(key)
    bad = [k for k, v in m.items() if not isinstance(v, str)]
    if bad:
        raise ValueError(f"lexicons/{_FILE}: {key}.map values must be strings, not {bad}")
    return MappingProxyType({k: str(v) for k, v in m.items()})


def _ints(key: str) -> Mapping[str, int]:
    out = {k: v for k, v in _map(key).items() if isinstance(v, int)}
    if len(out) != len(_map(key)):
        raise ValueError(f"lexicons/{_FILE}: {key}.map values must be whole numbers")
    return MappingProxyType(out)


def _lists(key: str) -> Mapping[str, tuple[str, ...]]:
    out = {k: tuple(v) for k, v in _map(key).items() if isinstance(v, list)}
    if len(out) != len(_map(key)):
        raise ValueError(f"lexicons/{_FILE}: {key}.map values must be lists of words")
    return MappingProxyType(out)


def _words_rx(key: str, prefix: str = r"\b") -> re.Pattern[str]:
    """The patterns as one case-insensitive alternation: ``\\b(a|b)\\b``."""
    return re.compile(prefix + "(" + "|".join(_entry(key).get("patterns", [])) + r")\b", re.I)


# Rounds (rounds.py)
TALK_NOUNS: Final = _set("talk_nouns")
MEET_VERBS: Final = _set("meet_verbs")
OBJECT_VERBS: Final = _set("object_verbs")
MEETING_NOUNS: Final = _set("meeting_nouns")
TABLE_NOUNS: Final = _set("table_nouns")
AREA_NOUNS: Final = _set("area_nouns")
VENUE_HEADS: Final = _set("venue_heads")
ORDINALS: Final = _ints("ordinals")
SIDE_WORDS: Final = _words_rx("side_words")
NOT_ROUNDS: Final = _words_rx("not_rounds")
VIDEO: Final = _words_rx("video")
IN_PERSON: Final = _words_rx("in_person")
PLANNED: Final = _words_rx("planned")
LEVEL_WORDS: Final = _lists("level_words")

# Denials (round_when.py, denials.py, positions.py)
DENY_DIRECT: Final = _set("deny_direct")
DENY_REPORTS: Final = DENY_DIRECT | _set("deny_via_report")
REPORT_NOUNS: Final = _set("report_nouns")
HELD_LEMMAS: Final = _set("held_lemmas")
NEGATED_HELD_VERBS: Final = _set("negated_held_verbs")
HELD_CLAUSE_VERBS: Final = _set("held_clause_verbs")
REPORT_DENIERS: Final = _set("report_deniers")

# Issues and stances (positions.py, cues.py)
MEETING_LEMMAS: Final = _set("meeting_lemmas")
RECEIVING: Final = tuple(_list("receiving"))
LIST_VERBS: Final = _set("list_verbs")
INVERSE: Final = _strs("inverse")

# Who a phrase stands for (context.py, speakers.py)
LEADER_TITLES: Final = _set("leader_titles")
OWN_TITLES: Final = _set("own_titles")
FALLBACK_SPEECH: Final = tuple(_list("fallback_speech_verbs"))

# Agreements (agreements.py)
AGREEMENT_NOUNS: Final = _strs("agreement_nouns")
SETTLEMENT: Final = _set("settlement")
SPECIFIC: Final = _ints("specific")
STAGES: Final = tuple(_list("stages"))
STAGE_LEMMAS: Final = _strs("stage_lemmas")
PROC_VERBS: Final = _set("procedure_verbs")
SEQUENCE: Final = _words_rx("sequence")
CONTINUES: Final = _words_rx("continues", prefix=r"^\W*")
PROCEDURE_IN_PERSON: Final = _words_rx("procedure_in_person")
PAX_STAGE: Final = _strs("pax_stage")
CEASEFIRE_MODIFIERS: Final = _set("ceasefire_modifiers")
TREATY_MODIFIERS: Final = tuple(_list("treaty_modifiers"))
PROPOSAL_WORDS: Final = _set("proposal_words")
PROMISE_VERBS: Final = _set("promise_verbs")  # commitments.py


# Closed-class grammar, not vocabulary: stays in code.
# "he"/"she" stand for the sentence's speaker.
THIRD_PERSON: Final = frozenset({"he", "she", "him", "her"})
# An unattributed "we" in a government's own release is that government.
FIRST_PERSON: Final = frozenset({"we", "our", "us", "i", "my"})
# Words that stand for the denier in its own denied clause ("Kyiv denied that it had ...").
DENIER_PRONOUNS: Final = frozenset({"it", "we", "they", "he", "she", "i"})
# "These include X, Y and Z": subjects that point back to the sentence before.
DEMONSTRATIVES: Final = frozenset({"these", "those", "they"})
# Prepositions that attach a noun to the side it belongs to ("the President of Ukraine").
OWN_PREPS: Final = frozenset({"of", "from"})
# Prepositions that place a round ("talks in X").
LOCATIVE: Final = frozenset({"in", "at", "near", "on"})
# An obligation: "X must be resolved through diplomacy" is a demand of the speaker's.
MODALS: Final = frozenset({"must", "should", "ought"})


# Stance nouns that name a holder's attitude only when the holder is found: "the need for X",
# "the importance of X", "support for X", "appreciation" (stances.json, sixth session). With
# no party resolved ("consultations on the need to X", "the G7 countries affirmed their
# support") the clause is talk about the stance, not a party's position: 4 positions without a
# party on official-2022 came from them, and none of the dev stances of peace-processes-state.
HOLDER_NOUNS = frozenset({"need", "importance", "support", "appreciation", "welcome", "call"})
