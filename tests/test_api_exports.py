"""``/api/export/<list>``: every match of a list with its filters, as CSV, JSON, JSON Lines or
GeoJSON; and ``/api/changes``, the alerts' change feed as a list."""

from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app


@pytest.fixture(scope="module")
def client(api_store: str) -> TestClient:
    return TestClient(create_app(Settings(db=api_store, rate_per_minute=0)))


def listed(client: TestClient, kind: str, **params: str) -> list[dict[str, object]]:
    return list(client.get(f"/api/{kind}", params={"limit": 500, **params}).json()["items"])


@pytest.mark.parametrize("kind", ["events", "quotes", "places", "positions", "documents"])
def test_json_export_is_the_list(client: TestClient, kind: str) -> None:
    got = client.get(f"/api/export/{kind}", params={"format": "json"})
    assert got.status_code == 200
    assert f'filename="peacewatch-{kind}.json"' in got.headers["content-disposition"]
    assert json.loads(got.text) == json.loads(json.dumps(listed(client, kind), default=str))


def test_csv_export_keeps_the_filters(client: TestClient) -> None:
    everyone = listed(client, "quotes")
    speaker = next(str(q["speaker"]) for q in everyone if q["speaker"])
    got = client.get("/api/export/quotes", params={"speaker": speaker})
    rows = list(csv.DictReader(io.StringIO(got.text)))
    assert got.headers["content-type"].startswith("text/csv")
    assert [r["id"] for r in rows] == [q["id"] for q in listed(client, "quotes", speaker=speaker)]
    assert 0 < len(rows) < len(everyone)


def test_export_is_not_capped_at_a_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacewatch.api import exports

    monkeypatch.setattr(exports, "BATCH", 2)  # several keyset pages on the small store
    lines = client.get("/api/export/places", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == len(listed(client, "places")) > 4
    assert len({json.loads(x)["id"] for x in lines}) == len(lines)


def test_geojson_export_has_points(client: TestClient) -> None:
    got = client.get("/api/export/places", params={"format": "geojson"}).json()
    assert got["type"] == "FeatureCollection" and got["features"]
    located = [f for f in got["features"] if f["geometry"]]
    assert located and all(len(f["geometry"]["coordinates"]) == 2 for f in located)


def test_bad_format_or_list(client: TestClient) -> None:
    got = client.get("/api/export/quotes", params={"format": "xlsx"})
    assert got.status_code == 422 and "format" in got.json()["error"]["message"]
    assert client.get("/api/export/nothing").status_code == 404


def test_changes_since(client: TestClient) -> None:
    got = client.get("/api/changes").json()
    assert got["total"] == len(got["items"]) > 0 and got["latest"]
    assert {a["kind"] for a in got["items"]} <= {"round", "position", "stage", "scope"}
    stamps = [a["stored_at"] for a in got["items"]]
    assert stamps == sorted(stamps, reverse=True)
    later = client.get("/api/changes", params={"since": got["latest"].replace(" ", "T")}).json()
    assert later["total"] == 0
    assert (
        client.get("/api/changes", params={"since": "2000-01-01"}).json()["total"] == got["total"]
    )
