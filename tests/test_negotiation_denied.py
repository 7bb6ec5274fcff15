"""Rounds a source says did not take place: kept as denials, set against reports of them as held.

Fixture sentences are our own (no text of ../shared). Each rule is checked with a case where it
must not fire.
"""

from __future__ import annotations

import json

from spacy.language import Language

from peacewatch.corpus.brief import brief_markdown
from peacewatch.corpus.negotiation import Sourced, track_state
from peacewatch.corpus.render import render
from peacewatch.corpus.track import merge_rounds, merge_track
from peacewatch.eval.negotiation_corpus import check_brief
from peacewatch.evidence import check_offsets
from peacewatch.pipeline import analyze
from peacewatch.records import Document, RawInput, Round
from peacewatch.serialize import to_json, validate
from peacewatch.store.load import from_json

DENIED_MEETING = (
    "Moscow denied that the Russian and Ukrainian delegations had met in Gomel on Monday."
)
HELD_MEETING = "The Russian and Ukrainian delegations met in Gomel on Monday for a fifth round."


def run(text: str, nlp: Language, doc_id: str = "t", published: str = "2022-03-16") -> Document:
    raw = RawInput(id=doc_id, source="test", data=text, content_type="text", published=published)
    doc = analyze(raw, published=published, nlp=nlp)
    check_offsets(doc)
    return doc


def _statuses(doc: Document) -> list[tuple[str | None, str | None, str | None]]:
    return [(r.status, r.place, r.date) for r in doc.negotiation.rounds]


# --- one article


def test_a_denied_round_is_kept_with_its_evidence(nlp: Language) -> None:
    doc = run(DENIED_MEETING, nlp)
    assert _statuses(doc) == [("denied", "Gomel", "2022-03-14")]
    ev = doc.negotiation.rounds[0].evidence[0]
    assert doc.body.text[ev.start : ev.end] == ev.text
    assert ev.text.startswith("Moscow denied")  # the evidence names who denies it
    # A denied round seats no party and gives no host.
    assert doc.negotiation.parties == () and doc.negotiation.hosts == ()
    data = to_json(doc)
    validate(data)  # the output contract allows the status
    back = from_json(json.loads(json.dumps(data)))
    assert back.negotiation.rounds == doc.negotiation.rounds
    check_offsets(back)


def test_negated_and_reported_denials(nlp: Language) -> None:
    for text in (
        "The Russian and Ukrainian delegations did not meet in Gomel on Monday.",
        "There were no peace talks between Russia and Ukraine in Minsk on Monday.",
        "The Kremlin denied reports that Russian and Ukrainian negotiators held talks in Minsk.",
        "Kyiv dismissed claims of peace talks with Russia in Minsk.",
    ):
        doc = run(text, nlp)
        assert [r.status for r in doc.negotiation.rounds] == ["denied"], text


def test_a_denial_by_someone_is_kept_without_place_or_date(nlp: Language) -> None:
    doc = run("Moscow denied that peace talks with Kyiv took place.", nlp)
    assert _statuses(doc) == [("denied", None, None)]
    assert doc.negotiation.rounds[0].evidence[0].text.startswith("Moscow denied")
    # A bare negation with neither place nor date is as vague as a held mention with neither.
    assert run("The Russian and Ukrainian delegations did not meet.", nlp).negotiation.rounds == ()


def test_a_refusal_or_a_cancellation_is_no_denied_round(nlp: Language) -> None:
    for text in (
        "There will be no peace talks between Russia and Ukraine without a ceasefire.",
        "The Russian and Ukrainian delegations will not meet in Gomel on Friday.",
    ):
        assert run(text, nlp).negotiation.rounds == (), text


def test_what_is_not_a_denial_of_the_round(nlp: Language) -> None:
    # A negated denial: the round was held.
    doc = run(
        "The Kremlin did not deny that the Russian and Ukrainian delegations met in Gomel.", nlp
    )
    assert [r.status for r in doc.negotiation.rounds] == ["held"]
    # Denying that talks failed is not denying the talks: they were held, in Gomel (undated).
    doc = run("Russia denied that the peace talks with Ukraine in Gomel had failed.", nlp)
    assert _statuses(doc) == [("held", "Gomel", None)]
    # A held round is still held.
    doc = run(HELD_MEETING, nlp)
    assert _statuses(doc) == [("held", "Gomel", "2022-03-14")]
    assert set(doc.negotiation.parties) == {"RU", "UA"}


def test_held_and_denied_in_one_article_stay_two_claims(nlp: Language) -> None:
    doc = run(HELD_MEETING + "\n\n" + DENIED_MEETING, nlp)
    assert sorted(r.status or "" for r in doc.negotiation.rounds) == ["denied", "held"]
    # The delegations' parties come from the held report only, and both claims are kept.
    assert set(doc.negotiation.parties) == {"RU", "UA"}
    check_offsets(doc)


