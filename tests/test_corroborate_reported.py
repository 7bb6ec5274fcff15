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
    # Reported (hence undated) events of two stories stay apart even with type, actor and
    # place in common: an unknown day is compatible with nothing in another story (issue 16,
    # H11); copies of one story (one syndication cluster) still merge.
    a, b = _ref("a#e0", "2022-04-01", "reported"), _ref("b#e0", "2022-04-09", "reported")
    undated = [replace(r, date_start=None, date_end=None) for r in (a, b)]
    assert len(group_events([a, b])) == len(group_events(undated)) == 2
    copy = replace(b, cluster_id=a.cluster_id)
    assert len(group_events([a, copy])) == 1


def test_reports_of_one_place_within_a_day_corroborate_each_other() -> None:
    # Two publishers report a meeting in Geneva the same day, neither dating it: one event,
    # two independent sources. A week apart, or with no place named, they stay apart.
    a, b = _ref("a#e0", "2022-04-01", "reported"), _ref("b#e0", "2022-04-02", "reported")
    (g,) = group_events([a, b])
    assert g.n_independent == 2
    far = _ref("c#e0", "2022-04-09", "reported")
    assert len(group_events([a, far])) == 2
    nowhere = [_ref(r, "2022-04-01", "reported", place=None) for r in ("a#e0", "b#e0")]
    assert len(group_events(nowhere)) == 2


def _bare(rid: str, actors: tuple[Actor, ...], unresolved: tuple[str, ...] = ()) -> EventRef:
    text = "they agreed"
    ev = Event(
        type="AGREE",
        evidence=Evidence(text, 0, len(text)),
        actors=actors,
        date="2022-04-01",
        date_precision="day",
        date_basis="stated",
        unresolved=unresolved,
    )
    d = date(2022, 4, 1)
    return EventRef(rid, rid.split("#")[0], rid[0].upper(), ev, d, d)


def test_no_group_spans_documents_without_a_resolved_actor() -> None:
    # Same type and day; the actor is a pronoun, a bare unplaced name, or missing.
    for actors, unresolved in (((), ("it",)), ((), ()), ((Actor(name="The presidents"),), ())):
        groups = group_events(
            [_bare("a#e0", actors, unresolved), _bare("b#e0", actors, unresolved)]
        )
        assert [g.n_sources for g in groups] == [1, 1], actors
    ua = (Actor(name="Ukraine", country="UA"),)
    (g,) = group_events([_bare("a#e0", ua), _bare("b#e0", ua)])
    assert g.n_sources == 2


def test_contested_needs_two_independent_sources() -> None:
    # One source telling "agreed" and "has not agreed" of a day is not contested by anyone;
    # a second, independent source that denies it is.
    said = _bare("a#e0", (Actor(name="Ukraine", country="UA"),))
    unsaid = replace(said, id="a#e1", event=replace(said.event, modality="negated"))
    (g,) = group_events([said, unsaid])
    assert (g.n_independent, g.contested) == (1, False)
    other = replace(unsaid, id="b#e0", doc_id="b", cluster_id="B")
    (g,) = group_events([said, other])
    assert (g.n_independent, g.contested) == (2, True)
