"""Temporal expressions resolved against the publication date.

Candidates come from two places, per paragraph: our patterns (``dates.patterns``: weekdays,
"late Monday", "earlier this month", "two weeks ago", absolute dates...) and spaCy's DATE/TIME
entities, for what no pattern covers. Where both see an expression the pattern's span and
resolution win, because they are exact; a spaCy entity that overlaps no pattern is resolved by
``_from_entity`` (a bare year, dateparser on anything with a month name or year, durations) or
kept with ``value=None`` (rule "unresolved"), so the evidence is there even when the date is not.

Decisions:
- Spans exclude the preposition ("on Tuesday" is recorded as "Tuesday"): the preposition only
  helps decide (it makes "in March" a month rather than the verb "march").
- Durations ("for weeks", "in recent days", "two months") are kept, with value None, precision
  "unknown" and rule "duration": later stages should see that an event is durative and not date
  it from some other expression. Ages ("68-year-old"), frequencies ("daily") and clock times
  ("5 p.m.") are not dates and are skipped.
- Tense: the verb that governs the expression in the parse decides future readings ("will meet
  on Friday", "is to meet", "plans to meet", "scheduled for Friday"); see ``tense_at``.
- "since 2014", "until March 1", "by 2030", "after February 24": the span takes the word and the
  precision says "after" or "before"; the value stays the bound itself ("2014").
- Without a publication date only expressions that carry their own year are resolved; the rest
  keep value None with rule "no-publication-date".
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from peacewatch.extract.dates.patterns import DURATION, find
from peacewatch.extract.dates.rules import (
    MONTH_FULL_RE,
    MONTH_RE,
    NO_BASE,
    Resolution,
    Tense,
    date_words,
    dateparser_date,
    day,
    month,
    month_number,
    resolve_month_name,
)
from peacewatch.records import DatePrecision, Document, TimeExpression

# Future auxiliaries: closed-class grammar, so in code (the open-class tense words are data,
# lexicons/date_words.json).
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})
# Heads of "<head> to <verb>" that put the verb in the future ("plans to meet"), and the
# participles that schedule by themselves ("talks scheduled for Friday"): see date_words.json.
FUTURE_GOVERNORS = date_words().future_governors
SCHEDULE_PARTICIPLES = date_words().schedule_participles
_IRREGULAR = date_words().irregular_forms

_AGE = re.compile(r"(?i)\bold\b|-year-old|\baged?\b")
_FREQUENCY = re.compile(r"(?i)^(?:daily|weekly|monthly|annual(?:ly)?|yearly|every|each|a\s+day)\b")
_ANAPHORIC = re.compile(
    r"(?i)\b(?:previous|following|next|same|that|this)\s+(?:day|week|month|year|night|morning"
    r"|evening|afternoon)\b|\b(?:earlier|later|before|after)$|^the\s+(?:day|night|morning)$"
    r"|^(?:earlier|later)\s+in\s+the\s+(?:day|week|month|year)$"
)
_UNITS = re.compile(
    r"(?i)\b(?:days|weeks|months|years|decades|hours|minutes|seconds|centuries)\b"
    r"|\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+"
    r"(?:day|week|month|year|hour|minute|decade)s?\b"
)
# "the past week", "the last few days": a span ending at publication, i.e. a duration.
_SPAN = re.compile(
    r"(?i)^(?:the\s+)?(?:past|last|next|coming|recent)\s+(?:few\s+|couple\s+of\s+)?"
    r"(?:day|week|month|year|decade)s?$"
)
# What spaCy tags DATE but names no time at all ("the nearly two hundred thousand", "five and
# fourteen" in official-2022): kept as unresolved only when a time word is in it.
_TIME_WORD = re.compile(
    r"(?i)\b(?:day|week|weekend|month|year|decade|century|centuries|quarter|season|spring|summer"
    r"|autumn|fall|winter|holidays?|morning|evening|night|eve|ages|era|[12]\d{3}s?|\d{2}s)\b"
)
# "by March 31" is a deadline, "since 2014" a start: the record says which side of the date.
_BOUND = re.compile(r"(?i)\b(before|until|till|by|prior\s+to|after|since)\s+$")
_BARE_MONTH = re.compile(rf"^(?:(?:early|mid|late)[\s-]+)?({MONTH_FULL_RE})$")
_BARE_YEAR = re.compile(r"^(?:the\s+year\s+)?((?:18|19|20)\d{2})$")
_ANCHOR = re.compile(rf"\b(?:{MONTH_RE})(?!\w)|\b(?:18|19|20)\d{{2}}\b")


def extract_dates(doc: Document) -> Document:
    base = publication_date(doc.meta.published)
    text = doc.body.text
    out: list[TimeExpression] = []
    aligned = len(doc.parses) == len(doc.body.paragraphs)
    for i, para in enumerate(doc.body.paragraphs):
        pdoc = doc.parses[i] if aligned else None
        for s, e, res in _paragraph(text[para.start : para.end], pdoc, base):
            a, b = para.start + s, para.start + e
            out.append(TimeExpression(text[a:b], a, b, res.value, res.precision, res.rule))
    out.sort(key=lambda t: (t.start, t.end))
    return replace(doc, dates=tuple(out))


def publication_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _paragraph(
    text: str, pdoc: Doc | None, base: dt.date | None
) -> list[tuple[int, int, Resolution]]:
    found: list[tuple[int, int, Resolution]] = []
    taken: list[tuple[int, int]] = []
    for m in find(text):
        # A pattern that declines (a name like "Bloody Sunday") still blocks the spaCy entity.
        taken.append((m.start, m.end))
        res = m.resolve(base, tense_at(pdoc, m.start, m.end) if pdoc is not None else None)
        if res is not None:
            found.append((m.start, m.end, res))
    if pdoc is not None:
        found.extend(_entities(text, pdoc, base, taken))
    return [_bounded(text, s, e, res) for s, e, res in found]


def _bounded(text: str, s: int, e: int, res: Resolution) -> tuple[int, int, Resolution]:
    """ "since 2014", "until March 1": a bound, not the date itself; the span takes the word."""
    if res.value is None or res.precision not in ("day", "month", "year"):
        return s, e, res
    m = _BOUND.search(text, 0, s)
    # "astonished by yesterday's decision": the word governs the noun, not the date.
    if m is None or text.startswith(("'s", "’s"), e):
        return s, e, res
    word = " ".join(m.group(1).lower().split())
    kind: DatePrecision = "after" if word in ("after", "since") else "before"
    return m.start(1), e, Resolution(res.value, kind, res.rule)


def _entities(
    text: str, pdoc: Doc, base: dt.date | None, taken: list[tuple[int, int]]
) -> list[tuple[int, int, Resolution]]:
    found: list[tuple[int, int, Resolution]] = []
    for ent in pdoc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        s, e = ent.start_char, ent.end_char
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if e <= s or any(s < te and ts < e for ts, te in taken):
            continue
        tense = tense_at(pdoc, s, e)
        res = _from_entity(text[s:e], ent.label_, base, tense)
        if res is not None:
            found.append((s, e, res))
    return found


def _from_entity(text: str, label: str, base: dt.date | None, tense: Tense) -> Resolution | None:
    """Resolve a spaCy DATE/TIME entity that no pattern covered; None to skip it."""
    if _AGE.search(text) or _FREQUENCY.search(text):
        return None
    if _ANAPHORIC.search(text):
        # "the next day", "a week later": relative to the story's own time, not to publication.
        return Resolution(None, "unknown", "anaphoric")
    if _SPAN.match(text) or (_UNITS.search(text) and not _ANCHOR.search(text)):
        return DURATION
    if label == "TIME":
        return None  # clock times and parts of a day carry no date of their own
    bare_month = _BARE_MONTH.match(text)
    if bare_month:
        # "pensions for April": a month the patterns left alone (no preposition they know), with
        # the same year rule as theirs rather than dateparser's always-past one.
        if base is None:
            return NO_BASE
        return resolve_month_name(base, month_number(bare_month.group(1)), "", tense)
    year = _BARE_YEAR.match(text)
    if year:
        return Resolution(year.group(1), "year", "year")
    if _ANCHOR.search(text):
        anchored = _anchored(text, base)
        if anchored is not None:
            return anchored
    if not _TIME_WORD.search(text):
        return None
    return Resolution(None, "unknown", "unresolved")


def _anchored(text: str, base: dt.date | None) -> Resolution | None:
    """An entity with a month name or a year in it: dateparser's reading at the precision it
    reports, else the one year it names; None when neither holds (the caller keeps it
    unresolved if a time word is in it)."""
    has_year = re.search(r"\b(?:18|19|20)\d{2}\b", text) is not None
    if base is None and not has_year:
        return NO_BASE
    got = dateparser_date(text, base or dt.date(2000, 1, 1))
    if got is not None:
        d, period = got
        if period == "day":
            return day(d, "absolute")
        if period == "month":
            return month(d.year, d.month, "absolute")
        if period == "year":
            return Resolution(f"{d.year:04d}", "year", "absolute")
    years = re.findall(r"\b(?:18|19|20)\d{2}\b", text)
    if len(years) == 1 and not re.search(rf"\b(?:{MONTH_RE})(?!\w)|\b\d{{1,2}}\b", text):
        # "the spring of 1986", "the end of 2021": whatever part of the year, it is that year.
        return Resolution(years[0], "year", "year")
    return None


def tense_at(pdoc: Doc, start: int, end: int) -> Tense:
    """'future' or 'past' from the verb that governs the span, None when the parse says neither."""
    span = pdoc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    for _ in range(4):  # up through "talks" in "Tuesday's talks ended" to the verb
        if tok.pos_ in ("VERB", "AUX") or tok.head is tok:
            break
        tok = tok.head
        # "a meeting on Tuesday, which will bring together ...": the relative clause on the
        # noun the date hangs from says when it happens.
        for c in tok.children:
            if c.dep_ == "relcl" and any(a.lower_ in FUTURE_AUX for a in c.children):
                return "future"
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in auxes}
    if lowers & FUTURE_AUX:
        return "future"
    if "to" in lowers and tok.dep_ == "xcomp" and _governs_future(tok.head):
        # "wanted to see ... after February 24" (official-2022): a plan made in the past says
        # nothing about the date's side of publication.
        return None if tok.head.tag_ == "VBD" else "future"
    scheduled = tok.lower_ in SCHEDULE_PARTICIPLES and tok.tag_ == "VBN"
    if scheduled and not lowers & {"had", "has", "have"}:
        return "future"
    if tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and tok.dep_ == "ROOT":
        # "There's another meeting in Paris Wednesday", "the vote is on Friday": a schedule.
        return "future"
    if tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in auxes):
        return "past"
    if tok.tag_ == "VBN" and any(c.lemma_ == "have" for c in auxes):
        return "past"
    return None


def _governs_future(head: Token) -> bool:
    word = head.lower_
    forms = {head.lemma_, _IRREGULAR.get(word, word), re.sub(r"(?:e?s|e?d|ing)$", "", word)}
    forms |= {f + "e" for f in list(forms)}  # "hoped" -> "hop" -> "hope"
    return bool(forms & FUTURE_GOVERNORS)
