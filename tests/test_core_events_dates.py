"""Dates in the core-event scorer (eval/core_events.py) on records written for these tests,
and two date rules of the event coder on sentences written for them (issue 16)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.eval.core_events import GoldEvent, date_agrees, load_dates, load_gold, score
from textdoc import STATE, analyze_text


def _event(kind: str, date: str, precision: str, text: str = "") -> dict[str, object]:
    return {
        "type": kind,
        "actors": [{"name": "US", "country": "US"}],
        "recipients": [],
        "date": date,
        "date_precision": precision,
        "date_basis": "stated",
        "evidence": {"text": text},
    }


def test_a_date_agrees_at_the_gold_precision_and_no_coarser() -> None:
    assert date_agrees(_event("CONSULT", "2022-03-14", "day"), "2022-03")
    assert date_agrees(_event("CONSULT", "2022-03-14", "day"), "2022-03-14")
    assert not date_agrees(_event("CONSULT", "2022-03-15", "day"), "2022-03-14")
    assert not date_agrees(_event("CONSULT", "2022", "year"), "2022-03-14")
    assert not date_agrees(_event("CONSULT", "2022-03", "month"), "2022-03-14")
    assert date_agrees(_event("CONSULT", "2022-03-30", "before"), "2022-03-30")
    assert not date_agrees({"date": None, "date_precision": "unknown"}, "2022")


def test_dates_are_scored_on_the_pair_whose_sentence_the_key_quotes() -> None:
    gold: dict[str, list[GoldEvent]] = {
        "d": [("CONSULT", "US", None, "met in Rabat"), ("CONSULT", "US", None, "will travel")]
    }
    dates: dict[str, dict[str, str | None]] = {
        "d": {"met in Rabat": "2022-03-08", "will travel": "2022-03-30"}
    }
    records = {
        "d": [
            _event("CONSULT", "2022-03-30", "day", "She will travel to Algeria."),
            _event("CONSULT", "2022-03-08", "day", "They met in Rabat today."),
        ]
    }
    s = score(records, "dev", gold, dates)
    assert (s.matched, s.dated, s.date_right) == (2, 2, 2)


def test_every_dated_gold_key_is_a_gold_event() -> None:
    gold, dates = {**load_gold()["dev"], **load_gold()["held_out"]}, load_dates()
    assert dates and set(dates) <= set(gold)
    for doc, by_key in dates.items():
        assert set(by_key) == {g[3] for g in gold[doc]}
        for when in by_key.values():
            assert when is None or len(when) in (4, 7, 10)


def test_a_date_on_a_noun_is_not_the_meetings(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "Reeker will meet in Georgia with government leaders to discuss the April 19 "
        "agreement among Georgian political parties.",
        published="2021-06-04",
        publisher=STATE,
    )
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].date != "2021-04-19", consult


def test_she_goes_on_with_the_day_of_the_sentence_before(nlp: Language) -> None:
    doc = analyze_text(
        nlp,
        "On April 27, in Bosnia and Herzegovina, Donfried will encourage officials to resume "
        "participation. She will urge Bosnia and Herzegovina to hold fall elections on time. "
        "She will also thank Montenegro for joining EU sanctions on Russia.",
        published="2022-04-21",
        publisher=STATE,
    )
    urge = [e for e in doc.events if e.type == "REQUEST"]
    assert urge and urge[0].date == "2022-04-27", doc.events
    sanction = [e for e in doc.events if e.type == "SANCTION"]
    assert all(e.date != "2022-04-27" for e in sanction), sanction
