"""Core events, seventh session (issue 16): rules written on the dev releases of
eval/data/core_events.json, tested on wording that is not theirs."""

from __future__ import annotations

from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.triggers import find_triggers
from textdoc import event_countries

_events = event_countries


def _types(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.type for s in nlp(text).sents for c in find_triggers(s, lexicon())]


def test_committed_by_a_party_to_the_conflict_is_no_pledge(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Monitors documented abuses committed against detainees by all sides to the conflict."
    assert "AGREE" not in _types(nlp, text)
    # The pledge is still one.
    assert "AGREE" in _types(nlp, "Both governments committed to a ceasefire in the region.")


def test_a_bare_verb_after_an_urged_infinitive_is_urged_too(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "We urge the authorities to free the detained journalists, provide humanitarian "
        "assistance to the displaced and respect their commitments."
    )
    assert _types(nlp, text).count("AID") == 0
    assert "REQUEST" in _types(nlp, text)


def test_an_owned_appeal_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "REQUEST" in _types(nlp, "We reiterate our call for the release of all hostages.")
    events = _events(nlp, "Norway renewed its call on Sudan's army to end the siege of El Fasher.")
    assert any(t == "REQUEST" and "SD" in r for t, _a, r in events)
    # A telephone call stays a call; "our support" needs a host or an actor as before.
    assert "REQUEST" not in _types(nlp, "Blinken thanked him for his call.")


def test_an_announced_trip_to_several_countries_is_one_visit_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Secretary Antony J. Blinken will travel to Ghana, Nigeria and Senegal from May 3 to 9."
    meets = [e for e in _events(nlp, text) if e[0] == "CONSULT"]
    assert sorted(str(r) for _t, _a, rs in meets for r in rs) == ["GH", "NG", "SN"]
    assert all(len(rs) == 1 for _t, _a, rs in meets)


def test_a_stop_told_on_its_own_is_the_same_visit(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Secretary of State Antony J. Blinken will travel to Ghana and Nigeria May 3-9. In "
        "Ghana, the Secretary will meet with President Nana Akufo-Addo on May 4."
    )
    meets = [rs for t, _a, rs in _events(nlp, text) if t == "CONSULT"]
    assert sorted(str(r) for rs in meets for r in rs) == ["GH", "NG"]


def test_a_call_with_two_leaders_stays_one_act(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Vladimir Putin had a telephone conversation with Olaf Scholz and Emmanuel Macron."
    meets = [e for e in _events(nlp, text) if e[0] == "CONSULT"]
    assert len(meets) == 1


def test_the_indirect_object_is_the_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "Germany provided Ukrainians an additional $200 million this year.")
    assert ("AID", {"DE"}, {"UA"}) in events


def test_the_regime_takes_up_the_regime_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The Syrian regime launched new attacks on Idlib on Monday. Canada urges the regime to "
        "halt its offensive."
    )
    requests = [e for e in _events(nlp, text) if e[0] == "REQUEST"]
    assert requests and "SY" in requests[0][2]


def test_a_ceasefire_agreed_by_both_sides_is_their_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, "The truce agreed by Armenia and Azerbaijan collapsed within a day.")
    assert ("AGREE", {"AM", "AZ"}, set()) in events


def test_talks_with_a_named_party_are_held_by_who_reports_them(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kuleba said the talks in Warsaw with Lavrov's deputy brought no result."
    assert ("CONSULT", {"UA"}, {"RU"}) in _events(nlp, text)
    # A topic is still no meeting.
    assert not [
        e for e in _events(nlp, "The question of talks with Russia is closed.") if e[0] == "CONSULT"
    ]


def test_the_president_of_the_european_council_is_the_eus(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Olaf Scholz had a telephone conversation with President of the European Council "
        "Charles Michel."
    )
    assert ("CONSULT", {"DE"}, {"EU"}) in _events(nlp, text)
