"""Recipients of coded events, on sentences written for these tests (no evaluation text)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from peacewatch.evidence import check_offsets
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.pipeline import analyze
from peacewatch.records import Document, Event, RawInput


def _event(text: str, type_: str, nlp: Language) -> tuple[Document, Event]:
    doc = analyze(RawInput(id="t", source="-", data=text, content_type="text"), nlp=nlp)
    check_offsets(doc)
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in doc.events]
    return doc, found[0]


@pytest.mark.parametrize(
    ("text", "type_", "name", "country"),
    [
        # the event noun's preposition, not the light verb's object
        (
            "Olaf Scholz had a telephone conversation with the Prime Minister of Israel.",
            "CONSULT",
            "the Prime Minister of Israel",
            "IL",
        ),
        ("Norway imposed sanctions on Iran.", "SANCTION", "Iran", "IR"),
        # a demonym from countries.json that plover_actors.json does not list
        ("The Finnish president congratulated the Serbian leader.", "SUPPORT", None, "RS"),
    ],
)
def test_recipient_of_the_act(
    nlp: Language, text: str, type_: str, name: str | None, country: str | None
) -> None:
    doc, ev = _event(text, type_, nlp)
    if country is None:
        return
    assert [r.country for r in ev.recipients] == [country]
    if name is not None:
        assert [r.name for r in ev.recipients] == [name]
    for r in ev.recipients:
        assert r.name in doc.body.text


def test_an_office_reached_through_with_is_a_recipient_kept_unresolved(nlp: Language) -> None:
    """The events stage finds the recipient; the actors stage (issue 14) finds no one the
    bare title could stand for in this text, so it is kept apart, never shown as an actor."""
    _, ev = _event("The envoy met with the defence minister on Tuesday.", "CONSULT", nlp)
    assert ev.recipients == ()
    assert "the defence minister" in ev.unresolved


def test_an_office_resolves_to_the_person_who_holds_it(nlp: Language) -> None:
    _, ev = _event(
        "Defence Minister Oleksii Reznikov spoke on Monday. The envoy met with the defence "
        "minister on Tuesday.",
        "CONSULT",
        nlp,
    )
    assert [(r.name, r.mention, r.sector) for r in ev.recipients] == [
        ("Oleksii Reznikov", "the defence minister", "government")
    ]


def test_the_topic_of_a_discussion_is_not_a_recipient(nlp: Language) -> None:
    _, ev = _event("The ministers discussed the situation on the border.", "CONSULT", nlp)
    assert ev.recipients == ()


def test_actor_countries_include_demonyms_and_prefer_the_longest_name() -> None:
    lex = lexicon()
    assert lex.country_of("the Serbian delegation") == "RS"
    assert lex.country_of("United States officials") == "US"
    assert lex.country_of("the Kremlin") == "RU"
    # countries.json "no_pattern": a country name that is also a common first name
    assert lex.country_of("Jordan") is None
    assert lex.country_of("the state of things") is None


def test_the_pronoun_us_is_not_the_united_states() -> None:
    lex = lexicon()
    assert lex.country_of("US troops") == "US"
    assert lex.country_of("us") is None
    assert lex.country_of("all of us") is None


def test_the_topic_of_a_discussion_is_not_a_recipient_even_with_a_country(nlp: Language) -> None:
    _, ev = _event("The presidents discussed Polish-Czech energy projects.", "CONSULT", nlp)
    assert ev.recipients == ()
