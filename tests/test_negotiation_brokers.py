"""Third parties who meet the sides of a table are not seated at it (issue 14).

Written for this test; the rule came from a news report on talks between Israel and Hamas.
"""

from __future__ import annotations

from spacy.language import Language

from peacewatch.pipeline import analyze
from peacewatch.records import Document, RawInput


def run(nlp: Language, text: str) -> Document:
    raw = RawInput(id="t", source="t.txt", data=text, content_type="text", published="2025-10-07")
    return analyze(raw, nlp=nlp)


def test_officials_meeting_delegations_from_both_sides_are_mediators(nlp: Language) -> None:
    doc = run(
        nlp,
        "Indirect talks on the plan are set to continue on Tuesday in Sharm El-Sheikh.\n\n"
        "The second day of the talks will see Egyptian and Qatari officials holding shuttle "
        "meetings with delegations from both Israel and Hamas separately.",
    )
    n = doc.negotiation
    assert set(n.parties) == {"IL", "Hamas"}
    assert {"EG", "QA"} <= set(n.mediators)


def test_delegations_from_both_sides_meeting_each_other_stay_parties(nlp: Language) -> None:
    doc = run(
        nlp,
        "Delegations from Armenia and Azerbaijan held talks in Washington on Monday, and "
        "Armenian and Azerbaijani negotiators agreed to meet again.",
    )
    assert {"AM", "AZ"} <= set(doc.negotiation.parties)


def test_two_leaders_who_meet_seat_their_states(nlp: Language) -> None:
    doc = run(
        nlp,
        "The Emir managed to bring together two foes, President Paul Kagame of Rwanda and "
        "Felix Tshisekedi of the DRC.\n\nThe M23 rebels are not concerned by the Doha meeting "
        "where President Tshisekedi and Kagame met for the first time in more than a year.",
    )
    assert set(doc.negotiation.parties) >= {"CD", "RW"}


def test_one_leader_meeting_is_no_table(nlp: Language) -> None:
    doc = run(nlp, "President Kagame met business leaders in Kigali on Monday.")
    assert doc.negotiation.parties == ()
