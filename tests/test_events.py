"""PLOVER event coding on sentences written for these tests (no evaluation text)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language

from peacewatch.evidence import check_offsets
from peacewatch.extract.events.stage import extract_events
from peacewatch.pipeline import analyze
from peacewatch.records import Document, Event, Evidence, Quote, RawInput, Speaker
from peacewatch.serialize import to_json, validate


def _doc(text: str, nlp: Language, published: str = "2022-03-29") -> Document:
    raw = RawInput(id="t", source="-", data=text, content_type="text")
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


def _one(doc: Document, type_: str) -> Event:
    found = [e for e in doc.events if e.type == type_]
    assert len(found) == 1, [(e.type, e.evidence.text) for e in doc.events]
    return found[0]


def test_compound_actor_is_one_event_with_both_countries(nlp: Language) -> None:
    doc = _doc("Polish and Lithuanian diplomats met in Vilnius on Monday.", nlp)
    ev = _one(doc, "CONSULT")
    assert {a.country for a in ev.actors} == {"PL", "LT"}
    assert ev.place == "Vilnius"
    assert (ev.date, ev.date_precision) == ("2022-03-28", "day")
    assert ev.cameo == "04"
    assert doc.body.text[ev.evidence.start : ev.evidence.end] == ev.evidence.text


def test_metonyms_carry_the_country(nlp: Language) -> None:
    doc = _doc("The Kremlin accused Kyiv of sabotage.", nlp)
    ev = _one(doc, "ACCUSE")
    assert ev.actors[0].country == "RU"
    assert ev.actors[0].sector == "government"
    assert [r.country for r in ev.recipients] == ["UA"]


def test_assault_with_mode_place_magnitude_and_acled(nlp: Language) -> None:
    doc = _doc("Russian troops shelled the town of Izium on Sunday, killing 7 civilians.", nlp)
    ev = _one(doc, "ASSAULT")
    assert ev.mode == "heavy-weapons"
    assert ev.place == "Izium"
    assert ev.actors[0].country == "RU" and ev.actors[0].sector == "military"
    assert ev.acled == "Explosions/Remote violence"
    assert [(m.kind, m.value) for m in ev.magnitude] == [("killed", 7)]
    check_offsets(doc)


@pytest.mark.parametrize(
    ("text", "type_", "modality"),
    [
        ("The two presidents could meet in Geneva.", "CONSULT", "possible"),
        ("Finland will host talks between the sides next month.", "CONSULT", "future"),
        ("Moldova said it was willing to declare neutrality.", "CONCEDE", "willing"),
    ],
)
def test_modality_is_not_asserted(nlp: Language, text: str, type_: str, modality: str) -> None:
    ev = _one(_doc(text, nlp), type_)
    assert ev.modality == modality
    assert ev.acled is None  # ACLED types are only for events that happened


def test_refusal_to_yield_is_a_reject_and_a_negated_act_is_kept_negated(nlp: Language) -> None:
    doc = _doc("Georgia would not yield on its borders. The army did not attack the port.", nlp)
    assert [(e.type, e.modality) for e in doc.events] == [
        ("REJECT", "asserted"),
        ("ASSAULT", "negated"),  # kept for the record (issue 16), never as having happened
    ]
    assert doc.events[1].acled is None


def test_content_of_an_agreement_is_not_a_second_event(nlp: Language) -> None:
    doc = _doc("France agreed to withdraw its troops from Mali.", nlp)
    assert [e.type for e in doc.events] == ["AGREE"]


def test_occasion_nouns_are_not_events(nlp: Language) -> None:
    doc = _doc("Officials spoke to reporters at the talks about the weather.", nlp)
    assert doc.events == ()


def test_party_in_a_prepositional_phrase_is_not_the_place(nlp: Language) -> None:
    doc = _doc("Ukrainian forces recaptured the town of Izium from Russia.", nlp)
    ev = _one(doc, "ASSAULT")
    assert ev.place == "Izium"
    assert ev.actors[0].country == "UA"


def test_party_is_not_the_place_even_when_alone(nlp: Language) -> None:
    doc = _doc("Rebels seized a convoy coming from Russia.", nlp)
    assert _one(doc, "COERCE").place is None


def test_date_anchored_on_the_talks(nlp: Language) -> None:
    text = (
        "Delegations from Armenia and Azerbaijan met in Brussels on Sunday.\n\n"
        "Before the talks, Armenia said it was ready to open the border crossings."
    )
    doc = _doc(text, nlp)
    consult = _one(doc, "CONSULT")
    assert consult.date == "2022-03-27"
    late = [e for e in doc.events if e.type != "CONSULT"]
    assert late and late[0].date == "2022-03-27" and late[0].date_precision == "before"


def test_repeated_mentions_of_one_meeting_merge(nlp: Language) -> None:
    text = (
        "Negotiators from Serbia and Kosovo met on Tuesday.\n\n"
        "On Tuesday the negotiators met in Ohrid, officials said."
    )
    doc = _doc(text, nlp)
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consults) == 1
    assert consults[0].place == "Ohrid"


def test_event_inside_a_quote_is_reported_and_linked(nlp: Language) -> None:
    text = "“Our forces destroyed two bridges,” the governor said."
    doc = _doc(text, nlp)
    inner = text.index("Our")
    end = text.index(",”")
    quote = Quote(
        text=text[inner:end],
        start=inner,
        end=end,
        kind="direct",
        speaker=Speaker("the governor"),
        cue="said",
        relay=None,
        said_on=None,
        evidence=Evidence(text[inner:end], inner, end),
    )
    doc = extract_events(replace(doc, quotes=(quote,), events=()))
    ev = _one(doc, "ASSAULT")
    assert ev.modality == "reported"
    assert ev.quote == 0


def test_output_carries_the_mappings_and_validates(nlp: Language) -> None:
    doc = _doc("Hungary imposed sanctions on Belarus on Friday.", nlp)
    data = to_json(doc)
    validate(data)
    ev = data["events"][0]
    assert ev["type"] == "SANCTION" and ev["cameo"] == "16"
    assert ev["quote"] is None and ev["magnitude"] == []


def test_no_parse_no_events(nlp: Language) -> None:
    doc = _doc("Russian troops shelled the town of Izium on Sunday.", nlp)
    assert [e.type for e in doc.events] == ["ASSAULT"]  # parsed, the sentence has an event
    assert extract_events(replace(doc, parses=(), events=())).events == ()


def test_tfidf_logistic_regression_learns_a_toy_task() -> None:
    from peacewatch.eval.events_linear import TfidfLogReg, folds

    docs = [["troops", "shelled", "city"], ["leaders", "met", "talks"]] * 10
    labels = ["ASSAULT", "CONSULT"] * 10
    model = TfidfLogReg(["ASSAULT", "CONSULT"]).fit(docs, labels)
    assert model.predict([["shelled", "town"], ["met", "envoys"]]) == ["ASSAULT", "CONSULT"]
    splits = list(folds(20, 5))
    assert len(splits) == 5 and sorted(i for _, t in splits for i in t) == list(range(20))


@pytest.mark.parametrize(
    "text",
    [
        "No one is recognising the new border.",  # negated subject
        "Officials spoke about the issue of the withdrawal of foreign troops.",  # a topic
        "The occupied territories remain tense.",  # a participle, not an act
    ],
)
def test_non_events(nlp: Language, text: str) -> None:
    assert _doc(text, nlp).events == ()


def test_purpose_is_an_aim_but_continued_action_happened(nlp: Language) -> None:
    doc = _doc("To evacuate civilians, the mayor opened a corridor.", nlp)
    assert _one(doc, "AID").modality != "asserted"
    doc = _doc("Artillery units continued to shell the port on Friday.", nlp)
    assert _one(doc, "ASSAULT").modality == "asserted"


def test_lexicon_types_map_to_cameo_roots() -> None:
    from peacewatch.extract.events.lexicon import lexicon

    lex = lexicon()
    plover = set(lex.types)
    assert len(plover) == 16
    for table in (lex.verbs, lex.phrasal, lex.nouns):
        assert table  # a lexicon file that failed to load would leave nothing to check
        for word, code in table.items():
            assert code.type in plover, word
            assert lex.cameo(code.type, code.mode), word


def test_plover_root_of_intended_acts_and_noun_phrases(nlp: Language) -> None:
    from peacewatch.extract.events.lexicon import lexicon

    lex = lexicon()
    assert lex.plover_root("AID", "future") == "AGREE"
    assert lex.plover_root("ASSAULT", "future") == "THREATEN"
    assert lex.plover_root("ASSAULT", "asserted") == "ASSAULT"
    doc = _doc("Dock workers began a hunger strike in Gdansk.", nlp)
    assert [e.type for e in doc.events] == ["PROTEST"]


def test_a_temporal_clause_does_not_inherit_the_main_clause_actors_place_or_date(
    nlp: Language,
) -> None:
    doc = _doc(
        "Both foreign ministers met in Geneva on Thursday, the first such meeting since "
        "fighting flared in the border region last month.",
        nlp,
        published="2022-10-07",
    )
    consult = _one(doc, "CONSULT")
    assert consult.place == "Geneva" and consult.date == "2022-10-06"
    flared = _one(doc, "ASSAULT")
    assert not flared.actors and flared.place != "Geneva" and flared.date != "2022-10-06"
