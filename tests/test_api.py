"""The JSON API over a small store built from the fixture articles (tests/api_fixtures.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api_fixtures import IMG_PAYLOAD, SCRIPT_PAYLOAD
from peacewatch.api import Settings, create_app


def _client(url: str, **kw: Any) -> TestClient:
    return TestClient(create_app(Settings(db=url, **kw)), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def client(api_store: str) -> Iterator[TestClient]:
    with _client(api_store, rate_per_minute=0) as c:
        yield c


def _error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fix"}
    return dict(body["error"])


@pytest.mark.parametrize(
    "path", ["documents", "events", "quotes", "places", "positions", "entities", "merged"]
)
def test_lists_share_the_page_shape(client: TestClient, path: str) -> None:
    body = client.get(f"/api/{path}", params={"limit": 500}).json()
    assert set(body) == {"total", "total_exact", "limit", "offset", "items", "next_cursor"}
    assert body["total"] == len(body["items"]) > 0
    assert body["total_exact"] is True


def test_paging_keeps_the_total(client: TestClient) -> None:
    full = client.get("/api/quotes", params={"limit": 500}).json()
    assert full["total"] >= 3
    second = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert second["total"] == full["total"]
    assert [q["id"] for q in second["items"]] == [full["items"][1]["id"]]
    past = client.get("/api/quotes", params={"offset": 1000}).json()
    assert past["items"] == [] and past["total"] == full["total"]


def test_filters(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"since": "2022-03-10"}).json()
    assert {d["key"] for d in docs["items"]} == {"fixture-vienna-round", "fixture-xss"}
    # Exact (issue 17): a whole name, never a part of one.
    quotes = client.get("/api/quotes", params={"speaker": "ivan sokolov", "limit": 500}).json()
    assert quotes["items"] and {q["speaker"] for q in quotes["items"]} == {"Ivan Sokolov"}
    assert client.get("/api/quotes", params={"speaker": "Sokolov"}).json()["items"] == []
    outlet = client.get("/api/quotes", params={"outlet": "example daily"}).json()
    assert outlet["items"] and {q["doc_id"] for q in outlet["items"]} == {
        d["doc_id"] for d in docs["items"] if d["key"] == "fixture-vienna-round"
    }
    # Geneva is in Switzerland; a box around Ukraine must leave it out.
    everywhere = client.get("/api/places", params={"limit": 500}).json()["items"]
    assert any(p["name"] == "Geneva" for p in everywhere)
    ua = client.get("/api/places", params={"bbox": "22,44,41,53", "limit": 500}).json()
    assert ua["items"] and all(22 <= p["lon"] <= 41 and 44 <= p["lat"] <= 53 for p in ua["items"])
    assert not any(p["name"] == "Geneva" for p in ua["items"])
    issues = client.get("/api/positions", params={"issue": "ceasefire", "limit": 500}).json()
    assert issues["items"] and {p["issue"] for p in issues["items"]} == {"ceasefire"}
    people = client.get("/api/entities", params={"type": "person", "limit": 500}).json()
    assert people["items"] and {e["type"] for e in people["items"]} == {"PERSON"}


def test_negotiation_rounds_come_from_the_documents(client: TestClient) -> None:
    neg = client.get("/api/negotiation").json()
    assert {"rounds", "commitments", "agreements"} <= set(neg)
    assert len(neg["rounds"]) >= 2
    assert all(r["doc_id"].startswith("d-") for r in neg["rounds"])
    later = client.get("/api/negotiation", params={"since": "2022-03-12"}).json()
    assert len(later["rounds"]) < len(neg["rounds"])


def test_document_spans_point_into_the_body(client: TestClient) -> None:
    first = client.get("/api/documents").json()["items"][0]
    doc = client.get(f"/api/documents/{first['doc_id']}").json()
    text = doc["document"]["body"]["text"]
    kinds = {s["kind"] for s in doc["spans"]}
    assert {"quotes", "entities"} <= kinds
    for s in doc["spans"]:
        assert text[s["start"] : s["end"]] == s["text"]
    again = client.get(f"/api/documents/{first['doc_id']}", params={"version": 1}).json()
    assert again["version"]["id"] == doc["version"]["id"]


def test_errors_have_one_shape(client: TestClient) -> None:
    assert _error(client.get("/api/nothing-here"), 404)["code"] == "not_found"
    assert _error(client.get("/api/documents/d-0000"), 404)["code"] == "not_found"
    assert _error(client.get("/api/events", params={"limit": 0}), 422)["code"] == "invalid_request"
    assert "bbox" in _error(client.get("/api/places", params={"bbox": "1,2"}), 422)["message"]
    assert "since" in _error(client.get("/api/events", params={"since": "March"}), 422)["message"]
    assert _error(client.delete("/api/events"), 405)["code"] == "method_not_allowed"
    assert _error(client.post("/api/analyze", json={"text": ""}), 422)["code"] == "invalid_request"


def test_server_errors_hide_details(api_store: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacewatch.api import reads

    def boom(_conn: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(reads, "facets", boom)
    err = _error(_client(api_store).get("/api/facets"), 500)
    assert err["code"] == "internal_error" and "secret" not in err["message"]


def test_body_size_limit(api_store: str) -> None:
    c = _client(api_store, max_body=1000)
    err = _error(c.post("/api/analyze", json={"text": "x" * 5000}), 413)
    assert err["code"] == "too_large"

    def chunks() -> Iterator[bytes]:  # no Content-Length: refused while it streams in
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    streamed = c.post(
        "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
    )
    assert _error(streamed, 413)["code"] == "too_large"


def test_rate_limit(api_store: str) -> None:
    c = _client(api_store, rate_per_minute=3)
    assert all(c.get("/api/health").status_code == 200 for _ in range(3))
    resp = c.get("/api/health")
    assert _error(resp, 429)["code"] == "rate_limited"
    assert int(resp.headers["retry-after"]) >= 1


def test_security_headers_and_no_cors_by_default(client: TestClient) -> None:
    for path in ("/", "/api/events", "/api/nothing-here", "/static/app.js"):
        resp = client.get(path, headers={"Origin": "https://evil.example"})
        csp = resp.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert "access-control-allow-origin" not in resp.headers


def test_cors_when_configured(api_store: str) -> None:
    c = _client(api_store, cors_origins=("https://ok.example",))
    ok = c.get("/api/health", headers={"Origin": "https://ok.example"})
    assert ok.headers["access-control-allow-origin"] == "https://ok.example"
    other = c.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_writes_need_the_token(api_store: str, tmp_path: Any, nlp: Any) -> None:
    article = {"text": "Delegations from Ukraine and Russia met in Minsk on Monday for talks."}
    ro = _client(api_store)
    assert _error(ro.post("/api/documents", json=article), 403)["code"] == "read_only"

    from api_fixtures import build_store  # a store of its own: this test writes

    url = build_store(tmp_path / "w.db", nlp)
    rw = _client(url, token="s3cret")
    rounds_before = rw.get("/api/negotiation").json()["rounds"]  # fills the server's cache
    bad = rw.post("/api/documents", json=article, headers={"Authorization": "Bearer nope"})
    assert _error(bad, 401)["code"] == "unauthorized"
    ok = rw.post("/api/documents", json=article, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["status"] == "stored"
    assert rw.get(f"/api/documents/{ok.json()['doc_id']}").status_code == 200
    # Derived data cached per store state (rounds, position statuses) follows the new document.
    rounds = rw.get("/api/negotiation").json()["rounds"]
    assert len(rounds) == len(rounds_before) + 1
    assert ok.json()["doc_id"] in {r["doc_id"] for r in rounds}


def test_analyze_returns_the_document_record(api_store: str, nlp: Any) -> None:
    from peacewatch.pipeline import analyze

    c = _client(api_store, open_analyze=True, analyze=lambda r, p: analyze(r, published=p, nlp=nlp))
    html = (
        "<html><body><article><p>Negotiators from Ukraine and Russia met in Minsk on Monday, "
        'officials said.</p><p>"We demand a ceasefire," Ukrainian negotiator Taras Melnyk '
        "said.</p></article></body></html>"
    )
    resp = c.post(
        "/api/analyze", json={"text": html, "content_type": "html", "published": "2022-03-01"}
    )
    assert resp.status_code == 200, resp.text
    doc = resp.json()
    assert "Minsk" in doc["body"]["text"] and "<p>" not in doc["body"]["text"]
    assert doc["quotes"] and doc["spans"]
    for s in doc["spans"]:
        assert doc["body"]["text"][s["start"] : s["end"]] == s["text"]


def test_xss_payloads_come_back_as_data(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 500}).json()["items"]
    xss = next(d for d in docs if d["key"] == "fixture-xss")
    assert xss["title"].endswith(SCRIPT_PAYLOAD)
    doc = client.get(f"/api/documents/{xss['doc_id']}")
    assert doc.headers["content-type"].startswith("application/json")
    text = doc.json()["document"]["body"]["text"]
    assert SCRIPT_PAYLOAD in text and IMG_PAYLOAD in text


def test_openapi_spec_documents_the_error_shape(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    assert {"/api/events", "/api/documents/{doc_id}", "/api/analyze"} <= set(spec["paths"])
    responses = spec["paths"]["/api/events"]["get"]["responses"]
    assert responses["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_serve_command_is_registered() -> None:
    from typer.testing import CliRunner

    from peacewatch.cli import app

    out = CliRunner().invoke(app, ["serve", "--help"])
    assert out.exit_code == 0, out.output
    assert "--db" in out.output and "--port" in out.output


def test_totals_are_counted_up_to_a_cap(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peacewatch.api import routes

    full = client.get("/api/entities", params={"limit": 500}).json()
    assert full["total"] > 3
    monkeypatch.setattr(routes, "COUNT_CAP", 2)
    for path in ("events", "quotes", "entities", "documents", "places", "positions"):
        every = client.get(f"/api/{path}", params={"limit": 500, "exact_total": True}).json()
        capped = client.get(f"/api/{path}", params={"limit": 1}).json()
        assert every["total_exact"] is True
        if every["total"] > 2:  # more than the cap: "at least 3", and the page is unchanged
            assert (capped["total"], capped["total_exact"]) == (3, False), path
        else:
            assert (capped["total"], capped["total_exact"]) == (every["total"], True), path
        assert capped["items"] == every["items"][:1]


STATUSES = ("reported", "corroborated", "contested", "denied")


@pytest.fixture(scope="module")
def claims(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> Iterator[tuple[str, TestClient]]:
    """A store of three reports of one day of talks (api_fixtures.CLAIM_ARTICLES)."""
    from api_fixtures import CLAIM_ARTICLES, build_store

    url = build_store(tmp_path_factory.mktemp("claims") / "claims.db", nlp, CLAIM_ARTICLES)
    with _client(url, rate_per_minute=0) as c:
        yield url, c


@pytest.mark.parametrize("path", ["events", "positions"])
def test_claim_status_filter(claims: tuple[str, TestClient], path: str) -> None:
    _, c = claims
    every = c.get(f"/api/{path}", params={"limit": 500}).json()["items"]
    assert every and {r["claim_status"] for r in every} <= set(STATUSES)
    for status in STATUSES:
        got = c.get(f"/api/{path}", params={"claim_status": status, "limit": 500}).json()
        want = [r["id"] for r in every if r["claim_status"] == status]
        assert [r["id"] for r in got["items"]] == want, status
        assert got["total"] == len(want)
    err = _error(c.get(f"/api/{path}", params={"claim_status": "rumoured"}), 422)
    assert err["code"] == "invalid_request"


def test_position_status_is_that_of_the_track(claims: tuple[str, TestClient]) -> None:
    """The API's position statuses are those negotiation.corpus.track_state gives the same
    documents (its reference implementation), and the fixture has more than one kind."""
    from peacewatch.corpus.negotiation import Sourced, track_state
    from peacewatch.store.db import make_engine
    from peacewatch.store.load import load_documents

    url, c = claims
    stored = load_documents(make_engine(url))
    version_of = {s.doc.meta.id: s.version_id for s in stored}
    state = track_state([Sourced(s.doc, s.source) for s in stored])
    want = {
        (track["issue"], version_of[h["evidence"]["doc"]], h["evidence"]["start"], h["stance"]): h[
            "status"
        ]
        for track in state["positions"]
        for h in track["history"]
    }
    got = {
        (p["issue"], p["version_id"], p["evidence_start"], p["stance"]): p["claim_status"]
        for p in c.get("/api/positions", params={"limit": 500}).json()["items"]
        if p["party"]
    }
    assert got == want
    assert {"corroborated", "contested"} <= set(got.values()), got


def test_event_status_follows_the_merged_events(claims: tuple[str, TestClient]) -> None:
    _, c = claims
    events = {e["id"]: e for e in c.get("/api/events", params={"limit": 500}).json()["items"]}
    merged = c.get("/api/merged", params={"limit": 500}).json()["items"]
    seen = set()
    for g in merged:
        for claim in g["claims"]:
            for eid in claim["sources"]:
                e = events[eid]
                if e["modality"] == "denied":
                    want = "denied"
                elif g["contested"]:
                    want = "contested"
                else:
                    want = "corroborated" if g["n_independent"] >= 2 else "reported"
                assert e["claim_status"] == want, (eid, g)
                seen.add(want)
    # The two reports of the Istanbul meeting are one merged event of two sources.
    assert seen - {"reported"} and any(g["n_independent"] >= 2 for g in merged)


@pytest.mark.parametrize("path", ["documents", "events", "quotes", "places", "positions"])
def test_cursor_pages_walk_the_list_in_order(client: TestClient, path: str) -> None:
    every = client.get(f"/api/{path}", params={"limit": 500}).json()
    assert every["next_cursor"] is None and len(every["items"]) > 2
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 2}
    for _ in range(len(every["items"])):  # bounded: one page per row at most
        page = client.get(f"/api/{path}", params=params).json()
        assert page["total"] == every["total"]  # every page reports the whole list's total
        seen += [r["id"] for r in page["items"]]
        if page["next_cursor"] is None:
            break
        params = {"limit": 2, "cursor": page["next_cursor"]}
    assert seen == [r["id"] for r in every["items"]]


def test_cursor_pages_keep_filters_and_refuse_bad_cursors(client: TestClient) -> None:
    every = client.get("/api/positions", params={"claim_status": "reported", "limit": 500}).json()
    first = client.get("/api/positions", params={"claim_status": "reported", "limit": 1}).json()
    nxt = {"claim_status": "reported", "limit": 500, "cursor": first["next_cursor"]}
    rest = client.get("/api/positions", params=nxt).json()
    assert [r["id"] for r in first["items"] + rest["items"]] == [r["id"] for r in every["items"]]
    assert {r["claim_status"] for r in rest["items"]} == {"reported"}
    events_cursor = client.get("/api/events", params={"limit": 1}).json()["next_cursor"]
    for bad in ("nonsense", events_cursor):  # garbage, and another list's cursor
        _error(client.get("/api/quotes", params={"cursor": bad}), 422)
    both = {"cursor": first["next_cursor"], "offset": 1}
    _error(client.get("/api/positions", params=both), 422)
