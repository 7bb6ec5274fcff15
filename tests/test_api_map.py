"""``/api/map`` groups every matching place and event (no first-500 read) and says how many
it read of how many; country-level items go to their country, never to a point."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, mapview


def _total(client: TestClient, path: str, **params: str) -> int:
    page = client.get(path, params={**params, "exact_total": "true", "limit": 1}).json()
    return int(page["total"])


def test_map_counts_every_match(api_store: str) -> None:
    client = TestClient(create_app(Settings(db=api_store)))
    got = client.get("/api/map").json()
    places, events = _total(client, "/api/places"), _total(client, "/api/events")
    assert got["places"] == {"total": places, "read": places} and places > 0
    assert got["events"] == {"total": events, "read": events} and events > 0
    # Every item read is on a point, in a country, or counted as having no place.
    for kind, which in (("place", "places"), ("event", "events")):
        on_points = sum(g["n"] for g in got["points"] if g["kind"] == kind)
        in_countries = sum(c[which] for c in got["countries"])
        assert on_points + in_countries + got["unplaced"][which] == got[which]["read"]
    assert all(0 < len(g["sample"]) <= min(g["n"], mapview.SAMPLE) for g in got["points"])
    assert all(g["cls"] != "country" for g in got["points"])
    # A country-level place is its country (ISO numeric: the basemap's feature id).
    ua = [c for c in got["countries"] if c["code"] == "UA"]
    assert ua and all(c["numeric"] == 804 and c["name"] == "Ukraine" for c in ua)
    months = {g["month"] for g in got["points"]} | {c["month"] for c in got["countries"]}
    assert set(got["months"]) == months - {""} and got["months"] == sorted(got["months"])


def test_map_with_an_event_type_is_events_only(api_store: str) -> None:
    client = TestClient(create_app(Settings(db=api_store)))
    kind = client.get("/api/events", params={"limit": 1}).json()["items"][0]["type"]
    got = client.get("/api/map", params={"type": kind}).json()
    assert got["places"] == {"total": 0, "read": 0}
    assert got["events"]["total"] == _total(client, "/api/events", type=kind)
    assert all(g["kind"] == "event" for g in got["points"])


def test_map_says_how_many_it_did_not_read(api_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    client = TestClient(create_app(Settings(db=api_store)))
    places = _total(client, "/api/places")
    monkeypatch.setattr(mapview, "READ_CAP", 2)
    monkeypatch.setattr(mapview, "_cache", {})  # the map of the whole read is cached
    got = client.get("/api/map").json()
    assert got["places"] == {"total": places, "read": 2} and places > 2
