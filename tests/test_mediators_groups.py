"""Mediators, hosts and contact groups (issue 14, H2, 2026-12-04 seventh round): convening and
hosting verbs, shuttle diplomacy, good offices, an envoy's trip, the facilitators' nationality,
and contact groups by name. Fixture sentences are our own; each rule has a case where it must
not fire."""

from __future__ import annotations

from spacy.language import Language

from peacewatch.extract.negotiation.groups import groups, members_of
from peacewatch.lexicons import load_json
from textdoc import STATE, analyze_text


def thirds(nlp: Language, text: str) -> tuple[set[str], set[str], set[str]]:
    neg = analyze_text(nlp, text, publisher=STATE).negotiation
    third = {*neg.mediators, *neg.hosts, *neg.guarantors, *neg.observers}
    return set(neg.parties), third, set(neg.hosts)


def test_convening_and_hosting_subjects(nlp: Language) -> None:
    _, third, _ = thirds(
        nlp, "Turkey convened a meeting of Russian and Ukrainian foreign ministers in Antalya."
    )
    assert "TR" in third
    # a conference on a topic, with nobody's meeting named, convenes no sides
    _, none, _ = thirds(nlp, "Turkey convened a conference on climate finance in Antalya.")
    assert "TR" not in none


def test_shuttle_diplomacy_and_good_offices(nlp: Language) -> None:
    parties, third, _ = thirds(
        nlp,
        "The United Nations conducted shuttle diplomacy between Israel and Lebanon on the "
        "maritime boundary negotiations.",
    )
    assert "United Nations" in third and {"IL", "LB"} <= parties
    _, third, _ = thirds(
        nlp,
        "Through the good offices of the United Nations, the Greek Cypriot and Turkish Cypriot "
        "leaders agreed to resume talks.",
    )
    assert "United Nations" in third
    # the subject after the opening phrase is not one more name of its list
    assert "GR" not in third


def test_the_facilitators_nationality_is_not_a_mediator(nlp: Language) -> None:
    _, third, _ = thirds(
        nlp,
        "The African Union-led peace talks, facilitated by former Kenyan President Uhuru "
        "Kenyatta and former Nigerian President Olusegun Obasanjo, produced a cessation of "
        "hostilities agreement between Ethiopia and the TPLF.",
    )
    assert {"African Union", "Uhuru Kenyatta", "Olusegun Obasanjo"} <= third
    assert not {"KE", "NG"} & third
    # a state named as mediating still is one
    _, third, _ = thirds(nlp, "Kenya mediated the talks between Ethiopia and the TPLF.")
    assert "KE" in third


def test_an_envoys_trip_for_the_process_names_its_hosts(nlp: Language) -> None:
    _, third, hosts = thirds(
        nlp,
        "U.S. Special Envoy for the Horn of Africa Jeffrey Feltman will travel to Egypt and "
        "Kenya from May 4 to May 13 to advance the peace talks.",
    )
    assert "Jeffrey Feltman" in third and {"EG", "KE"} <= hosts
    # a trip with no process named hosts nothing
    _, _, hosts = thirds(
        nlp,
        "U.S. Special Envoy for the Horn of Africa Jeffrey Feltman will travel to Egypt and "
        "Kenya from May 4 to May 13 to discuss trade and investment.",
    )
    assert not hosts
    # the country of the envoy's own portfolio is a side, not a host
    _, _, hosts = thirds(
        nlp,
        "U.S. Special Envoy for Yemen Tim Lenderking will travel to Aden, Yemen and Muscat, "
        "Oman to support the truce.",
    )
    assert "OM" in hosts and "YE" not in hosts


