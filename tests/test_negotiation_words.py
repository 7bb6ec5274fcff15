"""The negotiation word lists load from lexicons/negotiation_words.json as immutable objects."""

from __future__ import annotations

import re
from pathlib import Path

from peacewatch.extract.negotiation import words
from peacewatch.lexicons import load_json

WORDS_PY = Path(words.__file__).read_text(encoding="utf-8")


def test_every_list_has_a_reason_and_is_read() -> None:
    data = load_json("negotiation_words.json")
    lists = {k: v for k, v in data.items() if k != "about"}
    assert lists
    for key, entry in lists.items():
        assert entry.get("_why"), f"{key} says nothing about why it is there"
        kinds = [k for k in ("words", "patterns", "map") if entry.get(k)]
        assert len(kinds) == 1, f"{key} should hold one non-empty words, patterns or map"
        # A list nobody loads is dead data.
        assert f'"{key}"' in WORDS_PY, f"{key} is not loaded by extract/negotiation/words.py"


def test_lists_are_immutable_and_typed() -> None:
    assert isinstance(words.TALK_NOUNS, frozenset) and "talks" in words.TALK_NOUNS
    assert words.STAGES.index("signed") < words.STAGES.index("ratified")
    assert words.ORDINALS["second"] == 2
    assert words.LEVEL_WORDS["leaders"][0] == "president"
    assert words.DENY_DIRECT < words.DENY_REPORTS
    try:
        words.INVERSE["demands"] = "x"  # type: ignore[index]
    except TypeError:
        pass
    else:
        raise AssertionError("INVERSE should be read-only")


def test_patterns_match_whole_words_case_insensitively() -> None:
    assert words.VIDEO.search("talks by Video link")
    assert words.IN_PERSON.search("an in-person round")
    assert not words.NOT_ROUNDS.search("the callers")
    assert words.CONTINUES.search(" Then the parliaments ratify it")
    assert not words.CONTINUES.search("The parliaments then ratify it")
    assert isinstance(words.SEQUENCE, re.Pattern)
