"""The negotiation track of one article: rounds, issues, stances, commitments, agreements.

All texts here are written for these tests (no article text is copied); each checks one rule
and the ways it must not fire.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from peacewatch.eval.negotiation import match_steps, score_reference
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Document, Position, ProcedureStep, RawInput
from peacewatch.serialize import to_json, validate


def run(text: str, nlp: Any, published: str = "2022-04-05") -> Document:
    raw = RawInput(id="t", source="test", data=text, content_type="text", published=published)
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    validate(json.loads(json.dumps(to_json(doc))))
    return doc


def positions(doc: Document, issue: str) -> list[Position]:
    return [p for r in doc.negotiation.issues if r.issue == issue for p in r.positions]


def stances(doc: Document, issue: str) -> set[tuple[str | None, str]]:
    return {(p.party, p.stance) for p in positions(doc, issue)}


TALKS = (
    "Russian and Ukrainian delegations met in Gomel on Monday for a second round of talks.\n\n"
    "The negotiators later held further talks by video link.\n\n"
    "President Vladimir Putin also held talks with the President of Kazakhstan in Moscow."
)


def test_rounds_place_date_format_and_number(nlp: Any) -> None:
    doc = run(TALKS, nlp)
    n = doc.negotiation
    assert set(n.parties) == {"RU", "UA"}
    gomel = [r for r in n.rounds if r.place == "Gomel"]
    assert len(gomel) == 1
    assert gomel[0].date == "2022-04-04" and gomel[0].format == "in person"
    assert gomel[0].number == 2
    assert any(r.format == "video link" and r.place is None for r in n.rounds)
    # State visits between other countries are not rounds of these talks.
    assert not any(r.place == "Moscow" for r in n.rounds)
    for r in n.rounds:
        for ev in r.evidence:
            assert doc.body.text[ev.start : ev.end] == ev.text


def test_two_rounds_in_one_sentence_keep_their_own_place_and_date(nlp: Any) -> None:
    text = (
        "The talks in Belarus on Monday were the first since negotiators from Russia and "
        "Ukraine met in Minsk last month."
    )
    rounds = run(text, nlp, published="2022-04-06").negotiation.rounds
    minsk = [r for r in rounds if r.place == "Minsk"]
    assert minsk and minsk[0].date == "2022-03"
    assert not any(r.place == "Minsk" and r.date == "2022-04-04" for r in rounds)


def test_host_and_mediator(nlp: Any) -> None:
    text = (
        "Russian and Ukrainian negotiators met in Ankara on Friday in talks organised and hosted "
        "by the Turkish leader, President Recep Tayyip Erdogan."
    )
    n = run(text, nlp).negotiation
    assert "TR" in n.hosts and "TR" in n.mediators and "TR" not in n.parties
    assert any(r.host and "Erdogan" in r.host for r in n.rounds)


def test_stances_follow_the_parse(nlp: Any) -> None:
    text = (
        "Ukraine rejected Russia's demand for demilitarization.\n\n"
        "Ukrainian Foreign Minister Dmytro Kuleba said Kyiv was ready to accept a neutral "
        "status.\n\n"
        "Kuleba added that Ukraine would never cede territory."
    )
    doc = run(text, nlp)
    assert {("RU", "demands"), ("UA", "rejects")} <= stances(doc, "de-escalation")
    assert ("UA", "willing") in stances(doc, "neutrality")
    willing = [p for p in positions(doc, "neutrality") if p.stance == "willing"]
    assert willing[0].by and willing[0].by.endswith("Kuleba")
    assert ("UA", "will not yield") in stances(doc, "territory")


def test_negation_and_passive_do_not_invent_a_party(nlp: Any) -> None:
    text = (
        "Russia was offered a ceasefire for the holiday.\n\n"
        "The Kremlin said it was not willing to discuss the status of Crimea."
    )
    doc = run(text, nlp)
    offers = [p for p in positions(doc, "ceasefire") if p.stance == "offers"]
    assert offers and all(p.party != "RU" for p in offers)  # the recipient is not the offerer
    assert ("RU", "rejects") in stances(doc, "crimea")
    assert ("RU", "willing") not in stances(doc, "crimea")


def test_condition_and_leaders_meeting(nlp: Any) -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov said Russian President Vladimir Putin and "
        "Ukrainian President Volodymyr Zelensky could meet once the delegations finish a text."
    )
    doc = run(text, nlp)
    pos = positions(doc, "leaders-meeting")
    assert pos and pos[0].stance == "conditional" and pos[0].party == "RU"
    assert pos[0].condition and "once" in pos[0].condition


def test_commitment_with_scope(nlp: Any) -> None:
    text = (
        "Russian officials said that Moscow had agreed to pull back its troops from areas "
        "around Sumy and Kharkiv."
    )
    doc = run(text, nlp)
    commits = [c for c in doc.negotiation.commitments if c.issue == "de-escalation"]
    assert commits and commits[0].obligor == "RU"
    assert {"Sumy", "Kharkiv"} <= set(commits[0].scope)
    assert ("RU", "committed") in stances(doc, "de-escalation")


def test_agreement_stage_and_procedure(nlp: Any) -> None:
    text = (
        "The delegations are working on a draft peace treaty, a Ukrainian negotiator said.\n\n"
        "First the treaty is drafted by experts, then it is approved by both delegations and "
        "finally it is signed by the presidents."
    )
    doc = run(text, nlp)
    treaty = [a for a in doc.negotiation.agreements if "treaty" in a.kind]
    assert treaty and treaty[0].stage == "drafting"
    steps = treaty[0].procedure
    assert [s.action for s in steps][:3] == ["draft", "approve", "sign"]
    assert steps[2].level == "leaders"


def test_signed_only_when_reported_as_done(nlp: Any) -> None:
    signed = run("The two sides signed a ceasefire agreement in Minsk on Monday.", nlp)
    planned = run("The two sides will sign a ceasefire agreement in Minsk next week.", nlp)
    a = signed.negotiation.agreements
    assert a and a[0].kind == "ceasefire" and a[0].stage == "signed" and a[0].pax_stage == "Cea"
    assert all(x.stage != "signed" for x in planned.negotiation.agreements)


def test_empty_document_has_empty_track(nlp: Any) -> None:
    doc = run("The weather in Lviv was mild on Sunday.", nlp)
    n = doc.negotiation
    assert not (n.rounds or n.issues or n.agreements or n.commitments or n.parties)


def _step(
    order: int, action: str, actor: str | None = None, level: str | None = None
) -> ProcedureStep:
    from peacewatch.records import Evidence

    return ProcedureStep(
        order=order, action=action, evidence=Evidence("x", 0, 1), actor=actor, level=level
    )


def test_step_matching_is_one_to_one() -> None:
    steps = (
        _step(1, "draft"),
        _step(2, "sign", "ministers", "foreign ministers"),
        _step(3, "sign", "X Y", "leaders"),
    )
    got = dict(
        match_steps(
            ["drafted", "signed by leaders", "signed by foreign ministers", "ratified"], steps
        )
    )
    assert got == {
        "drafted": 1,
        "signed by leaders": 3,
        "signed by foreign ministers": 2,
        "ratified": None,
    }


@pytest.mark.parametrize("stance_ok", [True, False])
def test_score_reference_floors(nlp: Any, stance_ok: bool) -> None:
    doc = run(
        "Ukrainian Foreign Minister Dmytro Kuleba said Kyiv was ready to accept a neutral status.",
        nlp,
    )
    gold = {
        "negotiation": {
            "parties": ["UA", "RU"],
            "mediators": [],
            "rounds": [],
            "issues": [
                {
                    "issue": "neutrality",
                    "aliases": ["neutral"],
                    "positions": [{"party": "UA", "stance": "willing"}],
                },
                {
                    "issue": "other",
                    "aliases": ["neutral" if stance_ok else "zzz"],
                    "positions": [{"party": "UA", "stance": "willing"}],
                },
            ],
        }
    }
    lines, failures = score_reference(doc, gold)
    assert any("issues with a stance" in line for line in lines)
    assert bool(failures) is (not stance_ok)


# --- the track across documents (pure functions; Documents built by hand, no parse)


def _doc(
    doc_id: str, published: str, rounds: tuple[Any, ...] = (), pos: tuple[Position, ...] = ()
) -> Document:
    from peacewatch.records import Body, IssueRecord, Metadata, Negotiation

    issues = tuple(
        IssueRecord(
            issue=i, label=i, pax=None, mentions=(), positions=tuple(p for p in pos if p.issue == i)
        )
        for i in sorted({p.issue for p in pos})
    )
    return Document(
        meta=Metadata(id=doc_id, published=published),
        body=Body(text="x", paragraphs=()),
        negotiation=Negotiation(rounds=rounds, issues=issues),
    )


def _ev() -> Any:
    from peacewatch.records import Evidence

    return Evidence("x", 0, 1)


def test_merge_rounds_keeps_each_sources_numbering() -> None:
    from peacewatch.corpus.track import merge_rounds
    from peacewatch.records import Round

    a = _doc(
        "a", "2022-03-08", (Round(evidence=(_ev(),), place="Brest", date="2022-03-07", number=3),)
    )
    b = _doc(
        "b", "2022-03-09", (Round(evidence=(_ev(),), place="Brest", date="2022-03", number=4),)
    )
    c = _doc("c", "2022-03-30", (Round(evidence=(_ev(),), place="Istanbul", date="2022-03-29"),))
    vague = _doc("d", "2022-03-30", (Round(evidence=(_ev(),), format="in person"),))
    rounds = merge_rounds([a, b, c, vague])
    assert [(r.place, r.date) for r in rounds] == [
        ("Brest", "2022-03-07"),
        ("Istanbul", "2022-03-29"),
    ]
    assert len(rounds[0].reports) == 2
    assert rounds[0].disagreements and "numbering" in rounds[0].disagreements[0]
    assert not rounds[1].disagreements


def test_changes_between_rounds() -> None:
    from peacewatch.corpus.track import changes, positions_over_time
    from peacewatch.records import Round

    def p(stance: str, on: str, party: str | None = "UA") -> Position:
        return Position(issue="neutrality", stance=stance, evidence=_ev(), party=party, said_on=on)

    docs = [
        _doc("a", "2022-03-01", pos=(p("rejects", "2022-03-01"), p("demands", "2022-03-01", "RU"))),
        _doc("b", "2022-03-29", (Round(evidence=(_ev(),), place="Istanbul", date="2022-03-29"),)),
        _doc("c", "2022-03-30", pos=(p("discussed", "2022-03-30"), p("willing", "2022-03-30"))),
        _doc(
            "d",
            "2022-04-02",
            pos=(p("demands", "2022-04-02", "RU"), p(stance="offers", on="2022-04-02", party=None)),
        ),
    ]
    docs.append(_doc("e", "2022-04-03", pos=(p("accepts", "2022-04-03"),)))  # same direction
    over = positions_over_time(docs)
    assert [x.stance for x in over[("UA", "neutrality")]] == [
        "rejects",
        "discussed",
        "willing",
        "accepts",
    ]
    assert ("RU", "neutrality") in over and all(k[0] for k in over)
    moved = changes(docs)
    assert len(moved) == 1  # RU did not move; "discussed" is not a stance change
    assert moved[0].party == "UA" and moved[0].before.stance == "rejects"
    assert moved[0].after.stance == "willing" and moved[0].since_round == "Istanbul 2022-03-29"


def test_brief_links_every_line_to_a_source() -> None:
    from peacewatch.corpus.brief import brief_markdown
    from peacewatch.records import Round

    def p(stance: str, on: str) -> Position:
        return Position(issue="crimea", stance=stance, evidence=_ev(), party="RU", said_on=on)

    docs = [
        _doc("a", "2022-03-01", (Round(evidence=(_ev(),), place="Brest", date="2022-03-07"),)),
        _doc("b", "2022-03-02", pos=(p("demands", "2022-03-02"),)),
        _doc("c", "2022-03-20", pos=(p("offers", "2022-03-20"),)),
    ]
    md = brief_markdown(docs)
    assert "2022-03-07 · Brest" in md
    assert "**RU** demands" in md and "demands (2022-03-02, b) → offers (2022-03-20, c)" in md
    assert "(since Brest 2022-03-07)" in md
    for line in md.splitlines():
        if line.startswith(("- 2022", "  - a")):
            assert "[0:1]" in line  # the evidence span is on the line


def test_an_earlier_report_does_not_join_a_later_round() -> None:
    from peacewatch.corpus.track import merge_rounds
    from peacewatch.records import Round

    later = _doc("a", "2022-03-08", (Round(evidence=(_ev(),), place="Brest", date="2022-03-07"),))
    earlier = _doc("b", "2022-03-04", (Round(evidence=(_ev(),), place="Brest", number=2),))
    rounds = merge_rounds([later, earlier])
    assert [[x.doc for x in r.reports] for r in rounds] == [["a"], ["b"]]
