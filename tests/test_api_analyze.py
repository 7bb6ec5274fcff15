"""/api/analyze under abuse (issue 18): the write policy, Bearer-only tokens, length and time
limits, a bounded queue that never makes reads wait, and a rate limit on the real peer."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app
from peacewatch.limits import Limits
from peacewatch.records import Document, RawInput

ARTICLE = "Delegations from Ukraine and Russia met in Minsk on Monday for talks."


def fake_analyze(calls: list[str] | None = None, wait: threading.Event | None = None) -> Any:
    """An analyser that records its inputs (and blocks on ``wait``): the API's own logic is
    under test here, not the NLP. It returns the cleaned document."""
    from peacewatch.clean import clean

    def run(raw: RawInput, published: str | None) -> Document:
        if calls is not None:
            calls.append(str(raw.data))
        if wait is not None:
            assert wait.wait(30), "the test never released the analysis"
        return clean(raw, published)

    return run


def _client(url: str, **kw: Any) -> TestClient:
    kw.setdefault("rate_per_minute", 0)
    return TestClient(create_app(Settings(db=url, **kw)), raise_server_exceptions=False)


def _error(resp: Any, status: int) -> dict[str, Any]:
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "fix"}
    return dict(body["error"])


def test_analysis_is_off_on_a_read_only_server(api_store: str) -> None:
    calls: list[str] = []
    c = _client(api_store, analyze=fake_analyze(calls))
    assert c.get("/api/health").json()["analyze"] == "off"
    err = _error(c.post("/api/analyze", json={"text": ARTICLE}), 403)
    assert err["code"] == "analysis_off" and "--open-analyze" in err["fix"]
    assert calls == []
    opened = _client(api_store, open_analyze=True, analyze=fake_analyze(calls))
    assert opened.get("/api/health").json()["analyze"] == "open"
    assert opened.post("/api/analyze", json={"text": ARTICLE}).status_code == 200
    assert calls == [ARTICLE]


@pytest.mark.parametrize(
    "header",
    [None, "s3cret", "Bearer nope", "Basic s3cret", "Bearer", "Bearers3cret", "Token s3cret"],
)
def test_analysis_needs_the_bearer_token(api_store: str, header: str | None) -> None:
    calls: list[str] = []
    # open_analyze does not open a server that has a token: the token still counts.
    c = _client(api_store, token="s3cret", open_analyze=True, analyze=fake_analyze(calls))
    headers = {"Authorization": header} if header is not None else {}
    for path in ("/api/analyze", "/api/documents"):
        resp = c.post(path, json={"text": ARTICLE}, headers=headers)
        assert _error(resp, 401)["code"] == "unauthorized"
        assert resp.headers["www-authenticate"] == "Bearer"
    assert calls == []


def test_the_bearer_token_is_accepted(api_store: str) -> None:
    calls: list[str] = []
    c = _client(api_store, token="s3cret", analyze=fake_analyze(calls))
    assert c.get("/api/health").json()["analyze"] == "token"
    for header in ("Bearer s3cret", "bearer s3cret", "  Bearer   s3cret "):
        resp = c.post("/api/analyze", json={"text": ARTICLE}, headers={"Authorization": header})
        assert resp.status_code == 200, (header, resp.text)
    assert len(calls) == 3


def test_tokens_are_compared_in_constant_time(
    api_store: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hmac

    seen: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)  # writes looks it up on the module
    c = _client(api_store, token="s3cret", analyze=fake_analyze())
    c.post("/api/analyze", json={"text": ARTICLE}, headers={"Authorization": "Bearer x"})
    assert seen == [(b"x", b"s3cret")]


def test_length_limits(api_store: str) -> None:
    calls: list[str] = []
    limits = Limits(max_paragraph=100, max_chars=300)
    c = _client(api_store, open_analyze=True, limits=limits, analyze=fake_analyze(calls))
    sentence = "Talks resumed in Minsk on Monday, officials said. "  # 50 characters
    long_paragraph = "First paragraph.\n\n" + sentence * 3
    err = _error(c.post("/api/analyze", json={"text": long_paragraph}), 413)
    assert err["code"] == "paragraph_too_long" and "paragraph 2" in err["message"]
    assert "--max-paragraph" in err["fix"]
    long_text = "\n\n".join([sentence.strip()] * 7)  # 7 short paragraphs, 343 characters
    err = _error(c.post("/api/analyze", json={"text": long_text}), 413)
    assert err["code"] == "text_too_long" and "--max-chars" in err["fix"]
    # Lengths are those of the cleaned text: markup and blank space do not count.
    html = "<html><body><article>" + f"<p>{sentence}</p>" * 5 + "</article></body></html>"
    ok = c.post("/api/analyze", json={"text": html, "content_type": "html"})
    assert ok.status_code == 200, ok.text
    assert len(calls) == 1  # the refused requests never reached the analyser


def test_time_limit(api_store: str) -> None:
    release = threading.Event()
    c = _client(
        api_store,
        open_analyze=True,
        limits=Limits(timeout_s=0.5),
        analyze=fake_analyze(wait=release),
    )
    start = time.monotonic()
    err = _error(c.post("/api/analyze", json={"text": ARTICLE}), 503)
    took = time.monotonic() - start
    release.set()
    assert err["code"] == "analysis_timeout" and "--analyze-timeout" in err["fix"]
    # The upper bound only tells a timeout from a hang (`release` is set after the call).
    assert 0.5 <= took < 60


def test_the_pipeline_stops_at_its_deadline_and_otherwise_matches_analyze(
    api_store: str, nlp: Any
) -> None:
    import math

    from peacewatch.api.state import State
    from peacewatch.api.work import TimedOut
    from peacewatch.pipeline import analyze
    from peacewatch.serialize import to_json

    st = State(Settings(db=api_store))
    raw = RawInput(id="t", source="test", data=ARTICLE, content_type="text")
    with pytest.raises(TimedOut):
        st.analyse(raw, "2022-03-01", time.monotonic() - 1)
    staged = st.analyse(raw, "2022-03-01", math.inf)
    assert to_json(staged) == to_json(analyze(raw, published="2022-03-01", nlp=nlp))


@contextmanager
def served(app: Any, **uvicorn_options: Any) -> Iterator[str]:
    """``app`` under uvicorn on a free loopback port, as ``peacewatch serve`` runs it."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="warning", **uvicorn_options
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start within 20 s"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


