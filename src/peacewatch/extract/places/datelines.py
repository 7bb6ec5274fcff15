"""Datelines: "TORRINGTON — The mayor ...", "SALINA, Kan. -", "BEIRUT: ...", "ST. PAUL (AP) --",
"(NEW YORK) —".

A dateline names where the story was filed, usually the newspaper's own town: a place mention
(LGL and GeoWebNews count it) and the best single clue to the story's region. spaCy misses most
of them (all capitals read as an acronym or an organisation) or cuts them ("ST. PAUL" -> "PAUL",
which went to Paul, Idaho). A dateline is a run of capitalised words in capitals at the start of
a paragraph or sentence (or after a byline's year), optionally followed by a state or country
("SALINA, Kan.") and a wire credit ("(AP)"), then a dash or a colon. It counts only when the
gazetteer has a town, region or country of that name (issue 15: the LGL even half had 40 such
datelines, 29 missed).
"""

from __future__ import annotations

import re

from peacewatch.extract.places.spans import _Span
from peacewatch.geo.gazetteer import Gazetteer, fold
from peacewatch.geo.resolver import Query, candidates

# The capitals: words of letters with inner periods, apostrophes or hyphens ("ST. JOHN'S",
# "WILKES-BARRE"). Lookbehind: paragraph start, a sentence end, or a byline's year. Some
# broadcasters wrap it in parentheses, "(NEW YORK) — Police ..." (GWN even, one story); a
# wire's credit so wrapped, "(AFP) —", is no gazetteer name and so is dropped below.
DATELINE = re.compile(
    r"(?:^|(?<=[.!?\"”]\s)|(?<=\d{4}\s))(?P<paren>\()?"
    r"(?P<name>[A-Z][A-Z.'’\-]*[A-Z.](?:\s(?:OF\s|DE\s|LA\s)?[A-Z][A-Z.'’\-]*[A-Z.])*)"
    r"(?P<qual>,\s[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?)?(?(paren)\))"
    r"\s*(?P<wire>\((?:AP|Reuters|AFP|UPI)\))?\s*(?P<mark>—|–|\u0097|(?:-{1,3}|:)\s)"
)
# "MS:" "Q:" in a transcript are speakers, not places.
MIN_LETTERS = 3
# A colon also follows a transcript's speaker ("BROWN: ..."): then the name must be a town of
# this size, a region or a country ("BEIRUT:").
COLON_MIN_POP = 100_000


def dateline_spans(g: Gazetteer, texts: list[str], persons: set[str]) -> list[_Span]:
    """The dateline place of each paragraph (at most one: a story has one dateline).
    ``persons``: folded words of the document's full personal names ("PUTIN:" is a speaker)."""
    out: list[_Span] = []
    for para, text in enumerate(texts):
        for m in DATELINE.finditer(text):
            name = m.group("name").rstrip(".")
            if sum(c.isalpha() for c in name) < MIN_LETTERS:
                continue
            if fold(name) in persons:
                continue
            ids = candidates(g, name)
            kinds = {g.feature[i] for i in ids}
            if not kinds & {"city", "region", "country"}:
                continue
            if m.group("mark").startswith(":") and not any(
                g.feature[i] != "city" or g.population[i] >= COLON_MIN_POP for i in ids
            ):
                continue
            end = m.start("name") + len(name)
            # A dateline is a town ("NEW YORK (AP)" is the city, not the state), or a region
            # or country when no town has the name ("SOUTH WAZIRISTAN").
            # A wire service's dateline is where its reporter went, not a newspaper's home
            # (GWN even: "HOUSTON (AP)" in an NBA round-up took Portland to Texas).
            q = Query(
                name,
                feature_hint="city" if "city" in kinds else None,
                dateline=m.group("wire") is None,
            )
            out.append(_Span(m.start("name"), end, q, "DATELINE", para))
            break
    return out


def merge(spans: list[_Span], datelines: list[_Span]) -> list[_Span]:
    """The datelines replace the spans they overlap (spaCy's cut "PAUL" of "ST. PAUL")."""
    kept = [
        s
        for s in spans
        if not any(d.para == s.para and s.start < d.end and d.start < s.end for d in datelines)
    ]
    return kept + datelines
