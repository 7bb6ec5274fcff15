"""Corroboration never merges events on a date that is only their report's (issue 16)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from peacewatch.corpus.corroborate import EventRef, event_days, group_events
from peacewatch.records import Actor, Event, Evidence


def _ref(rid: str, day: str, basis: str, place: str | None = "Geneva") -> EventRef:
    text = "the delegations met"
    ev = Event(
        type="CONSULT",
        evidence=Evidence(text, 0, len(text)),
        actors=(Actor(name="Ukraine", country="UA"),),
        place=place,
        date=day,
        date_precision="before" if basis == "reported" else "day",
        date_basis=basis,  # type: ignore[arg-type]
    )
    d = date.fromisoformat(day)
    return EventRef(rid, rid.split("#")[0], rid[0].upper(), ev, d, d)


def test_a_reported_date_is_no_event_day() -> None:
    assert event_days(_ref("a#e0", "2022-04-01", "reported")) == (None, None)
    assert event_days(_ref("a#e0", "2022-04-01", "stated")) == (date(2022, 4, 1),) * 2


def test_a_reported_event_does_not_merge_with_a_stated_one_of_that_day() -> None:
    refs = [_ref("a#e0", "2022-04-01", "stated"), _ref("b#e0", "2022-04-01", "reported")]
    groups = group_events(refs)
    assert len(groups) == 2
    # The group of the reported event has no day: its date is not the event's.
    assert {g.id: g.date_start for g in groups} == {"a#e0": date(2022, 4, 1), "b#e0": None}


def test_stated_and_relative_dates_merge_as_before() -> None:
    refs = [_ref("a#e0", "2022-04-01", "stated"), _ref("b#e0", "2022-04-02", "relative")]
    (g,) = group_events(refs)
    assert (g.date_start, g.date_end, g.n_sources) == (date(2022, 4, 1), date(2022, 4, 2), 2)


def test_reported_events_merge_only_as_undated_ones_do() -> None:
    # The same type, actor and place, reported the same day: merged exactly as two undated
    # events with a resolved actor were before issue 16, never because the days agree.
    a, b = _ref("a#e0", "2022-04-01", "reported"), _ref("b#e0", "2022-04-09", "reported")
    undated = [replace(r, date_start=None, date_end=None) for r in (a, b)]
    assert len(group_events([a, b])) == len(group_events(undated)) == 1
