"""The other-processes scorer (eval/processes.py) on its own: names, tallies, floors."""

from __future__ import annotations

from peacewatch.eval.processes import FLOORS, Score, Tally, failures, key


def test_names_compare_by_state_code_and_actor_base() -> None:
    assert key("Government of Ethiopia") == key("Ethiopia") == key("ET")
    assert key("the Houthis") == key("Ansarallah")
    assert key("Armenian") == "AM"
    assert key("Friends of Sudan") != key("Sudan")


def test_tally_counts_texts_with_every_party() -> None:
    t = Tally()
    t.add({"AM", "AZ"}, {"AM", "AZ", "US"})  # all found, one extra
    t.add({"IL"}, set())  # missed
    t.add(set(), set())  # nothing to find, nothing found: right
    assert (t.tp, t.fp, t.fn) == (2, 1, 1)
    assert t.texts_right == 2 and t.texts == 3
    assert t.precision == t.recall == 2 / 3


def test_floors_fail_on_either_split() -> None:
    good, bad = Score(), Score()
    good.parties.add({"AM", "AZ"}, {"AM", "AZ"})
    good.mediators.add({"UN"}, {"UN"})
    bad.parties.add({"AM", "AZ"}, {"US"})
    assert failures({"dev": good, "heldout": good}) == []
    msgs = failures({"dev": good, "heldout": bad})
    assert msgs and all(m.startswith("heldout") for m in msgs)
    assert set(FLOORS) == {"parties precision", "parties recall", "mediators recall"}
