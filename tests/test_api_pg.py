"""The API on PostgreSQL: the same fixture store, the same answers as on SQLite.

Needs PEACEWATCH_TEST_PG_URL (``eval "$(bash .ci/postgres.sh)"``; .ci/run sets it); skipped
otherwise. The database is created for this module and dropped afterwards.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app
from test_store import drop_database, pg_database

PG_URL = os.environ.get("PEACEWATCH_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="PEACEWATCH_TEST_PG_URL is not set")
LISTS = ["documents", "events", "quotes", "places", "positions", "entities"]


@pytest.fixture(scope="module")
def pg_client(nlp: Any) -> Iterator[TestClient]:
    from api_fixtures import ARTICLES, raw
    from peacewatch.pipeline import analyze
    from peacewatch.store import Store

    assert PG_URL is not None
    url, admin = pg_database(PG_URL)
    try:
        with Store(url) as store:
            for a in ARTICLES:
                store.ingest(raw(a), lambda r, p: analyze(r, published=p, nlp=nlp))
            store.corroborate()
        app = create_app(Settings(db=url, rate_per_minute=0))
        with TestClient(app) as client:
            yield client
        app.state.pw.engine.dispose()
    finally:
        drop_database(admin, url)


def _ids(client: TestClient, path: str, **params: Any) -> set[str]:
    # Compared as sets: rows with a NULL sort key (an undated event) come first on SQLite and
    # last on PostgreSQL, the backends' default NULL ordering.
    body = client.get(f"/api/{path}", params={"limit": 500, **params}).json()
    assert body["total"] == len(body["items"])
    return {str(r["id"]) for r in body["items"]}


@pytest.mark.parametrize("path", LISTS)
def test_pg_lists_match_sqlite(pg_client: TestClient, api_store: str, path: str) -> None:
    with TestClient(create_app(Settings(db=api_store, rate_per_minute=0))) as lite:
        assert _ids(pg_client, path) == _ids(lite, path)
        extra: list[dict[str, str]] = [] if path == "entities" else [{"since": "2022-03-10"}]
        if path in ("places", "events"):
            extra.append({"bbox": "22,44,41,53"})
        for params in extra:
            assert _ids(pg_client, path, **params) == _ids(lite, path, **params)


def test_pg_document_and_negotiation(pg_client: TestClient) -> None:
    first = pg_client.get("/api/documents").json()["items"][0]
    doc = pg_client.get(f"/api/documents/{first['doc_id']}").json()
    text = doc["document"]["body"]["text"]
    assert doc["spans"] and all(text[s["start"] : s["end"]] == s["text"] for s in doc["spans"])
    assert pg_client.get("/api/negotiation").json()["rounds"]


@pytest.mark.parametrize("path", ["events", "positions"])
def test_pg_claim_status_matches_sqlite(pg_client: TestClient, api_store: str, path: str) -> None:
    def statuses(client: TestClient) -> dict[str, str]:
        items = client.get(f"/api/{path}", params={"limit": 500}).json()["items"]
        return {r["id"]: r["claim_status"] for r in items}

    with TestClient(create_app(Settings(db=api_store, rate_per_minute=0))) as lite:
        want = statuses(lite)
        assert statuses(pg_client) == want
        for status in set(want.values()):
            got = _ids(pg_client, path, claim_status=status)
            assert got == {i for i, s in want.items() if s == status}


def test_pg_search_finds_what_sqlite_finds(pg_client: TestClient, api_store: str) -> None:
    from test_api_search import _all

    app = create_app(Settings(db=api_store, rate_per_minute=0))
    with TestClient(app) as client:
        for q in ("ceasefire", '"rejected a ceasefire"', "talks -ceasefire", "deleg*"):
            got = {i["id"] for i in _all(pg_client, q=q, limit=4)}
            assert got == {i["id"] for i in _all(client, q=q, limit=4)} != set()
