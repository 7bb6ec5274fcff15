"""The pattern grammar and calendar arithmetic behind ``extract.dates`` (no spaCy here).

Each pattern finds one kind of temporal expression in a paragraph and resolves it against the
publication date. Hand-written because the library that parses dates, dateparser, resolves
relative expressions differently from news convention (a bare weekday goes to the previous week,
PITFALLS.md) and knows neither "earlier this month" nor "late Monday"; we still hand it the
absolute dates ("March 29, 2022", "29 March"), which it validates and normalises.

Words: the names of months and weekdays, number words and the tense words are data
(lexicons/date_words.json, ``date_words()``); the function words inside the patterns ("in",
"last", "this coming", "ago") are their grammar and stay with them.

Conventions (docs/DECISIONS.md style, kept here beside the code that applies them):
- Weekdays: the most recent such day *including* the publication day ("on Tuesday" in a Tuesday
  article is that day), or the next one including it when the governing verb is future.
- Months without a year: the most recent such month not after the publication month, or the next
  one from it when the context is future. Day-month without a year: the same, by day.
  NEAREST: when the parse shows neither a past nor a future verb, the nearer of the two readings
  wins (the past one on a tie): in official-2022, "... and March 8 is approaching" in a
  5 March release is 2022-03-08, not 2021-03-08, and a past-only rule got it wrong.
- Spans that cover several days (a week, a weekend, "two weeks ago") are given at the smallest
  calendar unit that contains the whole span: a day, a month, a year, or None when the span
  crosses a year boundary. ISO has no "week" precision in our records, and a coarser but
  correct value beats a precise guess ("unknown is None").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, TypedDict

from peacewatch.lexicons import load_json
from peacewatch.records import DateBasis, DatePrecision

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Tense = Literal["past", "future"] | None


class _FormsJson(TypedDict):
    forms: dict[str, str]


class _WordsJson(TypedDict):
    words: list[str]


class _DateWordsJson(TypedDict):
    """lexicons/date_words.json (the ``_why`` of each list is there)."""

    weekdays: list[str]
    months: list[str]
    month_abbreviations: dict[str, dict[str, int]]
    number_words: dict[str, dict[str, int]]
    named_day_adjectives: _WordsJson
    future_governors: _WordsJson
    irregular_forms: _FormsJson
    schedule_participles: _WordsJson


@dataclass(frozen=True, slots=True)
class DateWords:
    """The words of lexicons/date_words.json, loaded once; orders are the file's."""

    weekdays: tuple[str, ...]  # Monday first, as ``date.weekday()`` counts
    months: tuple[str, ...]  # January first
    month_abbreviations: Mapping[str, int]  # "Sept." -> 9
    number_words: Mapping[str, int]
    named_day_adjectives: tuple[str, ...]
    future_governors: frozenset[str]
    irregular_forms: Mapping[str, str]  # "was" -> "be"
    schedule_participles: frozenset[str]


@cache
def date_words() -> DateWords:
    data: _DateWordsJson = load_json("date_words.json")
    return DateWords(
        weekdays=tuple(data["weekdays"]),
        months=tuple(data["months"]),
        month_abbreviations=MappingProxyType(dict(data["month_abbreviations"]["forms"])),
        number_words=MappingProxyType(dict(data["number_words"]["words"])),
        named_day_adjectives=tuple(data["named_day_adjectives"]["words"]),
        future_governors=frozenset(data["future_governors"]["words"]),
        irregular_forms=MappingProxyType(dict(data["irregular_forms"]["forms"])),
        schedule_participles=frozenset(data["schedule_participles"]["words"]),
    )


# The patterns are compiled at import, so the words they are built from are read then.
WEEKDAYS = date_words().weekdays
MONTHS = date_words().months
MONTH_ABBR = date_words().month_abbreviations
NUMBER_WORDS = date_words().number_words

WEEKDAY_RE = "|".join(WEEKDAYS)
MONTH_FULL_RE = "|".join(MONTHS)
MONTH_RE = MONTH_FULL_RE + "|" + "|".join(re.escape(a) for a in MONTH_ABBR)
COUNT_RE = r"\d{1,2}|" + "|".join(NUMBER_WORDS) + r"|a\s+few|few|several|a\s+couple\s+of"


