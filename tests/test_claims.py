"""corpus/claims.py: the one claim-status rule that the track and the store both apply."""

from __future__ import annotations

from datetime import date

from peacewatch.corpus.claims import (
    CONTEST_DAYS,
    SAME_CLAIM_DAYS,
    PositionFact,
    claim_status,
    event_status,
    position_statuses,
)

DAY = date(2022, 3, 29).toordinal()


def _fact(
    stance: str = "demands",
    day: int | None = DAY,
    source: str = "a",
    report: str = "d1",
    denied: bool = False,
    party: str | None = "RU",
) -> PositionFact:
    return PositionFact(party, "neutrality", stance, day, source, report, denied)


def test_claim_status_order_denied_then_contested_then_sources() -> None:
    assert claim_status(5, contested=True, denied=True) == "denied"
    assert claim_status(5, contested=True) == "contested"
    assert claim_status(2, contested=False) == "corroborated"
    assert claim_status(1, contested=False) == "reported"


def test_event_status_from_modality_and_group() -> None:
    assert event_status("negated", contested=False, n_independent=3) == "denied"
    assert event_status("denied", contested=False, n_independent=1) == "denied"
    assert event_status("asserted", contested=True, n_independent=3) == "contested"
    assert event_status("reported", contested=False, n_independent=2) == "corroborated"
    assert event_status("future", contested=False, n_independent=0) == "reported"


def test_two_sources_within_a_week_corroborate_one_source_does_not() -> None:
    near = DAY + SAME_CLAIM_DAYS
    got = position_statuses([_fact(), _fact("seeks", near, "b", "d2")])
    assert got == ["corroborated", "corroborated"]
    same_source = position_statuses([_fact(), _fact("seeks", near, "a", "d2")])
    assert same_source == ["reported", "reported"]
    too_late = position_statuses([_fact(), _fact("seeks", near + 1, "b", "d2")])
    assert too_late == ["reported", "reported"]


def test_opposite_directions_from_two_sources_contest() -> None:
    got = position_statuses([_fact(), _fact("rejects", DAY + CONTEST_DAYS, "b", "d2")])
    assert got == ["contested", "contested"]
    # "discussed" has no direction: it neither contests nor is contested.
    neutral = position_statuses([_fact("discussed"), _fact("rejects", DAY, "b", "d2")])
    assert neutral == ["reported", "reported"]


def test_a_denial_contests_reports_of_the_stance() -> None:
    denial = _fact("offers", DAY, "b", "d2", denied=True)
    got = position_statuses([_fact("offers"), denial])
    assert got == ["contested", "denied"]
    # In the same report the denial contests it even without a day to compare.
    undated = [_fact("offers", None, report="d9"), _fact("offers", None, "b", "d9", denied=True)]
    assert position_statuses(undated) == ["contested", "denied"]
    # A denial of another direction contests nothing.
    assert position_statuses([_fact("demands"), denial]) == ["reported", "denied"]


def test_no_party_or_no_day_is_reported() -> None:
    got = position_statuses([_fact(party=None), _fact(party=None, source="b"), _fact(day=None)])
    assert got == ["reported", "reported", "reported"]
