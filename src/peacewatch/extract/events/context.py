"""What the event coder reads from the other stages: places and dates, as its own references.

The event stage declares that it requires the places and dates stages (pipeline.STAGES), so it
reads their records and nothing else: it used to fall back on spaCy's GPE/LOC and DATE spans
with a resolver of its own (another month rule than extract/dates) when those stages had left
nothing, which duplicated both stages; on the reference article, official-2022 and
peace-processes-state the fallback changed no output, and it is gone.
"""

from __future__ import annotations

from peacewatch.extract.dates.rules import date_basis
from peacewatch.extract.events.args import DateRef, PlaceRef
from peacewatch.parse.countries import is_country_name
from peacewatch.records import Document


def places(doc: Document) -> list[PlaceRef]:
    """The places stage's places, with whether each names a whole country."""
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


def dates(doc: Document) -> list[DateRef]:
    """The dates stage's date expressions."""
    return [
        DateRef(t.text, t.start, t.end, t.value, t.precision, date_basis(t.rule)) for t in doc.dates
    ]
