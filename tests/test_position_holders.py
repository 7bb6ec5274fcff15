"""Who holds a position when the clause does not name its holder plainly (issue 14, H1):
agentless passives, relative clauses on the issue, reports by abstract subjects, recipients,
pairs, an addressed parliament, and holders that name nobody. Fixture sentences are written
for these tests (not copied from the corpora)."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Document, Position
from textdoc import NEWSROOM, STATE, analyze_text

UKRAINE = "President of Ukraine / Office of the President (www.president.gov.ua/en)"


def _doc(nlp: Language, text: str, publisher: str = STATE, title: str | None = None) -> Document:
    return analyze_text(nlp, text, publisher=publisher, title=title)


def positions(nlp: Language, text: str, **kw: str) -> list[Position]:
    return [p for i in _doc(nlp, text, **kw).negotiation.issues for p in i.positions]


def held(ps: list[Position], issue: str, stance: str | None = None) -> set[str | None]:
    return {p.party for p in ps if p.issue == issue and (stance is None or p.stance == stance)}


def test_an_agreement_in_the_passive_without_parties_is_the_voice_s(nlp: Language) -> None:
    ps = positions(nlp, "Two humanitarian corridors have been agreed for the evacuation.")
    assert held(ps, "humanitarian", "accepts") == {"US"}


def test_a_recipient_in_the_passive_is_offered_by_the_voice(nlp: Language) -> None:
    assert held(positions(nlp, "Russia was offered a ceasefire for Easter."), "ceasefire") == {"US"}
    # ... unless the recipient is the voice's own side.
    ps = positions(nlp, "If we are offered a ceasefire tomorrow, we will consider it.")
    assert "US" not in held(ps, "ceasefire", "offers")


def test_proposals_a_delegation_received_are_the_voice_s(nlp: Language) -> None:
    ps = positions(nlp, "The Russian delegation received proposals for a ceasefire.")
    assert held(ps, "ceasefire", "offers") == {"US"}


def test_a_relative_clause_on_the_issue_is_the_voice_s(nlp: Language) -> None:
    ps = positions(nlp, "We will work for new sanctions, sanctions that are needed now.")
    assert held(ps, "sanctions", "seeks") == {"US"}


def test_an_abstract_subject_of_a_report_verb_is_not_a_speaker(nlp: Language) -> None:
    text = "The fact that Moscow keeps shelling cities shows that more sanctions are needed."
    assert held(positions(nlp, text), "sanctions") == {"US"}


def test_a_passive_control_verb_keeps_its_subject_as_the_doer(nlp: Language) -> None:
    ps = positions(nlp, "We were compelled to accept the ceasefire.")
    assert held(ps, "ceasefire", "accepts") == {"US"}


def test_nobody_holds_no_position_but_the_issue_stays(nlp: Language) -> None:
    doc = _doc(nlp, "No one will ever recognize the results of this referendum.")
    rec = [i for i in doc.negotiation.issues if i.issue == "referendum"]
    assert rec and rec[0].mentions
    assert rec[0].positions == ()


def test_you_in_a_speech_to_a_parliament_is_its_country(nlp: Language) -> None:
    title = "Speech by the President of Ukraine in the Parliament of Japan"
    ps = positions(nlp, "You can support further sanctions.", publisher=UKRAINE, title=title)
    assert held(ps, "sanctions", "accepts") == {"JP"}
    # An address to the speaker's own people has no foreign addressee.
    title = "Address by the President of Ukraine to Ukrainians"
    ps = positions(nlp, "You can support further sanctions.", publisher=UKRAINE, title=title)
    assert held(ps, "sanctions", "accepts") <= {None}


def test_people_of_a_body_speak_for_it(nlp: Language) -> None:
    text = "Top diplomats from the Group of Seven urged Russia to accept a ceasefire."
    assert held(positions(nlp, text, publisher=NEWSROOM), "ceasefire") == {"Group of Seven"}


def test_eval_counts_issues_with_every_party_s_stance() -> None:
    from peacewatch.eval.processes import Score, add_stances
    from peacewatch.records import Body, Evidence, IssueRecord, Metadata, Negotiation, Paragraph

    ev = Evidence("x", 0, 1)

    def pos(party: str, status: str | None = None) -> Position:
        return Position("ceasefire", "demands", ev, party=party, status=status)  # type: ignore[arg-type]

    def doc(*ps: Position) -> Document:
        rec = IssueRecord("ceasefire", "ceasefire", None, (ev,), ps)
        return Document(
            meta=Metadata(id="t"),
            body=Body("x", (Paragraph(0, 1),)),
            negotiation=Negotiation(issues=(rec,)),
        )

    gold = {
        "parties": ["Armenia", "Azerbaijan"],
        "issues": [{"issue": "ceasefire"}, {"issue": "hostages_prisoners"}],
        "positions": [
            {"party": "Armenia", "issue": "ceasefire", "stance": "demands"},
            {"party": "Azerbaijan", "issue": "ceasefire", "stance": "accepts"},
        ],
    }
    s = Score()
    add_stances(s, gold, doc(pos("AM"), pos("AZ")))  # type: ignore[arg-type]
    assert s.stances == [1, 2] and s.stances_stated == [1, 1]
    s = Score()
    add_stances(s, gold, doc(pos("AM"), pos("AZ", "denied")))  # type: ignore[arg-type]
    assert s.stances == [0, 2] and s.stances_stated == [0, 1]


def test_they_are_the_side_just_named_other_than_the_voice(nlp: Language) -> None:
    text = (
        "Today we heard from Moscow that talks may resume. They want to discuss a ceasefire first."
    )
    assert held(positions(nlp, text), "ceasefire") == {"RU"}


def test_what_the_media_discussed_is_nobody_s_stance(nlp: Language) -> None:
    text = (
        "The ultimatum contained the items that were discussed in the media, such as a ceasefire."
    )
    assert held(positions(nlp, text), "ceasefire") <= {"US"}


def test_both_called_on_own_their_commitments(nlp: Language) -> None:
    text = "We call on Armenia and Azerbaijan to uphold their ceasefire commitments."
    ps = positions(nlp, text)
    assert held(ps, "ceasefire", "committed") == {"AM", "AZ"}
    assert held(ps, "ceasefire") == {"AM", "AZ", "US"}  # the caller's demand is the U.S.'s


def test_a_dummy_it_leaves_the_stance_to_the_speaker(nlp: Language) -> None:
    text = "Well, it was critical to get to the ceasefire quickly."
    assert held(positions(nlp, text), "ceasefire") == {"US"}
