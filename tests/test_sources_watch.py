"""``peacewatch watch --once``: a feed on loopback and a folder, alerts, webhook, health."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import feedparser
import pytest
from typer.testing import CliRunner

from peacewatch.cli import app
from peacewatch.pipeline import analyze
from peacewatch.records import RawInput
from peacewatch.sources.alerts import changes
from peacewatch.sources.files import read_inputs
from peacewatch.sources.state import load_state

SRC = Path(__file__).parent / "fixtures" / "sources"
POSTS: list[dict[str, Any]] = []


class _Site(BaseHTTPRequestHandler):
    """The fixture folder for GET, and a webhook that records POSTs."""

    def do_GET(self) -> None:
        path = SRC / self.path.lstrip("/")
        if not path.is_file():
            self.send_error(404)
            return
        data = path.read_bytes()
        self.send_response(200)
        ctype = "application/rss+xml" if path.suffix == ".rss" else "text/html; charset=utf-8"
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        n = int(self.headers.get("Content-Length", "0"))
        POSTS.append(json.loads(self.rfile.read(n)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_watch_once_ingests_new_items_and_writes_alerts(
    site: str, tmp_path: Path, nlp: Any
) -> None:
    feed, dead = f"{site}/linked.rss", f"{site}/missing.rss"
    args = [
        "watch", feed, str(SRC / "newscrawl.jsonl"), dead, "--once",
        "--db", str(tmp_path / "w.db"), "--state", str(tmp_path / "state.json"),
        "--alerts", str(tmp_path / "alerts.atom"), "--webhook", f"{site}/hook",
    ]  # fmt: skip
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 1, first.output  # one flagged source: the missing feed
    assert "404" in first.output
    state = load_state(tmp_path / "state.json")
    assert len(state.source(feed).seen) == 4
    assert len(state.source(str(SRC / "newscrawl.jsonl")).seen) == 3
    parsed = feedparser.parse((tmp_path / "alerts.atom").read_bytes())
    assert not parsed.bozo and parsed.entries
    assert {e.category for e in parsed.entries} >= {"round"}
    assert POSTS and POSTS[-1]["alerts"]
    posts = len(POSTS)

    again = CliRunner().invoke(app, args)
    assert again.exit_code == 1
    assert "0 alert(s)" in again.output  # nothing new since the last poll
    assert len(POSTS) == posts  # no empty webhook posts
    after = load_state(tmp_path / "state.json")
    assert after.source(feed).listed == [4, 4]  # seen entries still count as listed
    assert after.source(dead).failures == 2


def test_alerts_for_position_change_and_new_stage(nlp: Any) -> None:
    raw = next(
        r
        for r in read_inputs([str(SRC / "pages")])
        if isinstance(r, RawInput) and "voa-8008456" in str(r.url)
    )
    doc = analyze(raw, nlp=nlp)
    memory: dict[str, Any] = {}
    changes(doc, memory)
    assert changes(doc, memory) == []  # the same records again: nothing changed
    issue = next(i for i in doc.negotiation.issues if any(p.party for p in i.positions))
    pos = next(p for p in issue.positions if p.party)
    flipped = replace(pos, stance="rejects" if pos.stance != "rejects" else "accepts")
    issues = tuple(
        replace(i, positions=(flipped,)) if i is issue else i for i in doc.negotiation.issues
    )
    agreements = tuple(replace(a, stage="signed") for a in doc.negotiation.agreements)
    doc2 = replace(doc, negotiation=replace(doc.negotiation, issues=issues, agreements=agreements))
    kinds = {a.kind for a in changes(doc2, memory)}
    assert {"position", "stage"} <= kinds


def test_parse_every() -> None:
    from peacewatch.cli.sources import parse_every

    assert parse_every("15m") == 900 and parse_every("2h") == 7200 and parse_every("45") == 45
    with pytest.raises(Exception, match="30s"):
        parse_every("soon")
