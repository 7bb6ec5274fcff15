"""Core events, sixth session (issue 16): rules written on the dev releases of
eval/data/core_events.json, tested on wording that is not theirs."""

from __future__ import annotations

from spacy.tokens import Doc

from peacewatch.extract.events.args import EventClause
from peacewatch.extract.events.lexicon import lexicon
from peacewatch.pipeline import analyze
from peacewatch.records import RawInput
from textdoc import event_countries

_events = event_countries


def test_people_met_abroad_of_no_known_country_are_the_hosts(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Secretary of State Antony J. Blinken will travel to Zambia and Malawi May 2-6. In "
        "Lusaka, Zambia, on May 3, the Secretary will meet with President Amani Wekesa and "
        "Minister Grace Otieno to discuss trade."
    )
    meets = [e for e in _events(nlp, text) if e[0] == "CONSULT"]
    assert meets[-1] == ("CONSULT", {"US"}, {"ZM"})


def test_the_subject_nearest_the_verb_is_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parse of a dev release: "In Manila, the Philippines, on August 6, the Secretary will
    # meet": the place's apposition hangs on the verb as a first nsubj.
    words = ["In", "Lima", ",", "Peru", ",", "the", "Secretary", "will", "meet", "them", "."]
    heads = [8, 0, 8, 8, 8, 6, 8, 8, 8, 8, 8]
    deps = [
        "prep",
        "pobj",
        "punct",
        "nsubj",
        "punct",
        "det",
        "nsubj",
        "aux",
        "ROOT",
        "dobj",
        "punct",
    ]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps)
    clause = EventClause(doc[:], 0, [], [], [], lexicon())
    assert [t.text for t in clause._subject(doc[8])] == ["Secretary"]


def test_conjoined_verbs_share_the_object_and_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Canada welcomes and warmly supports the announcement yesterday by the Government of "
        "Colombia of a bilateral ceasefire."
    )
    assert ("SUPPORT", {"CA"}, {"CO"}) in _events(nlp, text)


def test_a_misattached_by_is_the_author_not_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Japan supports and recognises the pledges on prisoners made by the Government of Mali."
    events = _events(nlp, text)
    assert ("SUPPORT", {"JP"}, {"ML"}) in events
    assert not any("ML" in actors for _, actors, _r in events)


def test_a_judged_act_is_an_accusation_of_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Kenyan Foreign Minister said that the Ethiopian shelling of the border is outrageous."
    )
    assert ("ACCUSE", {"KE"}, {"ET"}) in _events(nlp, text)


def test_a_judgement_that_names_no_one_is_no_accusation(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Payments for oil in euros are unacceptable.",
        "Kenya will never accept unacceptable conditions.",
    ):
        assert not [e for e in _events(nlp, text) if e[0] == "ACCUSE"], text


def test_a_past_conjunct_after_a_present_clause_is_the_speakers_act(nlp) -> None:  # type: ignore[no-untyped-def]
    # The parser joins "reaffirmed" to "provides"; its tense is that of "noted".
    text = (
        "The Foreign Minister of Canada spoke with President Amani Wekesa of Kenya. The "
        "Minister noted that the accord offers the best chance for peace in years and "
        "reaffirmed Canada's strong support for the Kenyan mediation."
    )
    doc = analyze(RawInput(id="t", source="-", data=text, content_type="text"), nlp=nlp)
    (support,) = [e for e in doc.events if e.type == "SUPPORT"]
    assert support.unresolved == ("The Minister",) or {a.country for a in support.actors} == {"CA"}


def test_a_declared_truce_is_the_declarers_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Canada welcomes the declaration by Colombia of a bilateral ceasefire."
    events = _events(nlp, text)
    assert ("CONCEDE", {"CO"}, set()) in events
    assert ("SUPPORT", {"CA"}, {"CO"}) in events
    # A declaration no one made is a topic, not an act.
    assert not [
        e for e in _events(nlp, "We discussed the declaration of a ceasefire.") if e[0] == "CONCEDE"
    ]
