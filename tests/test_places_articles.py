"""An indefinite article spaCy takes into a place's span (issue 15, sixth session, H9)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.places.stage import extract_places
from peacewatch.parse.nlp import parse
from peacewatch.records import Body, Document, Metadata, Paragraph


def _places(nlp: Language, text: str) -> dict[str, str | None]:
    body = Body(text=text, paragraphs=(Paragraph(0, len(text)),))
    doc = extract_places(parse(Document(meta=Metadata(id="t"), body=body), nlp))
    return {p.mention: p.admin1 for p in doc.places}


def test_a_leading_article_is_no_part_of_the_name(nlp: Language) -> None:
    text = "BANTAM — A Danbury stonework mason was arraigned in Bantam Superior Court Tuesday."
    assert _places(nlp, text).get("Danbury") == "US-CT"
