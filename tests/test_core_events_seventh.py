"""Core events, seventh session (issue 16): rules written on the dev releases of
eval/data/core_events.json, tested on wording that is not theirs."""

from __future__ import annotations

import pytest

from peacewatch.extract.events.lexicon import lexicon
from peacewatch.extract.events.triggers import find_triggers
from peacewatch.parse.nlp import load
from peacewatch.pipeline import analyze
from peacewatch.records import RawInput


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load()


def _events(nlp, text: str) -> list[tuple[str, set[str | None], set[str | None]]]:  # type: ignore[no-untyped-def]
    doc = analyze(
        RawInput(id="t", source="-", data=text, content_type="text", published="2023-05-01"),
        nlp=nlp,
    )
    return [
        (e.type, {a.country for a in e.actors}, {a.country for a in e.recipients})
        for e in doc.events
    ]


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
