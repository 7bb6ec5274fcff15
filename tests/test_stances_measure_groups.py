"""The stance measure credits a contact group's stance to its members (H4, seventh session):
the annotation gives a joint statement's stance to "the Troika", the extraction to each
signatory state."""

from __future__ import annotations

from peacewatch.eval.processes import Score, add_stances
from test_stances_measure import _doc

GOLD = {
    "actors": [{"name": "Troika", "kind": "igo"}],
    "parties": ["Sudan"],
    "issues": [{"issue": "ceasefire"}],
    "positions": [{"party": "Troika", "issue": "ceasefire", "stance": "demands"}],
}


def test_a_group_s_stance_is_held_by_a_member() -> None:
    s = Score()
    add_stances(s, GOLD, _doc("NO", "GB", "US"))  # type: ignore[arg-type]
    assert s.stances_text == [1, 1]


def test_a_group_s_stance_is_not_held_by_a_non_member() -> None:
    s = Score()
    add_stances(s, GOLD, _doc("FR", "SD"))  # type: ignore[arg-type]
    assert s.stances_text == [0, 1]
