"""Dateline forms beyond "CITY, St. —" (issue 15, sixth session, H9)."""

from __future__ import annotations

from peacewatch.extract.places.datelines import dateline_spans
from peacewatch.geo.gazetteer import load


def test_a_dateline_in_parentheses_is_the_city() -> None:
    text = "(NEW YORK) — Police officers answered a call on Monday."
    spans = dateline_spans(load(), [text], set())
    assert [(text[s.start : s.end], s.query.feature_hint) for s in spans] == [("NEW YORK", "city")]
