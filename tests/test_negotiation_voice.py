"""Who holds a position (issue 14, voice.py): the issuer, a transcript turn's speaker, a joint
statement's signatories, a named non-state actor, the referent of "he" and "they"."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.records import Position
from textdoc import NEWSROOM, STATE, analyze_text


def positions(
    nlp: Language, text: str, publisher: str | None = STATE, title: str | None = None
) -> list[Position]:
    doc = analyze_text(nlp, text, publisher=publisher, title=title)
    return [p for i in doc.negotiation.issues for p in i.positions]


def held(ps: list[Position], issue: str) -> set[str | None]:
    return {p.party for p in ps if p.issue == issue}


def test_we_of_a_foreign_ministry_release_is_its_state(nlp: Language) -> None:
    assert held(positions(nlp, "We urge an immediate ceasefire in the region."), "ceasefire") == {
        "US"
    }


def test_we_of_a_newsroom_is_no_party(nlp: Language) -> None:
    ps = positions(nlp, "We urge an immediate ceasefire in the region.", NEWSROOM)
    assert held(ps, "ceasefire") == {None}


def test_a_transcript_turn_is_its_speaker_s_and_a_question_turn_no_one_s(nlp: Language) -> None:
    text = (
        "SECRETARY BLINKEN: Thank you all for coming, said Secretary of State Antony Blinken "
        "of the United States.\n\nWe will keep pressing for a ceasefire in the region.\n\n"
        "QUESTION: Thank you, Mr. Secretary.\n\nWe want a ceasefire now, in the view of my "
        "editor.\n"
    )
    ps = positions(nlp, text)
    by_words = {p.evidence.text.split()[0]: p.party for p in ps if p.issue == "ceasefire"}
    assert by_words == {"pressing": "US", "want": None}


def test_we_of_a_joint_statement_is_each_signatory(nlp: Language) -> None:
    text = (
        "The following statement was released by the Governments of Norway, Canada and Japan."
        "\n\nBegin text:\n\nWe call for a nationwide ceasefire in Freedonia."
    )
    ps = positions(nlp, text, title="Joint Statement on Freedonia")
    assert held(ps, "ceasefire") == {"NO", "CA", "JP"}
    # one position per signatory, all with the one sentence as evidence
    assert len({p.evidence.start for p in ps}) == 1


def test_a_single_issuer_release_has_no_signatories(nlp: Language) -> None:
    text = "The Secretary spoke with the foreign ministers of Norway and Japan.\n\nWe call for a "
    text += "nationwide ceasefire in Freedonia."
    assert held(positions(nlp, text), "ceasefire") == {"US"}


def test_a_named_non_state_actor_holds_its_stance(nlp: Language) -> None:
    assert held(positions(nlp, "The Houthis rejected the truce on Monday."), "ceasefire") == {
        "Houthis"
    }


def test_they_after_a_named_group_is_that_group(nlp: Language) -> None:
    text = "The Taliban said they want a ceasefire. They also rejected any prisoner exchange."
    ps = positions(nlp, text)
    assert held(ps, "ceasefire") == {"Taliban"}
    assert held(ps, "prisoners") == {"Taliban"}


def test_a_named_modifier_owns_a_stance_noun(nlp: Language) -> None:
    ps = positions(nlp, "The UN truce proposal could be a first step toward peace.")
    assert held(ps, "ceasefire") == {"United Nations"}


def test_he_continues_the_last_subject_not_the_nearest_name(nlp: Language) -> None:
    text = (
        "Secretary Blinken updated Foreign Minister Kuleba of Ukraine on the talks. He reiterated "
        "the U.S. commitment to a ceasefire."
    )
    ps = positions(nlp, text, "U.S. Department of State / Antony J. Blinken, Secretary of State")
    assert held(ps, "ceasefire") == {"US"}


def test_a_clause_without_subject_is_its_governing_subject_s(nlp: Language) -> None:
    text = "China is moving away by refusing to condemn the war while seeking a ceasefire."
    assert held(positions(nlp, text), "ceasefire") == {"CN"}


def test_a_question_in_no_side_s_voice_is_no_position(nlp: Language) -> None:
    assert positions(nlp, "Will Russia accept a ceasefire?", NEWSROOM) == []


def test_a_speaker_the_title_describes_speaks_for_their_country(nlp: Language) -> None:
    text = (
        "FOREIGN MINISTER NORDMANN: Thank you, Mr. Secretary.\n\nWe will never accept a "
        "ceasefire that leaves our land occupied.\n"
    )
    title = "Secretary Blinken and Norwegian Foreign Minister Kari Nordmann Statements to the Press"
    ps = positions(
        nlp, text, "U.S. Department of State / Antony J. Blinken, Secretary of State", title
    )
    assert held(ps, "ceasefire") == {"NO"}


def test_signatories_are_the_preamble_s_list_not_the_topic(nlp: Language) -> None:
    text = (
        "Representatives of Norway, Canada, the European Union and Japan met in Oslo on May 10 "
        "to discuss the crisis in Syria.\n\nBegin text:\n\nWe call for a nationwide ceasefire."
    )
    ps = positions(nlp, text, title="Joint Statement on Freedonia")
    assert held(ps, "ceasefire") == {"NO", "CA", "European Union", "JP"}


def test_ministers_of_the_released_by_line_sign_for_their_states(nlp: Language) -> None:
    # Names written for this test; the list ends before its topic ("on Freedonia's ...").
    text = (
        "The following statement was released by Norwegian Foreign Minister Anniken Huitfeldt, "
        "Canadian Foreign Minister Melanie Joly and Japanese Foreign Minister Yoshimasa Hayashi "
        "on Syria's presidential election.\n\nBegin text:\n\nWe call for a nationwide "
        "ceasefire."
    )
    ps = positions(nlp, text, title="Joint Statement on Syria")
    assert "SY" not in held(ps, "ceasefire")
    assert {"NO", "CA", "JP"} <= held(ps, "ceasefire")


def test_the_one_called_on_owns_its_commitments(nlp: Language) -> None:
    text = (
        "We urge the Taliban to honour their commitments to cooperate on humanitarian assistance."
    )
    ps = positions(nlp, text)
    assert {p.party for p in ps if p.stance == "committed"} == {"Taliban"}
    ps = positions(nlp, "We call on Armenia and Azerbaijan to uphold their ceasefire commitments.")
    # two called on: "their" is each one's own (issue 14, H1 second pass); not the caller's
    assert {p.party for p in ps if p.stance == "committed"} == {"AM", "AZ"}


def test_a_gerund_after_a_noun_is_the_clause_subject_s(nlp: Language) -> None:
    text = "The Houthis bear major responsibility for refusing to engage on a ceasefire."
    assert held(positions(nlp, text), "ceasefire") == {"Houthis"}


def test_a_named_holder_without_a_party_speaks_for_his_country(nlp: Language) -> None:
    text = (
        "Austrian Chancellor Karl Nehammer visited the region on Monday.\n\n"
        "For his part, Karl Nehammer said that his country fully supports the sanctions.\n"
    )
    ps = positions(nlp, text, NEWSROOM)
    assert "AT" in held(ps, "sanctions")
