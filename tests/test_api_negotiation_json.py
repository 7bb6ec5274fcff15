"""/api/negotiation is serialised straight from its rows (api/routes.py): the same JSON as
through its response model, for every filter."""

from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, reads
from peacewatch.api.routes import NegotiationOut
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
            whole = reads.negotiation(conn, *args)
            total = sum(map(len, whole.values()))
            want = NegotiationOut(**whole, total=total, limit=200).model_dump(mode="json")
            assert got.json() == want
        assert total  # the last ask found something to compare


def test_negotiation_pages_walk_every_item_once(api_store: str) -> None:
    app = create_app(Settings(db=api_store, rate_per_minute=0))
    with TestClient(app) as client:
        whole = client.get("/api/negotiation", params={"limit": 500}).json()
        seen: dict[str, list[str]] = {"rounds": [], "commitments": [], "agreements": []}
        cursor = None
        pages = 0
        while True:
            params = {"limit": 1, **({"cursor": cursor} if cursor else {})}
            page = client.get("/api/negotiation", params=params).json()
            assert page["total"] == whole["total"]
            assert sum(len(page[k]) for k in seen) <= 1
            for k in seen:
                seen[k] += [x["id"] for x in page[k]]
            pages += 1
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert pages == whole["total"] > 1
        assert seen == {k: [x["id"] for x in whole[k]] for k in seen}
        bad = client.get("/api/negotiation", params={"cursor": "nonsense"})
        assert bad.status_code == 422 and "cursor" in bad.json()["error"]["message"]
