"""Lists of places are no qualifiers (issue 15, sixth session, H9)."""

from __future__ import annotations

from peacewatch.extract.places.spans import _Span
from peacewatch.extract.places.stage import _qualify
from peacewatch.geo.gazetteer import load
from peacewatch.geo.resolver import Query


def test_states_in_a_list_are_not_in_each_other() -> None:
    g = load()
    text = "Trips to Saipan, Guam, Alaska, Hawaii"
    names = ["Saipan", "Guam", "Alaska", "Hawaii"]
    spans = [_Span(text.index(n), text.index(n) + len(n), Query(n), "GPE", 0) for n in names]
    _qualify(spans, g, [text])
    assert [(s.query.admin1, s.query.countries) for s in spans[1:]] == [
        (frozenset(), frozenset())
    ] * 3
    # "Georgia, US" still narrows Georgia to the US
    q = "Atlanta, Georgia, US"
    spans = [
        _Span(q.index(n), q.index(n) + len(n), Query(n), "GPE", 0)
        for n in ("Atlanta", "Georgia", "US")
    ]
    _qualify(spans, g, [q])
    assert spans[1].query.countries == frozenset({"US"})
