"""/api/negotiation is serialised straight from its rows (api/routes.py): the same JSON as
through its response model, for every filter."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, reads
from peacewatch.api.routes import TALKS_LIMIT, NegotiationOut
from peacewatch.store import Store


def test_negotiation_json_equals_the_models(api_store: str) -> None:
    app = create_app(Settings(db=api_store, rate_per_minute=0))
    asks = [
        ({}, (None, None, None)),
        (
            {"since": "2022-03-01", "until": "2022-03-31"},
            (date(2022, 3, 1), date(2022, 3, 31), None),
        ),
        ({"party": "UA"}, (None, None, "UA")),
    ]
    with TestClient(app) as client, Store(api_store) as store, store.engine.connect() as conn:
        for params, args in asks:
            got = client.get("/api/negotiation", params=params)
            assert got.status_code == 200 and got.headers["content-type"] == "application/json"
            paged = {k: got.json()[k] for k in ("limit", "totals", "next_cursor")}
            rows = reads.negotiation(conn, *args, limit=TALKS_LIMIT)
            want = NegotiationOut.model_validate({**rows, **paged}).model_dump(mode="json")
            assert got.json() == want
        assert any(rows.values())  # the last ask found something to compare
