"""Core events told without their parties (issue 16, fourth session): talks named by their two
sides, agreements reached at them, agreements in the passive, and one act told twice. On
sentences written for these tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Event
from textdoc import NEWSROOM, STATE, analyze_text

UKRAINE = "Office of the President of Ukraine"


def _of(events: tuple[Event, ...], kind: str) -> list[tuple[set[str], set[str]]]:
    return [
        ({a.country for a in e.actors if a.country}, {a.country for a in e.recipients if a.country})
        for e in events
        if e.type == kind
    ]


def test_talks_named_by_their_sides_are_a_meeting_and_the_agreement_theirs(
    nlp: Language,
) -> None:
    doc = analyze_text(
        nlp,
        "Under the agreements reached during the Polish-Lithuanian talks on May 1, "
        "the border crossings will reopen.",
        publisher=NEWSROOM,
    )
    consult = _of(doc.events, "CONSULT")
    assert ({"PL", "LT"}, set()) in consult, doc.events
    agree = _of(doc.events, "AGREE")
    assert agree and agree[0][0] | agree[0][1] == {"PL", "LT"}, doc.events


def test_the_issuing_side_is_the_actor_of_the_agreement(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "The agreements reached during the Ukrainian-Russian talks on May 1 are being "
        "implemented, the adviser said.",
        publisher=UKRAINE,
    )
    assert ({"UA"}, {"RU"}) in _of(doc.events, "AGREE"), doc.events


def test_a_passive_agreement_in_a_release_is_the_issuers(nlp: Language) -> None:
    doc = analyze_text(
        nlp, "Two humanitarian corridors have been agreed in the region today.", publisher=UKRAINE
    )
    assert _of(doc.events, "AGREE") == [({"UA"}, set())], doc.events


def test_a_passive_agreement_in_a_news_story_stays_without_actor(nlp: Language) -> None:
    doc = analyze_text(
        nlp, "Two humanitarian corridors have been agreed in the region today.", publisher=NEWSROOM
    )
    assert _of(doc.events, "AGREE") == [(set(), set())], doc.events


def test_talks_as_a_mere_occasion_are_no_meeting(nlp: Language) -> None:
    doc = analyze_text(
        nlp, "At the talks, Blinken said the United States supports Ukraine.", publisher=STATE
    )
    assert not _of(doc.events, "CONSULT"), doc.events


def test_a_lead_and_its_quote_are_one_agreement(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "As of May 1, two humanitarian corridors have been agreed for the evacuation of "
        'residents of Mariupol. "Two humanitarian corridors have been agreed for the '
        'evacuation of residents," the minister said.',
        publisher=UKRAINE,
    )
    assert len(_of(doc.events, "AGREE")) == 1, doc.events
    assert next(e for e in doc.events if e.type == "AGREE").date_basis != "reported"


def test_acceptance_refused_now_is_a_rejection_not_yet_agreed_is_not(nlp: Language) -> None:
    refused = analyze_text(
        nlp, "President Zelensky categorically does not accept any ultimatums.", publisher=UKRAINE
    )
    assert [(e.type, e.modality) for e in refused.events] == [("REJECT", "asserted")]
    pending = analyze_text(nlp, "Russia has not agreed to the ceasefire.", publisher=NEWSROOM)
    assert all(e.type != "AGREE" or e.modality == "negated" for e in pending.events)
    assert all(e.type != "REJECT" for e in pending.events), pending.events
