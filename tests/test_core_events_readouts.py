"""Core events of readouts and travel notes (issue 16, H5, fourth session): calls "spoke with",
trips "travel to", visits, support between named actors, "call for X to", and "she" after a
named person. Sentences written for these tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Event, RawInput


def _events(text: str, nlp: Language) -> list[Event]:
    doc = analyze(RawInput(id="t", source="-", data=text, content_type="text"), nlp=nlp)
    return list(doc.events)


def _countries(actors: tuple[object, ...]) -> set[str]:
    return {a.country for a in actors if getattr(a, "country", None)}  # type: ignore[attr-defined]


def _of(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def test_spoke_with_a_minister_is_a_meeting(nlp: Language) -> None:
    events = _events(
        "Chancellor Olaf Scholz spoke today with Polish Prime Minister Donald Tusk.", nlp
    )
    consult = _of(events, "CONSULT")
    assert consult and _countries(consult[0].actors) == {"DE"}, events
    assert _countries(consult[0].recipients) == {"PL"}, events


def test_spoke_to_reporters_about_it_is_no_call_with_a_party(nlp: Language) -> None:
    events = _events("The spokesman spoke about the weather on Monday.", nlp)
    assert not _of(events, "CONSULT"), events


def test_travel_to_a_country_is_a_visit_there(nlp: Language) -> None:
    events = _events(
        "German Foreign Minister Annalena Baerbock will travel to Kenya on Monday.", nlp
    )
    consult = _of(events, "CONSULT")
    assert consult and _countries(consult[0].recipients) == {"KE"}, events
    assert consult[0].mode == "visit"


def test_a_welcomed_visit_is_the_visitors_act_too(nlp: Language) -> None:
    events = _events(
        "Norway welcomes the visit by Egyptian Foreign Minister Sameh Shoukry to Sudan.", nlp
    )
    support, consult = _of(events, "SUPPORT"), _of(events, "CONSULT")
    assert support and _countries(support[0].recipients) == {"EG"}, events
    assert consult and _countries(consult[0].actors) == {"EG"}, events
    assert _countries(consult[0].recipients) == {"SD"}, events


def test_support_between_named_actors_is_coded_and_we_support_is_not(nlp: Language) -> None:
    named = _of(_events("Portugal fully supports Moldova's membership bid.", nlp), "SUPPORT")
    assert named and _countries(named[0].actors) == {"PT"}, named
    assert _countries(named[0].recipients) == {"MD"}, named
    assert not _of(_events("We support the people of Moldova.", nlp), "SUPPORT")
    assert not _of(_events("It is important to support Moldova.", nlp), "SUPPORT")


def test_a_call_for_the_sides_to_act_is_a_request(nlp: Language) -> None:
    events = _events(
        "Australian Foreign Minister Penny Wong called for the sides to show restraint.", nlp
    )
    request = _of(events, "REQUEST")
    assert request and _countries(request[0].actors) == {"AU"}, events


def test_she_is_the_person_named_just_before(nlp: Language) -> None:
    events = _events(
        "German Foreign Minister Annalena Baerbock will travel to Kenya on Monday. "
        "She will travel to Ethiopia on Wednesday.",
        nlp,
    )
    consult = [e for e in _of(events, "CONSULT") if _countries(e.recipients) == {"ET"}]
    assert consult and _countries(consult[0].actors) == {"DE"}, events
    assert not consult[0].unresolved


def test_officials_met_abroad_are_that_countrys(nlp: Language) -> None:
    events = _events(
        "In Kenya on April 28, US envoy Mike Hammer will meet with government officials.", nlp
    )
    consult = _of(events, "CONSULT")
    assert consult and _countries(consult[0].recipients) == {"KE"}, events
    assert not consult[0].unresolved


def test_a_town_named_by_its_kind_is_no_actor(nlp: Language) -> None:
    events = _events(
        "The Secretary-General and the President discussed the evacuation of civilians from "
        "the Russian-besieged city of Mariupol.",
        nlp,
    )
    assert events, events
    for e in events:
        assert all("city" not in a.name for a in (*e.actors, *e.recipients)), events


def test_both_leaders_agreeing_after_a_call_is_the_calls_dyad(nlp: Language) -> None:
    events = _events(
        "Foreign Minister Ann Linde of Sweden met today with Kenyan President Uhuru Kenyatta. "
        "Both leaders agreed that they would meet in Nairobi next year.",
        nlp,
    )
    agree = _of(events, "AGREE")
    assert agree and _countries(agree[0].actors) == {"SE"}, events
    assert _countries(agree[0].recipients) == {"KE"}, events


def test_a_meeting_attended_by_named_people_has_them_as_actors(nlp: Language) -> None:
    events = _events(
        "The meeting was attended by Foreign Minister Sergei Lavrov and Defence Minister "
        "Sergei Shoigu.",
        nlp,
    )
    consult = _of(events, "CONSULT")
    assert consult and _countries(consult[0].actors) == {"RU"}, events
