"""Speakers of reported speech in sentences written for these tests."""

from __future__ import annotations

from spacy.language import Language

from textdoc import analyze_text


def test_a_conjoined_report_is_its_own_quote(nlp: Language) -> None:
    text = (
        "Lebanese President Michel Aoun said the final draft met Lebanon's demands, and Israeli "
        "Prime Minister Yair Lapid called it a historic achievement that would strengthen "
        "Israel's security."
    )
    doc = analyze_text(nlp, text)
    by_speaker = {q.speaker.name: q.text for q in doc.quotes if q.speaker is not None}
    assert "Lapid" not in by_speaker.get("Michel Aoun", "Lapid")
    assert "historic achievement" in by_speaker.get("Yair Lapid", "")


def test_the_apposition_after_a_title_phrase_is_the_speaker(nlp: Language) -> None:
    text = "The head of the Arab League, Ahmed Aboul Gheit, said the body would send a delegation."
    doc = analyze_text(nlp, text)
    assert [q.speaker.name for q in doc.quotes if q.speaker is not None] == ["Ahmed Aboul Gheit"]
