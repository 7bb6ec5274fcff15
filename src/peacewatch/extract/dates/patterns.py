"""Regular patterns for the temporal expressions of news text, each with its resolver.

``find(text)`` returns non-overlapping ``DateMatch``es for one paragraph: at each position the
longest expression wins ("Tuesday, March 29, 2022" over "Tuesday"). Month and weekday names must
be capitalised ("march", "may" are words); month names without a day or year also need a
preposition or modifier before them ("in March", "early March"), since a bare "May" is as often
the modal verb or a surname. What spaCy tags DATE/TIME and no pattern covers is handled in
``dates.stage``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from peacewatch.extract.dates.rules import (
    COUNT_RE,
    MONTH_FULL_RE,
    MONTH_RE,
    NO_BASE,
    NUMBER_WORDS,
    WEEKDAY_RE,
    WEEKDAYS,
    DateMatch,
    Resolution,
    Tense,
    coarse,
    date_words,
    day,
    month,
    month_number,
    resolve_absolute,
    resolve_month_name,
    resolve_weekday,
    shift_months,
)

DateResolver = Callable[[dt.date | None, Tense], Resolution | None]
DURATION = Resolution(None, "unknown", "duration")

_YEAR = r"(?P<year>(?:18|19|20)\d{2})(?!\d|[.,]\d)"
_PREP = r"(?i:in|since|until|till|by|before|after|during|from|through|into|around|between)"
_EDGE = r"(?i:(?:the\s+)?(?:end|beginning|start|middle|(?:first|second)\s+half)\s+of)"
# Adjectives that turn a weekday into a name ("Bloody Sunday", "Good Friday"), not a date.
_NAMED_DAY = re.compile(rf"(?:{'|'.join(date_words().named_day_adjectives)})\s+$")

# A pattern runs on a paragraph only when its trigger word is there: one cheap search instead of
# a regex attempt at every word boundary. It matters little on the one-paragraph kremlin.ru
# releases, more on news stories with many short paragraphs.
_TRIGGERS = {
    "month": re.compile(rf"(?:{MONTH_RE})(?!\w)"),
    "digits": re.compile(r"\d\d"),
    "weekday": re.compile(WEEKDAY_RE),
    "day-word": re.compile(
        r"(?i)yesterday|today|tonight|tomorrow|overnight|morning|afternoon"
        r"|evening|night"
    ),
    "unit": re.compile(r"(?i)day|week|month|year|decade|hour"),
    "ago": re.compile(r"(?i)\bago\b"),
}

_PATTERNS: list[tuple[str, str, re.Pattern[str]]] = [
    (
        "mdy",
        "month",
        re.compile(
            rf"\b(?P<t>(?:(?:{WEEKDAY_RE}),?\s+)?(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?!\d|:)(?:,?\s+{_YEAR})?)"
        ),
    ),
    (
        "dmy",
        "month",
        re.compile(
            rf"\b(?P<t>(?:(?:{WEEKDAY_RE}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<mon>{MONTH_RE})(?!\w)(?:,?\s+{_YEAR})?)"
        ),
    ),
    (
        "iso",
        "digits",
        re.compile(r"\b(?P<t>(?P<year>(?:19|20)\d{2})-(?P<mon>\d{2})-(?P<day>\d{2}))\b"),
    ),
    # 24.02.2022: day first, the form Ukrainian and Russian releases use.
    (
        "dotted",
        "digits",
        re.compile(r"\b(?P<t>(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>(?:19|20)\d{2}))\b"),
    ),
    (
        "month-year",
        "month",
        re.compile(rf"\b(?P<t>(?:(?i:early|mid|late)[\s-]+)?(?P<mon>{MONTH_RE}),?\s+{_YEAR})"),
    ),
    (
        "month-mod",
        "month",
        re.compile(
            rf"\b(?P<t>(?P<mod>(?i:early|mid|late|last|next|this|earlier\s+in|later\s+in))[\s-]+"
            rf"(?P<mon>{MONTH_FULL_RE}))\b(?!\s+\d)"
        ),
    ),
    (
        "month-prep",
        "month",
        re.compile(rf"\b(?:{_PREP}|{_EDGE})\s+(?P<t>(?P<mon>{MONTH_FULL_RE}))\b(?!\s+\d)"),
    ),
    (
        "year-prep",
        "digits",
        re.compile(
            rf"\b(?:{_PREP}|{_EDGE}|(?i:early|mid|late))[\s-]+(?:(?i:the\s+year)\s+)?(?P<t>{_YEAR})"
            r"(?!\s*[-–]\s*\d)"
        ),
    ),
    (
        "weekday",
        "weekday",
        re.compile(
            r"\b(?P<t>(?:(?P<mod>(?i:early|earlier|late|later|last|next|this\s+past|this\s+coming"
            rf"|this|coming|previous|past))\s+)?(?P<wd>{WEEKDAY_RE})"
            r"(?:\s+(?i:morning|afternoon|evening|night))?)(?!s\b)(?!\w)"
        ),
    ),
    (
        "relative-day",
        "day-word",
        re.compile(
            r"\b(?P<t>(?:(?P<mod>(?i:early|earlier|late|later))\s+)?(?P<word>(?i:"
            r"(?:the\s+)?day\s+before\s+yesterday|(?:the\s+)?day\s+after\s+tomorrow"
            r"|(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?"
            r"|today|tonight|overnight|this\s+(?:morning|afternoon|evening)|last\s+night)))\b"
        ),
    ),
    (
        "relative-unit",
        "unit",
        re.compile(
            r"\b(?P<t>(?:(?P<pos>(?i:early|earlier|late|later|mid))[\s-]+"
            rf"|(?P<edge>{_EDGE})\s+)?(?P<rel>(?i:this\s+past|this\s+coming|this|last|next|previous"
            r"|coming))\s+(?P<unit>(?i:week|weekend|month|year)))\b"
        ),
    ),
    ("weekend", "unit", re.compile(r"\b(?i:over|at|during)\s+(?P<t>(?i:the\s+weekend))\b")),
    (
        "ago",
        "ago",
        re.compile(
            rf"\b(?P<t>(?P<n>(?i:{COUNT_RE}))\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago))\b"
        ),
    ),
    # "for weeks", "in recent days", "over the past two months": spans, not points in time.
    (
        "duration",
        "unit",
        re.compile(
            r"\b(?i:for|over|in|during|within)\s+(?P<t>(?i:(?:(?:more\s+than|nearly|almost|about"
            r"|at\s+least|the\s+past|the\s+last|the\s+next|the\s+coming|recent)\s+)?"
            rf"(?:(?:\d+|{'|'.join(NUMBER_WORDS)}|several|many|a\s+few|a\s+couple\s+of)\s+)?"
            r"(?:days|weeks|months|years|decades|hours)))\b"
        ),
    ),
]


def find(text: str) -> list[DateMatch]:
    """Non-overlapping expressions in one paragraph, longest first at each position."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    triggered: dict[str, bool] = {}
    for name, trigger, pattern in _PATTERNS:
        if trigger not in triggered:
            triggered[trigger] = _TRIGGERS[trigger].search(text) is not None
        if not triggered[trigger]:
            continue
        for m in pattern.finditer(text):
            found.append((m.start("t"), m.end("t"), name, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateMatch] = []
    last_end = -1
    for start, end, name, m in found:
        if start < last_end:
            continue
        out.append(DateMatch(start, end, _resolver(name, m, text)))
        last_end = end
    return out


@dataclass(frozen=True, slots=True)
class _Hit:
    """One pattern match in its paragraph, as the resolvers below read it."""

    m: re.Match[str]
    text: str  # the paragraph

    @property
    def g(self) -> dict[str, str | None]:
        return self.m.groupdict()

    def group(self, name: str) -> str:
        """A group the pattern always fills (``mon``, ``day``, ``wd``, ``word``, ...)."""
        return self.m.group(name)

    def before(self) -> str:
        """The paragraph before the expression."""
        return self.text[: self.m.start("t")]


# One resolver per pattern kind: (hit, publication date, tense) -> resolution, or None to
# drop the expression.
_Resolve = Callable[[_Hit, dt.date | None, Tense], Resolution | None]


def _absolute(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    mon, year = month_number(h.group("mon")), h.g["year"]
    canonical = f"{dt.date(2000, mon, 1):%B} {int(h.group('day'))}" + (f", {year}" if year else "")
    return resolve_absolute(canonical, base, year is not None, tense)


def _numeric(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    try:
        return day(
            dt.date(int(h.group("year")), int(h.group("mon")), int(h.group("day"))), "absolute"
        )
    except ValueError:
        return None


def _month_year(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    return month(int(h.group("year")), month_number(h.group("mon")), "absolute")


def _month_name(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    if base is None:
        return NO_BASE
    mod = re.sub(r"\s+in$", "", (h.g.get("mod") or "").lower())
    return resolve_month_name(base, month_number(h.group("mon")), mod, tense)


def _year(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    return Resolution(h.group("year"), "year", "year")


def _weekday(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    if _NAMED_DAY.search(h.before()):
        return None
    if base is None:
        return NO_BASE
    mod = " ".join((h.g["mod"] or "").lower().split())
    return resolve_weekday(base, WEEKDAYS.index(h.group("wd")), mod, tense)


# Days from the publication date of "yesterday", "tomorrow" and "last night".
_DAY_OFFSETS = {"yesterday": -1, "tomorrow": 1, "last night": -1}


def _relative_day(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    word = " ".join(h.group("word").lower().split())
    # "USA Today", "Russia Today": a capitalised word mid-sentence after a name is a title.
    if h.group("t")[0].isupper() and re.search(r"[A-Z]\w*\s+$", h.before()):
        return None
    # "it will not happen overnight" means suddenly; only a past-tense verb dates it.
    if word == "overnight" and tense != "past":
        return None
    if base is None:
        return NO_BASE
    key = word.removeprefix("the ").split()[0] if "before" not in word else "before"
    if "before yesterday" in word:
        delta = -2
    elif "after tomorrow" in word:
        delta = 2
    else:
        delta = _DAY_OFFSETS.get(word, _DAY_OFFSETS.get(key, 0))
    return day(base + dt.timedelta(days=delta), "relative-day")


# Steps from the current week, month or year of "last week", "next month", ...
_UNIT_STEPS = {"last": -1, "previous": -1, "this past": -1, "next": 1, "coming": 1}


def _relative_unit(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    if re.search(r"(?i:\bthe)\s+$", h.before()):
        # "the last week", "the next month": a span ("over the last week") or a time
        # relative to the story, not to the publication date.
        return DURATION if h.group("rel").lower() in ("last", "past") else None
    if base is None:
        return NO_BASE
    rel = " ".join(h.group("rel").lower().split())
    step = _UNIT_STEPS.get(rel, 0)
    step = 1 if rel == "this coming" else step
    unit = h.group("unit").lower()
    if unit == "month":
        y, mo = shift_months(base.year, base.month, step)
        return month(y, mo, "relative-month")
    if unit == "year":
        return Resolution(f"{base.year + step:04d}", "year", "relative-year")
    if unit == "weekend":
        return _relative_weekend(base, step, tense)
    return _relative_week(base, step, (h.g["pos"] or "").lower())


def _relative_weekend(base: dt.date, step: int, tense: Tense) -> Resolution:
    """ "this weekend", "last weekend": Saturday and Sunday of the week ``step`` weeks away."""
    monday = base - dt.timedelta(days=base.weekday())
    saturday = monday + dt.timedelta(days=5)
    if step == 0 and base.weekday() < 5 and tense == "past":
        step = -1
    sat = saturday + dt.timedelta(days=7 * step)
    return coarse(sat, sat + dt.timedelta(days=1), "relative-week")


def _relative_week(base: dt.date, step: int, pos: str) -> Resolution:
    """ "last week", "early next week", "earlier this week": the part of that week meant."""
    monday = base - dt.timedelta(days=base.weekday())
    lo = monday + dt.timedelta(days=7 * step)
    hi = lo + dt.timedelta(days=6)
    if pos == "earlier" and step == 0:
        hi = base - dt.timedelta(days=1)
    elif pos == "later" and step == 0:
        lo = base + dt.timedelta(days=1)
    elif pos == "early":
        hi = lo + dt.timedelta(days=2)
    elif pos == "late":
        lo = lo + dt.timedelta(days=4)
    if hi < lo:
        return Resolution(None, "unknown", "relative-week")
    return coarse(lo, hi, "relative-week")


def _weekend(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    if base is None:
        return NO_BASE
    # The most recent weekend (this one, if the article is dated on it), or the coming
    # one when the verb is future.
    monday = base - dt.timedelta(days=base.weekday())
    sat = monday + dt.timedelta(days=5)
    if base.weekday() < 5 and tense != "future":
        sat -= dt.timedelta(days=7)
    return coarse(sat, sat + dt.timedelta(days=1), "relative-week")


def _ago(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    if base is None:
        return NO_BASE
    word = " ".join(h.group("n").lower().split())
    unit = h.group("unit").lower()
    # "a few", "several": a range of counts, resolved to the unit that contains them all.
    lo_n, hi_n = _count(word)
    if unit == "day":
        lo, hi = base - dt.timedelta(days=hi_n), base - dt.timedelta(days=lo_n)
        return coarse(lo, hi, "relative-day")
    if unit == "week":
        lo = base - dt.timedelta(days=7 * hi_n)
        hi = base - dt.timedelta(days=7 * lo_n)
        lo -= dt.timedelta(days=lo.weekday())
        hi += dt.timedelta(days=6 - hi.weekday())
        return coarse(lo, hi, "relative-week")
    if unit == "month":
        y1, m1 = shift_months(base.year, base.month, -hi_n)
        y2, m2 = shift_months(base.year, base.month, -lo_n)
        if (y1, m1) == (y2, m2):
            return month(y1, m1, "relative-month")
        if y1 == y2:
            return Resolution(f"{y1:04d}", "year", "relative-month")
        return Resolution(None, "unknown", "relative-month")
    if base.year - lo_n == base.year - hi_n:
        return Resolution(f"{base.year - lo_n:04d}", "year", "relative-year")
    return Resolution(None, "unknown", "relative-year")


def _duration(h: _Hit, base: dt.date | None, tense: Tense) -> Resolution | None:
    return DURATION


# Pattern name (``_PATTERNS``) -> its resolver.
_RESOLVERS: dict[str, _Resolve] = {
    "mdy": _absolute,
    "dmy": _absolute,
    "iso": _numeric,
    "dotted": _numeric,
    "month-year": _month_year,
    "month-mod": _month_name,
    "month-prep": _month_name,
    "year-prep": _year,
    "weekday": _weekday,
    "relative-day": _relative_day,
    "relative-unit": _relative_unit,
    "weekend": _weekend,
    "ago": _ago,
    "duration": _duration,
}


def _resolver(name: str, m: re.Match[str], text: str) -> DateResolver:
    """The resolver of pattern ``name`` bound to its match ``m`` in paragraph ``text``."""
    resolve, hit = _RESOLVERS[name], _Hit(m, text)

    def bound(base: dt.date | None, tense: Tense) -> Resolution | None:
        return resolve(hit, base, tense)

    return bound


def _count(word: str) -> tuple[int, int]:
    if word.isdigit():
        return int(word), int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word], NUMBER_WORDS[word]
    if "couple" in word:
        return 2, 2
    if "several" in word:
        return 3, 7
    return 2, 5  # "a few", "few"
