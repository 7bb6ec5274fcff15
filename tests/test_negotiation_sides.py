"""Who holds a position, rounds placed by another report, denied rounds and positions, moves.

Fixture sentences are our own (no text of ../shared). Each test checks one rule and a case where
it must not fire.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from peacewatch.corpus.negotiation import Sourced, track_state
from peacewatch.corpus.render import render
from peacewatch.corpus.track import changes, merge_rounds
from peacewatch.eval.negotiation_corpus import check_brief
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import (
    Body,
    Document,
    Evidence,
    Place,
    Position,
    RawInput,
    Round,
)
from test_negotiation_corpus import _doc

UA_OFFICE = "Office of the President of Ukraine"
RU_OFFICE = "President of Russia / Presidential Executive Office (kremlin.ru)"


def run(text: str, nlp: Any, publisher: str | None = None, published: str = "2022-03-20") -> Any:
    raw = RawInput(
        id="t",
        source="test",
        data=text,
        content_type="text",
        published=published,
        publisher=publisher,
    )
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


def got(doc: Document, issue: str) -> set[tuple[str | None, str]]:
    return {
        (p.party, p.stance) for r in doc.negotiation.issues if r.issue == issue for p in r.positions
    }


# --- who holds a position


def test_unattributed_statement_is_the_releasing_governments(nlp: Any) -> None:
    text = "Legally binding security guarantees are needed without delay."
    assert ("UA", "seeks") in got(run(text, nlp, UA_OFFICE), "security-guarantees")
    # a news outlet speaks for no side
    assert got(run(text, nlp, "Example Wire"), "security-guarantees") <= {(None, "seeks")}


def test_according_to_him_is_the_last_named_speaker(nlp: Any) -> None:
    text = (
        "Taras Melnyk, a Ukrainian negotiator, said the talks would go on.\n\n"
        "According to him, the treaty should provide for binding security guarantees."
    )
    assert ("UA", "demands") in got(run(text, nlp), "security-guarantees")


def test_a_country_mentioned_in_the_subject_is_not_its_holder(nlp: Any) -> None:
    text = "The top concerns in the talks with Russia are neutrality and security guarantees."
    found = got(run(text, nlp, UA_OFFICE), "neutrality")
    assert ("UA", "priority") in found
    assert not any(party == "RU" for party, _ in found)


def test_a_beneficiary_named_in_a_discussion_takes_no_stance(nlp: Any) -> None:
    doc = run("Both ministers discussed security guarantees for Ukraine at length.", nlp)
    assert not any(st == "seeks" for _, st in got(doc, "security-guarantees"))
    # with a stance word the beneficiary still seeks it
    doc = run("Officials want security guarantees for Ukraine.", nlp)
    assert ("UA", "seeks") in got(doc, "security-guarantees")


def test_the_speaker_demands_what_must_be_done(nlp: Any) -> None:
    doc = run(
        "Pavlo Hrytsenko, a Ukrainian negotiator, said the status of Crimea should be settled "
        "by the two presidents.",
        nlp,
    )
    assert ("UA", "demands") in got(doc, "crimea")


def test_a_stance_against_the_opposite_of_an_issue_is_turned_round(nlp: Any) -> None:
    doc = run("Moscow is firmly opposed to Ukraine joining NATO.", nlp)
    assert ("RU", "demands") in got(doc, "neutrality")
    assert ("RU", "rejects") not in got(doc, "neutrality")


def test_what_a_speaker_wants_another_to_do_is_the_speakers(nlp: Any) -> None:
    doc = run("It would be wise for Kyiv to reject NATO membership.", nlp, RU_OFFICE)
    found = got(doc, "neutrality")
    assert ("RU", "demands") in found
    assert not any(party == "UA" for party, _ in found)


def test_an_action_weighed_as_a_clausal_subject_is_nobodys_stance(nlp: Any) -> None:
    doc = run("Vladimir Putin said that abandoning neutrality would be a mistake.", nlp)
    assert not any(st == "rejects" for _, st in got(doc, "neutrality"))


def test_a_denied_agreement_is_no_held_stance(nlp: Any) -> None:
    doc = run("Kyiv denied that it had agreed to a neutral status.", nlp)
    # Kept as Kyiv's denial (status "denied"), never as a held stance.
    ps = [p for r in doc.negotiation.issues if r.issue == "neutrality" for p in r.positions]
    assert [(p.party, p.stance, p.status) for p in ps] == [("UA", "accepts", "denied")]
    doc = run("Kyiv said that it had agreed to a neutral status.", nlp)
    assert ("UA", "accepts") in got(doc, "neutrality")


# --- rounds


def test_a_round_said_not_to_have_happened_is_no_held_round(nlp: Any) -> None:
    doc = run("The Russian and Ukrainian delegations did not meet in Gomel on Monday.", nlp)
    assert [(r.status, r.place) for r in doc.negotiation.rounds] == [("denied", "Gomel")]
    doc = run("The Russian and Ukrainian delegations met in Gomel on Monday.", nlp)
    assert [r.place for r in doc.negotiation.rounds] == ["Gomel"]


def _city(text: str, name: str, country: str) -> Place:
    start = text.index(name)
    return Place(
        mention=name, start=start, end=start + len(name), name=name, feature="city", country=country
    )


SEATED = _doc(
    "seated",
    "2022-04-04",
    rounds=(
        Round(
            evidence=(Evidence("x", 0, 1),),
            place="Turkey",
            country="TR",
            level="foreign ministers",
            status="held",
        ),
    ),
)


def _placing(doc_id: str, text: str, city: str = "Antalya", country: str = "TR") -> Document:
    return _doc(doc_id, "2022-03-17", text=text, places=(_city(text, city, country),))


def test_a_report_that_places_a_seated_round_gives_it_its_city() -> None:
    text = "Trade was discussed. Last week the foreign ministers held talks in Antalya, aides said."
    state = track_state([Sourced(SEATED, "a"), Sourced(_placing("placing", text), "b")])
    [r] = state["rounds"]
    assert r["place"] == "Antalya" and r["level"] == "foreign ministers"
    assert r["held_by"] == "2022-03-17" and r["date"] is None
    # the placing report adds a city, not a second witness that the sides met
    assert r["status"] == "reported" and r["n_independent"] == 1
    placing = next(x for x in r["reports"] if x["doc"] == "placing")
    assert placing["sides_from"] == ["seated"]
    ev = placing["evidence"]
    assert text[ev["start"] : ev["end"]] == ev["text"]
    assert ev["text"].startswith("Last week")  # its own sentence, not the paragraph
    assert check_brief(state, [{"label": "A", "place": ["Antalya"], "format": None}]) == [
        ("A", "held by 2022-03-17 (no report dates it)")
    ]
    assert "place only; sides from seated" in render(state)


def test_no_city_from_other_bodies_other_levels_or_other_countries() -> None:
    g7 = "G7 foreign ministers held talks in Antalya."
    leaders = "The presidents held talks in Antalya."
    other = "The foreign ministers held talks in Vienna."
    for placing in (
        _placing("g7", g7),
        _placing("leaders", leaders),
        _placing("other", other, "Vienna", "AT"),
    ):
        [r] = merge_rounds([SEATED, placing])
        assert r.place == "Turkey"
    # a placing report alone is no round
    assert merge_rounds([_placing("alone", "The foreign ministers held talks in Antalya.")]) == []


def test_two_candidate_cities_are_ambiguous() -> None:
    a = _placing("a", "The foreign ministers held talks in Antalya.")
    b = _placing("b", "The foreign ministers held talks in Istanbul.", "Istanbul")
    [r] = merge_rounds([SEATED, a, b])
    assert r.place == "Turkey"


def _numbered(
    doc: str, pub: str, date: str | None, number: int | None, place: str | None
) -> Document:
    r = Round(
        evidence=(Evidence("x", 0, 1),),
        place=place,
        country="BY" if place else None,
        date=date,
        date_precision="day" if date else "unknown",
        number=number,
        status="held",
    )
    return _doc(doc, pub, rounds=(r,))


def test_an_undated_numbered_round_takes_the_one_date_between_its_neighbours() -> None:
    docs = [
        _numbered("r1", "2022-02-28", "2022-02-28", 1, "Belarus"),
        _numbered("r3", "2022-03-07", "2022-03-07", 3, "Belarus"),
        _numbered("dated", "2022-03-04", "2022-03-03", None, None),
        _numbered("second", "2022-03-04", None, 2, "Belarus"),
    ]
    rounds = merge_rounds(docs)
    mid = next(r for r in rounds if r.date == "2022-03-03")
    assert {x.doc for x in mid.reports} == {"dated", "second"} and mid.place == "Belarus"
    assert mid.inferred  # shown as an inference
    # two dated rounds between the neighbours: nothing is inferred
    docs.append(_numbered("other", "2022-03-02", "2022-03-02", None, None))
    assert not any(r.inferred for r in merge_rounds(docs))


# --- what moved


def _said(stance: str, on: str, doc: str, issue: str = "territory") -> Document:
    p = Position(issue=issue, stance=stance, evidence=Evidence("x", 0, 1), party="UA", said_on=on)
    return _doc(doc, on, pos=(p,))


def test_a_firm_stand_and_a_demand_on_one_issue_are_no_move() -> None:
    docs = [_said("will not yield", "2022-03-22", "a"), _said("seeks", "2022-03-23", "b")]
    assert changes(docs, []) == []
    docs = [_said("demands", "2022-03-22", "a"), _said("offers", "2022-03-29", "b")]
    assert [(c.before.stance, c.after.stance) for c in changes(docs, [])] == [("demands", "offers")]


def test_statements_years_apart_or_read_from_a_condition_are_no_move() -> None:
    years = [_said("demands", "2022-03-22", "a"), _said("offers", "2025-03-11", "b")]
    assert changes(years, []) == []
    weak = [_said("demands", "2022-03-22", "a"), _said("conditional", "2022-03-25", "b")]
    assert changes(weak, []) == []


def test_every_brief_line_links_to_its_source_sentence() -> None:
    text = "Last week the foreign ministers held talks in Antalya, aides said."
    placing = _placing("placing", text)
    seated = replace(SEATED, body=Body(text="x", paragraphs=()))
    out = render(track_state([Sourced(seated, "a"), Sourced(placing, "b")]))
    reports = [x for x in out.splitlines() if x.startswith("  - ")]
    assert len(reports) == 2
    for line in reports:
        assert re.search(r"(seated|placing)\[\d+:\d+\] “", line)