@dataclass(frozen=True, slots=True)
class Resolution:
    value: str | None
    precision: DatePrecision
    rule: str


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One expression found by a pattern: its span in the paragraph and how it resolves."""

    start: int
    end: int
    resolve: Callable[[dt.date | None, Tense], Resolution | None]


def month_number(name: str) -> int:
    if name in MONTH_ABBR:
        return MONTH_ABBR[name]
    return MONTHS.index(name) + 1


def coarse(lo: dt.date, hi: dt.date, rule: str) -> Resolution:
    """The smallest calendar unit containing [lo, hi]; None when it crosses a year."""
    if lo == hi:
        return Resolution(lo.isoformat(), "day", rule)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return Resolution(f"{lo.year:04d}-{lo.month:02d}", "month", rule)
    if lo.year == hi.year:
        return Resolution(f"{lo.year:04d}", "year", rule)
    return Resolution(None, "unknown", rule)


def day(d: dt.date, rule: str) -> Resolution:
    return Resolution(d.isoformat(), "day", rule)


def month(year: int, m: int, rule: str) -> Resolution:
    return Resolution(f"{year:04d}-{m:02d}", "month", rule)


def shift_months(year: int, m: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (m - 1) + delta
    return k // 12, k % 12 + 1


def resolve_weekday(base: dt.date, weekday: int, mod: str, tense: Tense) -> Resolution:
    mod = mod.lower()
    back = (base.weekday() - weekday) % 7  # days since the most recent such day, 0 = today
    ahead = (weekday - base.weekday()) % 7  # days until the next such day, 0 = today
    if mod in ("next", "coming", "this coming"):
        return day(base + dt.timedelta(days=ahead or 7), "weekday-future")
    if mod in ("last", "this past", "previous", "past"):
        return day(base - dt.timedelta(days=back or 7), "weekday")
    if mod == "this":
        monday = base - dt.timedelta(days=base.weekday())
        return day(monday + dt.timedelta(days=weekday), "weekday")
    if mod == "later" or tense == "future":
        return day(base + dt.timedelta(days=ahead), "weekday-future")
    return day(base - dt.timedelta(days=back), "weekday")


def resolve_month_name(base: dt.date, m: int, mod: str, tense: Tense) -> Resolution:
    mod = mod.lower()
    if mod == "last":
        year = base.year if m < base.month else base.year - 1
    elif mod == "next":
        year = base.year if m > base.month else base.year + 1
    elif mod == "this":
        year = base.year
    else:
        past = base.year if m <= base.month else base.year - 1
        future = base.year if m >= base.month else base.year + 1
        if tense == "future":
            year = future
        elif tense == "past":
            year = past
        else:
            # No tense in the parse: the nearer reading, the past one on a tie (see NEAREST).
            ahead = (future - base.year) * 12 + m - base.month
            behind = (base.year - past) * 12 + base.month - m
            year = future if ahead < behind else past
    return month(year, m, "month-name")


@lru_cache(maxsize=4096)
def dateparser_date(text: str, base: dt.date) -> tuple[dt.date, str] | None:
    """dateparser on one absolute expression; cached by (text, base) because articles repeat
    their dates and building the parse is the costly part."""
    parser = _parser(base)
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), str(data.period or "day")


@lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


def parse_absolute(text: str, base: dt.date | None, has_year: bool) -> dt.date | None:
    """A day-level absolute date through dateparser; without a year it needs ``base``."""
    if base is None and not has_year:
        return None
    got = dateparser_date(text, base or dt.date(2000, 1, 1))
    if got is None or got[1] != "day":
        return None
    return got[0]


def resolve_absolute(
    text: str, base: dt.date | None, has_year: bool, tense: Tense
) -> Resolution | None:
    d = parse_absolute(text, base, has_year)
    if d is None:
        return None if has_year or base is not None else NO_BASE
    if not has_year and tense != "past" and base is not None and d < base:
        # dateparser gave the most recent such day; a future verb takes the next one, and so
        # does an untensed context when the next one is nearer (NEAREST).
        try:
            nxt = d.replace(year=d.year + 1)
        except ValueError:  # 29 February
            return Resolution(None, "unknown", "absolute")
        # A future verb about a day of the last week is not next year's: "will travel ...
        # from May 31 to June 6" in a release dated 1 June (peace-processes-state, 2021: a
        # trip under way, or a feed date a day after the text) put the trip in 2022.
        recent = (base - d).days <= RECENT_DAYS
        if (tense == "future" and not recent) or (nxt - base) < (base - d):
            d = nxt
    return day(d, "absolute")


NO_BASE = Resolution(None, "unknown", "no-publication-date")
# Days before publication within which a yearless day under a future verb stays in the
# publication's year (see resolve_absolute).
RECENT_DAYS = 7

# The rules that resolve an expression against the publication date: "yesterday", "last week",
# "next month", "on Monday". A month or a day without a year ("in March", "29 March") is
# stated: the text names it, and only its year comes from the publication date.
_RELATIVE_RULES = ("relative-", "weekday")


def date_basis(rule: str) -> DateBasis:
    """Whether a resolved expression states its date or gives it relative to publication."""
    return "relative" if rule.startswith(_RELATIVE_RULES) else "stated"
