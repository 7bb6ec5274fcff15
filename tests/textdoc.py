"""One way for tests to analyse a sentence or two written for them: a plain-text release with
a publication day and, when the rule under test reads it, a publisher and a title."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Document, RawInput

STATE = "U.S. Department of State, Office of the Spokesperson"
NEWSROOM = "Voice of America (voanews.com)"


def analyze_text(
    nlp: Language,
    text: str,
    *,
    published: str = "2022-05-02",
    publisher: str | None = None,
    title: str | None = None,
) -> Document:
    raw = RawInput(
        id="t",
        source="t.txt",
        data=text,
        content_type="text",
        published=published,
        publisher=publisher,
        title=title,
    )
    return analyze(raw, nlp=nlp)


def event_countries(nlp: Language, text: str) -> list[tuple[str, set[str | None], set[str | None]]]:
    """(type, actor countries, recipient countries) of each event of ``text``, published
    2023-05-01 (the core-events rule tests of each session)."""
    doc = analyze(
        RawInput(id="t", source="-", data=text, content_type="text", published="2023-05-01"),
        nlp=nlp,
    )
    return [
        (e.type, {a.country for a in e.actors}, {a.country for a in e.recipients})
        for e in doc.events
    ]
