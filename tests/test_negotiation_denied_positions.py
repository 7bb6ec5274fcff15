"""Positions a party denies holding: kept with status "denied", never taken as held.

Fixture sentences are our own (no text of ../shared). Each rule is checked with a case where it
must not fire.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from peacewatch.corpus.brief import brief_markdown
from peacewatch.corpus.negotiation import Sourced, track_state
from peacewatch.corpus.render import render
from peacewatch.corpus.track import changes
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Document, Position, RawInput
from peacewatch.serialize import to_json, validate
from peacewatch.store.load import from_json


def run(text: str, nlp: Any, doc_id: str = "t", published: str = "2022-03-16") -> Document:
    raw = RawInput(id=doc_id, source="test", data=text, content_type="text", published=published)
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


def positions(doc: Document) -> list[Position]:
    return [p for i in doc.negotiation.issues for p in i.positions]


def summary(doc: Document) -> list[tuple[str, str, str | None, str | None]]:
    return sorted((p.issue, p.stance, p.party, p.status) for p in positions(doc))


# --- one article


def test_a_denied_position_keeps_stance_party_and_evidence(nlp: Any) -> None:
    lead = "Officials spoke to reporters on Monday. "
    doc = run(lead + "Kyiv denied that it had offered neutrality.", nlp)
    (p,) = positions(doc)
    assert (p.issue, p.stance, p.party, p.status) == ("neutrality", "offers", "UA", "denied")
    # The evidence runs from who denies it to the denied stance, at its exact offsets.
    want = "Kyiv denied that it had offered neutrality"
    assert (p.evidence.text, p.evidence.start, p.evidence.end) == (
        want,
        len(lead),
        len(lead) + len(want),
    )
    assert doc.body.text[p.evidence.start : p.evidence.end] == want


@pytest.mark.parametrize(
    ("text", "want", "starts"),
    [
        # A report noun that is rejected or dismissed.
        (
            "Moscow rejected reports that it had proposed a ceasefire.",
            ("ceasefire", "offers", "RU", "denied"),
            "Moscow rejected reports",
        ),
        (
            "The Kremlin dismissed claims that Russia had accepted security guarantees.",
            ("security-guarantees", "accepts", "RU", "denied"),
            "The Kremlin dismissed claims",
        ),
        # "denied offering X" is a denied offer, not a rejection of X.
        (
            "Moscow denied proposing a ceasefire.",
            ("ceasefire", "offers", "RU", "denied"),
            "Moscow denied",
        ),
        # A person of the party denies it, about himself.
        (
            "Zelensky denied that he had agreed to neutrality.",
            ("neutrality", "accepts", "UA", "denied"),
            "Zelensky denied",
        ),
    ],
)
def test_denial_forms(nlp: Any, text: str, want: tuple[str, ...], starts: str) -> None:
    doc = run(text, nlp)
    assert summary(doc) == [want]
    (p,) = positions(doc)
    assert p.evidence.start == 0 and p.evidence.text.startswith(starts)


@pytest.mark.parametrize(
    "text",
    [
        # A denial of what the other side did says nothing of the denier's stance, and the
        # reported stance is denied, not held, by the text.
        "Kyiv denied that Moscow had offered a ceasefire.",
        "Moscow rejected reports that Kyiv had offered a ceasefire.",
        # A passive does not say whose offer it would have been.
        "Moscow denied that neutrality had been offered.",
        # "they" after a country mostly stands for the other side.
        "Moscow denied that they had offered a ceasefire.",
    ],
)
def test_no_denied_position_where_it_is_not_reliable(nlp: Any, text: str) -> None:
    assert summary(run(text, nlp)) == []


def test_a_negated_denial_denies_nothing(nlp: Any) -> None:
    doc = run("Kyiv did not deny that it had offered neutrality.", nlp)
    assert all(p.status != "denied" for p in positions(doc))


def test_held_positions_have_no_status(nlp: Any) -> None:
    doc = run("Ukraine offered neutrality. Russia rejected a ceasefire.", nlp)
    assert summary(doc) == [
        ("ceasefire", "rejects", "RU", None),
        ("neutrality", "offers", "UA", None),
    ]


def test_a_denied_agreement_is_no_commitment(nlp: Any) -> None:
    doc = run("Kyiv denied that it had agreed to withdraw troops from Kherson.", nlp)
    assert doc.negotiation.commitments == ()
    assert [(p.stance, p.party, p.status) for p in positions(doc)] == [("accepts", "UA", "denied")]
    held = run("Kyiv agreed to withdraw troops from Kherson.", nlp)
    assert [c.obligor for c in held.negotiation.commitments] == ["UA"]


def test_status_in_the_json_and_back(nlp: Any) -> None:
    doc = run("Ukraine rejected neutrality. Moscow denied proposing a ceasefire.", nlp)
    data = to_json(doc)
    validate(data)
    got = {(p["issue"], p["status"]) for i in data["negotiation"]["issues"] for p in i["positions"]}
    assert got == {("neutrality", None), ("ceasefire", "denied")}
    back = from_json(json.loads(json.dumps(data)))
    assert positions(back) == positions(doc)
    # Stored JSON written before the field existed still loads, as held.
    for i in data["negotiation"]["issues"]:
        for p in i["positions"]:
            del p["status"]
    assert all(p.status is None for p in positions(from_json(data)))


# --- across documents

REPORTED = "A Russian official said Ukraine had offered neutrality at the talks."
DENIAL = "Kyiv denied on Tuesday that it had offered neutrality at the talks in Istanbul."


def _sourced(docs: list[Document]) -> list[Sourced]:
    return [Sourced(d, d.meta.id) for d in docs]


def _history(state: dict[str, Any], party: str, issue: str) -> list[tuple[str, str, str]]:
    (track,) = [p for p in state["positions"] if (p["party"], p["issue"]) == (party, issue)]
    return [(h["stance"], h["status"], h["evidence"]["doc"]) for h in track["history"]]


def test_a_denial_is_denied_and_contests_the_report_it_answers(nlp: Any) -> None:
    said = run(REPORTED, nlp, "said", "2022-04-05")
    denial = run(DENIAL, nlp, "deny", "2022-04-06")
    state = track_state(_sourced([said, denial]))
    # The denial is dated by its "on Tuesday" (2022-04-05), the day of the report.
    assert sorted(_history(state, "UA", "neutrality")) == [
        ("offers", "contested", "said"),
        ("offers", "denied", "deny"),
    ]
    # A week later the denial is old news: the new report stands alone.
    late = run(REPORTED, nlp, "late", "2022-04-13")
    state = track_state(_sourced([late, denial]))
    assert ("offers", "reported", "late") in _history(state, "UA", "neutrality")


def test_a_denial_does_not_corroborate_the_stance(nlp: Any) -> None:
    said = run(REPORTED, nlp, "said", "2022-04-05")
    again = run(REPORTED, nlp, "again", "2022-04-09")
    denial = run(DENIAL, nlp, "deny", "2022-04-20")
    state = track_state(_sourced([said, again, denial]))
    statuses = {doc: status for _, status, doc in _history(state, "UA", "neutrality")}
    assert statuses == {"said": "corroborated", "again": "corroborated", "deny": "denied"}
    only = track_state(_sourced([said, denial]))
    assert {d: s for _, s, d in _history(only, "UA", "neutrality")}["said"] == "reported"


def test_what_moved_ignores_a_denied_position(nlp: Any) -> None:
    before = run("Ukraine rejected neutrality.", nlp, "before", "2022-03-01")
    denial = run(DENIAL, nlp, "deny", "2022-03-20")
    # Against neutrality, then a denial of offering it: no move.
    assert changes([before, denial], []) == []
    # ... whereas an offer reported as held is a move (the check can fail).
    offer = run(REPORTED, nlp, "offer", "2022-03-20")
    moved = changes([before, offer], [])
    assert [(c.party, c.issue, c.before.stance, c.after.stance) for c in moved] == [
        ("UA", "neutrality", "rejects", "offers")
    ]


def test_the_brief_shows_a_denial_as_such(nlp: Any) -> None:
    said = run(REPORTED, nlp, "said", "2022-04-05")
    denial = run(DENIAL, nlp, "deny", "2022-04-06")
    md = brief_markdown([said, denial])
    line = next(x for x in md.splitlines() if "deny [" in x)
    assert "**UA** denies: offers" in line and "“Kyiv denied on Tuesday" in line
    held = next(x for x in md.splitlines() if "said [" in x)
    assert "denies" not in held and "**UA** offers" in held
    out = render(track_state(_sourced([said, denial])), markdown=True)
    assert "**UA** denies: offers" in out and "[denied]" in out and "[contested]" in out


# --- the store, the API and the CLI

DENIED_ARTICLES = [
    {
        "id": "pos-said",
        "published": "2022-04-05",
        "title": "An account of the talks",
        "publisher": "Wire One",
        "text": REPORTED,
    },
    {
        "id": "pos-denied",
        "published": "2022-04-06",
        "title": "Kyiv answers",
        "publisher": "Paper Two",
        "text": DENIAL + "\n\nMoscow rejected a ceasefire, its spokesman said.",
    },
]


@pytest.fixture(scope="module")
def denied_store(tmp_path_factory: pytest.TempPathFactory, nlp: Any) -> str:
    from api_fixtures import build_store

    return build_store(tmp_path_factory.mktemp("denied") / "denied.db", nlp, DENIED_ARTICLES)


def test_the_store_keeps_the_status(denied_store: str) -> None:
    import sqlalchemy as sa

    from peacewatch.store import schema
    from peacewatch.store.db import make_engine
    from peacewatch.store.load import load_documents

    engine = make_engine(denied_store)
    pos = schema.positions
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(pos.c.issue, pos.c.stance, pos.c.party, pos.c.status, pos.c.evidence_text)
        ).all()
    assert ("neutrality", "offers", "UA", "denied") in {r[:4] for r in rows}
    assert {r.status for r in rows if r.issue == "ceasefire"} == {None}
    denied_row = next(r for r in rows if r.status == "denied")
    assert denied_row.evidence_text.startswith("Kyiv denied on Tuesday")
    loaded = {s.doc.meta.id: s.doc for s in load_documents(engine)}
    assert [p.status for p in positions(loaded["pos-denied"]) if p.issue == "neutrality"] == [
        "denied"
    ]


def test_api_and_cli_claim_status_denied(denied_store: str) -> None:
    from fastapi.testclient import TestClient

    from peacewatch.api import Settings, create_app
    from peacewatch.cli import app

    with TestClient(create_app(Settings(db=denied_store, rate_per_minute=0))) as c:
        every = c.get("/api/positions", params={"limit": 500}).json()["items"]
        got = c.get("/api/positions", params={"claim_status": "denied", "limit": 500}).json()
    by_status = {(p["issue"], p["stance"], p["party"]): p["claim_status"] for p in every}
    assert by_status[("neutrality", "offers", "UA")] in ("denied", "contested")
    assert sorted(by_status.values()).count("denied") == 1
    assert [(p["issue"], p["party"], p["status"]) for p in got["items"]] == [
        ("neutrality", "UA", "denied")
    ]
    # The held report the denial answers is contested, as the track says.
    said = next(p for p in every if p["doc_id"] != got["items"][0]["doc_id"])
    assert said["claim_status"] == "contested"
    out = CliRunner().invoke(
        app,
        ["query", "positions", "--db", denied_store, "--claim-status", "denied", "-f", "jsonl"],
    )
    assert out.exit_code == 0, out.output
    rows = [json.loads(x) for x in out.stdout.splitlines() if x.strip()]
    assert [(r["issue"], r["claim_status"]) for r in rows] == [("neutrality", "denied")]


def test_store_statuses_are_those_of_the_track(denied_store: str) -> None:
    from fastapi.testclient import TestClient

    from peacewatch.api import Settings, create_app
    from peacewatch.store.db import make_engine
    from peacewatch.store.load import load_documents

    stored = load_documents(make_engine(denied_store))
    version_of = {s.doc.meta.id: s.version_id for s in stored}
    state = track_state([Sourced(s.doc, s.source) for s in stored])
    want = {
        (t["issue"], version_of[h["evidence"]["doc"]], h["evidence"]["start"]): h["status"]
        for t in state["positions"]
        for h in t["history"]
    }
    with TestClient(create_app(Settings(db=denied_store, rate_per_minute=0))) as c:
        items = c.get("/api/positions", params={"limit": 500}).json()["items"]
    got = {(p["issue"], p["version_id"], p["evidence_start"]): p["claim_status"] for p in items}
    assert got == want
    assert {"denied", "contested"} <= set(got.values())
