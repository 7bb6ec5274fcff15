"""Conflict regions no installed package has, from lexicons/places_supplement.json (coordinates
derived from ISO 3166-2 subdivision centroids at build time)."""

from __future__ import annotations

import pytest

from peacewatch.geo.gazetteer import load


@pytest.mark.parametrize(
    ("name", "country", "lat", "lon"),
    [
        ("Nagorno-Karabakh", "AZ", 39.8, 46.8),
        ("Karabakh", "AZ", 39.8, 46.8),
        ("Kordofan", "SD", 12.0, 29.5),
        ("Somaliland", "SO", 9.5, 45.5),
        ("Golan Heights", "SY", 33.0, 35.8),
        ("South Ossetia", "GE", 42.3, 44.0),
    ],
)
def test_conflict_region_has_a_point(name: str, country: str, lat: float, lon: float) -> None:
    g = load()
    entries = [g.entry(i) for i in g.ids(name)]
    hit = next(e for e in entries if e.country == country)
    assert hit.feature == "region" and hit.lat is not None and hit.lon is not None
    assert abs(hit.lat - lat) < 1.0 and abs(hit.lon - lon) < 1.0
