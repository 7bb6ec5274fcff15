"""The core-event scorer (eval/core_events.py) on records written for these tests, and the
shape of its gold."""

from __future__ import annotations

from peacewatch.eval.core_events import GoldEvent, load_gold, score


def _event(kind: str, actors: list[str], recipients: list[str]) -> dict[str, object]:
    return {
        "type": kind,
        "actors": [{"name": c, "country": c} for c in actors],
        "recipients": [{"name": c, "country": c} for c in recipients],
    }


def test_gold_splits_are_disjoint_and_typed() -> None:
    gold = load_gold()
    assert set(gold["dev"]).isdisjoint(gold["held_out"])
    assert len(gold["dev"]) >= 12 and len(gold["held_out"]) >= 6
    for split in gold.values():
        for events in split.values():
            assert all(len(g) == 4 and g[0].isupper() for g in events)


def test_one_predicted_event_matches_one_gold_event() -> None:
    gold: dict[str, list[GoldEvent]] = {
        "d": [("CONSULT", "US", "KE", "met"), ("CONSULT", "US", "KE", "met again")]
    }
    records = {"d": [_event("CONSULT", ["US"], ["KE"]), _event("ASSAULT", ["US"], [])]}
    s = score(records, "dev", gold)
    # ASSAULT is not a gold type, so it is not counted against precision.
    assert (s.gold, s.predicted, s.matched) == (2, 1, 1)


def test_a_symmetric_meeting_matches_either_side_and_types_must_agree() -> None:
    gold: dict[str, list[GoldEvent]] = {"d": [("CONSULT", "MA", "US", "consultations")]}
    assert score({"d": [_event("CONSULT", ["MA", "US"], [])]}, "dev", gold).matched == 1
    agree: dict[str, list[GoldEvent]] = {"d": [("AGREE", "MA", "US", "agreed")]}
    assert score({"d": [_event("AGREE", ["MA", "US"], [])]}, "dev", agree).matched == 0


def test_an_act_said_not_to_have_happened_is_no_event_of_its_type() -> None:
    gold: dict[str, list[GoldEvent]] = {"d": [("REQUEST", "UA", None, "we demand")]}
    negated = {**_event("REQUEST", ["UA"], []), "modality": "negated"}
    s = score({"d": [negated]}, "dev", gold)
    assert (s.predicted, s.matched) == (0, 0)
    # Announced or demanded acts are in the gold ("will travel", "must withdraw"): they count.
    demanded = {**_event("REQUEST", ["UA"], []), "modality": "demanded"}
    assert score({"d": [demanded]}, "dev", gold).matched == 1


def test_the_matching_is_maximum_not_greedy() -> None:
    gold: dict[str, list[GoldEvent]] = {
        "d": [("CONSULT", "US", "KE", "called"), ("CONSULT", "US", "DZ", "met")]
    }
    # The first predicted event matches both gold events, the second only the first: a greedy
    # matching gives the first away and finds one.
    records = {"d": [_event("CONSULT", ["US"], ["KE", "DZ"]), _event("CONSULT", ["US"], ["KE"])]}
    assert score(records, "dev", gold).matched == 2


def test_history_a_release_recalls_is_no_core_event() -> None:
    gold: dict[str, list[GoldEvent]] = {"d": [("ASSAULT", "RU", None, "attacked")]}
    past = {**_event("ASSAULT", ["IQ"], []), "modality": "historical"}
    now = _event("ASSAULT", ["RU"], [])
    s = score({"d": [past, now]}, "dev", gold)
    assert (s.predicted, s.matched) == (1, 1)
