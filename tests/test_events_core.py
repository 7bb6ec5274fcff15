"""Core events of a release (issue 16, H4): packaged event nouns, the parties behind a
condemned act or a demand, and rhetoric that records no act. Sentences written for these
tests (no evaluation text)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Event, RawInput


def _events(text: str, nlp: Language) -> list[Event]:
    doc = analyze(RawInput(id="t", source="-", data=text, content_type="text"), nlp=nlp)
    return list(doc.events)


def _countries(actors: tuple[object, ...]) -> set[str]:
    return {a.country for a in actors if getattr(a, "country", None)}  # type: ignore[attr-defined]


def test_a_package_of_sanctions_is_a_sanction_on_its_target(nlp: Language) -> None:
    events = _events("Germany announced a new package of sanctions against Iran.", nlp)
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and _countries(sanction[0].recipients) == {"IR"}, events
    assert all("package" not in a.name for a in sanction[0].recipients)


def test_a_round_of_talks_is_a_meeting_of_its_holders(nlp: Language) -> None:
    events = _events("Israel and Lebanon held a second round of talks in Naqoura.", nlp)
    consult = [e for e in events if e.type == "CONSULT"]
    assert consult and _countries(consult[0].actors) == {"IL", "LB"}, events


def test_the_author_of_a_condemned_act_is_the_recipient(nlp: Language) -> None:
    events = _events("Norway condemned the decision by Serbia to close the border.", nlp)
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert accuse and _countries(accuse[0].recipients) == {"RS"}, events


def test_the_one_asked_to_act_is_the_recipient_of_a_demand(nlp: Language) -> None:
    events = _events("Egypt demanded that Ethiopia halt the filling of the dam.", nlp)
    request = [e for e in events if e.type == "REQUEST"]
    assert request and _countries(request[0].actors) == {"EG"}, events
    assert "ET" in _countries(request[0].recipients), events


def test_a_generic_subject_records_no_act(nlp: Language) -> None:
    events = _events("If you feel any shame, you must demand peace. Everyone should fight.", nlp)
    assert not [e for e in events if e.type in ("REQUEST", "ASSAULT")], events


def test_an_aim_with_no_actor_records_no_act_but_a_pronoun_stays(nlp: Language) -> None:
    aim = _events("There is now a chance to liberate the city.", nlp)
    assert not [e for e in aim if e.type == "ASSAULT"], aim
    said = _events("They demanded a ceasefire.", nlp)
    request = [e for e in said if e.type == "REQUEST"]
    assert request and request[0].unresolved, said


def test_the_one_thanked_for_assistance_gave_it(nlp: Language) -> None:
    text = "Foreign Minister Ayman Safadi of Jordan thanked Japan for its humanitarian assistance."
    aid = [e for e in _events(text, nlp) if e.type == "AID"]
    assert aid and _countries(aid[0].actors) == {"JP"}, aid
    assert "JO" in _countries(aid[0].recipients), aid


def test_who_announces_sanctions_imposes_them_but_not_an_attack(nlp: Language) -> None:
    text = "Canada announced a round of sanctions on Belarus. Poland reported an attack."
    events = _events(text, nlp)
    sanction = [e for e in events if e.type == "SANCTION"]
    assert sanction and _countries(sanction[0].actors) == {"CA"}, events
    attack = [e for e in events if e.type == "ASSAULT"]
    assert attack and "PL" not in _countries(attack[0].actors), events


def test_a_statement_of_support_is_not_coded(nlp: Language) -> None:
    # "support" is no trigger: in releases it is mostly "we will support whatever ..." (the
    # sample of peace-processes-state, docs/DECISIONS.md issue 16 H4).
    events = _events("We will support any effort that Moldova makes.", nlp)
    assert not [e for e in events if e.type == "SUPPORT"], events


def test_who_takes_part_in_a_hosted_conference_meets_the_host(nlp: Language) -> None:
    text = "Minister Ayman Safadi of Jordan will participate in a conference hosted by Qatar."
    consult = [e for e in _events(text, nlp) if e.type == "CONSULT"]
    assert len(consult) == 1, consult
    assert "JO" in _countries(consult[0].actors) and "QA" in _countries(consult[0].recipients)


def test_aid_from_someone_is_given_by_them(nlp: Language) -> None:
    events = _events("Assistance from Japan reached Kharkiv yesterday.", nlp)
    aid = [e for e in events if e.type == "AID"]
    assert aid and _countries(aid[0].actors) == {"JP"}, events
    assert "JP" not in _countries(aid[0].recipients)


def test_calling_a_named_leader_is_a_call_but_calling_him_a_name_is_not(
    nlp: Language,
) -> None:
    call = _events("Prime Minister Mark Rutte called Turkish President Erdogan today.", nlp)
    consult = [e for e in call if e.type == "CONSULT"]
    assert consult and consult[0].mode == "phone", call
    assert "TR" in _countries(consult[0].recipients), call
    name = _events("The Dutch press called him a hero.", nlp)
    assert not [e for e in name if e.type == "CONSULT"], name


def test_consultations_held_are_a_meeting(nlp: Language) -> None:
    text = "Kenya and Somalia held bilateral political consultations in Nairobi."
    consult = [e for e in _events(text, nlp) if e.type == "CONSULT"]
    assert consult and _countries(consult[0].actors) == {"KE", "SO"}, consult


def test_it_may_stand_for_a_state_and_is_kept_unresolved(nlp: Language) -> None:
    events = _events("It abducted more than two thousand children.", nlp)
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and assault[0].unresolved, events
