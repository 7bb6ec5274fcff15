"""Deduplication (exact, near) and corroboration, on texts and records written here."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from peacewatch.corpus import dedup
from peacewatch.corpus.corroborate import EventRef, figures, group_events
from peacewatch.corpus.variants import syndicated_variants
from peacewatch.records import Actor, Event, Evidence
from peacewatch.vocab import EventType, Modality

ARTICLES = Path(__file__).parent / "fixtures" / "store" / "articles.jsonl"


def _articles() -> dict[str, str]:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return {a["id"]: a["text"] for a in map(json.loads, lines)}


def test_content_hash_ignores_case_and_spacing() -> None:
    assert dedup.content_hash("Talks  resume\nin Geneva") == dedup.content_hash(
        "talks resume in GENEVA"
    )
    assert dedup.content_hash("Talks resume") != dedup.content_hash("Talks stall")


def test_signature_round_trips_through_bytes() -> None:
    m = dedup.minhash(_articles()["grain-corridor-plan"])
    assert dedup.from_bytes(dedup.to_bytes(m)).jaccard(m) == 1.0


def test_ten_syndicated_variants_form_one_cluster() -> None:
    arts = _articles()
    base = arts["talks-geneva-round"]
    idx = dedup.DedupIndex()
    clusters = []
    docs = [("orig", base)] + [(f"copy{i}", t) for i, t in enumerate(syndicated_variants(base))]
    docs += [(k, t) for k, t in arts.items() if k != "talks-geneva-round"]
    for vid, text in docs:
        ch, sig = dedup.content_hash(text), dedup.minhash(text)
        m = idx.match(vid, ch, sig)
        idx.add(vid, ch, sig, m.cluster_id)
        clusters.append((vid, m.cluster_id, m.kind))
    copies = [c for v, c, _ in clusters if v == "orig" or v.startswith("copy")]
    assert set(copies) == {"orig"}
    assert {k for v, _, k in clusters if v.startswith("copy")} == {"near"}
    # Distinct stories stay apart, each its own cluster.
    others = [(v, c) for v, c, _ in clusters if v != "orig" and not v.startswith("copy")]
    assert all(v == c for v, c in others)


def test_exact_copy_is_exact_and_matches_the_smallest_id() -> None:
    idx = dedup.DedupIndex()
    text = _articles()["sanctions-brussels"]
    for vid in ("b", "a"):
        ch, sig = dedup.content_hash(text), dedup.minhash(text)
        m = idx.match(vid, ch, sig)
        idx.add(vid, ch, sig, m.cluster_id)
    m = idx.match("c", dedup.content_hash(text.upper()), dedup.minhash(text))
    assert (m.kind, m.cluster_id, m.of) == ("exact", "b", "b")


def _ev(
    type_: EventType = "CONSULT",
    place: str | None = "Geneva",
    day: str | None = "2022-04-01",
    actors: tuple[str, ...] = ("UA", "RU"),
    modality: Modality = "asserted",
    text: str = "the delegations met",
) -> Event:
    return Event(
        type=type_,
        evidence=Evidence(text, 0, len(text)),
        actors=tuple(Actor(name=c, country=c) for c in actors),
        place=place,
        date=day,
        date_precision="day" if day else "unknown",
        modality=modality,
    )


def _ref(rid: str, cluster: str, ev: Event) -> EventRef:
    d = date.fromisoformat(ev.date) if ev.date else None
    return EventRef(rid, rid.split("#")[0], cluster, ev, d, d)


def test_same_event_from_three_documents_two_clusters() -> None:
    refs = [
        _ref("a#e0", "A", _ev()),
        _ref("b#e0", "A", _ev()),  # a syndicated copy of a: same cluster
        _ref("c#e0", "C", _ev(day="2022-04-02", place="GENEVA")),  # next-day report
    ]
    (g,) = group_events(refs)
    assert (g.n_sources, g.n_independent, g.contested) == (3, 2, False)
    assert (g.date_start, g.date_end) == (date(2022, 4, 1), date(2022, 4, 2))


def test_different_type_place_date_or_actors_stay_apart() -> None:
    refs = [
        _ref("a#e0", "A", _ev()),
        _ref("b#e0", "B", _ev(type_="ASSAULT")),
        _ref("c#e0", "C", _ev(place="Istanbul")),
        _ref("d#e0", "D", _ev(day="2022-04-05")),
        _ref("e#e0", "E", _ev(actors=("TR",))),
        _ref("f#e0", "F", _ev(day=None)),  # undated: never merged with a dated event
    ]
    assert len(group_events(refs)) == 6


def test_contradictions_are_kept_side_by_side() -> None:
    refs = [
        _ref("a#e0", "A", _ev(type_="ASSAULT", text="shelling wounded 12 people")),
        _ref("b#e0", "B", _ev(type_="ASSAULT", text="shelling wounded 30 people")),
        _ref("c#e0", "C", _ev(type_="ASSAULT", modality="denied", text="denied shelling")),
    ]
    (g,) = group_events(refs)
    assert g.contested
    claims = {(c.modality, c.figures): c.sources for c in g.claims}
    assert claims == {
        ("asserted", ("12",)): ("a#e0",),
        ("asserted", ("30",)): ("b#e0",),
        ("denied", ()): ("c#e0",),
    }


def test_grouping_does_not_depend_on_input_order() -> None:
    refs = [_ref(f"{k}#e0", k, _ev(day=f"2022-04-0{i}")) for i, k in enumerate("abcdef", 1)]
    one = [(g.id, [m.id for m in g.members]) for g in group_events(refs)]
    two = [(g.id, [m.id for m in g.members]) for g in group_events(reversed(refs))]
    assert one == two


def test_figures_skip_dates_and_years() -> None:
    assert figures("On March 29, 2022 some 1,200 people left in 40 buses") == ("1200", "40")


def test_extracted_magnitudes_are_the_figures_compared() -> None:
    from peacewatch.records import Magnitude

    def hurt(n: int) -> Event:
        return replace(
            _ev(type_="ASSAULT"), magnitude=(Magnitude("injured", n, str(n), 0, len(str(n))),)
        )

    same = group_events([_ref("a#e0", "A", hurt(12)), _ref("b#e0", "B", hurt(12))])
    differ = group_events([_ref("a#e0", "A", hurt(12)), _ref("b#e0", "B", hurt(30))])
    assert not same[0].contested and differ[0].contested
    assert [c.figures for c in differ[0].claims] == [("injured:12",), ("injured:30",)]


def test_events_with_unresolved_actors_never_merge() -> None:
    """Two "CONSULT by we" from different releases are not the same talks (issue 14)."""
    bare = replace(_ev(), actors=(), recipients=())
    refs = [
        _ref("a#e0", "A", replace(bare, unresolved=("we",))),
        _ref("b#e0", "B", replace(bare, unresolved=("we",))),
        _ref("c#e0", "C", bare),
        _ref("d#e0", "D", bare),
    ]
    sizes = sorted(g.n_sources for g in group_events(refs))
    # Neither the unresolved nor the actor-less events merge across documents: no group spans
    # documents without a resolved actor (issue 16; actor-less ones merged before).
    assert sizes == [1, 1, 1, 1]
