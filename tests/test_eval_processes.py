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
    assert set(FLOORS) == {
        "parties precision",
        "parties recall",
        "mediators precision",
        "mediators recall",
        "rounds with place+date",
        "issues, every stated stance",
    }


def test_record_measures_count_vague_and_unlinked_actors() -> None:
    from peacewatch.eval.record import failures, measures
    from peacewatch.records import (
        Actor,
        Body,
        Document,
        Event,
        Evidence,
        Metadata,
        Paragraph,
        Quote,
        Speaker,
    )

    ev = Evidence("x", 0, 1)
    doc = Document(
        meta=Metadata(id="t"),
        body=Body("x", (Paragraph(0, 1),)),
        events=(
            Event("CONSULT", ev, actors=(Actor("we"), Actor("Houthis", actor="ucdp:ansarallah"))),
        ),
        quotes=(
            Quote("x", 0, 1, "direct", Speaker("the President"), None, None, None, ev),
            Quote("x", 0, 1, "direct", None, None, None, None, ev),
        ),
    )
    m = measures([doc])
    assert m["actor_pronoun_bad"] == 0.5 and m["actor_unresolved_bad"] == 0.5
    assert m["speaker_pronoun_bad"] == 0.5 and m["quote_nospeaker_bad"] == 0.5
    assert m["speaker_linked"] == 0.0
    assert any(f.startswith("actor_pronoun_bad") for f in failures(m))


def test_rounds_floor_fails_when_few_rounds_are_placed_and_dated() -> None:
    good, few = Score(), Score()
    good.parties.add({"AM", "AZ"}, {"AM", "AZ"})
    good.mediators.add({"UN"}, {"UN"})
    few.parties, few.mediators = good.parties, good.mediators
    few.rounds = [1, 5]
    assert failures({"dev": good, "heldout": good}) == []
    assert any("rounds with place+date" in m for m in failures({"dev": few, "heldout": good}))


def test_a_two_letter_body_is_the_actor_base_body_not_a_country() -> None:
    assert key("UN") == key("United Nations")
    assert key("EU") == key("European Union")
    assert key("US") == "US" and key("AF") == "AF"


def test_a_state_government_named_any_way_is_the_state() -> None:
    # the extraction reports a state's government by its ISO code: the same actor record
    for name in ("Ethiopian government", "Mali's transition government", "Sudanese authorities"):
        assert len(key(name)) == 2
    assert key("transition government of Mali") == "ML"
    assert key("Kosovo Government") == "XK"
    # a body with a name of its own, or a region's authorities, are not the state
    assert key("Tigrayan authorities") != "ET"
    assert key("Tigrayan authorities") == key("TPLF")
    assert key("Friends of Sudan government") != "SD"
