"""``/api/track`` is what ``peacewatch negotiation --format json`` prints (the same code), plus
the stored version of each evidence's document for the UI's links."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from peacewatch.api import Settings, create_app
from peacewatch.cli import app


def test_track_is_the_cli_negotiation_state(api_store: str) -> None:
    client = TestClient(create_app(Settings(db=api_store)))
    got = client.get("/api/track").json()
    out = CliRunner().invoke(app, ["negotiation", "--db", api_store, "--format", "json"])
    assert out.exit_code == 0, out.output
    cli = json.loads(out.stdout)
    versions, titles = got.pop("versions"), got.pop("titles")
    assert got == json.loads(json.dumps(cli)) and got["rounds"]
    docs = {r["evidence"]["doc"] for rd in got["rounds"] for r in rd["reports"]}
    assert docs <= set(versions) and docs <= set(titles)
    for doc in docs:  # each version opens in /api/documents
        doc_id, ver = versions[doc].rsplit("/v", 1)
        body = client.get(f"/api/documents/{doc_id}", params={"version": ver})
        assert body.status_code == 200 and body.json()["document"]["document"]["id"] == doc
    later = client.get("/api/track", params={"since": "2022-03-12"}).json()
    assert later["documents"] < got["documents"]
