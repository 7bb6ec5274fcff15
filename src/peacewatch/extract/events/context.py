"""What the event coder needs from the other stages: places, dates, entities.

It reads ``doc.places`` and ``doc.dates`` when those stages produced them. When a stage left them
empty (an older pipeline, or a stage that failed on this text) it falls back to spaCy's own GPE/LOC
and DATE spans with a small resolver, so that events still get a place and date where the text
says one; the fallback is deliberately narrow (weekdays, "this/last month", months, years) and
returns None for anything else.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from peacewatch.extract.events.args import DateRef, PlaceRef
from peacewatch.extract.events.lexicon import EventLexicon
from peacewatch.parse.countries import is_country_name
from peacewatch.records import Document

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}


def places(doc: Document, lex: EventLexicon) -> list[PlaceRef]:
    if doc.places:
        return [
            PlaceRef(
                name=p.mention,
                start=p.start,
                end=p.end,
                country=p.country,
                is_country=p.feature == "country"
                or is_country_name(p.mention.lower().removeprefix("the ")),
                metonymy=p.metonymy,
            )
            for p in doc.places
        ]
    out: list[PlaceRef] = []
    for par, parsed in zip(doc.body.paragraphs, doc.parses, strict=False):
        for ent in parsed.ents:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            text = ent.text
            if text.lower().startswith("the "):
                text, shift = text[4:], 4
            else:
                shift = 0
            start = par.start + ent.start_char + shift
            out.append(
                PlaceRef(
                    name=text,
                    start=start,
                    end=start + len(text),
                    country=lex.country_of(text),
                    is_country=is_country_name(text),
                    metonymy=False,
                )
            )
    return out


def dates(doc: Document) -> list[DateRef]:
    if doc.dates:
        return [DateRef(t.text, t.start, t.end, t.value, t.precision) for t in doc.dates]
    published = _iso(doc.meta.published)
    out: list[DateRef] = []
    for par, parsed in zip(doc.body.paragraphs, doc.parses, strict=False):
        for ent in parsed.ents:
            if ent.label_ != "DATE":
                continue
            value, precision = resolve(ent.text, published)
            start = par.start + ent.start_char
            out.append(DateRef(ent.text, start, start + len(ent.text), value, precision))
    return out


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def resolve(text: str, published: date | None) -> tuple[str | None, str]:
    """(ISO value, precision) of a date phrase; (None, "unknown") when not sure."""
    low = text.lower().replace("’", "'")
    year = re.search(r"\b(19|20)\d{2}\b", low)
    month = next((m for name, m in _MONTHS.items() if re.search(rf"\b{name}\b", low)), None)
    day = re.search(r"\b([0-3]?\d)(st|nd|rd|th)?\b", re.sub(r"\b(19|20)\d{2}\b", "", low))
    if month and day and int(day.group(1)) <= 31 and (year or published):
        y = int(year.group(0)) if year else published.year  # type: ignore[union-attr]
        try:
            return date(y, month, int(day.group(1))).isoformat(), "day"
        except ValueError:
            return None, "unknown"
    if month and (year or published):
        y = int(year.group(0)) if year else published.year  # type: ignore[union-attr]
        if not year and published and month > published.month:
            y -= 1  # "in March" in an April story is this March; in February, last March
        return f"{y:04d}-{month:02d}", "month"
    if year and re.fullmatch(r"(in |since |by )?(19|20)\d{2}", low.strip()):
        return year.group(0), "year"
    if published is None:
        return None, "unknown"
    for name, wd in _WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low) and not re.search(r"\b(next|last|every)\b", low):
            # News uses a bare weekday for the most recent one, the publication day included.
            back = (published.weekday() - wd) % 7
            return (published - timedelta(days=back)).isoformat(), "day"
    if re.search(r"\b(today|tonight)\b", low):
        return published.isoformat(), "day"
    if re.search(r"\byesterday\b", low):
        return (published - timedelta(days=1)).isoformat(), "day"
    if re.search(r"\bthis month\b", low):
        return f"{published.year:04d}-{published.month:02d}", "month"
    if re.fullmatch(r"last month", low.strip()):
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", "month"
    return None, "unknown"
