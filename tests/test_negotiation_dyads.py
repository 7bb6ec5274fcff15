"""Parties from conflict dyads (issue 14, dyads.py): two named opponents of a UCDP conflict in
a text about talks are its parties. Fixture sentences are our own."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.negotiation.dyads import dyads
from peacewatch.pipeline import analyze
from peacewatch.records import Negotiation, RawInput


def negotiation(nlp: Language, text: str, title: str | None = None) -> Negotiation:
    raw = RawInput(
        id="t", source="t.txt", data=text, content_type="text", published="2022-05-02",
        title=title,
    )  # fmt: skip
    return analyze(raw, nlp=nlp).negotiation


def test_the_dyad_table_holds_ucdp_and_curated_opponents() -> None:
    table = dyads()
    assert table[frozenset({"state:KG", "state:TJ"})] == "primary"
    assert table[frozenset({"state:AM", "state:AZ"})] == "secondary"
    assert table[frozenset({"state:IL", "state:LB"})] == "curated"
    # allies are not opponents; the 2001 war is before the first year kept
    assert frozenset({"state:AF", "state:US"}) not in table


def test_a_readout_naming_two_opponents_gives_the_parties(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary spoke with the Foreign Minister of Tajikistan. He commended the efforts "
        "to de-escalate the Kyrgyz and Tajik border clashes and resolve the dispute peacefully.",
    )
    assert set(n.parties) == {"KG", "TJ"}


def test_a_state_and_an_armed_group_are_parties(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Special Envoy met representatives of the Afghan government in Doha and urged the "
        "Taliban to engage in serious peace talks.",
    )
    assert {"AF", "Taliban"} <= set(n.parties)


def test_a_state_named_only_as_a_place_is_not_a_party(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Special Envoy urged the Taliban to engage in peace talks to end the war in "
        "Afghanistan.",
    )
    assert "Taliban" in n.parties
    assert "AF" not in n.parties


def test_no_dyad_without_a_process(nlp: Language) -> None:
    n = negotiation(nlp, "The Kyrgyz and Tajik delegations visited a museum together.")
    assert n.parties == ()


def test_two_named_allies_are_not_parties(nlp: Language) -> None:
    n = negotiation(
        nlp, "France and Germany discussed the peace process in the Sahel with their partners."
    )
    assert not {"FR", "DE"} & set(n.parties)


def test_the_dyad_named_in_the_title_wins(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The donors pledged support for the peace process. They also condemned the Russian "
        "invasion of Ukraine. The Houthis must engage with the UN envoy on Yemen's future.",
        title="Remarks at the Pledging Conference for Yemen",
    )
    assert "Houthis" in n.parties
    assert not {"RU", "UA"} & set(n.parties)


def test_an_envoy_named_by_apposition_mediates_with_the_body(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary met with Jan Novak, the UN Secretary-General's Personal Envoy for "
        "the region, today to discuss the UN political process.",
    )
    assert "Jan Novak" in n.mediators
    # the body mediates when the text names it running the process (third_parties.envoys)
    assert "United Nations" in n.mediators


def test_a_title_before_and_belongs_to_its_own_person(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Special Envoy and Foreign Minister Jan Novak discussed the peace process.",
    )
    assert "Jan Novak" not in n.mediators


def test_a_state_named_by_its_president_is_a_side(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary spoke with Afghan President Ashraf Ghani about the Taliban offensive "
        "and the peace talks.",
    )
    assert {"AF", "Taliban"} <= set(n.parties)


def test_a_governing_body_stands_for_its_state(nlp: Language) -> None:
    n = negotiation(
        nlp,
        "The Secretary welcomed the Presidential Leadership Council's commitment to the truce "
        "and urged the Houthis to join peace talks in Yemen.",
    )
    assert {"Presidential Leadership Council (Yemen)", "Houthis"} <= set(n.parties)
    assert "YE" not in n.parties
