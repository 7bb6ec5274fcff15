"""Is the article English? peacewatch's models and lexicons are English only.

Russian and Ukrainian articles once ran through the English model labelled ``en``, giving junk
entities with no warning (issue 18). No language-identification package is installed (py3langid,
lingua, fastText would each be a new pinned dependency, and charset-normalizer's letter
frequencies ranked an English news sentence Norwegian), so this is a documented heuristic with
two checks that need no data files:

1. **Script.** When most letters are not Latin, the text is not English. Cyrillic is told apart
   by letters one language has and the other lacks: Ukrainian і ї є ґ, Russian ы э ъ ё.
   Other scripts are named by their Unicode script (``und-Arab``, ``und-Grek``, ...).
2. **English function words.** In Latin script, English news has a quarter or more of its words
   among a few dozen function words (the, of, and, said ...) that French, German, Spanish or
   Italian do not use as words; under 8 % (on at least 40 words) is not English (``und``,
   undetermined). Shorter texts are not judged: a pasted sentence is trusted.
"""

from __future__ import annotations

import re
import unicodedata

ENGLISH = "en"
SAMPLE = 20_000  # characters looked at: enough for any judgement, cheap on long articles
MIN_WORDS = 40
MIN_FUNCTION_SHARE = 0.08

# Words common in English and not words of the other Latin-script languages of the news
# (no "a", "in", "an", "die", "on": they are French, Italian, German words too).
_FUNCTION = frozenset(
    """the of and to that is was with for said are were has have this from by will not be it
    its which would their they he she but or at been had who after also""".split()  # noqa: SIM905
)
_WORD = re.compile(r"[^\W\d_]+")
_UKRAINIAN = frozenset("іїєґІЇЄҐ")
_RUSSIAN = frozenset("ыэъёЫЭЪЁ")
_SCRIPTS = {
    "CYRILLIC": "Cyrl",
    "ARABIC": "Arab",
    "GREEK": "Grek",
    "HEBREW": "Hebr",
    "GEORGIAN": "Geor",
    "ARMENIAN": "Armn",
    "DEVANAGARI": "Deva",
    "CJK": "Hani",
    "HIRAGANA": "Jpan",
    "KATAKANA": "Jpan",
    "HANGUL": "Hang",
}


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return "Latn" if first == "LATIN" else _SCRIPTS.get(first, "other")


def _cyrillic(text: str) -> str:
    uk = sum(1 for c in text if c in _UKRAINIAN)
    ru = sum(1 for c in text if c in _RUSSIAN)
    if uk > ru:
        return "uk"
    return "ru" if ru > uk else "und-Cyrl"


def detect(text: str) -> str:
    """``en``, ``ru``, ``uk``, ``und-<Script>`` or ``und`` (Latin script, not English)."""
    sample = text[:SAMPLE]
    counts: dict[str, int] = {}
    for c in sample:
        if c.isalpha():
            s = _script(c)
            counts[s] = counts.get(s, 0) + 1
    letters = sum(counts.values())
    if not letters:
        return ENGLISH
    top = max(counts, key=lambda k: counts[k])
    if top != "Latn" and counts[top] > letters / 2:
        return _cyrillic(sample) if top == "Cyrl" else f"und-{top}"
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) < MIN_WORDS:
        return ENGLISH
    share = sum(1 for w in words if w in _FUNCTION) / len(words)
    return ENGLISH if share >= MIN_FUNCTION_SHARE else "und"


_NAMES = {"ru": "Russian", "uk": "Ukrainian", "und": "not English"}


def warning(code: str) -> str:
    """The document warning for a language other than English."""
    what = _NAMES.get(code, f"not English (script {code.removeprefix('und-')})")
    return (
        f"language: the text looks {what} ({code}); peacewatch analyses English only, so its "
        "entities, quotes and events are unreliable: analyse an English version instead"
    )
