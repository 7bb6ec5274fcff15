"""A page of events carries the actors and claim status of its own events, read for those
events only (store/pages.py, claims.event_statuses; issue 19): small pages, whose documents
hold events of other pages, must say exactly what one page of everything says."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app


def _pages(client: TestClient, query: str, limit: int) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        url = f"/api/events?limit={limit}{query}" + (f"&cursor={cursor}" if cursor else "")
        page = client.get(url).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return items


def test_small_pages_carry_the_same_actors_and_statuses(api_store: str) -> None:
    with TestClient(create_app(Settings(db=api_store, rate_per_minute=0))) as client:
        for query in ("", "&actor=UA", "&since=2022-01-01&until=2022-12-31"):
            whole = _pages(client, query, 500)
            # Pages of 2: a document's other events are on other pages.
            small = _pages(client, query, 2)
            assert [e["id"] for e in small] == [e["id"] for e in whole]
            fields = ("actors", "recipients", "claim_status")
            assert [{k: e[k] for k in fields} for e in small] == [
                {k: e[k] for k in fields} for e in whole
            ]
        everything = _pages(client, "", 500)
    # The fixture store has documents with several events, and events with actors: the
    # comparison above covered pages that cut through documents.
    per_doc: dict[str, int] = {}
    for e in everything:
        per_doc[e["version_id"]] = per_doc.get(e["version_id"], 0) + 1
    assert max(per_doc.values()) > 2
    assert any(e["actors"] for e in everything)
