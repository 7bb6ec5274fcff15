"""Negotiation tracks by process and period (corpus/tracks.py), on hand-made Documents."""

from __future__ import annotations

from peacewatch.corpus.tracks import GAP_DAYS, processes, roles, split_tracks
from peacewatch.records import Body, Document, Evidence, Metadata, Negotiation, Round


def doc(
    id_: str,
    published: str | None,
    parties: tuple[str, ...] = (),
    round_on: str | None = None,
    mediators: tuple[str, ...] = (),
) -> Document:
    rounds = (Round(evidence=(Evidence("talks", 0, 5),), date=round_on),) if round_on else ()
    neg = Negotiation(parties=parties, mediators=mediators, rounds=rounds)
    return Document(Metadata(id=id_, published=published), Body("talks", ()), negotiation=neg)


DOCS = [
    doc("a", "2022-02-28", ("RU", "UA"), "2022-02-28"),
    doc("b", "2022-03-07", ("Donetsk People's Republic", "RU", "UA"), "2022-03-07"),
    doc("c", "2022-03-29", ("UA",), "2022-03-29", mediators=("TR",)),
    doc("d", "2022-06-20", ("RU", "UA")),  # under four months after the last round: 2022's talks
    doc("e", "2025-03-11", ("RU", "UA"), "2025-03-11", mediators=("SA", "US")),
    doc("f", "2022-03-10", ("AM", "AZ")),
    doc("g", "2022-03-10"),  # no party: joins the tracks whose period covers it
    doc("h", "2024-01-01"),  # no party, no track covers it
]


def test_a_document_goes_to_its_most_named_pair() -> None:
    got = processes(DOCS)
    assert got["b"] == ("RU", "UA") and got["c"] == ("RU", "UA")
    assert got["f"] == ("AM", "AZ")
    assert "g" not in got and "h" not in got


def test_tracks_split_by_process_and_by_a_gap_between_rounds() -> None:
    tracks = {t.id: t for t in split_tracks(DOCS)}
    assert list(tracks) == ["RU-UA:2022-02", "RU-UA:2025-03", "AM-AZ:2022-03"]
    first = tracks["RU-UA:2022-02"]
    assert set(first.docs) == {"a", "b", "c", "d", "g"} and first.own == 4
    assert (first.start, first.end) == ("2022-02-28", "2022-06-20")
    assert tracks["RU-UA:2025-03"].docs == ("e",)
    assert tracks["AM-AZ:2022-03"].docs == ("f", "g")
    assert first.loose == tracks["AM-AZ:2022-03"].loose == {"g"}
    assert not any("h" in t.docs for t in tracks.values())


def test_statements_months_after_the_rounds_are_another_track() -> None:
    # No round in 2025, but a 2025 release on the process is not part of the 2022 rounds.
    docs = [
        doc("x", "2022-03-01", ("RU", "UA"), "2022-03-01"),
        doc("y", "2025-03-12", ("RU", "UA")),
    ]
    assert [(t.id, t.docs) for t in split_tracks(docs)] == [
        ("RU-UA:2022-03", ("x",)),
        ("RU-UA:2025-03", ("y",)),
    ]


def test_a_round_dated_apart_from_its_reports_makes_no_empty_track() -> None:
    # A 2022 release on a round planned for 2024: the period of that date has no document.
    docs = [
        doc("x", "2022-03-01", ("AM", "AZ"), "2022-03-01"),
        doc("y", "2022-03-02", ("AM", "AZ")),
    ]
    docs.append(doc("z", "2022-03-03", ("AM", "AZ"), "2024-01-10"))
    assert [t.docs for t in split_tracks(docs)] == [("x", "y", "z")]


def test_rounds_closer_than_the_gap_stay_one_track() -> None:
    near = [
        doc("x", "2022-01-01", ("AM", "AZ"), "2022-01-01"),
        doc("y", "2022-05-01", ("AM", "AZ"), f"2022-{1 + GAP_DAYS // 31:02d}-28"),
    ]
    assert len(split_tracks(near)) == 1
    far = [*near, doc("z", "2023-06-01", ("AM", "AZ"), "2023-06-01")]
    assert [t.docs for t in split_tracks(far)] == [("x", "y"), ("z",)]


def test_parties_of_the_process_first_then_third_parties() -> None:
    tracks = {t.id: t for t in split_tracks(DOCS)}
    by_id = {d.meta.id: d for d in DOCS}
    got = roles([by_id[i] for i in tracks["RU-UA:2022-02"].docs], ("RU", "UA"))
    # UA is named by four documents of the track, RU by three; the DPR by one, after both.
    assert got["parties"] == ["UA", "RU", "Donetsk People's Republic"]
    assert got["third_parties"] == ["TR"]
