"""/api/negotiation answers a page of each section (issue 19): following each section's
next_cursor gives every item of the unbounded read, in order, once."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app, reads
from peacewatch.store import Store

ASKS = [
    ({}, (None, None, None)),
    ({"since": "2022-03-01", "until": "2022-03-31"}, (date(2022, 3, 1), date(2022, 3, 31), None)),
    ({"party": "UA"}, (None, None, "UA")),
]


@pytest.fixture(scope="module")
def client(api_store: str) -> TestClient:
    return TestClient(create_app(Settings(db=api_store, rate_per_minute=0)))


@pytest.mark.parametrize(("params", "args"), ASKS)
def test_cursors_walk_every_item_once(
    client: TestClient,
    api_store: str,
    params: dict[str, str],
    args: tuple[date | None, date | None, str | None],
) -> None:
    with Store(api_store) as store, store.engine.connect() as conn:
        want = reads.negotiation(conn, *args)
    for kind in ("rounds", "commitments", "agreements"):
        got: list[str] = []
        cursor = None
        pages = 0
        while True:
            ask = {**params, "kind": kind, "limit": "2", **({"cursor": cursor} if cursor else {})}
            page = client.get("/api/negotiation", params=ask).json()
            assert len(page[kind]) <= 2 and page["totals"] == {kind: len(want[kind])}
            assert all(not page[k] for k in ("rounds", "commitments", "agreements") if k != kind)
            got += [x["id"] for x in page[kind]]
            pages += 1
            cursor = page["next_cursor"][kind]
            if cursor is None:
                break
        assert got == [x["id"] for x in want[kind]]
        assert pages == max(1, -(-len(want[kind]) // 2))  # no empty last page


def test_every_section_is_bounded(client: TestClient, api_store: str) -> None:
    with Store(api_store) as store, store.engine.connect() as conn:
        every = reads.negotiation(conn, None, None, None)
    big = max(every, key=lambda k: len(every[k]))
    assert len(every[big]) > 1  # the fixture has something to cut
    page = client.get("/api/negotiation", params={"limit": "1"}).json()
    assert all(len(page[k]) <= 1 for k in every)
    assert page["totals"] == {k: len(xs) for k, xs in every.items()}
    assert page["next_cursor"][big] is not None


def test_bad_cursors_get_the_one_error_shape(client: TestClient) -> None:
    first = client.get("/api/negotiation", params={"kind": "rounds", "limit": "1"}).json()
    cursor = first["next_cursor"]["rounds"]
    assert cursor
    for ask in (
        {"cursor": cursor},  # no kind
        {"cursor": cursor, "kind": "agreements"},  # another section's cursor
        {"cursor": "garbage", "kind": "rounds"},
    ):
        bad = client.get("/api/negotiation", params=ask)
        assert bad.status_code == 422
        assert set(bad.json()["error"]) >= {"message", "fix"}
