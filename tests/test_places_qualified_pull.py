"""A qualified name pulls its neighbours only from where the text puts it (issue 15, H9)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.places.stage import extract_places
from peacewatch.parse.nlp import parse
from peacewatch.records import Body, Document, Metadata, Paragraph


def test_a_qualified_dateline_pulls_only_from_its_state(nlp: Language) -> None:
    text = (
        "HELENA, Mont. (AP) — Montana has extended a private prison company's contract to run "
        "the Crossroads Correctional Center in Shelby. The company is based in Nashville, "
        "Tennessee."
    )
    body = Body(text=text, paragraphs=(Paragraph(0, len(text)),))
    doc = extract_places(parse(Document(meta=Metadata(id="t"), body=body), nlp))
    shelby = [p for p in doc.places if p.mention == "Shelby"]
    # Helena, Alabama lies 20 km from Shelby, Alabama; "HELENA, Mont." is not it
    assert shelby and shelby[0].admin1 == "US-MT", doc.places
