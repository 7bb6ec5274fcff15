"""Actor filters are exact (issue 17): an ISO code, an actor id or a whole name, never a part
of a name ("RU" once matched "tRUmp" and "RUbio")."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from peacewatch.records import (
    Actor,
    Body,
    Document,
    Entity,
    Event,
    Evidence,
    IssueRecord,
    Mention,
    Metadata,
    Paragraph,
    Position,
    Quote,
    RawInput,
    Round,
    Speaker,
)
from peacewatch.records import Negotiation as Talks
from peacewatch.store import Store
from peacewatch.store.query import Filters, actor_key, run_query

BODY = (
    "Donald Trump called Marco Rubio. Russia shelled Kharkiv. "
    "Vladimir Putin met Ruslan Stefanchuk. Rubio said the talks were useful."
)
TRUMP, RUBIO = Actor("Donald Trump", "US"), Actor("Marco Rubio", "US")
RUSSIA, PUTIN = Actor("Russia", "RU"), Actor("Vladimir Putin", "RU")
STEFANCHUK = Actor("Ruslan Stefanchuk", "UA")


def _ev(sentence: str, actor: Actor, recipient: Actor | None = None) -> Event:
    start = BODY.index(sentence)
    return Event(
        type="CONSULT" if recipient else "ASSAULT",
        evidence=Evidence(sentence, start, start + len(sentence)),
        actors=(actor,),
        recipients=(recipient,) if recipient else (),
        date="2022-04-01",
        date_precision="day",
    )


def _doc() -> Document:
    said = "Rubio said the talks were useful."
    s = BODY.index(said)
    ev = Evidence(said, s, s + len(said))
    r = BODY.index("Marco Rubio")
    position = Position("ceasefire", "supports", ev, party="US", by="Marco Rubio")
    return Document(
        meta=Metadata(id="d", title="Calls", published="2022-04-02"),
        body=Body(BODY, (Paragraph(0, len(BODY)),)),
        entities=(
            Entity(
                "E1", "Marco Rubio", "PERSON", (Mention("Marco Rubio", r, r + 11),), country="US"
            ),
        ),
        quotes=(
            Quote(
                "the talks were useful",
                s + 15,
                s + len(said) - 1,
                "indirect",
                Speaker("Marco Rubio", "E1"),
                "said",
                None,
                None,
                ev,
            ),
        ),
        events=(
            _ev("Donald Trump called Marco Rubio.", TRUMP, RUBIO),
            _ev("Russia shelled Kharkiv.", RUSSIA),
            _ev("Vladimir Putin met Ruslan Stefanchuk.", PUTIN, STEFANCHUK),
        ),
        negotiation=Talks(
            parties=("US", "RU"),
            rounds=(Round((ev,), place="Geneva", date="2022-04-01", date_precision="day"),),
            issues=(
                IssueRecord(
                    "ceasefire",
                    "Ceasefire",
                    None,
                    (ev,),
                    (position, Position("ceasefire", "rejects", ev, party="RU", by="Putin")),
                ),
            ),
        ),
    )


@pytest.fixture
def store(tmp_path: Path) -> Any:
    with Store(str(tmp_path / "s.db")) as st:
        st.ingest(RawInput(id="d", source="d", data=BODY, content_type="text"), lambda r, p: _doc())
        st.corroborate()
        yield st


def _names(rows: list[dict[str, Any]]) -> set[str]:
    return {a["name"] for r in rows for a in r["actors"]}


def test_an_iso_code_matches_the_country_not_letters_in_names(store: Any) -> None:
    def events(actor: str) -> set[str]:
        return _names(run_query(store.engine, "events", Filters(actor=actor)))

    assert events("RU") == {"Russia", "Vladimir Putin"}
    assert events("ru") == events("RU")  # a code in any case
    assert events("US") == {"Donald Trump"}  # Rubio is a recipient there, not an actor
    assert run_query(store.engine, "quotes", Filters(actor="RU")) == []


def test_a_whole_name_or_an_actor_id_matches_one_actor(store: Any) -> None:
    def events(actor: str) -> set[str]:
        return _names(run_query(store.engine, "events", Filters(actor=actor)))

    assert events("vladimir putin") == {"Vladimir Putin"}
    assert events("person:vladimir-putin") == {"Vladimir Putin"}
    assert events("state:RU") == events("RU")
    assert events("Putin") == set() and events("Trump") == set()  # a part is no name
    assert events("Ruslan Stefanchuk") == {"Vladimir Putin"}  # the recipient's event
    quotes = run_query(store.engine, "quotes", Filters(actor="Marco Rubio"))
    assert [q["speaker"] for q in quotes] == ["Marco Rubio"]
    assert run_query(store.engine, "quotes", Filters(actor="Rubio")) == []


def test_positions_and_merged_events_filter_exactly(store: Any) -> None:
    def parties(actor: str) -> list[str]:
        rows = run_query(store.engine, "positions", Filters(actor=actor))
        return sorted(r["party"] for r in rows)

    assert parties("RU") == ["RU"]
    assert parties("Marco Rubio") == ["US"]  # who stated it
    assert parties("rubio") == [] and parties("R") == []
    merged = run_query(store.engine, "merged", Filters(actor="RU", since=date(2022, 1, 1)))
    assert merged and all("RU" in g["actors"] for g in merged)
    assert all("US" not in g["actors"] for g in merged)


def test_actor_key() -> None:
    assert actor_key(" ua ") == ("UA", "ua")
    assert actor_key("state:ua") == ("UA", "ua")
    assert actor_key("igo:nato") == (None, "nato")
    assert actor_key("Vladimir Putin") == (None, "vladimir putin")
    assert actor_key("St. Kitts: a note") == (None, "st. kitts: a note")


def test_the_api_filters_exactly_too(store: Any) -> None:
    from fastapi.testclient import TestClient

    from peacewatch.api import Settings, create_app

    client = TestClient(create_app(Settings(db=store.url)))
    events = client.get("/api/events", params={"actor": "RU"}).json()["items"]
    assert {a["name"] for e in events for a in e["actors"]} == {"Russia", "Vladimir Putin"}
    assert client.get("/api/quotes", params={"speaker": "Rubio"}).json()["items"] == []
    neg = client.get("/api/negotiation", params={"party": "RU"}).json()
    assert len(neg["rounds"]) == 1  # RU is a party of the one document
    # "U" is in "US" and "RU": not a party.
    assert client.get("/api/negotiation", params={"party": "U"}).json()["rounds"] == []


@pytest.mark.parametrize("actor", ["RU", "US", "vladimir putin", "Ruslan Stefanchuk", "Putin"])
def test_common_and_rare_actors_give_the_same_events(
    store: Any, actor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Events of an actor with few rows are found first and sorted, of a common one tested in
    date order (query.RARE_ACTOR): the same rows either way."""
    from peacewatch.store import query

    def ids() -> list[str]:
        return [r["id"] for r in run_query(store.engine, "events", Filters(actor=actor))]

    rare = ids()
    monkeypatch.setattr(query, "RARE_ACTOR", -1)  # every actor common
    assert ids() == rare
