"""A date filter near year 1 is a valid request, not a server error (schema fuzzing found it)."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app


def test_events_since_the_first_days_of_year_one(api_store: str) -> None:
    client = TestClient(create_app(Settings(db=api_store)), raise_server_exceptions=False)
    for day in ("0001-01-01", "0001-01-05", date(1, 2, 1).isoformat()):
        r = client.get("/api/events", params={"since": day})
        assert r.status_code == 200, r.text
        r = client.get("/api/export/events", params={"since": day})
        assert r.status_code == 200, r.text