# --- across documents


def _sourced(docs: list[Document]) -> list[Sourced]:
    return [Sourced(d, d.meta.id) for d in docs]


def test_a_denial_alone_is_a_denied_round_never_a_held_one(nlp: Language) -> None:
    denial = run(DENIED_MEETING, nlp, "deny")
    held = run(
        "Russian and Ukrainian negotiators met in Istanbul on Tuesday.", nlp, "held", "2022-03-16"
    )
    rounds, denied = merge_track([denial, held])
    assert [(r.place, r.date) for r in rounds] == [("Istanbul", "2022-03-15")]
    assert [(r.place, r.date, r.denied) for r in denied] == [("Gomel", "2022-03-14", True)]
    assert merge_rounds([denial, held]) == rounds
    state = track_state(_sourced([denial, held]))
    assert [r["place"] for r in state["rounds"]] == ["Istanbul"]
    assert [(r["place"], r["status"]) for r in state["denied_rounds"]] == [("Gomel", "denied")]
    ev = state["denied_rounds"][0]["denied_by"][0]
    assert denial.body.text[ev["start"] : ev["end"]] == ev["text"]
    # The brief lists it apart, as denied, and not among the rounds held.
    md = brief_markdown([denial, held])
    held_part, _, denied_part = md.partition("## Rounds said not to have taken place")
    assert "Gomel" not in held_part.split("## Positions")[0]
    assert "Gomel" in denied_part and "denied, 1 report" in denied_part
    assert "says it did not take place" in denied_part
    out = render(state, markdown=True)
    assert "Rounds said not to have taken place" in out
    assert "[denied: 1 report(s), 1 independent]" in out
    # The eval's brief check (what the brief lists as rounds) does not see the denial.
    want = [{"label": "Gomel", "place": ["Gomel"], "format": None}]
    assert check_brief(state, want) == [("Gomel", "MISSING")]


def test_a_denial_and_a_held_report_make_a_contested_round(nlp: Language) -> None:
    held = run(HELD_MEETING, nlp, "held", "2022-03-15")
    denial = run(DENIED_MEETING, nlp, "deny", "2022-03-16")
    rounds, denied = merge_track([held, denial])
    assert denied == []
    assert len(rounds) == 1
    r = rounds[0]
    assert (r.place, r.date, r.denied) == ("Gomel", "2022-03-14", False)
    assert [x.doc for x in r.denials] == ["deny"]
    note = next(n for n in r.disagreements if n.startswith("whether it took place"))
    # Both evidences are in the note, each an exact span of its own document.
    for doc in (held, denial):
        ev = next(x.round.evidence[0] for x in r.reports if x.doc == doc.meta.id)
        assert f"{doc.meta.id}[{ev.start}:{ev.end}]" in note
        assert doc.body.text[ev.start : ev.end] == ev.text
    state = track_state(_sourced([held, denial]))
    (sr,) = state["rounds"]
    assert sr["status"] == "contested"
    assert sr["n_independent"] == 1  # a denial is no witness that the round took place
    assert [x["status"] for x in sr["reports"]] == ["held", "denied"]
    md = brief_markdown([held, denial])
    assert "contested, 2 reports" in md and "sources disagree: whether it took place" in md


def test_a_denial_does_not_join_a_round_dated_after_it(nlp: Language) -> None:
    denial = run(DENIED_MEETING, nlp, "deny", "2022-03-16")
    later = run(
        "The Russian and Ukrainian delegations met in Gomel on Friday.", nlp, "later", "2022-03-19"
    )
    rounds, denied = merge_track([denial, later])
    assert [(r.place, r.date) for r in rounds] == [("Gomel", "2022-03-18")]
    assert not rounds[0].denials
    assert [(r.place, r.date) for r in denied] == [("Gomel", "2022-03-14")]


def test_a_denial_that_fits_several_rounds_stays_apart() -> None:
    from peacewatch.records import Body, Evidence, Metadata, Negotiation

    def doc(doc_id: str, published: str, *rounds: Round) -> Document:
        return Document(
            meta=Metadata(id=doc_id, published=published),
            body=Body(text="x", paragraphs=()),
            negotiation=Negotiation(rounds=rounds),
        )

    ev = (Evidence("x", 0, 1),)
    a = doc("a", "2022-03-01", Round(evidence=ev, place="Brest", date="2022-02-28", status="held"))
    b = doc("b", "2022-03-08", Round(evidence=ev, place="Brest", date="2022-03-07", status="held"))
    no = doc("c", "2022-03-20", Round(evidence=ev, place="Brest", status="denied"))
    rounds, denied = merge_track([a, b, no])
    assert [r.date for r in rounds] == ["2022-02-28", "2022-03-07"]
    assert all(not r.denials for r in rounds)
    assert [(r.place, r.denied) for r in denied] == [("Brest", True)]
