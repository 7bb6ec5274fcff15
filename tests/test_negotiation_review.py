"""Denials that must not pass for held rounds or stances (found in review), on sentences of ours."""

from __future__ import annotations

from typing import Any

from peacewatch.corpus.negotiation import Sourced, track_state
from peacewatch.records import Document, Position
from peacewatch.sources.alerts import changes
from test_negotiation_denied import run


def _positions(doc: Document, issue: str) -> list[Position]:
    return [p for r in doc.negotiation.issues if r.issue == issue for p in r.positions]


def test_a_denial_does_not_silence_the_alert_for_the_round_held_later(nlp: Any) -> None:
    memory: dict[str, Any] = {}
    no = run("The foreign ministers of Russia and Ukraine did not meet in Antalya.", nlp, "d1")
    yes = run("The foreign ministers of Russia and Ukraine met in Antalya.", nlp, "d2")
    first = [a.title for a in changes(no, memory) if a.kind == "round"]
    second = [a.title for a in changes(yes, memory) if a.kind == "round"]
    assert first and all(t.startswith("Round said not to have taken place") for t in first)
    assert second and all(t.startswith("Round of talks") for t in second)


def test_a_negated_sentence_lends_no_place_to_a_held_round(nlp: Any) -> None:
    seat = run(
        "The foreign ministers of Russia and Ukraine held talks in Turkey.",
        nlp,
        "seat",
        published="2022-03-20",
    )
    place = run(
        "Moscow says the foreign ministers did not hold talks in Antalya after all.",
        nlp,
        "place",
        published="2022-03-15",
    )
    state = track_state([Sourced(seat, "a"), Sourced(place, "b")])
    assert all(r["place"] != "Antalya" for r in state["rounds"])


def test_a_denied_report_of_a_possessive_stance_is_no_held_stance(nlp: Any) -> None:
    doc = run("Moscow denied reports of Russia's demand for Ukrainian neutrality.", nlp)
    assert not [p for p in _positions(doc, "neutrality") if p.status != "denied"]


def test_disputed_reports_are_a_denial_not_a_held_stance(nlp: Any) -> None:
    doc = run(
        "Ukraine's foreign ministry disputed reports that Kyiv would accept neutral status.", nlp
    )
    assert not [p for p in _positions(doc, "neutrality") if p.status != "denied"]


def test_a_denial_in_the_same_undated_article_contests_the_report(nlp: Any) -> None:
    text = (
        "Ukraine has offered to give up its claim to Crimea, Peskov said. "
        "Kyiv denied that it had offered to give up Crimea."
    )
    from peacewatch.pipeline import analyze
    from peacewatch.records import RawInput

    doc = analyze(RawInput(id="u", source="test", data=text, content_type="text"), nlp=nlp)
    state = track_state([Sourced(doc, "u")])
    held = [
        h
        for p in state["positions"]
        if (p["party"], p["issue"]) == ("UA", "crimea")
        for h in p["history"]
        if h["status"] != "denied"
    ]
    assert held and all(h["status"] == "contested" for h in held)