def test_a_contact_group_is_one_third_party_not_its_members(nlp: Language) -> None:
    parties, third, _ = thirds(
        nlp,
        "The Troika (the United States, the United Kingdom and Norway) welcomed the ceasefire "
        "between Sudan and South Sudan and a proposal presented by the Troika to both parties.",
    )
    assert "Troika" in third
    assert not {"US", "GB", "NO"} & (parties | third)
    # a group named after a country is not that country
    _, third, _ = thirds(
        nlp, "Sudan's talks are facilitated by the Friends of Sudan and the African Union."
    )
    assert "Friends of Sudan" in third and "SD" not in third
    # a bare "Troika" where the text names none of its process's countries is no group
    _, third, _ = thirds(nlp, "The peace talks between Armenia and Azerbaijan had a troika.")
    assert "Troika" not in third


def test_the_group_lexicon_cites_a_source_for_every_group() -> None:
    data = load_json("contact_groups.json")
    assert all(g["sources"] and g["members"] and g["theatre"] for g in data["groups"])
    assert {g.name for g in groups()} >= {"Troika", "Quint", "Middle East Quartet"}
    assert members_of("OSCE Minsk Group") == ("FR", "RU", "US")


def test_the_state_of_a_third_country_venue_hosts_the_talks(nlp: Language) -> None:
    _, _, hosts = thirds(
        nlp, "Senior leaders of Afghanistan and the Taliban held peace talks in Doha on July 17."
    )
    assert "QA" in hosts
    # a meeting that is not about the process (no sides, no subject) names no host
    _, _, hosts = thirds(nlp, "The ministers held a meeting in Doha on July 17.")
    assert "QA" not in hosts
    # a conference on a topic, not on a process or a country, names no host
    _, _, hosts = thirds(nlp, "Norway held a conference on climate finance in Oslo on May 1.")
    assert "NO" not in hosts


def test_an_official_who_meets_both_sides_is_a_go_between(nlp: Language) -> None:
    _, third, _ = thirds(
        nlp,
        "Following talks with Lebanese counterparts in May, Senior Advisor Amos Hochstein held "
        "conversations last week with Israeli counterparts on their maritime boundary.",
    )
    assert "Amos Hochstein" in third
    # one side only is a bilateral meeting
    _, third, _ = thirds(
        nlp,
        "Senior Advisor Amos Hochstein held conversations last week with Israeli counterparts "
        "on their maritime boundary.",
    )
    assert "Amos Hochstein" not in third
    # a trip to both sides for bilateral business is no shuttle
    _, third, _ = thirds(
        nlp,
        "Acting Assistant Secretary Philip Reeker will travel to Baku, Azerbaijan and Yerevan, "
        "Armenia June 6-13 to advance bilateral priorities and economic development.",
    )
    assert "Philip Reeker" not in third


def test_the_head_of_a_sides_delegation_is_no_mediator(nlp: Language) -> None:
    text = (
        "Special Representative for Afghanistan Thomas West led a senior interagency delegation "
        "to continue discussions with senior Taliban representatives in Tashkent on the peace "
        "process."
    )
    _, third, _ = thirds(nlp, text)
    assert "Thomas West" not in third
    _, third, _ = thirds(
        nlp, "UN Special Envoy for Yemen Hans Grundberg met the parties on the truce in Amman."
    )
    assert "Hans Grundberg" in third


def test_thanks_for_bringing_together_hosts_and_mediation_through_a_body(nlp: Language) -> None:
    text = (
        "We are here for the conference on the ceasefire in Libya. Great thanks to Germany for "
        "bringing everyone together."
    )
    _, third, _ = thirds(nlp, text)
    assert "DE" in third
    _, third, _ = thirds(nlp, "Great thanks to Germany for the lunch during the Libya talks.")
    assert "DE" not in third
    _, third, _ = thirds(
        nlp,
        "We reiterate our support for UN mediation efforts through UNSMIL to sustain Libya's "
        "ceasefire.",
    )
    assert "UNSMIL" in third


def test_an_envoy_named_by_as(nlp: Language) -> None:
    _, third, _ = thirds(
        nlp,
        "We support the Libyan ceasefire talks through the work of Ambassador Richard Norland "
        "as the U.S. Special Envoy for Libya.",
    )
    assert "Richard Norland" in third
