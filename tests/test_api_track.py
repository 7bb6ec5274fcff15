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
    assert isinstance(got.pop("urls"), dict)
    assert got == json.loads(json.dumps(cli)) and got["rounds"]
    docs = {r["evidence"]["doc"] for rd in got["rounds"] for r in rd["reports"]}
    assert docs <= set(versions) and docs <= set(titles)
    for doc in docs:  # each version opens in /api/documents
        doc_id, ver = versions[doc].rsplit("/v", 1)
        body = client.get(f"/api/documents/{doc_id}", params={"version": ver})
        assert body.status_code == 200 and body.json()["document"]["document"]["id"] == doc
    later = client.get("/api/track", params={"since": "2022-03-12"}).json()
    assert later["documents"] < got["documents"]


def test_tracks_list_and_open_one(api_store: str) -> None:
    client = TestClient(create_app(Settings(db=api_store)))
    tracks = client.get("/api/tracks").json()["items"]
    assert tracks and all(t["id"] and t["label"] and t["process"] for t in tracks)
    everything = client.get("/api/track").json()
    first = client.get("/api/track", params={"track": tracks[0]["id"]}).json()
    assert first["track"]["id"] == tracks[0]["id"] and first["documents"] == tracks[0]["documents"]
    assert first["documents"] <= everything["documents"]
    # The process's own parties head the columns.
    assert set(first["parties"][: len(first["track"]["process"])]) == set(tracks[0]["process"])
    missing = client.get("/api/track", params={"track": "XX-YY:1999-01"})
    assert missing.status_code == 404 and "/api/tracks" in missing.json()["error"]["fix"]


def test_track_of_light_documents_is_that_of_full_ones(api_store: str) -> None:
    """api/corpus.py decodes documents without the sections no track reads: same track."""
    from peacewatch.api.corpus import current_documents
    from peacewatch.corpus.negotiation import Sourced, track_state
    from peacewatch.store.db import make_engine
    from peacewatch.store.load import load_documents

    engine = make_engine(api_store)
    full = load_documents(engine)
    _, light = current_documents(engine)
    assert [x.version_id for x in full] == [x.version_id for x in light]
    assert track_state([Sourced(s.doc, s.source) for s in full]) == track_state(
        [Sourced(c.doc, c.source) for c in light]
    )