def _until(check: Callable[[], bool], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.02)


def test_a_full_queue_answers_503_and_reads_never_wait(api_store: str) -> None:
    """45 blocked analyses: more than the 40 threads that serve sync routes, which they once
    all held so that /api/health timed out. Now they hold none."""
    release = threading.Event()
    limits = Limits(workers=1, depth=44)
    app = create_app(
        Settings(
            db=api_store,
            open_analyze=True,
            rate_per_minute=0,
            limits=limits,
            analyze=fake_analyze(wait=release),
        )
    )
    queue = app.state.pw.queue
    statuses: list[int] = []
    with served(app) as base:

        def post() -> None:
            r = httpx.post(f"{base}/api/analyze", json={"text": ARTICLE}, timeout=60)
            statuses.append(r.status_code)

        posters = [threading.Thread(target=post) for _ in range(45)]
        try:
            for t in posters:
                t.start()
            _until(lambda: queue.in_flight == 45)
            full = httpx.post(f"{base}/api/analyze", json={"text": ARTICLE}, timeout=10)
            assert _error(full, 503)["code"] == "busy"
            assert int(full.headers["retry-after"]) >= 1
            # A read that waited for the queue would wait until `release` below, so it times
            # out: no wall-clock limit is needed (and none is asserted: the machine may be busy).
            for path in ("/api/health", "/api/documents", "/api/events", "/api/quotes"):
                r = httpx.get(f"{base}{path}", timeout=30)
                assert r.status_code == 200, path
        finally:
            release.set()
            for t in posters:
                t.join(timeout=60)
    assert statuses == [200] * 45
    assert queue.in_flight == 0


def _statuses(base: str, forwarded: list[str]) -> list[int]:
    return [
        httpx.get(f"{base}/api/health", headers={"X-Forwarded-For": ip}).status_code
        for ip in forwarded
    ]


def test_a_forged_forwarded_for_does_not_dodge_the_rate_limit(api_store: str) -> None:
    from peacewatch.cli.api import proxy_options

    ips = [f"203.0.113.{i}" for i in range(5)]
    app = create_app(Settings(db=api_store, rate_per_minute=3))
    with served(app, **proxy_options(None)) as base:
        assert _statuses(base, ips) == [200, 200, 200, 429, 429]
    # Behind a proxy the operator names, each forwarded client has its own count.
    app = create_app(Settings(db=api_store, rate_per_minute=3))
    with served(app, **proxy_options(["127.0.0.1"])) as base:
        assert _statuses(base, ips) == [200] * 5


def test_serve_passes_the_options_on(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from peacewatch.cli import app

    seen: dict[str, Any] = {}

    def fake_run(asgi: Any, **kw: Any) -> None:
        seen.update(kw, settings=asgi.state.pw.settings)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    monkeypatch.delenv("PEACEWATCH_API_TOKEN", raising=False)
    db = str(tmp_path / "s.db")
    # --create: the store does not exist yet; --port 0: any free port (the busy-port check
    # binds it before serving).
    out = CliRunner().invoke(app, ["serve", "--db", db, "--create", "--port", "0"])
    assert out.exit_code == 0, out.output
    assert seen["proxy_headers"] is False
    assert seen["settings"].open_analyze is False and seen["settings"].limits == Limits()
    args = ["serve", "--db", db, "--port", "0", "--open-analyze", "--max-chars", "5000"]
    args += ["--max-paragraph"]
    args += ["900", "--analyze-timeout", "7", "--analyze-queue", "2", "--trusted-proxy", "10.0.0.1"]
    out = CliRunner().invoke(app, args)
    assert out.exit_code == 0, out.output
    assert seen["proxy_headers"] is True and seen["forwarded_allow_ips"] == "10.0.0.1"
    settings = seen["settings"]
    assert settings.open_analyze is True
    assert settings.limits == Limits(max_paragraph=900, max_chars=5000, timeout_s=7, depth=2)
