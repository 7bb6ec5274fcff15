"""Issue 14's stance measure read from its words: every party whose stance the text states."""

from __future__ import annotations

from peacewatch.eval.processes import Score, add_stances
from peacewatch.records import (
    Body,
    Document,
    Evidence,
    IssueRecord,
    Metadata,
    Negotiation,
    Paragraph,
    Position,
)

EV = Evidence("x", 0, 1)


def _doc(*parties: str) -> Document:
    ps = tuple(Position("ceasefire", "demands", EV, party=p) for p in parties)
    rec = IssueRecord("ceasefire", "ceasefire", None, (EV,), ps)
    return Document(
        meta=Metadata(id="t"),
        body=Body("x", (Paragraph(0, 1),)),
        negotiation=Negotiation(issues=(rec,)),
    )


GOLD = {
    "actors": [],
    "parties": ["Armenia", "Azerbaijan"],
    "issues": [{"issue": "ceasefire"}, {"issue": "hostages_prisoners"}],
    "positions": [
        {"party": "Armenia", "issue": "ceasefire", "stance": "demands"},
        # talked about with no stance stated: Azerbaijan's stance is not in the text
        {"party": "Azerbaijan", "issue": "ceasefire", "stance": "discussed"},
    ],
}


def test_a_party_with_no_stated_stance_does_not_count_against_us() -> None:
    s = Score()
    add_stances(s, GOLD, _doc("AM"))  # type: ignore[arg-type]
    # the issue with no stance stated at all (hostages) is left out of the measure
    assert s.stances_text == [1, 1]
    assert s.stances == [0, 2]


def test_a_stated_stance_not_found_counts() -> None:
    s = Score()
    add_stances(s, GOLD, _doc("AZ"))  # type: ignore[arg-type]
    assert s.stances_text == [0, 1]


def test_a_person_s_stance_is_held_by_his_state() -> None:
    gold = {
        "parties": ["Armenia", "Azerbaijan"],
        "actors": [{"name": "Nikol Pashinyan", "kind": "person", "country": "AM"}],
        "issues": [{"issue": "ceasefire"}],
        "positions": [{"party": "Nikol Pashinyan", "issue": "ceasefire", "stance": "demands"}],
    }
    s = Score()
    add_stances(s, gold, _doc("AM"))  # type: ignore[arg-type]
    assert s.stances_text == [1, 1]
    s = Score()
    add_stances(s, gold, _doc("AZ"))  # type: ignore[arg-type]
    assert s.stances_text == [0, 1]
