"""The negotiation track across a corpus: store round trip, claims, commitments, the CLI, eval.

Fixture sentences are our own (no text of ../shared); documents are built by hand where the
parse does not matter, and analysed with spaCy where it does.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from peacewatch.corpus.negotiation import Sourced, commitment_links, track_state
from peacewatch.corpus.render import render
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import (
    Actor,
    Body,
    Commitment,
    Document,
    Event,
    Evidence,
    IssueRecord,
    Metadata,
    Negotiation,
    Place,
    Position,
    RawInput,
    Round,
)
from peacewatch.serialize import to_json
from peacewatch.store.load import from_json
from peacewatch.vocab import Modality


def _run(text: str, nlp: Any, published: str, doc_id: str = "t") -> Document:
    raw = RawInput(id=doc_id, source="test", data=text, content_type="text", published=published)
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


ROUND_TEXT = (
    "Ukrainian and Russian delegations held the fourth round of negotiations in the area of "
    "the Poland-Belarus border on Monday.\n\n"
    "The Russian delegation said Moscow demands a neutral status for Ukraine.\n\n"
    "Russia agreed to reduce military activity around Chernihiv."
)


def test_from_json_inverts_to_json(nlp: Any) -> None:
    doc = _run(ROUND_TEXT, nlp, "2022-03-15")
    back = from_json(json.loads(json.dumps(to_json(doc))))
    assert back == replace(doc, parses=())
    assert to_json(back) == to_json(doc)
    check_offsets(back)


def test_round_place_through_area_nouns_and_hyphenated_sides(nlp: Any) -> None:
    doc = _run(ROUND_TEXT, nlp, "2022-03-15")
    rounds = [(r.place, r.number) for r in doc.negotiation.rounds]
    assert ("Belarus", 4) in rounds
    other = _run(
        "He spoke after the face-to-face round of Ukrainian-Russian talks on ending the war, "
        "which took place on March 2 in Warsaw.",
        nlp,
        "2022-03-03",
    )
    assert [(r.place, r.date) for r in other.negotiation.rounds] == [("Warsaw", "2022-03-02")]


def test_a_video_meeting_of_delegations_is_a_round_but_a_meeting_alone_is_not(nlp: Any) -> None:
    doc = _run("The video meeting of the delegations started today.", nlp, "2022-03-14")
    assert [(r.format, r.date) for r in doc.negotiation.rounds] == [("video link", "2022-03-14")]
    plain = _run("The President held a meeting with farmers today.", nlp, "2022-03-14")
    assert plain.negotiation.rounds == ()


def test_goal_as_copula_subject_and_imposed_status(nlp: Any) -> None:
    doc = _run(
        "He said that Russia's main goals were a neutral status for Ukraine.", nlp, "2022-03-03"
    )
    got = {(p.party, p.stance) for r in doc.negotiation.issues for p in r.positions}
    # "main goal" is a priority cue in stances.json (read from the noun and its modifiers)
    assert ("RU", "priority") in got
    assert not any(party == "UA" for party, _ in got)  # imposed on Ukraine, not sought by it


def test_own_officials_by_title_in_a_government_release(nlp: Any) -> None:
    raw = RawInput(
        id="g",
        source="test",
        data="The Head of State rejected any deal on Crimea.",
        content_type="text",
        published="2022-04-05",
        publisher="Office of the President of Ukraine",
    )
    doc = analyze(raw, published="2022-04-05", nlp=nlp)
    got = {(p.party, p.stance) for r in doc.negotiation.issues for p in r.positions}
    assert ("UA", "rejects") in got
    # the same sentence in a news agency's report names no side
    plain = analyze(replace(raw, publisher="Some News Agency"), published="2022-04-05", nlp=nlp)
    assert all(p.party is None for r in plain.negotiation.issues for p in r.positions)


# --- pure functions over hand-built documents


def _ev(text: str = "x") -> Evidence:
    return Evidence(text, 0, len(text))


def _doc(
    doc_id: str,
    published: str,
    rounds: tuple[Round, ...] = (),
    pos: tuple[Position, ...] = (),
    commitments: tuple[Commitment, ...] = (),
    events: tuple[Event, ...] = (),
    places: tuple[Place, ...] = (),
    text: str = "x",
) -> Document:
    """A document holding only the given records (shared by test_negotiation_sides.py)."""
    issues = tuple(
        IssueRecord(i, i, None, (), tuple(p for p in pos if p.issue == i))
        for i in sorted({p.issue for p in pos})
    )
    return Document(
        meta=Metadata(id=doc_id, published=published),
        body=Body(text=text, paragraphs=()),
        places=places,
        events=events,
        negotiation=Negotiation(rounds=rounds, issues=issues, commitments=commitments),
    )


def _round(place: str, number: int | None = None) -> Round:
    return Round(evidence=(_ev(),), place=place, date="2022-03-07", number=number)


def _pos(stance: str, party: str = "RU", on: str = "2022-03-02") -> Position:
    return Position(issue="crimea", stance=stance, evidence=_ev(), party=party, said_on=on)


def test_claims_reported_corroborated_contested() -> None:
    a = _doc("a", "2022-03-08", rounds=(_round("Brest"),), pos=(_pos("demands"),))
    copy = _doc("a2", "2022-03-08", rounds=(_round("Brest"),), pos=(_pos("demands"),))
    b = _doc("b", "2022-03-08", rounds=(_round("Brest"),))
    c = _doc("c", "2022-03-02", pos=(_pos("rejects"),))
    # a and a2 are one syndicated story (one cluster): one independent source.
    state = track_state([Sourced(a, "s1"), Sourced(copy, "s1")])
    assert state["rounds"][0]["status"] == "reported"
    assert state["rounds"][0]["n_independent"] == 1
    state = track_state([Sourced(a, "s1"), Sourced(b, "s2")])
    assert state["rounds"][0]["status"] == "corroborated"
    hist = track_state([Sourced(a, "s1"), Sourced(c, "s3")])["positions"][0]["history"]
    assert {x["status"] for x in hist} == {"contested"}
    numbered = [
        _doc("n1", "2022-03-08", rounds=(_round("Brest", 3),)),
        _doc("n2", "2022-03-08", rounds=(_round("Brest", 4),)),
    ]
    state = track_state([Sourced(d, d.meta.id) for d in numbered])
    assert state["rounds"][0]["status"] == "contested"


def _strike(place: str, date: str, country: str | None, modality: Modality = "asserted") -> Event:
    actors = (Actor("forces", country=country),) if country else ()
    return Event(
        type="ASSAULT", evidence=_ev("strike"), place=place, date=date, actors=actors,
        modality=modality,
    )  # fmt: skip


def test_commitments_linked_to_later_events_in_scope() -> None:
    pledge = Commitment(
        action="reduce military activity",
        evidence=_ev("pledge"),
        obligor="RU",
        issue="de-escalation",
        scope=("Kyiv",),
    )
    chat = replace(pledge, action="stay in contact", issue=None)  # no strike tests this
    where = (
        Place("Kyiv", 0, 4, name="Kyiv", lat=50.45, lon=30.52),
        Place("Irpin", 0, 5, name="Irpin", lat=50.52, lon=30.25),
        Place("Lviv", 0, 4, name="Lviv", lat=49.84, lon=24.03),
        Place("Ukraine", 0, 7, name="Ukraine", feature="country"),
    )
    docs = [
        _doc("p", "2022-03-29", commitments=(pledge, chat), places=where),
        _doc(
            "e",
            "2022-03-31",
            events=(
                _strike("Irpin", "2022-03-30", "RU"),  # 20 km away, by the obligor: violates
                _strike("Kyiv", "2022-03-31", None),  # actor unknown: tests
                _strike("Lviv", "2022-03-31", "RU"),  # far away: no link
                _strike("Kyiv", "2022-03-20", "RU"),  # before the pledge: no link
                _strike("Kyiv", "2022-03-31", "RU", "negated"),  # denied
                _strike("Ukraine", "2022-03-31", "RU"),  # a whole country: no link
            ),
        ),
    ]
    found = commitment_links(docs)
    assert found[1]["links"] == []
    links = found[0]["links"]
    assert [(x["place"], x["relation"]) for x in links] == [
        ("Irpin", "violates"),
        ("Kyiv", "tests"),
        ("Kyiv", "denied"),
    ]
    assert all(x["evidence"]["doc"] == "e" for x in links)


def test_render_links_every_line_to_its_source() -> None:
    docs = [
        _doc("a", "2022-03-08", rounds=(_round("Brest"),), pos=(_pos("demands"),)),
        _doc("c", "2022-03-20", pos=(_pos("willing", on="2022-03-20"),)),
    ]
    state = track_state([Sourced(d, d.meta.id) for d in docs])
    assert state["moved"] and state["moved"][0]["after"]["stance"] == "willing"
    for md in (False, True):
        text = render(state, markdown=md)
        lines = [x for x in text.splitlines() if x.startswith(("- 2022", "  - ", "- **"))]
        assert lines
        for line in lines:
            # A round's head line sums up the reports listed (with their spans) below it.
            if "sources disagree" not in line and "independent]" not in line:
                assert "[0:1]" in line  # document and span on the line


def test_cli_negotiation_reads_the_store(nlp: Any, tmp_path: Path) -> None:
    from peacewatch.cli import app
    from peacewatch.store import Store

    db = f"sqlite:///{tmp_path}/s.db"
    with Store(db) as store:
        raw = RawInput(
            id="r", source="test", data=ROUND_TEXT, content_type="text", published="2022-03-15"
        )
        store.ingest(raw, lambda r, pub: analyze(r, published=pub, nlp=nlp), "2022-03-15")
    out = CliRunner().invoke(app, ["negotiation", "--db", db, "--format", "json"])
    assert out.exit_code == 0, out.output
    state = json.loads(out.output)
    assert state["documents"] == 1 and state["rounds"]
    assert state["rounds"][0]["reports"][0]["evidence"]["doc"] == "r"
    md = CliRunner().invoke(app, ["negotiation", "--db", db, "--format", "markdown"])
    assert md.exit_code == 0 and md.output.startswith("# Negotiation track")
    empty = CliRunner().invoke(app, ["negotiation", "--db", db, "--since", "2023-01-01"])
    assert empty.exit_code == 0 and "0 documents" in empty.output


def test_eval_scoring_counts_matches_and_misses() -> None:
    from peacewatch.eval.negotiation_corpus import check_brief, score_positions, score_rounds

    doc = _doc(
        "d",
        "2022-03-30",
        rounds=(Round(evidence=(_ev(),), place="Istanbul", date="2022-03-29"),),
        pos=(_pos("demands"), replace(_pos("offers"), issue="donbas", party=None)),
    )
    gold = {
        "d": {
            "rounds": [{"place": ["Istanbul"], "date": "2022-03-29"}, {"place": ["Antalya"]}],
            "positions": [
                {"party": "RU", "issue": "crimea", "direction": "for", "contains": "x"},
                {"party": "UA", "issue": "donbas", "direction": "concedes", "contains": "x"},
            ],
        }
    }
    r = score_rounds({"d": doc}, gold)
    assert (r["precision"], r["recall"], r["dates_right"]) == (1.0, 0.5, "1/1")
    p = score_positions({"d": doc}, gold)
    assert (p["precision"], p["recall"], p["no_party"]) == (0.5, 0.5, 1)
    assert p["issue_recall"] == 1.0 and p["direction_right"] == "1/1"
    state = track_state([Sourced(doc, "d")])
    wanted = [
        {"label": "Istanbul", "place": ["Istanbul"], "format": None},
        {"label": "Antalya", "place": ["Antalya"], "format": None},
    ]
    assert check_brief(state, wanted) == [("Istanbul", "2022-03-29"), ("Antalya", "MISSING")]


def test_country_report_joins_the_city_round_but_not_another_level() -> None:
    from peacewatch.corpus.track import changes, merge_rounds

    city = Round(evidence=(_ev(),), place="Istanbul", country="TR", date="2022-03-29")
    docs = [
        _doc("a", "2022-03-30", rounds=(city,)),
        _doc("b", "2022-03-29", rounds=(Round(evidence=(_ev(),), place="Turkey", country="TR"),)),
        _doc(
            "c",
            "2022-04-05",
            rounds=(
                Round(evidence=(_ev(),), place="Turkey", country="TR", level="foreign ministers"),
            ),
        ),
    ]
    rounds = merge_rounds(docs)
    assert [(r.place, [x.doc for x in r.reports]) for r in rounds] == [
        ("Istanbul", ["a", "b"]),
        ("Turkey", ["c"]),
    ]
    # two releases of one day reading one statement differently are not a move
    same_day = [
        _doc("p", "2022-03-29", pos=(_pos("demands", on="2022-03-29"),)),
        _doc("q", "2022-03-29", pos=(_pos("offers", on="2022-03-29"),)),
    ]
    assert changes(same_day) == []


def test_asking_for_more_after_agreeing_is_not_a_move_but_softening_is() -> None:
    from peacewatch.corpus.track import changes

    docs = [
        _doc("p", "2022-03-01", pos=(_pos("accepts", on="2022-03-01"),)),
        _doc("q", "2022-03-10", pos=(_pos("demands", on="2022-03-10"),)),
        _doc("r", "2022-03-20", pos=(_pos("offers", on="2022-03-20"),)),
    ]
    moved = changes(docs)
    assert [(c.before.stance, c.after.stance) for c in moved] == [("demands", "offers")]


def test_an_undated_plan_joins_the_first_round_held_at_its_level_after_it() -> None:
    from peacewatch.corpus.track import merge_rounds

    def r(place: str | None, country: str | None, **kw: Any) -> Round:
        return Round(evidence=(_ev(),), place=place, country=country, **kw)

    held = r("Belarus", "BY", date="2022-02-28", level="delegations", status="held")
    later = r("Belarus", "BY", date="2022-03-03", level="delegations", status="held")
    plan = r("Pripyat River", None, level="delegations", status="planned")
    elsewhere = r("Warsaw", "PL", level="delegations", status="planned")
    other_level = r("Somewhere", None, level="foreign ministers", status="planned")
    docs = [
        _doc("a", "2022-02-28", rounds=(held,)),
        _doc("b", "2022-03-04", rounds=(later,)),
        _doc("p", "2022-02-27", rounds=(plan,)),
        _doc("w", "2022-02-27", rounds=(elsewhere,)),
        _doc("f", "2022-02-27", rounds=(other_level,)),
    ]
    got = {(x.place, x.date, tuple(y.doc for y in x.reports)) for x in merge_rounds(docs)}
    assert got == {
        # the located place of the held round, not the plan's river
        ("Belarus", "2022-02-28", ("a", "p")),
        ("Belarus", "2022-03-03", ("b",)),
        ("Warsaw", None, ("w",)),
        ("Somewhere", None, ("f",)),
    }


def test_just_met_is_dated_by_the_release_but_met_alone_is_not(nlp: Any) -> None:
    def dates(text: str) -> list[str | None]:
        doc = _run(text + "\n\nThe talks will continue.", nlp, "2022-03-27")
        return [r.date for r in doc.negotiation.rounds]

    tail = "in Istanbul for talks on a ceasefire."
    assert dates(f"Ukrainian and Russian delegations just met {tail}") == ["2022-03-27"]
    assert dates(f"Ukrainian and Russian delegations met {tail}") == [None]
