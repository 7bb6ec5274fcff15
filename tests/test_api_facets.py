"""The UI's menus (issue 17): speakers linked to an entity, most quoted first; the parties of
the talks before their third parties, for the positions board's columns."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacewatch.api import Settings, create_app
from peacewatch.records import (
    Body,
    Document,
    Entity,
    Evidence,
    Mention,
    Metadata,
    Paragraph,
    Quote,
    RawInput,
    Speaker,
)
from peacewatch.records import Negotiation as Talks
from peacewatch.store import Store

BODY = "Ann Lee said yes. Bo Kim said no. Ann Lee said maybe. Time said nothing. Wire said so."


def _quote(sentence: str, speaker: Speaker) -> Quote:
    s = BODY.index(sentence)
    word = sentence.split(" said ")[1].rstrip(".")
    w = BODY.index(word, s)
    return Quote(
        word, w, w + len(word), "indirect", speaker, "said", None, None,
        Evidence(sentence, s, s + len(sentence)),
    )  # fmt: skip


def _entity(eid: str, name: str, type_: Any) -> Entity:
    s = BODY.index(name)
    return Entity(eid, name, type_, (Mention(name, s, s + len(name)),))


def _doc(doc_id: str, talks: Talks) -> Document:
    return Document(
        meta=Metadata(id=doc_id, title=doc_id, published="2022-03-01"),
        body=Body(BODY, (Paragraph(0, len(BODY)),)),
        entities=(
            _entity("E1", "Ann Lee", "PERSON"),
            _entity("E2", "Bo Kim", "PERSON"),
            _entity("E3", "Wire", "OUTLET"),
        ),
        quotes=(
            _quote("Ann Lee said yes.", Speaker("Ann Lee", "E1")),
            _quote("Bo Kim said no.", Speaker("Bo Kim", "E2")),
            _quote("Ann Lee said maybe.", Speaker("Ann Lee", "E1")),
            _quote("Time said nothing.", Speaker("Time")),  # no entity: a phrase, not a person
            _quote("Wire said so.", Speaker("Wire", "E3")),  # an outlet relays, it is no speaker
        ),
        negotiation=talks,
    )


def _fixed(doc: Document) -> Callable[[RawInput, str | None], Document]:
    return lambda raw, published: doc


def test_menus_list_speakers_and_the_roles_of_the_talks(tmp_path: Path) -> None:
    docs = {
        "a": _doc("a", Talks(parties=("UA", "RU"), mediators=("TR",))),
        "b": _doc("b", Talks(parties=("RU", "UA"), hosts=("TR", "IL"))),
        "c": _doc("c", Talks(parties=("UA",), mediators=("RU",))),
    }
    url = str(tmp_path / "s.db")
    with Store(url) as store:
        for key, doc in docs.items():
            raw = RawInput(id=key, source=key, data=BODY + key, content_type="text")
            store.ingest(raw, _fixed(doc))
    facets = TestClient(create_app(Settings(db=url))).get("/api/facets").json()
    # Ann Lee: 2 quotes in each of 3 documents; Bo Kim: 1.
    assert facets["speakers"] == ["Ann Lee", "Bo Kim"]
    # UA named a party by 3 documents, RU by 2 (a party named a mediator once stays a party).
    assert facets["talk_parties"] == ["UA", "RU"]
    assert facets["talk_third_parties"] == ["TR", "IL"]


def test_a_name_only_cited_as_a_source_is_no_speaker(
    tmp_path_factory: pytest.TempPathFactory, nlp: Any
) -> None:
    """ "According to Wikipedia, ..." makes Wikipedia the quote's speaker; the menu of speakers
    leaves out a name every quote of which is attributed so (issue 17)."""
    from api_fixtures import build_store

    article = {
        "id": "fixture-source-cited",
        "published": "2022-05-20",
        "title": "A speech",
        "publisher": "Fixture Wire",
        "text": (
            '"We need weapons," Ukrainian negotiator Taras Melnyk told reporters in Kyiv.\n\n'
            "According to Wikipedia, our big goal is a grand slam."
        ),
    }
    url = build_store(tmp_path_factory.mktemp("cited") / "s.db", nlp, [article])
    client = TestClient(create_app(Settings(db=url)))
    quotes = client.get("/api/quotes").json()["items"]
    cited = [q for q in quotes if q["speaker"] == "Wikipedia"]
    if not cited:
        pytest.skip("attribution no longer makes Wikipedia a speaker")
    speakers = client.get("/api/facets").json()["speakers"]
    assert "Wikipedia" not in speakers and "Taras Melnyk" in speakers
